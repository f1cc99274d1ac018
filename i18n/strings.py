"""The one translation table. Swedish is the default; English is available.

    t("overview.title", "en")
    t("overview.headline_n", "sv", n=3)

Keys are dotted by page or component. Every key has both languages; a test
checks that.
"""
from __future__ import annotations

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"

STRINGS: dict[str, tuple[str, str]] = {
    # App shell
    "app.title": ("Remisskollen", "Remisskollen"),
    "app.tagline": ("Vad tyckte remissinstanserna?", "What did the consultation bodies say?"),
    "app.demo_notice": (
        "Exempeldata (fiktiv): utom två verkliga remissvar (Stockholms stad och Ludvika kommun) "
        "är alla instanser och svar påhittade, och förslagsnumren är illustrativa.",
        "Example data (fictional): apart from two real replies (Stockholms stad and Ludvika kommun), "
        "all respondents and replies are made up, and the proposal numbers are illustrative.",
    ),
    "app.demo_badge": ("Exempeldata (fiktiv)", "Example data (fictional)"),
    "app.no_rows": (
        "Inga svar matchar filtren. Ta bort något filter i sidopanelen för att se siffror.",
        "No replies match the filters. Remove a filter in the sidebar to see figures.",
    ),
    "nav.overview": ("Översikt", "Overview"),
    "nav.proposals": ("Förslag", "Proposals"),
    "nav.topics": ("Teman", "Topics"),
    "nav.contrast": ("Region vs kommun", "Region vs municipality"),
    "nav.respondents": ("Remissinstanser", "Respondents"),
    "nav.comments": ("Kommentarer", "Comments"),
    "nav.upload": ("Ladda upp", "Upload"),
    "nav.datasets": ("Datamängder", "Datasets"),
    "nav.section.analysis": ("Analys", "Analysis"),
    "nav.section.data": ("Data", "Data"),
    # Sidebar
    "sidebar.dataset": ("Aktiv datamängd", "Active dataset"),
    "sidebar.version": ("version {n}", "version {n}"),
    "sidebar.language": ("Språk", "Language"),
    "sidebar.filters": ("Filter", "Filters"),
    "sidebar.consultation": ("Remiss", "Consultation"),
    "sidebar.all_consultations": ("Alla remisser", "All consultations"),
    "sidebar.types": ("Typ av remissinstans", "Respondent type"),
    "sidebar.topics": ("Tema", "Topic"),
    "sidebar.all": ("Alla", "All"),
    "sidebar.active_filters": ("Urval", "Selection"),
    "sidebar.reset": ("Rensa filter", "Clear filters"),
    # Overview
    "overview.title": ("Översikt", "Overview"),
    "overview.respondents": ("Svarande instanser", "Responding bodies"),
    "overview.respondents_help": ("{replied} av {invited} inbjudna har svarat",
                                  "{replied} of {invited} invited have replied"),
    "overview.proposals": ("Förslag", "Proposals"),
    "overview.proposals_help": ("förslag i urvalet", "proposals in the selection"),
    "overview.answers": ("Kodade svar", "Coded answers"),
    "overview.answers_help": ("instans × förslag som berörts", "respondent × proposal pairs addressed"),
    "overview.agree": ("Tillstyrker", "Agree"),
    "overview.agree_help": ("{k} av {n} kodade svar tillstyrker (utan delvis)",
                            "{k} of {n} coded answers agree (excluding partly)"),
    "overview.by_type": ("Svarande per typ av instans", "Respondents by type"),
    "overview.headlines": ("Per remissinstans", "Per respondent"),
    "overview.headlines_caption": (
        "Antal förslag som instansen tillstyrker, av alla förslag i remissen.",
        "Number of proposals the body agrees with, of all proposals in the consultation.",
    ),
    # Column labels (shared by tables and exports)
    "col.consultation": ("Remiss", "Consultation"),
    "col.respondent": ("Remissinstans", "Respondent"),
    "col.respondent_type": ("Typ", "Type"),
    "col.proposal_id": ("Förslag", "Proposal"),
    "col.proposal_title": ("Rubrik", "Title"),
    "col.topic": ("Tema", "Topic"),
    "col.addressee": ("Adressat", "Addressee"),
    "col.stance": ("Ställningstagande", "Stance"),
    "col.comment": ("Kommentar", "Comment"),
    "col.source": ("Källa", "Source"),
    "col.sheet": ("Blad", "Sheet"),
    "col.row": ("Rad", "Row"),
    "col.column": ("Kolumn", "Column"),
    "col.severity": ("Allvar", "Severity"),
    "col.category": ("Kategori", "Category"),
    "col.message": ("Meddelande", "Message"),
    "col.invited": ("Inbjudna", "Invited"),
    "col.replied": ("Svarat", "Replied"),
    "col.not_replied": ("Ej svarat", "Not replied"),
    "col.reply_rate": ("Svarsandel", "Reply rate"),
    "col.headline": ("Sammanfattning", "Summary"),
    "col.agree": ("Tillstyrker", "Agree"),
    "col.partly": ("Tillstyrker delvis", "Partly agree"),
    "col.disagree": ("Avstyrker", "Disagree"),
    "col.no_position": ("Ingen synpunkt", "No position"),
    "col.not_addressed": ("Ej berört", "Not addressed"),
    "col.total": ("Totalt", "Total"),
    "col.n": ("n", "n"),
    "col.share": ("Andel", "Share"),
    # Stances
    "stance.agree": ("Tillstyrker", "Agree"),
    "stance.partly": ("Tillstyrker delvis", "Partly agree"),
    "stance.disagree": ("Avstyrker", "Disagree"),
    "stance.no_position": ("Ingen synpunkt", "No position"),
    "stance.not_addressed": ("Ej berört", "Not addressed"),
    # Severities
    "severity.error": ("Fel", "Error"),
    "severity.warning": ("Varning", "Warning"),
    # Misc
    "common.show_table": ("Visa tabell", "Show table"),
    "common.data_table": ("Tabell med siffrorna i diagrammet", "Table of the chart's figures"),
}

#: Respondent types: canonical Swedish value -> (sv label, en label).
TYPE_LABELS: dict[str, tuple[str, str]] = {
    "Region": ("Region", "Region"),
    "Kommun": ("Kommun", "Municipality"),
    "Statlig myndighet": ("Statlig myndighet", "Government agency"),
    "Lärosäte": ("Lärosäte", "University"),
    "Organisation": ("Organisation", "Organisation"),
    "Övrig": ("Övrig", "Other"),
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt) -> str:
    """Look up ``key`` in ``lang`` (sv or en) and format it with ``fmt``."""
    sv, en = STRINGS[key]
    text = en if lang == "en" else sv
    return text.format(**fmt) if fmt else text


def type_label(value: str, lang: str = DEFAULT_LANG) -> str:
    pair = TYPE_LABELS.get(str(value))
    if pair is None:
        return str(value)
    return pair[1] if lang == "en" else pair[0]


def stance_label(stance: str, lang: str = DEFAULT_LANG) -> str:
    return t(f"stance.{stance}", lang)
