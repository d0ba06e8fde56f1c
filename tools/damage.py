#!/usr/bin/env python3
"""Reads the fixture reports after damage that keeps their numbers, and scores each form.

usage: python3 tools/damage.py [--ogi BIN] [--keep DIR] [--check] [--corpora seeds,real,pingtan]
                              [--pairs N [--seed S]]

Every report under tests/fixtures/{seeds,real,pingtan} (or the corpora `--corpora` names:
`forms,converted` too) that has a truth file is damaged the
ways public dumps damage reports (line ends, white space, encodings, invisible characters,
escaped spaces, stray bytes, a crawler's Latin-1 mojibake, traditional characters in UTF-8
and Big5, radicals for ideographs (a PDF's text), page furniture,
letter-spaced and wrapped text, table headings
without their numbers after prose that names the tables, header rows repeated on a new page,
rows worded otherwise, spaces around numbers, thousands separators, labels apart from their
cells, cells between pipes or rules or aligned with spaces; for the HTML pages markup that
browsers show the same, character references and a spare empty column; for the crawler dumps
tabs, paragraph breaks and a missing header), each way into a corpus of its own beside the
truth files, which stay as they are but for the forms that leave zeros out (every 0 cell
empty: the truth's zeros become blank cells; rows of zeros printed as their label alone:
those rows are not expected). Each corpus is run through `ogi run` and scored with
../shared/tools/score.py; one line per form.

Each form is compared with the same reports undamaged: --check exits 1 when a form has a
silent error (a wrong or missing cell in a document without a warning) or loses more
cells than the undamaged reports do (plus LOST for the forms that leave cells no reader
could place): the damage keeps every number. The HOSTILE forms rearrange the cells of a
table (rows or columns swapped or reversed, labels apart from their rows, commas between
cells): for them only a silent error fails.

With --pairs N, each report is damaged two ways at once instead (the second form on the
first's text; N pairs drawn at random, `--seed`): only silent errors count there, two
forms together may leave cells no reader can place (`--pairs 300 --check` in CI).

Needs the duckdb Python package (for score.py) and a built ogi (target/release/ogi).
"""
import argparse, json, pathlib, random, re, shutil, subprocess, sys, tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
SECTION = ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "复议、行政诉讼情况",
           "复议和行政诉讼情况", "复议、提起行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def traditional():
    """Simplified → traditional characters: data/t2s.tsv backwards (of several traditional
    characters for one simplified, the first that Big5 has), as a portal's 繁體 mirror maps
    a page."""
    back = {}
    for line in (ROOT / "data" / "t2s.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            t, s = line.split("\t")
            back.setdefault(s, []).append(t)
    # Of several, one that Big5 has (坛: 壇, not 墰); none, when Big5 has none of them
    # (查 stays: 査 is a variant, not its traditional form).
    big5 = {s: [t for t in ts if t.encode("big5", "ignore")] for s, ts in back.items()}
    return str.maketrans({s: ts[0] for s, ts in big5.items() if ts})


S2T = traditional()


def radicals():
    """Ideograph → the radical a PDF's text holds for it (`⾏政`, `⼈⺠`): every Kangxi radical
    (NFKC gives its ideograph), and the supplement's that print as a whole one."""
    import unicodedata
    kangxi = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0x2F00, 0x2FD6)}
    supplement = dict(zip("民西见长门页风飞车马龙齐黄青角", "⺠⻄⻅⻓⻔⻚⻛⻜⻋⻢⻰⻬⻩⻘⻆"))
    return str.maketrans({**kangxi, **supplement})


