"""The "Sammanställning" page's logic: the draft for the page's selection, stored edits, one block per proposal.

The draft itself is :func:`analysis.draft.build_draft` (cached per dataset
version and filters); its words come from :mod:`i18n.draft_sentences`; edits
are kept in the store (:mod:`store.drafts`) with the figures they were
written against, so a new version flags the paragraphs whose numbers moved.
The download is :func:`exports.draft_docx.build_docx`, the same document as
``cli.py draft`` plus the edits.
"""
from __future__ import annotations

import datetime as _dt
import hashlib

import pandas as pd
import streamlit as st

from analysis.draft import Draft, ProposalDraft, build_draft, draft_filters, figure_changes
from components.context import PageContext
from components.datasource import load_dataset
from components.user import can, current_user, refusal
from exports.draft_docx import DOCX_MIME, build_docx, proposal_heading
from exports.meta import ExtractMeta
from i18n.draft_sentences import STYLES, join_names, paragraph
from i18n.numbers import fmt_num
from i18n.strings import t
from store import drafts

_FLASH = "_draft_flash"


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_draft(key: str, filters) -> Draft:
    """The draft for a dataset version and filters (versions are immutable, so the key never goes stale)."""
    return build_draft(load_dataset(key), filters)


def draft_of(ctx: PageContext) -> Draft:
    return cached_draft(ctx.source.key, draft_filters(ctx.filters))


def _engine():
    from components.connection import get_store

    return get_store().engine


def _scope(ctx: PageContext) -> dict:
    return {"dataset_id": ctx.source.dataset_id,
            "filters": drafts.filters_key(draft_filters(ctx.filters).to_params()), "lang": ctx.lang}


def load_edits(ctx: PageContext) -> tuple[dict, str | None]:
    """The stored edits for this dataset, selection and language, and an error text if the store failed."""
    try:
        return drafts.current(_engine(), **_scope(ctx)), None
    except Exception as exc:  # noqa: BLE001 - the generated draft still works without the store
        return {}, f"{type(exc).__name__}: {exc}"


def block_keys(ctx: PageContext, p: ProposalDraft, style: str) -> dict[str, str]:
    """Widget keys of one proposal's block (stable per dataset version, language and style)."""
    digest = hashlib.sha256(p.key.encode()).hexdigest()[:12]
    return {"text": f"draft-text-{ctx.source.key}-{ctx.lang}-{style}-{digest}",
            "save": f"draft-save-{digest}", "reset": f"draft-reset-{digest}", "rows": f"draft-rows-{digest}"}


#: Proposals edited on one screen; a longer draft is shown a part at a time (the download holds all).
PAGE_SIZE = 50


def page_of(proposals: list, lang: str) -> list:
    """The proposals to draw: all of them, or, above :data:`PAGE_SIZE`, the part the official picks.

    Every paragraph is a text area, and Streamlit's cost per text area grows
    with the number on the page: 400 proposals took seconds per rerun.
    """
    if len(proposals) <= PAGE_SIZE:
        return proposals
    starts = list(range(0, len(proposals), PAGE_SIZE))

    def label(start: int) -> str:
        end = min(start + PAGE_SIZE, len(proposals))
        return t("draft.ui.page", lang, first=proposals[start].proposal_id, last=proposals[end - 1].proposal_id,
                 a=start + 1, b=end, n=len(proposals))

    start = st.selectbox(t("draft.ui.page_label", lang), starts, format_func=label, key="draft_page")
    return proposals[start:start + PAGE_SIZE]


def style_picker(lang: str) -> str:
    return st.radio(t("draft.ui.style", lang), STYLES, format_func=lambda s: t(f"draft.ui.style.{s}", lang),
                    horizontal=True, key="draft_style")


def _save(ctx: PageContext, p: ProposalDraft, text_key: str, reset_to: str | None = None) -> None:
    """Button callback: store the text area's text (or a reset, putting ``reset_to`` back in the text area)."""
    if not can("save_draft"):  # checked here too, not only by the disabled button
        st.session_state[_FLASH] = ("error", refusal(ctx.lang))
        return
    text = None if reset_to is not None else str(st.session_state.get(text_key, ""))
    try:
        drafts.save(_engine(), version_id=ctx.source.version_id, version_number=ctx.source.version_number,
                    proposal_key=p.key, text=text, figures=p.figures(), user=current_user(), **_scope(ctx))
    except Exception as exc:  # noqa: BLE001 - say so, keep the text in the widget
        st.session_state[_FLASH] = ("error", t("draft.ui.store_error", ctx.lang, error=f"{type(exc).__name__}: {exc}"))
        return
    if reset_to is not None:
        st.session_state[text_key] = reset_to
    st.session_state[_FLASH] = ("success", t("draft.ui.saved" if reset_to is None else "draft.ui.reset_done",
                                            ctx.lang, pid=p.proposal_id))


