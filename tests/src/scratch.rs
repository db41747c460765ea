//! Throwaway book trees for the harness's own tests: every check is also run on broken input.

use std::fs;
use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A folder under the system's temp dir holding the given files; deleted when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `files` are (path relative to the root, content). The folder's name is unique to the
    /// process and thread, so tests running in parallel do not meet.
    pub fn new(prefix: &str, files: &[(&str, &str)]) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "{prefix}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        }
        Scratch(dir)
    }
}

impl Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
