//! What the book is pinned to: the compiler (`rust-toolchain.toml`) and the crates (`Cargo.lock`).

use std::collections::BTreeMap;
use std::path::Path;

/// The toolchain channel of `rust-toolchain.toml` (`1.95.0`).
pub fn toolchain(root: &Path) -> String {
    let path = root.join("rust-toolchain.toml");
    let table: toml::Table = crate::read(&path)
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    table
        .get("toolchain")
        .and_then(|t| t.get("channel"))
        .and_then(|c| c.as_str())
        .unwrap_or_else(|| panic!("{}: no [toolchain] channel", path.display()))
        .to_string()
}

/// Every package of `Cargo.lock` and its version (the highest, where several are locked).
pub fn locked(root: &Path) -> BTreeMap<String, String> {
    let path = root.join("Cargo.lock");
    let table: toml::Table = crate::read(&path)
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for p in table
        .get("package")
        .and_then(|p| p.as_array())
        .into_iter()
        .flatten()
    {
        let (Some(name), Some(version)) = (
            p.get("name").and_then(|v| v.as_str()),
            p.get("version").and_then(|v| v.as_str()),
        ) else {
            continue;
        };
        let newer = out
            .get(name)
            .is_none_or(|old| numeric(version) > numeric(old));
        if newer {
            out.insert(name.to_string(), version.to_string());
        }
    }
    out
}

fn numeric(v: &str) -> Vec<u64> {
    v.split(['.', '-', '+'])
        .map_while(|p| p.parse().ok())
        .collect()
}

/// The crates a reader's listing can name: the dependencies of `listings/Cargo.toml`, with the
/// name a listing writes (`async_trait` for `async-trait`).
pub fn listing_crates(root: &Path) -> Vec<(String, String)> {
    let path = root.join("listings/Cargo.toml");
    let table: toml::Table = crate::read(&path)
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let deps = table
        .get("dependencies")
        .and_then(|d| d.as_table())
        .unwrap_or_else(|| panic!("{}: no [dependencies]", path.display()));
    deps.keys()
        .map(|k| (k.clone(), k.replace('-', "_")))
        .collect()
}

/// Which of `crates` (package name, path name) a listing's text uses: `name::` or `use name`.
pub fn crates_used<'a>(text: &str, crates: &'a [(String, String)]) -> Vec<&'a str> {
    crates
        .iter()
        .filter(|(_, ident)| {
            text.match_indices(ident.as_str()).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = &text[at + ident.len()..];
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    && (after.starts_with("::")
                        || after.starts_with(';') && text[..at].trim_end().ends_with("use"))
            })
        })
        .map(|(name, _)| name.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_crates_by_path_not_by_word() {
        let crates = vec![
            ("tokio".to_string(), "tokio".to_string()),
            ("async-trait".to_string(), "async_trait".to_string()),
            ("rand".to_string(), "rand".to_string()),
        ];
        let text = "use async_trait::async_trait;\n// rand is not used here, mytokio::x is not tokio\n#[tokio::main]\nasync fn main() {}\n";
        assert_eq!(crates_used(text, &crates), vec!["tokio", "async-trait"]);
    }

    #[test]
    fn reads_the_real_pins() {
        let root = crate::root();
        assert!(toolchain(&root).starts_with("1."), "{}", toolchain(&root));
        assert!(locked(&root).contains_key("tokio"));
        assert!(listing_crates(&root).iter().any(|(n, _)| n == "tokio"));
    }
}
