"""One respondent at a time: what each instance said about the proposals."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
import pandas as pd

from analysis import memo
from analysis.coverage import MATRIX_INDEX, answer_cells, proposal_columns
from analysis.groups import grouping, stance_codes
from analysis.labels import lang_of
from analysis.ordering import sort_keys
from analysis.textfmt import int_text
from analysis.universe import proposal_list, replied_respondents
from i18n.numbers import fmt_int
from loaders.model import CodedData
from loaders.schema import STANCE_DTYPE, STANCES

MatrixSort = Literal["type", "agreement"]

SUMMARY_COLUMNS = ("consultation", "respondent", "respondent_type", "n_proposals",
                   *STANCES, "not_addressed")


def respondent_summary(data: CodedData) -> pd.DataFrame:
    """One row per (consultation, respondent) who replied.

    Columns: consultation, respondent, respondent_type, n_proposals, agree,
    partly, disagree, no_position, not_addressed.

    * ``n_proposals``: proposals in that consultation — those in
      ``data.proposals`` plus any other proposal id found in
      ``data.responses`` (so it falls back to the ids in the responses when
      the proposal list is missing). After filtering, the selected proposals.
    * stance columns: the respondent's coded answers per stance.
    * ``not_addressed`` = n_proposals − proposals the respondent addressed.

    A stance filter removes answers from ``data.responses``, and those then
    count as not addressed: build profiles without the stance filter.
    Sorted by consultation and respondent name (naturally).
    """
    return memo.cached(data, "respondent_summary", lambda: _respondent_summary(data))


def _respondent_summary(data: CodedData) -> pd.DataFrame:
    fast = _fast_summary(data)
    if fast is not None:
        return fast
    people = replied_respondents(data)
    n_props = proposal_list(data).groupby("consultation").size().rename("n_proposals")
    sub = data.responses[["consultation", "respondent", "proposal_id", "stance"]]
    keys = ["consultation", "respondent"]
    counts = sub.groupby(keys + ["stance"], observed=True).size().unstack("stance", fill_value=0)
    counts = counts.reindex(columns=list(STANCES), fill_value=0)
    counts.columns = list(STANCES)
    addressed = sub.groupby(keys, observed=True)["proposal_id"].nunique().rename("addressed")
    counts = counts.join(addressed, how="outer").reset_index()
    for c in keys:
        counts[c] = counts[c].astype("str")
    out = people.merge(n_props.reset_index(), on="consultation", how="left")
    out = out.merge(counts, on=keys, how="left")
    num = ["n_proposals", *STANCES, "addressed"]
    out[num] = out[num].fillna(0).astype("int64")
    out["not_addressed"] = (out["n_proposals"] - out["addressed"]).clip(lower=0).astype("int64")
    return sort_keys(out[list(SUMMARY_COLUMNS)], keys)


def _fast_summary(data: CodedData) -> pd.DataFrame | None:
    """:func:`respondent_summary` on the categorical codes; None when the frame is not canonical."""
    responses = data.responses
    codes = stance_codes(responses)
    if codes is None:
        return None
    keys = ["consultation", "respondent"]
    g = grouping(data, keys)
    g3 = grouping(data, keys + ["proposal_id"])
    if g.dense is not None or g3.dense is not None:
        return None
    counts = g.count(codes, len(STANCES))
    n_prop_cats = g3.sizes[-1]
    addressed = (g3.count().reshape(g.n_groups, n_prop_cats) > 0).sum(axis=1)
    people = replied_respondents(data)
    c_pos = g.cats[0].get_indexer(people["consultation"])
    r_pos = g.cats[1].get_indexer(people["respondent"])
    hit = (c_pos >= 0) & (r_pos >= 0)
    gid = np.where(hit, c_pos * g.sizes[1] + r_pos, 0)
    props = proposal_list(data)["consultation"].value_counts()
    n_props = props.reindex(pd.Index(people["consultation"])).fillna(0).to_numpy().astype("int64")
    out = people[["consultation", "respondent", "respondent_type"]].copy()
    out["n_proposals"] = n_props
    for j, s in enumerate(STANCES):
        out[s] = np.where(hit, counts[gid, j], 0).astype("int64")
    done = np.where(hit, addressed[gid], 0).astype("int64")
    out["not_addressed"] = np.clip(n_props - done, 0, None).astype("int64")
    return sort_keys(out, keys)


_HEADLINE = {
    "sv": {
        "main": "{name} tillstyrker {agree} av {n} förslag",
        "extras": {"partly": "{} delvis", "disagree": "{} avstyrker",
                   "no_position": "{} utan ställningstagande", "not_addressed": "{} ej berörda"},
    },
    "en": {
        "main": "{name} agrees with {agree} of {n} {proposals}",
        "extras": {"partly": "{} partly", "disagree": "{} disagree",
                   "no_position": "{} no position", "not_addressed": "{} not addressed"},
    },
}


def respondent_headline(row: Mapping, lang: str = "sv") -> str:
    """One respondent's position in a sentence, from a :func:`respondent_summary` row.

    sv ``"Stockholms stad tillstyrker 24 av 25 förslag (1 delvis)"``; en
    ``"Stockholms stad agrees with 24 of 25 proposals (1 partly)"``. The main
    count is ``agree`` alone, out of ``n_proposals`` (every proposal in the
    consultation). The parenthesis lists the non-zero remainder in the order
    partly, disagree, no position, not addressed.
    """
    lang = lang_of(lang)
    t = _HEADLINE[lang]
    n = int(row["n_proposals"])
    text = t["main"].format(name=row["respondent"], agree=fmt_int(int(row["agree"]), lang),
                            n=fmt_int(n, lang), proposals="proposal" if n == 1 else "proposals")
    extras = [tmpl.format(fmt_int(int(row[key]), lang))
              for key, tmpl in t["extras"].items() if int(row[key])]
    return f"{text} ({', '.join(extras)})" if extras else text


def respondent_headlines(summary: pd.DataFrame, lang: str = "sv") -> list[str]:
    """:func:`respondent_headline` of every row of a :func:`respondent_summary` frame, in order.

    The same sentences, built column-wise with remembered number texts
    (:func:`analysis.textfmt.int_text`) instead of one babel call per number.
    """
    lang = lang_of(lang)
    t = _HEADLINE[lang]
    if summary.empty:
        return []
    cols = {key: summary[key].to_numpy().astype("int64").tolist() for key in ("n_proposals", "agree", *t["extras"])}
    names = summary["respondent"].tolist()
    main = t["main"]
    extras = list(t["extras"].items())
    out = []
    for i, name in enumerate(names):
        n = cols["n_proposals"][i]
        text = main.format(name=name, agree=int_text(cols["agree"][i], lang), n=int_text(n, lang),
                           proposals="proposal" if n == 1 else "proposals")
        more = [tmpl.format(int_text(cols[key][i], lang)) for key, tmpl in extras if cols[key][i]]
        out.append(f"{text} ({', '.join(more)})" if more else text)
    return out


def stance_matrix(data: CodedData, sort: MatrixSort | None = None) -> pd.DataFrame:
    """Respondent × proposal grid of stance codes (NaN = not addressed).

    Rows: every respondent who replied, MultiIndex (consultation,
    respondent_type, respondent); columns: proposal ids, naturally sorted;
    each column an ordered categorical of stances. Row order:

    * ``None``: consultation, then respondent name (naturally);
    * ``"type"``: consultation, respondent type (canonical order), name;
    * ``"agreement"``: consultation, then most agreeing first — the share of
      ``n_proposals`` a respondent agrees with (see :func:`respondent_summary`),
      ties broken by agree + partly, then name.

    Meant for one consultation: with several, proposal ids are pooled.
    If a respondent answered a proposal twice, the first row counts.
    """
    summary = respondent_summary(data)
    if sort == "type":
        summary = sort_keys(summary, MATRIX_INDEX)
    elif sort == "agreement":
        summary = summary.assign(
            _share=summary["agree"] / summary["n_proposals"].where(summary["n_proposals"] > 0, 1),
            _support=summary["agree"] + summary["partly"],
        )
        # Stable sorts, least significant key first: name, then agreement, then consultation.
        summary = sort_keys(summary, ["respondent"])
        summary = summary.sort_values(["_share", "_support"], ascending=False, kind="stable")
        summary = sort_keys(summary, ["consultation"])
    elif sort is not None:
        raise ValueError(f"sort must be None, 'type' or 'agreement', not {sort!r}")
    rows = summary[MATRIX_INDEX]
    cols = proposal_columns(data)
    r, c = answer_cells(data, rows, cols)
    stance = data.responses["stance"]
    codes = (stance.cat.codes.to_numpy() if stance.dtype == STANCE_DTYPE
             else pd.Categorical(stance.astype("str"), dtype=STANCE_DTYPE).codes)
    keep = np.flatnonzero((r >= 0) & (c >= 0) & (codes >= 0))
    cells = r[keep] * len(cols) + c[keep]
    cells, first = np.unique(cells, return_index=True)  # the first answer per cell counts
    grid = np.full(len(rows) * len(cols), -1, dtype="int64")
    grid[cells] = codes[keep][first]
    grid = grid.reshape(len(rows), len(cols))
    out = pd.DataFrame(
        {col: pd.Categorical.from_codes(grid[:, j], dtype=STANCE_DTYPE) for j, col in enumerate(cols)},
        index=pd.MultiIndex.from_frame(rows),
    )
    out.columns = pd.Index(cols, name="proposal_id")
    return out
