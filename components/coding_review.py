"""Kodningsstöd: read dropped replies, review the suggestions, save them as a dataset version.

The page (``app_pages/coding.py``) stays thin; the steps live here:

* :func:`read_replies` reads the uploaded files in ``st.status`` stages (reading with a progress bar,
  suggesting, comparing with the active version) through :mod:`coding.batch` (one ``read_document``
  call per file, in the capped child process);
* :func:`review_frame` / :func:`edit` show the suggestions in ``st.data_editor``
  with the evidence beside each row, low-confidence rows marked and a
  "needs review" filter; only the stance, respondent and type are editable;
* :func:`coded_data` turns the reviewed rows into a coded sheet, validated by
  the ordinary loader, and merges it into the active version (the coded
  respondents' rows are replaced, everyone else's kept);
* :func:`provenance` says per row what was suggested and what is saved;
* :func:`render_agreement` shows how often the suggestion was kept.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from coding.agreement import STANCES, agreement_of
from coding.batch import against_version, read_documents, rows, suggest_all
from coding.proposals import ProposalList
from coding.sheet import coded_sheet
from coding.suggest import LOW_CONFIDENCE
from i18n.numbers import fmt_int
from i18n.strings import t
from loaders.model import CodedData
from loaders.schema import RESPONDENT_TYPES
from store.coding import ProvenanceRow

ROWS_KEY = "coding_rows"
FINAL_KEY = "coding_final"
NOT_ADDRESSED = "none"


def stance_label(stance: str | None, lang: str) -> str:
    return t(f"coding.stance.{stance or NOT_ADDRESSED}", lang)


def _label_to_stance(label: str, lang: str) -> str | None:
    for s in (*STANCES, NOT_ADDRESSED):
        if stance_label(s, lang) == label:
            return None if s == NOT_ADDRESSED else s
    return None


def read_replies(files, lists: dict[str, ProposalList], lang: str, active: CodedData | None = None) -> None:
    """Read the uploaded files in stages shown by ``st.status``; keep the suggested rows in the session.

    Stages: reading N documents (each in the capped child process, with a progress bar), suggesting
    the coding, and comparing the suggestion with the active version (``active``, when given).
    """
    n = len(files)
    with st.status(t("coding.status.reading", lang, n=n), expanded=True) as status:
        st.write(t("coding.status.reading", lang, n=n))
        bar = st.progress(0.0, text=t("coding.page.reading", lang, i=0, n=n, name=""))

        def progress(i: int, name: str) -> None:
            bar.progress(i / max(n, 1), text=t("coding.page.reading", lang, i=i + 1, n=n, name=name))

        docs, failures = read_documents(((f.name, f.getvalue()) for f in files), progress=progress)
        bar.progress(1.0, text=t("coding.page.read_done", lang, n=len(docs)))
        status.update(label=t("coding.status.suggesting", lang, n=len(docs)))
        st.write(t("coding.status.suggesting", lang, n=len(docs)))
        found = rows(suggest_all(docs, lists))
        if active is not None:
            status.update(label=t("coding.status.comparing", lang))
            st.write(t("coding.status.comparing", lang))
            chk = against_version(found, active.responses)
            st.write(t("coding.status.compared", lang, n=fmt_int(len(found), lang), same=fmt_int(chk.same, lang),
                       other=fmt_int(chk.other, lang), new=fmt_int(chk.new, lang)))
        status.update(label=t("coding.status.done", lang, rows=fmt_int(len(found), lang), docs=len(docs),
                              failed=len(failures)),
                      state="error" if failures and not docs else "complete", expanded=False)
    st.session_state[ROWS_KEY] = found
    st.session_state[FINAL_KEY] = {}
    st.session_state["coding_failures"] = [f.error.message(lang) for f in failures]


def review_frame(found: list[dict], final: dict, lang: str) -> pd.DataFrame:
    """The editor's rows: one per suggestion, with the analyst's choices so far applied."""
    out = []
    for i, r in enumerate(found):
        f = final.get(i, {})
        out.append({"row": i, "review": r["confidence"] < LOW_CONFIDENCE,
                    "respondent": f.get("respondent", r["respondent"]),
                    "respondent_type": f.get("respondent_type", r["respondent_type"]),
                    "proposal_id": r["proposal_id"], "suggested": stance_label(r["stance"], lang),
                    "stance": stance_label(f["stance"] if "stance" in f else r["stance"], lang),
                    "confidence": r["confidence"], "evidence": r["evidence"], "document": r["document"],
                    "page": r["page"]})
    return pd.DataFrame(out, columns=["row", "review", "respondent", "respondent_type", "proposal_id", "suggested",
                                      "stance", "confidence", "evidence", "document", "page"])


def edit(found: list[dict], lang: str, only_review: bool) -> None:
    """The data editor; the analyst's changes are kept in the session by suggestion number."""
    final = st.session_state.setdefault(FINAL_KEY, {})
    frame = review_frame(found, final, lang)
    if only_review:
        frame = frame[frame["review"]]
    labels = [stance_label(s, lang) for s in (*STANCES, NOT_ADDRESSED)]
    cfg = {
        "row": None,
        "review": st.column_config.CheckboxColumn(t("coding.col.review", lang), disabled=True,
                                                  help=t("coding.col.review_help", lang)),
        "respondent": st.column_config.TextColumn(t("coding.col.respondent", lang), required=True),
        "respondent_type": st.column_config.SelectboxColumn(t("coding.col.type", lang),
                                                            options=list(RESPONDENT_TYPES), required=True),
        "proposal_id": st.column_config.TextColumn(t("coding.col.proposal", lang), disabled=True),
        "suggested": st.column_config.TextColumn(t("coding.col.suggested", lang), disabled=True),
        "stance": st.column_config.SelectboxColumn(t("coding.col.stance", lang), options=labels, required=True),
        "confidence": st.column_config.NumberColumn(t("coding.col.confidence", lang), disabled=True,
                                                    format="%.2f"),
        "evidence": st.column_config.TextColumn(t("coding.col.evidence", lang), disabled=True, width="large"),
        "document": st.column_config.TextColumn(t("coding.col.document", lang), disabled=True),
        "page": st.column_config.NumberColumn(t("coding.col.page", lang), disabled=True),
    }
    edited = st.data_editor(frame, column_config=cfg, hide_index=True, num_rows="fixed", width="stretch",
                            key=f"coding_editor_{int(only_review)}_{lang}")
    for rec in edited.to_dict("records"):
        i = int(rec["row"])
        r = found[i]
        choice = {"respondent": str(rec["respondent"]).strip() or r["respondent"],
                  "respondent_type": rec["respondent_type"] or r["respondent_type"],
                  "stance": _label_to_stance(rec["stance"], lang)}
        if choice != {"respondent": r["respondent"], "respondent_type": r["respondent_type"], "stance": r["stance"]}:
            final[i] = choice
        else:
            final.pop(i, None)


