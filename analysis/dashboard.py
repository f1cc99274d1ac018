"""Tidy frames for the dashboard's pages and charts (pure pandas, no streamlit).

Each function takes already filtered data and returns one tidy frame that a
chart and its table are both built from, so the two always show the same
numbers. The unit and denominators follow :mod:`analysis.shares`: one coded
answer per (respondent, proposal); shares are "of those who addressed it"
unless a function says otherwise.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis import memo
from analysis.contrast import SMALL_N, contrast, contrast_by_addressee
from analysis.groups import codes_of, grouping
from analysis.ordering import categorical_isin, sort_keys, sort_rank, tidy_keys
from analysis.shares import agreement
from analysis.universe import proposal_list, replied_respondents
from analysis.weighting import weighted_agreement
from loaders.model import CodedData
from loaders.natural import natsorted
from loaders.schema import RESPONDENT_TYPES, STANCE_DTYPE, STANCES

#: Share column per stance in :func:`stance_breakdown`.
SHARE_OF = {s: f"{s}_share" for s in STANCES}

ContrastBy = Literal["proposal_id", "topic", "addressee"]
ContrastDenominator = Literal["addressed", "positioned"]

LABEL_SEP = " – "


def _ratio(num, den) -> np.ndarray:
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, np.nan)


def present_values(data: CodedData) -> dict[str, list[str]]:
    """What there is to choose from: respondent ``types`` with coded answers (canonical order)
    and proposal ``addressees`` in scope (naturally sorted, blanks left out)."""
    column = data.responses["respondent_type"]
    if isinstance(column.dtype, pd.CategoricalDtype):
        # The categories that occur, from the codes (no pass over the values as text).
        codes = np.asarray(column.array.codes)
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(column.cat.categories)))
        present = {str(c) for c in column.cat.categories[used]}
    else:
        present = set(column.dropna().astype("str").unique())
    types = [ty for ty in RESPONDENT_TYPES if ty in present]
    types += natsorted(present - set(RESPONDENT_TYPES))
    addressees = natsorted({str(a) for a in proposal_list(data)["addressee"] if str(a).strip()})
    return {"types": types, "addressees": addressees}


def proposal_label(proposal_id: str, title: str) -> str:
    """``"5.2.1 – Medicinsk kompetens …"``; just the id when there is no title."""
    return f"{proposal_id}{LABEL_SEP}{title}" if title else str(proposal_id)


def proposal_options(data: CodedData) -> pd.DataFrame:
    """Every proposal in scope, naturally ordered: consultation, proposal_id, proposal_title, topic, label.

    ``label`` is ``"<id> – <title>"``; when one id occurs in several
    consultations its label also names the consultation, so labels are unique.
    """
    return memo.cached(data, "proposal_options", lambda: _proposal_options(data))


def _proposal_options(data: CodedData) -> pd.DataFrame:
    props = proposal_list(data)[["consultation", "proposal_id", "proposal_title", "topic"]]
    props = sort_keys(props, ["proposal_id", "consultation"])
    ids, titles, cons = (props[c].tolist() for c in ("proposal_id", "proposal_title", "consultation"))
    labels = [proposal_label(p, t) for p, t in zip(ids, titles)]
    dup = props["proposal_id"].duplicated(keep=False).to_numpy().tolist()
    props["label"] = pd.array([f"{lab} ({c})" if d else lab for lab, c, d in zip(labels, cons, dup)], dtype="str")
    return props.reset_index(drop=True)


def stance_breakdown(data: CodedData, by: Sequence[str]) -> pd.DataFrame:
    """Stance counts and shares per group, denominator = those who addressed it.

    Columns: ``*by, agree, partly, disagree, no_position, n, agree_share,
    partly_share, disagree_share, no_position_share, support_share``.
    ``n`` = agree + partly + disagree + no_position; each share = count / n
    (NaN when n is 0); ``support_share`` = (agree + partly) / n. Groups with
    possible but no coded answers (e.g. a proposal nobody addressed) are kept
    with n = 0. Naturally sorted by ``by``.
    """
    by = list(by)
    table = agreement(data, by, "addressed")
    out = table[by + list(STANCES) + ["n"]].copy()
    for s in STANCES:
        out[SHARE_OF[s]] = _ratio(out[s], out["n"])
    out["support_share"] = _ratio(out["agree"] + out["partly"], out["n"])
    return out


def proposal_breakdown(data: CodedData, sort: Literal["agreement", "proposal"] = "agreement") -> pd.DataFrame:
    """:func:`stance_breakdown` per proposal with title and label.

    Columns: ``consultation, proposal_id, proposal_title, label`` then the
    breakdown columns. ``sort="agreement"``: highest agree share first, ties by
    agree + partly share, then natural order; proposals nobody addressed last.
    ``sort="proposal"``: natural order.
    """
    table = stance_breakdown(data, ["consultation", "proposal_id"])
    opts = proposal_options(data)[["consultation", "proposal_id", "proposal_title", "label"]]
    out = opts.merge(table, on=["consultation", "proposal_id"], how="inner")
    out = sort_keys(out, ["proposal_id", "consultation"])
    if sort == "agreement":
        out = out.sort_values(["agree_share", "support_share"], ascending=False, kind="stable",
                              na_position="last").reset_index(drop=True)
    elif sort != "proposal":
        raise ValueError(f"sort must be 'agreement' or 'proposal', not {sort!r}")
    return out


def one_proposal(data: CodedData, proposal_id: str) -> CodedData:
    """``data`` narrowed to one proposal: ``apply_filters(…, proposals=(proposal_id,))`` of a filtered view.

    Filters compose: narrowing a view by the proposal gives the frames that
    filtering the whole dataset with the view's filters plus the proposal
    gives (the responses and proposals narrowed by proposal id, the
    respondents untouched), but cut from the view, without another pass over
    every row, and keeping the view's respondents frame, so what was worked
    out from that frame is reused.
    """
    from analysis.filters import Filters, apply_filters

    return apply_filters(data, Filters(proposals=(str(proposal_id),)))


def proposal_answers(data: CodedData, proposal_id: str) -> pd.DataFrame:
    """Every coded answer to one proposal: consultation, respondent, respondent_type, stance, comment.

    Sorted by respondent type (canonical order), stance (agree first), name.
    """
    return memo.cached(data, ("proposal_answers", str(proposal_id)), lambda: _proposal_answers(data, proposal_id))


def _proposal_answers(data: CodedData, proposal_id: str) -> pd.DataFrame:
    r = data.responses
    rows = r.loc[categorical_isin(r["proposal_id"], [proposal_id]),
                 ["consultation", "respondent", "respondent_type", "stance", "comment"]]
    out = rows.copy()
    out["consultation"] = out["consultation"].astype("str")
    out["respondent"] = out["respondent"].astype("str")
    return sort_keys(out, ["respondent_type", "stance", "respondent"])


def not_addressing(data: CodedData, proposal_id: str) -> int:
    """How many respondents who replied to the proposal's consultation did not address it."""
    opts = proposal_list(data)
    cons = set(opts.loc[opts["proposal_id"] == str(proposal_id), "consultation"])
    people = replied_respondents(data)
    people = people.loc[people["consultation"].isin(cons)]
    answered = proposal_answers(data, proposal_id)
    return int(len(people) - answered[["consultation", "respondent"]].drop_duplicates().shape[0])


