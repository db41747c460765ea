// What the page-level browser tests share: the built book served the way GitHub Pages serves it
// (under book.toml's site-url), Chromium launched as check.mjs launches it with nothing allowed
// to leave the machine, a check() that prints `ok` / `FAILED` lines, and finish(), which prints
// "N passed, N failed" and sets the exit code (a run that checked nothing fails).
// BOOK_DIR, SCREENSHOT_DIR and CHROMIUM override the defaults.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BOOK = path.resolve(process.env.BOOK_DIR || path.join(ROOT, 'target', 'book'));
export const SHOTS = path.resolve(process.env.SCREENSHOT_DIR || path.join(ROOT, 'target', 'screenshots'));
export const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];
export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

let passed = 0;
let failed = 0;
let skipped = 0;
export function check(name, ok, detail = '') {
    if (ok) {
        passed += 1;
        console.log(`ok      ${name}`);
    } else {
        failed += 1;
        console.log(`FAILED  ${name}${detail ? `\n        ${String(detail).replace(/\n/g, '\n        ')}` : ''}`);
    }
    return ok;
}

// A skip passes only when README.md allows it, with a line "- browser test may skip `NAME`: why";
// otherwise it is a failure.
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
export function skip(name, why) {
    if (README.includes(`browser test may skip \`${name}\``)) {
        skipped += 1;
        console.log(`skipped ${name}: ${why} (allowed by README.md)`);
    } else {
        check(`${name} (could not run: ${why}; README.md does not allow skipping it)`, false);
    }
}

if (!fs.existsSync(path.join(BOOK, 'index.html'))) {
    console.error(`no built book at ${BOOK}: run \`mdbook build\` first`);
    process.exit(2);
}

const bookToml = fs.readFileSync(path.join(ROOT, 'book.toml'), 'utf8');
const siteUrl = (/^\s*site-url\s*=\s*"([^"]*)"/m.exec(bookToml) || [, '/'])[1];
export const BASE = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
const TYPES = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
    '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
    '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.txt': 'text/plain',
};
const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = null;
    if (url.pathname.startsWith(BASE)) {
        rel = decodeURIComponent(url.pathname.slice(BASE.length));
        if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    }
    const file = rel === null ? null : path.join(BOOK, rel);
    if (file && file.startsWith(BOOK + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
    } else {
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        fs.createReadStream(path.join(BOOK, '404.html')).pipe(res);
    }
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
export const ORIGIN = `http://127.0.0.1:${server.address().port}`;
/** The URL of a page of the book, e.g. at('error-index.html'). */
export const at = rel => `${ORIGIN}${BASE}${rel}`;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'book-chromium-'));
/** The browser every page is opened in (check.mjs makes its own contexts). */
export const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
        `--disk-cache-dir=${path.join(profile, 'cache')}`,
    ],
});

/** A page in a fresh context; page.problems collects console and page errors; page.requests
 *  every URL it asked for (nothing but the book's own server is answered). */
export async function newPage(viewport) {
    const phone = viewport === PHONE;
    const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    page.problems = [];
    page.requests = [];
    await context.route('**/*', route => {
        const url = new URL(route.request().url());
        page.requests.push(url.href);
        if (url.origin === ORIGIN) return route.continue();
        if (url.hostname === 'play.rust-lang.org') return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, json: { crates: [] } });
        return route.abort();
    });
    page.on('console', msg => { if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`); });
    page.on('pageerror', err => page.problems.push(`page error: ${err.message}`));
    return page;
}

export async function setTheme(page, theme) {
    if (!await page.isVisible(`#mdbook-theme-${theme}`)) await page.click('#mdbook-theme-toggle');
    await page.click(`#mdbook-theme-${theme}`);
    await page.waitForFunction(t => document.documentElement.classList.contains(t), theme);
}

/** Saves a picture of the element `selector` as `file`, not with locator.screenshot(): for the
 *  paste box, taller than the window, that call waited for the box to be "stable" until it timed
 *  out, in CI on 2026-11-29 and in local runs (commit 29cecf5). So: make the window at least
 *  as tall as the element and mdBook's menu bar, put the element under the bar, and take the
 *  window clipped to the element. */
export async function shoot(page, selector, file) {
    const before = page.viewportSize();
    const { height, bar } = await page.evaluate(sel => ({
        height: Math.ceil(document.querySelector(sel).getBoundingClientRect().height),
        bar: Math.ceil((document.getElementById('mdbook-menu-bar') || { offsetHeight: 0 }).offsetHeight) + 10,
    }), selector);
    await page.setViewportSize({ width: before.width, height: Math.max(before.height, bar + height + 10) });
    const clip = await page.evaluate(([sel, bar]) => {
        const e = document.querySelector(sel);
        e.scrollIntoView({ block: 'start' });
        scrollBy(0, -bar);
        const r = e.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
    }, [selector, bar]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file, clip });
    await page.setViewportSize(before);
}

/** Closes the browser and the server, prints the count line and exits. */
export async function finish() {
    await browser.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    if (passed + failed === 0) check('the test checked something', false);
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    process.exit(failed ? 1 : 0);
}
