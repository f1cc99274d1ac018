"""The upload page's "same body?" panel: confirm or reject near-duplicate names.

Stored decisions for the target dataset (:mod:`store.merges`) are applied
without asking again; only new pairs are shown. Nothing is stored here: the
page records the returned decisions when it saves the version.
"""
from __future__ import annotations

import hashlib

import streamlit as st

from i18n.strings import t
from loaders.merges import Merge, NamePair, apply_merges, candidate_pairs
from loaders.model import CodedData

#: At most this many undecided pairs are shown at once; the rest wait for the next upload.
MAX_SHOWN = 40
_CHOICES = ("undecided", "merge", "reject")


@st.cache_data(show_spinner=False, max_entries=8)
def _pairs(names: tuple[str, ...], counts: tuple[int, ...]) -> list[NamePair]:
    return candidate_pairs(names, dict(zip(names, counts, strict=True)))


def merge_panel(data: CodedData, stored: list, lang: str) -> tuple[CodedData, list[tuple[NamePair, str]]]:
    """Ask about new pairs; return the data with every confirmed merge applied, and the new decisions.

    ``stored`` is the target dataset's current decisions (``store.merges.current``), empty for a new dataset.
    """
    counts = data.responses["respondent"].astype(str).value_counts()
    listed = data.respondents["respondent"].astype(str) if len(data.respondents) else []
    names = sorted(set(counts.index) | set(listed))
    pairs = _pairs(tuple(names), tuple(int(counts.get(n, 0)) for n in names))
    decided = {d.key for d in stored}
    stored_merges = [d.as_merge() for d in stored if d.decision == "merge"]
    present = set(names)
    applied = [m for m in stored_merges if m.name in present]
    if applied:
        st.info(t("register.merge.applied", lang, n=len(applied),
                  pairs="; ".join(f"\"{m.name}\" → \"{m.into}\"" for m in applied)))
    open_pairs = [p for p in pairs if p.key not in decided]
    pending: list[tuple[NamePair, str]] = []
    if open_pairs:
        st.subheader(t("register.merge.title", lang))
        st.caption(t("register.merge.intro", lang))
        for p in open_pairs[:MAX_SHOWN]:
            key = "merge_" + hashlib.sha1(f"{p.name}\x1f{p.into}".encode()).hexdigest()[:12]
            label = t("register.merge.pair", lang, name=p.name, into=p.into,
                      n_name=int(counts.get(p.name, 0)), n_into=int(counts.get(p.into, 0)))
            choice = st.radio(label, _CHOICES, horizontal=True, key=key,
                              help=t(f"register.merge.reason.{p.reason}", lang, score=p.score),
                              format_func=lambda c, p=p: _choice_label(c, p, lang))
            if choice != "undecided":
                pending.append((p, choice))
        undecided = len(open_pairs) - len(pending)
        if undecided:
            st.caption(t("register.merge.pending", lang, n=undecided))
    merges = stored_merges + [Merge(p.name, p.into) for p, c in pending if c == "merge"]
    merged, _ = apply_merges(data, merges)
    return merged, pending


def _choice_label(choice: str, pair: NamePair, lang: str) -> str:
    if choice == "merge":
        return t("register.merge.confirm", lang, into=pair.into)
    return t(f"register.merge.{'reject' if choice == 'reject' else 'undecided'}", lang)


def merge_audit_rows(store, datasets, lang: str) -> list[dict]:
    """Every stored merge decision of ``datasets`` as audit-log rows (time, user, action, dataset, version)."""
    from store.merges import history

    rows = []
    for d in datasets:
        for m in history(store, d.id):
            rows.append({"at": m.at, "user": m.user, "dataset": d.name, "version": None,
                         "action": t(f"register.audit.{m.decision}", lang, name=m.name, into=m.into, seq=m.seq)})
    return rows


def record_decisions(store, dataset_id: int, decisions, lang: str) -> str:
    """Store the merge decisions made on the upload page for a saved version.

    Returns the sentence to add to the "Sparat: …" message ("" when there were
    none). A failure is said, not raised: the version itself is already saved.
    """
    from components.user import current_user
    from store import merges as merge_store

    if not decisions:
        return ""
    from components.user import can, refusal

    if not can("merge"):
        st.error(refusal(lang), icon=":material/lock:")
        return ""
    try:
        merge_store.record(store, dataset_id, decisions, user=current_user())
    except Exception as exc:  # noqa: BLE001 - the version is saved; say that the decisions were not
        st.error(t("register.merge.not_saved", lang, error=type(exc).__name__))
        return ""
    return " " + t("register.merge.saved", lang, n=len(decisions))