def topic_type_shares(data: CodedData, count_partly: bool = False) -> pd.DataFrame:
    """Agreement per topic × respondent type (denominator: those who addressed it).

    Columns: ``topic, respondent_type, numerator, n, share`` — ``numerator``
    agree (plus partly when ``count_partly``), ``n`` coded answers of that
    type on proposals of that topic, ``share`` = numerator / n (NaN at n = 0),
    ``small_n`` = n below :data:`analysis.contrast.SMALL_N`. Only cells with
    at least one coded answer.
    """
    table = agreement(data, ["topic", "respondent_type"], "addressed", count_partly)
    table = table.loc[table["n"] > 0, ["topic", "respondent_type", "numerator", "n", "share"]]
    table = table.assign(small_n=table["n"] < SMALL_N)
    return tidy_keys(table, ["topic", "respondent_type"])


def _by_addressee(data, a, b, count_partly):
    return contrast_by_addressee(data.responses, a=a, b=b, count_partly=count_partly,
                                 grouping=grouping(data, ["respondent_type", "addressee"]))


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
                       grouping=grouping(data, [by, "respondent_type"]))
        if by == "proposal_id":
            opts = proposal_options(data).drop_duplicates("proposal_id")
            titles = dict(zip(opts["proposal_id"], opts["proposal_title"]))
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


