"""The figures in a few plain-language sentences, for the top of a page.

This module picks the figures; each headline is a :class:`i18n.sentences.Sentence`
(an ``analysis.headline.*`` key of :mod:`i18n.analysis_text` and raw numbers),
made into Swedish or English text by :func:`i18n.sentences.render`. Every
sentence states its denominator.
"""
from __future__ import annotations

import decimal

import numpy as np
import pandas as pd

from analysis.contrast import contrast
from analysis.groups import grouping
from analysis.shares import agreement
from analysis.universe import proposal_list
from i18n.sentences import Sentence, say
from loaders.model import CodedData

#: Least number of answers for a proposal to be named most/least supported,
#: unless no proposal has that many.
MIN_N = 5

def _proposal(row, titles: dict) -> dict:
    """The proposal a headline names: its id and title (``""`` when it has none)."""
    title = titles.get((row.get("consultation"), row["proposal_id"]), "") or titles.get(row["proposal_id"], "")
    return {"proposal_id": str(row["proposal_id"]), "title": str(title or "")}


def _titles(data: CodedData) -> dict:
    props = proposal_list(data)
    out: dict = {}
    for c, p, title in zip(props["consultation"].tolist(), props["proposal_id"].tolist(),
                           props["proposal_title"].tolist()):
        out[(c, p)] = title
        out.setdefault(p, title)
    return out


def _percent(share: float) -> int:
    """Whole percent, rounded half up like :func:`i18n.numbers.fmt_pct`."""
    return int(decimal.Decimal(repr(float(share) * 100)).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def majority_headline(table: pd.DataFrame, count_partly: bool = False) -> Sentence | None:
    """How many proposals a majority (> 50 %) of those who addressed them agree with.

    ``table``: :func:`analysis.shares.agreement` per proposal with the
    "addressed" denominator. Proposals no one addressed count in the total.
    """
    if table.empty:
        return None
    return say("analysis.headline.majority", k=int((table["share"] > 0.5).sum()), n=len(table),
               count_partly=bool(count_partly))


def _extremes(table: pd.DataFrame, min_n: int) -> tuple[pd.Series, pd.Series] | None:
    """(most, least) supported rows: share, ties to the larger n, then natural order."""
    rows = table.loc[table["n"] > 0]
    if (rows["n"] >= min_n).any():
        rows = rows.loc[rows["n"] >= min_n]
    if len(rows) < 2 or rows["share"].max() == rows["share"].min():
        return None
    share, n = rows["share"].to_numpy(dtype=float), rows["n"].to_numpy(dtype=float)
    if np.isnan(share).any():  # the sorts below put NaN last: let pandas keep that rule
        most = rows.sort_values(["share", "n"], ascending=[False, False], kind="stable").iloc[0]
        least = rows.sort_values(["share", "n"], ascending=[True, False], kind="stable").iloc[0]
        return most, least
    # Stable sorts by (share, n): the first row of each order (np.lexsort is stable too).
    most = rows.iloc[int(np.lexsort((-n, -share))[0])]
    least = rows.iloc[int(np.lexsort((-n, share))[0])]
    return most, least


def support_headlines(table: pd.DataFrame, titles: dict, count_partly: bool = False,
                      min_n: int = MIN_N) -> list[Sentence]:
    """The most and the least supported proposal, with share and number who addressed it.

    Only proposals with at least ``min_n`` answers compete (all answered ones
    if none has that many). Nothing when fewer than two compete or all shares
    are equal.
    """
    found = _extremes(table, min_n)
    if found is None:
        return []
    return [say(f"analysis.headline.{key}", **_proposal(row, titles), share=float(row["share"]), n=int(row["n"]),
                count_partly=bool(count_partly))
            for key, row in zip(("most", "least"), found)]


def difference_headline(table: pd.DataFrame, titles: dict, count_partly: bool = False) -> Sentence | None:
    """The proposal where regions and municipalities differ most.

    ``table``: :func:`analysis.contrast.contrast` (a = Region, b = Kommun, per
    proposal). Rows without small groups are preferred; if only small ones
    exist, the sentence says the difference is uncertain.
    """
    rows = table.loc[table["difference"].notna()]
    if rows.empty:
        return None
    if (~rows["small_n"]).any():
        rows = rows.loc[~rows["small_n"]]
    row = rows.loc[rows["difference"].abs().sort_values(ascending=False, kind="stable").index[0]]
    a_pct, b_pct = _percent(row["a_share"]), _percent(row["b_share"])
    pp = abs(a_pct - b_pct)
    if pp == 0:
        return None
    small = (say("analysis.headline.small", a_n=int(row["a_total"]), b_n=int(row["b_total"]))
             if row["small_n"] else None)
    return say("analysis.headline.diff", **_proposal(row, titles), a_pct=a_pct, b_pct=b_pct, pp=pp,
               count_partly=bool(count_partly), small=small)


def headlines(data: CodedData, count_partly: bool = False, min_n: int = MIN_N) -> list[Sentence]:
    """Plain-language headlines for the (filtered) data, in order:

    1. how many proposals a majority of those who addressed them agree with;
    2. the most and 3. the least supported proposal (share and n);
    4. the biggest difference between regions and municipalities.

    Each is left out when the data cannot support it. ``count_partly`` counts
    "partly" as agreeing throughout.
    """
    if data.responses.empty and data.proposals.empty:
        return []
    table = agreement(data, ["consultation", "proposal_id"], "addressed", count_partly)
    titles = _titles(data)
    out = [majority_headline(table, count_partly)]
    out += support_headlines(table, titles, count_partly, min_n)
    table = contrast(data.responses, "Region", "Kommun", "proposal_id", count_partly, tests=False,
                     grouping=grouping(data, ["proposal_id", "respondent_type"]))
    out.append(difference_headline(table, titles, count_partly))
    return [h for h in out if h]
