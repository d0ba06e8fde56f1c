#!/usr/bin/env python3
"""Writes agencies' reports of 2019-2025 in a crawler's form (every cell run together),
with numbers that carry on from one year to the next as often as asked: the sets that
measure `src/years.rs` (docs/accuracy.md, "Neighbours in years").

    python3 tools/years.py OUT [AGENCIES] [--seed S] [--kept ITEMS,MADE,ISSUED,CARRY]

Each agency gets seven reports, `OUT/aNNNN_YEAR.txt` with `.truth.json` beside them (side by
side in path order, as a portal's archive files them), their numbers from
`tools/synth.py` (every identity of DATASET.md holds). Then, each with its probability
(default 0.85,0.6,0.45,0.7, about as often as the fixtures' reports keep to them): 2020's
上一年项目数量 is set to 2019's 上一年项目数量 plus its 本年增/减; 2020's 对外公开总数量 to 2019's plus
2020's 本年新公开数量; from 2022 on, 现行有效件数 to the year before's plus 本年制发件数 less
本年废止件数; and 上年结转 to the year before's 结转下年度继续办理 (新收 made up so that the
applications' identities still hold). `--kept 0,0,0,0` is the worst case: a split that
carries on does so by coincidence. Read and score as any corpus:

    target/release/ogi run --input OUT --output OUT.out
    python3 ../shared/tools/score.py OUT OUT.out
"""
import argparse, json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synth


def carry_on(rng, template, year, nums, prev, kept):
    """Sets `nums`' numbers that carry on `prev`'s (the year before's), each rule with its
    probability in `kept`."""
    p_items, p_made, p_issued, p_carry = kept
    act, before = nums["active"], prev["active"]
    for key, v in act.items():
        if key not in before or key == "centralized_procurement":
            continue
        p = before[key]
        if template == "2019":
            if key in ("rules", "normative_documents"):
                if rng.random() < p_made:
                    v[2] = p[2] + v[1]
            elif rng.random() < p_items and p[0] + p[1] >= 0:
                v[0] = p[0] + p[1]
                if v[0] + v[1] < 0:
                    v[1] = 0
        elif year > 2021 and key in ("rules", "normative_documents") and rng.random() < p_issued:
            if p[2] + v[0] - v[1] >= 0:
                v[2] = p[2] + v[0] - v[1]
    if rng.random() < p_carry:
        apps, cf = nums["apps"], prev["apps"]["carried_forward"]
        new = [apps["total"][c] + apps["carried_forward"][c] - cf[c] for c in range(6)]
        if min(new) >= 0:
            apps["carried_over"] = list(cf)
            apps["new_received"] = new + [sum(new)]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("agencies", nargs="?", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kept", default="0.85,0.6,0.45,0.7")
    a = ap.parse_args(argv)
    kept = [float(x) for x in a.kept.split(",")]
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    towns = synth.TOWNS
    for n in range(a.agencies):
        agency = f"某某市{towns[n % len(towns)]}{towns[n // len(towns) % len(towns)]}区{synth.AGENCIES[n % len(synth.AGENCIES)]}"
        prev = None
        for year in range(2019, 2026):
            template = "2019" if year <= 2020 else "2021"
            nums = synth.make_numbers(rng, template, scale=rng.choice([0.3, 1, 3]))
            if prev is not None:
                carry_on(rng, template, year, nums, prev, kept)
            text, truth = synth.document(rng, agency, year, template, nums, "glued", {})
            name = os.path.join(a.out, f"a{n:04d}_{year}")
            with open(name + ".txt", "w", encoding="utf-8") as f:
                f.write(text)
            with open(name + ".truth.json", "w", encoding="utf-8") as f:
                json.dump(truth, f, ensure_ascii=False)
            prev = nums


if __name__ == "__main__":
    main(sys.argv[1:])
