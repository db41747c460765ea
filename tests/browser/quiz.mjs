// The chapter quizzes (src/generated/quizzes/*.md, theme/quiz.js and quiz.css) in Debian's
// Chromium, as a reader uses them. Run by .ci/run after `mdbook build`, after check.mjs:
//
//     node tests/browser/quiz.mjs          (BOOK_DIR, SCREENSHOT_DIR, CHROMIUM override the defaults)
//
// Checks: every chapter with a quiz source shows its quiz, with a Check button; a question
// answered wrong, then right, with keys (Space chooses an option, Enter checks), says so in its
// live region and opens the answer when it is right; the answer's link leads to a heading of
// the page; every quiz is visible and within the page width on a 375 px phone; quiz text has
// contrast >= 4.5:1 in every theme (the dark ones included), computed from the rendered
// colours. Saves target/screenshots/quiz.png. Launches Chromium and serves the book the way
// check.mjs does. Ends with "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, THEMES, LAPTOP, PHONE, ORIGIN, at, check, newPage, setTheme, finish } from './harness.mjs';

const MIN_CONTRAST = 4.5;

// The chapters that have a quiz: one source per chapter, src/quizzes/CHAPTER.toml.
const quizzes = fs.readdirSync(path.join(ROOT, 'src', 'quizzes')).filter(f => f.endsWith('.toml')).sort()
    .map(f => {
        const stem = f.replace(/\.toml$/, '');
        const questions = (fs.readFileSync(path.join(ROOT, 'src', 'quizzes', f), 'utf8').match(/^\[\[question\]\]/gm) || []).length;
        return { source: `src/quizzes/${f}`, html: `${stem}.html`, questions };
    });


// ---------------------------------------------------------------- every quiz is there

check(`src/quizzes/ has quiz sources (${quizzes.length})`, quizzes.length > 0);
const laptop = await newPage(LAPTOP);
for (const q of quizzes) {
    const res = await laptop.goto(at(q.html), { waitUntil: 'load' });
    const seen = await laptop.evaluate(() => {
        const forms = [...document.querySelectorAll('section.quiz form.quiz-question')];
        const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
        return {
            forms: forms.length,
            buttons: forms.filter(f => { const b = f.querySelector('button.quiz-check'); return b && !b.hidden && shown(b); }).length,
            live: forms.filter(f => f.querySelector('[aria-live="polite"]')).length,
            legends: forms.filter(f => f.querySelector('fieldset > legend')).length,
            code: forms.filter(f => f.querySelector('pre.quiz-code code') && f.querySelector('pre.quiz-code code').textContent.trim()).length,
            // the quiz's code must not count as a listing (check.mjs counts `pre > code.language-rust`)
            listingLike: document.querySelectorAll('section.quiz pre > code.language-rust').length,
        };
    });
    check(`${q.html}: the quiz of ${q.source} shows its ${q.questions} questions, each with code, a legend, a Check button and a live region`,
        res && res.ok() && seen.forms === q.questions && q.questions >= 3 && seen.buttons === q.questions && seen.live === q.questions
            && seen.legends === q.questions && seen.code === q.questions && seen.listingLike === 0,
        JSON.stringify({ status: res && res.status(), ...seen }));
    check(`${q.html}: no console errors`, laptop.problems.length === 0, laptop.problems.join('\n'));
    laptop.problems.length = 0;
}

// ---------------------------------------------------------------- answering, with the keyboard

const first = quizzes[0];
if (first) {
    await laptop.goto(at(first.html), { waitUntil: 'load' });
    const form = laptop.locator('form.quiz-question').first();
    const answer = Number(await form.getAttribute('data-answer'));
    const options = await form.locator('input[type="radio"]').count();
    const wrong = answer === 0 ? 1 : 0;
    const feedback = form.locator('.quiz-feedback');
    const state = () => form.evaluate(f => ({
        feedback: f.querySelector('.quiz-feedback').textContent,
        kind: f.querySelector('.quiz-feedback').className,
        open: f.querySelector('details.quiz-answer').open,
    }));
    // Check with nothing chosen.
    await form.locator('button.quiz-check').focus();
    await laptop.keyboard.press('Enter');
    const none = await state();
    check(`${first.html}: Check with nothing chosen asks for a choice`, /Choose an answer/.test(none.feedback) && !none.open, JSON.stringify(none));
    // The wrong option: focus it, select it with Space, submit with Enter.
    await form.locator('input[type="radio"]').nth(wrong).focus();
    await laptop.keyboard.press('Space');
    await laptop.keyboard.press('Enter');
    const afterWrong = await state();
    check(`${first.html}: a wrong answer (option ${wrong + 1} of ${options}), chosen and checked with the keyboard, is called wrong and keeps the answer closed`,
        /Not this one/.test(afterWrong.feedback) && afterWrong.kind.includes('quiz-wrong') && !afterWrong.open, JSON.stringify(afterWrong));
    // The right one: Space on it, then Enter on the Check button.
    await form.locator('input[type="radio"]').nth(answer).focus();
    await laptop.keyboard.press('Space');
    const cleared = await feedback.textContent();
    await form.locator('button.quiz-check').focus();
    await laptop.keyboard.press('Enter');
    const afterRight = await state();
    check(`${first.html}: a new choice clears the old verdict, and the right answer (option ${answer + 1}) is called right and opens the answer`,
        cleared === '' && /^Right/.test(afterRight.feedback) && afterRight.kind.includes('quiz-correct') && afterRight.open, JSON.stringify({ cleared, ...afterRight }));
    const link = await form.evaluate(f => {
        const a = f.querySelector('.quiz-section a[href^="#"]');
        if (!a) return null;
        const id = decodeURIComponent(a.getAttribute('href').slice(1));
        const target = document.getElementById(id);
        return { href: a.getAttribute('href'), target: target && target.tagName, text: a.textContent, headingText: target && target.textContent.trim() };
    });
    check(`${first.html}: the answer links to the section that shows the listing`, !!link && /^H[1-6]$/.test(link.target || ''), JSON.stringify(link));
    check(`${first.html}: no console errors while answering`, laptop.problems.length === 0, laptop.problems.join('\n'));
    laptop.problems.length = 0;
}

