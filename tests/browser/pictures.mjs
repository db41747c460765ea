// The pictures (src/images/*.svg, inlined into their chapters by {{#include}}, coloured by
// theme/pictures.css) in Debian's Chromium, as a reader sees them. Run by .ci/run after
// `mdbook build`:
//
//     node tests/browser/pictures.mjs          (BOOK_DIR, SCREENSHOT_DIR, CHROMIUM override the defaults)
//
// Checks, for every picture file and every picture a chapter includes: its page shows it,
// visible, with a role and the alt text of its <title> and <desc>; on a 375 px phone it is
// within the page width (no sideways scrolling) and its text is at least 11 px; in every
// theme its text has contrast >= 4.5:1 against what is rendered behind it, and its lines
// >= 3:1 against the page; each link leads to a heading of the book, and takes the keyboard
// focus. Saves target/screenshots/picture.png (the scheduler, dark theme).
// Launches Chromium and serves the book the way check.mjs does. Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, THEMES, LAPTOP, PHONE, ORIGIN, at, check, newPage, setTheme, finish } from './harness.mjs';

const DARK = 'coal';
const MIN_CONTRAST = 4.5;      // text (WCAG 1.4.3)
const MIN_LINE_CONTRAST = 3;   // lines and arrows (WCAG 1.4.11)
const MIN_TEXT_PX = 11;        // rendered font size on the phone
const SHOT_OF = 'scheduler';   // the picture saved as picture.png

// ---------------------------------------------------------------- the pictures, from the sources

