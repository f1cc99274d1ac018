"""``cli.py suggest``: JSON rows, a coded sheet that ``check`` accepts, and clear messages for bad input."""
from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl

import cli
from loaders.load import load_path
from support import corpus

DEMO = str(Path(__file__).resolve().parents[2] / "data" / "demo.xlsx")


def _reply(tmp_path, name: str) -> str:
    p = tmp_path / f"{name}.txt"
    p.write_text(corpus.text_of(name).replace("\\f\n", ""), encoding="utf-8")
    return str(p)


def test_json_rows(tmp_path, capsys):
    assert cli.main(["suggest", _reply(tmp_path, "r21"), "--proposals", DEMO]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["proposal_id"], r["stance"]) for r in out] == [("7.3.1", "agree"), ("7.3.2", "disagree"),
                                                             ("7.3.3", "agree")]
    assert set(out[0]) == {"document", "respondent", "respondent_type", "proposal_id", "stance", "confidence",
                           "evidence", "page"}
    assert out[1]["document"] == "r21.txt" and out[1]["respondent"] == "Lunnebo högskola"
    assert out[1]["respondent_type"] == "Lärosäte" and out[1]["page"] == 1
    assert out[1]["evidence"].startswith("Högskolan tillstyrker förslag 7.3.1 men avstyrker förslag 7.3.2")


def test_xlsx_is_a_coded_sheet_check_accepts(tmp_path, capsys):
    out = tmp_path / "forslag.xlsx"
    docs = [_reply(tmp_path, n) for n in ("r07", "s04", "r13")]
    assert cli.main(["suggest", *docs, "--proposals", DEMO, "--format", "xlsx", "--out", str(out)]) == 0
    assert "27 föreslagna rader från 3 dokument" in capsys.readouterr().err
    assert cli.main(["check", str(out), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] and payload["rows"] == 27 and payload["respondents"] == 2
    rows = load_path(out).data.responses
    r = rows[(rows["respondent"] == "Sjöstads kommun") & (rows["proposal_id"] == "6.1.6")].iloc[0]
    assert r["stance"] == "disagree" and r["source"] == "r07.txt, s. 1"
    assert str(r["comment"]).startswith("Förslag 6.1.6 om minskat beroende av inhyrd personal kan")
    assert set(rows.loc[rows["respondent"] == "Storfors stad", "proposal_id"]) == {"9.3", "10.3"}
    ws = openpyxl.load_workbook(out)["Svar"]
    assert [c.value for c in ws[1]][:7] == ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande",
                                           "Kommentar", "Källa"]


def test_unreadable_document_is_named_and_the_rest_read(tmp_path, capsys):
    bad = tmp_path / "trasig.pdf"
    bad.write_bytes(b"%PDF-1.7 nothing more")
    assert cli.main(["suggest", str(bad), _reply(tmp_path, "r09"), "--proposals", DEMO, "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "trasig.pdf: the file is damaged and could not be read." in captured.err
    assert len(json.loads(captured.out)) == 2


def test_proposal_file_without_proposals(tmp_path, capsys):
    empty = tmp_path / "tom.csv"
    empty.write_text("a,b\n1,2\n", encoding="utf-8")
    assert cli.main(["suggest", _reply(tmp_path, "r09"), "--proposals", str(empty)]) == 2
    assert "tom.csv: ingen förslagslista hittades." in capsys.readouterr().err


def test_forslag_sheet_alone_is_a_proposal_list(tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Förslag"
    ws.append(["Lista över förslag"])
    ws.append(["Remiss", "Förslag", "Rubrik"])
    for pid, title in (("6.1.4", "Minskad administrativ belastning"), ("6.1.9", "Lönestruktur som belönar")):
        ws.append(["Planen", pid, title])
    buf = io.BytesIO()
    wb.save(buf)
    (tmp_path / "forslag.xlsx").write_bytes(buf.getvalue())
    assert cli.main(["suggest", _reply(tmp_path, "r09"), "--proposals", str(tmp_path / "forslag.xlsx")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["proposal_id"], r["stance"], r["confidence"] < 0.6) for r in out] == [
        ("6.1.4", "agree", True), ("6.1.9", "disagree", False)]


def test_zip_bomb_is_refused_with_the_limit_and_the_rest_read(tmp_path, capsys, monkeypatch):
    from support.zipbomb import bomb_docx

    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(bomb_docx(200))
    assert cli.main(["suggest", str(bomb), _reply(tmp_path, "r21"), "--proposals", DEMO]) == 1
    captured = capsys.readouterr()
    assert "bomb.docx: delen word/document.xml packas upp till" in captured.err
    assert "gränsen är 200 gånger" in captured.err and "Traceback" not in captured.err
    assert [r["proposal_id"] for r in json.loads(captured.out)] == ["7.3.1", "7.3.2", "7.3.3"]
    # Past the container check, the capped child's memory limit stops it, named in the UI's language.
    monkeypatch.setenv("REMISSKOLLEN_ZIP_RATIO", "1000000")
    monkeypatch.setenv("REMISSKOLLEN_PARSE_MEMORY_MB", "128")
    assert cli.main(["suggest", _reply(tmp_path, "r21"), str(bomb), "--proposals", DEMO, "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == (
        "bomb.docx: the document was not read: it needed more than 128 MB of memory, the limit for reading one "
        "document. Save it again as PDF or DOCX, or split it. The other documents are still read.")
    assert len(json.loads(captured.out)) == 3
