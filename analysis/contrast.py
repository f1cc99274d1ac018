"""Comparing agreement between two groups, e.g. regions and municipalities.

The unit is one coded answer (a row of ``responses``). Per key (by default per
proposal), each group's share is ``agree / total`` where ``total`` counts the
group's coded answers (agree + partly + disagree + no_position): the
"addressed" denominator of :mod:`analysis.shares`.
"""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.groups import Grouping, stance_codes, text_take
from analysis.groups import grouping as grouping_of
from analysis.ordering import categorical_isin, tidy_keys
from analysis.proposals import proposal_label, proposal_titles
from analysis.stats import fisher_exact_2x2, holm, wilson_interval
from analysis.tabular import format_csv, to_records
from loaders.model import CodedData
from loaders.schema import STANCES

#: Below this many answers in either group a row is flagged ``small_n``.
SMALL_N = 5

CONTRAST_COLUMNS = (
    "a_agree", "a_total", "a_share", "a_low", "a_high",
    "b_agree", "b_total", "b_share", "b_low", "b_high",
    "difference", "p_value", "p_holm", "small_n",
)

ContrastBy = Literal["proposal_id", "topic", "addressee"]
ContrastDenominator = Literal["addressed", "positioned"]


def _labels(group) -> tuple[str, ...]:
    return (group,) if isinstance(group, str) else tuple(str(g) for g in group)


def _code_counts(responses: pd.DataFrame, by: str, group_col: str, groups: tuple[tuple[str, ...], ...],
                 count_partly: bool, grouping: Grouping | None = None) -> pd.DataFrame:
    """Per ``by`` key, each group's ``agree`` (or agree + partly) and ``total``, on the categorical codes.

    Columns ``<g>_agree, <g>_total`` per group (``g`` = a, b), indexed by the
    ``by`` key as text in sorted order (the order of the outer join of the
    per-group tables); a key is listed when either group has a row for it.
    One count of the rows per (``by``, ``group_col``, stance) does it all;
    ``grouping``: the rows already grouped by ``[by, group_col]``
    (``by == group_col`` works too: each key is then its own group).
    """
    codes = stance_codes(responses)
    g = grouping if grouping is not None else Grouping(responses, [by, group_col])
    rows = g.count()  # rows with a stance or without
    ids = np.flatnonzero(rows)
    key_pos, group_pos = g.decode(ids)
    per_stance = g.count(codes, len(STANCES))[ids]
    cats, group_cats = g.cats
    wanted = [STANCES.index(s) for s in (("agree", "partly") if count_partly else ("agree",))]
    n_keys = len(cats)
    found = np.zeros(n_keys, dtype=bool)
    columns = {}
    for name, labels in zip(("a", "b"), groups):
        member = np.asarray(pd.Index(group_cats).isin(list(labels)), dtype=bool)[group_pos]
        at = key_pos[member]
        found[at] = True
        columns[f"{name}_agree"] = np.bincount(at, weights=per_stance[member][:, wanted].sum(axis=1),
                                               minlength=n_keys)
        columns[f"{name}_total"] = np.bincount(at, weights=per_stance[member].sum(axis=1), minlength=n_keys)
    keep = np.flatnonzero(found)
    index = pd.Index(text_take(cats, keep), name=by)
    frame = pd.DataFrame({k: np.rint(v[keep]).astype("int64") for k, v in columns.items()}, index=index)
    return frame.sort_index(kind="stable")


def contrast(responses: pd.DataFrame, a="Region", b="Kommun", by: str = "proposal_id",
             count_partly: bool = False, group_col: str = "respondent_type", tests: bool = True,
             grouping: Grouping | None = None) -> pd.DataFrame:
    """Agreement of group ``a`` vs group ``b`` (values of ``group_col``), per ``by`` key.

    ``a``/``b`` are a value or a collection of values of ``group_col``.
    Columns, in order: ``<by>, a_agree, a_total, a_share, a_low, a_high,
    b_agree, b_total, b_share, b_low, b_high, difference, p_value, p_holm,
    small_n``.

    * ``*_total``: the group's coded answers (agree + partly + disagree +
      no_position) — the denominator.
    * ``*_agree``: agree answers (agree + partly when ``count_partly``).
    * ``*_share`` = agree / total, NaN when total is 0; ``*_low``/``*_high``:
      Wilson 95 % interval.
    * ``difference`` = a_share − b_share.
    * ``p_value``: two-sided Fisher exact on ``[[a_agree, a_total − a_agree],
      [b_agree, b_total − b_agree]]``, NaN when either total is 0;
      ``p_holm``: Holm-adjusted over the rows returned.
    * ``small_n``: a_total < 5 or b_total < 5.

    One row per key present in either group, naturally sorted.
    ``tests=False`` leaves ``p_value`` and ``p_holm`` NaN (for callers that
    only need the shares; it spares the Fisher tests). ``grouping``: the
    rows of ``responses`` already grouped by ``[by, group_col]``
    (:func:`analysis.groups.grouping`), to share the work with other callers.
    """
    a_labels, b_labels = _labels(a), _labels(b)
    if set(a_labels) & set(b_labels):
        raise ValueError(f"groups overlap: {sorted(set(a_labels) & set(b_labels))}")
    out = _code_counts(responses, by, group_col, (a_labels, b_labels), count_partly, grouping)
    out = out.reset_index()
    for g in ("a", "b"):
        k, n = out[f"{g}_agree"], out[f"{g}_total"]
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"{g}_share"] = np.where(n > 0, k / n.where(n > 0, 1), np.nan)
        out[f"{g}_low"], out[f"{g}_high"] = wilson_interval(k.to_numpy(), n.to_numpy())
    out["difference"] = out["a_share"] - out["b_share"]
    if tests:
        out["p_value"] = fisher_exact_2x2(out["a_agree"].to_numpy(), (out["a_total"] - out["a_agree"]).to_numpy(),
                                          out["b_agree"].to_numpy(), (out["b_total"] - out["b_agree"]).to_numpy())
        out["p_holm"] = holm(out["p_value"].to_numpy())
    else:
        out["p_value"] = np.nan
        out["p_holm"] = np.nan
    out["small_n"] = (out["a_total"] < SMALL_N) | (out["b_total"] < SMALL_N)
    out = out[[by, *CONTRAST_COLUMNS]]
    return tidy_keys(out, [by])


