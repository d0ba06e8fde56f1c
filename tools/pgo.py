#!/usr/bin/env python3
"""Builds a profile-guided ogi: target/pgo/release/ogi, the same program as
`cargo build --release` gives (the same output, byte for byte), laid out by the branches
and calls a run takes.

    python3 tools/pgo.py [--train N]

1. builds ogi instrumented (`-Cprofile-generate`, in target/pgo-gen);
2. runs it on a training dump of N synthetic reports (default 5,000; `tools/synth.py dump`
   with seed 9, not the benchmark's seed 1) and on tests/fixtures (the real reports);
3. merges the profiles with the toolchain's own llvm-profdata (its LLVM reads the
   profiles its rustc writes; `rustup component add llvm-tools` when it is missing);
4. builds ogi with `-Cprofile-use` into target/pgo.

Two release builds: ~12 minutes on 2 cores. Benchmark the result with
`python3 tools/bench.py --ogi target/pgo/release/ogi`.
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def profdata():
    """The llvm-profdata of the toolchain that builds ogi, installed when missing."""
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout.strip()
    host = next(l.split(": ", 1)[1] for l in subprocess.run(["rustc", "-vV"], cwd=ROOT, check=True,
                                                              capture_output=True, text=True).stdout.splitlines()
                if l.startswith("host: "))
    tool = Path(sysroot) / "lib" / "rustlib" / host / "bin" / "llvm-profdata"
    if not tool.exists():
        print("installing the toolchain's llvm-tools (rustup component add llvm-tools)", file=sys.stderr)
        subprocess.run(["rustup", "component", "add", "llvm-tools"], cwd=ROOT, check=True)
    if not tool.exists():
        sys.exit(f"{tool}: not found after `rustup component add llvm-tools`")
    return tool


def build(target, flags):
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), RUSTFLAGS=flags)
    subprocess.run(["cargo", "build", "--release"], cwd=ROOT, env=env, check=True)
    return target / "release" / "ogi"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=int, default=5000, help="synthetic reports to train on (default 5,000)")
    a = ap.parse_args()
    tool = profdata()
    work = ROOT / "target" / "pgo-gen"
    profiles = work / "profiles"
    shutil.rmtree(profiles, ignore_errors=True)
    gen = build(work, f"-Cprofile-generate={profiles}")

    train = work / f"train-{a.train}"
    if not train.exists():
        subprocess.run([sys.executable, str(ROOT / "tools/synth.py"), "dump", str(a.train), str(train), "--seed", "9",
                        "--jobs", str(os.cpu_count() or 1)], check=True, stdout=subprocess.DEVNULL)
    for corpus in (train, ROOT / "tests" / "fixtures"):
        out = work / "out"
        rc = subprocess.run([str(gen), "run", "--input", str(corpus), "--output", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        if rc > 1:
            sys.exit(f"the instrumented ogi failed on {corpus} ({rc})")
        shutil.rmtree(out, ignore_errors=True)

    merged = work / "ogi.profdata"
    subprocess.run([str(tool), "merge", "-o", str(merged), str(profiles)], check=True)
    ogi = build(ROOT / "target" / "pgo", f"-Cprofile-use={merged}")
    print(ogi)


if __name__ == "__main__":
    main()
