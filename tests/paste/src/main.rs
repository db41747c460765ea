//! Writes src/generated/paste-data.js: `cargo run -p paste-rules`.

fn main() {
    let root = freshness::root();
    match paste_rules::data(&root) {
        Ok(data) => {
            let path = root.join(paste_rules::DATA);
            std::fs::write(&path, paste_rules::render(&data))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            println!("wrote {}", paste_rules::DATA);
        }
        Err(problems) => {
            eprintln!("{}", problems.join("\n"));
            std::process::exit(1);
        }
    }
}
