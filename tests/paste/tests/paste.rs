//! The paste box: its data is what the book says now, the index page holds it, and the matcher
//! puts the section that shows each failing listing first for every snapshot of the book (and
//! perturbed copies of them). The grading runs theme/paste.js itself, under node.

use std::process::Command;

#[test]
fn data_file_is_current() {
    let root = freshness::root();
    let want = paste_rules::data(&root).unwrap_or_else(|p| panic!("\n{}\n", p.join("\n")));
    let path = root.join(paste_rules::DATA);
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have == paste_rules::render(&want) {
        return;
    }
    // Name what is stale: a rule missing, pointing elsewhere, or with another output.
    let json = have
        .split_once(" = ")
        .map(|(_, j)| j.trim_end().trim_end_matches(';'))
        .unwrap_or("null");
    let old: serde_json::Value = serde_json::from_str(json).unwrap_or(serde_json::Value::Null);
    let find = |v: &serde_json::Value, listing: &str| {
        v["snapshots"]
            .as_array()
            .and_then(|a| a.iter().find(|s| s["listing"] == listing).cloned())
    };
    let mut problems = Vec::new();
    for s in want["snapshots"].as_array().unwrap() {
        let name = s["listing"].as_str().unwrap();
        match find(&old, name) {
            None => problems.push(format!("{}: no rule for listings/fail/{name}.stderr", paste_rules::DATA)),
            Some(o) if o["section"] != s["section"] => problems.push(format!("{}: the rule for listings/fail/{name}.stderr points at {}, but the book shows it in {}", paste_rules::DATA, o["section"], s["section"])),
            Some(o) if o["stderr"] != s["stderr"] => problems.push(format!("{}: the rule for listings/fail/{name}.stderr holds an old compiler output", paste_rules::DATA)),
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        problems.push(format!(
            "{}: stale (sections or index entries changed)",
            paste_rules::DATA
        ));
    }
    panic!(
        "\n{}\nregenerate it: cargo run -p paste-rules\n",
        problems.join("\n")
    );
}

#[test]
fn the_index_page_holds_the_box_and_the_book_loads_it() {
    let root = freshness::root();
    let index = freshness::read(&root.join("src").join(paste_rules::INDEX));
    assert!(
        index.contains(paste_rules::PLACEHOLDER),
        "src/{}:1: no `{}` for the paste box",
        paste_rules::INDEX,
        paste_rules::PLACEHOLDER
    );
    let book = freshness::read(&root.join("book.toml"));
    assert!(
        book.contains("\"theme/paste.js\""),
        "book.toml: additional-js does not load theme/paste.js"
    );
}

#[test]
fn every_snapshot_finds_its_section_first() {
    let root = freshness::root();
    if std::env::var_os("BOOK_NO_NODE").is_some() {
        eprintln!("\nSKIPPED (BOOK_NO_NODE is set): the paste box's matcher was not graded\n");
        return;
    }
    // A grading that passed is not run again while everything it reads is the same (the key
    // below); BOOK_NO_CACHE=1 grades anyway. A failure is never recorded.
    let key = grading_key(&root);
    let record = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("paste-grade");
    let cached = std::env::var_os("BOOK_NO_CACHE").is_none_or(|v| v == "0");
    if cached && std::fs::read_to_string(&record).is_ok_and(|k| k == key) {
        eprintln!(
            "graded before with the same matcher, data, cases and node (record: {})",
            record.display()
        );
        return;
    }
    let out = Command::new("node")
        .arg(root.join("tests/paste/grade.cjs"))
        .output()
        .unwrap_or_else(|e| panic!("node is needed to grade theme/paste.js ({e}); install Node.js, or set BOOK_NO_NODE=1 to skip this one test"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}");
    assert!(
        out.status.success(),
        "the paste box sends a reader to the wrong section:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("| book snapshots |"),
        "grade.cjs graded nothing:\n{stdout}"
    );
    if cached && grading_key(&root) == key {
        let _ = std::fs::write(&record, key);
    }
}

/// A hash of everything grade.cjs reads (itself, theme/paste.js, the data file, the real
/// cases under tests/paste/real) and of `node --version`.
fn grading_key(root: &std::path::Path) -> String {
    use std::hash::Hasher;
    let node = Command::new("node")
        .arg("--version")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    let mut files = vec![
        root.join("tests/paste/grade.cjs"),
        root.join("theme/paste.js"),
        root.join("src/generated/paste-data.js"),
    ];
    let mut real: Vec<_> = std::fs::read_dir(root.join("tests/paste/real"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    real.sort();
    files.extend(real);
    let mut hashers = [0u64, 1].map(|seed| {
        let mut h = std::hash::DefaultHasher::new();
        h.write_u64(seed);
        h.write(&node);
        h
    });
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|_| b"(missing)".to_vec());
        for h in &mut hashers {
            h.write(file.to_string_lossy().as_bytes());
            h.write_usize(bytes.len());
            h.write(&bytes);
        }
    }
    format!("{:016x}{:016x}", hashers[0].finish(), hashers[1].finish())
}