def final_rows(found: list[dict], final: dict) -> list[dict]:
    """The rows to save: the suggestions with the analyst's changes, "not addressed" ones dropped."""
    out = []
    for i, r in enumerate(found):
        f = final.get(i)
        row = {**r, **f} if f else dict(r)
        if row["stance"]:
            out.append(row)
    return out


def provenance(found: list[dict], final: dict) -> list[ProvenanceRow]:
    """Per suggestion: what was suggested and what will be saved (None = not addressed)."""
    out = []
    for i, r in enumerate(found):
        f = final.get(i, {})
        out.append(ProvenanceRow(r["consultation"], f.get("respondent", r["respondent"]), r["proposal_id"],
                                 r["stance"], f["stance"] if "stance" in f else r["stance"], r["confidence"],
                                 r["document"], r["page"], r["evidence"]))
    return out


def coded_data(saved: list[dict], lists: dict[str, ProposalList], base: CodedData | None):
    """(xlsx bytes, LoadResult) of the reviewed rows, merged into ``base`` when given."""
    from loaders.load import load_bytes

    data = coded_sheet(saved, lists)
    result = load_bytes(data, "kodningsstod.xlsx")
    if base is None or not result.ok or not len(base.responses):
        return data, result
    new = result.data
    coded = set(zip(new.responses["consultation"].astype(str), new.responses["respondent"].astype(str),
                    strict=True))
    keep = [(c, r) not in coded for c, r in zip(base.responses["consultation"].astype(str),
                                                base.responses["respondent"].astype(str), strict=True)]
    responses = pd.concat([base.responses[keep], new.responses], ignore_index=True)
    respondents = pd.concat([base.respondents, new.respondents], ignore_index=True).drop_duplicates(
        subset=["consultation", "respondent"], keep="first")
    proposals = pd.concat([base.proposals, new.proposals], ignore_index=True).drop_duplicates(
        subset=["consultation", "proposal_id"], keep="first")
    result.data = CodedData(responses, respondents, proposals)
    return data, result


def render_agreement(prov: list[dict], lang: str, title_key: str) -> None:
    """Kept suggestions per stance, overall F1 and Cohen's kappa, with the count.

    ``prov`` holds dicts with respondent, proposal_id, suggested and final (stored
    provenance rows, or :func:`provenance` as dicts for the rows being reviewed).
    """
    a = agreement_of(prov)
    if not a.cells:
        return
    st.subheader(t(title_key, lang))
    cols = st.columns(len(STANCES) + 2)
    for col, s in zip(cols, STANCES, strict=False):
        kept, n = a.kept(s)
        col.metric(stance_label(s, lang), t("coding.agree.kept", lang, k=fmt_int(kept, lang), n=fmt_int(n, lang)))
    dec = "," if lang == "sv" else "."
    cols[-2].metric("F1", "–" if a.f1 is None else f"{a.f1:.2f}".replace(".", dec))
    cols[-1].metric(t("coding.agree.kappa", lang), "–" if a.kappa is None else f"{a.kappa:.2f}".replace(".", dec))
    st.caption(t("coding.agree.caption", lang, n=fmt_int(a.cells, lang), kept=fmt_int(a.matched, lang),
                 suggested=fmt_int(a.suggested, lang)))


def record_provenance(store, version_id: int, prov, lang: str) -> None:
    """Store which rows were suggested, kept or changed, for a version just saved; a failure is said, not raised."""
    from components.user import current_user
    from store.coding import save_provenance

    try:
        save_provenance(store, version_id, prov, current_user())
    except Exception as exc:  # noqa: BLE001 - the version is saved; say that its provenance is not
        st.error(t("coding.page.provenance_failed", lang, error=type(exc).__name__))
