"""Sentences and labels that analysis/ figures are shown with (headlines, profiles, filters, shares).

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names (a
language may leave out a placeholder the other needs, e.g. English plurals).
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Words in running text (i18n.words)
    "analysis.and": ("och", "and"),
    "analysis.or": ("eller", "or"),
    "analysis.verb.agree": ("tillstyrker", "agree"),
    "analysis.verb.partly": ("tillstyrker delvis", "partly agree"),
    "analysis.verb.disagree": ("avstyrker", "disagree"),
    "analysis.verb.no_position": ("saknar ställningstagande", "take no position"),
    "analysis.plural.region": ("regioner", "regions"),
    "analysis.plural.kommun": ("kommuner", "municipalities"),
    "analysis.plural.agency": ("statliga myndigheter", "government agencies"),
    "analysis.plural.university": ("lärosäten", "higher education institutions"),
    "analysis.plural.organisation": ("organisationer", "organisations"),
    "analysis.plural.other": ("övriga", "others"),
    # Number agreement in the English sentences (Swedish needs no change)
    "analysis.proposals_one": ("förslag", "proposal"),
    "analysis.proposals_many": ("förslag", "proposals"),
    "analysis.be_one": ("är", "is"),
    "analysis.be_many": ("är", "are"),
    "analysis.them_one": ("det", "it"),
    "analysis.them_many": ("dem", "them"),
    # What a share is "of", after the percentage (analysis.shares.denominator_text)
    "analysis.denominator.addressed": ("av dem som yttrat sig om förslaget", "of those who commented on the proposal"),
    "analysis.denominator.positioned": ("av dem som tagit ställning", "of those who took a position"),
    "analysis.denominator.all": ("av alla svarande instanser i remissen",
                                 "of all respondents who replied to the consultation"),
    # The selection in plain words (analysis.filters.describe_filters)
    "analysis.filters.none": ("Alla svar, utan filter.", "All responses, no filters."),
    "analysis.filters.consultation": ("Remiss: {value}.", "Consultation: {value}."),
    "analysis.filters.types": ("remissinstanser av typen {value}", "respondents of type {value}"),
    "analysis.filters.topic": ("tema {value}", "topic {value}"),
    "analysis.filters.topics": ("tema {value}", "topics {value}"),
    "analysis.filters.proposal": ("förslag {value}", "proposal {value}"),
    "analysis.filters.proposals": ("förslag {value}", "proposals {value}"),
    "analysis.filters.stances": ("svar som {value}", "answers that {value}"),
    # Headlines (analysis.headlines)
    "analysis.headline.majority": (
        "{k} av {n} förslag tillstyrks{partly} av en majoritet av de instanser som yttrat sig.",
        "{k} of {n} {proposals} {be}{partly} supported by a majority of the respondents that commented on {them}.",
    ),
    "analysis.headline.partly": (" helt eller delvis", " fully or partly"),
    "analysis.headline.most": ("Förslag {pid} har störst stöd: {pct} av {of} {agree}.",
                               "Proposal {pid} has the most support: {pct} of {of} {agree}."),
    "analysis.headline.least": ("Förslag {pid} har minst stöd: {pct} av {of} {agree}.",
                                "Proposal {pid} has the least support: {pct} of {of} {agree}."),
    "analysis.headline.of_many": ("de {n} instanser som yttrat sig", "the {n} respondents that commented"),
    "analysis.headline.of_one": ("den enda instans som yttrat sig", "the only respondent that commented"),
    "analysis.headline.diff": (
        "Störst skillnad mellan regioner och kommuner gäller förslag {pid}: "
        "{a} av regionerna och {b} av kommunerna {agree} ({pp} {unit}).",
        "The biggest difference between regions and municipalities is on proposal {pid}: "
        "{a} of regions and {b} of municipalities {agree} ({pp} {unit}).",
    ),
    "analysis.headline.pp_one": ("procentenhet", "percentage point"),
    "analysis.headline.pp_many": ("procentenheter", "percentage points"),
    "analysis.headline.small": (
        " Underlaget är litet ({a_n} {a_unit}, {b_n} {b_unit}), så skillnaden är osäker.",
        " Few answers ({a_n} {a_unit}, {b_n} {b_unit}), so the difference is uncertain.",
    ),
    "analysis.headline.region_one": ("region", "region"),
    "analysis.headline.region_many": ("regioner", "regions"),
    "analysis.headline.kommun_one": ("kommun", "municipality"),
    "analysis.headline.kommun_many": ("kommuner", "municipalities"),
    # One respondent in a sentence (analysis.profiles)
    "analysis.profile.main": ("{name} tillstyrker {agree} av {n} förslag",
                              "{name} agrees with {agree} of {n} {proposals}"),
    "analysis.profile.partly": ("{n} delvis", "{n} partly"),
    "analysis.profile.disagree": ("{n} avstyrker", "{n} disagree"),
    "analysis.profile.no_position": ("{n} utan ställningstagande", "{n} no position"),
    "analysis.profile.not_addressed": ("{n} ej berörda", "{n} not addressed"),
}