// Every picture: each file in src/images/, and each one a chapter includes (a deleted file is
// still expected where a chapter includes it). Its id is picture-NAME (tests/tests/pictures.rs).
const IMAGES = path.join(ROOT, 'src', 'images');
const files = fs.existsSync(IMAGES) ? fs.readdirSync(IMAGES).filter(f => f.endsWith('.svg')).sort() : [];
const summary = fs.readFileSync(path.join(ROOT, 'src', 'SUMMARY.md'), 'utf8');
const chapterFiles = [...summary.matchAll(/\]\(([^)\s]+\.md)\)/g)].map(m => m[1]);
const pictures = new Map(); // name -> { file, pages: [html] }
const picture = name => {
    if (!pictures.has(name)) pictures.set(name, { name, file: `src/images/${name}.svg`, id: `picture-${name}`, pages: [] });
    return pictures.get(name);
};
files.forEach(f => picture(f.replace(/\.svg$/, '')));
for (const md of chapterFiles) {
    const text = fs.readFileSync(path.join(ROOT, 'src', md), 'utf8');
    for (const m of text.matchAll(/\{\{#include\s+images\/([^}\s]+)\.svg\s*\}\}/g)) {
        picture(m[1]).pages.push(md.replace(/\.md$/, '.html'));
    }
}
check(`src/images/ has pictures (${files.length}) and chapters include them`, files.length > 0 && [...pictures.values()].some(p => p.pages.length));
for (const p of pictures.values()) {
    check(`${p.file}: a chapter includes it, so a page shows it`, p.pages.length > 0,
        `no chapter in src/SUMMARY.md has {{#include images/${p.name}.svg}}`);
    check(`${p.file}: the file exists`, files.includes(`${p.name}.svg`), `included by ${p.pages.join(', ')}, but there is no such file`);
}
const shown = [...pictures.values()].flatMap(p => p.pages.map(html => ({ ...p, html })));


// What a picture is on the page: visible, its alt text, its size, the rendered size of its text.
function describe(id) {
    const svg = document.getElementById(id);
    if (!svg) return null;
    const r = svg.getBoundingClientRect();
    const style = getComputedStyle(svg);
    const byIds = attr => (svg.getAttribute(attr) || '').split(/\s+/).filter(Boolean)
        .map(i => document.getElementById(i)).filter(e => e && svg.contains(e)).map(e => e.textContent.trim()).join(' ');
    const scale = r.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    const sizes = texts.map(t => ({ text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale }));
    const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a), { px: Infinity });
    return {
        tag: svg.tagName.toLowerCase(),
        visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0,
        inViewBox: !!svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0,
        role: svg.getAttribute('role'),
        name: byIds('aria-labelledby'),
        description: byIds('aria-describedby'),
        left: r.left, right: r.right, width: r.width, height: r.height,
        viewport: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        texts: texts.length,
        smallest: `${smallest.px.toFixed(1)}px "${(smallest.text || '').slice(0, 30)}"`,
        smallestPx: smallest.px,
    };
}

// ---------------------------------------------------------------- on a laptop: shown, named, linked

const laptop = await newPage(LAPTOP);
for (const p of shown) {
    const res = await laptop.goto(at(p.html), { waitUntil: 'load' });
    const d = await laptop.evaluate(describe, p.id);
    check(`${p.html}: shows ${p.file} (svg#${p.id}), visible, with a role and the alt text of its <title> and <desc>`,
        res && res.ok() && d && d.tag === 'svg' && d.visible && d.inViewBox && ['img', 'figure'].includes(d.role)
            && d.name.length > 0 && d.description.length > 20 && d.texts > 0,
        d ? JSON.stringify({ role: d.role, name: d.name, description: d.description.slice(0, 60), width: d.width, height: d.height, texts: d.texts })
            : `no element #${p.id} on ${p.html} (status ${res && res.status()})`);
    if (!d) continue;
    // Links: each leads to a heading of its page (or of another page of the book) and takes focus.
    const links = await laptop.evaluate(id => [...document.getElementById(id).querySelectorAll('a')].map(a => ({
        href: a.getAttribute('href') || a.getAttribute('xlink:href') || '',
        text: a.textContent.trim().replace(/\s+/g, ' '),
    })), p.id);
    const dead = [];
    for (const [i, l] of links.entries()) {
        const url = new URL(l.href, laptop.url());
        const target = url.pathname === new URL(laptop.url()).pathname ? laptop : await newPageAt(url);
        const hit = await target.evaluate(id => {
            const e = document.getElementById(id);
            return e ? e.tagName : null;
        }, decodeURIComponent(url.hash.slice(1)));
        if (target !== laptop) await target.context().close();
        if (!url.hash || !/^H[1-6]$/.test(hit || '')) dead.push(`"${l.text}" -> ${l.href} (${hit ? `a <${hit.toLowerCase()}>` : 'no such id'})`);
        const focused = await laptop.evaluate(([id, n]) => {
            const a = document.getElementById(id).querySelectorAll('a')[n];
            a.focus();
            return document.activeElement === a;
        }, [p.id, i]);
        if (!focused) dead.push(`"${l.text}" cannot take the keyboard focus`);
    }
    if (links.length) check(`${p.html}: the ${links.length} links of ${p.file} lead to headings and take the keyboard focus`, dead.length === 0, dead.join('\n'));
    check(`${p.html}: no console errors`, laptop.problems.length === 0, laptop.problems.join('\n'));
    laptop.problems.length = 0;
}

async function newPageAt(url) {
    const page = await newPage(LAPTOP);
    await page.goto(url.href, { waitUntil: 'load' });
    return page;
}

// ---------------------------------------------------------------- contrast, every theme

// Each piece of text against what is painted right behind its middle (the shape under it, or
// the page), and each line against the page's background; colours as rendered.
function readContrast(id) {
    const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
    const opaque = c => c.length === 3 || (c.length === 4 && c[3] > 0);
    const lum = ([r, g, b]) => {
        const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const pageBg = e => {
        for (let n = e; n; n = n.parentElement) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (opaque(c)) return c.slice(0, 3);
        }
        return [255, 255, 255];
    };
    const svg = document.getElementById(id);
    const behind = t => {
        t.scrollIntoView({ block: 'center' });
        const r = t.getBoundingClientRect();
        const stack = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        for (const e of stack) {
            if (e === svg || !svg.contains(e)) break;
            if (['text', 'tspan', 'a', 'g'].includes(e.tagName)) continue;
            const fill = getComputedStyle(e).fill;
            if (fill && fill !== 'none' && opaque(rgb(fill))) return { colour: rgb(fill).slice(0, 3), what: `<${e.tagName} class="${e.getAttribute('class') || ''}">` };
        }
        return { colour: pageBg(svg.parentElement), what: 'the page' };
    };
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
        const b = behind(t);
        return { what: `"${t.textContent.trim().slice(0, 30)}" on ${b.what}`, ratio: ratio(rgb(getComputedStyle(t).fill).slice(0, 3), b.colour) };
    });
    const page = pageBg(svg.parentElement);
    const lines = [...svg.querySelectorAll('path, line, polyline')].filter(e => !e.closest('marker') && getComputedStyle(e).stroke !== 'none').map(e => ({
        what: `<${e.tagName} class="${e.getAttribute('class') || ''}" d="${(e.getAttribute('d') || '').slice(0, 20)}">`,
        ratio: ratio(rgb(getComputedStyle(e).stroke).slice(0, 3), page),
    }));
    return { texts, lines };
}

