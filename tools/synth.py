#!/usr/bin/env python3
"""Synthetic 政府信息公开工作年度报告 with their truth files.

Renders reports from numbers that satisfy the template's identities, in the forms real
dumps hold: tab-separated text, PDF text (columns aligned with spaces, wrapped labels,
page breaks), HTML pages (rowspan/colspan, GBK meta charset, site chrome), crawler dumps
(the body on one line, cells run together), markdown and box-drawing tables, full-width
digits, and the encodings of DATASET.md. Deterministic: the same arguments give the same
bytes.

    python3 tools/synth.py fixtures tests/fixtures/forms   # the golden-test fixtures
    python3 tools/synth.py dump N DIR [--seed S] [--truth] [--jobs J] # N reports in nested folders
    python3 tools/synth.py zeros-blank N DIR [--all]   # N pages that leave their zeros empty

Only the standard library; no network.
"""
import json
import random
import sys
import zlib
from pathlib import Path

APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_agency", "other_org", "total"]
APPLICANT_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

# Active disclosure: (key, label, group heading, columns)
ACTIVE = {
    "2019": [
        ("rules", "规章", "第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        ("normative_documents", "规范性文件", "第二十条第（一）项", None),
        ("administrative_licensing", "行政许可", "第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"]),
        ("other_management_services", "其他对外管理服务事项", "第二十条第（五）项", None),
        ("administrative_penalty", "行政处罚", "第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"]),
        ("administrative_coercion", "行政强制", "第二十条第（六）项", None),
        ("administrative_fees", "行政事业性收费", "第二十条第（八）项", ["上一年项目数量", "本年增/减"]),
        ("centralized_procurement", "政府集中采购", "第二十条第（九）项", ["采购项目数量", "采购总金额"]),
    ],
    "2021": [
        ("rules", "规章", "第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"]),
        ("normative_documents", "行政规范性文件", "第二十条第（一）项", None),
        ("administrative_licensing", "行政许可", "第二十条第（五）项", ["本年处理决定数量"]),
        ("administrative_penalty", "行政处罚", "第二十条第（六）项", ["本年处理决定数量"]),
        ("administrative_coercion", "行政强制", "第二十条第（六）项", None),
        ("administrative_fees", "行政事业性收费", "第二十条第（八）项", ["本年收费金额（单位：万元）"]),
    ],
}

