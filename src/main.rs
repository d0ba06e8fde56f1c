//! `ogi`: load the configuration, run the pipeline, map the result to an exit code.
//! 0: every file parsed cleanly; 1: the run completed but some files failed or are
//! partial; 2: the run could not complete.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use ogi::config::{self, Overrides};

/// mimalloc: a run makes and frees millions of small strings on three threads, and
/// glibc's arenas fragment under that (a 1,000,000-report run grew to twice the memory).
/// Built without transparent huge pages (the `no_thp` feature) and tuned by
/// [`tune_allocator`]: by default it keeps what the run freed, and the peak RSS was about
/// 1.3–1.45× what these settings give, at the same speed.
#[global_allocator]
static GLOBAL: Mi = Mi;

/// mimalloc, asked for alignment only where its plain `mi_malloc` would not give it:
/// mimalloc aligns every block to its size up to 16 bytes (`mi_malloc_is_naturally_aligned`
/// in its `alloc-aligned.c`), and the aligned entry points cost ~1% of a run's
/// instructions (what the `mimalloc` crate's allocator calls for every allocation).
struct Mi;

/// Whether mimalloc's plain entry points give a block of `size` bytes this alignment.
#[inline]
fn natural(size: usize, align: usize) -> bool {
    align <= 16 && align <= size
}

// SAFETY: every block comes from mimalloc with at least the layout's alignment (plain
// entry points only where mimalloc aligns naturally, aligned ones otherwise) and goes back
// to it through `mi_free`/`mi_realloc*`, which take any mimalloc block.
unsafe impl std::alloc::GlobalAlloc for Mi {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if natural(layout.size(), layout.align()) {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if natural(layout.size(), layout.align()) {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if natural(new_size, layout.align()) {
            libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

/// mimalloc 3's option numbers (`mi_option_e` in its `mimalloc.h`; the version is pinned
/// by Cargo.lock and checked by [`mimalloc_3`] before they are used).
#[cfg(target_os = "linux")]
const MI_OPTION_ARENA_EAGER_COMMIT: i32 = 4;
#[cfg(target_os = "linux")]
const MI_OPTION_PURGE_DELAY: i32 = 15;

/// Whether the linked mimalloc is version 3, whose option numbers those are.
#[cfg(target_os = "linux")]
fn mimalloc_3() -> bool {
    // SAFETY: reads a constant; callable before mimalloc is initialised.
    unsafe { libmimalloc_sys::mi_version() / 10000 == 3 }
}

/// Sets mimalloc's options before the first allocation reserves its first arena (so from
/// the ELF constructors, before `main` and the runtime allocate): arenas committed on
/// demand (so that freed memory is decommitted, not merely reset, and leaves the RSS),
/// freed memory given back after 1 s (mimalloc's default; the end of the run, where the
/// peak is, gives it back at once: [`allocator_at_end`]). A delay of 100 ms during the
/// parse gave back each chunk's memory just before the next chunks took it again: the
/// parsing threads then waited on the page faults that took it back (2,516 waits in
/// uninterruptible sleep in 2 s of a 100,000-report run, 51 with 1 s; `perf sched`), for
/// 0.3 s more system time and ~2% more wall time, and 10 MB less peak RSS. Set from
/// `main`, they came too late.
#[cfg(target_os = "linux")]
extern "C" fn tune_allocator() {
    // Defaults, so that a `MIMALLOC_*` variable in the environment still decides.
    if mimalloc_3() {
        // SAFETY: plain setters of mimalloc's option table, before any thread exists.
        unsafe {
            libmimalloc_sys::mi_option_set_default(MI_OPTION_ARENA_EAGER_COMMIT, 0);
            libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, 1000);
        }
    }
}

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

/// Called once every file is parsed: from there on, mimalloc gives freed memory back at
/// once. The end of a run (the last row groups, the rewrites for the duplicates) reads
/// back and frees row groups' worth of columns faster than a delay returns them (against
/// a delay of 100 ms, in an earlier round: peak RSS 247–269 → 204–212 MB at 100,000
/// reports, 493 → 404 MB at 1,000,000, for about 2 s more system time at 100,000; a delay
/// of 0 for the whole run cost a third more time). `MIMALLOC_PURGE_DELAY` in the
/// environment still decides.
fn allocator_at_end() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() && mimalloc_3() {
        // SAFETY: a setter of mimalloc's option table, read when it next schedules a purge.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
}

#[derive(Parser)]
#[command(name = "ogi", version, about = "政府信息公开工作年度报告 → Parquet dataset")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Walk the input, extract every report's tables, write the Parquet dataset (default).
    Run(RunArgs),
    /// Parse one report and print what ogi reads in it.
    Inspect {
        /// The report file (.txt, .html).
        file: PathBuf,
    },
    /// List the diagnostic codes and what they mean.
    Codes,
}

#[derive(clap::Args, Default)]
struct RunArgs {
    /// Configuration file.
    #[arg(long, default_value = "pipeline.toml")]
    config: PathBuf,
    /// Input root (overrides input.root).
    #[arg(long)]
    input: Option<PathBuf>,
    /// Output directory (overrides output.dir).
    #[arg(long)]
    output: Option<PathBuf>,
    /// Parsing threads (and polars' pool), 0 for one per core (overrides run.threads).
    #[arg(long)]
    threads: Option<usize>,
}

/// `threads` bounds polars' own pool (it encodes the Parquet columns) as well as the
/// parsers; polars reads the variable when it first starts the pool. A variable the user
/// set wins. Called while the process has one thread, as `set_var` requires.
fn bound_polars_threads(threads: usize) {
    if threads > 0 && std::env::var_os("POLARS_MAX_THREADS").is_none() {
        std::env::set_var("POLARS_MAX_THREADS", threads.to_string());
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Run(RunArgs {
        config: "pipeline.toml".into(),
        ..RunArgs::default()
    })) {
        Command::Run(a) => {
            ogi::signal::install();
            let explicit = a.config != *"pipeline.toml";
            let over = Overrides {
                input: a.input,
                output: a.output,
                threads: a.threads,
            };
            let result = config::load(&a.config, explicit, over).and_then(|cfg| {
                bound_polars_threads(cfg.threads);
                ogi::run::run_with(&cfg, allocator_at_end)
            });
            match result {
                Ok(summary) => {
                    eprintln!("{summary}");
                    ExitCode::from(summary.exit_code())
                }
                Err(e) => match e.downcast_ref::<ogi::signal::Interrupted>() {
                    Some(i) => {
                        eprintln!("ogi: {i}");
                        ExitCode::from(i.exit_code())
                    }
                    None => {
                        eprintln!("ogi: error: {e:#}");
                        ExitCode::from(2)
                    }
                },
            }
        }
        Command::Inspect { file } => match ogi::inspect::report(&file) {
            Ok((text, code)) => {
                print!("{text}");
                ExitCode::from(code)
            }
            Err(e) => {
                eprintln!("ogi: error: {e:#}");
                ExitCode::from(2)
            }
        },
        Command::Codes => {
            for (code, meaning) in ogi::diag::Code::ALL {
                println!("{:<18} {meaning}", code.as_str());
            }
            ExitCode::SUCCESS
        }
    }
}
