//! The pipeline end to end: walk → (read → decode → segment → parse → validate, per file,
//! in parallel) → frame → write. The only module that knows about rayon and the progress
//! bar. A panic while parsing one file becomes that file's `INTERNAL` diagnostic.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Severity};
use crate::model::{DocStatus, FileOutcome};
use crate::place::Divisions;
use crate::walk::{self, Entry, SourceFile};
use crate::{dedup, frame, report, signal, write, Limits};

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub ok: usize,
    pub partial: usize,
    pub failed: usize,
    pub no_tables: usize,
    pub skipped: usize,
    pub cells: usize,
    pub warnings: usize,
    pub errors: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
}

impl Summary {
    /// Exit code: 0 every file parsed cleanly, 1 some failed or are partial.
    pub fn exit_code(&self) -> u8 {
        if self.failed + self.partial > 0 {
            1
        } else {
            0
        }
    }

    fn add(&mut self, o: &FileOutcome) {
        self.files += 1;
        match o.status {
            DocStatus::Ok => self.ok += 1,
            DocStatus::Partial => self.partial += 1,
            DocStatus::Failed => self.failed += 1,
            DocStatus::NoTables => self.no_tables += 1,
            DocStatus::Skipped => self.skipped += 1,
        }
        self.cells += o.cells.len();
        self.warnings += o.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
        self.errors += o.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} files: {} ok, {} partial, {} failed",
            self.files, self.ok, self.partial, self.failed
        )?;
        if self.no_tables > 0 {
            write!(f, ", {} without tables", self.no_tables)?;
        }
        if self.skipped > 0 {
            write!(f, ", {} skipped", self.skipped)?;
        }
        write!(f, "; {} cells; {} warnings", self.cells, self.warnings)?;
        if self.errors > 0 {
            write!(f, ", {} errors", self.errors)?;
        }
        write!(f, " → {} ({:.2} s)", self.output.display(), self.elapsed.as_secs_f64())
    }
}

/// Reads and processes one file; never fails, never unwinds.
pub fn process_file(src: &SourceFile, root: &Path, limits: &Limits) -> FileOutcome {
    let mut o = read_and_process(src, root, limits);
    if src.escaped() {
        o.diagnostics.insert(
            0,
            Diagnostic::info(
                Code::PathEscaped,
                None,
                "the file name is not UTF-8; its other bytes are written as \\xNN in `path`",
            ),
        );
    }
    o
}

thread_local! {
    /// Each thread's read buffer, reused from file to file (see [`KEEP`]).
    static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The largest read buffer a thread keeps for its next file: a rare large file's memory
/// goes back at once.
const KEEP: usize = 4 << 20;

fn read_and_process(src: &SourceFile, root: &Path, limits: &Limits) -> FileOutcome {
    let path = src.path(root);
    // Taken out for the file, so that a panic in the parser loses the buffer, nothing else.
    let mut buf = BUFFER.take();
    let o = match read_within(&path, limits.max_file_bytes, &mut buf) {
        Ok(Ok(len)) => process_caught(src, &buf[..len], limits),
        // Refused before reading so a huge file never costs its size in memory.
        Ok(Err(bytes)) => not_read(
            &src.rel,
            bytes,
            Code::TooLarge,
            format!(
                "{bytes} bytes is over the limit of {} (input.max_file_bytes); not read",
                limits.max_file_bytes
            ),
        ),
        Err(e) => {
            // The size, when the file can be looked at but not read.
            let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            not_read(&src.rel, bytes, Code::Unreadable, format!("cannot read: {e}"))
        }
    };
    if buf.capacity() <= KEEP {
        BUFFER.set(buf);
    }
    o
}

/// The outcome of an entry that was not read: its `doc_id` from its path, its size, and
/// the one error that says why.
fn not_read(rel: &str, bytes: u64, code: Code, message: String) -> FileOutcome {
    let mut o = FileOutcome::new(crate::doc_id(rel.as_bytes()), rel.to_string(), bytes as i64);
    o.diagnostics.push(Diagnostic::error(code, None, message));
    o
}

/// Reads the file at `path` into the start of `buf`: `Ok(Ok(len))`, the file being
/// `buf[..len]`, or `Ok(Err(size))` without reading when the file is larger than `max`
/// bytes. The size comes from the opened file, which is read to its end, or until it has
/// grown past `max` (the caller then finds it too large). `buf` is only ever lengthened
/// (with zeros), so a thread's buffer is zeroed once, not for every file.
fn read_within(path: &Path, max: u64, buf: &mut Vec<u8>) -> std::io::Result<Result<usize, u64>> {
    use std::io::{ErrorKind, Read};
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > max {
        return Ok(Err(size));
    }
    // Room for the size and one byte more, so the read that meets the end is the second
    // and last. (`read_to_end` would first ask the file for its size and position again:
    // two system calls a file.)
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    let room = usize::try_from(size).map_or(usize::MAX, |s| s.saturating_add(1));
    if buf.len() < room {
        buf.resize(room, 0);
    }
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            if filled > max {
                break;
            }
            // The file grew since its size was taken: read on, up to one byte past `max`.
            buf.resize(filled.saturating_add(filled.max(8192)).min(max.saturating_add(1)), 0);
        }
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Ok(filled))
}

