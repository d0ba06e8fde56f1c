#!/usr/bin/env python3
"""Writes data/t2s.tsv: each traditional character and the simplified one ogi reads it as.

    pip install opencc-python-reimplemented==0.1.7
    python3 tools/t2s.py

From OpenCC's character table (TSCharacters.txt, Apache License 2.0,
https://github.com/BYVoid/OpenCC), as the PyPI package `opencc-python-reimplemented` ships
it: the one-character entries whose first simplified candidate is one character, both
three bytes in UTF-8 (so a text keeps its length in bytes and its lines), the character not
its own simplified form; and Hong Kong's and Taiwan's standard forms (HKVariantsRev.txt,
TWVariantsRev.txt) through the traditional character they stand for, where that has one. Phrases (OpenCC's
TSPhrases.txt) are left out: ogi matches labels and headings, not prose.
"""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    spec = importlib.util.find_spec("opencc")
    if spec is None:
        raise SystemExit("needs `pip install opencc-python-reimplemented==0.1.7`")
    dictionary = Path(spec.origin).parent / "dictionary"

    def entries(name):
        for line in (dictionary / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                a, b = line.split("\t")
                yield a, b.split(" ")[0]

    def kept(a, b):
        return len(a) == 1 == len(b) and a != b and all(len(c.encode()) == 3 for c in a + b)

    table = {t: s for t, s in entries("TSCharacters.txt") if kept(t, s)}
    # Hong Kong's and Taiwan's standard forms (衞 for 衛), through the traditional character
    # they stand for when it has a simplified form: 衞 → 衛 → 卫 (not 么, which stands for 幺).
    variants = {}
    for name in ("HKVariantsRev.txt", "TWVariantsRev.txt"):
        for v, t in entries(name):
            if v not in table and t in table and kept(v, table[t]):
                variants[v] = table[t]
    table.update(variants)
    pairs = sorted(table.items())
    out = ROOT / "data" / "t2s.tsv"
    head = ("# Traditional → simplified characters, one pair a line (tools/t2s.py). From OpenCC's\n"
            "# TSCharacters.txt, HKVariantsRev.txt and TWVariantsRev.txt\n"
            "# (https://github.com/BYVoid/OpenCC), Apache License 2.0; see the README.\n")
    out.write_text(head + "".join(f"{t}\t{s}\n" for t, s in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs → {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
