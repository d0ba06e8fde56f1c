//! `pipeline.toml` → a validated [`Config`]. Unknown keys are rejected so a typo never
//! silently changes a nightly run. Relative paths are resolved against the directory of
//! the config file; command-line flags override the file (and are relative to the current
//! directory).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    input: InputSection,
    #[serde(default)]
    output: OutputSection,
    #[serde(default)]
    run: RunSection,
    #[serde(default)]
    places: PlacesSection,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PlacesSection {
    divisions: Option<PathBuf>,
    aliases: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputSection {
    #[serde(default = "default_root")]
    root: PathBuf,
    #[serde(default = "default_include")]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default = "default_max_file_bytes")]
    max_file_bytes: u64,
    #[serde(default = "default_max_file_steps")]
    max_file_steps: u64,
}

impl Default for InputSection {
    fn default() -> Self {
        InputSection {
            root: default_root(),
            include: default_include(),
            exclude: Vec::new(),
            max_file_bytes: default_max_file_bytes(),
            max_file_steps: default_max_file_steps(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutputSection {
    #[serde(default = "default_dir")]
    dir: PathBuf,
    #[serde(default = "default_compression")]
    compression: String,
    #[serde(default)]
    compression_level: Option<i32>,
}

impl Default for OutputSection {
    fn default() -> Self {
        OutputSection {
            dir: default_dir(),
            compression: default_compression(),
            compression_level: None,
        }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RunSection {
    #[serde(default)]
    threads: usize,
}

fn default_root() -> PathBuf {
    PathBuf::from("data/reports")
}
fn default_include() -> Vec<String> {
    vec!["**/*".to_string()]
}
fn default_dir() -> PathBuf {
    PathBuf::from("data/parquet")
}
fn default_compression() -> String {
    "zstd".to_string()
}
fn default_max_file_bytes() -> u64 {
    64 * 1024 * 1024
}
fn default_max_file_steps() -> u64 {
    crate::Limits::default().max_file_steps
}

/// The zstd level when `output.compression_level` is unset: level 1 made the files of
/// the 10,000-report benchmark dump 1.7% smaller than the library's default (3) and took
/// a third fewer of the compressor's instructions (these columns are short runs of
/// dictionary codes and numbers, which the faster matcher finds as well).
pub const DEFAULT_ZSTD_LEVEL: i32 = 1;

/// Parquet page compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Zstd(Option<i32>),
    Snappy,
    Lz4,
    Uncompressed,
}

/// A validated configuration.
#[derive(Debug)]
pub struct Config {
    pub input: PathBuf,
    pub include: GlobSet,
    pub exclude: GlobSet,
    pub output: PathBuf,
    /// 0: one thread per core.
    pub threads: usize,
    pub compression: Compression,
    pub max_file_bytes: u64,
    /// A file's work budget ([`crate::budget`]).
    pub max_file_steps: u64,
    /// The division table agencies are resolved against, and its aliases.
    pub divisions: PathBuf,
    pub aliases: PathBuf,
    /// Set in the configuration (a missing file is then an error, not a warning).
    pub places_required: bool,
}

/// Overrides from the command line.
#[derive(Debug, Default)]
pub struct Overrides {
    pub input: Option<PathBuf>,
    pub output: Option<PathBuf>,
    pub threads: Option<usize>,
}

fn globs(patterns: &[String], what: &str) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).with_context(|| format!("{what}: bad glob {p:?}"))?);
    }
    Ok(b.build()?)
}

/// Loads `path` (a missing default config is fine: defaults apply) and applies overrides.
pub fn load(path: &Path, required: bool, over: Overrides) -> Result<Config> {
    let (file, base) = match std::fs::read_to_string(path) {
        Ok(text) => {
            let f: File =
                toml::from_str(&text).with_context(|| format!("{}: invalid configuration", path.display()))?;
            (f, path.parent().map(Path::to_path_buf).unwrap_or_default())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => (File::default(), PathBuf::new()),
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read configuration", path.display())),
    };
    let resolve = |p: PathBuf| {
        if p.is_absolute() || base.as_os_str().is_empty() {
            p
        } else {
            base.join(p)
        }
    };
    let compression = match file.output.compression.as_str() {
        "zstd" => Compression::Zstd(Some(file.output.compression_level.unwrap_or(DEFAULT_ZSTD_LEVEL))),
        "snappy" => Compression::Snappy,
        "lz4" => Compression::Lz4,
        "none" | "uncompressed" => Compression::Uncompressed,
        other => bail!(
            "{}: output.compression = {other:?}: expected zstd, snappy, lz4 or none",
            path.display()
        ),
    };
    if let Some(l) = file.output.compression_level {
        if !(1..=22).contains(&l) {
            bail!(
                "{}: output.compression_level = {l}: zstd levels are 1 to 22",
                path.display()
            );
        }
    }
    Ok(Config {
        input: over.input.unwrap_or_else(|| resolve(file.input.root)),
        include: globs(&file.input.include, "input.include")?,
        exclude: globs(&file.input.exclude, "input.exclude")?,
        output: over.output.unwrap_or_else(|| resolve(file.output.dir)),
        threads: over.threads.unwrap_or(file.run.threads),
        compression,
        max_file_bytes: file.input.max_file_bytes,
        max_file_steps: file.input.max_file_steps,
        places_required: file.places.divisions.is_some() || file.places.aliases.is_some(),
        divisions: resolve(file.places.divisions.unwrap_or_else(|| "data/divisions.csv".into())),
        aliases: resolve(
            file.places
                .aliases
                .unwrap_or_else(|| "data/division_aliases.csv".into()),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("pipeline.toml");
        std::fs::write(&p, text)?;
        load(&p, true, Overrides::default())
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let e = parse("[input]\nroots = \"x\"\n").unwrap_err();
        assert!(format!("{e:#}").contains("unknown field"), "{e:#}");
        assert!(parse("[outptu]\n").is_err());
    }

    #[test]
    fn defaults_and_values() {
        let c = parse("[output]\ncompression = \"snappy\"\n[run]\nthreads = 3\n").unwrap();
        assert_eq!(c.compression, Compression::Snappy);
        assert_eq!(c.threads, 3);
        assert!(c.input.ends_with("data/reports"));
        assert!(parse("[output]\ncompression = \"brotli9\"\n").is_err());
        assert_eq!(
            parse("").unwrap().compression,
            Compression::Zstd(Some(DEFAULT_ZSTD_LEVEL))
        );
        let c = parse("[output]\ncompression_level = 9\n").unwrap();
        assert_eq!(c.compression, Compression::Zstd(Some(9)));
    }
}