for (const theme of THEMES) {
    for (const p of shown) {
        await laptop.goto(at(p.html), { waitUntil: 'load' });
        await setTheme(laptop, theme);
        if (!await laptop.$(`#${p.id}`)) {
            check(`theme ${theme}: ${p.file} on ${p.html} (not on the page)`, false);
            continue;
        }
        const { texts, lines } = await laptop.evaluate(readContrast, p.id);
        const low = texts.filter(i => i.ratio < MIN_CONTRAST).map(i => `${i.what}: ${i.ratio.toFixed(2)}:1`);
        const faint = lines.filter(i => i.ratio < MIN_LINE_CONTRAST).map(i => `${i.what}: ${i.ratio.toFixed(2)}:1`);
        const dark = ['coal', 'navy', 'ayu'].includes(theme) ? ', dark' : '';
        check(`theme ${theme}${dark}: the ${texts.length} texts of ${p.file} have contrast >= ${MIN_CONTRAST}:1, its ${lines.length} lines >= ${MIN_LINE_CONTRAST}:1`,
            texts.length > 0 && low.length === 0 && faint.length === 0, [...low, ...faint].slice(0, 20).join('\n'));
    }
}

// The screenshot: the scheduler in the dark theme.
const shot = shown.find(p => p.name === SHOT_OF);
if (check(`${SHOT_OF}: shown by a chapter, for the screenshot`, !!shot)) {
    await laptop.goto(at(shot.html), { waitUntil: 'load' });
    await setTheme(laptop, DARK);
    fs.mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, 'picture.png');
    const svg = laptop.locator(`#${shot.id}`);
    await svg.scrollIntoViewIfNeeded();
    await svg.screenshot({ path: file });
    console.log(`        screenshot: ${path.relative(ROOT, file)} (${shot.file} on ${shot.html}, ${DARK})`);
    await setTheme(laptop, 'light');
}

// ---------------------------------------------------------------- on a phone

const phone = await newPage(PHONE);
for (const p of shown) {
    await phone.goto(at(p.html), { waitUntil: 'load' });
    const d = await phone.evaluate(describe, p.id);
    check(`${p.html} on a ${PHONE.width}px phone: ${p.file} visible, within the page width, no sideways scrolling, text >= ${MIN_TEXT_PX}px`,
        d && d.visible && d.left >= 0 && d.right <= d.viewport + 0.5 && d.scrollWidth <= d.viewport && d.smallestPx >= MIN_TEXT_PX,
        d ? JSON.stringify({ left: d.left, right: d.right, viewport: d.viewport, scrollWidth: d.scrollWidth, smallest: d.smallest })
            : `no element #${p.id}`);
    check(`${p.html} on a phone: no console errors`, phone.problems.length === 0, phone.problems.join('\n'));
    phone.problems.length = 0;
}

await finish();
