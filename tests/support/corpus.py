"""The labelled set of example replies (tests/coding/corpus): texts, hand-coded rows, and their documents.

Each reply is a ``.txt`` written for this project; ``expected.json`` holds its
hand-coded rows ({proposal id: [stance, how it is referred to]}), the proposal
list it answers and the format it is read in. DOCX files are built with
python-docx (blank lines part paragraphs, ``| a | b`` lines make a table, a
``\\f`` line breaks the page); PDFs are those DOCX files printed by LibreOffice.
"""
from __future__ import annotations

import json
from pathlib import Path

from support.replydocs import docx_bytes, to_pdf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "coding" / "corpus"


def expected() -> dict:
    return json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def proposal_lists() -> dict:
    """The three proposal lists the replies answer: the demo's plan and SOU, and a made-up Ds."""
    from coding.proposals import lists_from_frame, lists_from_json
    from loaders.load import load_path

    demo = lists_from_frame(load_path(ROOT / "data" / "demo.xlsx").data.proposals)
    plan = next(pl for c, pl in demo.items() if c.startswith("Förslag till nationell plan"))
    sou = next(pl for c, pl in demo.items() if c.startswith("SOU 2024:72"))
    (ext,) = lists_from_json(json.loads((CORPUS / "ext_proposals.json").read_text(encoding="utf-8"))).values()
    return {"plan": plan, "sou": sou, "ext": ext}


def text_of(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def reply_docx(text: str) -> bytes:
    paragraphs, table, breaks = [], [], set()
    for line in text.splitlines():
        s = line.strip()
        if s == "\\f":
            breaks.add(len(paragraphs))
        elif s.startswith("| "):
            table.append([c.strip() for c in s[2:].split(" | ")])
        elif s:
            paragraphs.append(s)
    width = max((len(r) for r in table), default=0)
    table = [r + [""] * (width - len(r)) for r in table]
    if not table:
        return docx_bytes(paragraphs, page_break_before=breaks)
    # Paragraphs before the table, the table, then the signature after it.
    lines = text.splitlines()
    first = next(i for i, ln in enumerate(lines) if ln.strip().startswith("| "))
    before = sum(1 for ln in lines[:first] if ln.strip() and ln.strip() != "\\f")
    return _docx_with_table(paragraphs[:before], table, paragraphs[before:])


def _docx_with_table(before: list[str], table: list[list[str]], after: list[str]) -> bytes:
    import io

    import docx

    d = docx.Document()
    for p in before:
        d.add_paragraph(p)
    t = d.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, cell in enumerate(row):
            t.cell(r, c).text = cell
    for p in after:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def build(out: Path) -> dict[str, Path]:
    """Write every reply in its format under ``out``; PDFs in one LibreOffice call."""
    out.mkdir(parents=True, exist_ok=True)
    paths, to_print = {}, []
    for name, case in expected().items():
        text = text_of(name)
        if case["format"] == "txt":
            p = out / f"{name}.txt"
            p.write_text(text.replace("\\f\n", ""), encoding="utf-8")
        else:
            p = out / f"{name}.docx"
            p.write_bytes(reply_docx(text))
            if case["format"] == "pdf":
                to_print.append(p)
        paths[name] = p
    if to_print:
        for src, pdf in zip(to_print, to_pdf(to_print, out / "pdf"), strict=True):
            paths[src.stem] = pdf
    return paths
