"""Sentences from the analysis core are made into text in one place: i18n.sentences.render.

Truth tables per key in both languages (exact strings: singular and plural,
no-break spaces in Swedish numbers and percentages), and a guard that the
analysis modules hand over keys and numbers instead of making text themselves.
"""
import ast
import pickle
from pathlib import Path

import pytest

from i18n import sentences
from i18n.sentences import Sentence, render, render_all, say
from i18n.strings import STRINGS

NB = "\xa0"
ANALYSIS = Path(__file__).resolve().parents[2] / "analysis"


@pytest.mark.parametrize("which, sv, en", [
    ("addressed", "av dem som yttrat sig om förslaget", "of those who commented on the proposal"),
    ("positioned", "av dem som tagit ställning", "of those who took a position"),
    ("all", "av alla svarande instanser i remissen", "of all respondents who replied to the consultation"),
])
def test_denominators(which, sv, en):
    s = say(f"analysis.denominator.{which}")
    assert (render(s, "sv"), render(s, "en")) == (sv, en)


@pytest.mark.parametrize("k, n, partly, sv, en", [
    (1, 3, False,
     "1 av 3 förslag tillstyrks av en majoritet av de instanser som yttrat sig.",
     "1 of 3 proposals is supported by a majority of the respondents that commented on them."),
    (2, 3, True,
     "2 av 3 förslag tillstyrks helt eller delvis av en majoritet av de instanser som yttrat sig.",
     "2 of 3 proposals are fully or partly supported by a majority of the respondents that commented on them."),
    (1, 1, False,
     "1 av 1 förslag tillstyrks av en majoritet av de instanser som yttrat sig.",
     "1 of 1 proposal is supported by a majority of the respondents that commented on it."),
    (0, 1339, False,
     f"0 av 1{NB}339 förslag tillstyrks av en majoritet av de instanser som yttrat sig.",
     "0 of 1,339 proposals are supported by a majority of the respondents that commented on them."),
])
def test_majority(k, n, partly, sv, en):
    s = say("analysis.headline.majority", k=k, n=n, count_partly=partly)
    assert (render(s, "sv"), render(s, "en")) == (sv, en)


@pytest.mark.parametrize("key, pid, title, share, n, partly, sv, en", [
    ("most", "4.10", "Gemensam IT", 0.625, 8, False,
     f"Förslag 4.10 (Gemensam IT) har störst stöd: 63{NB}% av de 8 instanser som yttrat sig tillstyrker.",
     "Proposal 4.10 (Gemensam IT) has the most support: 63% of the 8 respondents that commented agree."),
    ("least", "B", "", 0.0, 1, True,
     f"Förslag B har minst stöd: 0{NB}% av den enda instans som yttrat sig tillstyrker helt eller delvis.",
     "Proposal B has the least support: 0% of the only respondent that commented agree fully or partly."),
    ("most", "7", "", 0.5, 1339, False,
     f"Förslag 7 har störst stöd: 50{NB}% av de 1{NB}339 instanser som yttrat sig tillstyrker.",
     "Proposal 7 has the most support: 50% of the 1,339 respondents that commented agree."),
])
def test_most_and_least(key, pid, title, share, n, partly, sv, en):
    s = say(f"analysis.headline.{key}", proposal_id=pid, title=title, share=share, n=n, count_partly=partly)
    assert (render(s, "sv"), render(s, "en")) == (sv, en)


def test_difference_without_and_with_small_groups():
    plain = say("analysis.headline.diff", proposal_id="2", title="", a_pct=17, b_pct=83, pp=66,
                count_partly=False, small=None)
    assert render(plain, "sv") == ("Störst skillnad mellan regioner och kommuner gäller förslag 2: "
                                   f"17{NB}% av regionerna och 83{NB}% av kommunerna tillstyrker (66 procentenheter).")
    assert render(plain, "en") == ("The biggest difference between regions and municipalities is on proposal 2: "
                                   "17% of regions and 83% of municipalities agree (66 percentage points).")
    small = say("analysis.headline.small", a_n=1, b_n=2)
    one = say("analysis.headline.diff", proposal_id="4.10", title="Gemensam IT", a_pct=50, b_pct=51, pp=1,
              count_partly=True, small=small)
    assert render(one, "sv") == (
        "Störst skillnad mellan regioner och kommuner gäller förslag 4.10 (Gemensam IT): "
        f"50{NB}% av regionerna och 51{NB}% av kommunerna tillstyrker helt eller delvis (1 procentenhet). "
        "Underlaget är litet (1 region, 2 kommuner), så skillnaden är osäker.")
    assert render(one, "en") == (
        "The biggest difference between regions and municipalities is on proposal 4.10 (Gemensam IT): "
        "50% of regions and 51% of municipalities agree fully or partly (1 percentage point). "
        "Few answers (1 region, 2 municipalities), so the difference is uncertain.")


