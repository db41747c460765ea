// Reads the built book (target/book) in Debian's Chromium, as a reader on a laptop and on a
// phone would, and checks what a reader relies on. Run by .ci/run after `mdbook build`:
//
//     node tests/browser/check.mjs          (BOOK_DIR, SCREENSHOT_DIR, CHROMIUM override the defaults)
//
// The book is served from 127.0.0.1 under the path of book.toml's site-url, as GitHub Pages
// serves it; no request leaves the machine (the Rust Playground is answered by a stub).
// Ends with "N passed, N failed" and exits 1 when anything failed. A check that cannot run is
// a failure too, unless the README's "Allowed skips" list names it (it names none today).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, THEMES, LAPTOP, ORIGIN, BASE, at, browser, check, skip, setTheme, finish } from './harness.mjs';

const PHRASE = 'cannot be sent between threads safely';
const RUN_HINT = 'cargo run -p listings --example';
const DARK = 'coal';
const PHONE = { width: 390, height: 844 };
const MIN_CONTRAST = 4.5;

// Chapters, in SUMMARY.md order: every `[Title](file.md)` (drafts have no file).
const summary = fs.readFileSync(path.join(ROOT, 'src', 'SUMMARY.md'), 'utf8');
const chapters = [...summary.matchAll(/\]\(([^)\s]+\.md)\)/g)].map(m => ({
    md: m[1],
    html: m[1].replace(/\.md$/, '.html'),
}));

// ---------------------------------------------------------------- the browser

