"""Reply documents are read in the capped child process: a zip bomb is refused with the limit named, per document.

The default limits refuse the bomb on its compression ratio before any parser runs (the upload container
check); with that check widened, the child's memory cap stops the parse instead. Either way the other
documents are still read, and a normal PDF or DOCX gives the same suggestions as an uncapped read.
"""
from __future__ import annotations

import functools

import pytest

from coding.batch import read_capped, read_many, rows
from coding.proposals import lists_from_frame
from documents.model import DocumentError
from documents.read import read_document
from loaders.guard import Limits
from loaders.load import load_path
from support import corpus
from support.replydocs import to_pdf
from support.zipbomb import bomb_docx

BOMB_MB = 200  # unpacks to 200 MB from ~0.2 MB


@pytest.fixture(scope="module")
def bomb():
    return bomb_docx(BOMB_MB)


@pytest.fixture(scope="module")
def lists():
    return lists_from_frame(load_path(corpus.ROOT / "data" / "demo.xlsx").data.proposals)


def _reply(name: str) -> bytes:
    return corpus.reply_docx(corpus.text_of(name))


def test_bomb_is_refused_by_the_ratio_limit_and_the_others_read(bomb, lists):
    readings, failures = read_many([("bomb.docx", bomb), ("r21.docx", _reply("r21"))], lists)
    assert [f.document for f in failures] == ["bomb.docx"]
    err = failures[0].error
    assert err.key == "coding.doc.zip_ratio" and err.fmt["limit"] == 200 and err.fmt["ratio"] > 900
    assert err.message("sv").startswith(f"bomb.docx: delen word/document.xml packas upp till {err.fmt['ratio']} "
                                        "gånger sin storlek; gränsen är 200 gånger.")
    assert "the limit is 200 times" in err.message("en")
    assert [(r["proposal_id"], r["stance"]) for r in rows(readings)] == [
        ("7.3.1", "agree"), ("7.3.2", "disagree"), ("7.3.3", "agree")]


def test_bomb_past_the_ratio_check_hits_the_memory_cap(bomb, lists, monkeypatch):
    monkeypatch.setenv("REMISSKOLLEN_ZIP_RATIO", "1000000")  # the child reads the parent's settings
    reader = functools.partial(read_capped, limits=Limits(memory_mb=128, seconds=120))
    readings, failures = read_many([("r09.txt", corpus.text_of("r09").encode()), ("bomb.docx", bomb)], lists,
                                   reader=reader)
    assert [f.document for f in failures] == ["bomb.docx"]
    assert failures[0].error.key == "coding.doc.limit_memory"
    assert failures[0].error.message("sv").startswith(
        "bomb.docx: dokumentet lästes inte: det behövde mer än 128 MB minne, som är gränsen för att läsa ett dokument.")
    assert "needed more than 128 MB of memory, the limit for reading one document" in failures[0].error.message("en")
    assert [r.document for r in readings] == ["r09.txt"] and len(readings[0].suggestions) == 2


def test_time_limit_is_named(monkeypatch):
    with pytest.raises(DocumentError) as caught:
        read_capped(b"x" * 10, "seg.txt", Limits(memory_mb=512, seconds=0.001))
    assert caught.value.message("sv") == (
        "seg.txt: dokumentet lästes inte: läsningen tog mer än 0.001 s, som är gränsen för att läsa ett "
        "dokument. De andra dokumenten läses ändå.")


def test_refusals_inside_the_child_keep_their_words():
    with pytest.raises(DocumentError) as caught:
        read_capped(b"%PDF-1.7 nothing more", "trasig.pdf")
    assert caught.value.key == "coding.doc.damaged"
    assert caught.value.message("en").startswith("trasig.pdf: the file is damaged")


def test_normal_pdf_and_docx_are_suggested_as_before(lists, tmp_path):
    src = tmp_path / "r07.txt"
    src.write_text(corpus.text_of("r07").replace("\\f\n", ""), encoding="utf-8")
    pdf = to_pdf([src], tmp_path / "pdf")[0].read_bytes()
    files = [("r07.pdf", pdf), ("s04.docx", _reply("s04"))]
    capped, failures = read_many(files, lists)
    direct, _ = read_many(files, lists, reader=read_document)
    assert not failures
    assert rows(capped) == rows(direct)
    got = {(r["document"], r["proposal_id"]): r["stance"] for r in rows(capped)}
    assert got[("r07.pdf", "6.1.6")] == "disagree" and len([k for k in got if k[0] == "r07.pdf"]) == 25
    assert {k[1] for k in got if k[0] == "s04.docx"} == {"9.3", "10.3"}
