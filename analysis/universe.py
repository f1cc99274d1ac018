"""Who and what an analysis is about: respondents and proposals in scope.

``responses`` only holds coded answers, so respondents who replied but did not
address a proposal (or whose rows a stance/proposal filter removed) and
proposals nobody addressed are invisible there. These helpers rebuild the
full lists from ``data.respondents`` / ``data.proposals`` and add anything
that appears only in ``data.responses`` (so they also work for data sets
whose respondent or proposal lists are incomplete).

All outputs use plain ``str`` key columns (``respondent_type`` an ordered
categorical when it holds canonical types), one row per key, naturally sorted.
"""
from __future__ import annotations

import pandas as pd

from analysis.ordering import key_dtype, sort_keys
from loaders.model import CodedData

RESPONDENT_KEYS = ["consultation", "respondent"]
PROPOSAL_KEYS = ["consultation", "proposal_id"]
PROPOSAL_ATTRS = ["proposal_title", "topic", "addressee"]


def _distinct(responses: pd.DataFrame, keys: list[str], attrs: list[str]) -> pd.DataFrame:
    """Distinct ``keys`` in ``responses`` with the first value of each attribute."""
    sub = responses[keys + attrs]
    out = sub.groupby(keys, observed=True, sort=False).first().reset_index()
    return _as_text(out, keys + attrs)


def _as_text(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    df = df.copy()
    for col in cols:
        if col == "respondent_type":
            df[col] = df[col].astype("str")
        else:
            df[col] = df[col].astype("str").fillna("")
    return df


def _bool(series: pd.Series) -> pd.Series:
    """A ``replied`` column as plain bool; text such as ``"False"`` counts as False."""
    if series.dtype == bool:
        return series
    text = series.astype("str").str.strip().str.lower()
    return text.isin(["true", "1", "ja", "yes", "1.0"])


def listed_respondents(data: CodedData) -> pd.DataFrame:
    """Every respondent per consultation: invited (listed) or replying.

    Columns: consultation, respondent, respondent_type, population (float,
    NaN when unknown), replied (bool). Respondents with coded rows in
    ``data.responses`` always count as replied, also when missing from
    ``data.respondents``.
    """
    cols = RESPONDENT_KEYS + ["respondent_type"]
    resp = data.respondents.reindex(columns=cols + ["population", "replied"])
    listed = _as_text(resp[cols], cols)
    listed["population"] = pd.to_numeric(resp["population"], errors="coerce").astype(float)
    listed["replied"] = _bool(resp["replied"])
    listed = listed.drop_duplicates(RESPONDENT_KEYS, keep="first")

    coded = _distinct(data.responses, RESPONDENT_KEYS, ["respondent_type"])
    coded["coded"] = True
    merged = listed.merge(coded, on=RESPONDENT_KEYS, how="outer", suffixes=("", "_coded"))
    is_coded = merged["coded"].eq(True)
    out = merged[RESPONDENT_KEYS].copy()
    # The type the coded rows carry wins: it is the one every count used.
    out["respondent_type"] = key_dtype(
        "respondent_type", merged["respondent_type_coded"].where(is_coded, merged["respondent_type"])
    )
    out["population"] = merged["population"].astype(float)
    out["replied"] = merged["replied"].eq(True) | is_coded
    return sort_keys(out, RESPONDENT_KEYS)


def replied_respondents(data: CodedData) -> pd.DataFrame:
    """Respondents who replied: consultation, respondent, respondent_type.

    The union of ``data.respondents[replied]`` and everyone with a row in
    ``data.responses``. After :func:`analysis.filters.apply_filters` this is
    everyone of the selected types who replied to the selected consultation,
    whatever proposal/stance/topic filter is active.
    """
    listed = listed_respondents(data)
    return listed.loc[listed["replied"], RESPONDENT_KEYS + ["respondent_type"]].reset_index(drop=True)


def proposal_list(data: CodedData) -> pd.DataFrame:
    """Every proposal per consultation: consultation, proposal_id, proposal_title, topic, addressee.

    ``data.proposals`` plus any proposal that only appears in ``data.responses``.
    """
    cols = PROPOSAL_KEYS + PROPOSAL_ATTRS
    props = data.proposals
    known = _as_text(props.reindex(columns=cols), cols) if len(props) else pd.DataFrame({c: pd.Series(dtype="str") for c in cols})
    coded = _distinct(data.responses, PROPOSAL_KEYS, PROPOSAL_ATTRS)
    out = pd.concat([known, coded], ignore_index=True).drop_duplicates(PROPOSAL_KEYS, keep="first")
    return sort_keys(out, PROPOSAL_KEYS)
