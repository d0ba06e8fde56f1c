#!/usr/bin/env python3
"""Reads thousands of randomly mangled copies of the fixture reports and fails when one
makes ogi panic (`INTERNAL`) or gives up (`TOO_SLOW`).

usage: python3 tools/mutate.py [--ogi BIN] [--files N] [--seed S] [--keep DIR]

Each file is a report of tests/fixtures (text or HTML) cut, repeated, truncated and
spliced with pieces of itself and with the tokens reports and their markup are made of
(section headings, row labels, digits and long runs of them, signs, units, bars, tabs, page
chrome, `<td>`, `<br>`, hidden spans, comments, BOMs, zero-width spaces …), one to twelve
times; one in ten is cut off at a random byte. The files are made from `--seed` (default
1), so a run is reproducible. Nothing is scored: what this looks for is a file that
costs the parser far more than its size (a search that blows up) or crashes it, found so
far: a run of digits before `000000000000000` in the review row (cut every way until the
step budget ran out) and a review row splitting 20,000 ways equally well (2 s to count
its alternatives). Also prints the slowest files' times when given `--slowest K`.

Needs a built ogi (target/release/ogi) and the duckdb Python package.
"""
import argparse, pathlib, random, shutil, subprocess, sys, tempfile, time

import duckdb

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOKENS = ['<span style="display:none">', '</span>', '<td>', '</td>', '<tr>', '</tr>', '<br>', '<br/>', '|', '\t',
          '\u3000', '>', '首页>', '标题：', '名称：', '相关链接：', '·', '（七）总计', '四、结转下年度继续办理',
          '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '\r',
          '\u2028', '0', '9999999999999', '-', '＋', '万元', '元', '<table>', '</table>', '<style>', '</style>',
          '<script>', '<!--', '-->', '&nbsp;', '&#', '2019年', '年度报告', '<u>', '</u>', '**', '# ', '---', '│',
          '├──┼', '小计', '\ufeff', '\u200b', '<div hidden>', '</div>', '<p>', '<title>', '</title>',
          'style="visibility:hidden"', '"', "'", '<', '>', '=', '．', '1.', '（一）', '|---|', '\n', '\n\n', ' ' * 40]


def mutate(data, rnd):
    s = data.decode("utf-8", "replace")
    for _ in range(rnd.randint(1, 12)):
        n = len(s)
        if n == 0:
            break
        op = rnd.random()
        i = rnd.randrange(n)
        j = min(n, i + rnd.randint(1, 400))
        if op < 0.25:
            s = s[:i] + s[j:]
        elif op < 0.45:
            s = s[:i] + s[i:j] * rnd.randint(2, 5) + s[i:]
        elif op < 0.85:
            s = s[:i] + rnd.choice(TOKENS) * rnd.randint(1, 8) + s[i:]
        elif op < 0.92:
            s = s[:i]
        else:
            k = rnd.randrange(n)
            s = s[:i] + s[k:k + rnd.randint(1, 300)] + s[i:]
    out = s.encode("utf-8")
    if rnd.random() < 0.1:
        out = out[:rnd.randrange(max(1, len(out)))]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ogi", type=pathlib.Path, default=ROOT / "target" / "release" / "ogi")
    ap.add_argument("--files", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=pathlib.Path, help="write the files and the output here (kept)")
    ap.add_argument("--slowest", type=int, default=0, help="also time each file alone and print the K slowest")
    a = ap.parse_args()
    sources = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*")
                     if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    work = a.keep or pathlib.Path(tempfile.mkdtemp(prefix="ogi-mutate-"))
    corpus, out = work / "files", work / "out"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    rnd = random.Random(a.seed)
    for k in range(a.files):
        p = rnd.choice(sources)
        (corpus / f"{k:05d}{p.suffix}").write_bytes(mutate(p.read_bytes(), rnd))
    # From the repository root: its pipeline.toml names the divisions tables.
    run = subprocess.run([str(a.ogi), "run", "--input", str(corpus), "--output", str(out)], cwd=ROOT,
                         capture_output=True, text=True)
    print(run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "")
    if run.returncode > 1:
        sys.exit(f"ogi run failed with exit code {run.returncode}")
    bad = duckdb.sql(f"select path, code, message from '{out}/diagnostics.parquet' "
                     "where code in ('INTERNAL', 'TOO_SLOW') order by path").fetchall()
    for path, code, message in bad:
        print(f"{corpus / path}: {code}: {message}")
    if a.slowest:
        one = work / "one"
        times = []
        for p in sorted(corpus.iterdir()):
            shutil.rmtree(one, ignore_errors=True)
            one.mkdir()
            shutil.copy(p, one / p.name)
            t = time.perf_counter()
            subprocess.run([str(a.ogi), "run", "--input", str(one), "--output", str(work / "one-out"),
                            "--threads", "1"], cwd=ROOT, capture_output=True)
            times.append((time.perf_counter() - t, p))
        for t, p in sorted(times, reverse=True)[:a.slowest]:
            print(f"{t:6.3f} s  {p}")
    if not a.keep:
        shutil.rmtree(work)
    if bad:
        sys.exit(f"{len(bad)} of {a.files} files made ogi panic or give up")
    print(f"{a.files} mangled files (seed {a.seed}): none made ogi panic or give up")


if __name__ == "__main__":
    main()
