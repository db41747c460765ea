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
}
