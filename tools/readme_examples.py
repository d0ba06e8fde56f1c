#!/usr/bin/env python3
"""Runs every ```sql and ```python block of the README's "Examples" section, exactly as
written, from the repository root (where `cargo run --release` wrote data/parquet), so the
examples can never rot. SQL runs in DuckDB; each query must return at least one row.

    python3 tools/readme_examples.py README.md
"""
import re
import sys

import duckdb

text = open(sys.argv[1], encoding="utf-8").read()
section = re.search(r"^## Examples\n(.*?)(?=^## )", text, re.S | re.M)
if not section:
    sys.exit("README.md: no '## Examples' section")
blocks = re.findall(r"^```(sql|python)\n(.*?)^```", section.group(1), re.S | re.M)
if not blocks:
    sys.exit("README.md: no sql or python blocks under '## Examples'")
con = duckdb.connect()
for lang, code in blocks:
    print(f"--- {lang}\n{code.rstrip()}")
    if lang == "sql":
        rel = con.sql(code)
        rows = rel.fetchall()
        print(rel.columns)
        for r in rows[:10]:
            print(r)
        if not rows:
            sys.exit("the query returned no rows")
    else:
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
print(f"{len(blocks)} README examples ran")
