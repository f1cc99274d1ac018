"""Words put together in running text come from the translation table, in both languages."""
from i18n.words import agree_verb, by_count, join_words, lang_of, stance_verb, type_plural


def test_join_words():
    assert join_words(["A", "B", "C"]) == "A, B och C"
    assert join_words(["A", "B"], "en") == "A and B"
    assert join_words(["tillstyrker", "avstyrker"], "sv", conj="eller") == "tillstyrker eller avstyrker"
    assert join_words(["A"], "en") == "A" and join_words([], "sv") == ""


def test_type_plurals_and_unknown_types():
    assert [type_plural(x, "sv") for x in ("Region", "Kommun", "Statlig myndighet")] == \
        ["regioner", "kommuner", "statliga myndigheter"]
    assert [type_plural(x, "en") for x in ("Lärosäte", "Organisation", "Övrig")] == \
        ["higher education institutions", "organisations", "others"]
    assert type_plural("Stiftelse", "en") == "Stiftelse"


def test_stance_verbs_and_counts():
    assert stance_verb("partly", "sv") == "tillstyrker delvis"
    assert stance_verb("no_position", "en") == "take no position"
    assert stance_verb("odd", "sv") == "odd"
    assert agree_verb(True, "sv") == "tillstyrker helt eller delvis" and agree_verb(False, "en") == "agree"
    assert (by_count(1, "proposals", "en"), by_count(2, "proposals", "en")) == ("proposal", "proposals")
    assert (by_count(1, "be", "en"), by_count(3, "be", "en"), by_count(0, "them", "en")) == ("is", "are", "them")
    assert lang_of("de") == "sv" and lang_of("en") == "en"