@pytest.mark.parametrize("a_n, b_n, sv, en", [
    (2, 1, " Underlaget är litet (2 regioner, 1 kommun), så skillnaden är osäker.",
     " Few answers (2 regions, 1 municipality), so the difference is uncertain."),
    (1, 1339, f" Underlaget är litet (1 region, 1{NB}339 kommuner), så skillnaden är osäker.",
     " Few answers (1 region, 1,339 municipalities), so the difference is uncertain."),
])
def test_small_groups(a_n, b_n, sv, en):
    s = say("analysis.headline.small", a_n=a_n, b_n=b_n)
    assert (render(s, "sv"), render(s, "en")) == (sv, en)


@pytest.mark.parametrize("counts, sv, en", [
    ((1, 1, 0, 0, 0, 0), "Region Skåne tillstyrker 1 av 1 förslag", "Region Skåne agrees with 1 of 1 proposal"),
    ((1339, 1200, 1, 0, 2, 136),
     f"Region Skåne tillstyrker 1{NB}200 av 1{NB}339 förslag (1 delvis, 2 utan ställningstagande, 136 ej berörda)",
     "Region Skåne agrees with 1,200 of 1,339 proposals (1 partly, 2 no position, 136 not addressed)"),
    ((3, 0, 0, 3, 0, 0), "Region Skåne tillstyrker 0 av 3 förslag (3 avstyrker)",
     "Region Skåne agrees with 0 of 3 proposals (3 disagree)"),
])
def test_profile(counts, sv, en):
    n, agree, partly, disagree, no_position, not_addressed = counts
    s = say("analysis.profile.main", name="Region Skåne", agree=agree, n=n, partly=partly, disagree=disagree,
            no_position=no_position, not_addressed=not_addressed)
    assert (render(s, "sv"), render(s, "en")) == (sv, en)


def test_plain_keys_format_whole_numbers_and_refuse_other_values():
    s = say("analysis.headline.of_many", n=1339)
    assert render(s, "sv") == f"de 1{NB}339 instanser som yttrat sig"
    assert render(s, "en") == "the 1,339 respondents that commented"
    with pytest.raises(TypeError, match="analysis.headline.of_many"):
        render(say("analysis.headline.of_many", n=0.5))


def test_other_languages_fall_back_to_swedish_and_render_all_keeps_order():
    a, b = say("analysis.denominator.all"), say("analysis.headline.small", a_n=2, b_n=1)
    assert render(a, "de") == "av alla svarande instanser i remissen"
    assert render_all([b, a], "en") == [" Few answers (2 regions, 1 municipality), so the difference is uncertain.",
                                        "of all respondents who replied to the consultation"]


def test_a_sentence_is_a_frozen_hashable_value():
    s = say("analysis.headline.small", a_n=2, b_n=1)
    assert s == Sentence("analysis.headline.small", (("a_n", 2), ("b_n", 1)))
    assert s.fields == {"a_n": 2, "b_n": 1}
    assert len({s, say("analysis.headline.small", a_n=2, b_n=1)}) == 1
    assert pickle.loads(pickle.dumps(s)) == s  # st.cache_data pickles what it caches
    with pytest.raises(AttributeError):
        s.key = "other"  # type: ignore[misc]


def test_every_rendered_key_is_in_the_table():
    for key in sentences._RENDERERS:
        assert key in STRINGS, key


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every ``from module import name`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.module or "", alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            for alias in node.names]


def test_only_filters_makes_text_in_analysis():
    """The core returns keys and numbers; filters.describe_filters is the one sanctioned exception."""
    modules = sorted(ANALYSIS.glob("*.py"))
    assert len(modules) > 10  # the package was found
    offenders = [p.name for p in modules if p.name != "filters.py"
                 and ("i18n.strings", "t") in _imports(p)]
    assert offenders == []
    helpers = {"i18n.numbers", "i18n.textfmt", "i18n.words"}
    formatting = [p.name for p in modules if p.name != "filters.py"
                  and any(module in helpers for module, _ in _imports(p))]
    assert formatting == []
    assert ("i18n.strings", "t") in _imports(ANALYSIS / "filters.py")  # the guard reads imports correctly
