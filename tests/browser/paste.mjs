// The error index's "Paste your error" box (theme/paste.js, its data src/generated/paste-data.js)
// in Debian's Chromium, as a reader uses it. Run by .ci/run after `mdbook build`:
//
//     node tests/browser/paste.mjs          (BOOK_DIR, SCREENSHOT_DIR, CHROMIUM override the defaults)
//
// Checks: the box is on the index page with a labelled text area and a button; a book snapshot,
// pasted and sent with the keyboard (Ctrl+Enter), puts the section that shows its listing first,
// with the reasons and a link that leads to that heading; a real output from a public report
// (tests/paste/real/) does the same, sent with Tab and Enter on the button; an error the book
// does not cover and text with no error at all are answered plainly, with the index linked;
// nothing is requested from anywhere but the book itself; on a 375 px phone the box and its
// answer stay within the page width; in the dark theme the answer's text has contrast >= 4.5:1.
// Saves target/screenshots/paste.png (the box answering the real output). Ends with
// "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, LAPTOP, PHONE, ORIGIN, at, check, newPage, setTheme, shoot, finish } from './harness.mjs';

const INDEX = 'error-index.html';
const SNAPSHOT = 'pitfalls_locks_guard_across_await';
const REAL = 'refcell_rx_borrow_mut';

// What each input should lead to, from the sources (never typed here).
const snapshot = fs.readFileSync(path.join(ROOT, 'listings', 'fail', `${SNAPSHOT}.stderr`), 'utf8');
const realFile = fs.readFileSync(path.join(ROOT, 'tests', 'paste', 'real', `${REAL}.txt`), 'utf8');
const realExpect = /^# expect: (\S+)/m.exec(realFile)[1];
const real = realFile.split('\n').filter(l => !l.startsWith('# ')).join('\n');
globalThis.window = globalThis;
await import(path.join(ROOT, 'src', 'generated', 'paste-data.js'));
const snapshotExpect = globalThis.PASTE_DATA.snapshots.find(s => s.listing === SNAPSHOT).section;
const unknown = 'error[E0382]: borrow of moved value: `s`\n --> src/main.rs:4:16\n  |\n2 |     let s = String::from("x");\n  |         - move occurs because `s` has type `String`, which does not implement the `Copy` trait\n';

