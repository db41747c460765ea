//! `cargo run -p layouts`: writes src/generated/layouts/NAME.html for every view in
//! `layouts::VIEWS` and deletes the views no longer listed there. Review `git diff src/generated`.

use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().expect("the book's root");
    let views = layouts::generate(&root).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let dir = root.join(layouts::OUT_DIR);
    fs::create_dir_all(&dir).expect("create src/generated/layouts");
    let keep: Vec<&str> = views.iter().map(|(p, _)| p.as_str()).collect();
    for entry in fs::read_dir(&dir)
        .expect("read src/generated/layouts")
        .flatten()
    {
        let rel = format!(
            "{}/{}",
            layouts::OUT_DIR,
            entry.file_name().to_string_lossy()
        );
        if !keep.contains(&rel.as_str()) {
            fs::remove_file(entry.path()).expect("delete a stale view");
            println!("deleted {rel}");
        }
    }
    for (path, html) in &views {
        let full = root.join(path);
        if fs::read_to_string(&full).ok().as_deref() != Some(html.as_str()) {
            fs::write(&full, html).unwrap_or_else(|e| panic!("{path}: {e}"));
            println!("wrote {path}");
        }
    }
    println!("{} views, all current", views.len());
}
