#!/usr/bin/env python3
"""Puts HTML reports into text the way common converters do, for reading with ogi.

Each report `NAME.html` (with its `NAME.truth.json` beside it) is written as
`OUT/TOOL/NAME.txt` with a copy of its truth file, for every converter: trafilatura (text,
Markdown, and both with its metadata front matter), html2text, markdownify, inscriptis,
BeautifulSoup's `get_text` (a line break between strings, a tab, a bar, and none), pandas (each
table read by `read_html` and printed by `to_string` and `to_markdown`), Pandoc (plain text,
its Markdown, GitHub's Markdown), the extraction of stored report pages (a bar after each
cell, on its line or the next, or rows framed by bars, on a line or a cell's paragraph a
line; a paragraph a cell, an empty one of a
space), the text browsers' dumps (`w3m -dump`, `lynx -dump`)
where they are installed, and, where python-docx's family is installed, the page made a
Word document by Pandoc and put into text as dumps of reports published as `.docx` hold
them: docx2txt (textract's reader), mammoth (raw text, Markdown), docx2python, python-docx
(a row's cells apart by tabs, in the document's order, and the paragraphs first with the
tables after them, the commonest recipe); where MarkItDown is installed, its Markdown of the
page and of the Word document; where
LibreOffice is installed, the page made a Word 97 document by LibreOffice and put into text
by LibreOffice itself and by antiword and catdoc (where installed). Then

    cargo run --release -- run --input OUT/TOOL --output OUT-TOOL
    python3 ../shared/tools/score.py OUT/TOOL OUT-TOOL

Needs the converters (not the standard library; not run by CI):

    pip install trafilatura html2text markdownify inscriptis beautifulsoup4 lxml lxml_html_clean \
        pypandoc_binary pandas tabulate
    apt-get install w3m lynx   # optional: their dumps are left out without them
    pip install docx2txt mammoth docx2python python-docx   # optional: the Word document's texts
    pip install 'markitdown[docx]'   # optional: MarkItDown's Markdown
    apt-get install libreoffice-writer-nogui antiword catdoc   # optional: the Word 97 document's

    python3 tools/convert.py OUT FILE.html...
"""
import os
import re
import shutil
import subprocess
import sys


def read(path):
    raw = open(path, "rb").read()
    m = re.search(rb"charset=[\"']?([-\w]+)", raw[:4000])
    try:
        text = raw.decode(m.group(1).decode() if m else "utf-8")
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("gb18030", errors="replace")
    # Pages stored inside a JavaScript string (real/013.html) keep their quotes escaped.
    return text.replace('\\"', '"')


def converters():
    import html2text
    import inscriptis
    import markdownify
    import pypandoc
    import trafilatura
    from bs4 import BeautifulSoup

    def pandoc(fmt):
        return lambda h: pypandoc.convert_text(h, fmt, format="html", extra_args=["--wrap=none"])

    def traf(fmt, meta):
        return lambda h: trafilatura.extract(h, include_tables=True, favor_recall=True,
                                             output_format=fmt, with_metadata=meta) or ""

    def browser(cmd):
        # The page as UTF-8, its declared charset too (both browsers follow a <meta charset>
        # over what they are told).
        def dump(h):
            h = re.sub(r"""charset=["']?[-\w]+""", "charset=utf-8", h)
            run = subprocess.run(cmd, input=h.encode("utf-8"), capture_output=True, check=True)
            return run.stdout.decode("utf-8", errors="replace")
        return dump

    browsers = {
        "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "120"],
        "lynx": ["lynx", "-dump", "-stdin", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8",
                 "-width=120"],
    }
    return {
        **{name: browser(cmd) for name, cmd in browsers.items() if shutil.which(cmd[0])},
        **word_converters(),
        "trafilatura": traf("txt", False),
        "trafilatura-markdown": traf("markdown", False),
        "trafilatura-metadata": traf("txt", True),
        "html2text": html2text.html2text,
        "markdownify": markdownify.markdownify,
        "inscriptis": inscriptis.get_text,
        "get-text-lines": lambda h: BeautifulSoup(h, "lxml").get_text("\n", strip=True),
        "get-text": lambda h: BeautifulSoup(h, "lxml").get_text(),
        "get-text-tabs": lambda h: BeautifulSoup(h, "lxml").get_text("\t"),
        "get-text-bars": lambda h: BeautifulSoup(h, "lxml").get_text("|", strip=True),
        "pandas-string": lambda h: pandas_text(h, "string"),
        "pandas-markdown": lambda h: pandas_text(h, "markdown"),
        "pandoc-plain": pandoc("plain"),
        "pandoc-markdown": pandoc("markdown"),
        "pandoc-gfm": pandoc("gfm"),
        "bars-after-cells": lambda h: bars_text(h, below=False),
        "bars-below-cells": lambda h: bars_text(h, below=True),
        "bars-framed-rows": lambda h: bars_text(h, below=False, framed=True),
        "bars-open-rows": bars_open_text,
        "paragraphs-spaces": paragraphs_text,
        **markitdown_converters(),
    }


