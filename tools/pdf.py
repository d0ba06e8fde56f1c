#!/usr/bin/env python3
"""Prints HTML reports as PDFs and extracts their text as PDF tools do, for reading with ogi.

Each report `NAME.html` (with its `NAME.truth.json` beside it) is laid out as `OUT/NAME.pdf`
with reportlab (its paragraphs, and its tables with their merged cells and grid lines, in
the Adobe CJK font STSong-Light), and its text extracted to `OUT/TOOL/NAME.txt` with a copy
of its truth file: pdfplumber (plain and `layout=True`, and its pages joined with nothing
between them), PyMuPDF (plain and sorted), pdfminer, pymupdf4llm (Markdown) and, where
installed, pypdfium2 (its pages a line apart, and joined with nothing between them). Then
read and score as with `tools/convert.py`. Needs (not run by CI):

    pip install reportlab pdfplumber pymupdf pymupdf4llm pypdfium2

    python3 tools/pdf.py OUT FILE.html...

Tables nested in a layout table's cell are printed as that cell's text.
"""

import sys, re, os, shutil
from html.parser import HTMLParser
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.lib import colors

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
P = ParagraphStyle("p", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
C = ParagraphStyle(
    "c", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK", alignment=1
)


class H(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.items = []
        s.buf = []
        s.depth = 0
        s.rows = None
        s.row = None
        s.cell = None
        s.skip = 0

    def flush(s):
        t = " ".join("".join(s.buf).split())
        if t:
            s.items.append(("p", t))
        s.buf = []

    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag in ("script", "style", "title"):
            s.skip += 1
            return
        if tag == "table":
            s.depth += 1
            if s.depth == 1:
                s.flush()
                s.rows = []
            return
        if s.depth == 1 and tag == "tr":
            s.row = []
            return
        if s.depth == 1 and tag in ("td", "th"):
            s.cell = ([], int(a.get("rowspan") or 1), int(a.get("colspan") or 1))
            return
        if s.depth == 0 and tag in ("p", "div", "br", "h1", "h2", "h3", "li"):
            s.flush()

    def handle_endtag(s, tag):
        if tag in ("script", "style", "title"):
            s.skip -= 1
            return
        if s.depth == 1 and tag in ("td", "th") and s.cell:
            s.row.append((" ".join("".join(s.cell[0]).split()), s.cell[1], s.cell[2]))
            s.cell = None
            return
        if s.depth == 1 and tag == "tr" and s.row is not None:
            s.rows.append(s.row)
            s.row = None
            return
        if tag == "table" and s.depth:
            s.depth -= 1
            if s.depth == 0:
                s.items.append(("t", s.rows))
            return
        if s.depth == 0 and tag in ("p", "div", "h1", "h2", "h3", "li"):
            s.flush()

    def handle_data(s, d):
        if s.skip:
            return
        if s.cell is not None:
            s.cell[0].append(d)
        elif s.depth == 0:
            s.buf.append(d)


def table(rows):
    grid = {}
    spans = []
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while (r, c) in grid:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = ""
            grid[(r, c)] = text
            if rs > 1 or cs > 1:
                spans.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
            c += cs
    w = max(c for _, c in grid) + 1
    h = len(rows)
    data = [
        [Paragraph(grid.get((r, c), ""), C) if grid.get((r, c)) else "" for c in range(w)]
        for r in range(h)
    ]
    total = 480
    # The applications table: three label columns and the values; the review table's
    # fifteen, and the others, evenly.
    if 10 <= w < 15:
        widths = [40, 40, 110] + [(total - 190) / (w - 3)] * (w - 3)
    else:
        widths = [total / w] * w
    t = Table(data, colWidths=widths, repeatRows=0)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
            ]
            + spans
        )
    )
    return t


def build(html, out):
    h = H()
    h.feed(html)
    h.flush()
    story = []
    for kind, x in h.items:
        if kind == "p":
            story.append(Paragraph(x.replace("&", "&amp;").replace("<", "&lt;"), P))
        else:
            story.append(table(x))
            story.append(Spacer(1, 8))
    SimpleDocTemplate(out, pagesize=A4, leftMargin=50, rightMargin=50).build(story)


def read(path):
    raw = open(path, "rb").read()
    m = re.search(rb'charset=["\']?([-\w]+)', raw[:4000])
    try:
        t = raw.decode(m.group(1).decode() if m else "utf-8")
    except Exception:
        t = raw.decode("gb18030", errors="replace")
    return t.replace('\\"', '"')


def extract(pdf):
    import pdfplumber
    import pymupdf as fitz
    from pdfminer.high_level import extract_text

    out = {}
    with pdfplumber.open(pdf) as d:
        out["plumber"] = "\n".join((p.extract_text() or "") for p in d.pages)
        out["plumber-layout"] = "\n".join((p.extract_text(layout=True) or "") for p in d.pages)
        # The pages' texts joined with nothing between them (`"".join(...)`, a common
        # recipe): a page's last line runs into the next page's first.
        out["plumber-joined"] = "".join((p.extract_text() or "") for p in d.pages)
    doc = fitz.open(pdf)
    out["pymupdf"] = "".join(p.get_text() for p in doc)
    out["pymupdf-sort"] = "".join(p.get_text(sort=True) for p in doc)
    out["pdfminer"] = extract_text(pdf)
    # PDFium's text (pypdfium2, as LangChain's PyPDFium2Loader reads it), each page's lines
    # apart by CRLF and no line end after its last: a page a line apart, and joined with
    # nothing between them.
    try:
        import pypdfium2

        d = pypdfium2.PdfDocument(pdf)
        pages = [d[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(d))]
        out["pdfium"] = "\n".join(pages)
        out["pdfium-joined"] = "".join(pages)
    except ImportError:
        pass
    # Markdown for language models: tables as pipe tables, a cell's line breaks as <br>.
    import pymupdf4llm
    out["pymupdf4llm"] = pymupdf4llm.to_markdown(pdf, show_progress=False)
    return out


outdir = sys.argv[1]
for f in sys.argv[2:]:
    b = os.path.splitext(os.path.basename(f))[0]
    pdf = os.path.join(outdir, b + ".pdf")
    os.makedirs(outdir, exist_ok=True)
    html = read(f)
    build(html, pdf)
    for tool, text in extract(pdf).items():
        d = os.path.join(outdir, tool)
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, b + ".txt"), "w").write(text)
        shutil.copy(os.path.splitext(f)[0] + ".truth.json", os.path.join(d, b + ".truth.json"))
