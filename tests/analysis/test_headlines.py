from analysis import headlines as _headlines
from i18n.sentences import render_all
from loaders.model import CodedData

NBSP = "\xa0"

SPEC = {
    ("Region", "1"): {"agree": 6},
    ("Kommun", "1"): {"agree": 5, "disagree": 1},
    ("Region", "2"): {"agree": 1, "disagree": 5},
    ("Kommun", "2"): {"agree": 5, "disagree": 1},
    ("Region", "3"): {"agree": 1},   # tiny groups: a 100-point gap that is not preferred
    ("Kommun", "3"): {"disagree": 1},
}


def headlines(data, lang="sv", **kw):
    """The headlines as text: the core's sentences rendered in ``lang``."""
    return render_all(_headlines.headlines(data, **kw), lang)


def test_small_dataset_sv(small):
    assert headlines(small) == [
        "0 av 3 förslag tillstyrks av en majoritet av de instanser som yttrat sig.",
        "Störst skillnad mellan regioner och kommuner gäller förslag 4.10 (Gemensam IT): "
        f"50{NBSP}% av regionerna och 100{NBSP}% av kommunerna tillstyrker (50 procentenheter). "
        "Underlaget är litet (2 regioner, 1 kommun), så skillnaden är osäker.",
    ]


def test_small_dataset_en_with_min_n(small):
    assert headlines(small, "en", min_n=4) == [
        "0 of 3 proposals are supported by a majority of the respondents that commented on them.",
        "Proposal 4.10 (Gemensam IT) has the most support: 50% of the 4 respondents that commented agree.",
        "Proposal 4.2 (Nationell styrning) has the least support: 40% of the 5 respondents that commented agree.",
        "The biggest difference between regions and municipalities is on proposal 4.10 (Gemensam IT): "
        "50% of regions and 100% of municipalities agree (50 percentage points). "
        "Few answers (2 regions, 1 municipality), so the difference is uncertain.",
    ]


def test_count_partly(small):
    assert headlines(small, count_partly=True, min_n=4)[:3] == [
        "2 av 3 förslag tillstyrks helt eller delvis av en majoritet av de instanser som yttrat sig.",
        f"Förslag 4.10 (Gemensam IT) har störst stöd: 75{NBSP}% av de 4 instanser som yttrat sig "
        "tillstyrker helt eller delvis.",
        f"Förslag 4.2 (Nationell styrning) har minst stöd: 60{NBSP}% av de 5 instanser som yttrat sig "
        "tillstyrker helt eller delvis.",
    ]


def test_larger_groups_preferred_and_points_match_rounded_percentages(build):
    data = CodedData(build.counts(SPEC))
    assert headlines(data) == [
        "1 av 3 förslag tillstyrks av en majoritet av de instanser som yttrat sig.",
        f"Förslag 1 har störst stöd: 92{NBSP}% av de 12 instanser som yttrat sig tillstyrker.",
        f"Förslag 2 har minst stöd: 50{NBSP}% av de 12 instanser som yttrat sig tillstyrker.",
        "Störst skillnad mellan regioner och kommuner gäller förslag 2: "
        f"17{NBSP}% av regionerna och 83{NBSP}% av kommunerna tillstyrker (66 procentenheter).",
    ]
    assert headlines(data, "en")[0] == \
        "1 of 3 proposals is supported by a majority of the respondents that commented on them."


def test_single_respondent_wording(build):
    data = CodedData(build.counts({("Lärosäte", "A"): {"agree": 1}, ("Organisation", "B"): {"disagree": 1}}))
    assert headlines(data) == [
        "1 av 2 förslag tillstyrks av en majoritet av de instanser som yttrat sig.",
        f"Förslag A har störst stöd: 100{NBSP}% av den enda instans som yttrat sig tillstyrker.",
        f"Förslag B har minst stöd: 0{NBSP}% av den enda instans som yttrat sig tillstyrker.",
    ]
    assert headlines(data, "en")[1] == \
        "Proposal A has the most support: 100% of the only respondent that commented agree."


def test_no_data():
    assert headlines(CodedData()) == []