/// [`crate::process_bytes`], with a panic turned into an `INTERNAL` diagnostic.
fn process_caught(src: &SourceFile, bytes: &[u8], limits: &Limits) -> FileOutcome {
    match catch_unwind(AssertUnwindSafe(|| crate::process_bytes(&src.rel, bytes, limits))) {
        Ok(o) => o,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let mut o = FileOutcome::new(crate::doc_id(bytes), src.rel.to_string(), bytes.len() as i64);
            o.diagnostics.push(Diagnostic::error(
                Code::Internal,
                None,
                format!("the parser panicked: {what}"),
            ));
            o
        }
    }
}

/// The division table, or an empty one (places stay null) when the default file is
/// missing; a configured file that is missing or bad stops the run.
fn load_divisions(cfg: &Config) -> Result<Divisions> {
    if !cfg.places_required && !cfg.divisions.exists() {
        eprintln!(
            "ogi: warning: {}: no division table; agencies are not resolved to places",
            cfg.divisions.display()
        );
        return Ok(Divisions::default());
    }
    let aliases = cfg.aliases.exists().then_some(cfg.aliases.as_path());
    Divisions::load(&cfg.divisions, aliases)
}

/// Resolves the document's agency to its place; `PLACE_AMBIGUOUS` / `PLACE_UNKNOWN` when
/// that cannot be done without a guess.
pub fn locate(o: &mut FileOutcome, divisions: &Divisions) {
    let Some(agency) = o.agency.as_deref() else {
        return;
    };
    o.place = divisions.resolve(agency);
    if !o.place.ambiguous.is_empty() {
        o.diagnostics.push(Diagnostic::info(
            Code::PlaceAmbiguous,
            None,
            format!(
                "{agency}: fits {} equally well; the place is left null",
                o.place.ambiguous.join(", ")
            ),
        ));
    } else if o.place.province.is_none() && !divisions.is_empty() {
        o.diagnostics.push(Diagnostic::info(
            Code::PlaceUnknown,
            None,
            format!("{agency}: no administrative division of the table is named"),
        ));
    }
}

