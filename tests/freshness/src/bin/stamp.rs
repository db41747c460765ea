//! Writes the "verified on" stamp of every page that shows listings (src/generated/stamps/),
//! from rust-toolchain.toml and Cargo.lock. A stamp whose versions did not change keeps its date.
//!
//!     cargo run -p freshness --bin stamp

fn main() {
    let root = freshness::root();
    let chapters = freshness::book::chapters(&root);
    let written = freshness::stamp::write_all(&root, &chapters);
    for path in &written {
        println!(
            "wrote {}",
            path.strip_prefix(&root).unwrap_or(path).display()
        );
    }
    println!("{} stamps written, the others unchanged", written.len());
    for problem in freshness::stamp::check(&root, &chapters) {
        println!("{problem}");
    }
}
