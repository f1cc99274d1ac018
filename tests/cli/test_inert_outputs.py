"""Every CLI output a spreadsheet may open makes formula-like text inert, with the extract's own rule.

CSV (summary, contrast) is for spreadsheets: text starting with = + - @ (or tab/CR, or their full-width
forms) gets OWASP's leading apostrophe, as ``exports.safe`` does for the extract. JSON is for programs and
keeps values exact. The text report of ``check`` never starts a line like a formula.
"""
import csv
import io
import json

import cli

# A CSV keeps "=Region Evil" as text (openpyxl would store it as a formula without a value).
EVIL = [
    ("Testremiss", "=Region Evil", "Region", "4.2", "-Ekonomi", "Tillstyrker", "=HYPERLINK(\"\"http://x\"\")"),
    ("Testremiss", "=Region Evil", "Region", "4.10", "=1+1", "Avstyrker", ""),
    ("Testremiss", "@Kommun Sum", "Kommun", "4.2", "-Ekonomi", "Avstyrker", ""),
    ("Testremiss", "+46 Förening", "Organisation", "4.2", "-Ekonomi", "Tillstyrker", ""),
    ("Testremiss", "Ludvika kommun", "Kommun", "4.10", "=1+1", "Tillstyrker", ""),
]


def write(tmp_path, name="svar.csv"):
    headers = ["Remiss", "Remissinstans", "Typ", "Förslag", "Tema", "Ställningstagande", "Kommentar"]
    lines = [";".join(headers)] + [";".join(f'"{c}"' if c.startswith("=H") else c for c in r) for r in EVIL]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_summary_csv_by_respondent_is_inert(tmp_path, capsys):
    code, out, _ = run(capsys, "summary", write(tmp_path), "--by", "respondent")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["respondent", "agree", "partly"]
    by_name = {r[0]: r[1:] for r in rows[1:]}
    assert set(by_name) == {"'=Region Evil", "'@Kommun Sum", "'+46 Förening", "Ludvika kommun"}
    assert by_name["'=Region Evil"][:3] == ["1", "0", "1"]  # figures unchanged: 1 agree, 0 partly, 1 disagree
    assert not any(line.startswith(("=", "+", "-", "@")) for line in out.splitlines())


def test_summary_json_keeps_values_exact(tmp_path, capsys):
    code, out, _ = run(capsys, "summary", write(tmp_path), "--by", "respondent", "--format", "json")
    assert code == 0
    names = {r["respondent"]: r for r in json.loads(out)}
    assert set(names) == {"=Region Evil", "@Kommun Sum", "+46 Förening", "Ludvika kommun"}
    assert (names["=Region Evil"]["agree"], names["=Region Evil"]["disagree"]) == (1, 1)


def test_contrast_csv_by_topic_is_inert_and_keeps_negative_numbers(tmp_path, capsys):
    code, out, _ = run(capsys, "contrast", write(tmp_path), "--by", "topic")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert [r[0] for r in rows[1:]] == ["'-Ekonomi", "'=1+1"]
    difference = {r[0]: r[rows[0].index("difference")] for r in rows[1:]}
    assert difference == {"'-Ekonomi": "1.0000", "'=1+1": "-1.0000"}  # a number stays a number


def test_summary_by_type_and_proposal_is_unchanged(tmp_path, capsys):
    code, out, _ = run(capsys, "summary", write(tmp_path), "--by", "respondent_type")
    assert code == 0
    assert out.splitlines()[1].startswith("Region,1,0,1,0,2,")


def test_check_text_never_starts_a_line_like_a_formula(tmp_path, capsys):
    path = write(tmp_path, name="=cmd.csv")
    code, out, _ = run(capsys, "check", path)
    assert code == 0
    assert out.splitlines()[0] == "'=cmd.csv: Giltig"
    assert not any(line.startswith(("=", "+", "-", "@", "\t")) for line in out.splitlines())
    code, out, _ = run(capsys, "check", path, "--format", "json")
    assert json.loads(out)["respondents"] == 4


def test_inert_text_uses_the_extract_rule():
    import pandas as pd

    from exports.safe import FORMULA_TRIGGERS, inert_text

    frame = pd.DataFrame({"name": ["=a", "\uff1db", "ok", "\tx"], "n": [-1, 2, 3, 4],
                          "cat": pd.Categorical(["-x", "y", "y", "@z"])})
    out = inert_text(frame)
    assert out["name"].tolist() == ["'=a", "'\uff1db", "ok", "'\tx"]
    assert out["n"].tolist() == [-1, 2, 3, 4]
    assert out["cat"].tolist() == ["'-x", "y", "y", "'@z"]
    assert all(v[0] not in FORMULA_TRIGGERS for v in out["name"])
