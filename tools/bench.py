#!/usr/bin/env python3
"""The throughput and memory benchmark: ogi against merely reading the same files.

    python3 tools/bench.py [N] [--runs R] [--threads T] [--scaling] [--dir DIR] [--ogi BIN]

Generates (once, then reuses) a deterministic dump of N synthetic reports (default
100,000) with `tools/synth.py dump` — every layout, both templates, every encoding, prose
included, in nested folders — then alternates R times (default 3): the read-only floor
(`find DIR -type f -print0 | xargs -0 -P T -n 500 cat > /dev/null`) and
`target/release/ogi run --threads T`, under `/usr/bin/time -v` for the peak RSS. Prints the
medians: reports/s, MB/s, the ratio to the floor, and peak RSS; the ratios also run by run
(median and range). `--scaling` also times `--threads 1`. Needs a release build
(`cargo build --release`, or `--ogi target/pgo/release/ogi` after `tools/pgo.py`); no network.
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dump(n, seed, where):
    stamp = where.parent / f".{where.name}.stamp"
    # The generator's own hash: a changed generator regenerates the dump.
    gen = hashlib.sha256((ROOT / "tools/synth.py").read_bytes()).hexdigest()[:16]
    want = f"{n} {seed} {gen}\n"
    if stamp.exists() and stamp.read_text() == want:
        return
    if where.exists():
        shutil.rmtree(where)
    t = time.time()
    subprocess.run([sys.executable, str(ROOT / "tools/synth.py"), "dump", str(n), str(where), "--seed", str(seed),
                    "--jobs", str(os.cpu_count() or 1)],
                   check=True, stdout=subprocess.DEVNULL)
    stamp.write_text(want)
    print(f"generated {n} reports in {time.time() - t:.0f} s", file=sys.stderr)


def timed(cmd, shell=False):
    """(seconds, peak RSS in KB) of a command run under /usr/bin/time -v."""
    full = ["/usr/bin/time", "-v"] + (["sh", "-c", cmd] if shell else cmd)
    t = time.perf_counter()
    p = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return elapsed, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scaling", action="store_true", help="also time --threads 1")
    ap.add_argument("--dir", type=Path, help="where the dump lives (default target/bench/dump-N)")
    ap.add_argument("--ogi", type=Path, help="the binary to time (default target/release/ogi)")
    a = ap.parse_args()

    ogi = a.ogi or Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release/ogi"
    if not ogi.exists():
        sys.exit(f"{ogi}: build it first with `cargo build --release` (or tools/pgo.py)")
    where = a.dir or ROOT / f"target/bench/dump-{a.n}"
    out = where.parent / f"out-{a.n}"
    dump(a.n, a.seed, where)
    files = sum(1 for p in where.rglob("*") if p.is_file())
    mb = sum(p.stat().st_size for p in where.rglob("*") if p.is_file()) / 1e6
    floor_cmd = f"find '{where}' -type f -print0 | xargs -0 -P{a.threads} -n 500 cat > /dev/null"
    run = lambda t: [str(ogi), "run", "--input", str(where), "--output", str(out), "--threads", str(t)]

    timed(floor_cmd, shell=True)  # warm the page cache
    floor, ogi_t, ogi_rss, one = [], [], [], []
    for _ in range(a.runs):
        floor.append(timed(floor_cmd, shell=True)[0])
        s, rss = timed(run(a.threads))
        ogi_t.append(s)
        ogi_rss.append(rss)
        if a.scaling:
            one.append(timed(run(1))[0])

    med = statistics.median
    f, o = med(floor), med(ogi_t)
    print(f"machine: {os.cpu_count()} cores; {files} files, {mb:.0f} MB; threads {a.threads}; "
          f"medians of {a.runs} runs; {ogi}")
    print(f"| | seconds | reports/s | MB/s | peak RSS |")
    print(f"|---|---|---|---|---|")
    print(f"| read-only floor | {f:.2f} | {files / f:,.0f} | {mb / f:,.0f} | |")
    print(f"| ogi run | {o:.2f} | {files / o:,.0f} | {mb / o:,.0f} | {med(ogi_rss) / 1024:,.0f} MB |")
    if one:
        print(f"| ogi run, 1 thread | {med(one):.2f} | {files / med(one):,.0f} | {mb / med(one):,.0f} | |")
    # Each run's own ratio too: the two commands of a run ran back to back, so the VM's
    # drift over the benchmark (its speed moves by a quarter within an hour) cancels.
    paired = lambda xs, ys: sorted(x / y for x, y in zip(xs, ys))
    fr = paired(floor, ogi_t)
    print(f"ratio to the floor: {f / o:.3f} (target ≥ 0.5); run by run: median {med(fr):.3f}, "
          f"{fr[0]:.3f}–{fr[-1]:.3f}")
    if one:
        sr = paired(one, ogi_t)
        print(f"scaling {a.threads} threads / 1 thread: {med(one) / o:.2f}× (target ≥ 1.8); "
              f"run by run: median {med(sr):.2f}×, {sr[0]:.2f}–{sr[-1]:.2f}×")


if __name__ == "__main__":
    main()