def weighted_pair(data: CodedData, a: str = "Region", b: str = "Kommun", count_partly: bool = False) -> pd.DataFrame:
    """Population-weighted agreement per proposal for two respondent types side by side.

    Columns: ``proposal_id, label, a_n, a_share, a_coverage, b_n, b_share,
    b_coverage, difference`` from :func:`analysis.weighting.weighted_agreement`
    (``*_share``: population-weighted share agreeing among those who addressed
    the proposal; ``*_coverage``: share of the type's listed population that
    addressed it; ``*_n``: respondents who addressed it). Naturally sorted.
    Empty when neither type has population figures.
    """
    w = weighted_agreement(data, "proposal_id", types=(a, b), count_partly=count_partly)
    cols = ["proposal_id", "label", "a_n", "a_share", "a_coverage", "b_n", "b_share", "b_coverage", "difference"]
    if w.empty or w["total_population"].isna().all():
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    w = w.assign(respondent_type=w["respondent_type"].astype("str"))
    parts = []
    for g, ty in (("a", a), ("b", b)):
        part = w.loc[w["respondent_type"] == ty, ["proposal_id", "n_addressed", "share", "coverage"]]
        part = part.groupby("proposal_id", sort=False).agg(
            n=("n_addressed", "sum"), share=("share", "first"), coverage=("coverage", "first"))
        parts.append(part.add_prefix(f"{g}_"))
    out = parts[0].join(parts[1], how="outer").reset_index()
    out[["a_n", "b_n"]] = out[["a_n", "b_n"]].fillna(0).astype("int64")
    out["difference"] = out["a_share"] - out["b_share"]
    opts = proposal_options(data).drop_duplicates("proposal_id")
    titles = dict(zip(opts["proposal_id"], opts["proposal_title"]))
    out["label"] = [proposal_label(p, titles.get(p, "")) for p in out["proposal_id"]]
    return tidy_keys(out[cols], ["proposal_id"])


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
    r = data.responses
    fast = _answers_by_codes(r, respondent, props)
    if fast is not None:
        return fast
    rows = r.loc[categorical_isin(r["respondent"], [respondent]), ["consultation", "proposal_id", "stance", "comment"]]
    rows = pd.DataFrame({"consultation": rows["consultation"].astype("str").to_numpy(),
                         "proposal_id": rows["proposal_id"].astype("str").to_numpy(),
                         "stance": rows["stance"].astype("str").to_numpy(),
                         "comment": rows["comment"].astype("str").to_numpy()})
    rows = rows.drop_duplicates(["consultation", "proposal_id"], keep="first")
    out = props.merge(rows, on=["consultation", "proposal_id"], how="left")
    out["stance"] = out["stance"].fillna("not_addressed").astype("str")
    out["comment"] = out["comment"].fillna("").astype("str")
    return sort_keys(out, ["consultation", "proposal_id"])


def _answers_by_codes(r: pd.DataFrame, respondent: str, props: pd.DataFrame) -> pd.DataFrame | None:
    """:func:`respondent_answers` after its proposal list, matching on category codes instead of a merge.

    The respondent's first answer to each (consultation, proposal) is looked
    up for every listed proposal. None when the columns are not the
    canonical categoricals (the caller then merges).
    """
    if not all(isinstance(r[c].dtype, pd.CategoricalDtype) for c in ("respondent", "consultation", "proposal_id")) \
            or r["stance"].dtype != STANCE_DTYPE:
        return None
    rows = np.flatnonzero(categorical_isin(r["respondent"], [respondent]))
    if len(rows) == 0 or len(props) == 0:
        return None  # the merge decides the (empty) columns' dtypes
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
    series = [s for _, s in matrix.items()]
    if series and all(s.dtype == STANCE_DTYPE for s in series):
        # Code -> stance text for the whole grid at once; missing (-1) -> "not_addressed".
        names = pd.Index(list(STANCES) + ["not_addressed"], dtype="str")
        columns = {str(col): names.take(np.where(codes < 0, len(STANCES), codes)).array
                   for col, codes in zip(matrix.columns, (np.asarray(s.array.codes) for s in series))}
        return pd.concat([out, pd.DataFrame(columns, index=out.index)], axis=1)
    for col in matrix.columns:
        out[str(col)] = matrix[col].astype("str").fillna("not_addressed").replace("nan", "not_addressed").to_numpy()
    return out


#: Columns of :func:`search_comments` and :func:`comment_matches`.
COMMENT_COLUMNS = ["consultation", "proposal_id", "proposal_title", "respondent", "respondent_type", "stance",
                   "comment"]
COMMENT_ORDER = ["proposal_id", "respondent_type", "respondent"]

#: First bytes that cannot start a blank comment: printable ASCII other than the space.
_SURELY_TEXT = np.zeros(256, dtype=bool)
_SURELY_TEXT[0x21:0x7F] = True


def _blank_check(comment: pd.Series) -> np.ndarray:
    """The reference test: ``comment.astype("str").fillna("").str.strip().ne("")``."""
    return comment.astype("str").fillna("").str.strip().ne("").to_numpy(dtype=bool)


