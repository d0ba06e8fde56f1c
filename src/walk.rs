//! Input root → the sorted list of files to process, with paths relative to the root
//! (`/`-separated). Sorting here is what makes the output independent of the thread count.

use std::path::Path;

use anyhow::{bail, Context, Result};
use globset::GlobSet;
use walkdir::WalkDir;

/// One file to process. Kept small (a million of them are listed at once): the full
/// path is stored only when it is not simply the root joined with `rel`. Its size is
/// not asked for here but from the opened file (`run::read_and_process`): one system
/// call per file fewer, and no second resolution of the path.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the input root, `/`-separated.
    pub rel: Box<str>,
    /// The full path, when `rel` alone does not give it (an escaped name).
    other: Option<Box<Path>>,
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

/// What the walk yields: a file to process, or an entry it could not read.
#[derive(Debug)]
pub enum Entry {
    File(SourceFile),
    Unwalkable(WalkError),
}

impl Entry {
    pub fn rel(&self) -> &str {
        match self {
            Entry::File(f) => &f.rel,
            Entry::Unwalkable(e) => &e.rel,
        }
    }
}

/// The files under a root, streamed in the order of their relative paths (no list of
/// them is built: a million paths would cost ~100 MB). Directories are read in an order
/// under which the walk's depth-first order is the paths' sorted order (see [`order`]).
/// An entry that cannot be read comes where the walk meets it: an unreadable directory
/// just before where its contents would be.
pub struct Walk {
    root: std::path::PathBuf,
    it: walkdir::IntoIter,
    include: GlobSet,
    exclude: GlobSet,
}

/// Starts walking `root`, keeping files that match `include` and not `exclude`; Err when
/// the root is missing or not a directory.
pub fn walk(root: &Path, include: &GlobSet, exclude: &GlobSet) -> Result<Walk> {
    let meta = std::fs::metadata(root).with_context(|| format!("{}: cannot read the input root", root.display()))?;
    if !meta.is_dir() {
        bail!("{}: the input root is not a directory", root.display());
    }
    Ok(Walk {
        root: root.to_path_buf(),
        it: WalkDir::new(root).follow_links(true).sort_by(order).into_iter(),
        include: include.clone(),
        exclude: exclude.clone(),
    })
}

impl Iterator for Walk {
    /// Err only for what stops the run: a stopping signal, or the root unreadable.
    type Item = Result<Entry>;

