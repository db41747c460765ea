// "Paste your error": reads rustc or cargo output and points at the sections of this book that
// explain it. Everything runs in the page; nothing is sent anywhere. The book's own compiler
// outputs (src/generated/paste-data.js, generated from listings/fail/*.stderr) are the rules: the
// same features are read out of them and out of the paste, and the sections whose outputs share
// the most telling features (weighted by how rare each is in the book) come first.
// tests/paste/grade.cjs grades it on every snapshot of the book under `cargo test`.
(function () {
  "use strict";

  var ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
  // Words of code too common to tell cases apart (`while`, `match`, `loop` and `drop` do tell).
  var STOP = new Set(("let mut ref fn pub async await move self Self impl dyn for where use mod struct enum " +
    "trait type const static return else true false unwrap main new into clone").split(" "));

  var GENERIC = /^msg:(mismatched types|borrow of moved value|use of moved value|cannot find)/;

  function clean(text) {
    return String(text).replace(ANSI, "").replace(/\r\n?/g, "\n");
  }

  // cargo's own lines, which look like errors but say nothing about the cause.
  function isNoise(line) {
    return /^error: (could not compile|aborting due to)/.test(line) ||
      /^(For more information about|Some errors have detailed)/.test(line);
  }

  // One block per `error...:` header; lines before the first header go with the first block.
  function splitErrors(text) {
    var blocks = [], current = null, before = [];
    clean(text).split("\n").forEach(function (line) {
      if (isNoise(line)) return;
      if (/^error(\[E\d{4}\])?: /.test(line)) {
        current = [line];
        blocks.push(current);
      } else if (/^(warning(\[\w+\])?: |\s*(Compiling|Checking|Finished|Running) )/.test(line)) {
        current = null; // a warning's block, or cargo's progress: not part of an error
      } else if (current) {
        current.push(line);
      } else {
        before.push(line);
      }
    });
    if (blocks.length && before.some(function (l) { return l.trim(); })) blocks[0] = blocks[0].concat(before);
    return blocks.map(function (b) { return b.join("\n"); });
  }

  // `std::sync::MutexGuard<'_, Vec<u8>>` -> `MutexGuard`; `&Cell<i32>` -> `Cell`; `*mut ()` stays.
  function typeName(t) {
    t = t.trim().replace(/^\(|\)$/g, "").replace(/^&('\w+ )?(mut )?/, "");
    if (/^\*(const|mut) /.test(t)) return t.replace(/\s+/g, " ");
    var prefix = "";
    var m = /^(dyn|impl) +(.*)$/.exec(t);
    if (m) { prefix = m[1] + " "; t = m[2]; }
    t = t.split("<")[0].split(" ")[0];
    var parts = t.split("::");
    return prefix + parts[parts.length - 1];
  }

  // Message with the parts in backticks generalised, so `x` and `y` read alike.
  function general(s) {
    return s.replace(/`[^`]*`/g, "`_`").replace(/\s+/g, " ").trim();
  }

  // The features of one error block: a map from feature to how a reader would say it.
  function features(block) {
    var f = new Map();
    var add = function (key, label) { if (!f.has(key)) f.set(key, label); };
    var lines = clean(block).split("\n");
    var head = /^error(?:\[(E\d{4})\])?: (.*)$/.exec(lines[0] || "");
    if (head) {
      if (head[1]) add("code:" + head[1], "error " + head[1]);
      add("msg:" + general(head[2]), "the message \u201c" + head[2].trim() + "\u201d");
    }
    lines.forEach(function (raw) {
      var gutter = /^\s*\d*\s*\|(.*)$/.exec(raw);
      var line = (gutter ? gutter[1] : raw).replace(/^\s*=\s*/, "").trim();
      var m;
      if ((m = /the trait `(\w+)` is not implemented for `(.+?)`(?:$|[ ,])/.exec(line))) {
        add("type:" + typeName(m[2]), "`" + typeName(m[2]) + "` is not `" + m[1] + "`");
        add("trait:" + m[1], "`" + m[1] + "` is required");
      }
      if ((m = /has type `(.+)` which is not `(\w+)`/.exec(line))) {
        add("type:" + typeName(m[1]), "`" + typeName(m[1]) + "` is not `" + m[2] + "`");
        add("held", "a value is held across an `.await`");
      }
      if ((m = /`(.+?)` cannot be (sent|shared) between threads safely/.exec(line))) {
        var trait = m[2] === "sent" ? "Send" : "Sync";
        add("type:" + typeName(m[1]), "`" + typeName(m[1]) + "` is not `" + trait + "`");
        add("trait:" + trait, "`" + trait + "` is required");
      }
      if ((m = /^`(.+?)` must implement `(\w+)`/.exec(line)) || (m = /actually implemented for the type `(.+?)`/.exec(line))) {
        add("type:" + typeName(m[1]), "`" + typeName(m[1]) + "` is named in the lifetime notes");
      }
      if (/await occurs here|used across an await/.test(line)) add("await", "it is held across an `.await`");
      if (/as it awaits another future/.test(line)) add("awaits", "it awaits another future that is not `Send`");
      if (/captured value is not `/.test(line)) add("captured", "a captured value is the cause");
      if ((m = /required by a bound in `(.+?)`$/.exec(line))) {
        var bound = m[1].split("<")[0].split("::").pop();
        add("bound:" + bound, "the bound comes from `" + bound + "`");
      }
      if ((m = /required because it (appears within the type|'s used within this [\w` ]+)/.exec(line))) {
        add("within:" + general(m[1]), "required because it " + m[1]);
      }
      if (/^(note|help): /.test(line)) add("note:" + general(line), line);
      // rustc elides source lines between two labels: code stands between the value and the await
      if (raw.trim() === "...") add("gap", "there is code between the value and the `.await`");
      if (gutter && !/^[\s^\-|]*$/.test(gutter[1])) {
        (gutter[1].match(/[A-Za-z_][A-Za-z0-9_]{2,}/g) || []).forEach(function (w) {
          if (!STOP.has(w)) add("src:" + w, "your code uses `" + w + "`");
        });
        if (!/[\^]{2}|--/.test(gutter[1])) add("src:line:" + gutter[1].replace(/\s+/g, ""), "the same line of code");
      }
    });
    return f;
  }

  // The book's outputs as a model: features per snapshot, and how rare each feature is.
  function Model(data) {
    this.data = data;
    this.snaps = data.snapshots.map(function (s) {
      var f = new Map();
      splitErrors(s.stderr).forEach(function (b) { features(b).forEach(function (v, k) { if (!f.has(k)) f.set(k, v); }); });
      return { listing: s.listing, section: s.section, order: s.order, features: f };
    });
    var df = new Map();
    this.snaps.forEach(function (s) { s.features.forEach(function (_, k) { df.set(k, (df.get(k) || 0) + 1); }); });
    var n = this.snaps.length;
    this.weight = function (k) {
      var d = df.get(k);
      if (!d) return 0;
      var w = Math.log(1 + n / d);
      if (k.indexOf("src:") === 0) return w * 0.25; // the reader's own code: a hint, not a cause
      if (k.indexOf("type:") === 0) return w * 2;   // the type the help line names: the strongest cue
      return w;
    };
    var self = this;
    this.snaps.forEach(function (s) {
      var sum = 0;
      s.features.forEach(function (_, k) { sum += Math.pow(self.weight(k), 2); });
      s.norm = Math.sqrt(sum) || 1;
    });
  }

  // The sections that explain one error block, best first: [{section, score, reasons, listing}].
  Model.prototype.rankBlock = function (block) {
    var self = this;
    var pf = features(block);
    var pnorm = 0;
    pf.forEach(function (_, k) { pnorm += Math.pow(self.weight(k), 2); });
    pnorm = Math.sqrt(pnorm) || 1;
    var best = new Map();
    this.snaps.forEach(function (s) {
      var dot = 0, shared = [];
      pf.forEach(function (label, k) {
        if (s.features.has(k)) {
          var w = self.weight(k);
          dot += w * w;
          shared.push({ key: k, label: label, w: w });
        }
      });
      var score = dot / (s.norm * pnorm);
      // Decisive: the type, how it is held, a rare note, or a rare first line that is not one of
      // rustc's catch-all messages (a "mismatched types" has a thousand causes besides the book's).
      var telling = shared.some(function (x) {
        return /^(type|held|await|awaits|captured|within|gap):/.test(x.key + ":") ||
          (/^(note|msg):/.test(x.key) && x.w >= 2.5 && !GENERIC.test(x.key));
      });
      if (!telling) return;
      var prev = best.get(s.section);
      if (!prev || prev.score < score) best.set(s.section, { section: s.section, listing: s.listing, order: s.order, score: score, shared: shared });
    });
    // Equal scores (the same output shown in two places): the one a reader meets first in the book.
    var ranked = Array.from(best.values()).sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    ranked.forEach(function (r) {
      r.reasons = r.shared.filter(function (x) { return x.key.indexOf("src:") !== 0 && x.key.indexOf("note:") !== 0; })
        .sort(function (a, b) { return b.w - a.w; }).slice(0, 3).map(function (x) { return x.label; });
    });
    return ranked;
  };

  // Below this similarity the box says it does not know, rather than guess.
  Model.prototype.threshold = 0.3;

  // Every error of a paste: [{message, results (may be empty), index (an index entry or null)}].
  Model.prototype.read = function (text) {
    var self = this;
    return splitErrors(String(text).slice(0, 400000)).slice(0, 8).map(function (block) {
      var head = /^error(?:\[(E\d{4})\])?: (.*)$/.exec(block.split("\n")[0]) || [];
      var msg = general(head[2] || "");
      var entry = self.data.index.filter(function (e) { return general(e.title.replace(/ \(E\d{4}\)$/, "")) === msg; })[0] || null;
      var results = self.rankBlock(block).filter(function (r) { return r.score >= self.threshold; }).slice(0, 3);
      return { message: (head[2] || "").trim(), code: head[1] || null, results: results, index: entry };
    });
  };

  function pageUrl(root, target) {
    var parts = target.split("#");
    return root + parts[0].replace(/\.md$/, ".html") + (parts[1] ? "#" + parts[1] : "");
  }

  // Text with `code` in backticks, as DOM nodes (never as HTML: the reader's paste is in it).
  function withCode(node, text) {
    String(text).split("`").forEach(function (part, i) {
      if (!part) return;
      if (i % 2) { var c = document.createElement("code"); c.textContent = part; node.appendChild(c); }
      else node.appendChild(document.createTextNode(part));
    });
    return node;
  }

  function render(model, out, text, root) {
    out.textContent = "";
    var errors = model.read(text);
    var el = function (tag, cls, txt) { var e = document.createElement(tag); if (cls) e.className = cls; if (txt) e.textContent = txt; return e; };
    if (!errors.length) {
      out.appendChild(el("p", "paste-unknown", "No compiler error found in what you pasted: paste the lines that start with `error`, and the notes under them."));
      return;
    }
    errors.forEach(function (e, i) {
      var box = el("section", "paste-result");
      box.appendChild(withCode(el("h3"), (errors.length > 1 ? "Error " + (i + 1) + ": " : "") + (e.code ? e.code + " " : "") + e.message));
      if (!e.results.length) {
        var p = el("p", "paste-unknown", "Not recognised: none of the book's listings fails this way. ");
        var a = el("a", null, e.index ? "Its entry in the index" : "Look it up in the index");
        a.href = e.index ? pageUrl(root, e.index.anchor) : pageUrl(root, "error-index.md");
        p.appendChild(a);
        box.appendChild(p);
      } else {
        var ol = el("ol");
        e.results.forEach(function (r) {
          var s = model.data.sections[r.section] || {};
          var li = el("li");
          var a = el("a", null, (s.page ? s.page + " \u203a " : "") + (s.title || r.section));
          a.href = pageUrl(root, r.section);
          li.appendChild(a);
          if (r.reasons.length) li.appendChild(withCode(el("span", "paste-why"), " \u2014 in your output: " + r.reasons.join("; ") + "."));
          if (s.fix) li.appendChild(withCode(el("span", "paste-fix"), " The fix there: listing `" + s.fix + "`."));
          ol.appendChild(li);
        });
        box.appendChild(ol);
      }
      out.appendChild(box);
    });
  }

  function mount() {
    var host = document.getElementById("paste-box");
    if (!host) return;
    var root = typeof path_to_root === "string" ? path_to_root : "";
    host.textContent = "";
    var label = document.createElement("label");
    label.setAttribute("for", "paste-input");
    label.textContent = "Paste the compiler's output (rustc or cargo, colours and all):";
    var area = document.createElement("textarea");
    area.id = "paste-input";
    area.rows = 8;
    area.spellcheck = false;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Find the section";
    var out = document.createElement("div");
    out.className = "paste-results";
    out.setAttribute("aria-live", "polite");
    host.append(label, area, button, out);
    var model = null;
    var go = function () {
      var run = function () { model = model || new Model(window.PASTE_DATA); render(model, out, area.value, root); };
      if (window.PASTE_DATA) return run();
      out.textContent = "Loading\u2026";
      var s = document.createElement("script");
      s.src = root + "generated/paste-data.js";
      s.onload = run;
      s.onerror = function () { out.textContent = "Could not load the book's compiler outputs (generated/paste-data.js)."; };
      document.head.appendChild(s);
    };
    button.addEventListener("click", go);
    area.addEventListener("keydown", function (e) { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); go(); } });
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
    else mount();
  }
  if (typeof module !== "undefined" && module.exports) {
    module.exports = { clean: clean, splitErrors: splitErrors, features: features, typeName: typeName, Model: Model };
  }
})();
