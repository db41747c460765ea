//! Per-listing settings, declared on the listing's fence in the chapter, next to it:
//!
//! | fence | the listing lives in | checked by |
//! | --- | --- | --- |
//! | ```` ```rust ```` | `listings/examples/` | skeptic, as shown |
//! | ```` ```rust,compile_fail ```` | `listings/fail/` | trybuild (tests/compile-fail) |
//! | ```` ```rust,edition2021 ```` | `listings/edition2021/examples/` | skeptic, as shown, edition 2021 |
//! | ```` ```rust,compile_fail,edition2021 ```` | `listings/edition2021/fail/` | trybuild (tests/compile-fail-2021) |
//! | ```` ```rust,nightly ```` | `listings/nightly/examples/` | tests/tests/nightly.rs |
//! | ```` ```rust,compile_fail,nightly ```` | `listings/nightly/fail/` | tests/tests/nightly.rs (trybuild) |
//! | ```` ```rust,features=parking_lot/send_guard ```` | `listings/send-guard/examples/` | tests/tests/features.rs |
//!
//! `edition2024` may be written; it is the default. The folder decides how cargo builds a listing;
//! the fence tells mdBook (its playground runs the listing with the fence's edition) and the
//! reader; the lints check that the two agree. A ```` ```text,output ```` block right under a
//! listing that skeptic runs shows what it prints: `NAME.stdout` beside the listing, recorded from
//! a real run (see tests/listing-output).

use crate::markdown::Fence;

/// Crate features a listing may need, and the workspace of its own that builds listings with them.
pub const FEATURE_CRATES: &[(&str, &str)] =
    &[("parking_lot/send_guard", "listings/send-guard/examples")];

/// Attributes a ```rust fence may carry besides error codes and `features=...`.
/// `compile_fail`/`should_panic`/`no_run`/`ignore` mean what they mean to rustdoc; `nightly`
/// marks a listing that needs a nightly feature; `noplayground` hides mdBook's Run button;
/// `edition2021`/`edition2024` pick the edition.
pub const RUST_ATTRS: &[&str] = &[
    "compile_fail",
    "should_panic",
    "no_run",
    "ignore",
    "nightly",
    "noplayground",
    "edition2021",
    "edition2024",
];

/// What a ```rust fence declares about how its listing is built and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub edition: u16,
    pub nightly: bool,
    pub compile_fail: bool,
    /// `features=...`: the crate features it needs (`parking_lot/send_guard`).
    pub features: Option<String>,
}

impl Settings {
    /// Reads a rust fence. Unknown attributes are the lints' business (`unknown_attrs`); here,
    /// a combination no crate builds is an error, said in a sentence.
    pub fn of(f: &Fence) -> Result<Settings, String> {
        let editions: Vec<&str> = f
            .attrs()
            .into_iter()
            .filter(|a| a.starts_with("edition"))
            .collect();
        let edition = match editions.as_slice() {
            [] | ["edition2024"] => 2024,
            ["edition2021"] => 2021,
            [one] => {
                return Err(format!(
                    "`{one}`: the book's listings are edition 2024 (the default) or `edition2021`"
                ));
            }
            _ => {
                return Err(format!(
                    "{} editions on one block: keep one",
                    editions.len()
                ));
            }
        };
        let features: Vec<&str> = f
            .attrs()
            .into_iter()
            .filter_map(|a| a.strip_prefix("features="))
            .collect();
        let features = match features.as_slice() {
            [] => None,
            [one] => Some(one.to_string()),
            _ => return Err("write the features once: `features=a/x+b/y`".into()),
        };
        let s = Settings {
            edition,
            nightly: f.has("nightly"),
            compile_fail: f.has("compile_fail"),
            features,
        };
        if s.nightly && s.edition != 2024 {
            return Err("a nightly listing is edition 2024: no crate builds nightly listings as edition 2021".into());
        }
        if let Some(features) = &s.features {
            if !FEATURE_CRATES.iter().any(|(known, _)| known == features) {
                let known: Vec<&str> = FEATURE_CRATES.iter().map(|(k, _)| *k).collect();
                return Err(format!(
                    "no crate builds listings with `features={features}` (known: {}): add one, see CONTRIBUTING.md",
                    known.join(", ")
                ));
            }
            if s.compile_fail || s.nightly || s.edition != 2024 {
                return Err(format!(
                    "`features={features}` builds a passing, stable, edition 2024 listing only: drop `compile_fail`, `nightly` and `edition2021`, or add a crate for the combination"
                ));
            }
        }
        Ok(s)
    }

    /// The folder the included listing must be in, relative to the book's root.
    pub fn listing_dir(&self) -> &'static str {
        if let Some(features) = &self.features {
            return FEATURE_CRATES
                .iter()
                .find(|(k, _)| k == features)
                .map(|(_, dir)| *dir)
                .unwrap_or("listings/examples");
        }
        match (self.nightly, self.edition, self.compile_fail) {
            (true, _, false) => "listings/nightly/examples",
            (true, _, true) => "listings/nightly/fail",
            (false, 2021, false) => "listings/edition2021/examples",
            (false, 2021, true) => "listings/edition2021/fail",
            (false, _, false) => "listings/examples",
            (false, _, true) => "listings/fail",
        }
    }

    /// Skeptic compiles and runs the block as shown; the others are checked by their own crate.
    pub fn skeptic_runs(&self) -> bool {
        !self.compile_fail && !self.nightly && self.features.is_none()
    }
}

