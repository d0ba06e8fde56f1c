//! SIGINT and SIGTERM stop a run at the next checkpoint (between files, between output
//! files, before the swap), so the temporary dataset is removed and the previous one stays
//! in place; `main` then exits with 128 + the signal (130, 143). A second signal while
//! stopping gets the default action (immediate death), which the atomic swap also survives.
//! SIGXFSZ (a file-size limit reached while writing) is ignored so that the write fails
//! with an error, which is reported and leaves the previous dataset, instead of killing
//! the process silently.

use std::sync::atomic::{AtomicI32, Ordering};

static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// The run was stopped by a signal.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("interrupted by {}; the previous dataset is unchanged", name(*.0))]
pub struct Interrupted(pub i32);

impl Interrupted {
    /// The shell's exit code for death by this signal.
    pub fn exit_code(self) -> u8 {
        (128 + self.0).clamp(0, 255) as u8
    }
}

fn name(sig: i32) -> &'static str {
    match sig {
        libc::SIGINT => "SIGINT",
        libc::SIGTERM => "SIGTERM",
        _ => "a signal",
    }
}

extern "C" fn on_signal(sig: libc::c_int) {
    // Only async-signal-safe calls here: an atomic swap, signal(), raise().
    if RECEIVED.swap(sig, Ordering::SeqCst) != 0 {
        // SAFETY: both calls are async-signal-safe; this restores the default action and
        // re-delivers the signal, i.e. the second Ctrl-C kills at once.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
    }
}

/// Installs the handlers. Called once by the `ogi` binary before a run.
pub fn install() {
    let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
    // SAFETY: the handler only touches an atomic and async-signal-safe functions.
    unsafe {
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// The signal received so far, if any.
pub fn received() -> Option<Interrupted> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        s => Some(Interrupted(s)),
    }
}

/// A checkpoint: Err once a stopping signal has arrived.
pub fn check() -> Result<(), Interrupted> {
    received().map_or(Ok(()), Err)
}
