"""The dashboard's filters: applying them, describing them, and URL query params.

A :class:`Filters` value is the single source of truth for "what is selected".
Every other analysis function takes data that :func:`apply_filters` has
already narrowed down.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.ordering import categorical_isin
from i18n.strings import t
from i18n.words import join_words, lang_of, stance_verb
from loaders.model import CodedData
from loaders.schema import RESPONDENT_TYPES, STANCES

#: URL query parameter name for each field.
PARAM_NAMES: dict[str, str] = {
    "consultation": "remiss",
    "respondent_types": "typ",
    "topics": "tema",
    "proposals": "forslag",
    "stances": "stallning",
}

_MULTI = ("respondent_types", "topics", "proposals", "stances")


def _clean_values(values) -> tuple[str, ...]:
    """Strings, stripped, without blanks or repeats, in the order given."""
    if values is None:
        return ()
    if isinstance(values, (str, int, float)):
        values = [values]
    out: list[str] = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            continue
        text = str(v).strip()
        if text and text.lower() != "nan" and text not in out:
            out.append(text)
    return tuple(out)


@dataclass(frozen=True)
class Filters:
    """What is selected. An empty tuple means "no restriction".

    Lists are accepted and stored as tuples (so a ``Filters`` is hashable and
    can key a cache); values are stripped and de-duplicated, keeping the order
    in which they were given.
    """

    consultation: str | None = None
    respondent_types: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        consultation = _clean_values(self.consultation)
        object.__setattr__(self, "consultation", consultation[0] if consultation else None)
        for name in _MULTI:
            object.__setattr__(self, name, _clean_values(getattr(self, name)))

    @property
    def is_empty(self) -> bool:
        return self.consultation is None and not any(getattr(self, n) for n in _MULTI)

    def to_params(self, all_consultations: str | None = None) -> dict[str, str | list[str]]:
        """URL query params: ``remiss`` as a string, the others as lists; empty ones left out.

        ``all_consultations`` is the ``remiss`` value to write when no consultation is selected (the
        sidebar's "*", so a link keeps "all consultations" rather than falling back to the first one);
        None leaves ``remiss`` out, as for any other empty field.
        """
        params: dict[str, str | list[str]] = {}
        if self.consultation is not None:
            params[PARAM_NAMES["consultation"]] = self.consultation
        elif all_consultations is not None:
            params[PARAM_NAMES["consultation"]] = all_consultations
        for name in _MULTI:
            if getattr(self, name):
                params[PARAM_NAMES[name]] = list(getattr(self, name))
        return params

    @classmethod
    def from_params(cls, params: Mapping) -> Filters:
        """Rebuild from URL query params, ignoring anything that does not fit.

        Accepts a plain dict (values a string or a list of strings) or
        Streamlit's ``st.query_params`` (read with ``get_all`` so repeated keys
        are kept). Unknown keys are ignored. Respondent types and stances are
        matched case-insensitively against the canonical vocabularies and
        unknown ones dropped; consultation, topic and proposal values are kept
        as text (a value that matches nothing simply selects nothing). Only the
        first ``remiss`` value is used.
        """
        if params is None or not hasattr(params, "get"):
            return cls()

        def values(key: str) -> tuple[str, ...]:
            try:
                raw = params.get_all(key) if hasattr(params, "get_all") else params.get(key)
            except Exception:  # a foreign mapping with an odd get_all
                raw = params.get(key)
            return _clean_values(raw)

        kwargs: dict = {
            "consultation": (values(PARAM_NAMES["consultation"]) or (None,))[0],
            "topics": values(PARAM_NAMES["topics"]),
            "proposals": values(PARAM_NAMES["proposals"]),
            "respondent_types": _canonical(values(PARAM_NAMES["respondent_types"]), RESPONDENT_TYPES),
            "stances": _canonical(values(PARAM_NAMES["stances"]), STANCES),
        }
        return cls(**kwargs)


def _canonical(values: Iterable[str], allowed: Iterable[str]) -> tuple[str, ...]:
    lookup = {a.casefold(): a for a in allowed}
    return tuple(lookup[v.casefold()] for v in values if v.casefold() in lookup)


def _mask(frame, criteria: dict[str, Iterable[str]]) -> np.ndarray | None:
    """Rows matching every criterion (``None`` when there are none)."""
    mask = None
    for col, wanted in criteria.items():
        if col not in frame.columns:
            continue
        hit = categorical_isin(frame[col], wanted)
        mask = hit if mask is None else mask & hit
    return mask


def _narrow(frame, criteria):
    mask = _mask(frame, criteria)
    if mask is None or mask.all():
        return frame
    if frame.columns.is_unique and not frame.attrs:
        # Column by column: the same frame as ``frame.loc[mask].reset_index(drop=True)``
        # without the block manager's generic take.
        out = pd.DataFrame({col: frame[col].array[mask] for col in frame.columns}, copy=False)
        out.columns = frame.columns
        return out
    return frame.loc[mask].reset_index(drop=True)


def apply_filters(data: CodedData, f: Filters) -> CodedData:
    """``data`` narrowed to the selection, consistently across the three frames.

    * ``responses``: every criterion (consultation, respondent type, topic,
      proposal id, stance).
    * ``respondents``: consultation and respondent type only, so "everyone of
      the selected types who replied" stays known when a proposal or stance
      filter hides some of their answers (the "all" denominator relies on it).
    * ``proposals``: consultation, topic and proposal id.

    Frames that no criterion narrows are returned as they are (no copy).
    """
    consultation = [f.consultation] if f.consultation is not None else None
    base = {"consultation": consultation} if consultation else {}
    types = {"respondent_type": f.respondent_types} if f.respondent_types else {}
    topics = {"topic": f.topics} if f.topics else {}
    proposals = {"proposal_id": f.proposals} if f.proposals else {}
    stances = {"stance": f.stances} if f.stances else {}
    return CodedData(
        responses=_narrow(data.responses, base | types | topics | proposals | stances),
        respondents=_narrow(data.respondents, base | types),
        proposals=_narrow(data.proposals, base | topics | proposals),
    )


def describe_filters(f: Filters, lang: str = "sv") -> str:
    """The selection in plain words, for captions and exports.

    sv: ``"Remiss: X. Remissinstanser av typen Kommun och Region, tema Ledning
    och styrning."``; no selection: ``"Alla svar, utan filter."``. Values are
    listed in the order they were selected.
    """
    lang = lang_of(lang)
    if f.is_empty:
        return t("analysis.filters.none", lang)
    sentences: list[str] = []
    if f.consultation is not None:
        sentences.append(t("analysis.filters.consultation", lang, value=f.consultation))
    clauses: list[str] = []
    if f.respondent_types:
        clauses.append(t("analysis.filters.types", lang, value=join_words(f.respondent_types, lang)))
    if f.topics:
        key = "analysis.filters.topics" if len(f.topics) > 1 else "analysis.filters.topic"
        clauses.append(t(key, lang, value=join_words(f.topics, lang)))
    if f.proposals:
        key = "analysis.filters.proposals" if len(f.proposals) > 1 else "analysis.filters.proposal"
        clauses.append(t(key, lang, value=join_words(f.proposals, lang)))
    if f.stances:
        verbs = [stance_verb(s, lang) for s in f.stances]
        clauses.append(t("analysis.filters.stances", lang,
                         value=join_words(verbs, lang, conj=t("analysis.or", lang))))
    if clauses:
        text = ", ".join(clauses)
        sentences.append(text[0].upper() + text[1:] + ".")
    return " ".join(sentences)