    fn next(&mut self) -> Option<Result<Entry>> {
        loop {
            if let Err(e) = crate::signal::check() {
                return Some(Err(e.into()));
            }
            let root = &self.root;
            let entry = match self.it.next()? {
                Ok(e) => e,
                Err(e) => {
                    let rel = e.path().map(|p| rel_path(root, p)).unwrap_or_default();
                    if e.depth() == 0 {
                        return Some(Err(e).with_context(|| format!("{}: cannot read the input root", root.display())));
                    }
                    return Some(Ok(Entry::Unwalkable(WalkError {
                        rel,
                        message: e.to_string(),
                    })));
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = rel_path(root, entry.path());
            if !selected(&rel, &self.include, &self.exclude) {
                continue;
            }
            let abs = entry.into_path();
            let other = (root.join(&rel) != abs).then(|| abs.into_boxed_path());
            return Some(Ok(Entry::File(SourceFile {
                rel: rel.into_boxed_str(),
                other,
            })));
        }
    }
}

/// The order in which a directory's entries are walked: by name as `rel` writes it
/// (escaped), a directory's name followed by `/`. A depth-first walk in this order
/// lists the files in the sorted order of their relative paths: `a.txt` < `a/b`, since
/// `.` < `/`. Symbolic links are followed, so a link to a directory counts as one.
fn order(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    let is_dir = |e: &walkdir::DirEntry| e.file_type().is_dir() || (e.path_is_symlink() && e.path().is_dir());
    let (na, nb) = (escape(a.file_name()), escape(b.file_name()));
    let ka = na.as_bytes().iter().chain(is_dir(a).then_some(&b'/'));
    let kb = nb.as_bytes().iter().chain(is_dir(b).then_some(&b'/'));
    ka.cmp(kb)
}

/// Whether a file's relative path is one the configuration selects: matched by `include`
/// and not by `exclude`.
fn selected(rel: &str, include: &GlobSet, exclude: &GlobSet) -> bool {
    include.is_match(rel) && !exclude.is_match(rel)
}

/// Walks `root` the way [`walk`] does, keeping every file and entry it could not read in
/// two lists, in path order.
pub fn files(root: &Path, include: &GlobSet, exclude: &GlobSet) -> Result<(Vec<SourceFile>, Vec<WalkError>)> {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for entry in walk(root, include, exclude)? {
        match entry? {
            Entry::File(f) => files.push(f),
            Entry::Unwalkable(e) => errors.push(e),
        }
    }
    Ok((files, errors))
}

/// The files under `root` that [`walk`] yields and their bytes, counted without keeping
/// them (for the progress bar) and without sorting; entries that cannot be read are
/// skipped. Stops early (with what it counted) when `stop` says so or a signal arrived.
pub fn count(root: &Path, include: &GlobSet, exclude: &GlobSet, stop: &dyn Fn() -> bool) -> (u64, u64) {
    let (mut files, mut bytes) = (0, 0);
    for entry in WalkDir::new(root).follow_links(true).into_iter().flatten() {
        if stop() || crate::signal::received().is_some() {
            break;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = rel_path(root, entry.path());
        if !selected(&rel, include, exclude) {
            continue;
        }
        files += 1;
        bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
    }
    (files, bytes)
}

/// The path relative to the root, `/`-separated. Bytes that are not UTF-8 (a file name
/// from a GBK system, say) are written as `\xNN`, so that two such names never collide
/// and the path still names its file; `escaped_name` tells whether that happened.
fn rel_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&escape(c.as_os_str()));
    }
    out
}

/// A file name as `rel_path` writes it.
fn escape(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, str> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = name.as_bytes();
    if let Ok(s) = std::str::from_utf8(bytes) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    std::borrow::Cow::Owned(out)
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

    /// The walk streams the files in exactly the sorted order of their relative paths,
    /// whatever the names: prefixes, characters below and above `/`, links to
    /// directories, names that are not UTF-8.
    #[test]
    fn the_walk_is_in_sorted_path_order() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let files = [
            "a",
            "a.txt",
            "a-b/c",
            "a b",
            "ab",
            "a0",
            "b/a.txt",
            "b/a/z",
            "b/a!",
            "b.d/x",
            "b/!x/y",
            "年报/2020.txt",
            "年报.txt",
            "x/y/z/w.html",
            "x/y.z",
            "x/y/z.html",
            "x/yz",
        ];
        for f in files {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, f).unwrap();
        }
        std::fs::write(root.join(OsStr::from_bytes(b"a\xb1.txt")), "gbk").unwrap();
        std::fs::create_dir_all(root.join("target")).unwrap();
        std::fs::write(root.join("target/t.txt"), "t").unwrap();
        // A link to a directory, beside names that sort around it with and without the `/`.
        std::os::unix::fs::symlink(root.join("target"), root.join("l")).unwrap();
        std::fs::write(root.join("l.txt"), "l").unwrap();
        std::fs::write(root.join("l0"), "l0").unwrap();
        let all = globset::GlobSet::builder()
            .add(globset::Glob::new("**/*").unwrap())
            .build()
            .unwrap();
        let (got, errors) = super::files(root, &all, &globset::GlobSet::empty()).unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        let got: Vec<&str> = got.iter().map(|f| &*f.rel).collect();
        let mut want = got.clone();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(got.len(), files.len() + 5);
        assert!(got.contains(&"l/t.txt") && got.contains(&"a\\xB1.txt"), "{got:?}");
        assert_eq!(
            count(root, &all, &globset::GlobSet::empty(), &|| false).0,
            got.len() as u64
        );
    }
}
