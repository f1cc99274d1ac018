"""Truth tables: quantifiers (thresholds and words), counts, lists and verb agreement, in both languages."""
import pytest

from analysis.quantifiers import QUANTIFIERS, SHARE_RULES, quantifier
from i18n.draft_sentences import count_phrase, counts_subject, join_names, number_word, verb
from i18n.strings import t

# (k, n, key): every band, and both sides of every threshold.
TRUTH = [
    (0, 1, "none"), (0, 24, "none"),
    (1, 1, "one"), (1, 2, "one"), (1, 40, "one"),
    (2, 2, "all"), (24, 24, "all"),
    (17, 20, "nearly_all"), (23, 24, "nearly_all"), (6, 7, "nearly_all"),
    (16, 20, "most"), (2, 3, "most"), (5, 6, "most"), (18, 24, "most"),
    (13, 20, "majority"), (11, 20, "majority"), (3, 5, "majority"),
    (10, 20, "several"), (2, 4, "some"), (3, 12, "several"), (5, 20, "several"),
    (3, 4 * 3 + 1, "some"), (4, 20, "some"), (2, 20, "some"), (3, 30, "some"),
    (2, 21, "a_few"), (5, 100, "a_few"), (9, 100, "a_few"),
]

WORDS = {
    "none": ("ingen", "none"), "one": ("en", "one"), "all": ("samtliga", "all"),
    "nearly_all": ("nästan alla", "nearly all"), "most": ("de flesta", "most"),
    "majority": ("en majoritet", "a majority"), "several": ("flera", "several"), "some": ("några", "some"),
    "a_few": ("ett fåtal", "a few"),
}


@pytest.mark.parametrize(("k", "n", "key"), TRUTH)
def test_quantifier_truth_table(k, n, key):
    assert quantifier(k, n) == key


def test_every_quantifier_reached_and_worded_in_both_languages():
    assert {key for _, _, key in TRUTH} == set(QUANTIFIERS) == set(WORDS)
    for key, (sv, en) in WORDS.items():
        assert (t(f"draft.q.{key}", "sv"), t(f"draft.q.{key}", "en")) == (sv, en)


def test_thresholds_written_once_and_exhaustive():
    # For every n up to 60 and every k, exactly one key, and the bands are monotone in k.
    order = ["none", "one", "a_few", "some", "several", "majority", "most", "nearly_all", "all"]
    for n in range(1, 61):
        seen = [quantifier(k, n) for k in range(n + 1)]
        ranks = [order.index(q) for q in seen]
        assert ranks == sorted(ranks), (n, seen)
    assert [r[0] for r in SHARE_RULES] == ["nearly_all", "most", "majority", "several", "some"]


@pytest.mark.parametrize(("k", "n"), [(-1, 3), (4, 3), (0, 0)])
def test_quantifier_rejects_impossible_counts(k, n):
    with pytest.raises(ValueError):
        quantifier(k, n)


@pytest.mark.parametrize(("n", "sv", "en"), [
    (0, "ingen remissinstans", "no respondent"),
    (1, "en remissinstans", "one respondent"),
    (2, "två remissinstanser", "two respondents"),
    (12, "tolv remissinstanser", "twelve respondents"),
    (13, "13 remissinstanser", "13 respondents"),
    (1234, "1\xa0234 remissinstanser", "1,234 respondents"),
])
def test_count_phrase(n, sv, en):
    assert count_phrase(n, "sv") == sv
    assert count_phrase(n, "en") == en


def test_number_words():
    assert [number_word(i, "sv") for i in range(1, 13)] == \
        ["en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]
    assert [number_word(i, "en") for i in (1, 7, 12, 40)] == ["one", "seven", "twelve", "40"]


@pytest.mark.parametrize(("names", "sv", "en"), [
    ([], "", ""),
    (["A"], "A", "A"),
    (["A", "B"], "A och B", "A and B"),
    (["A", "B", "C"], "A, B och C", "A, B and C"),
    (["Region Örebro län", "Ale kommun", "B", "C"], "Region Örebro län, Ale kommun, B och C",
     "Region Örebro län, Ale kommun, B and C"),
])
def test_join_names(names, sv, en):
    assert join_names(names, "sv") == sv
    assert join_names(names, "en") == en


def test_counts_subject_and_verb_agreement():
    assert counts_subject(18, 24, "sv") == "18 av 24 remissinstanser som har yttrat sig i denna del"
    assert counts_subject(1, 1, "sv") == "1 av 1 remissinstans som har yttrat sig i denna del"
    assert counts_subject(18, 24, "en") == "18 of 24 respondents that commented on this part"
    assert (verb("agree", False, "en"), verb("agree", True, "en")) == \
        ("agrees with the proposal", "agree with the proposal")
    assert verb("disagree", False, "sv") == verb("disagree", True, "sv") == "avstyrker förslaget"
    assert verb("partly", True, "sv") == "tillstyrker förslaget delvis"