RADICALS = radicals()
# Rows and columns worded otherwise than the template words them, as reports word them.
WORDING = {
    "total": ("总计", "合计"), "unclear": ("补正后申请内容仍不明确", "申请内容不明确"),
    "unpaid-fee": ("逾期未按收费通知要求缴纳费用", "逾期未缴费"), "carried-forward": ("结转下年度", "结转下一年度"),
    "new-received": ("本年新收", "本年度新收"), "carried-over": ("上年结转", "上年度结转"),
    "state-secret": ("属于国家秘密", "涉及国家秘密"), "third-party": ("保护第三方合法权益", "涉及第三方合法权益"),
    "not-held": ("本机关不掌握相关政府信息", "本机关未掌握相关政府信息"),
    "internal-affairs": ("属于三类内部事务信息", "属于内部事务信息"), "petition": ("信访举报投诉类申请", "信访、举报、投诉类申请"),
    "duplicate": ("重复申请", "重复提出申请"), "excessive": ("无正当理由大量反复申请", "无正当理由大量、反复申请"),
    "prohibited-by-law": ("其他法律行政法规禁止公开", "法律、行政法规禁止公开"),
    "enforcement-file": ("属于行政执法案卷", "行政执法案卷信息"), "enforcement-case": ("属于行政执法案卷", "属于行政执法案件"), "litigation-direct": ("未经复议直接起诉", "未经复议直接提起诉讼"),
    "procurement": ("政府集中采购", "政府采购"), "fees": ("行政事业性收费", "行政事业收费"),
    "partially-granted": ("（二）部分公开", "（二）部分予以公开"), "no-correction": ("逾期不补正", "逾期未补正"),
    "other-it": ("其他", "其它"),
    "active-heading": ("主动公开政府信息情况", "主动公开政府信息的情况"),
    "applications-heading": ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况"),
    "active-heading-short": ("主动公开政府信息情况", "主动公开情况"),
    "applications-heading-old": ("收到和处理政府信息公开申请情况", "依申请公开政府信息情况"),
    "review-heading-and": ("复议、行政诉讼情况", "复议与行政诉讼情况"),
    "review-heading-and-file": ("复议、行政诉讼情况", "复议和提起行政诉讼情况"),
    "active-heading-bare": ("主动公开政府信息情况", "主动公开政府信息"),
    "applications-heading-bare": ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"),
    "review-heading-bare": ("复议、行政诉讼情况", "复议、行政诉讼"),
    "review-heading-short": ("行政复议、行政诉讼情况", "行政复议、诉讼情况"),
}

# Cells a form may lose beyond what the same reports lose undamaged (--check): the review
# row of a seed whose five leading empty cells are tabs (15 cells, AMBIGUOUS_ROW) is left
# with no reader able to place it when tabs become U+3000 or spaces or every cell stands
# on a line of its own.
LOST = {"tabs-as-u3000": 15, "cell-per-line": 15, "single-spaces": 15, "wide-spaces": 15}
# Agencies and years a form may lose beyond the undamaged reports': sixteen crawler bodies
# never print the title their dropped header held; seven of them state their statistics'
# period and end signed (pingtan czj2024, jjf2024, jjp2025, scj2022, scj2024, scj2025,
# shs2023: read from those, `segment::meta`), nine do not (real 004–007, pingtan gaj2021,
# gwh2024, hzs2025, jjf2025, zhz2022).
LOST_TITLES = {"crawler-no-header": 9}
# Forms that rearrange a table's cells so that no reader can be sure where each belongs
# (labels apart from their rows, rows and columns swapped or reversed, commas between
# cells): they may lose any number of cells, but every cell read wrong must be flagged.
HOSTILE = {"labels-then-numbers", "transposed", "numbers-reversed", "rows-reversed", "csv-commas"}


def outside_tags(f, text):
    """`f` applied to the text between a text's HTML tags (a converter's Markdown keeps a
    page's tables as HTML): no reader's damage stands inside a tag."""
    return "".join(p if p.startswith("<") else f(p) for p in re.split(r"(<[^<>]*>)", text))


def after_label(text, sep):
    """`text` with `sep` for the tab between each line's first cell and a number after it,
    where that cell has an ideograph and no `：` after its last one (as a pattern would do
    it, but without backtracking through a long first cell: a text whose line ends are CRs
    is one line)."""
    def line(l):
        i = l.find("\t")
        if i < 0 or not l[i + 1:i + 2].isdecimal():
            return l
        last = next((j for j in range(i - 1, -1, -1) if "\u4e00" <= l[j] <= "\u9fff"), None)
        if last is None or "：" in l[last + 1:i]:
            return l
        return l[:i] + sep + l[i + 1:]
    return "\n".join(map(line, text.split("\n")))


def layout(text):
    """Whether a text keeps a PDF's layout (its columns apart by runs of spaces): where
    a cell stands on its line is what places it, and damage that widens a label moves it."""
    return len(re.findall(r"(?m)\S {8,}\S.* {8,}\S", text)) >= 20


