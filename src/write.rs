//! Frames → Parquet files, atomically. Everything is written into a fresh temporary
//! directory beside the output directory, synced, and then swapped in with one
//! `renameat2(RENAME_EXCHANGE)` (Linux), so a run that dies at any moment leaves the
//! previous dataset whole. Files carry a legacy `ARROW:schema` (plain `string`, not
//! `string_view`) so that pyarrow/pandas filters work, and the schema version.

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use polars::prelude::*;

use crate::config::Compression;

/// Version of the output schema; bumped with any change to DATASET.md's columns.
pub const SCHEMA_VERSION: &str = "1";

/// Rows per Parquet row group.
const ROW_GROUP: usize = 256 * 1024;

fn compression(c: Compression) -> PolarsResult<ParquetCompression> {
    Ok(match c {
        Compression::Zstd(level) => {
            ParquetCompression::Zstd(level.map(polars_parquet::write::ZstdLevel::try_new).transpose()?)
        }
        Compression::Snappy => ParquetCompression::Snappy,
        Compression::Lz4 => ParquetCompression::Lz4Raw,
        Compression::Uncompressed => ParquetCompression::Uncompressed,
    })
}

/// Writes one frame to `path`.
pub fn parquet(df: &mut DataFrame, path: &Path, c: Compression) -> Result<()> {
    let file = File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
    let arrow_schema = df.schema().to_arrow(CompatLevel::oldest());
    let kv = polars_parquet::write::schema_to_metadata_key(&arrow_schema);
    let meta = KeyValueMetadata::from_static(vec![
        (kv.key, kv.value.unwrap_or_default()),
        ("ogi.schema_version".to_string(), SCHEMA_VERSION.to_string()),
    ]);
    df.rechunk_mut();
    let mut w = ParquetWriter::new(BufWriter::new(file))
        .with_compression(compression(c)?)
        .with_key_value_metadata(Some(meta))
        .batched(df.schema())?;
    let mut off = 0;
    while off < df.height() {
        let part = df.slice(off as i64, ROW_GROUP);
        w.write_batch(&part)?;
        off += ROW_GROUP;
    }
    anyhow::Context::with_context(w.finish(), || format!("{}: cannot write", path.display()))?;
    drop(w);
    File::open(path)?.sync_all()?;
    Ok(())
}

/// The temporary directory a run writes into: hidden, beside `output`, named for it.
fn temp_prefix(output: &Path) -> String {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    format!(".{name}.ogi-tmp-")
}

/// Removes temporary directories left beside `output` by runs that were killed.
pub fn clean_stale(output: &Path) {
    let (Some(parent), prefix) = (output.parent(), temp_prefix(output)) else {
        return;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    if let Ok(rd) = fs::read_dir(parent) {
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Writes every frame into a temporary directory and swaps it in as `output`.
pub fn dataset(frames: Vec<(&'static str, DataFrame)>, output: &Path, c: Compression) -> Result<()> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).with_context(|| format!("{}: cannot create the output's parent", parent.display()))?;
    clean_stale(output);
    let tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(output))
        .tempdir_in(&parent)
        .with_context(|| format!("{}: cannot create a temporary directory", parent.display()))?;
    for (name, mut df) in frames {
        parquet(&mut df, &tmp.path().join(format!("{name}.parquet")), c)?;
    }
    File::open(tmp.path())?.sync_all()?;
    let tmp = tmp.keep();
    swap(&tmp, output).with_context(|| format!("{}: cannot move the new dataset into place", output.display()))?;
    // `tmp` now holds the previous dataset, if there was one.
    let _ = fs::remove_dir_all(&tmp);
    if let Ok(d) = File::open(&parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn swap(new: &Path, output: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    if !output.exists() {
        return fs::rename(new, output);
    }
    let a = CString::new(new.as_os_str().as_bytes())?;
    let b = CString::new(output.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths; renameat2 only reads them.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        let e = std::io::Error::last_os_error();
        // Filesystems without RENAME_EXCHANGE: fall back to two renames.
        if e.raw_os_error() == Some(libc::EINVAL) || e.raw_os_error() == Some(libc::ENOSYS) {
            swap_by_rename(new, output)
        } else {
            Err(e)
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(new: &Path, output: &Path) -> std::io::Result<()> {
    if !output.exists() {
        return fs::rename(new, output);
    }
    swap_by_rename(new, output)
}

/// Not atomic: the old dataset is moved aside, then the new one in; after the call `new`
/// holds the old dataset.
fn swap_by_rename(new: &Path, output: &Path) -> std::io::Result<()> {
    let aside = new.with_extension("old");
    fs::rename(output, &aside)?;
    fs::rename(new, output)?;
    fs::rename(&aside, new)
}