def flash() -> None:
    """The message left by the last save or reset, shown once."""
    kind, message = st.session_state.pop(_FLASH, (None, None))
    if kind == "success":
        st.success(message, icon=":material/check:")
    elif kind == "error":
        st.error(message)


def _figure_text(value, lang: str) -> str:
    if isinstance(value, list):
        return join_names(value, lang) or "–"
    if isinstance(value, dict):
        return t("draft.ui.contrast_figure", lang, **{k: value[k] for k in ("a_agree", "a_total", "b_agree",
                                                                             "b_total")})
    return "–" if value is None else str(value)


def changes_frame(changes, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("draft.ui.figure", lang): [t(f"draft.fig.{k}", lang) for k, _, _ in changes],
        t("draft.ui.before", lang): [_figure_text(old, lang) for _, old, _ in changes],
        t("draft.ui.after", lang): [_figure_text(new, lang) for _, _, new in changes],
    })


def changed_proposals(draft: Draft, edits: dict) -> list[str]:
    """Ids of the proposals whose edited text rests on figures that have changed."""
    return [p.proposal_id for p in draft.proposals
            if p.key in edits and figure_changes(edits[p.key].figures, p.figures())]


def evidence_frame(p: ProposalDraft, lang: str) -> pd.DataFrame:
    """Every coded row behind the paragraph: respondent, type, stance, sheet, row, comment."""
    rows = [(m.name, m.respondent_type, g.stance, m.ref.sheet, m.ref.row, m.comment)
            for g in p.groups for m in g.members]
    frame = pd.DataFrame(rows, columns=["respondent", "respondent_type", "stance", "sheet", "row", "comment"])
    return frame.sort_values(["sheet", "row"], kind="stable").reset_index(drop=True)


def proposal_block(ctx: PageContext, p: ProposalDraft, edit, style: str) -> None:
    """Heading, change notice, editable text, save/regenerate, and the rows behind the figures."""
    from components.tables import show_table

    lang, keys = ctx.lang, block_keys(ctx, p, style)
    generated = paragraph(p, lang, style)
    st.subheader(proposal_heading(p, lang))
    changes = figure_changes(edit.figures, p.figures()) if edit else []
    if changes:
        st.warning(t("draft.ui.changed", lang, pid=p.proposal_id, version=edit.version_number or "–"),
                   icon=":material/difference:")
        st.dataframe(changes_frame(changes, lang), hide_index=True, key=f"{keys['rows']}-changes")
    if edit:
        at = edit.at.astimezone().strftime("%Y-%m-%d %H:%M")
        st.caption(t("draft.ui.edited_by", lang, at=at, by=edit.user, version=edit.version_number or "–"))
    if keys["text"] not in st.session_state:
        st.session_state[keys["text"]] = edit.text if edit else generated
    st.text_area(t("draft.ui.text_label", lang, pid=p.proposal_id), key=keys["text"], height=160)
    left, right = st.columns(2)
    allowed = can("save_draft")
    why = None if allowed else refusal(lang)
    left.button(t("draft.ui.save", lang), key=keys["save"], on_click=_save, args=(ctx, p, keys["text"]),
                icon=":material/save:", disabled=not allowed, help=why)
    right.button(t("draft.ui.regenerate", lang), key=keys["reset"], on_click=_save,
                 args=(ctx, p, keys["text"], generated), icon=":material/refresh:", disabled=not allowed, help=why)
    # The rows behind the figures are drawn only while their expander is open: with a hundred
    # proposals and thousands of bodies, drawing every closed table cost seconds per rerun.
    rows = st.expander(t("draft.ui.rows", lang), key=f"{keys['rows']}-open", on_change="rerun")
    with rows:
        if rows.open:
            show_table(evidence_frame(p, lang), lang, key=keys["rows"], stance_cols=("stance",))
        if p.not_addressing:
            st.caption(t("draft.ui.not_addressing", lang, names=join_names(p.not_addressing, lang)))
        c = p.contrast
        if c is not None:
            st.caption(t("draft.ui.contrast_rows", lang, a_agree=c.a_agree, a_total=c.a_total, b_agree=c.b_agree,
                         b_total=c.b_total, p=fmt_num(c.p_value, lang, 3), p_holm=fmt_num(c.p_holm, lang, 3)))


def download(ctx: PageContext, draft: Draft, edits: dict, style: str) -> None:
    """The .docx of the draft with the stored edits, built on click."""
    def payload() -> bytes:
        return build_docx(ctx.data, ctx.filters, ExtractMeta.from_source(ctx.source), ctx.lang, style,
                          edits={k: e.text for k, e in edits.items()}, draft=draft)

    st.download_button(t("draft.ui.download", ctx.lang), data=payload, mime=DOCX_MIME, on_click="ignore",
                       file_name=f"remissammanstallning-{_dt.date.today().isoformat()}.docx",
                       key="draft-docx", icon=":material/download:")