// ---------------------------------------------------------------- contrast, every theme

// Contrast of every piece of quiz text (elements with a text node of their own, code tokens
// included) against the colour behind it. A quiz is answered first, so the feedback and the
// answer's explanation are rendered too.
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
    const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const items = [...document.querySelectorAll('section.quiz *')]
        .filter(e => shown(e) && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
    return items.map(e => ({
        what: `<${e.tagName.toLowerCase()} class="${e.className}"> "${e.textContent.trim().slice(0, 30)}"`,
        ratio: ratio(rgb(getComputedStyle(e).color).slice(0, 3), bg(e)),
    }));
}

if (first) {
    await laptop.goto(at(first.html), { waitUntil: 'load' });
    for (const theme of THEMES) {
        await setTheme(laptop, theme);
        await laptop.evaluate(() => {
            for (const f of document.querySelectorAll('form.quiz-question')) {
                f.querySelector('input[type="radio"]').checked = true;
                f.requestSubmit();
                f.querySelector('details.quiz-answer').open = true;
            }
        });
        const items = await laptop.evaluate(readContrast);
        const low = items.filter(i => i.ratio < MIN_CONTRAST).map(i => `${i.what}: ${i.ratio.toFixed(2)}:1`);
        const dark = ['coal', 'navy', 'ayu'].includes(theme) ? ', dark' : '';
        check(`theme ${theme}${dark}: ${items.length} pieces of quiz text on ${first.html} have contrast >= ${MIN_CONTRAST}:1`,
            items.length > 0 && low.length === 0, low.slice(0, 20).join('\n'));
    }
    await setTheme(laptop, 'coal');
    await laptop.goto(at(first.html), { waitUntil: 'load' });
    const form = laptop.locator('form.quiz-question').first();
    const answer = Number(await form.getAttribute('data-answer'));
    await form.locator('input[type="radio"]').nth(answer).check();
    await form.locator('button.quiz-check').click();
    await form.evaluate(f => {
        const bar = document.querySelector('#mdbook-menu-bar');
        const covered = bar && getComputedStyle(bar).position !== 'static' ? bar.offsetHeight : 0;
        window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY - covered - 8);
    });
    await laptop.waitForTimeout(200);
    fs.mkdirSync(SHOTS, { recursive: true });
    const shot = path.join(SHOTS, 'quiz.png');
    await laptop.screenshot({ path: shot });
    console.log(`        screenshot: ${path.relative(ROOT, shot)} (${first.html}, coal, answered)`);
    await setTheme(laptop, 'light');
}

// ---------------------------------------------------------------- phone

const phone = await newPage(PHONE);
for (const q of quizzes) {
    await phone.goto(at(q.html), { waitUntil: 'load' });
    // Open every answer, so its explanation is measured too.
    await phone.evaluate(() => document.querySelectorAll('details.quiz-answer').forEach(d => { d.open = true; }));
    const r = await phone.evaluate(() => {
        const forms = [...document.querySelectorAll('form.quiz-question')];
        const width = window.innerWidth;
        return {
            forms: forms.length,
            hidden: forms.filter(f => { const b = f.getBoundingClientRect(); return !(b.width > 0 && b.height > 0); }).length,
            overflow: document.documentElement.scrollWidth - width,
            // code scrolls inside its own box; anything else wider than the screen is a fault
            wide: [...document.querySelectorAll('section.quiz *')].filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('pre'))
                .slice(0, 3).map(e => `${e.tagName} ${e.textContent.slice(0, 40)}`),
            pres: [...document.querySelectorAll('section.quiz pre')].filter(p => p.getBoundingClientRect().right > width + 1).length,
        };
    });
    check(`${q.html} on a ${PHONE.width}px phone: ${r.forms} questions visible, within the page width, no sideways scrolling`,
        r.forms === q.questions && r.hidden === 0 && r.overflow <= 1 && r.wide.length === 0 && r.pres === 0, JSON.stringify(r));
    check(`${q.html} on a phone: no console errors`, phone.problems.length === 0, phone.problems.join('\n'));
    phone.problems.length = 0;
}

await finish();
