"""`cli.py contrast`: the exact CSV and JSON contract, on figures worked out by hand.

Region: Norr (4.2 agree, 4.10 disagree, 5.2.1 partly), Syd (4.2 agree, 4.10 agree).
Kommun: Ludvika (4.2 no position, 4.10 disagree, 5.2.1 agree).
Wilson 95 % for 2 of 2 is (0.3424, 1); for 0 of 1 (0, 0.7935); Fisher for
[[2, 0], [0, 1]] is 1/3; Holm multiplies the smallest of three p by 3.
"""
import json

import cli
from support import sheets

HEADER = ("proposal_id,a_agree,a_total,a_share,a_low,a_high,b_agree,b_total,b_share,b_low,b_high,"
          "difference,p_value,p_holm,small_n\n")


def run(tmp_path, capsys, *args, build=sheets.long_xlsx):
    path = tmp_path / "svar.xlsx"
    path.write_bytes(build())
    code = cli.main(["contrast", str(path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_default_region_vs_kommun_csv(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys)
    assert code == 0
    assert out == HEADER + (
        "4.2,2,2,1.0000,0.3424,1.0000,0,1,0.0000,0.0000,0.7935,1.0000,0.3333,1.0000,true\n"
        "4.10,1,2,0.5000,0.0945,0.9055,0,1,0.0000,0.0000,0.7935,0.5000,1.0000,1.0000,true\n"
        "5.2.1,0,1,0.0000,0.0000,0.7935,1,1,1.0000,0.2065,1.0000,-1.0000,1.0000,1.0000,true\n")


def test_count_partly_json(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "--count-partly", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [r["proposal_id"] for r in rows] == ["4.2", "4.10", "5.2.1"]
    assert rows[2] == {"proposal_id": "5.2.1", "a_agree": 1, "a_total": 1, "a_share": 1.0, "a_low": 0.2065,
                       "a_high": 1.0, "b_agree": 1, "b_total": 1, "b_share": 1.0, "b_low": 0.2065, "b_high": 1.0,
                       "difference": 0.0, "p_value": 1.0, "p_holm": 1.0, "small_n": True}


def test_by_topic_with_english_type_names(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "--by", "topic", "--a", "Region", "--b", "Municipality",
                       build=sheets.workbook_with_extras)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("topic,a_agree,a_total,")
    assert [ln.split(",")[:3] for ln in lines[1:]] == [["Arbetsmiljö", "1", "2"], ["Ledning", "0", "1"],
                                                       ["Utbildning", "2", "2"]]


def test_group_without_answers_gives_empty_shares(tmp_path, capsys):
    code, out, _ = run(tmp_path, capsys, "--b", "Lärosäte")
    first = out.splitlines()[1].split(",")
    assert code == 0
    assert first[6:11] == ["0", "0", "", "", ""]  # b_agree, b_total, b_share, b_low, b_high
    assert first[11:14] == ["", "", ""]  # difference, p_value, p_holm


def test_invalid_file_exits_with_report(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, build=lambda: b"")
    assert code == 2 and out == "" and "är tom" in err
