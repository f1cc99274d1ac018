"""The Svar sheet as CSV: UTF-8 with commas, and "Excel, svensk"."""
import csv
import io

import pandas as pd
import pytest

from analysis.filters import Filters, apply_filters
from exports.csv import frame_csv, responses_csv

SV_HEADERS = ["Remiss", "Remissinstans", "Typ", "Förslag", "Rubrik", "Tema", "Adressat", "Ställningstagande",
              "Kommentar", "Källa", "Blad", "Rad"]


def parse(data: bytes, flavour: str) -> list[list[str]]:
    if flavour == "excel_sv":
        assert data.startswith(b"\xef\xbb\xbf")
        text, delimiter = data.decode("utf-8-sig"), ";"
    else:
        assert not data.startswith(b"\xef\xbb\xbf")
        text, delimiter = data.decode("utf-8"), ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("flavour", ["utf8", "excel_sv"])
def test_rows_match_the_filtered_frame(small, flavour):
    filters = Filters(respondent_types=["Region"])
    data = responses_csv(small, filters, "sv", flavour)
    rows = parse(data, flavour)
    assert rows[0] == SV_HEADERS
    view = apply_filters(small, filters)
    assert len(rows) - 1 == len(view.responses) == 5
    assert rows[1] == ["Remiss A", "Region Stockholm", "Region", "4.2", "Nationell styrning", "Ledning och styrning",
                       "Region", "Tillstyrker", "Region Stockholm om 4.2", "remissvar.xlsx", "Svar", "2"]
    assert data.count(b"\r\n") == len(rows)  # CRLF line ends


def test_utf8_uses_commas_and_quotes_per_rfc4180(h):
    answers = [("Region Stockholm", "4.2", "agree")] * 3
    data = h.make_data(answers=answers, comments=['Bra, men "dyrt"', "rad 1\nrad 2", "semikolon; här"])
    raw = responses_csv(data, Filters(), "sv", "utf8")
    assert b'"Bra, men ""dyrt"""' in raw
    assert b"semikolon; h\xc3\xa4r" in raw  # no quoting needed with commas
    assert [r[8] for r in parse(raw, "utf8")[1:]] == ['Bra, men "dyrt"', "rad 1\nrad 2", "semikolon; här"]


def test_excel_flavour_semicolon_bom_and_decimal_comma():
    frame = pd.DataFrame({"Förslag": ["4.10", "5.1"], "Andel": [0.625, 0.5], "Antal": [5, 2],
                          "Text": ["a;b", "c,d"]})
    raw = frame_csv(frame, "excel_sv")
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[1] == '4.10;0,625;5;"a;b"'  # ids stay as written; decimals get a comma
    assert text.splitlines()[2] == "5.1;0,5;2;c,d"
    utf8 = frame_csv(frame, "utf8").decode()
    assert utf8.splitlines()[1] == "4.10,0.625,5,a;b"
    assert utf8.splitlines()[2] == '5.1,0.5,2,"c,d"'


HOSTILE = ["=1+1", "+46 8 123", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "<script>x</script>", "NA", "None", "007",
           "vanlig text"]


@pytest.mark.parametrize("flavour", ["utf8", "excel_sv"])
def test_formula_like_text_gets_a_leading_apostrophe(h, flavour):
    answers = [("Region Stockholm", "4.2", "agree")] * len(HOSTILE)
    data = h.make_data(answers=answers, comments=HOSTILE)
    rows = parse(responses_csv(data, Filters(), "sv", flavour), flavour)
    got = [r[8] for r in rows[1:]]
    assert got == ["'" + c if c[0] in "=+-@\t\r" else c for c in HOSTILE]
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r", "\n")


def test_control_characters_removed_and_length_only_cut_for_excel(h):
    answers = [("Region Stockholm", "4.2", "agree")] * 2
    data = h.make_data(answers=answers, comments=["a\x00b\x1bc", "x" * 40_000])
    utf8 = parse(responses_csv(data, Filters(), "sv", "utf8"), "utf8")
    excel = parse(responses_csv(data, Filters(), "sv", "excel_sv"), "excel_sv")
    assert utf8[1][8] == excel[1][8] == "abc"
    assert utf8[2][8] == "x" * 40_000
    assert len(excel[2][8]) == 32_767 and excel[2][8].endswith(" … [avkortad]")


def test_english_headers_and_labels(small):
    rows = parse(responses_csv(small, Filters(respondent_types=["Kommun"]), "en", "utf8"), "utf8")
    assert rows[0][:3] == ["Consultation", "Respondent", "Type"]
    assert {r[2] for r in rows[1:]} == {"Municipality"}
    assert {r[7] for r in rows[1:]} == {"Agree", "Partly agree"}


def test_unknown_flavour_is_refused(small):
    with pytest.raises(ValueError):
        responses_csv(small, Filters(), "sv", "latin1")
