//! Input root → the sorted list of files to process, with paths relative to the root
//! (`/`-separated). Sorting here is what makes the output independent of the thread count.

use std::path::Path;

use anyhow::{bail, Context, Result};
use globset::GlobSet;
use walkdir::WalkDir;

/// One file to process. Kept small (a million of them are listed at once): the full
/// path is stored only when it is not simply the root joined with `rel`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the input root, `/`-separated.
    pub rel: Box<str>,
    /// The full path, when `rel` alone does not give it (an escaped name).
    other: Option<Box<Path>>,
    pub bytes: u64,
}

impl SourceFile {
    /// The file's path, given the input root it was listed under.
    pub fn path(&self, root: &Path) -> std::borrow::Cow<'_, Path> {
        match &self.other {
            Some(p) => std::borrow::Cow::Borrowed(p),
            None => std::borrow::Cow::Owned(root.join(&*self.rel)),
        }
    }

    /// Whether `rel` escaped bytes of the file name that are not UTF-8.
    pub fn escaped(&self) -> bool {
        self.other.as_deref().is_some_and(escaped_name)
    }
}

/// A directory entry the walk could not read (a symlink loop, a permission error).
#[derive(Debug, Clone)]
pub struct WalkError {
    pub rel: String,
    pub message: String,
}

/// Walks `root`, keeping files that match `include` and not `exclude`.
pub fn files(root: &Path, include: &GlobSet, exclude: &GlobSet) -> Result<(Vec<SourceFile>, Vec<WalkError>)> {
    let meta = std::fs::metadata(root).with_context(|| format!("{}: cannot read the input root", root.display()))?;
    if !meta.is_dir() {
        bail!("{}: the input root is not a directory", root.display());
    }
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in WalkDir::new(root).follow_links(true).sort_by_file_name() {
        crate::signal::check()?;
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e.path().map(|p| rel_path(root, p)).unwrap_or_default();
                if e.depth() == 0 {
                    return Err(e).with_context(|| format!("{}: cannot read the input root", root.display()));
                }
                errors.push(WalkError {
                    rel,
                    message: e.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = rel_path(root, entry.path());
        if !include.is_match(&rel) || exclude.is_match(&rel) {
            continue;
        }
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let abs = entry.into_path();
        let other = (root.join(&rel) != abs).then(|| abs.into_boxed_path());
        files.push(SourceFile {
            rel: rel.into_boxed_str(),
            other,
            bytes,
        });
    }
    // walkdir sorts per directory; sort the whole list by relative path so the order is
    // exactly the contract's (paths in sorted order).
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok((files, errors))
}

/// The path relative to the root, `/`-separated. Bytes that are not UTF-8 (a file name
/// from a GBK system, say) are written as `\xNN`, so that two such names never collide
/// and the path still names its file; `escaped_name` tells whether that happened.
fn rel_path(root: &Path, p: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let rel = p.strip_prefix(root).unwrap_or(p);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for chunk in c.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
    }
    out
}

/// Whether `rel_path` escaped bytes of the file name (see there).
pub fn escaped_name(abs: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    std::str::from_utf8(abs.as_os_str().as_bytes()).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn names_that_are_not_utf8_are_escaped() {
        let root = Path::new("/r");
        let p = Path::new("/r")
            .join("年报")
            .join(OsStr::from_bytes(b"\xb1\xa8\xb8\xe6.txt"));
        assert_eq!(rel_path(root, &p), "年报/\\xB1\\xA8\\xB8\\xE6.txt");
        assert!(escaped_name(&p));
        assert!(!escaped_name(Path::new("/r/年报/a.txt")));
    }
}
