//! Frames → Parquet files, streamed and atomic. Each table is written row group by row
//! group as the run hands frames over (memory stays flat whatever the corpus), into a
//! fresh temporary directory beside the output directory, synced, and then swapped in with one
//! `renameat2(RENAME_EXCHANGE)` (Linux), so a run that dies at any moment leaves the
//! previous dataset whole. Files carry a legacy `ARROW:schema` (plain `string`, not
//! `string_view`) so that pyarrow/pandas filters work, and the schema version.

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use polars::prelude::*;

use crate::config::Compression;

pub use crate::SCHEMA_VERSION;

/// Rows per Parquet row group (and per frame the run hands over) of the narrow tables:
/// `cells` and the derived tables but `procurement` (a row per document).
pub const ROW_GROUP: usize = 128 * 1024;

/// Rows per row group of the tables of wide rows or of about a row per document:
/// `documents`, `diagnostics` (a path, a message) and `procurement`. A row group of them is
/// what the run buffers of those tables (and, for the first two, what it reads back and
/// rewrites at a time when there are duplicates); it holds about as many documents as rows,
/// and its key columns' dictionaries as many doc_ids and agencies. With 131,072 rows for
/// them too, the documents' pending rows made the live heap grow through a 100,000-report
/// run by ~30 MB (heaptrack), and each procurement row group at 1,000,000 reports (131,072
/// documents) raised it by ~85 MB while it was encoded, which set the run's peak.
pub const WIDE_ROW_GROUP: usize = 32 * 1024;

/// Rows per row group of table `name`.
pub fn row_group(name: &str) -> usize {
    match name {
        "documents" | "diagnostics" | "procurement" => WIDE_ROW_GROUP,
        _ => ROW_GROUP,
    }
}

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

type ErrorSlot = std::sync::Arc<std::sync::Mutex<Option<String>>>;

/// A writer that keeps the first I/O error it saw: polars reports a failed write as a
/// thrift transport error, and the person reading the message needs "No space left on
/// device" or "File too large".
struct Recording<W> {
    inner: W,
    error: ErrorSlot,
}

impl<W: std::io::Write> std::io::Write for Recording<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| self.note(e))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().inspect_err(|e| self.note(e))
    }
}

impl<W> Recording<W> {
    fn note(&self, e: &std::io::Error) {
        let mut slot = self.error.lock().unwrap_or_else(|p| p.into_inner());
        slot.get_or_insert_with(|| e.to_string());
    }
}

/// One Parquet file being written row group by row group.
struct TableWriter {
    path: PathBuf,
    writer: BatchedWriter<BufWriter<Recording<File>>>,
    error: ErrorSlot,
    /// Rows per row group.
    rows: usize,
}

impl TableWriter {
    fn create(path: PathBuf, schema: &Schema, c: Compression, rows: usize) -> Result<TableWriter> {
        let error = ErrorSlot::default();
        let file = File::create(&path).with_context(|| format!("{}: cannot create", path.display()))?;
        let file = Recording {
            inner: file,
            error: error.clone(),
        };
        // Enum columns (the frames' dictionary-encoded strings) are plain strings to readers.
        let public: Schema = schema
            .iter()
            .map(|(name, dtype)| match dtype {
                DataType::Enum(..) | DataType::Categorical(..) => (name.clone(), DataType::String),
                other => (name.clone(), other.clone()),
            })
            .collect();
        let arrow_schema = public.to_arrow(CompatLevel::oldest());
        let kv = polars_parquet::write::schema_to_metadata_key(&arrow_schema);
        let meta = KeyValueMetadata::from_static(vec![
            (kv.key, kv.value.unwrap_or_default()),
            ("ogi.schema_version".to_string(), SCHEMA_VERSION.to_string()),
        ]);
        let writer = ParquetWriter::new(BufWriter::with_capacity(1 << 20, file))
            .with_compression(compression(c)?)
            .with_key_value_metadata(Some(meta))
            .batched(schema)?;
        Ok(TableWriter {
            path,
            writer,
            error,
            rows,
        })
    }

    /// The message for a failed write: the I/O error underneath when there was one.
    fn failed(&self, e: impl Into<anyhow::Error>) -> anyhow::Error {
        match self.error.lock().unwrap_or_else(|p| p.into_inner()).take() {
            Some(io) => anyhow::anyhow!("{}: cannot write: {io}", self.path.display()),
            None => e.into().context(format!("{}: cannot write", self.path.display())),
        }
    }

