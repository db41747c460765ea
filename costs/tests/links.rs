//! Links from the book to rows of the cost tables (`costs.md#cost-<table>-<row>`, the anchors
//! `costs::time_table` writes) must land on a row the costs chapter shows.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../src");

/// The `cost-…` anchors of the rows src/costs.md shows: those of every generated table it
/// includes.
fn anchors_shown() -> BTreeSet<String> {
    let chapter = fs::read_to_string(Path::new(SRC).join("costs.md")).unwrap();
    let mut anchors = BTreeSet::new();
    for line in chapter.lines() {
        let Some(name) = line
            .trim()
            .strip_prefix("{{#include generated/")
            .and_then(|l| l.strip_suffix("}}"))
        else {
            continue;
        };
        let path = Path::new(SRC).join("generated").join(name);
        let table = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("src/costs.md includes {}: {e}", path.display()));
        for piece in table.split("<span id=\"").skip(1) {
            anchors.insert(piece.split('"').next().unwrap().to_string());
        }
    }
    anchors
}

/// Every `costs.md#cost-…` link in a chapter: (file, line, anchor).
fn links_to_cost_rows() -> Vec<(String, usize, String)> {
    let mut links = Vec::new();
    for entry in fs::read_dir(SRC).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let name = format!("src/{}", path.file_name().unwrap().to_string_lossy());
        for (i, line) in text.lines().enumerate() {
            for piece in line.split("costs.md#").skip(1) {
                let anchor: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if anchor.starts_with("cost-") {
                    links.push((name.clone(), i + 1, anchor));
                }
            }
        }
    }
    links
}

#[test]
fn every_linked_cost_row_is_in_the_costs_chapter() {
    let shown = anchors_shown();
    let missing: Vec<String> = links_to_cost_rows()
        .into_iter()
        .filter(|(_, _, anchor)| !shown.contains(anchor))
        .map(|(file, line, anchor)| {
            format!(
                "{file}:{line}: links to the cost row `{anchor}`, which src/costs.md does not show"
            )
        })
        .collect();
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}

/// The anchors are unique, and every table's rows are shown by the chapter.
#[test]
fn every_time_table_row_has_a_unique_anchor_in_the_chapter() {
    let shown = anchors_shown();
    let mut seen = BTreeSet::new();
    for table in costs::timed::TABLES {
        for row in table.rows {
            let anchor = costs::anchor(table, row);
            assert!(
                seen.insert(anchor.clone()),
                "two rows have the anchor `{anchor}`"
            );
            assert!(
                shown.contains(&anchor),
                "src/costs.md does not show the row `{anchor}`: include src/generated/costs-time-{}.md",
                table.id
            );
        }
    }
}
