"""Who replied, and who addressed what."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.groups import Grouping
from analysis.lookup import lookup_one, lookup_pair
from analysis.ordering import sort_keys, tidy_keys
from analysis.universe import listed_respondents, proposal_list, replied_respondents
from loaders.model import CodedData

MATRIX_INDEX = ["consultation", "respondent_type", "respondent"]


def coverage_by_type(data: CodedData, by_consultation: bool = False) -> pd.DataFrame:
    """Reply rate per respondent type (per consultation too when ``by_consultation``).

    Columns: ``[consultation,] respondent_type, invited, replied, not_replied,
    reply_rate``.

    * ``invited``: respondents listed in ``data.respondents`` (the remiss list;
      anyone who replied without being listed is counted as listed too, so
      ``replied <= invited`` always holds).
    * ``replied``: those with ``replied == True`` or at least one coded answer.
    * ``reply_rate`` = replied / invited, NaN when invited is 0.
    """
    listed = listed_respondents(data)
    keys = (["consultation"] if by_consultation else []) + ["respondent_type"]
    # Counted on the key codes (the groups of ``groupby(keys, observed=True)``, without the text round trip).
    g = Grouping(listed, keys)
    rows = np.flatnonzero(g.gid >= 0)
    gid = g.gid[rows]
    invited = np.bincount(gid, minlength=g.n_groups)
    replied = np.bincount(gid, weights=listed["replied"].to_numpy(dtype=float)[rows], minlength=g.n_groups)
    used = np.flatnonzero(invited > 0)
    out = g.keys_frame(used)
    out["invited"] = invited[used]
    out["replied"] = replied[used]
    out["invited"] = out["invited"].astype("int64")
    out["replied"] = out["replied"].astype("int64")
    out["not_replied"] = out["invited"] - out["replied"]
    invited = out["invited"]
    out["reply_rate"] = np.where(invited > 0, out["replied"] / invited.where(invited > 0, 1), np.nan)
    return tidy_keys(out, keys)


def non_respondents(data: CodedData) -> pd.DataFrame:
    """Listed respondents who did not reply: consultation, respondent, respondent_type, county.

    Sorted by consultation, respondent type (canonical order) and name.
    """
    listed = listed_respondents(data)
    out = listed.loc[~listed["replied"], ["consultation", "respondent", "respondent_type"]]
    county = data.respondents.reindex(columns=["consultation", "respondent", "county"])
    county = county.astype("str").fillna("").drop_duplicates(["consultation", "respondent"])
    out = out.merge(county, on=["consultation", "respondent"], how="left")
    out["county"] = out["county"].fillna("")
    return sort_keys(out, MATRIX_INDEX)


def matrix_rows(data: CodedData) -> pd.DataFrame:
    """Rows of the respondent × proposal matrices: consultation, respondent_type, respondent.

    Everyone who replied; canonical type order, then names naturally.
    """
    return sort_keys(replied_respondents(data), MATRIX_INDEX)[MATRIX_INDEX]


def proposal_columns(data: CodedData) -> list[str]:
    """Proposal ids in scope, naturally sorted, each once."""
    props = proposal_list(data)
    return list(dict.fromkeys(sort_keys(props[["proposal_id"]], ["proposal_id"])["proposal_id"]))


def answer_cells(data: CodedData, rows: pd.DataFrame, cols: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """For every row of ``data.responses``: (row position in ``rows``, column position in ``cols``).

    -1 where the respondent or proposal is not in the matrix.
    """
    sub = data.responses[["consultation", "respondent", "proposal_id"]]
    table = rows[["consultation", "respondent"]].assign(pos=np.arange(len(rows), dtype="int64"))
    r = lookup_pair(sub["consultation"], sub["respondent"], table, "pos", -1)
    c = lookup_one(sub["proposal_id"], cols, np.arange(len(cols), dtype="int64"), -1)
    return r, c


def addressed_matrix(data: CodedData, as_bool: bool = False) -> pd.DataFrame:
    """Respondent × proposal: how many coded answers each respondent gave (normally 0 or 1).

    Rows: every respondent who replied (MultiIndex consultation,
    respondent_type, respondent; canonical type order, names naturally);
    columns: every proposal id in scope, naturally sorted. ``as_bool`` gives
    True/False (addressed or not) instead of counts. Meant for one
    consultation: with several, proposal ids are pooled across them.
    """
    rows, cols = matrix_rows(data), proposal_columns(data)
    r, c = answer_cells(data, rows, cols)
    keep = (r >= 0) & (c >= 0)
    counts = np.bincount(r[keep] * len(cols) + c[keep], minlength=len(rows) * len(cols))
    out = pd.DataFrame(counts.reshape(len(rows), len(cols)).astype("int64"),
                       index=pd.MultiIndex.from_frame(rows), columns=pd.Index(cols, name="proposal_id"))
    return out.astype(bool) if as_bool else out
