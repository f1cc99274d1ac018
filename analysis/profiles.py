"""One respondent at a time: what each instance said about the proposals."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
import pandas as pd

from analysis import memo
from analysis.coverage import MATRIX_INDEX, answer_cells, proposal_columns
from analysis.groups import codes_of, grouping
from analysis.ordering import categorical_isin, sort_keys
from analysis.universe import proposal_list, replied_respondents
from i18n.sentences import PROFILE_EXTRAS, Sentence, say
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
    """Counted on the categorical codes: stances per (consultation, respondent) group, and the
    distinct proposals per group from the (consultation, respondent, proposal) groups that occur."""
    codes = np.asarray(data.responses["stance"].array.codes)
    keys = ["consultation", "respondent"]
    g = grouping(data, keys)
    g3 = grouping(data, keys + ["proposal_id"])
    counts = g.count(codes, len(STANCES))
    c3, r3, _ = g3.decode(np.flatnonzero(g3.count() > 0))
    addressed = np.bincount(_group_ids(g, c3, r3), minlength=g.n_groups + 1)[:-1]
    people = replied_respondents(data)
    c_pos = g.cats[0].get_indexer(people["consultation"])
    r_pos = g.cats[1].get_indexer(people["respondent"])
    gid = _group_ids(g, c_pos, r_pos)
    hit = gid < g.n_groups
    gid = np.where(hit, gid, 0)
    props = proposal_list(data)["consultation"].value_counts()
    n_props = props.reindex(pd.Index(people["consultation"])).fillna(0).to_numpy().astype("int64")
    out = people[["consultation", "respondent", "respondent_type"]].copy()
    out["n_proposals"] = n_props
    for j, s in enumerate(STANCES):
        out[s] = np.where(hit, counts[gid, j], 0).astype("int64")
    done = np.where(hit, addressed[gid], 0).astype("int64")
    out["not_addressed"] = np.clip(n_props - done, 0, None).astype("int64")
    return sort_keys(out, keys)


def _group_ids(g, c_pos: np.ndarray, r_pos: np.ndarray) -> np.ndarray:
    """Group id in ``g`` (by consultation, respondent) of each pair of category positions;
    ``g.n_groups`` where a position is -1 or (renumbered groupings) the pair never occurs."""
    c_pos, r_pos = np.asarray(c_pos, dtype="int64"), np.asarray(r_pos, dtype="int64")
    ok = (c_pos >= 0) & (r_pos >= 0)
    raw = np.where(ok, c_pos * g.sizes[1] + r_pos, -1)
    if g.dense is None:
        return np.where(ok, raw, g.n_groups)
    order = np.argsort(g.dense, kind="stable")
    pos = np.minimum(np.searchsorted(g.dense[order], raw), max(len(order) - 1, 0))
    found = ok & (g.dense[order][pos] == raw) if len(order) else np.zeros(len(raw), dtype=bool)
    return np.where(found, order[pos] if len(order) else 0, g.n_groups)


def respondent_headline(row: Mapping) -> Sentence:
    """One respondent's position as a sentence (``analysis.profile.main``), from a :func:`respondent_summary` row.

    Rendered (:func:`i18n.sentences.render`) sv ``"Stockholms stad tillstyrker
    24 av 25 förslag (1 delvis)"``; en ``"Stockholms stad agrees with 24 of 25
    proposals (1 partly)"``. The main count is ``agree`` alone, out of
    ``n_proposals`` (every proposal in the consultation). The parenthesis
    lists the non-zero remainder in the order partly, disagree, no position,
    not addressed.
    """
    return say("analysis.profile.main", name=row["respondent"], agree=int(row["agree"]), n=int(row["n_proposals"]),
               **{key: int(row[key]) for key in PROFILE_EXTRAS})


def respondent_headlines(summary: pd.DataFrame) -> list[Sentence]:
    """:func:`respondent_headline` of every row of a :func:`respondent_summary` frame, in order.

    The same sentences, read column-wise instead of row by row.
    """
    if summary.empty:
        return []
    names = ("name", "agree", "n", *PROFILE_EXTRAS)
    columns = [summary["respondent"].tolist()]
    columns += [summary[key].to_numpy().astype("int64").tolist() for key in ("agree", "n_proposals", *PROFILE_EXTRAS)]
    return [Sentence("analysis.profile.main", tuple(zip(names, row))) for row in zip(*columns)]


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
    codes = data.responses["stance"].cat.codes.to_numpy()
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


def respondent_options(data: CodedData) -> pd.DataFrame:
    """Respondents who replied: consultation, respondent, respondent_type; sorted by name."""
    return sort_keys(replied_respondents(data), ["respondent", "consultation"])


def respondent_answers(data: CodedData, respondent: str) -> pd.DataFrame:
    """One respondent's answer to every proposal in scope.

    Columns: consultation, proposal_id, proposal_title, stance, comment.
    Proposals in a consultation the respondent replied to but did not address
    get ``stance = "not_addressed"`` and an empty comment. Naturally sorted.
    """
    people = replied_respondents(data)
    cons = set(people.loc[people["respondent"] == str(respondent), "consultation"])
    props = proposal_list(data)
    props = props.loc[props["consultation"].isin(cons), ["consultation", "proposal_id", "proposal_title"]]
    return _answers_by_codes(data.responses, respondent, props)


def _answers_by_codes(r: pd.DataFrame, respondent: str, props: pd.DataFrame) -> pd.DataFrame:
    """:func:`respondent_answers` after its proposal list, matching on category codes instead of a merge.

    The respondent's first answer to each (consultation, proposal) is looked
    up for every listed proposal (the canonical categoricals' codes).
    """
    rows = np.flatnonzero(categorical_isin(r["respondent"], [respondent]))
    cons_codes, cons_cats = codes_of(r["consultation"])
    pid_codes, pid_cats = codes_of(r["proposal_id"])
    c, p = np.asarray(cons_codes)[rows].astype("int64"), np.asarray(pid_codes)[rows].astype("int64")
    ok = (c >= 0) & (p >= 0)
    width = max(len(pid_cats), 1)
    key = np.where(ok, c * width + p, -1)
    uniq, first = np.unique(key, return_index=True)  # the first answer per proposal counts
    first = first[uniq >= 0]
    uniq = uniq[uniq >= 0]
    # The listed proposals in the same codes (-1 where a text is not a category: no answer then).
    pc = pd.Index(cons_cats, dtype="str").get_indexer(pd.Index(props["consultation"], dtype="str"))
    pp = pd.Index(pid_cats, dtype="str").get_indexer(pd.Index(props["proposal_id"], dtype="str"))
    want = np.where((pc >= 0) & (pp >= 0), pc.astype("int64") * width + pp, -2)
    pos = np.searchsorted(uniq, want)
    pos_ok = np.minimum(pos, max(len(uniq) - 1, 0))
    hit = (pos < len(uniq)) & (uniq[pos_ok] == want) if len(uniq) else np.zeros(len(want), dtype=bool)
    at = rows[first[pos_ok]] if len(uniq) else np.zeros(len(want), dtype="int64")
    stance_names = np.array(list(STANCES) + ["not_addressed"], dtype=object)
    stance = np.full(len(want), "not_addressed", dtype=object)
    comment = np.full(len(want), "", dtype=object)
    if hit.any():
        codes = np.asarray(r["stance"].array.codes)[at[hit]]
        stance[hit] = stance_names[np.where(codes < 0, len(STANCES), codes)]
        text = r["comment"].iloc[at[hit]].astype("str").to_numpy(dtype=object)
        comment[hit] = [v if isinstance(v, str) else "" for v in text]
    out = props.reset_index(drop=True)
    out["stance"] = pd.array(stance, dtype="str")
    out["comment"] = pd.array(comment, dtype="str")
    return sort_keys(out, ["consultation", "proposal_id"])


def matrix_table(matrix: pd.DataFrame) -> pd.DataFrame:
    """A :func:`analysis.profiles.stance_matrix` as a flat table of stance codes.

    Columns: ``respondent, respondent_type`` then one column per proposal id
    holding the stance code, or ``"not_addressed"``. Row order kept.
    """
    idx = matrix.index
    out = pd.DataFrame({"respondent": idx.get_level_values("respondent").astype("str"),
                        "respondent_type": idx.get_level_values("respondent_type").astype("str")})
    if matrix.columns.empty:
        return out
    # Code -> stance text for the whole grid at once; missing (-1) -> "not_addressed".
    names = pd.Index(list(STANCES) + ["not_addressed"], dtype="str")
    columns = {str(col): names.take(np.where(codes < 0, len(STANCES), codes)).array
               for col, codes in zip(matrix.columns, (np.asarray(s.array.codes) for _, s in matrix.items()))}
    return pd.concat([out, pd.DataFrame(columns, index=out.index)], axis=1)