    fn write(&mut self, df: &mut DataFrame) -> Result<()> {
        df.rechunk_mut();
        let mut off = 0;
        while off < df.height() {
            crate::signal::check()?;
            let part = df.slice(off as i64, self.rows);
            if let Err(e) = self.writer.write_batch(&part) {
                return Err(self.failed(e));
            }
            off += self.rows;
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        if let Err(e) = self.writer.finish() {
            return Err(self.failed(e));
        }
        let path = self.path.clone();
        drop(self);
        File::open(&path)?
            .sync_all()
            .with_context(|| format!("{}: cannot write", path.display()))
    }
}

/// Rewrites finished tables of a [`Dataset`] (see [`Dataset::rewriter`]).
pub struct Rewriter {
    dir: PathBuf,
    compression: Compression,
}

impl Rewriter {
    /// Rewrites the finished table `name` one row group at a time through `edit`, which
    /// gets each slice and the row offset where it starts, and replaces it.
    pub fn rewrite(
        &self,
        name: &'static str,
        edit: impl Fn(DataFrame, usize) -> PolarsResult<DataFrame>,
    ) -> Result<()> {
        let from = self.dir.join(format!("{name}.parquet"));
        // The footer is read once: parsing it again for every slice costs the number of row
        // groups each time, quadratic in the table's length.
        let mut reader = ParquetReader::new(File::open(&from)?);
        let meta = reader.get_metadata()?.clone();
        let rows = reader.num_rows()?;
        let rows_each = row_group(name);
        let staged = self.dir.join(format!("{name}.parquet.new"));
        let mut w: Option<TableWriter> = None;
        for off in (0..rows.max(1)).step_by(rows_each) {
            crate::signal::check()?;
            let mut reader = ParquetReader::new(File::open(&from)?);
            reader.set_metadata(meta.clone());
            let part = reader.with_slice(Some((off, rows_each))).finish();
            let part = anyhow::Context::with_context(part, || format!("{}: cannot read back", from.display()))?;
            // Read back as plain strings: dictionary-encoded again from the values.
            let mut part = crate::frame::with_dictionaries(edit(part, off)?)?;
            let w = match &mut w {
                Some(w) => w,
                None => w.insert(TableWriter::create(
                    staged.clone(),
                    part.schema(),
                    self.compression,
                    rows_each,
                )?),
            };
            w.write(&mut part)?;
        }
        if let Some(w) = w {
            w.finish()?;
        }
        fs::rename(&staged, &from).with_context(|| format!("{}: cannot replace", from.display()))?;
        Ok(())
    }
}

/// A dataset being written: a temporary directory beside the output with one Parquet
/// file per table, written row group by row group as frames arrive, swapped in whole by
/// [`Dataset::commit`]. Dropped without a commit, it removes itself.
pub struct Dataset {
    tmp: tempfile::TempDir,
    parent: PathBuf,
    compression: Compression,
    open: Vec<(&'static str, TableWriter)>,
}

impl Dataset {
    /// Starts a dataset for `output`, removing what killed runs left beside it.
    pub fn create(output: &Path, c: Compression) -> Result<Dataset> {
        let parent = parent_of(output);
        fs::create_dir_all(&parent)
            .with_context(|| format!("{}: cannot create the output's parent", parent.display()))?;
        clean_stale(output);
        let tmp = tempfile::Builder::new()
            .prefix(&temp_prefix(output))
            .tempdir_in(&parent)
            .with_context(|| format!("{}: cannot create a temporary directory", parent.display()))?;
        Ok(Dataset {
            tmp,
            parent,
            compression: c,
            open: Vec::new(),
        })
    }

    /// The temporary directory the dataset is written into (where scratch files go too).
    pub fn dir(&self) -> &Path {
        self.tmp.path()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(format!("{name}.parquet"))
    }

    /// Appends a frame's rows to table `name` (its file is created by the first frame).
    pub fn write(&mut self, name: &'static str, mut df: DataFrame) -> Result<()> {
        let k = match self.open.iter().position(|(n, _)| *n == name) {
            Some(k) => k,
            None => {
                let w = TableWriter::create(self.path(name), df.schema(), self.compression, row_group(name))?;
                self.open.push((name, w));
                self.open.len() - 1
            }
        };
        self.open[k].1.write(&mut df)
    }