def nonblank_comments(comment: pd.Series) -> np.ndarray:
    """Rows whose comment is not empty after trimming whitespace, as a bool array.

    The same as :func:`_blank_check`, without trimming a million strings: a
    comment whose first byte is printable ASCII (not a space) has text for
    sure; only the others (empty, or starting with whitespace or a non-ASCII
    character) go through the reference test. Read from the Arrow buffers
    when the column is Arrow-backed; otherwise the reference test.
    """
    array = getattr(comment.array, "_pa_array", None)
    if array is None or comment.dtype != "str":
        return _blank_check(comment)
    import pyarrow as pa

    parts = []
    for chunk in array.chunks:
        if not (pa.types.is_large_string(chunk.type) or pa.types.is_string(chunk.type)):
            return _blank_check(comment)
        n = len(chunk)
        bufs = chunk.buffers()
        if n == 0 or bufs[2] is None or bufs[2].size == 0:
            parts.append(np.zeros(n, dtype=bool))
            continue
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(bufs[1], dtype=width)[chunk.offset:chunk.offset + n + 1]
        data = np.frombuffer(bufs[2], dtype=np.uint8)
        starts = offsets[:-1]
        first = data.take(np.minimum(starts, len(data) - 1))
        sure = _SURELY_TEXT.take(first)
        sure &= offsets[1:] > starts
        if chunk.null_count:
            sure &= np.asarray(chunk.is_valid())
        parts.append(sure)
    sure = np.concatenate(parts) if len(parts) != 1 else parts[0]
    check = np.flatnonzero(~sure)
    if len(check):
        sure[check] = _blank_check(comment.iloc[check])
    return sure


def _matching_rows(data: CodedData, query: str) -> np.ndarray:
    """Positions of the rows with a comment containing ``query`` (case-insensitive, literal)."""
    comment = data.responses["comment"]
    rows = np.flatnonzero(nonblank_comments(comment))
    query = (query or "").strip()
    if query and len(rows):
        sub = comment.iloc[rows] if len(rows) < len(comment) else comment
        hit = sub.astype("str").fillna("").str.contains(query, case=False, regex=False).to_numpy(dtype=bool)
        rows = rows[hit]
    return rows


def _comment_frame(r: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    out = r.take(rows)[COMMENT_COLUMNS]
    for c in ("consultation", "proposal_id", "proposal_title", "respondent"):
        out[c] = out[c].astype("str")
    return out


def _first_sorted(r: pd.DataFrame, rows: np.ndarray, limit: int) -> np.ndarray:
    """The first ``limit`` of ``rows`` in :data:`COMMENT_ORDER` (a stable natural sort), in order.

    Only the rows whose first sort key can reach the first ``limit`` places
    are sorted (the first few proposals hold them), not every match.
    """
    if len(rows) == 0:
        return rows
    whole = len(rows) == len(r)
    first_key = sort_rank(r[COMMENT_ORDER[0]] if whole else r[COMMENT_ORDER[0]].iloc[rows])
    if len(rows) > limit:
        shifted = first_key - int(first_key.min())
        per_value = np.bincount(shifted)
        cutoff = int(np.searchsorted(np.cumsum(per_value), limit))  # the value holding the limit-th row
        keep = np.flatnonzero(shifted <= cutoff)
        rows, first_key, whole = rows[keep], first_key[keep], False
    ranks = [first_key] + [sort_rank(r[c] if whole else r[c].iloc[rows]) for c in COMMENT_ORDER[1:]]
    return rows[np.lexsort(list(reversed(ranks)))[:limit]]


def comment_matches(data: CodedData, query: str = "", limit: int | None = None) -> tuple[int, pd.DataFrame]:
    """(how many comments match, the first ``limit`` of them) of :func:`search_comments`.

    The rows are exactly the first ``limit`` rows :func:`search_comments`
    returns (all of them when ``limit`` is None), found without sorting or
    copying every match: a page shows a few hundred of possibly 700,000.
    """
    r = data.responses
    rows = _matching_rows(data, query)
    total = len(rows)
    limit = total if limit is None else max(int(limit), 0)
    if limit == 0:
        return total, _comment_frame(r, rows[:0]).reset_index(drop=True)
    first = _first_sorted(r, rows, limit)
    return total, _comment_frame(r, first).reset_index(drop=True)


def search_comments(data: CodedData, query: str = "") -> pd.DataFrame:
    """Coded answers with a comment, optionally containing ``query`` (case-insensitive, literal).

    Columns: consultation, proposal_id, proposal_title, respondent,
    respondent_type, stance, comment. Sorted by proposal (naturally),
    respondent type, respondent.
    """
    return comment_matches(data, query)[1]


__all__ = [
    "SHARE_OF", "contrast_table", "matrix_table", "not_addressing", "one_proposal", "present_values", "proposal_answers",
    "proposal_breakdown", "proposal_label", "proposal_options", "respondent_answers", "respondent_options",
    "comment_matches", "nonblank_comments", "search_comments", "stance_breakdown", "topic_type_shares", "weighted_pair",
]
