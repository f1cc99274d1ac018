"""The remissammanställning draft as a Word document (python-docx).

One function, :func:`build_docx`, serves the app's download button and
``python cli.py draft``: the same data, filters, language and style give the
same document (the CLI passes no edits).

Layout:

* a title page: title, the consultation(s), dataset and version, the
  filters in words (:func:`analysis.filters.describe_filters`), a note when
  a stance filter was dropped, the date, a method note; then a page break;
* per consultation a ``Heading 1``, per proposal a ``Heading 2``
  ("Förslag 5.1.1: Titel"), then the paragraph with the run-in heading
  "Remissinstanserna:" in bold (the edited text where one is given), then a
  one-row table of counts;
* the appendix "Förteckning över remissinstanserna" (``Heading 1``): per
  consultation a ``Heading 2``, per respondent type a ``Heading 3`` with the
  names in Swedish alphabetical order; then who did not reply and who replied
  but only declined to take a position.

Real heading styles make Word's navigation pane and table of contents work.
"""
from __future__ import annotations

import io
import re
from collections.abc import Mapping

import pandas as pd
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from analysis.draft import Draft, ProposalDraft, build_draft, order_key
from analysis.filters import Filters, apply_filters, describe_filters
from analysis.universe import listed_respondents
from exports.meta import ExtractMeta
from i18n.draft_sentences import capitalise, heading, join_names, paragraph
from i18n.strings import t
from i18n.words import type_plural
from loaders.model import CodedData

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: Columns of the small table of counts under each paragraph (keys of ProposalDraft.figures()).
COUNT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("agree", "col.agree"), ("partly", "col.partly"), ("disagree", "col.disagree"),
    ("no_position", "col.no_position"), ("addressed", "draft.doc.addressed"), ("not_addressed", "col.not_addressed"),
)
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    """Text Word's XML can hold: control characters removed."""
    return _XML_FORBIDDEN.sub("", str(text))


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "sv"


def _set_language(doc, lang: str) -> None:
    """Proofing language of the Normal style (sv-SE or en-GB), so Word checks spelling in the right language."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), "en-GB" if lang == "en" else "sv-SE")


def proposal_heading(p: ProposalDraft, lang: str = "sv") -> str:
    if p.title:
        return t("draft.doc.proposal", _lang(lang), pid=p.proposal_id, title=p.title)
    return t("draft.doc.proposal_untitled", _lang(lang), pid=p.proposal_id)


def _title_page(doc, draft: Draft, filters: Filters, meta: ExtractMeta, lang: str, n_edited: int) -> None:
    doc.add_paragraph(t("draft.doc.title", lang), style="Title")
    doc.add_paragraph(t("draft.doc.subtitle", lang), style="Subtitle")
    consultations = list(dict.fromkeys(p.consultation for p in draft.proposals))
    if len(consultations) == 1:
        doc.add_paragraph(_clean(t("draft.doc.consultation", lang, name=consultations[0])))
    elif consultations:
        doc.add_paragraph(_clean(t("draft.doc.consultations", lang, names="; ".join(consultations))))
    doc.add_paragraph(_clean(t("draft.doc.dataset", lang, name=meta.dataset, version=meta.version_text)))
    doc.add_paragraph(_clean(t("draft.doc.filters", lang, text=describe_filters(filters, lang))))
    if filters.stances:
        doc.add_paragraph(t("draft.doc.stances_ignored", lang))
    doc.add_paragraph(t("draft.doc.date", lang, date=meta.generated_at))
    doc.add_paragraph(t("draft.doc.method", lang))
    if n_edited:
        doc.add_paragraph(t("draft.doc.edited_count", lang, n=n_edited, total=len(draft.proposals)))
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _counts_table(doc, p: ProposalDraft, lang: str) -> None:
    figures = p.figures()
    table = doc.add_table(rows=2, cols=len(COUNT_COLUMNS))
    table.style = "Table Grid"
    for j, (key, label) in enumerate(COUNT_COLUMNS):
        table.cell(0, j).text = t(label, lang)
        table.cell(1, j).text = str(figures[key])
        table.cell(0, j).paragraphs[0].runs[0].bold = True


def _appendix(doc, data: CodedData, filters: Filters, lang: str) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading(t("draft.doc.appendix", lang), level=1)
    doc.add_paragraph(t("draft.doc.appendix_intro", lang))
    view = apply_filters(data, filters)
    listed = listed_respondents(view)
    r = view.responses
    stance_of = pd.DataFrame({"consultation": r["consultation"].astype("str").to_numpy(),
                              "respondent": r["respondent"].astype("str").to_numpy(),
                              "declined": (r["stance"].astype("str") == "no_position").to_numpy()})
    only_declined = stance_of.groupby(["consultation", "respondent"])["declined"].all()
    for consultation in dict.fromkeys(listed["consultation"].astype("str")):
        doc.add_heading(_clean(consultation), level=2)
        sub = listed[listed["consultation"].astype("str") == consultation]
        people = sorted(zip(sub["respondent"].astype("str"), sub["respondent_type"].astype("str"),
                            sub["replied"].astype(bool), strict=True), key=lambda x: order_key(x[0], x[1]))
        for rtype in dict.fromkeys(p[1] for p in people):
            doc.add_heading(capitalise(type_plural(rtype, lang)), level=3)
            doc.add_paragraph(_clean(", ".join(p[0] for p in people if p[1] == rtype) + "."))
        not_replied = [p[0] for p in people if not p[2]]
        declined = [p[0] for p in people if p[2] and bool(only_declined.get((consultation, p[0]), False))]
        if not_replied:
            doc.add_paragraph(_clean(t("draft.doc.not_replied", lang, names=join_names(not_replied, lang))))
        else:
            doc.add_paragraph(t("draft.doc.none_not_replied", lang))
        if declined:
            doc.add_paragraph(_clean(t("draft.doc.declined", lang, names=join_names(declined, lang))))


def build_docx(data: CodedData, filters: Filters, meta: ExtractMeta, lang: str = "sv", style: str = "words",
               edits: Mapping[str, str] | None = None, draft: Draft | None = None) -> bytes:
    """The draft as ``.docx`` bytes.

    ``edits``: edited paragraph bodies by :attr:`ProposalDraft.key`, used
    instead of the generated text; ``draft``: the draft already built for
    these data and filters (else it is built here).
    """
    lang = _lang(lang)
    filters = filters or Filters()
    draft = draft if draft is not None else build_draft(data, filters)
    edits = {k: v for k, v in (edits or {}).items() if v is not None}
    doc = Document()
    _set_language(doc, lang)
    doc.core_properties.title = t("draft.doc.title", lang)
    doc.core_properties.language = "en-GB" if lang == "en" else "sv-SE"
    n_edited = sum(1 for p in draft.proposals if p.key in edits)
    _title_page(doc, draft, filters, meta, lang, n_edited)
    current = None
    for p in draft.proposals:
        if p.consultation != current:
            current = p.consultation
            doc.add_heading(_clean(current), level=1)
        doc.add_heading(_clean(proposal_heading(p, lang)), level=2)
        para = doc.add_paragraph()
        para.add_run(heading(lang)).bold = True
        body = edits.get(p.key)
        para.add_run(" " + _clean(body if body is not None else paragraph(p, lang, style)))
        _counts_table(doc, p, lang)
    _appendix(doc, data, draft.filters, lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