    /// Writes the frames `produce` hands to its writing function (from any of its threads),
    /// of the tables `names`, each table on a thread of its own, while `produce` makes the
    /// next ones: the encoding and compression of several tables and the making of their
    /// frames run at once. Each table's frames are written in the order they are handed
    /// over (the files do not depend on the threads' timing); at most one waits for each
    /// table's thread. The first error of a writing thread, or else of `produce`, is
    /// returned. Not `parallel`, the frames are written on this thread as they come (a run
    /// of one thread stays one thread).
    pub fn write_parallel(
        &mut self,
        names: &[&'static str],
        parallel: bool,
        produce: impl FnOnce(&(dyn Fn(&'static str, DataFrame) -> Result<()> + Sync)) -> Result<()>,
    ) -> Result<()> {
        if !parallel {
            let this = std::sync::Mutex::new(&mut *self);
            return produce(&|name, df| this.lock().unwrap_or_else(|p| p.into_inner()).write(name, df));
        }
        let compression = self.compression;
        // Each table's writer, if it has one already, file and rows per row group.
        let mut writers: Vec<(Option<TableWriter>, PathBuf, usize)> = Vec::with_capacity(names.len());
        for &name in names {
            let open = self
                .open
                .iter()
                .position(|(n, _)| *n == name)
                .map(|k| self.open.remove(k).1);
            writers.push((open, self.path(name), row_group(name)));
        }
        let (produced, written) = std::thread::scope(|s| {
            let mut senders = Vec::with_capacity(names.len());
            let mut threads = Vec::with_capacity(names.len());
            for (mut writer, path, rows) in writers {
                let (tx, rx) = std::sync::mpsc::sync_channel::<DataFrame>(1);
                senders.push(tx);
                threads.push(s.spawn(move || -> Result<Option<TableWriter>> {
                    for mut df in rx {
                        let w = match &mut writer {
                            Some(w) => w,
                            None => writer.insert(TableWriter::create(path.clone(), df.schema(), compression, rows)?),
                        };
                        w.write(&mut df)?;
                    }
                    Ok(writer)
                }));
            }
            let produced = produce(&|name, df| {
                let k = names
                    .iter()
                    .position(|n| *n == name)
                    .expect("a frame of one of the tables");
                // A send fails when that table's thread stopped on an error, returned below.
                senders[k]
                    .send(df)
                    .map_err(|_| anyhow::anyhow!("{name}: the writing thread stopped"))
            });
            drop(senders);
            let written: Vec<Result<Option<TableWriter>>> = threads
                .into_iter()
                .map(|t| {
                    t.join()
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error: a writing thread panicked")))
                })
                .collect();
            (produced, written)
        });
        let mut first = None;
        for (&name, w) in names.iter().zip(written) {
            match w {
                Ok(Some(w)) => self.open.push((name, w)),
                Ok(None) => {}
                Err(e) => {
                    first.get_or_insert(e);
                }
            }
        }
        match first {
            Some(e) => Err(e),
            None => produced,
        }
    }

    /// Closes every table's file (each on a thread of its own when `parallel`: closing
    /// syncs the file to disk, which waits on the device, not the CPU).
    pub fn finish_tables(&mut self, parallel: bool) -> Result<()> {
        crate::signal::check()?;
        let open: Vec<TableWriter> = self.open.drain(..).map(|(_, w)| w).collect();
        if !parallel {
            return open.into_iter().try_for_each(TableWriter::finish);
        }
        std::thread::scope(|s| {
            let closing: Vec<_> = open.into_iter().map(|w| s.spawn(move || w.finish())).collect();
            // Every thread joined, then the first error.
            let closed: Vec<Result<()>> = closing
                .into_iter()
                .map(|t| {
                    t.join()
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error: a closing thread panicked")))
                })
                .collect();
            closed.into_iter().collect()
        })
    }

    /// What rewrites the dataset's finished tables, apart from the dataset: it may work
    /// while the dataset writes other tables.
    pub fn rewriter(&self) -> Rewriter {
        Rewriter {
            dir: self.tmp.path().to_path_buf(),
            compression: self.compression,
        }
    }

    /// Writes a text file (the run report) into the dataset.
    pub fn text(&self, name: &str, text: &str) -> Result<()> {
        let path = self.tmp.path().join(name);
        fs::write(&path, text).with_context(|| format!("{}: cannot write", path.display()))?;
        File::open(&path)?
            .sync_all()
            .with_context(|| format!("{}: cannot write", path.display()))
    }

    /// Syncs the dataset and swaps it in as `output` in one atomic step.
    pub fn commit(mut self, output: &Path) -> Result<()> {
        self.finish_tables(false)?;
        File::open(self.tmp.path())?.sync_all()?;
        // The last point where a stopping signal leaves the previous dataset: past it the
        // swap is one atomic step and the new dataset is complete.
        crate::signal::check()?;
        let parent = self.parent.clone();
        let tmp = self.tmp.keep();
        swap(&tmp, output).with_context(|| format!("{}: cannot move the new dataset into place", output.display()))?;
        // `tmp` now holds the previous dataset, if there was one.
        let _ = fs::remove_dir_all(&tmp);
        if let Ok(d) = File::open(&parent) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The temporary directory a run writes into: hidden, beside `output`, named for it.
fn temp_prefix(output: &Path) -> String {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    format!(".{name}.ogi-tmp-")
}

/// The lock a run holds on its output for its whole length: an exclusive `flock` on a
/// hidden file beside the output directory. The file is never removed (removing a lock
/// file races with the next run's open), and the kernel releases the lock when the process
/// dies however it dies, so a killed run never leaves a stale lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the lock on `output`, creating its parent directory; fails at once with a clear
/// message when another run holds it.
pub fn lock(output: &Path) -> Result<Lock> {
    use std::io::{Read, Seek, Write};
    use std::os::unix::io::AsRawFd;
    let parent = parent_of(output);
    fs::create_dir_all(&parent).with_context(|| format!("{}: cannot create the output's parent", parent.display()))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let path = parent.join(format!(".{name}.ogi-lock"));
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| format!("{}: cannot open the lock file", path.display()))?;
    // SAFETY: flock on a descriptor we own; no memory is involved.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            anyhow::bail!(
                "{}: another ogi run{} is writing this dataset (lock {}); not started",
                output.display(),
                if holder.is_empty() {
                    String::new()
                } else {
                    format!(" (pid {holder})")
                },
                path.display()
            );
        }
        return Err(e).with_context(|| format!("{}: cannot lock", path.display()));
    }
    // Who holds it, for the message above; best effort.
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = write!(file, "{}", std::process::id());
    Ok(Lock { _file: file })
}

fn parent_of(output: &Path) -> PathBuf {
    match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes temporary directories left beside `output` by runs that were killed. Only
/// called under the [`Lock`], so it never removes a running job's directory.
pub fn clean_stale(output: &Path) {
    let prefix = temp_prefix(output);
    if let Ok(rd) = fs::read_dir(parent_of(output)) {
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The vendored polars-parquet's slice encoder of dictionary keys writes the bytes of
    /// polars' own encoder (vendor/polars-parquet/OGI-PATCH.md): the files stay the same.
    fn slice_encoder_agrees(runs: &[(u32, usize)]) {
        use polars_parquet::parquet::encoding::hybrid_rle::{encode, encode_u32_slice};
        let values: Vec<u32> = runs.iter().flat_map(|&(v, n)| std::iter::repeat_n(v, n)).collect();
        let bits = 32 - values.iter().max().copied().unwrap_or(0).leading_zeros();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        encode::<u32, _, _>(&mut a, values.iter().copied(), bits).unwrap();
        encode_u32_slice(&mut b, &values, bits).unwrap();
        assert_eq!(a, b);
    }

    proptest::proptest! {
        /// Runs short and long of few and many values, ends inside runs of each kind.
        #[test]
        fn slice_encoder_writes_polars_bytes(runs in proptest::collection::vec((0u32..300, 1usize..30), 0..300)) {
            slice_encoder_agrees(&runs);
        }

        /// Literal runs longer than the encoder's buffer of 8,192 values.
        #[test]
        fn slice_encoder_writes_polars_bytes_past_its_buffer(
            runs in proptest::collection::vec((0u32..3, 1usize..10), 1500..4000)
        ) {
            slice_encoder_agrees(&runs);
        }
    }

    /// The wide tables' row groups are `WIDE_ROW_GROUP` rows, the others' `ROW_GROUP`.
    #[test]
    fn wide_tables_have_smaller_row_groups() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = Dataset::create(&tmp.path().join("out"), Compression::Zstd(Some(1))).unwrap();
        let n = WIDE_ROW_GROUP + 100;
        for name in ["documents", "diagnostics", "procurement", "cells", "outcomes"] {
            let df = DataFrame::new(n, vec![Column::new("x".into(), (0..n as i64).collect::<Vec<_>>())]).unwrap();
            d.write(name, df).unwrap();
        }
        d.finish_tables(true).unwrap();
        let rows = |name: &str| -> Vec<usize> {
            let mut f = File::open(d.dir().join(format!("{name}.parquet"))).unwrap();
            let meta = polars_parquet::parquet::read::read_metadata(&mut f).unwrap();
            meta.row_groups.iter().map(|rg| rg.num_rows()).collect()
        };
        assert_eq!(rows("documents"), vec![WIDE_ROW_GROUP, 100]);
        assert_eq!(rows("diagnostics"), vec![WIDE_ROW_GROUP, 100]);
        assert_eq!(rows("procurement"), vec![WIDE_ROW_GROUP, 100]);
        assert_eq!(rows("cells"), vec![n]);
        assert_eq!(rows("outcomes"), vec![n]);
    }
}