def text_forms(name, text, crawler):
    """(form, text) for a text report; `crawler`: the body is one long line."""
    # (A report with CRLF line ends is damaged as its lines: `crlf` is a form of its own.)
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    yield "crlf", text.replace("\n", "\r\n")
    yield "lone-cr", text.replace("\n", "\r")
    yield "u2028", text.replace("\n", "\u2028")
    yield "blank-lines", text.replace("\n", "\n\n")
    yield "page-numbers", "\n".join(l + (f"\n- {i // 17 + 2} -" if i % 17 == 16 else "") for i, l in enumerate(lines))
    yield "page-headers", "\n".join(l + (f"\n第{i // 23 + 1}页 共9页" if i % 23 == 22 else "") for i, l in enumerate(lines))
    yield "indent", "\n".join(("\u3000\u3000" if i % 3 == 0 else "  ") + l for i, l in enumerate(lines))
    yield "trailing-tab", "\n".join(l + " \t " for l in lines)
    yield "nbsp", outside_tags(lambda t: t.replace(" ", "\u00a0"), text)
    yield "tabs-as-u3000", text.replace("\t", "\u3000")
    yield "escaped-spaces", outside_tags(lambda t: t.replace(" ", "&nbsp;").replace("\t", "&emsp;\t"), text)
    yield "full-width-digits", text.translate(FULL)
    yield "traditional", text.translate(S2T)
    yield "radicals", text.translate(RADICALS)
    yield "full-width-signs", re.sub(r"(?<=[\t \u4e00-\u9fff\d])-(?=\d)", "－", text).replace("+", "＋")
    yield "en-dash-minus", re.sub(r"(?<=[\t \u4e00-\u9fff\d])-(?=\d)", "\u2013", text)
    yield "minus-sign", re.sub(r"(?<=[\t \u4e00-\u9fff\d])-(?=\d)", "\u2212", text)
    yield "ascii-parentheses", text.replace("（", "(").replace("）", ")")
    yield "enumeration-comma", re.sub(r"(?<![\d.])(\d)\.(?=[\u4e00-\u9fff])", r"\1、", text)
    rnd = random.Random(name)
    marks = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
    yield "zero-width", outside_tags(
        lambda t: "".join(c + (rnd.choice(marks) if c != "\n" and rnd.random() < 0.05 else "") for c in t), text)
    cjk = "[\u4e00-\u9fff]"
    if not layout(text):
        yield "letter-spaced", re.sub(f"(?<={cjk})(?={cjk})", " ", text)
        yield "stray-spaces", "".join(c + (" " if "\u4e00" <= c <= "\u9fff" and rnd.random() < 0.1 else "")
                                      for c in text)
    justified = text
    for p in SECTION:
        justified = justified.replace(p, "\u3000".join(p))
    yield "justified-headings", justified
    # The tables' headings without their section numbers, after a list of the report's
    # sections and the summary's sub-headings, which name the tables too (real reports:
    # `本报告包括总体情况、主动公开政府信息情况、…`, `一、总体情况（一）主动公开情况…`).
    tables = "|".join(SECTION[:5])
    unnumbered = re.sub(f"[一二三四五六七八九十]、(?=[^、。\n\t0-9]{{0,14}}({tables}))", "", text)
    brk = "" if crawler else "\n"
    listed = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、" \
        "行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项等六个部分。"
    summary = f"（一）主动公开政府信息的情况{brk}本年主动公开政府信息120条。{brk}（二）依申请公开情况{brk}本年受理申请3件。{brk}"
    if unnumbered != text and "一、总体情况" in text:
        sub = unnumbered.replace("一、总体情况", f"{listed}{brk}一、总体情况{brk}{summary}", 1)
        yield "unnumbered-headings", sub
        yield "summary-sub-headings", text.replace("一、总体情况", f"{listed}{brk}一、总体情况{brk}{summary}", 1)
    # A section some 2023–2025 reports put after the review table, a small table of its own
    # (real: `五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）000`),
    # numbered and not, worded so and otherwise.
    end = text.rfind("五、存在的主要问题")
    if end > 0:
        cells = "通知收取件数通知收取金额（元）实际收取金额（元）3150150" if crawler else \
            "\n通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n3\t150\t150\n"
        for form, heading in (("fee-section", "五、信息处理费收取情况"), ("fee-section-bare", "信息处理费收取情况"),
                              ("fee-section-worded", "政府信息公开处理费情况")):
            yield form, f"{text[:end]}{brk}{heading}{cells}{text[end:]}"
    # The sections after the tables worded as no template words them (real: `五、当前存在的
    # 突出问题`, `六、下一步改进举措`, `七、其他需说明事项`), with numbers in their prose.
    if "五、存在的主要问题及改进情况" in text:
        yield "end-sections-worded", text.replace("五、存在的主要问题及改进情况",
                                                  "五、当前存在的突出问题过去一年中，按国办函〔2020〕109号规定", 1) \
            .replace("六、其他需要报告的事项", "六、下一步改进举措一是优化。七、其他需说明事项", 1)
    yield "justified-labels", re.sub(f"(?m)(^|\t)({cjk})({cjk})(?=\t|$)", "\\1\\2\u3000\u3000\\3", text)
    yield "thousands-separators", re.sub(r"(?<=\t)(\d{4,})(?=(\.\d+)? ?(万元|元)?(\t|$))",
                                         lambda m: f"{int(m.group(1)):,}", text, flags=re.M)

    def wrapped(at):
        # A long label broken over two or three lines (PDF text), its cells after the part
        # `at` picks: the last, the first, the middle one.
        def wrap(line):
            m = re.match(r"([^\t]{12,})(\t.*)", line)
            if not m:
                return line
            label, cells = m.group(1), m.group(2)
            parts = [label[:len(label) // 2], label[len(label) // 2:]] if at != "middle" else \
                [label[:len(label) // 3], label[len(label) // 3:2 * len(label) // 3], label[2 * len(label) // 3:]]
            k = {"last": len(parts) - 1, "first": 0, "middle": 1}[at]
            parts[k] += cells
            return "\n".join(parts)
        return "\n".join(map(wrap, lines))
    for name, (a, b) in WORDING.items():
        if a in text:
            yield f"wording-{name}", text.replace(a, b)
    yield "wrapped-labels", wrapped("last")
    yield "wrapped-labels-first", wrapped("first")
    yield "wrapped-labels-middle", wrapped("middle")
    if not crawler and (h := next((i for i, l in enumerate(lines) if i > 5 and "收到和处理政府信息公开申请情况" in l), None)):
        # A table over two pages repeats its header rows on the second (PDF text).
        f = next((i for i in range(h, len(lines)) if "本年新收" in lines[i]), None)
        m = f and next((i for i in range(f, len(lines)) if "无法提供" in lines[i]), None)
        if m:
            yield "repeated-header", "\n".join(lines[:m] + ["\f- 5 -"] + lines[h + 1:f] + lines[m:])
    # A space between a number and the characters around it (2025 年, 476.92 万元, 1 个),
    # as text extracted from a PDF has.
    yield "spaced-digits", re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", text)
    if not crawler:
        yield "markdown-pipes", "\n".join(f"| {' | '.join(l.split(chr(9)))} |" if "\t" in l else l for l in lines)
        yield "box-rules", "\n".join(f"│{'│'.join(l.split(chr(9)))}│" if "\t" in l else l for l in lines)
        yield "single-spaces", text.replace("\t", " ")
        yield "wide-spaces", text.replace("\t", "    ")

        def blocks(f):
            # Each run of tab-separated lines (a table's rows) rewritten by `f`.
            out, rows = [], []
            for line in lines + [""]:
                if "\t" in line:
                    rows.append(line.split("\t"))
                    continue
                if rows:
                    out.extend(f(rows))
                    rows = []
                out.append(line)
            return "\n".join(out[:-1])
        yield "labels-then-numbers", blocks(lambda rows: [r[0] for r in rows] + ["\t".join(r[1:]) for r in rows])
        yield "transposed", blocks(lambda rows: ["\t".join(r[i] if i < len(r) else "" for r in rows)
                                                 for i in range(max(map(len, rows)))])
        yield "numbers-reversed", blocks(lambda rows: ["\t".join([r[0]] + r[:0:-1]) for r in rows])
        yield "rows-reversed", blocks(lambda rows: ["\t".join(r) for r in reversed(rows)])
        yield "csv-commas", text.replace("\t", ",")
        yield "empty-cell-after-label", after_label(text, "\t\t")
        yield "colon-after-label", after_label(text, "：\t")
        yield "space-after-label", re.sub(r"(?m)^([^\t\n]*[\u4e00-\u9fff])\t(?=\d)", "\\1 ", text)
        yield "right-aligned-numbers", re.sub(r"(?<=\t)(\d+)(?=\t|$)", lambda m: m.group(1).rjust(6), text,
                                              flags=re.M)
        # Zeros left out: every 0 cell empty (the truth: blank), or a row of zeros printed
        # as its label alone (the truth: the row not expected).
        # (A zero full-width or before a CR is a zero too.)
        blanked = re.sub(r"(?m)(?<=\t)[0０](?=\t|\r?$)", "", text)
        # (Not where a zero is left in a row: one beside an `&emsp;`, a `|`, a space.)
        rows = "\n".join(l for l in blanked.split("\n") if "\t" in l)
        if not re.search(r"(?<![\d.０-９])[0０](?![\d.０-９])", rows) and re.search(r"(?m)^[^\t\n]+(\t[^\t\n]*){3}", text):
            yield "blank-zeros", blanked, zeros_blank
        # The 总计 cells of the outcome rows left empty (a real page, 上海市人民政府办公厅 2019),
        # the other rows' printed, on lines that end at their last column (no tab after it):
        # the empty cells are the rows' own.
        ended = re.sub(r"(?m)\t+$", "", text).split("\n")
        row = re.compile(r"^([^\n]*[\u4e00-\u9fff）)][^\t\n]*\t*(?:\t\d+){6}\t)\d+$")
        # (Worded otherwise too, a form before this one having done so: `上年度结转`, `合计`.)
        kept = re.compile(r"本年度?新收|上年度?结转|总计|合计|结转下一?年度")
        # (Only a line that ends with a digit after seven tabs is tried: the pattern backtracks
        # through a long one, a text whose line ends were made CRs.)
        outcomes = [i for i, l in enumerate(ended) if l[-1:].isdecimal() and l.count("\t") >= 7 and row.match(l)
                    and not kept.search(re.sub(r"\s", "", l))]
        # Every outcome row but （七）总计 (19 of the 2019 form's 20, 22 of the 2021 form's 23).
        if len(outcomes) in (19, 22):
            for i in outcomes:
                ended[i] = row.sub(r"\1", ended[i])
            yield "blank-outcome-totals", "\n".join(ended), outcome_totals_blank
        yield "trailing-bars", "\n".join(" | ".join(l.split("\t")) + " |" if "\t" in l else l for l in lines)
        # The same, one cell a line, an empty one a bar alone.
        yield "trailing-bars-one-a-line", "\n".join(
            "\n".join(f"{c} |" if c.strip() else "|" for c in l.split("\t")) if "\t" in l else l for l in lines)
        zeros = re.compile(r"^([^\n]*[\u4e00-\u9fff][^\t\n]*)(\t0)+\t*$")
        yield "label-only-rows", "\n".join(zeros.sub(r"\1", l) if l.rstrip("\t").endswith("\t0") else l
                                            for l in text.split("\n")), zero_rows_unexpected
    if crawler:
        head, sep, body = text.partition("====\n")
        yield "crawler-tabs", "\n".join(l.replace("。", "。\t", 3) + "\t" for l in lines)
        yield "crawler-paragraphs", head + sep + "\n".join(
            x for x in re.split(r"(?<=。)|(?=[一二三四五六七八九十]、)", body) if x)
        sep_body = body
        for p in SECTION:
            sep_body = re.sub(r"([一二三四五六七八九十]、[^、。]{0,12}" + p + ")", r"\n\1\n", sep_body)
        yield "crawler-headings", head + sep + "\n".join(
            x for part in sep_body.split("\n") for x in re.split(r"(?<=。)", part) if x.strip())
        yield "crawler-no-header", body
        # Prose after each table, starting with a year, run into the table's last digits
        # (real: `行政事业性收费02025年，我局…`, `继续办理20000022025年，我局…`).
        yield "crawler-prose-after-tables", head + sep + re.sub(
            r"(?<=\d)(?=\s*(?:[一二三四五六七八九十]、)?[^、。]{0,12}(?:收到和处理政府信息公开申请情况|复议、行政诉讼情况|存在的主要问题))",
            "2020年，本机关按规定公开。", body)
        # Rows of zeros printed without numbers: the label runs into the next one's.
        yield "crawler-empty-rows", head + sep + re.sub(r"(?<=[\u4e00-\u9fff）)”])0{1,8}(?=[\u4e00-\u9fff（(“])", "",
                                                        body), zero_rows_unexpected


def zeros_blank(truth):
    """The truth of a report whose 0 cells are printed empty."""
    def fix(v):
        return {k: fix(x) for k, x in v.items()} if isinstance(v, dict) else \
            [None if x == 0 else x for x in v] if isinstance(v, list) else v
    return {k: fix(v) if k in ("active_disclosure", "requests", "outcomes", "review_litigation") else v
            for k, v in truth.items()}


def outcome_totals_blank(truth):
    """The truth of a report whose outcome rows (but （七）总计) print no 总计."""
    return {k: {r: x[:-1] + [None] if r != "total" else x for r, x in v.items()} if k == "outcomes" else v
            for k, v in truth.items()}


def zero_rows_unexpected(truth):
    """The truth of a report whose rows of zeros are printed as their label alone."""
    return {k: {r: x for r, x in v.items() if any(y != 0 for y in x)} if isinstance(v, dict) else v
            for k, v in truth.items()}


def html_forms(text):
    yield "traditional", text.translate(S2T)
    yield "radicals", text.translate(RADICALS)
    yield "upper-case-tags", re.sub(r"</?([a-zA-Z][a-zA-Z0-9]*)", lambda m: m.group(0).upper(), text)
    yield "nbsp-around-numbers", re.sub(r">(\d+)<", r">&nbsp;\1&nbsp;<", text)
    yield "numbers-in-spans", re.sub(r">(\d+)<", r'><span style="x"><font face="宋体">\1</font></span><', text)
    yield "comments-in-cells", re.sub(r"</td>", "<!-- c --></td>", text, flags=re.I)
    yield "th-cells", re.sub(r"<(/?)td\b", r"<\1th", text, flags=re.I)
    yield "break-after-tags", text.replace(">", ">\n")
    yield "zero-width", re.sub(r">(\d+)<", r">\1&#8203;<", text)
    # Digits hidden among a cell's (a site poisoning copies of its tables): no text.
    yield "hidden-digits", re.sub(r">(\d+)<", r'><span style="display:none">9</span>\1<i hidden>7</i><', text)
    yield "thousands-separators", re.sub(r">(\d{4,})(?=(\.\d+)?<)", lambda m: f">{int(m.group(1)):,}", text)
    # A word processor's empty column before or after the table's, and cells left unclosed.
    yield "spare-column-before", re.sub(r"(<tr[^>]*>)", r"\1<td>&nbsp;</td>", text, flags=re.I)
    yield "spare-column-after", re.sub(r"(</tr>)", r"<td></td>\1", text, flags=re.I)
    yield "unclosed-cells", re.sub(r"</tr>|</td>", "", text, flags=re.I)
    yield "breaks-in-labels", re.sub(r">([\u4e00-\u9fff（）、]{6,})<",
                                     lambda m: f">{m.group(1)[:len(m.group(1)) // 2]}<br/>{m.group(1)[len(m.group(1)) // 2:]}<", text)
    yield "character-references", re.sub(r">([^<>]*[\u4e00-\u9fff][^<>]*)<", lambda m: ">" + "".join(
        f"&#{ord(c)};" if ord(c) > 127 else c for c in m.group(1)) + "<", text)
    yield "word-paragraphs", re.sub(r"(<td[^>]*>)(.*?)(</td>)", r'\1<p class="MsoNormal" align="center"><span '
                                    r'lang="EN-US" style="font-size:10.5pt">\2</span></p>\3', text, flags=re.I | re.S)
    yield "portal-chrome", ('<html><head><title>政府信息公开</title></head><body><ul><li><a href="/">行政复议</a></li>'
                            "<li><a>政府信息公开年报</a></li><li>主动公开政府信息情况</li></ul>" + text +
                            "<div>版权所有 主办单位</div></body></html>")

    def split(m):
        rows = [r.start() for r in re.finditer(r"<tr\b", m.group(0), re.I)]
        if len(rows) < 6:
            return m.group(0)
        k = rows[len(rows) // 2]
        return m.group(0)[:k] + '</tbody></table><p>&nbsp;</p><table border="1"><tbody>' + m.group(0)[k:]
    yield "blank-zeros", re.sub(r">(\s|&nbsp;)*0(\s|&nbsp;)*<", "><", text), zeros_blank
    yield "tables-split", re.sub(r"<table\b.*?</table>", split, text, flags=re.I | re.S)


def byte_forms(name, text):
    """(form, bytes) for damage below the text: encodings and stray bytes."""
    b = text.encode("utf-8")
    yield "gb18030", text.encode("gb18030")
    # (A text with no line break or stop past its first bytes, a converter's one line, is
    # damaged at its end.)
    i = b.find(b"\n", 200) + 1 or len(b)
    yield "stray-byte", b[:i] + b"\xff" + b[i:]
    j = b.find("。".encode(), 400)
    if j >= 0:
        yield "character-cut", b[:j] + b[j + 1:]
    g = text.encode("gb18030")
    k = g.find(b"\n", 200) + 1 or len(g)
    yield "gb18030-stray-byte", g[:k] + b"\xff" + g[k:]
    if name.endswith(".txt"):
        yield "utf16", b"\xff\xfe" + text.encode("utf-16-le")
        yield "utf16-without-bom", text.encode("utf-16-le")
        yield "utf16be-without-bom", text.encode("utf-16-be")
        # A crawler that took a page without a charset for Latin-1 saved its bytes as that
        # many characters in UTF-8: UTF-8 read as Latin-1, GBK read as Windows-1252 (whose
        # five undefined bytes stay C1 controls, as browsers and encoding_rs read them).
        yield "latin1-mojibake", b.decode("latin-1").encode("utf-8")
        yield "gbk-as-windows-1252", "".join(chr(x) if x in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([x]).decode("cp1252")
                                             for x in g).encode("utf-8")
        # A 繁體 mirror saved as text in Big5 (a character Big5 lacks, as a mirror writes it).
        # (Big5 has no NBSP: a Big5 text has a space where a page had one.)
        yield "big5-traditional", text.translate(S2T).replace("\u00a0", " ").encode("big5", errors="replace")


def is_utf8(raw):
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def build(out, corpora):
    forms = {}
    for corpus in corpora:
        for p in sorted((ROOT / "tests" / "fixtures" / corpus).iterdir()):
            truth = p.with_name(p.stem + ".truth.json")
            if p.suffix not in (".txt", ".html") or not truth.exists():
                continue
            # (The forms' reports in UTF-16 and GBK are damaged as their text, in UTF-8.)
            text = read_fixture(p)
            crawler = p.suffix == ".txt" and "====\n" in text and max(map(len, text.split("\n"))) > 500
            damaged = [(f, t.encode("utf-8"), fix) for f, t, fix in
                       ((*x, None)[:3] for x in (html_forms(text) if p.suffix == ".html"
                                                  else text_forms(p.name, text, crawler)))]
            if p.suffix == ".txt":
                damaged += [(f, b, None) for f, b in byte_forms(p.name, text)]
                if not crawler:
                    cells = "\n".join(c for l in text.split("\n") for c in re.split(r"\t+| {2,}", l.strip()))
                    damaged.append(("cell-per-line", cells.encode("utf-8"), None))
            for form, data, fix in damaged:
                d = out / form / corpus
                d.mkdir(parents=True, exist_ok=True)
                (d / p.name).write_bytes(data)
                if fix:
                    t = fix(json.loads(truth.read_text()))
                    (d / truth.name).write_text(json.dumps(t, ensure_ascii=False, indent=1))
                else:
                    shutil.copy(truth, d / truth.name)
                forms.setdefault(form, []).append((corpus, p))
    # The same reports undamaged, one corpus for each set of them.
    sets = {}
    for form, reports in forms.items():
        key = tuple(sorted((c, p.name) for c, p in reports))
        if key not in sets:
            base = f"undamaged-{len(sets)}"
            sets[key] = base
            for corpus, p in reports:
                d = out / base / corpus
                d.mkdir(parents=True, exist_ok=True)
                shutil.copy(p, d / p.name)
                truth = p.with_name(p.stem + ".truth.json")
                shutil.copy(truth, d / truth.name)
    return {form: (len(reports), sets[tuple(sorted((c, p.name) for c, p in reports))])
            for form, reports in forms.items()}


def read_fixture(p):
    """The text of fixture `p` (the forms' reports in UTF-16 and GBK as their text; one whose
    lines are some UTF-8, some GBK, a line at a time)."""
    raw = p.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    if is_utf8(raw):
        return raw.decode("utf-8-sig")
    def chinese(line):  # a line of Chinese in UTF-8 (GBK bytes almost never are)
        return len(re.findall("[\u4e00-\u9fff]", line.decode("utf-8"))) if is_utf8(line) else 0
    lines = raw.split(b"\n")
    if any(chinese(l) >= 4 for l in lines):
        return "\n".join(l.decode("utf-8") if chinese(l) else l.decode("gb18030") for l in lines)
    return raw.decode("gb18030")


def text_damage(p, text):
    """{form: (text, truth fix or None)} for fixture `p` with text `text` (HTML or not)."""
    if p.suffix == ".html":
        made = html_forms(text)
    else:
        crawler = "====\n" in text and max(map(len, text.split("\n"))) > 500
        made = text_forms(p.name, text, crawler)
    return {f: (t, fix) for f, t, fix in ((*x, None)[:3] for x in made)}


def build_pairs(out, corpora, n, seed):
    """Each report damaged two ways at once, the second on the first's text: `n` pairs of
    forms drawn with `seed` (but the HOSTILE ones), each a corpus `A+B` of its own (truth
    fixes applied in turn; a pair whose second form changes nothing is left out). The
    number of reports written."""
    reports = []
    for corpus in corpora:
        for p in sorted((ROOT / "tests" / "fixtures" / corpus).iterdir()):
            truth = p.with_name(p.stem + ".truth.json")
            if p.suffix in (".txt", ".html") and truth.exists():
                reports.append((corpus, p, read_fixture(p), json.loads(truth.read_text())))
    names = sorted({f for _, p, t, _ in reports for f in text_damage(p, t)} - HOSTILE)
    pairs = [(a, b) for a in names for b in names if a != b]
    random.Random(seed).shuffle(pairs)
    second = {}
    for a, b in pairs[:n]:
        second.setdefault(a, []).append(b)
    written = 0
    for corpus, p, text, truth in reports:
        first = text_damage(p, text)
        for a, bs in second.items():
            if a not in first:
                continue
            ta, fix_a = first[a]
            then = text_damage(p, ta)
            for b in bs:
                if b not in then or then[b][0] == ta:
                    continue
                tb, fix_b = then[b]
                t = fix_a(truth) if fix_a else truth
                t = fix_b(t) if fix_b else t
                d = out / f"{a}+{b}" / corpus
                d.mkdir(parents=True, exist_ok=True)
                (d / p.name).write_bytes(tb.encode("utf-8"))
                (d / (p.stem + ".truth.json")).write_text(json.dumps(t, ensure_ascii=False))
                written += 1
    return written


def silent_errors(corpus, out):
    """{pair: [(report, cells)]}: the reports of `corpus` with cells wrong or missing and no
    warning, read from `out` (ogi's output) with score.py's rules."""
    import duckdb
    sys.path.insert(0, str(SCORE.parent))
    from score import truth_cells, matches
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    docs = dict(con.execute(f"select path, doc_id from '{out / 'documents.parquet'}'").fetchall())
    warned = {r[0] for r in con.execute(f"select distinct doc_id from '{out / 'diagnostics.parquet'}' "
                                        "where severity in ('warning', 'error')").fetchall()}
    cells = {}
    for d, t, r, c, v, st in con.execute(f"select doc_id, \"table\", \"row\", col, value, status "
                                         f"from '{out / 'cells.parquet'}'").fetchall():
        cells.setdefault(d, {})[(t, r, c)] = (v, st)
    found = {}
    for tf in sorted(corpus.rglob("*.truth.json")):
        stem = tf.name[: -len(".truth.json")]
        doc = next(x for x in tf.parent.iterdir() if x.stem == stem and not x.name.endswith(".json"))
        rel = doc.relative_to(corpus).as_posix()
        d = docs.get(rel)
        got = cells.get(d, {})
        bad = sum(not matches(e, *got.get(k, (None, None))) for k, e in truth_cells(json.loads(tf.read_text())).items())
        if bad and d not in warned:
            found.setdefault(rel.split("/")[0], []).append((rel, bad))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ogi", default=str(ROOT / "target" / "release" / "ogi"))
    ap.add_argument("--keep", help="write the damaged corpora and outputs here (kept)")
    ap.add_argument("--check", action="store_true", help="exit 1 on a silent error or a cell lost to damage")
    ap.add_argument("--corpora", default="seeds,real,pingtan",
                    help="the fixture corpora to damage, comma-separated (default: seeds,real,pingtan)")
    ap.add_argument("--pairs", type=int, metavar="N",
                    help="damage each report two ways at once, N pairs of forms drawn at random; only silent "
                         "errors count (two forms may together leave a cell no reader can place)")
    ap.add_argument("--seed", type=int, default=1, help="the draw of --pairs (default 1)")
    args = ap.parse_args()
    tmp = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="ogi-damage-"))
    try:
        if args.pairs:
            written = build_pairs(tmp / "pairs", args.corpora.split(","), args.pairs, args.seed)
            rc = subprocess.run([args.ogi, "run", "--input", str(tmp / "pairs"), "--output", str(tmp / "pairs-out")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            if rc > 1:
                sys.exit(f"pairs: ogi run exited with {rc}")
            found = silent_errors(tmp / "pairs", tmp / "pairs-out")
            print(f"{args.pairs} pairs of forms (seed {args.seed}), {written} reports: "
                  f"{sum(len(v) for v in found.values())} with a silent error")
            for pair, reports in sorted(found.items()):
                for rel, bad in reports:
                    print(f"  SILENT {rel}: {bad} cells")
            if found and args.check:
                sys.exit(1)
            return
        forms = build(tmp / "in", args.corpora.split(","))

        def score(corpus):
            out = tmp / "out" / corpus
            rc = subprocess.run([args.ogi, "run", "--input", str(tmp / "in" / corpus), "--output", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            if rc > 1:
                sys.exit(f"{corpus}: ogi run exited with {rc}")
            scored = subprocess.run([sys.executable, str(SCORE), str(tmp / "in" / corpus), str(out), "--json",
                                     "--show", "0"], capture_output=True, text=True, check=True).stdout
            return json.loads([l for l in scored.splitlines() if l.startswith("{")][-1])

        base = {b: score(b) for b in sorted({b for _, b in forms.values()})}
        failed = []
        print(f"{'form':32} {'reports':>7} {'cells':>6} {'correct':>7} {'wrong':>5} {'missing':>7} "
              f"{'silent':>6} {'undamaged':>9} {'titles':>6}")
        for form in sorted(forms):
            n, b = forms[form]
            s, u = score(form), base[forms[form][1]]
            lost = s["truth_cells"] - s["correct"] - (u["truth_cells"] - u["correct"])
            titles = min(s["agency"], s["year"])
            lost_titles = min(u["agency"], u["year"]) - titles
            flag = ""
            if s["silent"] or form not in HOSTILE and (lost > LOST.get(form, 0)
                                                       or lost_titles > LOST_TITLES.get(form, 0)):
                flag = "  SILENT" if s["silent"] else f"  {lost} cells, {lost_titles} titles lost"
                failed.append(f"{form}: {lost} more cells lost than undamaged (allowed {LOST.get(form, 0)}), "
                              f"{lost_titles} agencies or years (allowed {LOST_TITLES.get(form, 0)}), "
                              f"{s['silent']} silent")
            print(f"{form:32} {n:>7} {s['truth_cells']:>6} {s['correct']:>7} {s['wrong']:>5} {s['missing']:>7} "
                  f"{s['silent']:>6} {u['correct']:>9} {titles:>6}{flag}")
        if failed:
            print("\n".join(["", "forms that lost cells:"] + failed))
            if args.check:
                sys.exit(1)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
