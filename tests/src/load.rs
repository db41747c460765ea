//! Loading the book with mdBook's own library, so includes and anchors expand exactly as
//! `mdbook build` expands them. Shared with build.rs through `#[path]`.

use crate::markdown::Chapter;
use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_renderers::MarkdownRenderer;
use std::path::{Path, PathBuf};

/// The book's root: the folder above this package.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every chapter that has a file (draft chapters have none), in SUMMARY.md order.
pub fn chapters(root: &Path) -> Result<Vec<Chapter>, String> {
    let book = MDBook::load(root).map_err(|e| format!("mdBook cannot load the book at {}: {e:#}", root.display()))?;
    let (expanded, _) = book
        .preprocess_book(&MarkdownRenderer::new())
        .map_err(|e| format!("mdBook cannot expand the book's includes: {e:#}"))?;
    let src = book.source_dir();
    let mut out = Vec::new();
    for item in expanded.iter() {
        let BookItem::Chapter(ch) = item else { continue };
        let Some(source) = &ch.source_path else { continue };
        let raw = std::fs::read_to_string(src.join(source)).map_err(|e| format!("{}: {e}", src.join(source).display()))?;
        let path = src.strip_prefix(root).unwrap_or(&src).join(source);
        out.push(Chapter { path, raw, expanded: ch.content.clone() });
    }
    Ok(out)
}