def markitdown_converters():
    """The page put into Markdown by Microsoft's MarkItDown (its own markdownify, tables in
    GitHub's form), as a page and as the Word document Pandoc makes of it (MarkItDown reads
    a `.docx` with mammoth), where MarkItDown is installed."""
    import importlib.util
    import io
    import tempfile

    if not importlib.util.find_spec("markitdown"):
        return {}
    import pypandoc
    from markitdown import MarkItDown, StreamInfo

    md = MarkItDown()

    def page(h):
        info = StreamInfo(extension=".html", mimetype="text/html", charset="utf-8")
        return md.convert_stream(io.BytesIO(h.encode("utf-8")), stream_info=info).markdown

    def docx(h):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "page.docx")
            pypandoc.convert_text(h, "docx", format="html", outputfile=path)
            return md.convert(path).markdown

    return {"markitdown": page, "markitdown-docx": docx}


def pandas_text(page, how):
    """The page's text with each table as pandas reads it (`read_html`) and prints it:
    `to_string` (no index, no header) or `to_markdown` (no index), an empty cell `NaN` or
    `nan`, a merged cell's text in each place it spans."""
    import io

    import pandas as pd

    def table(t):
        from lxml import html as lh

        df = pd.read_html(io.StringIO(lh.tostring(t, encoding="unicode")))[0]
        text = df.to_string(index=False, header=False) if how == "string" else df.to_markdown(index=False)
        return text.split("\n")

    return "\n".join(page_blocks(page, table)) + "\n"


def page_blocks(page, table):
    """The page's text blocks in order, each `<table>` given to `table(element)`, which
    returns its lines."""
    from lxml import html as lh

    doc = lh.fromstring(page)
    for bad in doc.xpath("//script|//style|//head"):
        bad.getparent().remove(bad)
    out = []

    def walk(e):
        if not isinstance(e.tag, str):
            return
        if e.tag == "table":
            out.extend(table(e))
            return
        if e.text and e.text.strip():
            out.append(e.text.strip())
        for c in e:
            walk(c)
            if c.tail and c.tail.strip():
                out.append(c.tail.strip())
    walk(doc)
    return out


def cell_text(td):
    return " ".join(td.text_content().replace("\xa0", " ").split())


def paragraphs_text(page):
    """The page's text a paragraph a block, each table cell a paragraph, an empty line
    between; an empty cell (`&nbsp;`) a paragraph of a space, as the store of report pages
    whose text is NFKC holds it."""
    cells = lambda t: [cell_text(td) or " " for td in t.xpath(".//td|.//th")]
    return "\n\n".join(page_blocks(page, cells)) + "\n"


def bars_text(page, below, framed=False):
    """The page's text as the extractions of stored report pages hold it: a bar after each
    cell, on the cell's line (`821 |`) or, where the cell's text sat in a paragraph, on the
    next line (`821` / `|`); an empty cell a bar alone; after a row, a bar for each column
    its merged cells span past their first (`||`), the padding to the table's width. Or
    (`framed`) a row a line framed by bars, its padding run together after it
    (`| 行政许可 | 1300 | ||`)."""
    def cell(td):
        text = cell_text(td)
        return (text + ("\n|" if below else " |")) if text else "|"

    def table(t):
        out = []
        for tr in t.xpath(".//tr"):
            tds = tr.xpath("./td|./th")
            pad = sum(int(td.get("colspan") or 1) - 1 for td in tds)
            if framed:
                texts = [cell_text(td) for td in tds]
                out.append("| " + " | ".join(texts) + " |" + (" " + "|" * pad if pad else ""))
                continue
            out.extend(cell(td) for td in tds)
            if pad:
                out.append("|" * pad)
        return out
    return "\n".join(page_blocks(page, table)) + "\n"