def contrast_by_addressee(responses: pd.DataFrame, a="Region", b="Kommun", count_partly: bool = False,
                          by: str = "respondent_type", grouping: Grouping | None = None) -> pd.DataFrame:
    """Agreement with proposals addressed to ``a`` vs proposals addressed to ``b``.

    Same columns as :func:`contrast` with ``group_col="addressee"``: per
    respondent type (``by``), ``a_*`` describes the answers given on proposals
    whose ``addressee`` is ``a`` and ``b_*`` those on proposals addressed to
    ``b``. It answers "do regions accept proposals aimed at themselves as
    readily as proposals aimed at municipalities?".

    ``addressee`` must match exactly (pass a collection such as
    ``("Region", "Regioner")`` to pool spellings); proposals with any other
    addressee, e.g. both, are left out. Each respondent contributes one answer
    per proposal, so answers are not independent: read the p-values as
    indicative only.
    """
    return contrast(responses, a=a, b=b, by=by, count_partly=count_partly, group_col="addressee",
                    grouping=grouping)


def format_contrast_csv(df: pd.DataFrame) -> str:
    """A contrast table as CSV text: floats with 4 decimals, empty cells for NaN,
    ``true``/``false``, ints as ints, ``\\n`` line ends."""
    return format_csv(df, decimals=4)


def contrast_records(df: pd.DataFrame) -> list[dict]:
    """A contrast table as JSON-ready dicts: floats rounded to 4, None for NaN."""
    return to_records(df, decimals=4)


def _by_addressee(data, a, b, count_partly):
    return contrast_by_addressee(data.responses, a=a, b=b, count_partly=count_partly,
                                 grouping=grouping_of(data, ["respondent_type", "addressee"]))


def contrast_table(data: CodedData, a: str = "Region", b: str = "Kommun", by: ContrastBy = "proposal_id",
                   count_partly: bool = False, denominator: ContrastDenominator = "addressed",
                   sort: Literal["key", "difference"] = "key") -> pd.DataFrame:
    """Group ``a`` vs group ``b`` (see :func:`analysis.contrast.contrast`), ready for a page.

    * ``by="proposal_id"`` / ``"topic"``: ``a``/``b`` are respondent types;
      rows are proposals (with ``proposal_title``) or topics.
    * ``by="addressee"``: ``a``/``b`` are addressees (proposals aimed at ``a``
      vs at ``b``); rows are respondent types
      (:func:`analysis.contrast.contrast_by_addressee`).
    * ``denominator="positioned"`` leaves "no position" answers out, so each
      share is of those who took a position; ``"addressed"`` keeps them.

    Adds a text column ``label`` (the row's name: "5.2.1 – title", a topic or
    a type) as the first column. ``sort="difference"`` orders by the absolute
    difference, largest first (rows without a difference last).
    """
    if denominator not in ("addressed", "positioned"):
        raise ValueError(f"denominator must be 'addressed' or 'positioned', not {denominator!r}")
    if denominator == "positioned":
        r = data.responses
        data = CodedData(responses=r.loc[~categorical_isin(r["stance"], ["no_position"])].reset_index(drop=True),
                         respondents=data.respondents, proposals=data.proposals)
    if by == "addressee":
        out = _by_addressee(data, a, b, count_partly)
        out.insert(0, "label", out["respondent_type"].astype("str"))
    elif by in ("proposal_id", "topic"):
        out = contrast(data.responses, a=a, b=b, by=by, count_partly=count_partly,
                       grouping=grouping_of(data, [by, "respondent_type"]))
        if by == "proposal_id":
            titles = proposal_titles(data)
            out.insert(1, "proposal_title", out["proposal_id"].map(titles).fillna(""))
            out.insert(0, "label", [proposal_label(p, t) for p, t in zip(out["proposal_id"], out["proposal_title"])])
        else:
            out.insert(0, "label", out["topic"].astype("str"))
    else:
        raise ValueError(f"by must be 'proposal_id', 'topic' or 'addressee', not {by!r}")
    if sort == "difference":
        order = out["difference"].abs().sort_values(ascending=False, kind="stable", na_position="last").index
        out = out.loc[order]
    elif sort != "key":
        raise ValueError(f"sort must be 'key' or 'difference', not {sort!r}")
    return out.reset_index(drop=True)
