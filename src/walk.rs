//! Input root → the sorted list of files to process, with paths relative to the root
//! (`/`-separated). Sorting here is what makes the output independent of the thread count.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use globset::GlobSet;
use walkdir::WalkDir;

/// One file to process.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub abs: PathBuf,
    /// Relative to the input root, `/`-separated.
    pub rel: String,
    pub bytes: u64,
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
        files.push(SourceFile {
            abs: entry.into_path(),
            rel,
            bytes,
        });
    }
    // walkdir sorts per directory; sort the whole list by relative path so the order is
    // exactly the contract's (paths in sorted order).
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok((files, errors))
}

fn rel_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}