/// The progress bar; its length (the input's bytes) is set when the counting walk is done.
fn progress() -> ProgressBar {
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template("{spinner} {msg} files {wide_bar} {binary_bytes_per_sec} ETA {eta}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    pb
}

/// Files handed to the workers at a time: enough to keep every thread busy, few enough
/// that their outcomes (cells and all) stay small in memory.
const CHUNK: usize = 512;

/// Where the outcomes go, chunk after chunk in path order: the run's counts and report,
/// and the frame buffers, whose full row groups are written as they fill.
struct Sink {
    dataset: write::Dataset,
    summary: Summary,
    frames: frame::Frames,
    report: report::Report,
    /// The last documents written, for a report's copies and neighbours the chunks' border
    /// parts (`twins`, `years`): read, not changed.
    look_back: Vec<FileOutcome>,
    /// The previous chunk's last documents, not yet written: the next chunk's first ones
    /// may still settle their runs (a copy or neighbour just past the border).
    held: Vec<FileOutcome>,
}

impl Sink {
    fn take(&mut self, outcomes: Vec<FileOutcome>) -> Result<()> {
        let mut docs = std::mem::take(&mut self.held);
        docs.extend(outcomes);
        // A report's copies side by side resolve each other's ambiguous runs (also across
        // the border of two chunks: the documents written last are looked back at, and the
        // last of each chunk are held back for the next).
        crate::twins::resolve(&mut docs, &self.look_back);
        // And the same agency's reports of the years before and after, where a number
        // carries on from one to the next (`years`).
        crate::years::resolve(&mut docs, &self.look_back);
        self.held = docs.split_off(docs.len() - docs.len().min(crate::twins::LOOK_BACK));
        self.write(docs)
    }

    /// Writes `docs` (in path order, after every document written before) and keeps the
    /// last few to look back at.
    fn write(&mut self, docs: Vec<FileOutcome>) -> Result<()> {
        if docs.is_empty() {
            return Ok(());
        }
        let keep = docs.len().min(crate::twins::LOOK_BACK);
        self.look_back.clear();
        self.look_back.extend_from_slice(&docs[docs.len() - keep..]);
        for o in &docs {
            self.summary.add(o);
            self.report.add(o).context("cannot write a scratch file")?;
            // A row group holds whole documents, as full as that allows.
            for name in self.frames.full_before(o) {
                self.write_table(name)?;
            }
            self.frames.push(o).context("cannot write a scratch file")?;
        }
        drop(docs);
        self.flush(false)
    }

    /// Writes the full row groups the buffers hold, or with `all` all they hold (every
    /// table's file is then created, empty or not).
    fn flush(&mut self, all: bool) -> Result<()> {
        for name in self.frames.full_tables(all) {
            self.write_table(name)?;
        }
        let min = if all { 0 } else { write::row_group("documents") };
        while let Some(df) = self
            .frames
            .take_documents(min)
            .context("cannot build the documents table")?
        {
            self.dataset.write("documents", df)?;
            if min == 0 {
                break; // that was all of them
            }
        }
        Ok(())
    }

    /// Writes the rows table `name` holds.
    fn write_table(&mut self, name: &'static str) -> Result<()> {
        for df in self.frames.take_table(name).context("cannot build the output tables")? {
            self.dataset.write(name, df)?;
        }
        Ok(())
    }

    /// After the last chunk: writes what the buffers still hold, the derived tables
    /// without the duplicates and, beside them, rewrites the tables the duplicates change
    /// (with one thread, one after the other), writes the report and swaps the dataset in
    /// as `output`.
    fn finish(mut self, pool: &rayon::ThreadPool, output: &Path) -> Result<Summary> {
        let held = std::mem::take(&mut self.held);
        self.write(held)?;
        self.flush(true)?;
        self.frames.release_streamed();
        let Sink {
            mut dataset,
            summary,
            frames,
            mut report,
            ..
        } = self;
        // With one thread, one step after another on this one.
        let parallel = pool.current_num_threads() > 1;
        // The streamed tables are complete: closed now, so that the duplicates' rewrites of
        // two of them can run while the derived tables are made.
        dataset.finish_tables(parallel)?;
        let duplicates = frames.duplicates().context("cannot read a scratch file back")?;
        let found = duplicates
            .iter()
            .map(|&(dup, kept)| {
                Ok(Duplicate {
                    dup,
                    kept_id: frames.doc_id(kept)?,
                    path: frames.path(dup)?,
                    kept_path: frames.path(kept)?,
                })
            })
            .collect::<std::io::Result<Vec<Duplicate>>>()
            .context("cannot read a scratch file back")?;
        let rewriter = dataset.rewriter();
        let rewrite = || -> Result<()> {
            if found.is_empty() {
                return Ok(());
            }
            fill_duplicate_of(&rewriter, &found)?;
            insert_duplicates(&rewriter, &frames, &found)
        };
        let mut derive = || {
            dataset.write_parallel(&frame::DERIVED, parallel, |write| {
                frames.derive(&duplicates, parallel, &|name, df| -> Result<()> {
                    crate::signal::check()?;
                    write(name, df)
                })
            })
        };
        if parallel {
            std::thread::scope(|s| -> Result<()> {
                let beside = std::thread::Builder::new()
                    .name("ogi-rewrite".into())
                    .spawn_scoped(s, rewrite)
                    .context("cannot start the rewriting thread")?;
                let derived = derive();
                let rewritten = beside
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error: the rewriting thread panicked")));
                derived.and(rewritten)
            })?;
        } else {
            derive()?;
            rewrite()?;
        }
        dataset.finish_tables(parallel)?;
        for d in &found {
            report.duplicate(d.dup, &d.path, &dedup::diagnostic(&d.kept_path, &d.kept_id));
        }
        let html = report.html().context("cannot read a scratch file back")?;
        drop(frames);
        drop(report);
        dataset.text("report.html", &html)?;
        dataset.commit(output)?;
        Ok(summary)
    }
}

/// A duplicate document, with what its diagnostics name of the document kept instead.
struct Duplicate {
    /// The duplicate's number in the run.
    dup: usize,
    kept_id: String,
    path: String,
    kept_path: String,
}

/// The walk's entries in chunks of [`CHUNK`]; stops after an error.
fn chunks_of(mut walk: walk::Walk) -> impl Iterator<Item = Result<Vec<Entry>>> {
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let mut chunk = Vec::with_capacity(CHUNK);
        for entry in walk.by_ref() {
            match entry {
                Ok(e) => chunk.push(e),
                Err(e) => {
                    failed = true;
                    return Some(Err(e));
                }
            }
            if chunk.len() == CHUNK {
                break;
            }
        }
        (!chunk.is_empty()).then_some(Ok(chunk))
    })
}

