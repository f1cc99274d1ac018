"""Cell sanitising: formula-like text, forbidden characters, Excel's length limit."""
import pytest

from exports.safe import (
    EXCEL_MAX_CHARS,
    FORMULA_TRIGGERS,
    TRUNCATION_MARKER,
    Sanitiser,
    looks_like_formula,
    truncate,
    utf16_len,
)


@pytest.mark.parametrize("text", ["=1+1", "+46 8 123", "-5", "@SUM(A1)", "\tx", "\rx", "\nx",
                                  "=HYPERLINK(\"http://evil\",\"klick\")", "＝1+1"])
def test_formula_like(text):
    assert looks_like_formula(text)
    san = Sanitiser()
    clean, formula = san.clean(text)
    assert (clean, formula) == (text, True)  # the text itself is kept
    assert san.log.formula_like == 1
    assert san.csv_text(text) == "'" + text


@pytest.mark.parametrize("text", ["", "a=b", "'=1+1", " =1", "Tillstyrker", "007", "NA", "None", "<script>"])
def test_not_formula_like(text):
    assert not looks_like_formula(text)
    san = Sanitiser()
    assert san.clean(text) == (text, False)
    assert san.csv_text(text) == text
    assert not san.log.any


def test_triggers_are_documented_set():
    assert {"=", "+", "-", "@", "\t", "\r", "\n"} <= FORMULA_TRIGGERS


def test_forbidden_control_characters_removed_and_counted():
    san = Sanitiser()
    text, formula = san.clean("a\x00b\x07c\x1bd\x0be\x0cf\ufffeg\uffffh\ud800i")
    assert (text, formula) == ("abcdefghi", False)
    assert san.log.control_chars == 1
    # Tab, line feed and carriage return are allowed inside text.
    assert san.clean("rad 1\nrad 2\r\n\tslut") == ("rad 1\nrad 2\r\n\tslut", False)
    assert san.log.control_chars == 1


def test_control_characters_before_a_formula_do_not_hide_it():
    san = Sanitiser()
    assert san.clean("\x00=1+1") == ("=1+1", True)
    assert (san.log.control_chars, san.log.formula_like) == (1, 1)


def test_missing_values_are_empty():
    san = Sanitiser()
    for v in (None, float("nan")):
        assert san.clean(v) == ("", False)
    assert san.clean(12) == ("12", False)
    assert not san.log.any


def test_long_text_is_cut_with_a_visible_marker():
    san = Sanitiser("sv")
    text, _ = san.clean("a" * 40_000)
    assert utf16_len(text) == EXCEL_MAX_CHARS
    assert text.endswith(TRUNCATION_MARKER["sv"]) and text.startswith("a" * 30_000)
    assert san.log.truncated == 1
    en, _ = Sanitiser("en").clean("b" * 40_000)
    assert en.endswith("[truncated]")


def test_exactly_the_limit_is_kept():
    san = Sanitiser()
    assert san.clean("a" * EXCEL_MAX_CHARS)[0] == "a" * EXCEL_MAX_CHARS
    assert san.log.truncated == 0


def test_limit_counts_utf16_units_and_never_splits_a_character():
    emoji = "\U0001F600"  # two UTF-16 units
    text = truncate(emoji * 20_000, " … [avkortad]")
    assert utf16_len(text) <= EXCEL_MAX_CHARS
    body = text[: -len(" … [avkortad]")]
    assert set(body) == {emoji}
    text.encode("utf-8")  # no lone surrogate
    # 16,384 emoji are 32,768 units: over the limit although only 16,384 code points.
    san = Sanitiser()
    assert san.clean(emoji * 16_384)[0] != emoji * 16_384
    assert san.log.truncated == 1


def test_weight_counts_every_cell_showing_a_value():
    san = Sanitiser()
    san.clean("=x", weight=7)
    assert san.log.formula_like == 7


def test_no_truncation_without_limit():
    san = Sanitiser(limit=None)
    assert san.clean("a" * 40_000)[0] == "a" * 40_000
    assert san.log.truncated == 0
