// The future-layout views (src/generated/layouts/*.html, made from rustc's -Zprint-type-sizes by
// tests/layouts, styled by theme/layouts.css) in Debian's Chromium, as a reader opens them. Run
// by .ci/run after `mdbook build`:
//
//     node tests/browser/layouts.mjs          (BOOK_DIR, SCREENSHOT_DIR, CHROMIUM override the defaults)
//
// Checks, for every view file: a chapter includes it; on that page the view is there, opens with
// the keyboard (Enter on its summary) and shows its states, with the value the snapshot names
// marked "not Send" where the file marks one; on a 375 px phone the opened view stays within the
// page width; in every theme its text has contrast >= 4.5:1 against what is behind it. Saves
// target/screenshots/layout.png (an opened view, dark theme). Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, THEMES, LAPTOP, PHONE, at, check, newPage, setTheme, shoot, finish } from './harness.mjs';

const DIR = path.join(ROOT, 'src', 'generated', 'layouts');
const SHOT_OF = 'pitfalls_locks_guard_across_await';
const plain = html => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").trim();

// Every view, its summary text, whether it marks a value, and the pages that include it.
const chapters = fs.readdirSync(path.join(ROOT, 'src')).filter(f => f.endsWith('.md'));
const views = (fs.existsSync(DIR) ? fs.readdirSync(DIR) : []).filter(f => f.endsWith('.html')).sort().map(f => {
    const text = fs.readFileSync(path.join(DIR, f), 'utf8');
    const summary = plain((/<summary>([\s\S]*?)<\/summary>/.exec(text) || [, ''])[1]);
    const pages = chapters.filter(c => fs.readFileSync(path.join(ROOT, 'src', c), 'utf8').includes(`generated/layouts/${f}`))
        .map(c => c.replace(/\.md$/, '.html'));
    return { file: `src/generated/layouts/${f}`, name: f.replace(/\.html$/, ''), summary, marks: text.includes('future-layout-not-send'), pages };
});
check(`src/generated/layouts/ has views (${views.length})`, views.length > 0);

// Opens the view whose summary reads `summary` with the keyboard; describes it.
async function open(page, summary) {
    return page.evaluate(async want => {
        const norm = s => s.replace(/\s+/g, ' ').trim();
        const d = [...document.querySelectorAll('details.future-layout')].find(x => norm(x.querySelector('summary').textContent) === norm(want));
        if (!d) return null;
        d.id = d.id || `layout-under-test-${Math.random().toString(36).slice(2)}`;
        return d.id;
    }, summary);
}
async function describe(page, id) {
    return page.evaluate(id => {
        const d = document.getElementById(id);
        const r = d.getBoundingClientRect();
        const states = d.querySelectorAll('.future-layout-state').length;
        const mark = d.querySelector('.future-layout-not-send');
        const mr = mark && mark.getBoundingClientRect();
        return {
            open: d.open, states, visible: r.width > 0 && r.height > 0,
            markShown: !!mark && mr.width > 0 && mr.height > 0 && /not\s*Send/.test(mark.textContent),
            right: Math.round(r.right), width: document.documentElement.clientWidth, scroll: document.scrollingElement.scrollWidth,
        };
    }, id);
}

const laptop = await newPage(LAPTOP);
const phone = await newPage(PHONE);
for (const v of views) {
    if (!check(`${v.file}: a chapter includes it`, v.pages.length > 0, 'no chapter has {{#include generated/layouts/...}} for it')) continue;
    for (const html of v.pages) {
        await laptop.goto(at(html), { waitUntil: 'load' });
        const id = await open(laptop, v.summary);
        if (!check(`${html}: the view of ${v.file} is on the page`, !!id, `no <details class="future-layout"> whose summary reads "${v.summary}"`)) continue;
        await laptop.locator(`#${id} > summary`).focus();
        await laptop.keyboard.press('Enter');
        const d = await describe(laptop, id);
        check(`${html}: ${v.name}'s view opens with Enter and shows its ${d.states} states${v.marks ? ', the value that is not Send marked' : ''}`,
            d.open && d.visible && d.states >= 2 && (!v.marks || d.markShown), JSON.stringify(d));
        await phone.goto(at(html), { waitUntil: 'load' });
        const pid = await open(phone, v.summary);
        if (pid) await phone.locator(`#${pid} > summary`).click();
        const p = pid && await describe(phone, pid);
        check(`${html} on a ${PHONE.width}px phone: ${v.name}'s view, opened, stays within the page width`,
            p && p.open && p.right <= p.width && p.scroll <= p.width, JSON.stringify(p));
    }
}
check('no console errors', laptop.problems.length + phone.problems.length === 0, [...laptop.problems, ...phone.problems].join('\n'));

// ---------------------------------------------------------------- contrast in every theme, and the screenshot

const shot = views.find(v => v.name === SHOT_OF) || views[0];
if (shot && shot.pages.length) {
    await laptop.goto(at(shot.pages[0]), { waitUntil: 'load' });
    const id = await open(laptop, shot.summary);
    await laptop.locator(`#${id} > summary`).click();
    for (const theme of THEMES) {
        await setTheme(laptop, theme);
        const low = await laptop.evaluate(id => {
            const rgb = s => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
            const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
            const bgOf = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (!/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return c; } return 'rgb(255, 255, 255)'; };
            const out = [];
            for (const e of document.getElementById(id).querySelectorAll('summary, p, li, span, code, strong')) {
                if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                const a = lum(rgb(getComputedStyle(e).color)), b = lum(rgb(bgOf(e)));
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                if (ratio < 4.5) out.push(`${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}:1`);
            }
            return out;
        }, id);
        check(`theme ${theme}: the text of ${shot.name}'s opened view has contrast >= 4.5:1`, low.length === 0, low.slice(0, 5).join('\n'));
    }
    await setTheme(laptop, 'coal');
    fs.rmSync(path.join(SHOTS, 'layout.png'), { force: true });
    await shoot(laptop, `#${id}`, path.join(SHOTS, 'layout.png'));
    check('target/screenshots/layout.png saved', fs.existsSync(path.join(SHOTS, 'layout.png')));
}

await finish();