/// Runs the whole pipeline. Err only for run-fatal problems (exit code 2).
///
/// Files are processed in chunks of [`CHUNK`] in path order, each chunk in parallel; the
/// chunk's rows go to the frame buffers in path order, and every table whose buffer holds
/// a row group's worth is written out, one table at a time (the documents table too).
/// Duplicates are known only at the end: the derived tables are written then, from what
/// was kept of every document's cells, without the duplicates' rows; when there are any,
/// the documents table is rewritten with `duplicate_of` and the diagnostics with their
/// `DUPLICATE` rows.
pub fn run(cfg: &Config) -> Result<Summary> {
    run_with(cfg, || {})
}

/// [`run`], calling `at_end` on the writer thread once every file is parsed, before the
/// last row groups, the duplicates' rewrites and the report (the `ogi` binary tells its
/// allocator there to give freed memory back at once).
pub fn run_with(cfg: &Config, at_end: fn()) -> Result<Summary> {
    let start = Instant::now();
    // Held to the end of the run: a second run on the same output stops here.
    let _lock = write::lock(&cfg.output)?;
    let divisions = load_divisions(cfg)?;
    let walk = walk::walk(&cfg.input, &cfg.include, &cfg.exclude)?;
    signal::check()?;
    let limits = Limits {
        max_file_bytes: cfg.max_file_bytes,
        max_file_steps: cfg.max_file_steps,
    };
    let threads = if cfg.threads == 0 {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    } else {
        cfg.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;

    let dataset = write::Dataset::create(&cfg.output, cfg.compression)?;
    // The scratch files of what is kept to the end go beside the dataset's files (unlinked).
    let scratch = || format!("{}: cannot create a scratch file", dataset.dir().display());
    let sink = Sink {
        frames: frame::Frames::new(dataset.dir()).with_context(scratch)?,
        report: report::Report::new(dataset.dir()).with_context(scratch)?,
        look_back: Vec::new(),
        held: Vec::new(),
        dataset,
        summary: Summary {
            output: cfg.output.clone(),
            ..Summary::default()
        },
    };
    let pb = progress();
    let done = AtomicU64::new(0);
    // Files in all, once the counting walk is done (0 before).
    let total = AtomicU64::new(0);
    let parse = |chunk: &[Entry]| -> Option<Vec<FileOutcome>> {
        // Each file a piece of work of its own: rayon otherwise reads the chunk's last
        // ranges of dozens of files one by one on one thread, which no idle thread can
        // steal from, and the chunk waits for the slowest of them.
        chunk
            .par_iter()
            .with_max_len(1)
            .map(|item| {
                signal::received().is_none().then_some(())?;
                let o = match item {
                    Entry::File(f) => {
                        let mut o = process_file(f, &cfg.input, &limits);
                        if catch_unwind(AssertUnwindSafe(|| locate(&mut o, &divisions))).is_err() {
                            o.place = Default::default();
                            o.diagnostics.push(Diagnostic::error(
                                Code::Internal,
                                None,
                                "resolving the agency's place panicked; the place is left null",
                            ));
                        }
                        pb.inc(u64::try_from(o.bytes).unwrap_or(0));
                        o
                    }
                    Entry::Unwalkable(e) => {
                        not_read(&e.rel, 0, Code::Unreadable, format!("cannot walk: {}", e.message))
                    }
                };
                let k = done.fetch_add(1, Ordering::Relaxed) + 1;
                if k.is_multiple_of(64) {
                    match total.load(Ordering::Relaxed) {
                        0 => pb.set_message(format!("{k}")),
                        n => pb.set_message(format!("{k}/{n}")),
                    }
                }
                Some(o)
            })
            .collect()
    };
    // The writer thread frames and writes chunk k while the workers parse chunk k+1; the
    // channel holds one chunk, so at most three are in memory. The frames' buffers live on
    // that one thread (allocated and freed there, which keeps the allocator's memory
    // flat). With one thread the parser waits for each chunk to be written before the
    // next, so `threads = 1` runs one thread at a time (and walks between chunks). The
    // paths stream from the walk: only the chunks in flight are in memory, not the list
    // of a million paths.
    let serial = threads == 1;
    // `None` after the last chunk: everything was parsed, the writer may finish the dataset.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Option<Vec<FileOutcome>>>(1);
    let (ack_tx, ack_rx) = std::sync::mpsc::sync_channel::<()>(1);
    let walked = std::sync::atomic::AtomicBool::new(false);
    let (written, parsed) = std::thread::scope(|s| {
        let (pool, pb_writer) = (&pool, pb.clone());
        let writer = std::thread::Builder::new().name("ogi-writer".into()).spawn_scoped(
            s,
            move || -> Result<Option<Summary>> {
                let mut sink = sink;
                for msg in rx {
                    let Some(outcomes) = msg else {
                        // The end of the run stays on this thread too, where the frames'
                        // memory was freed, so the allocator reuses it.
                        pb_writer.finish_and_clear();
                        at_end();
                        return sink.finish(pool, &cfg.output).map(Some);
                    };
                    sink.take(outcomes)?;
                    if serial {
                        let _ = ack_tx.send(());
                    }
                }
                Ok(None)
            },
        );
        let writer = match writer {
            Ok(w) => w,
            Err(e) => {
                return (
                    Err(anyhow::Error::new(e).context("cannot start the writer thread")),
                    Ok(()),
                )
            }
        };
        let parsed = (|| -> Result<()> {
            // The input's size for the progress bar, counted beside the run (the walk below
            // keeps nothing, so it cannot tell). With one thread, first and alone. Not when
            // the bar is not drawn (stderr is not a terminal: a cron job, a pipe): the count
            // would be a second walk of the tree for nothing.
            let show = !pb.is_hidden();
            let count = || {
                let (files, bytes) = walk::count(&cfg.input, &cfg.include, &cfg.exclude, &|| {
                    walked.load(Ordering::Relaxed)
                });
                pb.set_length(bytes);
                total.store(files, Ordering::Relaxed);
            };
            // Chunks of files in path order: from a thread that walks at most two chunks
            // ahead of the parsing, or with one thread, from this one between chunks.
            let chunks: Box<dyn Iterator<Item = Result<Vec<Entry>>>> = if serial {
                if show {
                    count();
                }
                Box::new(chunks_of(walk))
            } else {
                if show {
                    std::thread::Builder::new()
                        .name("ogi-count".into())
                        .spawn_scoped(s, count)
                        .context("cannot start the counting thread")?;
                }
                let (walk_tx, walk_rx) = std::sync::mpsc::sync_channel::<Result<Vec<Entry>>>(2);
                std::thread::Builder::new()
                    .name("ogi-walk".into())
                    .spawn_scoped(s, move || {
                        for chunk in chunks_of(walk) {
                            // Stops when the loop below does (the receiver is gone).
                            if walk_tx.send(chunk).is_err() {
                                break;
                            }
                        }
                    })
                    .context("cannot start the walking thread")?;
                Box::new(walk_rx.into_iter())
            };
            for chunk in chunks {
                let chunk = chunk?;
                signal::check()?;
                // `None` once a stopping signal arrived: the collect then stops early.
                let outcomes = pool.install(|| parse(&chunk));
                signal::check()?;
                if tx.send(Some(outcomes.expect("only None after a signal"))).is_err() {
                    return Ok(()); // the writer stopped on an error, which it returns
                }
                if serial && ack_rx.recv().is_err() {
                    return Ok(()); // likewise
                }
            }
            let _ = tx.send(None);
            Ok(())
        })();
        // The counting walk need not finish once the parsing has.
        walked.store(true, Ordering::Relaxed);
        drop(tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error: the writer thread panicked")));
        (written, parsed)
    });
    match (written, parsed) {
        (Ok(Some(mut summary)), Ok(())) => {
            summary.elapsed = start.elapsed();
            Ok(summary)
        }
        (written, parsed) => {
            // A signal explains a write error as well as a parse loop cut short; a write
            // error explains the parse loop cut short.
            signal::check()?;
            written?;
            parsed?;
            anyhow::bail!("internal error: the writer stopped before the end of the run")
        }
    }
}

/// Rewrites the documents table with `duplicate_of` filled in for the duplicates `found`
/// (in order).
fn fill_duplicate_of(rewriter: &write::Rewriter, found: &[Duplicate]) -> Result<()> {
    let kept: Vec<(usize, String)> = found.iter().map(|d| (d.dup, d.kept_id.clone())).collect();
    rewriter.rewrite("documents", |df, off| frame::with_duplicate_of(df, off, &kept))
}

/// Rewrites the diagnostics with a `DUPLICATE` row after each duplicate's own (found by
/// position, from each document's count of diagnostics, since identical copies share
/// their doc_id).
fn insert_duplicates(rewriter: &write::Rewriter, frames: &frame::Frames, found: &[Duplicate]) -> Result<()> {
    // The diagnostics' rows after which each duplicate's DUPLICATE row goes.
    let mut after: Vec<usize> = Vec::with_capacity(found.len());
    let mut total = 0;
    let mut next = found.iter().peekable();
    frames
        .scan_diagnostics(|i, rows| -> Result<()> {
            total += rows;
            if next.next_if(|d| d.dup == i).is_some() {
                after.push(total);
            }
            Ok(())
        })
        .context("cannot read a scratch file back")?;
    // Diagnostics: (row after which to insert, doc_id, path, the diagnostic).
    let mut inserts: Vec<(usize, String, String, Diagnostic)> = Vec::with_capacity(after.len());
    for (d, &end) in found.iter().zip(&after) {
        let id = frames.doc_id(d.dup).context("cannot read a scratch file back")?;
        inserts.push((end, id, d.path.clone(), dedup::diagnostic(&d.kept_path, &d.kept_id)));
    }
    // One slice at a time, as the documents: rows of long messages and paths.
    rewriter.rewrite("diagnostics", |df, off| {
        let last = off + df.height() == total;
        frame::insert_diagnostics(df, off, last, &inserts)
    })
}

#[cfg(test)]
mod tests {
    use super::read_within;

    #[test]
    fn a_reused_buffer_gives_each_file_its_own_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let (big, small, large) = (
            dir.path().join("big"),
            dir.path().join("small"),
            dir.path().join("large"),
        );
        std::fs::write(&big, vec![b'a'; 10_000]).unwrap();
        std::fs::write(&small, b"bbb").unwrap();
        std::fs::write(&large, vec![b'c'; 2_000]).unwrap();
        let mut buf = Vec::new();
        let n = read_within(&big, 5_000_000, &mut buf).unwrap().unwrap();
        assert_eq!((n, buf[..n].iter().all(|&b| b == b'a')), (10_000, true));
        // The buffer keeps its length; only the file's bytes are read.
        let n = read_within(&small, 5_000_000, &mut buf).unwrap().unwrap();
        assert_eq!(&buf[..n], b"bbb");
        // Over the limit: the size, nothing read.
        assert_eq!(read_within(&large, 1_999, &mut buf).unwrap(), Err(2_000));
        assert_eq!(read_within(&large, 2_000, &mut buf).unwrap(), Ok(2_000));
        std::fs::write(&small, b"").unwrap();
        assert_eq!(read_within(&small, 10, &mut buf).unwrap(), Ok(0));
        assert!(read_within(&dir.path().join("gone"), 10, &mut buf).is_err());
    }
}