/// Every folder a listing can live in, and whether its listings fail (and carry snapshots).
pub fn listing_dirs() -> Vec<(&'static str, bool)> {
    let mut dirs = vec![
        ("listings/examples", false),
        ("listings/fail", true),
        ("listings/edition2021/examples", false),
        ("listings/edition2021/fail", true),
        ("listings/nightly/examples", false),
        ("listings/nightly/fail", true),
    ];
    dirs.extend(FEATURE_CRATES.iter().map(|(_, dir)| (*dir, false)));
    dirs
}

/// Attributes on a ```rust fence that mean nothing here (error codes are checked elsewhere).
pub fn unknown_attrs(f: &Fence) -> Vec<&str> {
    f.attrs()
        .into_iter()
        .filter(|a| !RUST_ATTRS.contains(a) && !a.starts_with("features=") && !is_error_code(a))
        .collect()
}

/// `E` and four digits, as rustc writes an error code.
pub fn is_error_code(attr: &str) -> bool {
    attr.len() == 5 && attr.starts_with('E') && attr[1..].chars().all(|c| c.is_ascii_digit())
}

/// The line skeptic's copy of a block carries for tests/skeptic-rustc, when the block needs
/// more than the defaults: `// book-settings: edition=2021 stdout=listings/examples/x.stdout`.
pub fn skeptic_marker(settings: &Settings, stdout: Option<&str>) -> Option<String> {
    let mut parts = Vec::new();
    if settings.edition != 2024 {
        parts.push(format!("edition={}", settings.edition));
    }
    if let Some(path) = stdout {
        parts.push(format!("stdout={path}"));
    }
    (!parts.is_empty()).then(|| format!("// book-settings: {}", parts.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fence(info: &str) -> Fence {
        crate::markdown::fences(&format!("```{info}\nx\n```\n")).remove(0)
    }

    #[test]
    fn each_combination_has_its_folder() {
        let dir = |info: &str| Settings::of(&fence(info)).map(|s| s.listing_dir());
        assert_eq!(dir("rust"), Ok("listings/examples"));
        assert_eq!(
            dir("rust,edition2024,compile_fail,E0277"),
            Ok("listings/fail")
        );
        assert_eq!(dir("rust,edition2021"), Ok("listings/edition2021/examples"));
        assert_eq!(
            dir("rust,compile_fail,edition2021"),
            Ok("listings/edition2021/fail")
        );
        assert_eq!(dir("rust,nightly"), Ok("listings/nightly/examples"));
        assert_eq!(
            dir("rust,nightly,compile_fail"),
            Ok("listings/nightly/fail")
        );
        assert_eq!(
            dir("rust,features=parking_lot/send_guard"),
            Ok("listings/send-guard/examples")
        );
    }

    #[test]
    fn combinations_no_crate_builds_are_refused() {
        let err = |info: &str| Settings::of(&fence(info)).unwrap_err();
        assert!(err("rust,edition2018").contains("edition 2024 (the default) or `edition2021`"));
        assert!(err("rust,edition2021,edition2024").contains("2 editions"));
        assert!(err("rust,nightly,edition2021").contains("nightly listing is edition 2024"));
        assert!(
            err("rust,features=tokio/full")
                .contains("no crate builds listings with `features=tokio/full`")
        );
        assert!(
            err("rust,compile_fail,features=parking_lot/send_guard")
                .contains("passing, stable, edition 2024 listing only")
        );
    }

    #[test]
    fn skeptic_runs_only_what_it_can_judge() {
        let runs = |info: &str| Settings::of(&fence(info)).unwrap().skeptic_runs();
        assert!(runs("rust") && runs("rust,edition2021") && runs("rust,should_panic"));
        assert!(
            !runs("rust,compile_fail")
                && !runs("rust,nightly")
                && !runs("rust,features=parking_lot/send_guard")
        );
    }

    #[test]
    fn the_marker_says_only_what_differs_from_the_defaults() {
        let s = |info: &str| Settings::of(&fence(info)).unwrap();
        assert_eq!(skeptic_marker(&s("rust"), None), None);
        assert_eq!(
            skeptic_marker(&s("rust,edition2021"), None).as_deref(),
            Some("// book-settings: edition=2021")
        );
        assert_eq!(
            skeptic_marker(&s("rust"), Some("listings/examples/a.stdout")).as_deref(),
            Some("// book-settings: stdout=listings/examples/a.stdout")
        );
        assert_eq!(
            unknown_attrs(&fence("rust,compile_fial,E0277,features=x/y,edition2021")),
            ["compile_fial"]
        );
    }
}
