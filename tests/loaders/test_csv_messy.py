"""Messy CSV files: every cell read as written, or a located error; never a lost row or a truncated comment."""
import csv

import pytest

from exports.safe import EXCEL_MAX_CHARS
from loaders import csvtext
from loaders.load import load_bytes
from loaders.sources import sniff_format

HEADER = "Remiss;Remissinstans;Typ;Förslag;Ställningstagande;Kommentar\n"
ROWS = ["Testremiss;Region Norr;Region;4.2;Tillstyrker;Bra förslag\n",
        "Testremiss;Göteborgs stad;Kommun;4.2;Avstyrker;\n",
        "Testremiss;Västerås stad;Kommun;4.10;Tillstyrker delvis;Saknar åtgärder\n"]


def load(text: str | bytes, name: str = "svar.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(data, name)


def only(result, severity="error"):
    found = [p for p in result.report.problems if p.severity == severity]
    assert len(found) == 1, [p.message_en for p in result.report.problems]
    return found[0]


def refused(result):
    assert result.report.unreadable and not result.ok
    assert result.data.responses.empty


def test_clean_file_reads_all_rows():
    r = load(HEADER + "".join(ROWS))
    assert r.ok and r.report.problems == []
    assert len(r.data.responses) == 3
    assert sorted(r.data.responses["respondent"].astype(str).unique()) == [
        "Göteborgs stad", "Region Norr", "Västerås stad"]


# --- Unclosed quotes ---------------------------------------------------------

def test_unclosed_quote_names_the_row_where_it_opened():
    text = HEADER + ROWS[0] + 'Testremiss;Region Syd;Region;4.2;Tillstyrker;"Bra men\n' + ROWS[1] + ROWS[2]
    r = load(text)
    refused(r)
    p = only(r)
    assert (p.category, p.row, p.column) == ("format-error", 3, None)
    assert p.message_sv.startswith("Citattecknet som öppnas på rad 3 (textrad 3) stängs aldrig, så de följande "
                                   "3 textraderna skulle läsas som en enda cell.")
    assert p.message_en.startswith("The quote opened on row 3 (text line 3) is never closed")


def test_quote_closed_rows_later_swallows_rows_and_is_an_error():
    text = (HEADER + 'Testremiss;Region Norr;Region;4.2;Tillstyrker;"Bra\n' + ROWS[1]
            + 'Testremiss;Västerås stad;Kommun;4.10;Avstyrker;slut"\n')
    r = load(text)
    refused(r)
    p = only(r)
    assert (p.category, p.row) == ("format-error", 2)
    assert "stängs först på textrad 4. 2 textrader emellan, från textrad 3" in p.message_sv
    assert "is closed only on text line 4. 2 text lines in between, from text line 3" in p.message_en


def test_quoted_comment_over_several_lines_is_fine():
    text = HEADER + 'Testremiss;Region Norr;Region;4.2;Tillstyrker;"Bra; men\ndyrt ""sa de"""\n' + ROWS[1]
    r = load(text)
    assert r.ok and r.report.problems == []
    assert r.data.responses["comment"].tolist() == ['Bra; men\ndyrt "sa de"', ""]
    assert r.data.responses["row"].tolist() == [2, 3]


# --- Extra fields and mixed delimiters -----------------------------------------

def test_unquoted_delimiter_in_comment_is_an_error_never_a_truncated_comment():
    text = HEADER + ROWS[0] + "Testremiss;Region Syd;Region;4.2;Tillstyrker;Bra; men dyrt\n" + ROWS[1]
    r = load(text)
    refused(r)
    p = only(r)
    assert (p.category, p.row) == ("format-error", 3)
    assert p.message_sv.startswith("Rad 3 har 7 fält men rubrikraden har 6. Troligen står ett semikolon (;) i en "
                                   "kommentar utan citattecken")
    assert p.message_en.startswith("Row 3 has 7 fields but the header row has 6. Probably a semicolon (;) stands")


def test_extra_empty_trailing_fields_are_harmless():
    r = load(HEADER + ROWS[0].rstrip("\n") + ";;\n")
    assert r.ok and len(r.data.responses) == 1


def test_extra_fields_counted_under_a_title_row():
    text = "Sammanställning\n" + HEADER + ROWS[0] + "Testremiss;Region Syd;Region;4.2;Ja;a;b;c\n"
    p = only(load(text))
    assert p.row == 4 and "Rad 4 har 8 fält men rubrikraden har 6" in p.message_sv


def test_row_with_another_delimiter_is_an_error_not_a_dropped_row():
    text = HEADER + ROWS[0] + "Testremiss,Region Syd,Region,4.2,Tillstyrker,\n" + ROWS[1]
    r = load(text)
    refused(r)
    p = only(r)
    assert (p.category, p.row) == ("format-error", 3)
    assert p.message_sv == ("Rad 3 är avgränsad med komma (,), men filen i övrigt med semikolon (;). Spara filen med "
                            "ett enda avgränsningstecken. Filen läses inte.")
    assert p.message_en.startswith("Row 3 is delimited by comma (,), but the rest of the file by semicolon (;).")


def test_tab_rows_in_a_comma_file():
    header = HEADER.replace(";", ",")
    text = header + ROWS[0].replace(";", ",") + ROWS[1].replace(";", "\t") + ROWS[2].replace(";", "\t")
    r = load(text)
    refused(r)
    found = [(p.row, p.message_en.split(",")[0]) for p in r.report.errors]
    assert found == [(3, "Row 3 is delimited by tab"), (4, "Row 4 is delimited by tab")]


def test_comma_in_a_comment_of_a_semicolon_file_is_not_mixed():
    r = load(HEADER + "Testremiss;Region Norr;Region;4.2;Tillstyrker;Bra, men dyrt, och sent\n")
    assert r.ok and r.data.responses["comment"].tolist() == ["Bra, men dyrt, och sent"]


# --- Long fields -----------------------------------------------------------------

def test_field_limit_matches_the_extract_cap():
    assert csvtext.FIELD_LIMIT == EXCEL_MAX_CHARS


def test_150k_character_field_is_an_error_naming_the_row_not_an_internal_error():
    before = csv.field_size_limit()
    text = HEADER + ROWS[0] + "Testremiss;Region Syd;Region;4.2;Tillstyrker;" + "x" * 150_000 + "\n" + ROWS[1]
    r = load(text)
    refused(r)
    p = only(r)
    assert (p.category, p.row) == ("format-error", 3)
    assert p.message_sv.startswith("Rad 3 har ett fält med mer än 32 767 tecken")
    assert p.message_en.startswith("Row 3 has a field of more than 32 767 characters")
    assert csv.field_size_limit() == before  # the process-wide limit is restored


def test_field_at_the_cap_is_kept_whole():
    comment = "å" * EXCEL_MAX_CHARS
    r = load(HEADER + f"Testremiss;Region Syd;Region;4.2;Tillstyrker;{comment}\n")
    assert r.ok and r.data.responses["comment"].tolist() == [comment]


def test_astral_characters_count_as_excel_counts_them():
    comment = "😀" * (EXCEL_MAX_CHARS // 2 + 1)  # under the cap in characters, over it in UTF-16 units
    p = only(load(HEADER + f"Testremiss;Region Syd;Region;4.2;Tillstyrker;{comment}\n"))
    assert p.row == 2 and "32 767" in p.message_en


def test_long_first_line_does_not_break_delimiter_sniffing():
    assert csvtext.sniff_delimiter("a;" + '"' + "x" * 200_000 + "\n1;2\n3;4\n") == ";"


# --- Encodings ------------------------------------------------------------------

def test_mac_roman_is_recognised_and_named():
    r = load((HEADER + "".join(ROWS)).encode("mac_roman"))
    assert r.ok
    p = only(r, "warning")
    assert (p.category, p.row) == ("encoding-error", None)
    assert 'som Windows-1252 gav den tecken som inte hör hemma i svensk text ("Fšrslag"), så den lästes som Mac Roman' \
        in p.message_sv.replace("Som", "som")
    assert "so it was read as Mac Roman" in p.message_en
    assert "Göteborgs stad" in set(r.data.responses["respondent"].astype(str))


def test_dos_code_page_is_recognised_and_named():
    r = load((HEADER + "".join(ROWS)).encode("cp850"))
    p = only(r, "warning")
    assert "lästes som IBM 850 (DOS)" in p.message_sv and '"F”rslag"' in p.message_sv
    assert set(r.data.responses["respondent"].astype(str)) == {"Region Norr", "Göteborgs stad", "Västerås stad"}


def test_windows_1252_and_latin1_read_silently():
    for codec in ("cp1252", "latin-1"):
        r = load((HEADER + "".join(ROWS)).encode(codec))
        assert r.ok and r.report.problems == [], codec
        assert "Västerås stad" in set(r.data.responses["respondent"].astype(str))


def test_implausible_letters_in_utf8_are_a_warning_with_row_and_encoding():
    # "Göteborgs stad" saved as Mac Roman, then read as Windows-1252 and saved again as UTF-8.
    bad = "Göteborgs stad".encode("mac_roman").decode("cp1252")
    r = load(HEADER + ROWS[0] + f"Testremiss;{bad};Kommun;4.2;Avstyrker;\n")
    assert r.ok
    p = only(r, "warning")
    assert (p.category, p.row) == ("encoding-error", 3)
    assert 'svar.csv lästes som UTF-8, men texten innehåller tecken som är osannolika i svensk text, till exempel ' \
           '"Gšteborgs" på rad 3.' in p.message_sv
    assert 'svar.csv was read as UTF-8, but the text holds characters that are implausible in Swedish, for example ' \
           '"Gšteborgs" on row 3.' in p.message_en


def test_utf8_read_twice_is_implausible():
    bad = "Västerås".encode("utf-8").decode("cp1252")  # "VÃ¤sterÃ¥s"
    p = only(load(HEADER + f"Testremiss;{bad} stad;Kommun;4.2;Avstyrker;\n"), "warning")
    assert p.row == 2 and f'"{bad}"' in p.message_en


def test_legacy_file_that_windows_1252_cannot_read_names_the_guess():
    data = (HEADER + "Testremiss;Åre kommun;Kommun;4.2;Ja;\n").encode("mac_roman")  # Å is 0x81: not Windows-1252
    r = load(data)
    p = only(r, "warning")
    assert (p.category, p.row) == ("encoding-error", None)
    assert p.message_sv.startswith("svar.csv är varken UTF-8 eller Windows-1252; den lästes som Mac Roman.")
    assert p.message_en.startswith("svar.csv is neither UTF-8 nor Windows-1252; it was read as Mac Roman.")
    assert r.data.responses["respondent"].astype(str).tolist() == ["Åre kommun"]


def test_line_in_another_encoding_names_that_encoding():
    data = HEADER.encode("utf-8") + "Testremiss;Åre kommun;Kommun;4.2;Ja;\n".encode("mac_roman")
    p = only(load(data), "warning")
    assert p.row == 2 and "utom på rad 2, som lästes som Mac Roman" in p.message_sv


@pytest.mark.parametrize("text", ["Tillstyrker – men sent", "”Bra”, sa de", "Det kostar 5 × 2 miljoner"])
def test_ordinary_swedish_punctuation_is_plausible(text):
    r = load((HEADER + f"Testremiss;Region Norr;Region;4.2;Tillstyrker;{text}\n").encode("cp1252"))
    assert r.ok and r.report.problems == []


# --- NUL bytes ------------------------------------------------------------------

def test_single_nul_is_removed_with_a_warning_naming_the_row():
    data = (HEADER + ROWS[0] + "Testremiss;Region Syd;Region;4.2;Tillstyrker;Bra\x00 förslag\n" + ROWS[1]).encode()
    assert sniff_format(data) == "text"
    r = load(data)
    assert r.ok and len(r.data.responses) == 3
    p = only(r, "warning")
    assert (p.category, p.row) == ("encoding-error", 3)
    assert p.message_sv.startswith("1 nolltecken (NUL) togs bort ur svar.csv, på rad 3.")
    assert p.message_en.startswith("1 NUL characters were removed from svar.csv, on row 3.")
    assert r.data.responses["comment"].tolist()[1] == "Bra förslag"


def test_nul_rows_are_counted_after_a_multiline_comment():
    data = (HEADER + 'Testremiss;Region Norr;Region;4.2;Ja;"a\nb"\n' + "Testremiss;Region Syd;Region;4.2;Ja;x\x00\n")
    p = only(load(data.encode("cp1252")), "warning")
    assert p.row == 3


def test_real_binary_is_still_binary():
    assert sniff_format(b"\x00\x01\x02\x03binary" * 10) == "binary"
    assert sniff_format("Remissinstans;Förslag\n".encode("utf-16-le")) == "binary"


def test_rows_pasted_in_from_another_encoding_are_read_and_named():
    data = (HEADER + ROWS[0]).encode() + ROWS[2].encode("cp1252") + ROWS[1].encode()
    r = load(data)
    assert r.ok and len(r.data.responses) == 3
    assert "Västerås stad" in set(r.data.responses["respondent"].astype(str))
    p = only(r, "warning")
    assert (p.category, p.row) == ("encoding-error", 3)
    assert p.message_sv.startswith("svar.csv är UTF-8 utom på rad 3, som lästes som Windows-1252.")
    assert p.message_en.startswith("svar.csv is UTF-8 except on row 3, read as Windows-1252.")


def test_excel_sep_line_sets_the_delimiter():
    r = load("sep=;\n" + HEADER + "Testremiss;Region Norr;Region;4.2;Tillstyrker;a, b, c, d, e, f\n")
    assert r.ok and r.data.responses["comment"].tolist() == ["a, b, c, d, e, f"]


def test_old_mac_line_ends():
    r = load((HEADER + "".join(ROWS)).replace("\n", "\r"))
    assert r.ok and r.data.responses["row"].tolist() == [2, 3, 4]


def test_invisible_characters_in_stance_and_type_cells():
    r = load(HEADER + "Testremiss;Region Norr;\u200bRegion;4.2;Tillstyrker\u200b;\n")
    assert r.ok and r.report.problems == []
    assert r.data.responses["stance"].astype(str).tolist() == ["agree"]
    assert r.data.responses["respondent_type"].astype(str).tolist() == ["Region"]


def test_column_without_header_is_not_an_extra_field_error():
    # Every row has a sixth field (a comment column whose header was left blank): not an unquoted delimiter.
    header = "Remiss;Remissinstans;Typ;Förslag;Ställningstagande;\n"
    r = load(header + "Testremiss;Region Norr;Region;4.2;Ja;Bra\nTestremiss;Region Syd;Region;4.2;Nej;\n")
    assert not r.report.unreadable
    assert not [p for p in r.report.problems if p.category == "format-error"]
    assert len(r.data.responses) == 2


def test_extra_field_beyond_a_headerless_column_is_an_error_against_most_rows():
    header = "Remiss;Remissinstans;Typ;Förslag;Ställningstagande;\n"
    text = (header + "Testremiss;Region Norr;Region;4.2;Ja;Bra\nTestremiss;Region Syd;Region;4.2;Nej;dyrt; sent\n"
            + "Testremiss;Region Mitt;Region;4.2;Ja;\n")
    r = load(text)
    refused(r)
    p = only(r)
    assert p.row == 3
    assert p.message_sv.startswith("Rad 3 har 7 fält men de flesta rader har 6.")
    assert p.message_en.startswith("Row 3 has 7 fields but most rows have 6.")
