"""The remissammanställning draft: quantifiers, sentences, the Word document.

Part of the one translation table: folded into ``i18n.strings.STRINGS``.
Each value is (Swedish, English); placeholders use ``str.format`` names.
The sentences are put together by :mod:`i18n.draft_sentences`.
"""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Quantifiers (the keys of analysis.quantifiers), as words ...
    "draft.q.none": ("ingen", "none"),
    "draft.q.one": ("en", "one"),
    "draft.q.all": ("samtliga", "all"),
    "draft.q.nearly_all": ("nästan alla", "nearly all"),
    "draft.q.most": ("de flesta", "most"),
    "draft.q.majority": ("en majoritet", "a majority"),
    "draft.q.several": ("flera", "several"),
    "draft.q.some": ("några", "some"),
    "draft.q.a_few": ("ett fåtal", "a few"),
    # ... and as the subject of a sentence (words style).
    "draft.qs.none": ("ingen remissinstans", "no respondent"),
    "draft.qs.one": ("en remissinstans", "one respondent"),
    "draft.qs.all": ("samtliga remissinstanser som har yttrat sig i denna del",
                     "all respondents that commented on this part"),
    "draft.qs.nearly_all": ("nästan alla remissinstanser som har yttrat sig i denna del",
                            "nearly all respondents that commented on this part"),
    "draft.qs.most": ("de flesta remissinstanserna", "most respondents"),
    "draft.qs.majority": ("en majoritet av remissinstanserna", "a majority of the respondents"),
    "draft.qs.several": ("flera remissinstanser", "several respondents"),
    "draft.qs.some": ("några remissinstanser", "some respondents"),
    "draft.qs.a_few": ("ett fåtal remissinstanser", "a few respondents"),
    # Counts style subject: k of n.
    "draft.counts_subject": ("{k} av {n} {noun} som har yttrat sig i denna del",
                             "{k} of {n} {noun} that commented on this part"),
    # Nouns and numbers
    "draft.noun.one": ("remissinstans", "respondent"),
    "draft.noun.many": ("remissinstanser", "respondents"),
    "draft.noun.none": ("ingen remissinstans", "no respondent"),
    "draft.count": ("{num} {noun}", "{num} {noun}"),
    "draft.num.1": ("en", "one"),
    "draft.num.2": ("två", "two"),
    "draft.num.3": ("tre", "three"),
    "draft.num.4": ("fyra", "four"),
    "draft.num.5": ("fem", "five"),
    "draft.num.6": ("sex", "six"),
    "draft.num.7": ("sju", "seven"),
    "draft.num.8": ("åtta", "eight"),
    "draft.num.9": ("nio", "nine"),
    "draft.num.10": ("tio", "ten"),
    "draft.num.11": ("elva", "eleven"),
    "draft.num.12": ("tolv", "twelve"),
    "draft.and": ("och", "and"),
    "draft.others": ("ytterligare {num} {noun}", "{num} other {noun}"),
    # Verbs, singular and plural subject
    "draft.verb.agree.one": ("tillstyrker förslaget", "agrees with the proposal"),
    "draft.verb.agree.many": ("tillstyrker förslaget", "agree with the proposal"),
    "draft.verb.partly.one": ("tillstyrker förslaget delvis", "partly agrees with the proposal"),
    "draft.verb.partly.many": ("tillstyrker förslaget delvis", "partly agree with the proposal"),
    "draft.verb.disagree.one": ("avstyrker förslaget", "opposes the proposal"),
    "draft.verb.disagree.many": ("avstyrker förslaget", "oppose the proposal"),
    "draft.verb.no_position.one": ("tar inte ställning till förslaget", "takes no position on the proposal"),
    "draft.verb.no_position.many": ("tar inte ställning till förslaget", "take no position on the proposal"),
    # Sentences
    "draft.heading": ("Remissinstanserna:", "The consultation bodies:"),
    "draft.s.clause": ("{subject} {verb}{names}.", "{subject} {verb}{names}."),
    "draft.names.examples": (", bl.a. {names}", ", including {names}"),
    "draft.names.all": (": {names}", ": {names}"),
    "draft.s.reason": ("{name} anför: ”{text}” ({ref}).", "{name} states: “{text}” ({ref})."),
    "draft.s.single_reason": ("{name} {verb} och anför: ”{text}” ({ref}).",
                              "{name} {verb}, stating: “{text}” ({ref})."),
    "draft.ref": ("rad {row}", "row {row}"),
    "draft.ref_sheet": ("blad {sheet}, rad {row}", "sheet {sheet}, row {row}"),
    "draft.s.few_commented": ("Endast ett fåtal remissinstanser har yttrat sig i denna del.",
                              "Only a few respondents commented on this part."),
    "draft.ui.contrast_figure": ("{a_agree} av {a_total} mot {b_agree} av {b_total}",
                                 "{a_agree} of {a_total} vs {b_agree} of {b_total}"),
    "draft.s.no_replies": ("Ingen remissinstans har yttrat sig i denna del.",
                           "No respondent commented on this part."),
    "draft.s.all_declined": ("{count} har yttrat sig i denna del men utan att ta ställning till förslaget{names}.",
                             "{count} commented on this part but took no position on the proposal{names}."),
    "draft.s.not_addressing": ("{count} som har svarat på remissen har inte yttrat sig i denna del.",
                               "{count} that replied to the consultation did not comment on this part."),
    "draft.s.contrast": ("{a} är mer positiva än {b} ({a_pct} mot {b_pct}).",
                         "{a} are more positive than {b} ({a_pct} vs {b_pct})."),
    "draft.s.contrast_small_note": ("Grupperna är dock små ({a_n} respektive {b_n} svar).",
                                    "The groups are small, however ({a_n} and {b_n} answers)."),
    "draft.s.contrast_small": (
        "Om {a} och {b} skiljer sig åt går inte att bedöma eftersom grupperna är små ({a_n} respektive {b_n} svar).",
        "Whether {a} and {b} differ cannot be judged because the groups are small ({a_n} and {b_n} answers).",
    ),
    "draft.type_def.Region": ("regionerna", "the regions"),
    "draft.type_def.Kommun": ("kommunerna", "the municipalities"),
    "draft.type_def.Statlig myndighet": ("de statliga myndigheterna", "the government agencies"),
    "draft.type_def.Lärosäte": ("lärosätena", "the higher education institutions"),
    "draft.type_def.Organisation": ("organisationerna", "the organisations"),
    "draft.type_def.Övrig": ("övriga", "the others"),
    # The Word document
    "draft.doc.title": ("Remissammanställning", "Summary of consultation responses"),
    "draft.doc.subtitle": ("Utkast från Remisskollen", "Draft from Remisskollen"),
    "draft.doc.consultation": ("Remiss: {name}", "Consultation: {name}"),
    "draft.doc.consultations": ("Remisser: {names}", "Consultations: {names}"),
    "draft.doc.dataset": ("Datamängd: {name}, version {version}", "Dataset: {name}, version {version}"),
    "draft.doc.filters": ("Urval: {text}", "Selection: {text}"),
    "draft.doc.stances_ignored": (
        "Filtret på ställningstagande används inte: sammanställningen redovisar alla ställningstaganden.",
        "The stance filter is not used: the summary reports every stance.",
    ),
    "draft.doc.date": ("Datum: {date}", "Date: {date}"),
    "draft.doc.method": (
        "Antal och kvantifierare (”de flesta”, ”ett fåtal”) räknas av de remissinstanser som har yttrat sig "
        "om respektive förslag. Skillnader mellan regioner och kommuner nämns bara där Fishers exakta test, "
        "Holm-justerat över remissens förslag, ger p < 0,05. Citat är ordagranna utdrag ur kommentarerna, "
        "med rad i källfilen.",
        "Counts and quantifiers (\"most\", \"a few\") are taken of the respondents that commented on each "
        "proposal. Differences between regions and municipalities are mentioned only where Fisher's exact "
        "test, Holm-adjusted over the consultation's proposals, gives p < 0.05. Quotations are verbatim "
        "extracts of the comments, with their row in the source file.",
    ),
    "draft.doc.edited_count": ("Redigerade texter: {n} av {total}.", "Edited texts: {n} of {total}."),
    "draft.doc.proposal": ("Förslag {pid}: {title}", "Proposal {pid}: {title}"),
    "draft.doc.proposal_untitled": ("Förslag {pid}", "Proposal {pid}"),
    "draft.doc.addressed": ("Har yttrat sig", "Commented"),
    "draft.doc.appendix": ("Förteckning över remissinstanserna", "List of consultation bodies"),
    "draft.doc.appendix_intro": (
        "Remissinstanserna i urvalet, efter typ av instans.",
        "The consultation bodies in the selection, by type.",
    ),
    "draft.doc.not_replied": ("Följande remissinstanser har inte svarat: {names}.",
                              "The following did not reply: {names}."),
    "draft.doc.declined": ("Följande remissinstanser har svarat men avstått från att ta ställning: {names}.",
                           "The following replied but declined to take a position: {names}."),
    "draft.doc.none_not_replied": ("Samtliga remissinstanser i urvalet har svarat.",
                                   "Every consultation body in the selection replied."),
    # The page "Sammanställning"
    "draft.nav": ("Sammanställning", "Summary draft"),
    "draft.ui.title": ("Sammanställning", "Summary draft"),
    "draft.ui.intro": (
        "Ett utkast till remissammanställningen, ett stycke per förslag, för urvalet i sidopanelen. Redigera "
        "texten och spara: den sparade texten följer med till nästa version av datamängden, och sidan säger "
        "till om siffrorna har ändrats sedan texten skrevs.",
        "A draft of the summary of consultation responses, one paragraph per proposal, for the selection in "
        "the sidebar. Edit the text and save: the saved text carries over to the next version of the dataset, "
        "and the page tells you when the figures have changed since the text was written.",
    ),
    "draft.ui.style": ("Stil", "Style"),
    "draft.ui.style.words": ("Ord (”de flesta”)", "Words (\"most\")"),
    "draft.ui.style.counts": ("Antal (”18 av 24”)", "Counts (\"18 of 24\")"),
    "draft.ui.download": ("Ladda ner utkastet (Word)", "Download the draft (Word)"),
    "draft.ui.text_label": ("Text för förslag {pid}", "Text for proposal {pid}"),
    "draft.ui.save": ("Spara texten", "Save the text"),
    "draft.ui.regenerate": ("Skapa texten på nytt", "Regenerate the text"),
    "draft.ui.saved": ("Texten för förslag {pid} är sparad.", "The text for proposal {pid} is saved."),
    "draft.ui.reset_done": ("Texten för förslag {pid} är skapad på nytt ur siffrorna.",
                            "The text for proposal {pid} is regenerated from the figures."),
    "draft.ui.edited_by": ("Redigerad text, sparad {at} av {by} mot version {version}.",
                           "Edited text, saved {at} by {by} against version {version}."),
    "draft.ui.changed": (
        "Siffrorna för förslag {pid} har ändrats sedan texten redigerades (mot version {version}). Kontrollera "
        "texten eller skapa den på nytt.",
        "The figures for proposal {pid} have changed since the text was edited (against version {version}). "
        "Check the text or regenerate it.",
    ),
    "draft.ui.changed_count_one": ("En redigerad text bygger på siffror som har ändrats: {pids}.",
                                   "One edited text rests on figures that have changed: {pids}."),
    "draft.ui.changed_count": ("{n} redigerade texter bygger på siffror som har ändrats: {pids}.",
                               "{n} edited texts rest on figures that have changed: {pids}."),
    "draft.ui.page_label": ("Visa förslag", "Show proposals"),
    "draft.ui.page": ("{a}–{b} av {n} (förslag {first} till {last})",
                      "{a}–{b} of {n} (proposals {first} to {last})"),
    "draft.ui.rows": ("Raderna bakom siffrorna och namnen", "The rows behind the figures and names"),
    "draft.ui.not_addressing": ("Har svarat på remissen men inte yttrat sig om förslaget: {names}.",
                                "Replied to the consultation but did not comment on the proposal: {names}."),
    "draft.ui.contrast_rows": (
        "Jämförelsen regioner–kommuner: {a_agree} av {a_total} mot {b_agree} av {b_total} tillstyrker, "
        "p = {p} (Holm-justerat {p_holm}).",
        "Regions vs municipalities: {a_agree} of {a_total} vs {b_agree} of {b_total} agree, "
        "p = {p} (Holm-adjusted {p_holm}).",
    ),
    "draft.ui.store_error": ("Sparade texter kunde inte läsas eller sparas ({error}).",
                             "Saved texts could not be read or saved ({error})."),
    "draft.ui.no_proposals": ("Urvalet innehåller inga förslag.", "The selection has no proposals."),
    "draft.ui.figure": ("Uppgift", "Figure"),
    "draft.ui.before": ("När texten skrevs", "When the text was written"),
    "draft.ui.after": ("Nu", "Now"),
    "draft.fig.addressed": ("Har yttrat sig", "Commented"),
    "draft.fig.replied": ("Har svarat på remissen", "Replied to the consultation"),
    "draft.fig.not_addressed": ("Ej berört", "Not addressed"),
    "draft.fig.agree": ("Tillstyrker", "Agree"),
    "draft.fig.partly": ("Tillstyrker delvis", "Partly agree"),
    "draft.fig.disagree": ("Avstyrker", "Disagree"),
    "draft.fig.no_position": ("Ingen synpunkt", "No position"),
    "draft.fig.names_partly": ("Tillstyrker delvis (namn)", "Partly agree (names)"),
    "draft.fig.names_disagree": ("Avstyrker (namn)", "Disagree (names)"),
    "draft.fig.contrast": ("Regioner mot kommuner", "Regions vs municipalities"),
}