# Applications rows: (key, group label or None, row label)
OUTCOMES_COMMON = [
    ("granted", None, "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("withheld.prohibited_by_law", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("withheld.three_securities_one_stability", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("withheld.third_party_rights", "（三）不予公开", "4.保护第三方合法权益"),
    ("withheld.internal_affairs", "（三）不予公开", "5.属于三类内部事务信息"),
    ("withheld.process_information", "（三）不予公开", "6.属于四类过程性信息"),
    ("withheld.law_enforcement_file", "（三）不予公开", "7.属于行政执法案卷"),
    ("withheld.administrative_query", "（三）不予公开", "8.属于行政查询事项"),
    ("unable.not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable.unclear_after_correction", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("not_processed.petition_complaint", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed.duplicate", "（五）不予处理", "2.重复申请"),
    ("not_processed.publication_request", "（五）不予处理", "3.要求提供公开出版物"),
    ("not_processed.excessive_repeated", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("not_processed.confirmation_request", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
]
OTHER = {
    "2019": [("other", None, "（六）其他处理")],
    "2021": [
        ("other.no_correction", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other.unpaid_fee", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other.other", "（六）其他处理", "3.其他"),
    ],
}
PROCEEDINGS = ["administrative_review", "litigation_direct", "litigation_after_review"]
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

FULL = str.maketrans("0123456789.,-+", "０１２３４５６７８９．，－＋")


def outcome_rows(template):
    return OUTCOMES_COMMON + OTHER[template]


# ---------------------------------------------------------------- numbers


def make_numbers(rng, template, scale=1.0):
    """Tables whose numbers satisfy every identity of DATASET.md."""
    act = {}
    for key, _, _, _ in ACTIVE[template]:
        if template == "2019":
            if key in ("rules", "normative_documents"):
                made = rng.choice([0, 0, rng.randint(1, 9), rng.randint(5, 120)])
                act[key] = [made, made, made + rng.randint(0, 400)]
            elif key == "administrative_fees":
                prev = rng.randint(0, 40)
                act[key] = [prev, rng.choice([0, 0, -min(prev, rng.randint(1, 3)), rng.randint(1, 4)])]
            elif key == "centralized_procurement":
                n = rng.randint(0, 60)
                act[key] = [n, round(n * rng.uniform(3, 90), 4) if n else 0]
            else:
                prev = rng.choice([0, rng.randint(1, 30), rng.randint(30, 500)])
                change = rng.choice([0, 0, rng.randint(1, 12), -min(prev, rng.randint(1, 12))])
                act[key] = [prev, change, rng.choice([0, rng.randint(1, 80), rng.randint(100, 9000)])]
        else:
            if key in ("rules", "normative_documents"):
                issued = rng.choice([0, 0, rng.randint(1, 9), rng.randint(5, 90)])
                act[key] = [issued, rng.randint(0, 6), issued + rng.randint(0, 500)]
            elif key == "administrative_fees":
                act[key] = [rng.choice([0, round(rng.uniform(1, 90000), rng.choice([2, 4, 6]))])]
            else:
                act[key] = [rng.choice([0, rng.randint(1, 50), rng.randint(100, 30000)])]
    rows = outcome_rows(template)
    weights = {"natural_person": 1.0, "commercial_enterprise": 0.25, "research_institution": 0.03,
               "social_welfare_org": 0.03, "legal_service_agency": 0.1, "other_org": 0.08}
    cols = {}
    for c in APPLICANTS[:6]:
        w = weights[c] * scale
        col = {}
        for key, _, _ in rows:
            base = {"granted": 30, "partially_granted": 6, "unable.not_held": 12,
                    "not_processed.duplicate": 3, "not_processed.petition_complaint": 4}.get(key, 1)
            lam = base * w
            col[key] = 0 if rng.random() > min(0.95, lam) and lam < 1 else int(rng.expovariate(1 / max(lam, 0.3)))
        total = sum(col.values())
        carried_over = rng.choice([0, 0, rng.randint(0, 5)]) if total else 0
        carried_forward = rng.choice([0, 0, rng.randint(0, 6)])
        carried_over = min(carried_over, total + carried_forward)
        col["total"] = total
        col["carried_over"] = carried_over
        col["carried_forward"] = carried_forward
        col["new_received"] = total + carried_forward - carried_over
        cols[c] = col
    keys = ["new_received", "carried_over"] + [k for k, _, _ in rows] + ["total", "carried_forward"]
    apps = {}
    for k in keys:
        vals = [cols[c][k] for c in APPLICANTS[:6]]
        apps[k] = vals + [sum(vals)]
    review = []
    for _ in PROCEEDINGS:
        parts = [rng.choice([0, 0, 0, rng.randint(1, 6)]) for _ in range(4)]
        review += parts + [sum(parts)]
    return {"active": act, "apps": apps, "review": review}


def truth(agency, year, template, nums, blank_totals=(), zeros_blank=False):
    """The truth file: what the report prints."""
    req = {}
    out = {}
    for k, v in nums["apps"].items():
        v = list(v)
        if k in blank_totals:
            v[6] = None
        if zeros_blank:
            # ("all": the 总计's zeros too.)
            v = [None if x == 0 and (i < 6 or zeros_blank == "all") else x for i, x in enumerate(v)]
        (req if k in ("new_received", "carried_over", "carried_forward") else out)[k] = v
    act = {}
    for k, v in nums["active"].items():
        if k == "centralized_procurement":
            v = [v[0], v[1]]
        act[k] = v
    return {"agency": agency, "year": year, "template": template, "active_disclosure": act,
            "requests": req, "outcomes": out, "review_litigation": nums["review"]}


# ---------------------------------------------------------------- text pieces


def cn_year(y):
    d = "〇一二三四五六七八九"
    return "".join(d[int(c)] for c in str(y))


def fmt(v, style):
    """A number as the report prints it."""
    if v is None:
        return ""
    if isinstance(v, float) and not v.is_integer():
        s = f"{v:.6f}".rstrip("0").rstrip(".")
    else:
        s = str(int(v))
    if style.get("thousands") and abs(float(v)) >= 1000:
        head, _, tail = s.partition(".")
        sign = "-" if head.startswith("-") else ""
        head = head.lstrip("-")
        groups = []
        while len(head) > 3:
            groups.insert(0, head[-3:])
            head = head[:-3]
        groups.insert(0, head)
        s = sign + ",".join(groups) + ("." + tail if tail else "")
    if style.get("full"):
        s = s.translate(FULL)
    return s


def signed(v, style):
    s = fmt(v, style)
    if style.get("signs") and isinstance(v, int) and v > 0:
        s = ("＋" if style.get("full") else "+") + s
    return s


def prose_overview(rng, agency, year, nums):
    n_active = rng.randint(200, 3000)
    new = nums["apps"]["new_received"][6]
    return [
        "一、总体情况",
        f"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》"
        f"（国务院令第711号），围绕中心工作，持续深化政务公开。",
        f"（一）主动公开。全年通过门户网站主动公开政府信息{n_active}条，其中政策文件{rng.randint(10, 90)}条，"
        f"政策解读{rng.randint(5, 40)}篇，发布新闻动态{rng.randint(50, 600)}条；于{year}年{rng.randint(1, 12)}月"
        f"{rng.randint(1, 28)}日更新政府信息公开指南。",
        f"（二）依申请公开。全年共受理政府信息公开申请{new}件，同比增长{rng.randint(1, 40)}%，均在法定期限内答复，"
        f"其中当面申请{rng.randint(0, 9)}件，网上申请{rng.randint(0, 50)}件。",
        f"（三）政府信息管理。开展公开属性审查{rng.randint(20, 400)}次，清理过期文件{rng.randint(1, 30)}件，"
        "召开专题会议3次，举办培训2期，参训人员150余人次。",
        f"（四）平台建设。政府网站全年访问量{rng.randint(100000, 900000)}人次，政务新媒体发布信息{rng.randint(100, 900)}条，"
        f"政府公报刊发{rng.randint(4, 24)}期。",
        "（五）监督保障。将政务公开纳入绩效考核，分值占比4%，全年开展督查2次。",
    ]


def prose_end(rng, agency, year, sec5="五", sec6="六"):
    return [
        f"{sec5}、存在的主要问题及改进情况",
        f"{year}年，{agency}政府信息公开工作虽取得一定成效，但仍存在公开内容不够全面、解读形式较为单一等问题。"
        f"{year + 1}年，我们将加强培训，每季度开展1次自查，不断提升公开质量。",
        f"{sec6}、其他需要报告的事项",
        f"本年度未收取信息处理费。{year}年共办理人大代表建议{rng.randint(1, 30)}件、政协提案{rng.randint(1, 30)}件，"
        "均已按要求公开答复全文。",
    ]


def signature(agency, year, rng):
    return ["", agency, f"{year + 1}年1月{rng.randint(10, 31)}日"]


# ---------------------------------------------------------------- logical tables


class Row:
    """One table row: label parts (group first) and value strings."""

    def __init__(self, labels, values, header=False, group_span=None):
        self.labels = labels
        self.values = values
        self.header = header
        self.group_span = group_span  # rows the first label spans (HTML rowspan)


def active_blocks(template, nums, style):
    """Groups of (heading, header row, rows) of the active-disclosure table."""
    blocks = []
    for key, label, group, cols in ACTIVE[template]:
        if cols is not None:
            blocks.append([group, ["信息内容"] + cols, []])
        v = nums["active"][key]
        if key == "centralized_procurement":
            amount = style.get("amount_raw") or (fmt(v[1], style) + "万元")
            vals = [fmt(v[0], style), amount]
        elif template == "2019" and key != "rules" and key != "normative_documents":
            vals = [fmt(v[0], style), signed(v[1], style)] + [fmt(x, style) for x in v[2:]]
        else:
            vals = [fmt(x, style) for x in v]
        blocks[-1][2].append(Row([label], vals))
    return blocks


def app_rows(template, nums, style, blank_totals=()):
    """Header rows and data rows of the applications table."""
    subtotal = style.get("subtotal")
    orgs = APPLICANT_LABELS[1:6]
    head = [Row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], [], header=True),
            Row(["自然人", "法人或其他组织"] + ([] if subtotal else []) + ["总计"], [], header=True),
            Row(orgs + (["小计"] if subtotal else []), [], header=True)]

    def vals(k):
        v = list(nums["apps"][k])
        out = [fmt(x, style) for x in v]
        if k in blank_totals:
            out[6] = ""
        if style.get("zeros_blank"):
            # Only the 总计 column's zeros printed ("all": none, the 小计's neither).
            every = style["zeros_blank"] == "all"
            out = ["" if x == 0 and (i < 6 or every) else o for i, (x, o) in enumerate(zip(v, out))]
        if subtotal:
            orgs = sum(v[1:6])
            out.insert(6, "" if orgs == 0 and style.get("zeros_blank") == "all" else fmt(orgs, style))
        return out

    rows = [Row(["一、本年新收政府信息公开申请数量"], vals("new_received")),
            Row(["二、上年结转政府信息公开申请数量"], vals("carried_over"))]
    outcome = outcome_rows(template)
    first = True
    last_group = None
    for k, group, label in outcome:
        labels = []
        if first:
            labels.append("三、本年度办理结果")
            first = False
        if group and group != last_group:
            labels.append(group)
        labels.append(label)
        last_group = group
        rows.append(Row(labels, vals(k)))
    rows.append(Row(["（七）总计"], vals("total")))
    rows.append(Row(["四、结转下年度继续办理"], vals("carried_forward")))
    return head, rows


def review_rows(nums, style):
    head = [Row(["行政复议", "行政诉讼"], [], header=True),
            Row(RESULTS + ["未经复议直接起诉", "复议后起诉"], [], header=True),
            Row(RESULTS + RESULTS, [], header=True)]
    return head, [Row([], [fmt(x, style) for x in nums["review"]])]


def headings(template, style):
    h = style.get("headings", {})
    return (h.get("active", "二、主动公开政府信息情况"),
            h.get("apps", "三、收到和处理政府信息公开申请情况"),
            h.get("review", "四、政府信息公开行政复议、行政诉讼情况"))


# ---------------------------------------------------------------- renderers


def label_style(s, style):
    """Labels as some reports print them: full-width numbering (１．), spaced words."""
    if style.get("full"):
        s = s.translate(FULL)
    if style.get("numbering") and len(s) > 2 and s[0].isdigit() and s[1] == ".":
        s = s[0] + style["numbering"] + s[2:]
    if style.get("spaced") and len(s) <= 4 and s.isalpha():
        s = " ".join(s)
    return s


def render_grid(template, nums, style, sep, rule=None, frame=None, blank_totals=()):
    """Text tables whose cells are separated by `sep` (tab, bar)."""
    lines = []
    def emit(cells, n_values=0):
        cut = len(cells) - n_values
        cells = [label_style(c, style) for c in cells[:cut]] + cells[cut:]
        text = sep.join(cells)
        if frame:
            text = frame[0] + text + frame[1]
        lines.append(text)

    h_active, h_apps, h_review = headings(template, style)
    lines.append(h_active)
    for group, header, rows in active_blocks(template, nums, style):
        emit([group])
        emit(header)
        if rule:
            lines.append(rule(len(header)))
        for r in rows:
            emit(r.labels + r.values, len(r.values))
    lines.append(h_apps)
    head, rows = app_rows(template, nums, style, blank_totals)
    for r in head:
        emit(r.labels)
    if rule:
        lines.append(rule(9))
    for r in rows:
        emit(r.labels + r.values, len(r.values))
    lines.append(h_review)
    head, rows = review_rows(nums, style)
    for r in head:
        emit(r.labels)
    if rule:
        lines.append(rule(15))
    for r in rows:
        emit(r.values, len(r.values))
    return lines


def width(s):
    return sum(2 if ord(c) > 0x2e80 else 1 for c in s)


def pad(s, w):
    return s + " " * max(0, w - width(s))


def wrap(s, w):
    out = []
    cur = ""
    for c in s:
        if width(cur + c) > w:
            out.append(cur)
            cur = ""
        cur += c
    if cur:
        out.append(cur)
    return out


def render_pdf(template, nums, style, rng, page_breaks):
    """Text extracted from a PDF: columns aligned with spaces, long labels wrapped onto the
    next line, page-break lines inside the tables."""
    lines = []
    label_w = 36
    page = [2]

    def page_break():
        n = page[0]
        lines.append("")
        lines.append(page_breaks[n % len(page_breaks)].format(n=n, total=6))
        lines.append("\f")
        page[0] += 1

    def row(labels, values):
        label = "".join(labels)
        parts = wrap(label, label_w)
        cells = "   ".join(f"{v:>6}" if v else "      " for v in values)
        lines.append(pad(parts[0], label_w) + "   " + cells)
        for p in parts[1:]:
            lines.append(p)

    h_active, h_apps, h_review = headings(template, style)
    lines.append(h_active)
    for group, header, rows in active_blocks(template, nums, style):
        lines.append(group)
        lines.append("    ".join(header))
        for r in rows:
            row(r.labels, r.values)
    page_break()
    lines.append(h_apps)
    lines.append("（本列数据的勾稽关系为：第一项加第二项之和，")
    lines.append("等于第三项加第四项之和）                申请人情况")
    lines.append("                                        自然人    法人或其他组织                                    总计")
    lines.append("                                                  商业企业  科研机构  社会公益组织  法律服务机构  其他")
    _, rows = app_rows(template, nums, style)
    for i, r in enumerate(rows):
        row(r.labels, r.values)
        if i == 12:
            page_break()
    lines.append(h_review)
    lines.append("行政复议                                  行政诉讼")
    lines.append("结果  结果  其他  尚未  总计    未经复议直接起诉                    复议后起诉")
    lines.append("维持  纠正  结果  审结          结果维持 结果纠正 其他结果 尚未审结 总计  结果维持 结果纠正 其他结果 尚未审结 总计")
    lines.append("  ".join(f"{v:>4}" for v in review_rows(nums, style)[1][0].values))
    return lines


def html_table(rows_html):
    return '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n' + \
        "\n".join(rows_html) + "\n</table>"


def td(text, rowspan=1, colspan=1, tag="td", nested=True):
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if text == "":
        inner = "&nbsp;"
    elif nested:
        inner = f'<p style="text-align:center"><span style="font-family:仿宋_GB2312;font-size:14px">{text}</span></p>'
    else:
        inner = text
    return f'<{tag} valign="center"{attrs}>{inner}</{tag}>'


def render_html_tables(template, nums, style, blank_totals):
    """The three tables as real HTML tables with merged cells."""
    out = []
    h_active, h_apps, h_review = headings(template, style)
    out.append(f"<p><strong>{h_active}</strong></p>")
    rows = []
    for group, header, block in active_blocks(template, nums, style):
        rows.append("<tr>" + td(group, colspan=4 if template == "2019" else max(len(header), 2)) + "</tr>")
        rows.append("<tr>" + "".join(td(h) for h in header) + "</tr>")
        for r in block:
            rows.append("<tr>" + td(r.labels[0]) + "".join(td(v) for v in r.values) + "</tr>")
    out.append(html_table(rows))
    out.append(f"<p><strong>{h_apps}</strong></p>")
    subtotal = style.get("subtotal")
    orgn = 6 if subtotal else 5
    rows = [
        "<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3)
        + td("申请人情况", colspan=orgn + 2) + "</tr>",
        "<tr>" + td("自然人", rowspan=2) + td("法人或其他组织", colspan=orgn) + td("总计", rowspan=2) + "</tr>",
        "<tr>" + "".join(td(x, tag="th") for x in APPLICANT_LABELS[1:6] + (["小计"] if subtotal else [])) + "</tr>",
    ]
    _, data = app_rows(template, nums, style, blank_totals)
    outcome = outcome_rows(template)
    group_sizes = {}
    for _, g, _ in outcome:
        if g:
            group_sizes[g] = group_sizes.get(g, 0) + 1
    for r in data:
        cells = []
        labels = r.labels
        if labels[0].startswith("三、"):
            cells.append(td(labels[0], rowspan=len(outcome)))
            labels = labels[1:]
        if len(labels) == 2:
            cells.append(td(labels[0], rowspan=group_sizes[labels[0]]))
            cells.append(td(labels[1]))
        elif r.labels[0].startswith(("一、", "二、", "四、", "（七）")):
            cells.append(td(labels[0], colspan=3))
        elif len(labels) == 1 and any(labels[0] == lab for _, g, lab in outcome if g is None):
            cells.append(td(labels[0], colspan=2))
        else:
            cells.append(td(labels[0]))
        cells += [td(v) for v in r.values]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    out.append(html_table(rows))
    out.append(f"<p><strong>{h_review}</strong></p>")
    rows = [
        "<tr>" + td("行政复议", colspan=5) + td("行政诉讼", colspan=10) + "</tr>",
        "<tr>" + "".join(td(x, rowspan=2) for x in RESULTS) + td("未经复议直接起诉", colspan=5)
        + td("复议后起诉", colspan=5) + "</tr>",
        "<tr>" + "".join(td(x) for x in RESULTS + RESULTS) + "</tr>",
        "<tr>" + "".join(td(fmt(v, style)) for v in nums["review"]) + "</tr>",
    ]
    out.append(html_table(rows))
    return out


def table_cells(table_html):
    """The rows of an HTML table as the texts of their cells (white space collapsed), a
    merged cell once, in its first row and column."""
    from html.parser import HTMLParser

    class Table(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.rows, self.row, self.cell = [], None, None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.row = []
            elif tag in ("td", "th"):
                self.cell = []

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.row.append(" ".join("".join(self.cell).split()))
                self.cell = None
            elif tag == "tr":
                self.rows.append(self.row)

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    t = Table()
    t.feed(table_html)
    return t.rows


def heading_text(part):
    """The text of a heading paragraph `render_html_tables` writes (`<p><strong>…`)."""
    return part[len("<p><strong>"):-len("</strong></p>")] if part.startswith("<p><strong>") else part


def tables_as_trafilatura(parts, paragraphs):
    """HTML tables put into text as trafilatura writes them: each cell's text, then ` | `;
    a row padded to the table's widest with `|` at its end; with `paragraphs`, a cell's
    paragraph ends its line (the next cell stands behind the bar at the next line's start,
    an empty cell without one stays a bar on its line); white space collapsed, empty lines
    dropped."""
    out = []
    for part in parts:
        if not part.startswith("<table"):
            out.append(heading_text(part))
            continue
        rows = [[c + ("\n" if paragraphs and c else "") + " | " for c in r] for r in table_cells(part)]
        width = max(len(r) for r in rows)
        text = "\n".join("".join(r) + "|" * (width - len(r)) for r in rows)
        out += [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    return out


def tables_as_html2text(parts):
    """HTML tables put into text as html2text writes them: a bar right after each cell but
    a row's last and a space after it (`规章| 0| 6| 301`), an empty cell a space, merged
    cells not spread (rows a cell short), `---|---` under a table's first row, two spaces
    after each row."""
    out = []
    for part in parts:
        if not part.startswith("<table"):
            out += ["", "**" + heading_text(part) + "**", ""]
            continue
        for k, row in enumerate(table_cells(part)):
            out.append("| ".join(c or " " for c in row) + "  ")
            if k == 0:
                out.append("|".join(["---"] * len(row)) + "  ")
    return out


def render_glued(template, nums, style):
    """A crawler dump's body: every cell run together."""
    parts = []
    h_active, h_apps, h_review = headings(template, style)
    parts.append(h_active)
    for group, header, rows in active_blocks(template, nums, style):
        parts.append(group + "".join(header))
        for r in rows:
            parts.append("".join(r.labels) + "".join(r.values))
    parts.append(h_apps)
    head, rows = app_rows(template, nums, style)
    parts.append("".join("".join(r.labels) for r in head))
    for r in rows:
        parts.append("".join(r.labels) + "".join(r.values))
    parts.append(h_review)
    head, rows = review_rows(nums, style)
    parts.append("".join("".join(r.labels) for r in head))
    parts.append(" ".join(rows[0].values) + " ")
    return "".join(parts)


# ---------------------------------------------------------------- documents


def document(rng, agency, year, template, nums, form, style, blank_totals=()):
    """One report: (text, truth)."""
    title = style.get("title") or f"{agency}{year}年政府信息公开工作年度报告"
    head = list(style.get("chrome", [])) + [title]
    if style.get("agency_line"):
        head = list(style.get("chrome", [])) + [agency, title]
    intro = [f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。"
             f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{agency}办公室联系（电话：0591-{rng.randint(10000000, 99999999)}）。"]
    overview = prose_overview(rng, agency, year, nums)
    end = prose_end(rng, agency, year, *style.get("end_sections", ("五", "六")))
    sig = signature(agency, year, rng)
    if form in ("tabs", "markdown", "box", "pdf", "bars", "bars-one-a-line", "tab-cells"):
        if form == "tabs":
            tables = render_grid(template, nums, style, "\t", blank_totals=blank_totals)
        elif form == "markdown":
            tables = render_grid(template, nums, style, " | ", frame=("| ", " |"),
                                 rule=lambda n: "|" + "---|" * n, blank_totals=blank_totals)
        elif form == "bars":
            # A page's tables put into text with a bar after each cell, none before a row.
            tables = render_grid(template, nums, style, " | ", frame=("", " |"), blank_totals=blank_totals)
        elif form == "bars-one-a-line":
            # The same, one cell a line (cells that held paragraphs).
            tables = render_grid(template, nums, style, " |\n", frame=("", " |"), blank_totals=blank_totals)
        elif form == "tab-cells":
            # A word processor's table put into text a cell a line, each behind a tab, an
            # empty line after each row: an empty cell is a line of its tab alone.
            tables = render_grid(template, nums, style, "\n\t", frame=("\t", "\n"), blank_totals=blank_totals)
        elif form == "box":
            tables = render_grid(template, nums, style, "│", frame=("│", "│"),
                                 rule=lambda n: "├" + "┼".join(["────"] * n) + "┤", blank_totals=blank_totals)
        else:
            tables = render_pdf(template, nums, style, rng, style.get("page_breaks", ["— {n} —"]))
        lines = head + [""] + intro + [""] + overview + [""] + tables + [""] + end + sig
        text = "\n".join(lines) + "\n"
    elif form == "glued":
        meta = [f"标题: {title}", f"发布时间: {year + 1}-01-{rng.randint(10, 28)} 09:{rng.randint(10, 59)}",
                f"原文链接: http://www.example.gov.cn/zwgk/ndbg/{year + 1}01/t{year + 1}01{rng.randint(10, 28)}_{rng.randint(100000, 999999)}.htm",
                "来源: 政府办公室", "栏目: 政府信息公开年报", "字号: 大 中 小", "浏览次数: " + str(rng.randint(100, 9999)), ""]
        body = "".join(intro) + "".join(overview) + render_glued(template, nums, style) + "".join(end)
        text = "\n".join(meta) + "\n" + title + "\n" + body + "\n" + "\n".join(sig) + "\n"
    elif form in ("trafilatura", "trafilatura-rows"):
        # A page put into text by trafilatura, its cells' paragraphs ending their lines, or
        # (rows) cells without paragraphs.
        tables = tables_as_trafilatura(render_html_tables(template, nums, style, blank_totals),
                                       form == "trafilatura")
        lines = head + intro + overview + tables + end + [p for p in sig if p]
        text = "\n".join(lines) + "\n"
    elif form == "html2text":
        tables = tables_as_html2text(render_html_tables(template, nums, style, blank_totals))
        lines = ["# " + title, ""] + [x for p in intro + overview for x in (p, "")] + tables \
            + [""] + [x for p in end + sig if p for x in (p, "")]
        text = "\n".join(lines) + "\n"
    elif form == "html-in-text":
        # A PDF converter's Markdown: paragraphs a line each, headings behind #, and each
        # table as HTML on one line (merged cells need it).
        tables = []
        for part in render_html_tables(template, nums, style, blank_totals):
            if part.startswith("<p><strong>"):
                tables.append("## " + heading_text(part))
            else:
                tables.append(part.replace("\n", ""))
        lines = ["# " + title] + intro + overview + tables + end + [p for p in sig if p]
        text = "\n\n".join(lines) + "\n"
    elif form == "html" or form == "html-after-header":
        charset = style.get("charset", "utf-8")
        meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
                if style.get("content_type") else f'<meta charset="{charset}">')
        chrome = ('<div class="header"><a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; 年度报告</div>\n'
                  f'<div class="nav"><ul><li>机构职能</li><li>政策文件</li><li>2020年以前</li></ul></div>\n'
                  f'<div class="info">发布时间：{year + 1}-01-{rng.randint(10, 28)}　来源：{agency}　浏览次数：{rng.randint(100, 9999)}</div>\n')
        body = [f'<h1 class="title">{title}</h1>'] + [f"<p>{p}</p>" for p in intro + overview]
        body += render_html_tables(template, nums, style, blank_totals)
        body += [f"<p>{p}</p>" for p in end + sig if p]
        footer = ('<div class="footer"><p>主办单位：' + agency + '　网站标识码：3501000001　'
                  f'闽ICP备{rng.randint(10000000, 99999999)}号</p><p>技术支持电话：0591-87654321　访问量：{rng.randint(100000, 999999)}</p></div>'
                  '<script>var _hmt = _hmt || []; document.write("<table><tr><td>1</td></tr></table>");</script>')
        content = '<div class="content">\n' + "\n".join(body) + "\n</div>\n"
        if style.get("layout_table"):
            # Older portals lay the page out in a table: the report sits in one of its cells.
            content = ('<table width="100%" border="0"><tr><td width="200" valign="top">'
                       '<a href="/zwgk/">信息公开目录</a><br><a href="/zwgk/nb/">年度报告</a></td>\n'
                       '<td valign="top">' + content + "</td></tr></table>\n")
        text = ("<!DOCTYPE html>\n<html><head>" + meta + f"<title>{title}</title>"
                "<style>td{border:1px solid #000}</style></head>\n<body>\n" + chrome
                + content + footer + "\n</body></html>\n")
        if form == "html-after-header":
            # A crawler that saved the page under a header of its own, as text.
            text = "\n".join([f"标题: {title}", f"发布时间: {year + 1}-01-{rng.randint(10, 28)}",
                              f"原文链接: http://www.example.gov.cn/zwgk/ndbg/{rng.randint(100000, 999999)}.htm",
                              "=" * 20 + " 正文 " + "=" * 20, text])
    else:
        raise ValueError(form)
    return text, truth(agency, year, template, nums, blank_totals, style.get("zeros_blank", False))


def encode(text, encoding, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


# One fixture per form of issue 3: (name, agency, year, template, form, style, encoding, crlf, blank totals)
FIXTURES = [
    ("t2021_tabs_utf8bom_crlf.txt", "某某县教育局", 2022, "2021", "tabs",
     {}, "utf-8-bom", True, ()),
    ("html_gbk_merged_cells.html", "某某市生态环境局", 2019, "2019", "html",
     {"charset": "gbk"}, "gbk", False, ("granted", "partially_granted", "unable.not_held")),
    ("html_content_type_subtotal.htm", "某某区人民政府办公室", 2021, "2021", "html",
     {"charset": "gb2312", "content_type": True, "subtotal": True}, "gb18030", False, ()),
    ("html_layout_table_2021.html", "某某县农业农村局", 2023, "2021", "html",
     {"layout_table": True}, "utf-8", False, ("granted",)),
    ("pdf_text_2021.txt", "某某市人民政府", 2023, "2021", "pdf",
     {"page_breaks": ["— {n} —", "第 {n} 页 共 {total} 页", "- {n} -"]}, "utf-8", False, ()),
    ("pdf_text_2019_signed.txt", "某某市市场监督管理局", 2020, "2019", "pdf",
     {"signs": True, "page_breaks": ["第{n}页，共{total}页"]}, "utf-8", False, ()),
    ("crawler_2021.txt", "某某新区管理委员会", 2021, "2021", "glued",
     {}, "utf-8", False, ()),
    ("markdown_pipes.txt", "某某县卫生健康局", 2020, "2019", "markdown",
     {"numbering": "、"}, "utf-8", False, ()),
    ("box_drawing_utf16le.txt", "某某县司法局", 2022, "2021", "box",
     {}, "utf-16le", True, ()),
    ("fullwidth_gbk_cn_year.txt", "某某市自然资源和规划局", 2020, "2019", "tabs",
     {"full": True, "thousands": True, "agency_line": True, "spaced": True,
      "title": "关于二〇二〇年度政府信息公开工作的报告",
      "chrome": ["当前位置：首页 > 政务公开 > 年度报告", "发布时间：2021-01-28  来源：市自然资源和规划局", "阅读次数：1024"]},
     "gbk", True, ()),
    ("departures_utf16be.txt", "某某县人力资源和社会保障局", 2020, "2021", "tabs",
     {"subtotal": True, "headings": {"active": "三、主动公开政府信息情况",
                                    "apps": "四、收到和处理政府信息公开申请情况",
                                    "review": "五、因政府信息公开工作被申请行政法复议、提起行政诉讼情况"},
      "end_sections": ("六", "七")},
     "utf-16be", False, ()),
    ("old_form_in_2021.txt", "某某镇人民政府", 2021, "2019", "tabs",
     {"thousands": True, "title": "某某镇人民政府2021年度政府信息公开工作年度报告"}, "utf-8", False, ()),
    ("bars_blank_totals.txt", "某某区司法局", 2020, "2019", "bars",
     {}, "utf-8", False, ("granted", "partially_granted", "withheld.third_party_rights", "unable.not_held")),
    ("bars_one_a_line_2021.txt", "某某县财政局", 2022, "2021", "bars-one-a-line",
     {}, "utf-8", False, ("granted", "unable.not_held", "not_processed.duplicate")),
    ("bars_zeros_blank_2021.txt", "某某市地方志办公室", 2023, "2021", "bars",
     {"zeros_blank": True}, "utf-8", False, ()),
    ("tab_cells_blank_totals.txt", "某某县住房和城乡建设局", 2020, "2019", "tab-cells",
     {}, "utf-8", False, ("granted", "partially_granted", "unable.not_held", "total")),
    ("tab_cells_zeros_blank_2021.txt", "某某区退役军人事务局", 2024, "2021", "tab-cells",
     {"zeros_blank": True}, "gbk", True, ()),
    ("tabs_subtotal_blank_totals.txt", "某某县应急管理局", 2021, "2021", "tabs",
     {"subtotal": True}, "utf-8", False, ("new_received", "granted", "carried_forward")),
    ("bars_one_a_line_subtotal_spaced.txt", "某某市医疗保障局", 2020, "2019", "bars-one-a-line",
     {"subtotal": True, "spaced": True}, "utf-8", False, ("partially_granted", "total")),
    ("html_in_markdown_2021.txt", "某某市统计局", 2023, "2021", "html-in-text",
     {}, "utf-8", False, ("granted", "unable.not_held")),
    ("html_after_crawler_header.txt", "某某县水利局", 2020, "2019", "html-after-header",
     {"charset": "gbk"}, "gbk", True, ()),
    ("trafilatura_cells_2019.txt", "某某县市场监督管理局", 2020, "2019", "trafilatura",
     {}, "utf-8", False, ("granted", "partially_granted", "total")),
    ("trafilatura_rows_subtotal_2021.txt", "某某区城市管理局", 2022, "2021", "trafilatura-rows",
     {"subtotal": True}, "utf-8", False, ("new_received", "unable.not_held")),
    ("html2text_blank_totals_2019.txt", "某某县自然资源局", 2019, "2019", "html2text",
     {}, "utf-8", False, ("granted", "withheld.third_party_rights", "carried_forward")),
    ("crawler_subtotal_2019.txt", "某某县教育局", 2020, "2019", "glued",
     {"subtotal": True}, "utf-8", False, ()),
    ("crawler_subtotal_2021.txt", "某某市人力资源和社会保障局", 2023, "2021", "glued",
     {"subtotal": True}, "gbk", False, ()),
    ("trafilatura_rows_zeros_blank_2019.txt", "某某县文化和旅游局", 2020, "2019", "trafilatura-rows",
     {"zeros_blank": True}, "utf-8", False, ()),
    ("html_blank_totals_2021.html", "某某县城市管理局", 2022, "2021", "html",
     {}, "utf-8", False, ("withheld.state_secret", "withheld.process_information", "not_processed.duplicate", "other.other")),
    ("html_subtotal_columns_2021.html", "某某区商务局", 2023, "2021", "html",
     {"subtotal": True}, "utf-8", False, ()),
    # A large agency's numbers (thousands of applications) run together.
    ("crawler_big_city_2021.txt", "某某市人民政府", 2024, "2021", "glued",
     {"scale": 30}, "utf-8", False, ()),
]


def write_fixtures(out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for i, (name, agency, year, template, form, style, enc, crlf, blanks) in enumerate(FIXTURES):
        rng = random.Random(zlib.crc32(name.encode()))  # by name: adding a fixture changes no other
        nums = make_numbers(rng, template, scale=style.get("scale", 1.0 + i % 3))
        text, t = document(rng, agency, year, template, nums, form, style, blanks)
        (out / name).write_bytes(encode(text, enc, crlf))
        stem = name.rsplit(".", 1)[0]
        (out / f"{stem}.truth.json").write_text(json.dumps(t, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{out / name}")


AGENCIES = ["人民政府", "人民政府办公室", "教育局", "公安局", "财政局", "自然资源局", "生态环境局", "住房和城乡建设局",
            "交通运输局", "农业农村局", "商务局", "卫生健康委员会", "市场监督管理局", "司法局", "民政局", "文化和旅游局"]
PLACES = ["福州市", "厦门市", "泉州市", "漳州市", "莆田市", "南平市", "三明市", "龙岩市", "宁德市", "平潭县",
          "闽侯县", "长乐区", "晋江市", "石狮市", "南安市", "惠安县", "安溪县", "永春县", "德化县", "同安区"]
# Town names for distinct agencies: two of these and 镇, 乡 or 街道 (6,075 names).
TOWNS = "东西南北中上下新安和平兴华丰泰康宁福寿长乐永德龙凤山水林田湖桥江河溪洋坑头尾塘石岭云峰金玉"
FORMS = [("tabs", "utf-8", False), ("pdf", "utf-8", False), ("html", "gbk", False), ("tabs", "gbk", True),
         ("markdown", "utf-8", False), ("box", "utf-16le", True), ("tabs", "utf-8-bom", True), ("glued", "utf-8", False)]


def write_dump(n, out_dir, seed=1, with_truth=False, jobs=1):
    """N reports in a tree of nested folders (year/place/NN); with_truth writes each
    report's NAME.truth.json beside it (for scoring, not for the benchmark). Each report
    depends only on its number and the seed, so `jobs` processes give the same bytes."""
    if jobs > 1:
        import multiprocessing
        with multiprocessing.Pool(jobs) as pool:
            step = 1000
            pool.starmap(write_reports, [(range(a, min(a + step, n)), out_dir, seed, with_truth)
                                         for a in range(0, n, step)])
        return
    write_reports(range(n), out_dir, seed, with_truth)


def write_reports(numbers, out_dir, seed, with_truth):
    out = Path(out_dir)
    for i in numbers:
        # Every 50th report is another copy of the report before it (a mirror or a
        # corrected re-publication: the same agency and year); otherwise every agency name
        # is distinct, as in a national dump (~150,000 agencies a year).
        k = i - 1 if i % 50 == 49 else i
        year = 2019 + random.Random(seed * 1_000_003 + k).randint(0, 6)
        rng = random.Random(seed * 1_000_003 + i)
        template = "2019" if year <= 2020 else "2021"
        place = PLACES[k % len(PLACES)]
        town = k // (len(PLACES) * len(AGENCIES))
        town = TOWNS[town % len(TOWNS)] + TOWNS[town // len(TOWNS) % len(TOWNS)] + ("镇", "乡", "街道")[town // len(TOWNS) ** 2 % 3]
        agency = place + town + AGENCIES[k // len(PLACES) % len(AGENCIES)]
        form, enc, crlf = FORMS[i % len(FORMS)]
        style = {"charset": "gbk"} if form == "html" else {}
        nums = make_numbers(rng, template, scale=rng.choice([0.3, 1, 3]))
        text, t = document(rng, agency, year, template, nums, form, style)
        ext = "html" if form == "html" else "txt"
        d = out / str(year) / place / f"{i % 97:02d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{i:07d}.{ext}").write_bytes(encode(text, enc, crlf))
        if with_truth:
            (d / f"{i:07d}.truth.json").write_text(json.dumps(t, ensure_ascii=False), encoding="utf-8")


def write_zeros_blank(n, out_dir, every=False):
    """N pages of reports that leave their zeros empty (every=True: the 总计's and 小计's
    too), a third with a 小计 column, both templates, with their truth: put into text by
    tools/pdf.py and tools/convert.py they are the texts that keep no empty cells."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        rng = random.Random(7000 + i)
        year = 2019 + i % 7
        template = "2019" if year <= 2020 else "2021"
        agency = PLACES[i % len(PLACES)] + AGENCIES[i % len(AGENCIES)]
        nums = make_numbers(rng, template, scale=rng.choice([0.3, 1, 3]))
        style = {"zeros_blank": "all" if every else True}
        if i % 3 == 1:
            style["subtotal"] = True
        text, t = document(rng, agency, year, template, nums, "html", style)
        (out / f"{i:03d}.html").write_text(text, encoding="utf-8")
        (out / f"{i:03d}.truth.json").write_text(json.dumps(t, ensure_ascii=False), encoding="utf-8")


def main(argv):
    if len(argv) >= 2 and argv[0] == "fixtures":
        write_fixtures(argv[1])
    elif len(argv) >= 3 and argv[0] == "zeros-blank":
        write_zeros_blank(int(argv[1]), argv[2], "--all" in argv)
    elif len(argv) >= 3 and argv[0] == "dump":
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
        jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 1
        write_dump(int(argv[1]), argv[2], seed, "--truth" in argv, jobs)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
