// Listings as a reader meets them: a badge on every listing that does not compile, that panics,
// that needs nightly or that is edition 2021; the compiler output under a failing listing labelled
// and coloured the way rustc colours it, and the output a listing prints labelled; Run buttons only where the Rust Playground can run the listing.
//
// mdBook 0.5 renders a fence such as ```rust,compile_fail,E0277 as
// <pre class="playground"><code class="language-rust compile_fail E0277 edition2024">, so the
// fence attributes are classes on the <code> element. This file runs after mdBook's book.js
// (additional-js), when the blocks are already highlighted and their buttons created.
(function listings() {
    'use strict';

    const SVG = (body) =>
        '<svg class="listing-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" '
        + 'focusable="false">' + body + '</svg>';

    // Icons drawn for this book (no images borrowed from elsewhere); they take the text colour.
    const ICONS = {
        // a ring crossed out: "this is refused"
        fail: SVG('<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.75"/>'
            + '<path d="M3.6 12.4 12.4 3.6" stroke="currentColor" stroke-width="1.75"/>'),
        // a warning triangle: "this stops with a panic"
        panic: SVG('<path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" '
            + 'stroke-linejoin="round"/><path d="M8 5.75v4" stroke="currentColor" stroke-width="1.75" '
            + 'stroke-linecap="round"/><circle cx="8" cy="11.9" r="1" fill="currentColor"/>'),
        // a crescent moon: "nightly"
        nightly: SVG('<path d="M10.5 1.8a6.5 6.5 0 1 0 3.7 10.4A5.2 5.2 0 0 1 10.5 1.8z" '
            + 'fill="currentColor"/>'),
        // a screen: "run it on your machine"
        local: SVG('<rect x="1.5" y="2.5" width="13" height="9" rx="1.2" fill="none" stroke="currentColor" '
            + 'stroke-width="1.5"/><path d="M5 14h6M8 11.5V14" stroke="currentColor" stroke-width="1.5"/>'),
        // a page with lines: "an older edition of the language"
        edition: SVG('<rect x="2.5" y="1.75" width="11" height="12.5" rx="1.2" fill="none" stroke="currentColor" '
            + 'stroke-width="1.5"/><path d="M5 5.5h6M5 8h6M5 10.5h4" stroke="currentColor" stroke-width="1.5"/>'),
        // a prompt: "what the compiler printed"
        output: SVG('<path d="M2.5 4 6.5 8l-4 4" fill="none" stroke="currentColor" stroke-width="1.75" '
            + 'stroke-linecap="round" stroke-linejoin="round"/><path d="M8 12.5h5.5" stroke="currentColor" '
            + 'stroke-width="1.75" stroke-linecap="round"/>'),
    };

    // Crates the listings use that the Rust Playground does not have (it has the most downloaded
    // crates: tokio, async-trait, futures, parking_lot, rand, tracing). A listing that uses one of
    // these gets no Run button, and a badge that says why.
    const NOT_ON_PLAYGROUND = ['trait_variant', 'dynosaur', 'listings'];

    function el(tag, className, html) {
        const node = document.createElement(tag);
        node.className = className;
        if (html !== undefined) {
            node.innerHTML = html;
        }
        return node;
    }

    function badge(kind, icon, text, title) {
        const node = el('span', 'listing-badge listing-badge--' + kind, ICONS[icon]);
        node.append(document.createTextNode(text));
        node.title = title;
        return node;
    }

    function errorCode(code) {
        return Array.from(code.classList).find(c => /^E\d{4}$/.test(c));
    }

    function cratesNotOnPlayground(code) {
        // textContent includes the lines mdBook hides (`# ` lines): they are sent to the playground too.
        const text = code.textContent;
        return NOT_ON_PLAYGROUND.filter(name => new RegExp('\\b' + name + '::').test(text));
    }

    const escapeHtml = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const span = (cls, s) => s ? '<span class="rustc-' + cls + '">' + escapeHtml(s) + '</span>' : '';

    // One line of rustc's human-readable output, coloured as a terminal shows it.
    function rustcLine(line) {
        let m;
        if ((m = /^(error|warning)(\[E\d{4}\])?(:)(.*)$/.exec(line))) {
            return span(m[1], m[1] + (m[2] || '')) + span('message', m[3] + m[4]);
        }
        if ((m = /^(note|help)(:)(.*)$/.exec(line))) {
            return span(m[1], m[1]) + span('message', m[2] + m[3]);
        }
        if ((m = /^(\s*)(-->|:::)(.*)$/.exec(line))) {
            return escapeHtml(m[1]) + span('gutter', m[2]) + escapeHtml(m[3]);
        }
        if ((m = /^(\s*)(=)( (?:note|help))(:.*)$/.exec(line))) {
            return escapeHtml(m[1]) + span('gutter', m[2]) + span(m[3].trim(), m[3]) + escapeHtml(m[4]);
        }
        if ((m = /^(\s*\d+ )([-+~])(.*)$/.exec(line))) {
            // a suggested edit: `5 - old line`, `5 + new line`
            const kind = m[2] === '-' ? 'removed' : 'added';
            return span('gutter', m[1]) + span(kind, m[2] + m[3]);
        }
        if ((m = /^(\s*\d*\s*)(\|)(.*)$/.exec(line))) {
            const rest = m[3];
            const gutter = span('gutter', m[1] + m[2]);
            // An annotation line: markers (^^^ primary, --- secondary, | and _ connectors), then a
            // label in the colour of the last marker.
            const a = /^([\s|_]*[\^-][\s|_\^-]*)(.*)$/.exec(rest);
            if (a) {
                let last = 'gutter';
                const marks = a[1].replace(/\^+|-+|[^\^-]+/g, run => {
                    const kind = run[0] === '^' ? 'primary' : run[0] === '-' ? 'secondary' : 'gutter';
                    if (kind !== 'gutter') last = kind;
                    return span(kind, run);
                });
                return gutter + marks + span(last, a[2]);
            }
            return gutter + escapeHtml(rest);
        }
        return escapeHtml(line);
    }

    // The block right under a listing: the compiler's output under a failing one, or, in a
    // ```text,output block, what a passing one prints (recorded from a run by cargo test).
    function labelOutput(listingPre, compiler) {
        const next = listingPre.nextElementSibling;
        if (!next || next.tagName !== 'PRE') {
            return;
        }
        const out = next.querySelector(':scope > code.language-text');
        if (!out || (!compiler && !out.classList.contains('output'))) {
            return;
        }
        next.classList.add('listing-output');
        const label = el('div', 'listing-output-label', ICONS.output);
        label.append(document.createTextNode(compiler ? 'Compiler output' : 'Output'));
        next.parentNode.insertBefore(label, next);
        if (!compiler) {
            return;
        }
        const text = out.textContent;
        out.innerHTML = text.split('\n').map(rustcLine).join('\n');
        if (out.textContent !== text) {
            out.textContent = text; // colouring must never change what the compiler said
        }
    }

    const blocks = Array.from(document.querySelectorAll('pre > code.language-rust'));
    blocks.forEach(function(code) {
        const pre = code.parentElement;
        const has = c => code.classList.contains(c);
        const badges = [];
        let noRun = false;

        if (has('compile_fail')) {
            const ec = errorCode(code);
            const b = badge('compile-fail', 'fail', 'Does not compile',
                'This listing is meant to fail to compile; the compiler output is shown below it.');
            if (ec) {
                const link = el('a', 'listing-badge-code');
                link.href = 'https://doc.rust-lang.org/error_codes/' + ec + '.html';
                link.textContent = ec;
                link.title = 'rustc explains ' + ec;
                b.append(document.createTextNode(' \u00b7 '), link);
            }
            badges.push(b);
            noRun = true;
        }
        if (has('should_panic')) {
            badges.push(badge('panics', 'panic', 'Panics',
                'This listing compiles, and panics when it runs.'));
        }
        if (has('edition2021')) {
            badges.push(badge('edition', 'edition', 'Edition 2021',
                'This listing is compiled as edition 2021, to show what changed in edition 2024; '
                + 'run it with cargo run -p listings-2021 --example NAME.'));
        }
        if (has('nightly')) {
            badges.push(badge('nightly', 'nightly', 'Needs nightly',
                'This listing uses an unstable feature: run it with a nightly toolchain, '
                + 'cargo +nightly run --manifest-path listings/nightly/Cargo.toml --example NAME.'));
            noRun = true;
        }
        // ```rust,features=parking_lot/send_guard: the playground builds its crates without it.
        const features = Array.from(code.classList).filter(c => c.startsWith('features=')).map(c => c.slice(9));
        if (features.length) {
            badges.push(badge('local', 'local', 'Run it locally',
                'Needs the cargo feature ' + features.join(', ') + ', which the Rust Playground does not enable: '
                + 'run it from its own workspace, cargo run --manifest-path listings/send-guard/Cargo.toml --example NAME.'));
            noRun = true;
        }
        if (!noRun && pre.classList.contains('playground')) {
            const missing = cratesNotOnPlayground(code);
            if (missing.length) {
                badges.push(badge('local', 'local', 'Run it locally',
                    'Uses ' + missing.join(', ') + ', which the Rust Playground does not have: '
                    + 'run it with cargo run -p listings --example NAME.'));
                noRun = true;
            }
        }

        if (noRun) {
            // book.js still holds this button and un-hides it once the playground answers; CSS keeps it hidden.
            pre.classList.add('listing--no-run');
        }
        if (badges.length) {
            const row = el('div', 'listing-badges');
            row.setAttribute('role', 'note');
            badges.forEach(b => row.append(b));
            pre.parentNode.insertBefore(row, pre);
            pre.classList.add('listing--badged');
            badges.forEach(b => pre.classList.add('listing--' + b.className.split('--')[1]));
        }
        labelOutput(pre, has('compile_fail'));
    });
})();
