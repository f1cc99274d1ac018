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

import numpy as np
import pandas as pd

from analysis import memo
from analysis.groups import codes_of, distinct_first, grouping
from analysis.ordering import distinct_ranks, key_dtype, sort_keys
from loaders.model import CodedData
from loaders.schema import RESPONDENT_TYPES, TYPE_DTYPE

RESPONDENT_KEYS = ["consultation", "respondent"]
PROPOSAL_KEYS = ["consultation", "proposal_id"]
PROPOSAL_ATTRS = ["proposal_title", "topic", "addressee"]


def _distinct(data: CodedData, keys: list[str], attrs: list[str]) -> pd.DataFrame:
    """Distinct ``keys`` in ``data.responses`` with the first value of each attribute, as text.

    Computed on the categorical codes (:func:`analysis.groups.distinct_first`),
    without copying the rows.
    """
    out = distinct_first(data.responses, keys, attrs, grouping(data, keys))
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
    return memo.cached(data, "listed_respondents", lambda: _listed_respondents(data))


def _union_codes(l_codes: np.ndarray, l_uni: pd.Index, cats: pd.Index, coded_pos: np.ndarray
                 ) -> tuple[np.ndarray, pd.Index]:
    """Codes of a key over the listed rows followed by the coded groups, in sorted text order.

    ``l_codes``/``l_uni``: the key column of ``data.respondents`` factorized
    (missing -> ""); the coded groups are ``cats[coded_pos]``. Returns (int64
    codes, the sorted distinct texts as a ``str`` Index).
    """
    uni = l_uni.append(pd.Index(cats, dtype="str")).unique().sort_values()
    l_map = uni.get_indexer(l_uni)
    c_map = uni.get_indexer(pd.Index(cats, dtype="str"))
    codes = np.concatenate([l_map[l_codes] if len(l_codes) else np.zeros(0, dtype="int64"),
                            c_map[coded_pos] if len(coded_pos) else np.zeros(0, dtype="int64")])
    return codes.astype("int64"), uni


def _listed_side(respondents: pd.DataFrame) -> dict:
    """What :func:`listed_respondents` needs from ``data.respondents``, worked out once per frame."""
    cols = RESPONDENT_KEYS + ["respondent_type"]
    resp = respondents.reindex(columns=cols + ["population", "replied"])
    out = {"n": len(resp),
           "population": pd.to_numeric(resp["population"], errors="coerce").astype(float).to_numpy(),
           "replied": _bool(resp["replied"]).to_numpy(dtype=bool),
           "type": resp["respondent_type"].astype("str").to_numpy(dtype=object)}
    for key in RESPONDENT_KEYS:
        codes, uni = pd.factorize(resp[key].astype("str").fillna(""), sort=False)
        out[key] = (np.asarray(codes), pd.Index(uni, dtype="str"))
    return out


def _types_column(types: np.ndarray) -> pd.Series:
    """``key_dtype("respondent_type", ...)`` of an object array of type names (NaN for none)."""
    present = pd.unique(types)
    if all(isinstance(v, str) and v in RESPONDENT_TYPES for v in present):
        return pd.Series(pd.Categorical(types, dtype=TYPE_DTYPE))
    return key_dtype("respondent_type", pd.Series(types, dtype="str"))


