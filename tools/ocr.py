#!/usr/bin/env python3
"""Prints reports as PDFs, scans them and reads them back by OCR, for reading with ogi.

A report published as a scan (printed, stamped, scanned: common among small agencies) is in
a dump as the text an OCR engine read from it. Each report `NAME.html`, `NAME.docx` or
`NAME.pdf` (with its `NAME.truth.json` beside it) is printed as a PDF by LibreOffice (HTML,
Word), its pages rendered at 300 dpi in grey (pdftoppm) and read:

- `tesseract/`: Tesseract (`chi_sim`, `--psm 6`), a page's text as one block;
- `tesseract-pdf-layout/`: Tesseract's PDF with a text layer (a "searchable PDF", as
  scanners and ocrmypdf make them), then `pdftotext -layout`;
- `rapidocr/`: RapidOCR (PaddleOCR's models), each text box a line in its reading order;
- `rapidocr-rows/`: the same boxes set in rows by their height on the page, two spaces
  between boxes.

Each text is written to `OUT/TOOL/NAME.txt` with a copy of its truth file; read and score as
with `tools/convert.py`. Needs (not run by CI): LibreOffice, poppler-utils, Tesseract with
its `chi_sim` data, a CJK font (fonts-wqy-microhei) and `pip install rapidocr_onnxruntime`.

    python3 tools/ocr.py OUT FILE...
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile


def pdf_of(src, tmp):
    if src.endswith(".pdf"):
        return src
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".pdf")


def rows_of(boxes):
    """Boxes (corners, text) set in rows: a box joins the row before when its centre is
    within half its height of that row's first box's."""
    items = []
    for box, text in boxes:
        ys = [p[1] for p in box]
        xs = [p[0] for p in box]
        items.append(((min(ys) + max(ys)) / 2, max(ys) - min(ys), min(xs), text))
    items.sort()
    rows = []
    for it in items:
        if rows and abs(it[0] - rows[-1][0][0]) < 0.5 * it[1]:
            rows[-1].append(it)
        else:
            rows.append([it])
    return ["  ".join(t[3] for t in sorted(r, key=lambda t: t[2])) for r in rows]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, files = sys.argv[1], sys.argv[2:]
    try:
        from rapidocr_onnxruntime import RapidOCR

        rapid = RapidOCR()
    except ImportError:
        rapid = None
        print("rapidocr_onnxruntime not installed: no rapidocr/ texts", file=sys.stderr)
    tools = ["tesseract", "tesseract-pdf-layout"] + (["rapidocr", "rapidocr-rows"] if rapid else [])
    for t in tools:
        os.makedirs(os.path.join(out, t), exist_ok=True)
    for src in files:
        name = os.path.splitext(os.path.basename(src))[0]
        truth = os.path.splitext(src)[0] + ".truth.json"
        with tempfile.TemporaryDirectory() as tmp:
            pdf = pdf_of(src, tmp)
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", pdf, os.path.join(tmp, "p")], check=True)
            pages = sorted(glob.glob(os.path.join(tmp, "p-*.png")))
            texts = {t: [] for t in tools}
            for page in pages:
                r = subprocess.run(
                    ["tesseract", page, "-", "-l", "chi_sim", "--psm", "6"],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                texts["tesseract"].append(r.stdout)
                if rapid:
                    boxes = [(b, t) for b, t, _ in (rapid(page)[0] or [])]
                    texts["rapidocr"].append("".join(t + "\n" for _, t in boxes))
                    texts["rapidocr-rows"].append("".join(r + "\n" for r in rows_of(boxes)))
            listing = os.path.join(tmp, "pages.txt")
            with open(listing, "w") as f:
                f.write("".join(p + "\n" for p in pages))
            searchable = os.path.join(tmp, "searchable")
            subprocess.run(
                ["tesseract", listing, searchable, "-l", "chi_sim", "pdf"],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            r = subprocess.run(
                ["pdftotext", "-layout", searchable + ".pdf", "-"], capture_output=True, text=True, check=True
            )
            texts["tesseract-pdf-layout"].append(r.stdout)
        for t in tools:
            with open(os.path.join(out, t, name + ".txt"), "w", encoding="utf-8") as f:
                f.write("".join(texts[t]))
            if os.path.exists(truth):
                shutil.copy(truth, os.path.join(out, t, name + ".truth.json"))
        print(name, flush=True)


if __name__ == "__main__":
    main()
