//! `ogi`: load the configuration, run the pipeline, map the result to an exit code.
//! 0: every file parsed cleanly; 1: the run completed but some files failed or are
//! partial; 2: the run could not complete.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use ogi::config::{self, Overrides};

/// mimalloc: a run makes and frees millions of small strings on three threads, and
/// glibc's arenas fragment under that (a 1,000,000-report run grew to twice the memory).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
                ogi::run::run(&cfg)
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
