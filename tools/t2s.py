#!/usr/bin/env python3
"""Writes data/t2s.tsv: each traditional character and the simplified one ogi reads it as.

    pip install opencc-python-reimplemented==0.1.7
    python3 tools/t2s.py

From OpenCC's character table (TSCharacters.txt, Apache License 2.0,
https://github.com/BYVoid/OpenCC), as the PyPI package `opencc-python-reimplemented` ships
it: the one-character entries whose first simplified candidate is one character, both in
the Basic Multilingual Plane and three bytes in UTF-8 (so a text keeps its length in bytes
and its lines), the character not its own simplified form. Phrases (OpenCC's
TSPhrases.txt) are left out: ogi matches labels and headings, not prose.
"""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    spec = importlib.util.find_spec("opencc")
    if spec is None:
        raise SystemExit("needs `pip install opencc-python-reimplemented==0.1.7`")
    table = Path(spec.origin).parent / "dictionary" / "TSCharacters.txt"
    pairs = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        trad, simp = line.split("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 == len(simp) and trad != simp and all(len(c.encode()) == 3 for c in trad + simp):
            pairs.append((trad, simp))
    pairs.sort()
    out = ROOT / "data" / "t2s.tsv"
    head = ("# Traditional → simplified characters, one pair a line (tools/t2s.py). From OpenCC's\n"
            "# TSCharacters.txt (https://github.com/BYVoid/OpenCC), Apache License 2.0; see the README.\n")
    out.write_text(head + "".join(f"{t}\t{s}\n" for t, s in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs → {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
