//! A work budget for each file. The stages count their steps as they go (a tag of an HTML
//! page, a line, a token, a split of digits run together that is tried); a file that takes
//! more steps than `input.max_file_steps` is given up and becomes that file's `TOO_SLOW`
//! error, instead of holding up the nightly run (and a stopping signal, which is acted on
//! between files) however long its parse would take. Counted in steps rather than seconds,
//! so that the same files give the same dataset on any machine, under any load, with any
//! number of threads.
//!
//! The budget is per thread: [`run`] sets it for one file's work on the calling thread.

use std::cell::Cell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

thread_local! {
    /// Steps left on this thread; `u64::MAX` outside [`run`].
    static LEFT: Cell<u64> = const { Cell::new(u64::MAX) };
}

/// The unwinding payload of a file over its budget (never shown: it is caught by [`run`],
/// and raised without the panic hook).
struct OverBudget;

/// Spends one step of the running budget; a file over its budget stops here.
#[inline]
pub fn step() {
    LEFT.with(|left| match left.get().checked_sub(1) {
        Some(rest) => left.set(rest),
        None => over(),
    })
}

#[cold]
#[inline(never)]
fn over() -> ! {
    // Without the panic hook: no message on stderr, it is not a bug.
    resume_unwind(Box::new(OverBudget))
}

/// Runs `work` with a budget of `steps`: `Some` of its result, or None when it took more.
/// Other panics go on unwinding.
pub fn run<T>(steps: u64, work: impl FnOnce() -> T) -> Option<T> {
    let outer = LEFT.replace(steps);
    let result = catch_unwind(AssertUnwindSafe(work));
    LEFT.set(outer);
    match result {
        Ok(t) => Some(t),
        Err(payload) if payload.is::<OverBudget>() => None,
        Err(payload) => resume_unwind(payload),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_within_its_budget_runs_to_the_end_and_work_past_it_stops() {
        let count = |n: u64| {
            move || {
                for _ in 0..n {
                    step();
                }
                n
            }
        };
        assert_eq!(run(100, count(100)), Some(100));
        assert_eq!(run(100, count(101)), None);
        // Outside a run nothing is counted against anything.
        count(1_000_000)();
        // A run inside a run: the outer budget is back afterwards.
        let outer = run(10, || {
            let inner = run(1_000, count(500));
            step();
            inner
        });
        assert_eq!(outer, Some(Some(500)));
    }

    #[test]
    fn other_panics_unwind_through() {
        let caught = catch_unwind(|| run(10, || panic!("a bug")));
        assert!(caught.is_err());
        // The thread's budget is reset on the way out.
        assert_eq!(LEFT.get(), u64::MAX);
    }
}
