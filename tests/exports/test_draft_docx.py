"""The draft as .docx: headings with real Word styles, paragraphs, count tables, appendix; CLI; LibreOffice."""
import io
import os
import shutil
import subprocess

import docx
import pytest
from _require import require

import cli
from analysis.filters import Filters
from exports.draft_docx import build_docx
from exports.meta import ExtractMeta
from support.draftdata import coded

ANSWERS = [
    ("Region Dalarna", "Region", "1", "agree", ""),
    ("Ale kommun", "Kommun", "1", "agree", ""),
    ("Vårdförbundet", "Organisation", "1", "disagree", "Ansvaret flyttas utan pengar. Mer."),
    ("Region Dalarna", "Region", "2", "partly", "Bra men sent."),
    ("Skatteverket", "Statlig myndighet", "1", "no_position", ""),
    ("Skatteverket", "Statlig myndighet", "2", "no_position", ""),
]
META = ExtractMeta(dataset="Testremissen", version=4, generated_at="2026-11-30 09:15")


def data():
    return coded(ANSWERS, invited=[("Umeå kommun", "Kommun"), ("Region Gotland", "Region")])


def open_docx(payload: bytes):
    return docx.Document(io.BytesIO(payload))


def test_structure_headings_paragraphs_tables_and_appendix():
    doc = open_docx(build_docx(data(), Filters(), META, "sv"))
    paras = [(p.style.name, p.text) for p in doc.paragraphs if p.text]
    assert paras[:8] == [
        ("Title", "Remissammanställning"),
        ("Subtitle", "Utkast från Remisskollen"),
        ("Normal", "Remiss: Remiss X"),
        ("Normal", "Datamängd: Testremissen, version 4"),
        ("Normal", "Urval: Alla svar, utan filter."),
        ("Normal", "Datum: 2026-11-30 09:15"),
        ("Normal", paras[6][1]),
        ("Heading 1", "Remiss X"),
    ]
    assert paras[6][1].startswith("Antal och kvantifierare")
    headings = [(s, t) for s, t in paras if s.startswith("Heading")]
    assert headings == [
        ("Heading 1", "Remiss X"),
        ("Heading 2", "Förslag 1: Gemensam planering"),
        ("Heading 2", "Förslag 2: Ny tillsyn"),
        ("Heading 2", "Förslag 3: Uppföljning"),
        ("Heading 1", "Förteckning över remissinstanserna"),
        ("Heading 2", "Remiss X"),
        ("Heading 3", "Regioner"),
        ("Heading 3", "Kommuner"),
        ("Heading 3", "Statliga myndigheter"),
        ("Heading 3", "Organisationer"),
    ]
    body = [t for s, t in paras if t.startswith("Remissinstanserna:")]
    assert body == [
        "Remissinstanserna: Några remissinstanser tillstyrker förslaget: Region Dalarna och Ale kommun. "
        "Vårdförbundet avstyrker förslaget och anför: ”Ansvaret flyttas utan pengar.” (blad Svar, rad 4). "
        "En remissinstans tar inte ställning till förslaget.",
        "Remissinstanserna: Ingen remissinstans tillstyrker förslaget. Region Dalarna tillstyrker förslaget delvis "
        "och anför: ”Bra men sent.” (blad Svar, rad 5). En remissinstans tar inte ställning till förslaget. "
        "Två remissinstanser som har svarat på remissen har inte yttrat sig i denna del.",
        "Remissinstanserna: Ingen remissinstans har yttrat sig i denna del.",
    ]
    # The run-in heading is bold, the text is not.
    first = next(p for p in doc.paragraphs if p.text.startswith("Remissinstanserna:"))
    assert [(r.text, bool(r.bold)) for r in first.runs][0] == ("Remissinstanserna:", True)
    assert first.runs[1].bold is None
    tables = [[[c.text for c in row.cells] for row in tb.rows] for tb in doc.tables]
    header = ["Tillstyrker", "Tillstyrker delvis", "Avstyrker", "Ingen synpunkt", "Har yttrat sig", "Ej berört"]
    assert tables == [[header, ["2", "0", "1", "1", "4", "0"]],
                      [header, ["0", "1", "0", "1", "2", "2"]],
                      [header, ["0", "0", "0", "0", "0", "4"]]]
    appendix = [t for s, t in paras[paras.index(("Heading 2", "Remiss X")):] if s == "Normal"]
    assert appendix == ["Region Dalarna, Region Gotland.", "Ale kommun, Umeå kommun.", "Skatteverket.",
                        "Vårdförbundet.",
                        "Följande remissinstanser har inte svarat: Region Gotland och Umeå kommun.",
                        "Följande remissinstanser har svarat men avstått från att ta ställning: Skatteverket."]
    assert doc.core_properties.title == "Remissammanställning"