const hrefOf = section => section.replace(/\.md(#|$)/, '.html$1');

async function answer(page) {
    await page.waitForFunction(() => {
        const r = document.querySelector('#paste-box .paste-results');
        return r && r.textContent && !/Loading/.test(r.textContent);
    }, null, { timeout: 10000 }).catch(() => {});
    return page.evaluate(() => {
        const r = document.querySelector('#paste-box .paste-results');
        const links = [...r.querySelectorAll('ol li > a')].map(a => a.getAttribute('href'));
        return { text: r.textContent, links, why: (r.querySelector('.paste-why') || {}).textContent || '', unknownLink: (r.querySelector('.paste-unknown a') || {}).href || '' };
    });
}

// ---------------------------------------------------------------- the box is there

const page = await newPage(LAPTOP);
const res = await page.goto(at(INDEX), { waitUntil: 'load' });
const box = await page.evaluate(() => {
    const host = document.getElementById("paste-box");
    const area = host && host.querySelector('textarea');
    const label = area && document.querySelector(`label[for="${area.id}"]`);
    const button = host && host.querySelector('button');
    const shown = e => { const r = e && e.getBoundingClientRect(); return !!r && r.width > 0 && r.height > 0; };
    return { host: !!host, area: shown(area), label: !!label && label.textContent.trim().length > 0, button: shown(button) };
});
check(`${INDEX}: the paste box is shown, with a labelled text area and a button`,
    res && res.ok() && box.host && box.area && box.label && box.button, JSON.stringify(box));

// ---------------------------------------------------------------- a book snapshot, with the keyboard

await page.locator('#paste-box textarea').focus();
await page.locator('#paste-box textarea').fill(snapshot);
await page.keyboard.press('Control+Enter');
const first = await answer(page);
check(`listings/fail/${SNAPSHOT}.stderr, sent with Ctrl+Enter: ${snapshotExpect} comes first, with the reasons`,
    first.links[0] && first.links[0].endsWith(hrefOf(snapshotExpect)) && /in your output/.test(first.why),
    JSON.stringify(first));
const target = hrefOf(snapshotExpect).split('#')[1];
await page.locator('#paste-box ol li > a').first().click();
await page.waitForLoadState('load');
const landed = await page.evaluate(id => ({ url: location.href, heading: !!document.getElementById(id) }), target);
check(`the first answer's link leads to the heading #${target}`, landed.url.endsWith(hrefOf(snapshotExpect)) && landed.heading, JSON.stringify(landed));

// ---------------------------------------------------------------- a real output, Tab then Enter

await page.goto(at(INDEX), { waitUntil: 'load' });
await page.locator('#paste-box textarea').fill(real);
await page.locator('#paste-box textarea').focus();
await page.keyboard.press('Tab');
const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest('#paste-box') && document.activeElement.tagName);
await page.keyboard.press('Enter');
const second = await answer(page);
check(`tests/paste/real/${REAL}.txt (colours and all), sent with Tab and Enter: ${realExpect} comes first`,
    focused === 'BUTTON' && second.links[0] && second.links[0].endsWith(hrefOf(realExpect)), JSON.stringify({ focused, ...second }));
fs.rmSync(path.join(SHOTS, 'paste.png'), { force: true });
await shoot(page, '#paste-box', path.join(SHOTS, 'paste.png'));
check('target/screenshots/paste.png saved', fs.existsSync(path.join(SHOTS, 'paste.png')));

// ---------------------------------------------------------------- what it does not know

await page.locator('#paste-box textarea').fill(unknown);
await page.locator('#paste-box button').click();
const third = await answer(page);
check('an error the book does not cover (E0382) is "not recognised", and the index is linked',
    /Not recognised/.test(third.text) && third.links.length === 0 && /error-index\.html/.test(third.unknownLink), JSON.stringify(third));
await page.locator('#paste-box textarea').fill('hello, this is not compiler output');
await page.locator('#paste-box button').click();
const fourth = await answer(page);
check('text with no compiler error in it is answered plainly', /No compiler error found/.test(fourth.text) && fourth.links.length === 0, JSON.stringify(fourth));
// mdBook itself asks the playground for its crate list on every page with Rust code (answered
// locally by the harness); anything else outside the book would be the paste leaving the page.
const outside = page.requests.filter(u => !u.startsWith(ORIGIN) && u !== 'https://play.rust-lang.org/meta/crates');
check('nothing was requested from outside the book but mdBook\'s playground crate list', outside.length === 0, outside.join('\n'));
check(`${INDEX}: no console errors`, page.problems.length === 0, page.problems.join('\n'));

// ---------------------------------------------------------------- dark theme, and a phone

await page.goto(at(INDEX), { waitUntil: 'load' });
await setTheme(page, 'coal');
await page.locator('#paste-box textarea').fill(snapshot);
await page.locator('#paste-box button').click();
await answer(page);
const contrast = await page.evaluate(() => {
    const rgb = s => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    const bgOf = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (!/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return c; } return 'rgb(255,255,255)'; };
    const worst = [];
    for (const e of document.querySelectorAll('#paste-box label, #paste-box textarea, #paste-box button, #paste-box li a, #paste-box .paste-why, #paste-box h3')) {
        const a = lum(rgb(getComputedStyle(e).color)), b = lum(rgb(bgOf(e)));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) worst.push(`${e.tagName}.${e.className}: ${ratio.toFixed(2)}:1`);
    }
    return worst;
});
check('theme coal: the box and its answer have text contrast >= 4.5:1', contrast.length === 0, contrast.join('\n'));

const phone = await newPage(PHONE);
await phone.goto(at(INDEX), { waitUntil: 'load' });
await phone.locator('#paste-box textarea').fill(real);
await phone.locator('#paste-box button').click();
await answer(phone);
const fit = await phone.evaluate(() => {
    const host = document.getElementById("paste-box").getBoundingClientRect();
    return { right: Math.round(host.right), width: document.documentElement.clientWidth, scroll: document.scrollingElement.scrollWidth };
});
check('on a 375 px phone the box and its answer stay within the page width', fit.right <= fit.width && fit.scroll <= fit.width, JSON.stringify(fit));

await finish();