def bars_open_text(page):
    """The page's text as the extractions of stored report pages hold tables whose cells
    each hold a paragraph: a row opens with a bar alone on its line (`| `), each cell's
    paragraphs stand on lines of their own, the last with the cell's bar after it
    (` 规章  | `), an empty cell is a bar run together with the one before it (`| ||`), and
    the row's padding to the table's width bars after its last cell."""
    def cell(td):
        paras = [cell_text(p) for p in td.xpath(".//p")] or [cell_text(td)]
        paras = [p for p in paras if p]
        return "".join("\n " + p for p in paras) + "  | " if paras else "|"

    def table(t):
        out = []
        for tr in t.xpath(".//tr"):
            tds = tr.xpath("./td|./th")
            pad = sum(int(td.get("colspan") or 1) - 1 for td in tds)
            out.extend(("| " + "".join(cell(td) for td in tds) + "|" * pad).split("\n"))
        return out
    return "\n".join(page_blocks(page, table)) + "\n"


def word_converters():
    """The page as a Word document (Pandoc's), put into text by the readers of `.docx`
    files that are installed."""
    import importlib.util
    import tempfile

    import pypandoc

    def via_docx(read_docx):
        def convert(h):
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "page.docx")
                pypandoc.convert_text(h, "docx", format="html", outputfile=path)
                return read_docx(path)
        return convert

    readers = {}
    if importlib.util.find_spec("docx2txt"):
        import docx2txt
        readers["docx2txt"] = docx2txt.process
    if importlib.util.find_spec("mammoth"):
        import mammoth

        def mammoth_with(fn):
            def read_docx(path):
                with open(path, "rb") as f:
                    return fn(f).value
            return read_docx
        readers["mammoth-raw"] = mammoth_with(mammoth.extract_raw_text)
        readers["mammoth-markdown"] = mammoth_with(mammoth.convert_to_markdown)
    if importlib.util.find_spec("docx2python"):
        from docx2python import docx2python
        readers["docx2python"] = lambda path: docx2python(path).text
    if importlib.util.find_spec("docx"):
        import docx

        def rows(table):
            # `row.cells` gives a merged cell in each place it spans; a table in a cell
            # (a page's layout table) is read after its row.
            for row in table.rows:
                yield "\t".join(c.text for c in row.cells)
                for c in row.cells:
                    for inner in c.tables:
                        yield from rows(inner)

        def in_order(path):
            d = docx.Document(path)
            out = []
            for block in d.iter_inner_content():
                if isinstance(block, docx.table.Table):
                    out.extend(rows(block))
                else:
                    out.append(block.text)
            return "\n".join(out)

        def tables_last(path):
            # The commonest recipe: the paragraphs, then every table.
            d = docx.Document(path)
            out = [p.text for p in d.paragraphs]
            for t in d.tables:
                out.extend(rows(t))
            return "\n".join(out)
        readers["python-docx"] = in_order
        readers["python-docx-tables-last"] = tables_last
    converters = {name: via_docx(read_docx) for name, read_docx in readers.items()}
    if shutil.which("soffice"):
        def via_doc(read_doc):
            def convert(h):
                # The page's charset is UTF-8 here, whatever it declared.
                h = re.sub(r"""charset=["']?[-\w]+""", "charset=utf-8", h)
                with tempfile.TemporaryDirectory() as d:
                    page = os.path.join(d, "page.html")
                    with open(page, "w", encoding="utf-8") as f:
                        f.write(h)
                    subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)",
                                    "--convert-to", "doc:MS Word 97", "--outdir", d, page],
                                   capture_output=True, check=True)
                    return read_doc(os.path.join(d, "page.doc"), d)
            return convert

        def libreoffice_text(doc, d):
            subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                            "--outdir", os.path.join(d, "txt"), doc], capture_output=True, check=True)
            with open(os.path.join(d, "txt", "page.txt"), encoding="utf-8-sig") as f:
                return f.read()
        converters["libreoffice-doc-text"] = via_doc(libreoffice_text)
        if shutil.which("antiword"):
            converters["antiword"] = via_doc(lambda doc, d: subprocess.run(
                ["antiword", "-m", "UTF-8.txt", doc], capture_output=True, check=True).stdout.decode("utf-8"))
        if shutil.which("catdoc"):
            converters["catdoc"] = via_doc(lambda doc, d: subprocess.run(
                ["catdoc", "-d", "utf-8", doc], capture_output=True, check=True).stdout.decode("utf-8"))
    return converters


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    out, files = argv[0], argv[1:]
    tools = converters()
    for f in files:
        page = read(f)
        name = os.path.splitext(os.path.basename(f))[0]
        truth = os.path.splitext(f)[0] + ".truth.json"
        for tool, convert in tools.items():
            d = os.path.join(out, tool)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, name + ".txt"), "w", encoding="utf-8") as w:
                w.write(convert(page))
            if os.path.exists(truth):
                shutil.copy(truth, os.path.join(d, name + ".truth.json"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