def test_english_counts_style_edits_and_dropped_stance_filter():
    f = Filters(stances=("agree",))
    key = "Remiss X\x1f2"
    doc = open_docx(build_docx(data(), f, META, "en", "counts", edits={key: "Edited by hand."}))
    texts = [p.text for p in doc.paragraphs]
    assert "Selection: Answers that agree." in texts
    assert "The stance filter is not used: the summary reports every stance." in texts
    assert "Edited texts: 1 of 3." in texts
    assert "The consultation bodies: Edited by hand." in texts
    assert ("The consultation bodies: 2 of 4 respondents that commented on this part agree with the proposal: "
            "Region Dalarna and Ale kommun. 1 of 4 respondents that commented on this part opposes the proposal: "
            "Vårdförbundet. Vårdförbundet states: “Ansvaret flyttas utan pengar.” (sheet Svar, row 4). 1 of 4 "
            "respondents that commented on this part takes no position on the proposal.") in texts
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == ["Proposal 1: Gemensam planering", "Proposal 2: Ny tillsyn", "Proposal 3: Uppföljning"]
    assert [c.text for c in doc.tables[0].rows[0].cells] == \
        ["Agree", "Partly agree", "Disagree", "No position", "Commented", "Not addressed"]


def test_control_characters_in_comments_do_not_break_the_document():
    answers = [("Ale kommun", "Kommun", "1", "disagree", "Nej\x07 tack.")]
    doc = open_docx(build_docx(coded(answers), Filters(), META, "sv"))
    assert any("”Nej tack.”" in p.text for p in doc.paragraphs)


def _texts(path):
    doc = docx.Document(str(path))
    return ([p.text for p in doc.paragraphs if not p.text.startswith(("Datum:", "Datamängd:", "Date:", "Dataset:"))],
            [[c.text for c in row.cells] for tb in doc.tables for row in tb.rows])


def test_cli_writes_the_same_document_as_the_app(tmp_path, capsys):
    src = tmp_path / "svar.xlsx"
    shutil.copy("data/demo.xlsx", src)
    out = tmp_path / "utkast.docx"
    code = cli.main(["draft", str(src), "--out", str(out), "--respondent-type", "Kommun", "Region",
                     "--lang", "en", "--style", "counts"])
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith(f"Wrote {out}: ")
    from loaders.load import load_path

    app_doc = tmp_path / "app.docx"
    app_doc.write_bytes(build_docx(load_path(src).data, Filters(respondent_types=("Kommun", "Region")),
                                   ExtractMeta.for_file(src), "en", "counts"))
    assert _texts(out) == _texts(app_doc)
    paras, _ = _texts(out)
    assert "Selection: Respondents of type Kommun and Region." in paras
    assert sum(p.startswith("The consultation bodies: ") for p in paras) == 34


def test_cli_refuses_unknown_filters_and_wrong_suffix(tmp_path, capsys):
    assert cli.main(["draft", "data/demo.xlsx", "--out", str(tmp_path / "x.docx"), "--topic", "Nope"]) == 2
    assert "--topic: 'Nope' finns inte i filen" in capsys.readouterr().err
    assert cli.main(["draft", "data/demo.xlsx", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "--out måste sluta på .docx" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_libreoffice_opens_the_draft(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    require(soffice is not None, "LibreOffice (soffice) is not installed; cannot check that the draft opens")
    path = tmp_path / "utkast.docx"
    path.write_bytes(build_docx(data(), Filters(), META, "sv"))
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "utkast.txt").read_text(encoding="utf-8-sig")
    assert "Förteckning över remissinstanserna" in text
    assert "Remissinstanserna: Ingen remissinstans har yttrat sig i denna del." in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_demo_draft_builds_in_both_languages(lang):
    from loaders.load import load_path

    doc = open_docx(build_docx(load_path("data/demo.xlsx").data, Filters(), META, lang))
    assert sum(p.style.name == "Heading 2" for p in doc.paragraphs) == 34 + 2
    assert len(doc.tables) == 34
