// Grades theme/paste.js on the book's own compiler outputs (src/generated/paste-data.js), on
// perturbed copies of them, and on the real outputs in tests/paste/real/. Prints a table of hit
// rates and, with --json, one JSON line last. Exits 1 when a book snapshot, or a perturbed copy
// of one, does not put the section that shows its listing first (each miss is named).
//   node tests/paste/grade.cjs [--json]
"use strict";
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "../..");
const { Model, clean } = require(path.join(root, "theme/paste.js"));
require(path.join(root, "src/generated/paste-data.js"));
const data = globalThis.PASTE_DATA;
const model = new Model(data);

// A deterministic shuffle (the same every run), so a miss can be reproduced.
function shuffle(lines, seed) {
  const out = lines.slice();
  let x = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
const seedOf = (s) => [...s].reduce((a, c) => (a * 31 + c.charCodeAt(0)) & 0x7fffffff, 7);

// The ways a reader's paste differs from a snapshot.
const perturb = {
  // the lines under each error's first line, shuffled (the first line stays where it starts)
  "lines reordered": (t, name) => {
    const blocks = [];
    for (const line of t.split("\n")) {
      if (/^error/.test(line) || !blocks.length) blocks.push([line]);
      else blocks[blocks.length - 1].push(line);
    }
    return blocks.map((b, i) => [b[0], ...shuffle(b.slice(1), seedOf(name) + i)].join("\n")).join("\n");
  },
  "terminal colours": (t) => t.split("\n").map((l) => l
    .replace(/^(error(\[E\d{4}\])?)(: )(.*)$/, "\u001b[0m\u001b[1m\u001b[38;5;9m$1\u001b[0m\u001b[0m\u001b[1m$3$4\u001b[0m")
    .replace(/^(\s*)(-->|\||=)/, "$1\u001b[0m\u001b[1m\u001b[38;5;12m$2\u001b[0m")
    .replace(/^(note|help)(: )/, "\u001b[0m\u001b[1m\u001b[38;5;10m$1\u001b[0m$2")).join("\n"),
  "Windows paths, line numbers, cargo's lines": (t, name) => [
    "    Checking myapp v0.1.0 (C:\\Users\\me\\myapp)",
    "warning: unused variable: `x`",
    "  --> src\\lib.rs:3:9",
    "",
    ...t.split("\n").map((l, i) => l
      .replace(/\$WORKSPACE\/listings\/fail\/[\w.]+/, "src\\main.rs:" + (10 + i) + ":5")
      .replace(/\$CARGO\/([\w-]+)-\$VERSION\/(\S+)/, (_, c, p) => "C:\\Users\\me\\.cargo\\registry\\src\\index.crates.io-1949cf8c6b5b557f\\" + c + "-1.41.0\\" + p.replace(/\//g, "\\") + ":164:21")
      .replace(/\$RUST\/(\S+)/, (_, p) => "C:\\Users\\me\\.rustup\\toolchains\\stable-x86_64-pc-windows-msvc\\lib\\rustlib\\src\\rust\\library\\" + p.replace(/\//g, "\\"))
      .replace(/^(\s*)\|/, (m, sp) => (sp.length >= 2 ? String(10 + i).padStart(sp.length) + " |" : m))),
    "",
    "For more information about this error, try `rustc --explain E0277`.",
    "error: could not compile `myapp` (bin \"myapp\") due to 1 previous error",
  ].join("\n"),
};

function first(text) {
  const errs = model.read(text);
  const hit = errs.find((e) => e.results.length);
  return hit ? hit.results.map((r) => r.section) : [];
}

const rows = [];
const misses = [];
function grade(kind, cases) {
  let top1 = 0, top3 = 0;
  for (const c of cases) {
    const got = first(c.text);
    if (got[0] === c.expect) top1++;
    if (got.slice(0, 3).includes(c.expect)) top3++;
    else if (c.must) misses.push(`${c.name} (${kind}): expected ${c.expect} first, got ${got[0] || "not recognised"}`);
    if (c.must && got[0] !== c.expect && got.slice(0, 3).includes(c.expect)) misses.push(`${c.name} (${kind}): expected ${c.expect} first, got ${got[0]}`);
  }
  rows.push({ kind, cases: cases.length, top1, top3 });
}

// A snapshot whose text is the same as another's but for its file name (the same error shown in
// two places) is expected to lead where a reader meets it first in the book.
const bare = (t) => t.split("\n").filter((l) => !/^\s*--> \$WORKSPACE\//.test(l)).join("\n");
const firstShown = new Map();
for (const s of [...data.snapshots].sort((a, b) => a.order - b.order)) {
  if (!firstShown.has(bare(s.stderr))) firstShown.set(bare(s.stderr), s.section);
}
const book = data.snapshots.map((s) => ({ name: `${s.listing}.stderr`, text: s.stderr, expect: firstShown.get(bare(s.stderr)), must: true }));
grade("book snapshots", book);
for (const [kind, f] of Object.entries(perturb)) {
  grade(kind, book.map((c) => ({ ...c, text: f(c.text, c.name) })));
}

// Real outputs: tests/paste/real/NAME.txt, headed by `# report: URL` and `# expect: page.md#anchor`
// (or `# expect: unknown` for an output the book does not cover, which must not be matched).
const realDir = path.join(__dirname, "real");
const real = fs.existsSync(realDir) ? fs.readdirSync(realDir).filter((f) => f.endsWith(".txt")).sort() : [];
const realCases = [];
let unknownRight = 0, unknownCases = 0;
for (const f of real) {
  const text = fs.readFileSync(path.join(realDir, f), "utf8");
  const expect = (/^# expect: (\S+)/m.exec(text) || [])[1];
  if (!expect) { misses.push(`tests/paste/real/${f}: no \`# expect:\` line`); continue; }
  const body = text.split("\n").filter((l) => !l.startsWith("# ")).join("\n");
  if (expect === "unknown") {
    unknownCases++;
    if (!first(body).length) unknownRight++;
    continue;
  }
  if (!data.sections[expect]) misses.push(`tests/paste/real/${f}: \`# expect: ${expect}\` is no section that shows a failing listing`);
  realCases.push({ name: `tests/paste/real/${f}`, text: body, expect, must: false });
}
grade("real outputs", realCases);

const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1) + " %" : "-");
console.log("| inputs | cases | right section first | in the first three |");
console.log("| --- | ---: | ---: | ---: |");
for (const r of rows) console.log(`| ${r.kind} | ${r.cases} | ${r.top1} (${pct(r.top1, r.cases)}) | ${r.top3} (${pct(r.top3, r.cases)}) |`);
if (unknownCases) console.log(`| real outputs the book does not cover, answered "not recognised" | ${unknownCases} | ${unknownRight} (${pct(unknownRight, unknownCases)}) | |`);
if (!book.length) misses.push("no book snapshots to grade");
if (process.argv.includes("--json")) console.log(JSON.stringify({ rows, unknownCases, unknownRight, misses }));
if (misses.length) {
  console.error("\n" + [...new Set(misses)].join("\n"));
  process.exit(1);
}
