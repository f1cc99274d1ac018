"""The figures in a few plain-language sentences (sv/en), for the top of a page.

The sentences are the ``analysis.headline.*`` keys of the translation table
(:mod:`i18n.analysis_text`); this module picks the figures that go in them.
Every sentence states its denominator. Numbers go through
:mod:`i18n.numbers` so they read as the rest of the app (``63 %`` / ``63%``).
"""
from __future__ import annotations

import decimal

import numpy as np
import pandas as pd

from analysis.contrast import contrast
from analysis.groups import grouping
from analysis.shares import agreement
from analysis.universe import proposal_list
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import t
from i18n.textfmt import int_text
from i18n.words import agree_verb, by_count, lang_of
from loaders.model import CodedData

#: Least number of answers for a proposal to be named most/least supported,
#: unless no proposal has that many.
MIN_N = 5

def _pid(row, titles: dict) -> str:
    title = titles.get((row.get("consultation"), row["proposal_id"]), "") or titles.get(row["proposal_id"], "")
    return f"{row['proposal_id']} ({title})" if title else str(row["proposal_id"])


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


def _plural(n: int, key: str, lang: str) -> str:
    """``analysis.headline.<key>_one`` for 1, ``…_many`` otherwise."""
    return t(f"analysis.headline.{key}_{'one' if n == 1 else 'many'}", lang)


def majority_headline(table: pd.DataFrame, lang: str = "sv", count_partly: bool = False) -> str | None:
    """How many proposals a majority (> 50 %) of those who addressed them agree with.

    ``table``: :func:`analysis.shares.agreement` per proposal with the
    "addressed" denominator. Proposals no one addressed count in the total.
    """
    if table.empty:
        return None
    lang = lang_of(lang)
    k = int((table["share"] > 0.5).sum())
    n = len(table)
    return t(
        "analysis.headline.majority", lang,
        k=int_text(k, lang), n=int_text(n, lang), partly=t("analysis.headline.partly", lang) if count_partly else "",
        proposals=by_count(n, "proposals", lang), be=by_count(k, "be", lang), them=by_count(n, "them", lang),
    )


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


def support_headlines(table: pd.DataFrame, titles: dict, lang: str = "sv",
                      count_partly: bool = False, min_n: int = MIN_N) -> list[str]:
    """The most and the least supported proposal, with share and number who addressed it.

    Only proposals with at least ``min_n`` answers compete (all answered ones
    if none has that many). Nothing when fewer than two compete or all shares
    are equal.
    """
    found = _extremes(table, min_n)
    if found is None:
        return []
    lang = lang_of(lang)
    out = []
    for key, row in zip(("most", "least"), found):
        n = int(row["n"])
        of = t("analysis.headline.of_one", lang) if n == 1 else t("analysis.headline.of_many", lang,
                                                                  n=fmt_int(n, lang))
        out.append(t(f"analysis.headline.{key}", lang, pid=_pid(row, titles), pct=fmt_pct(row["share"], lang),
                     of=of, agree=agree_verb(count_partly, lang)))
    return out


def difference_headline(table: pd.DataFrame, titles: dict, lang: str = "sv",
                        count_partly: bool = False) -> str | None:
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
    lang = lang_of(lang)
    text = t("analysis.headline.diff", lang, pid=_pid(row, titles), a=fmt_pct(a_pct / 100, lang),
             b=fmt_pct(b_pct / 100, lang), agree=agree_verb(count_partly, lang), pp=fmt_int(pp, lang),
             unit=_plural(pp, "pp", lang))
    if row["small_n"]:
        a_n, b_n = int(row["a_total"]), int(row["b_total"])
        text += t("analysis.headline.small", lang, a_n=fmt_int(a_n, lang), a_unit=_plural(a_n, "region", lang),
                  b_n=fmt_int(b_n, lang), b_unit=_plural(b_n, "kommun", lang))
    return text


def headlines(data: CodedData, lang: str = "sv", count_partly: bool = False, min_n: int = MIN_N) -> list[str]:
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
    out = [majority_headline(table, lang, count_partly)]
    out += support_headlines(table, titles, lang, count_partly, min_n)
    table = contrast(data.responses, "Region", "Kommun", "proposal_id", count_partly, tests=False,
                     grouping=grouping(data, ["proposal_id", "respondent_type"]))
    out.append(difference_headline(table, titles, lang, count_partly))
    return [h for h in out if h]
