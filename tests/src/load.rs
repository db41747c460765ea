//! Loading the book with mdBook's own library, so includes and anchors expand exactly as
//! `mdbook build` expands them. Shared with ../listing-tests/tests/listings.rs through `#[path]`.

use crate::markdown::Chapter;
use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_renderers::MarkdownRenderer;
use std::path::{Path, PathBuf};

/// The book's root: the folder above this package.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Every chapter that has a file (draft chapters have none), in SUMMARY.md order.
pub fn chapters(root: &Path) -> Result<Vec<Chapter>, String> {
    let book = MDBook::load(root).map_err(|e| {
        let missing = missing_chapters(root);
        if missing.is_empty() {
            format!("mdBook cannot load the book at {}: {e:#}", root.display())
        } else {
            format!("mdBook cannot load the book: {e:#}\n{}", missing.join("\n"))
        }
    })?;
    let (expanded, _) = book
        .preprocess_book(&MarkdownRenderer::new())
        .map_err(|e| format!("mdBook cannot expand the book's includes: {e:#}"))?;
    let src = book.source_dir();
    let mut out = Vec::new();
    for item in expanded.iter() {
        let BookItem::Chapter(ch) = item else {
            continue;
        };
        let Some(source) = &ch.source_path else {
            continue;
        };
        let raw = std::fs::read_to_string(src.join(source))
            .map_err(|e| format!("{}: {e}", src.join(source).display()))?;
        let path = src.strip_prefix(root).unwrap_or(&src).join(source);
        out.push(Chapter {
            path,
            raw,
            expanded: ch.content.clone(),
        });
    }
    Ok(out)
}

/// `src/SUMMARY.md:LINE: ...` for every chapter SUMMARY.md links that has no file: what to
/// edit when mdBook refuses to load the book because one is missing.
pub fn missing_chapters(root: &Path) -> Vec<String> {
    let summary = root.join("src/SUMMARY.md");
    let Ok(text) = std::fs::read_to_string(&summary) else {
        return vec![format!(
            "src/SUMMARY.md:1: missing: mdBook needs it to know the chapters"
        )];
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(')') else { break };
            let target = &after[..end];
            rest = &after[end..];
            if !target.is_empty()
                && !target.contains("://")
                && !root.join("src").join(target).is_file()
            {
                out.push(format!("src/SUMMARY.md:{}: lists `{target}`, but src/{target} does not exist: restore the file or remove the line", i + 1));
            }
        }
    }
    out
}