def _listed_respondents(data: CodedData) -> pd.DataFrame:
    # The same result as an outer merge of the listed and the coded respondents on the
    # (consultation, respondent) text, done on integer pair codes: the codes are
    # assigned in sorted text order, so the union comes out in the merge's order.
    side = memo.cached(data.respondents, "listed_side", lambda: _listed_side(data.respondents))
    population, replied, listed_type = side["population"], side["replied"], side["type"]

    g = grouping(data, RESPONDENT_KEYS)
    first = g.first_rows()
    ids = np.flatnonzero(first < g.n_rows)
    cons_pos, resp_pos = g.decode(ids)
    type_codes, type_cats = codes_of(data.responses["respondent_type"])
    type_first = first if not (len(type_codes) and type_codes.min() < 0) else g.first_rows(type_codes >= 0)
    at = type_first[ids]
    coded_type = np.full(len(ids), np.nan, dtype=object)
    found = at < g.n_rows
    coded_type[found] = np.asarray(type_cats, dtype=object)[type_codes[at[found]]]

    n_listed = side["n"]
    c_codes, c_uni = _union_codes(*side["consultation"], g.cats[0], cons_pos)
    r_codes, r_uni = _union_codes(*side["respondent"], g.cats[1], resp_pos)
    n_r = max(len(r_uni), 1)
    pair = c_codes * n_r + r_codes
    listed_pairs, listed_first = np.unique(pair[:n_listed], return_index=True)  # drop_duplicates(keep="first")
    coded_pairs = pair[n_listed:]
    coded_order = np.argsort(coded_pairs, kind="stable")
    coded_sorted = coded_pairs[coded_order]
    union = np.union1d(listed_pairs, coded_sorted)

    def locate(sorted_pairs: np.ndarray) -> np.ndarray:
        pos = np.searchsorted(sorted_pairs, union)
        pos_ok = np.minimum(pos, max(len(sorted_pairs) - 1, 0))
        hit = (pos < len(sorted_pairs)) & (sorted_pairs[pos_ok] == union if len(sorted_pairs) else False)
        return np.where(hit, pos_ok, -1)

    li, ci = locate(listed_pairs), locate(coded_sorted)
    is_listed, is_coded = li >= 0, ci >= 0
    l_row = listed_first[np.where(is_listed, li, 0)] if n_listed else np.zeros(len(union), dtype="int64")
    c_row = coded_order[np.where(is_coded, ci, 0)] if len(coded_sorted) else np.zeros(len(union), dtype="int64")
    types = np.full(len(union), np.nan, dtype=object)
    if n_listed:
        types[is_listed] = listed_type[l_row[is_listed]]
    if len(coded_sorted):
        # The type the coded rows carry wins: it is the one every count used.
        types[is_coded] = coded_type[c_row[is_coded]]
    pop = np.full(len(union), np.nan)
    rep = np.zeros(len(union), dtype=bool)
    if n_listed:
        pop[is_listed] = population[l_row[is_listed]]
        rep[is_listed] = replied[l_row[is_listed]]
    rep |= is_coded
    c_of, r_of = union // n_r, union % n_r
    # Natural order. Rows are in text order now; without two texts that sort as equals the
    # natural order is simply by the two keys' natural ranks (else the general sort decides).
    c_rank, r_rank = distinct_ranks(c_uni), distinct_ranks(r_uni)
    if c_rank is not None and r_rank is not None:
        order = np.lexsort((r_rank[r_of], c_rank[c_of]))
        c_of, r_of, types, pop, rep = c_of[order], r_of[order], types[order], pop[order], rep[order]
    out = pd.DataFrame({"consultation": c_uni.take(c_of).array, "respondent": r_uni.take(r_of).array})
    out["respondent_type"] = _types_column(types)
    out["population"] = pop
    out["replied"] = rep
    if c_rank is None or r_rank is None:
        return sort_keys(out, RESPONDENT_KEYS)
    return out


def replied_respondents(data: CodedData) -> pd.DataFrame:
    """Respondents who replied: consultation, respondent, respondent_type.

    The union of ``data.respondents[replied]`` and everyone with a row in
    ``data.responses``. After :func:`analysis.filters.apply_filters` this is
    everyone of the selected types who replied to the selected consultation,
    whatever proposal/stance/topic filter is active.
    """
    def compute():
        listed = listed_respondents(data)
        return listed.loc[listed["replied"], RESPONDENT_KEYS + ["respondent_type"]].reset_index(drop=True)

    return memo.cached(data, "replied_respondents", compute)


def proposal_list(data: CodedData) -> pd.DataFrame:
    """Every proposal per consultation: consultation, proposal_id, proposal_title, topic, addressee.

    ``data.proposals`` plus any proposal that only appears in ``data.responses``.
    """
    return memo.cached(data, "proposal_list", lambda: _proposal_list(data))


def _known_side(props: pd.DataFrame) -> dict:
    """What :func:`proposal_list` needs from ``data.proposals``, worked out once per frame."""
    cols = PROPOSAL_KEYS + PROPOSAL_ATTRS
    known = _as_text(props.reindex(columns=cols), cols) if len(props) else \
        pd.DataFrame({c: pd.Series(dtype="str") for c in cols})
    unique = known.drop_duplicates(PROPOSAL_KEYS, keep="first")
    codes, uniques = [], []
    for key in PROPOSAL_KEYS:
        c, u = pd.factorize(unique[key], sort=False)
        codes.append(np.asarray(c, dtype="int64"))
        uniques.append(pd.Index(u, dtype="str"))
    pairs = codes[0] * max(len(uniques[1]), 1) + codes[1]
    return {"known": known, "sorted": sort_keys(unique, PROPOSAL_KEYS), "uniques": uniques, "pairs": pairs}


def _proposal_list(data: CodedData) -> pd.DataFrame:
    props = data.proposals
    side = memo.cached(props, "known_side", lambda: _known_side(props))
    # Usually every coded (consultation, proposal) is listed already: then the list is the
    # known one, and the coded rows' titles and topics are never needed.
    g = grouping(data, PROPOSAL_KEYS)
    ids = np.flatnonzero(g.count() > 0)
    if g.dense is None:
        cons_pos, pid_pos = g.decode(ids)
        c_uni, p_uni = side["uniques"]
        c_map = c_uni.get_indexer(pd.Index(g.cats[0], dtype="str"))
        p_map = p_uni.get_indexer(pd.Index(g.cats[1], dtype="str"))
        kc, kp = c_map[cons_pos], p_map[pid_pos]
        if (kc >= 0).all() and (kp >= 0).all() and np.isin(kc * max(len(p_uni), 1) + kp, side["pairs"]).all():
            return side["sorted"]
    cols = PROPOSAL_KEYS + PROPOSAL_ATTRS
    coded = _distinct(data, PROPOSAL_KEYS, PROPOSAL_ATTRS)
    out = pd.concat([side["known"][cols], coded], ignore_index=True).drop_duplicates(PROPOSAL_KEYS, keep="first")
    return sort_keys(out, PROPOSAL_KEYS)