// What the stub says the playground has (the playground serves the most downloaded crates).
const PLAYGROUND = ['tokio', 'async_trait', 'futures', 'parking_lot', 'rand', 'tracing'];
const PLAYGROUND_CRATES = PLAYGROUND.map(id => ({ id, name: id.replace(/_/g, '-'), version: '0.0.0' }));
// Every crate a listing can use: the workspace's dependencies (Cargo.toml), and the listings
// package itself. A listing that names one the playground lacks must not offer Run.
const workspaceToml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
const depsSection = (workspaceToml.split('[workspace.dependencies]')[1] || '').split(/\n\[/)[0];
const LISTING_CRATES = [...depsSection.matchAll(/^([A-Za-z0-9_-]+)\s*=/gm)].map(m => m[1].replace(/-/g, '_')).concat(['listings']);
const offPlayground = text => LISTING_CRATES.filter(c => !PLAYGROUND.includes(c) && new RegExp(`\\b${c}::`).test(text));
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
const outside = new Set();
const evaluated = [];

async function newPage({ viewport = LAPTOP, colorScheme = 'light' } = {}) {
    const context = await browser.newContext({ viewport, colorScheme, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
    await context.route('**/*', async route => {
        const url = new URL(route.request().url());
        if (url.origin === ORIGIN) return route.continue();
        if (url.hostname === 'play.rust-lang.org' && url.pathname === '/meta/crates') {
            return route.fulfill({ status: 200, headers: CORS, json: { crates: PLAYGROUND_CRATES } });
        }
        if (url.hostname === 'play.rust-lang.org' && url.pathname === '/evaluate.json') {
            evaluated.push(JSON.parse(route.request().postData() || '{}'));
            return route.fulfill({ status: 200, headers: CORS, json: { result: 'stubbed playground run\n', error: null } });
        }
        outside.add(url.href);
        return route.abort();
    });
    const page = await context.newPage();
    page.problems = [];
    page.on('console', msg => {
        // Chromium reports a 404 for the page itself as a console error; the 404 check wants that status.
        const own404 = /status of 404/.test(msg.text()) && msg.location().url === page.url();
        if (msg.type() === 'error' && !own404) page.problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', err => page.problems.push(`page error: ${err.message}`));
    page.on('response', res => {
        const url = new URL(res.url());
        if (url.origin === ORIGIN && res.status() >= 400 && res.request().resourceType() !== 'document') {
            page.problems.push(`${res.status()} for ${url.pathname}`);
        }
    });
    return page;
}

async function open(page, rel) {
    const t0 = Date.now();
    try { return await openInner(page, rel); } finally { if (process.env.TIMING) console.log(`        (${rel}: ${Date.now() - t0} ms)`); }
}
async function openInner(page, rel) {
    const res = await page.goto(at(rel), { waitUntil: 'load' });
    // book.js un-hides Run buttons once the playground's crate list arrives.
    // (`no_run` blocks keep theirs hidden.)
    // A page whose buttons stay hidden (the crate list never came) fails its "no console errors"
    // check with this problem, instead of passing with whatever the page showed by then.
    await page.waitForFunction(() => ![...document.querySelectorAll('pre.playground .play-button.hidden')]
        .some(b => !b.closest('pre').querySelector('code.no_run')), null, { timeout: 10_000 })
        .catch(e => page.problems.push(`Run buttons still hidden 10 s after ${rel} loaded (book.js never got the playground's crate list): ${e.message.split('\n')[0]}`));
    return res;
}

// What a reader sees of each listing on the page.
function readListings() {
    const seen = e => {
        if (!e) return false;
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
    };
    return [...document.querySelectorAll('pre > code.language-rust')].map((code, index) => {
        const pre = code.parentElement;
        const row = pre.previousElementSibling;
        const badges = row && row.classList.contains('listing-badges')
            ? [...row.querySelectorAll('.listing-badge')].filter(seen).map(b => b.textContent.replace(/\s+/g, ' ').trim())
            : [];
        let after = pre.nextElementSibling;
        const label = after && after.classList.contains('listing-output-label') ? after : null;
        if (label) after = after.nextElementSibling;
        const out = after && after.tagName === 'PRE' ? after.querySelector(':scope > code.language-text') : null;
        const play = pre.querySelector('.play-button');
        const firstLine = (code.innerText.split('\n').find(l => l.trim()) || '').trim();
        const text = code.textContent; // hidden lines too: they are sent to the playground
        return {
            index,
            classes: [...code.classList],
            where: `listing ${index + 1} ("${firstLine.slice(0, 60)}")`,
            playground: pre.classList.contains('playground'),
            badges,
            output: out ? out.textContent : null,
            outputLabel: seen(label) ? label.textContent.trim() : null,
            runOffered: !!play && !play.classList.contains('hidden') && getComputedStyle(play).display !== 'none',
            text,
        };
    });
}

// Contrast of every badge, label and coloured compiler-output span against what is behind it.
function readContrast() {
    const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
        const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bg = e => {
        for (let n = e; n; n = n.parentElement) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
    };
    const items = [...document.querySelectorAll('.listing-badge, .listing-output-label, pre.listing-output [class^="rustc-"]')];
    return items.map(e => ({
        what: `${e.className} "${e.textContent.trim().slice(0, 30)}"`,
        ratio: ratio(rgb(getComputedStyle(e).color).slice(0, 3), bg(e)),
    }));
}

// ---------------------------------------------------------------- chapter pages, laptop, light

check('SUMMARY.md lists at least one chapter with a file', chapters.length > 0);
// Every ```rust fence of the chapters' markdown is a listing on a page (none lost, none extra).
const fencesInMarkdown = chapters.reduce((n, ch) => {
    const md = fs.readFileSync(path.join(ROOT, 'src', ch.md), 'utf8');
    return n + [...md.matchAll(/^\s*```rust\b/gm)].length;
}, 0);
const pages = {};
const laptop = await newPage();
for (const ch of chapters) {
    const res = await open(laptop, ch.html);
    check(`${ch.html}: loads`, res && res.ok(), res && res.status());
    const listings = await laptop.evaluate(readListings);
    const text = await laptop.evaluate(() => document.querySelector('main').innerText);
    const h1 = await laptop.evaluate(() => (document.querySelector('main h1') || {}).textContent || null);
    pages[ch.html] = { listings, text, h1 };
    await laptop.waitForTimeout(50);
    check(`${ch.html}: no console errors`, laptop.problems.length === 0, laptop.problems.join('\n'));
    laptop.problems.length = 0;
    check(`${ch.html}: has a title (h1)`, !!h1);

    const bad = [];
    for (const l of listings) {
        const has = c => l.classes.includes(c);
        const code = l.classes.find(c => /^E\d{4}$/.test(c));
        if (has('compile_fail')) {
            if (!l.badges.some(b => b.startsWith('Does not compile'))) bad.push(`${l.where}: compile_fail, but no visible "Does not compile" badge`);
            if (code && !l.badges.some(b => b.includes(code))) bad.push(`${l.where}: the badge does not name ${code}`);
            if (l.output === null) bad.push(`${l.where}: compile_fail, but no \`\`\`text compiler output right under it`);
            else if (!/^error(\[E\d{4}\])?:/.test(l.output)) bad.push(`${l.where}: the block under it does not start like rustc's output ("error...:")`);
            if (l.output !== null && !(l.outputLabel || '').startsWith('Compiler output')) bad.push(`${l.where}: its compiler output has no visible "Compiler output" label`);
            if (l.runOffered) bad.push(`${l.where}: compile_fail, but it offers a Run button`);
        }
        if (has('should_panic') && !l.badges.includes('Panics')) bad.push(`${l.where}: should_panic, but no visible "Panics" badge`);
        if (has('nightly')) {
            if (!l.badges.includes('Needs nightly')) bad.push(`${l.where}: nightly, but no visible "Needs nightly" badge`);
            if (l.runOffered) bad.push(`${l.where}: nightly, but it offers a (stable) Run button`);
        }
        const features = l.classes.some(c => c.startsWith('features='));
        if (features) {
            if (!l.badges.includes('Run it locally')) bad.push(`${l.where}: needs a cargo feature, but has no "Run it locally" badge`);
            if (l.runOffered) bad.push(`${l.where}: needs a cargo feature the playground lacks, but it offers a Run button`);
        }
        if (has('edition2021') && !l.badges.includes('Edition 2021')) bad.push(`${l.where}: edition2021, but no visible "Edition 2021" badge`);
        const plain = l.playground && !has('compile_fail') && !has('nightly') && !has('no_run') && !features;
        const lacking = offPlayground(l.text);
        if (plain && lacking.length) {
            if (l.runOffered) bad.push(`${l.where}: uses ${lacking.join(', ')}, which the playground lacks, but it offers a Run button`);
            if (!l.badges.includes('Run it locally')) bad.push(`${l.where}: uses ${lacking.join(', ')}, which the playground lacks, but has no "Run it locally" badge`);
        } else if (plain && !l.runOffered) {
            bad.push(`${l.where}: the playground can run it, but it offers no Run button`);
        }
    }
    if (listings.length) {
        check(`${ch.html}: ${listings.length} listings badged, labelled and runnable as they should be`, bad.length === 0, bad.join('\n'));
    }
}

// How to run a listing is said once, where the book introduces its listings (not on every page).
const hinted = Object.keys(pages).filter(html => pages[html].text.includes(RUN_HINT));
check(`the book says how to run a listing (\`${RUN_HINT} ...\`): ${hinted.join(', ') || 'no page'}`, hinted.length > 0);
const listingsOnPages = Object.values(pages).reduce((n, p) => n + p.listings.length, 0);
check(`the pages show ${listingsOnPages} rust listings, as many as the chapters' markdown has ${'```'}rust fences (${fencesInMarkdown})`,
    listingsOnPages > 0 && listingsOnPages === fencesInMarkdown);

// ---------------------------------------------------------------- the playground Run button

const runnable = Object.entries(pages).flatMap(([html, p]) => p.listings.filter(l => l.runOffered).map(l => ({ html, l })));
if (runnable.length) {
    const { html, l } = runnable[0];
    await open(laptop, html);
    const pre = laptop.locator('pre > code.language-rust').nth(l.index).locator('..');
    await pre.hover();
    await pre.locator('.play-button').click();
    const shown = await laptop.waitForFunction(i => {
        const r = document.querySelectorAll('pre > code.language-rust')[i].parentElement.querySelector('.result');
        return r && /stubbed playground run/.test(r.textContent);
    }, l.index, { timeout: 10_000 }).then(() => true, e => e.message.split('\n')[0]);
    const sent = evaluated.at(-1) || {};
    check(`Run (${html}, ${l.where}) sends the whole listing, edition 2024, to the playground and shows its output`,
        shown === true && sent.edition === '2024' && /fn main/.test(sent.code || '') && sent.version === 'stable',
        JSON.stringify({ outputShown: shown, edition: sent.edition, version: sent.version, hasMain: /fn main/.test(sent.code || '') }));
} else {
    skip('Run button', 'no listing offers one');
}

// ---------------------------------------------------------------- search

const withPhrase = Object.keys(pages).filter(html => pages[html].text.includes(PHRASE));
if (withPhrase.length) {
    await open(laptop, 'index.html');
    await laptop.click('#mdbook-search-toggle');
    await laptop.fill('#mdbook-searchbar', PHRASE);
    // searcher.js searches on keyup, once its index (loaded on first use) is there.
    for (let i = 0; i < 20 && !await laptop.isVisible('#mdbook-searchresults li a'); i += 1) {
        await laptop.press('#mdbook-searchbar', 'End');
        await laptop.waitForTimeout(250);
    }
    const hits = await laptop.$$eval('#mdbook-searchresults li a', as => as.map(a => a.getAttribute('href')));
    const found = hits.map(h => h.split(/[?#]/)[0]).filter(h => withPhrase.includes(h));
    check(`search for "${PHRASE}" finds the chapters that contain it`, found.length > 0,
        `results: ${JSON.stringify(hits)}; chapters with it: ${withPhrase.join(', ')}`);
} else {
    skip(`search for "${PHRASE}"`, 'no chapter contains it yet');
}

// ---------------------------------------------------------------- themes

const badgePage = Object.keys(pages).find(html => pages[html].listings.some(l => l.badges.length)) || chapters[0]?.html;
if (badgePage) {
    await open(laptop, badgePage);
    await setTheme(laptop, DARK);
    const dark = await laptop.evaluate(() => ({
        classes: [...document.documentElement.classList],
        stored: localStorage.getItem('mdbook-theme'),
        bg: getComputedStyle(document.body).backgroundColor,
    }));
    await laptop.reload({ waitUntil: 'load' });
    const kept = await laptop.evaluate(t => document.documentElement.classList.contains(t), DARK);
    const bgLum = (dark.bg.match(/\d+/g) || [255, 255, 255]).slice(0, 3).reduce((a, b) => a + Number(b), 0) / 765;
    check(`theme menu switches to ${DARK} (dark background), and the choice survives a reload`,
        dark.classes.includes(DARK) && !dark.classes.includes('light') && dark.stored === DARK && bgLum < 0.25 && kept,
        JSON.stringify({ ...dark, kept }));
    // Badges look the same on every page: check the fewest pages that show every kind of badge.
    const kinds = html => new Set(pages[html].listings.flatMap(l => l.badges.map(b => b.split(' ')[0])
        .concat(l.outputLabel ? ['output'] : [])));
    const badged = [];
    const covered = new Set();
    for (;;) {
        const best = Object.keys(pages).map(html => [html, [...kinds(html)].filter(k => !covered.has(k)).length])
            .sort((a, b) => b[1] - a[1])[0];
        if (!best || best[1] === 0) break;
        badged.push(best[0]);
        kinds(best[0]).forEach(k => covered.add(k));
    }
    for (const theme of THEMES) {
        await setTheme(laptop, theme);
        const low = [];
        let count = 0;
        for (const html of badged) {
            await open(laptop, html);
            const items = await laptop.evaluate(readContrast);
            count += items.length;
            low.push(...items.filter(i => i.ratio < MIN_CONTRAST).map(i => `${html}: ${i.what}: ${i.ratio.toFixed(2)}:1`));
        }
        if (count) {
            check(`theme ${theme}: ${count} badges, labels and output colours (${badged.join(', ')}) have contrast >= ${MIN_CONTRAST}:1`,
                low.length === 0, low.slice(0, 20).join('\n'));
        }
        check(`theme ${theme}: no console errors`, laptop.problems.length === 0, laptop.problems.join('\n'));
        laptop.problems.length = 0;
    }
    await setTheme(laptop, 'light');
}

// ---------------------------------------------------------------- phone, dark

const phone = await newPage({ viewport: PHONE, colorScheme: 'dark' });
for (const ch of chapters) {
    await open(phone, ch.html);
    const r = await phone.evaluate(() => ({
        dark: !document.documentElement.classList.contains('light'),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        wide: [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
            && !e.closest('pre, table, .table-wrapper, mjx-container')).slice(0, 3).map(e => e.tagName + ' ' + e.textContent.slice(0, 40)),
    }));
    check(`${ch.html} on a ${PHONE.width}px phone, dark: no sideways scrolling`, r.overflow <= 1 && r.wide.length === 0,
        JSON.stringify(r));
    const listings = await phone.evaluate(readListings);
    const lost = listings.filter(l => l.classes.includes('compile_fail') && !l.badges.length);
    if (listings.length) check(`${ch.html} on a phone: badges visible`, lost.length === 0, lost.map(l => l.where).join('\n'));
    check(`${ch.html} on a phone: no console errors`, phone.problems.length === 0, phone.problems.join('\n'));
    phone.problems.length = 0;
}

// ---------------------------------------------------------------- print.html

await open(laptop, 'print.html');
const printed = await laptop.evaluate(() => [...document.querySelectorAll('main h1')].map(h => h.textContent.trim()));
const missing = chapters.filter(ch => pages[ch.html].h1 && !printed.includes(pages[ch.html].h1.trim())).map(ch => ch.md);
check(`print.html contains every chapter (${chapters.length})`, missing.length === 0, `missing: ${missing.join(', ')}`);
check('print.html: no console errors', laptop.problems.length === 0, laptop.problems.join('\n'));
laptop.problems.length = 0;

// ---------------------------------------------------------------- 404, as Pages serves it

const notFound = await laptop.goto(at('no/such/page.html'), { waitUntil: 'load' });
const nf = await laptop.evaluate(() => ({
    title: document.title,
    styled: getComputedStyle(document.body).fontFamily,
    links: [...document.querySelectorAll('main a')].map(a => a.href),
    sidebar: document.querySelectorAll('#mdbook-sidebar a, mdbook-sidebar-scrollbox a').length,
}));
check('a missing page gets the book\'s 404 page, styled, with working links', notFound.status() === 404
    && laptop.problems.length === 0 && nf.links.length > 0 && nf.links.every(h => h.startsWith(`${ORIGIN}${BASE}`)),
    JSON.stringify({ status: notFound.status(), problems: laptop.problems, ...nf }));
laptop.problems.length = 0;

// ---------------------------------------------------------------- screenshots

fs.mkdirSync(SHOTS, { recursive: true });
const shotPage = Object.keys(pages).find(html => pages[html].listings.some(l => l.classes.includes('compile_fail')))
    || chapters[0]?.html;
async function shoot(page, file) {
    await open(page, shotPage);
    await page.evaluate(() => {
        // the first badged listing, with the heading above it
        const badges = document.querySelector('.listing-badges');
        let top = badges;
        for (let e = badges; e; e = e.previousElementSibling) {
            if (/^H[1-4]$/.test(e.tagName)) { top = e; break; }
        }
        const bar = document.querySelector('#mdbook-menu-bar');
        const covered = bar && getComputedStyle(bar).position !== 'static' ? bar.offsetHeight : 0;
        if (top) window.scrollTo(0, top.getBoundingClientRect().top + window.scrollY - covered - 8);
    });
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, file) });
    console.log(`        screenshot: ${path.relative(ROOT, path.join(SHOTS, file))} (${shotPage})`);
}
if (shotPage) {
    await shoot(laptop, 'laptop-light.png');
    await setTheme(phone, DARK);
    await shoot(phone, 'phone-dark.png');
}

check(`no request left the machine (the playground is stubbed)`, outside.size === 0, [...outside].join('\n'));

await finish();
