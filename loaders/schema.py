"""The canonical frame: one row per coded (respondent, proposal) pair.

Every loader produces this shape; everything downstream (store, analysis,
charts, exports) relies on it and on nothing else.
"""
from __future__ import annotations

import pandas as pd

#: Stances, in display order. "Not addressed" is never a row: it is the
#: absence of a row for a (respondent, proposal) pair.
STANCES: tuple[str, ...] = ("agree", "partly", "disagree", "no_position")
STANCE_DTYPE = pd.CategoricalDtype(list(STANCES), ordered=True)

#: Canonical respondent types (stored in Swedish, whatever the input language).
RESPONDENT_TYPES: tuple[str, ...] = (
    "Region",
    "Kommun",
    "Statlig myndighet",
    "Lärosäte",
    "Organisation",
    "Övrig",
)
TYPE_DTYPE = pd.CategoricalDtype(list(RESPONDENT_TYPES), ordered=True)

#: Columns of the canonical responses frame, in order.
COLUMNS: tuple[str, ...] = (
    "consultation",
    "respondent",
    "respondent_type",
    "proposal_id",
    "proposal_title",
    "topic",
    "addressee",
    "stance",
    "comment",
    "source",
    "sheet",
    "row",
)

#: Plain (unordered) categorical text columns.
CATEGORY_COLUMNS: tuple[str, ...] = (
    "consultation",
    "respondent",
    "proposal_id",
    "proposal_title",
    "topic",
    "addressee",
    "source",
    "sheet",
)

#: Columns of the respondents frame: everyone invited or replying.
RESPONDENT_COLUMNS: tuple[str, ...] = (
    "consultation",
    "respondent",
    "respondent_type",
    "county",
    "population",
    "replied",
)

#: Columns of the proposals frame.
PROPOSAL_COLUMNS: tuple[str, ...] = (
    "consultation",
    "proposal_id",
    "proposal_title",
    "topic",
    "addressee",
)


def empty_frame() -> pd.DataFrame:
    """An empty canonical responses frame with the right dtypes."""
    return conform(pd.DataFrame({c: [] for c in COLUMNS}))


def conform(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with exactly the canonical columns and dtypes.

    Text columns become categoricals (sorted naturally where order matters is
    the analysis layer's job); ``stance`` and ``respondent_type`` get their
    fixed categories; ``comment`` stays a string column; ``row`` is int32.
    """
    out = pd.DataFrame(index=pd.RangeIndex(len(df)))
    for col in COLUMNS:
        present = col in df.columns
        if present and col not in ("stance", "respondent_type", "row") and df[col].dtype == "str":
            # Already text: no round trip through a NumPy object array.
            s = df[col].reset_index(drop=True).fillna("")
            out[col] = s if col == "comment" else s.astype("category")
            continue
        values = df[col].to_numpy() if present else [None] * len(df)
        if col == "stance":
            out[col] = pd.Categorical(values, dtype=STANCE_DTYPE)
        elif col == "respondent_type":
            out[col] = pd.Categorical(values, dtype=TYPE_DTYPE)
        elif col == "row":
            out[col] = pd.array(values if len(df) else [], dtype="Int32").fillna(0).astype("int32")
        elif col == "comment":
            out[col] = pd.Series(values, dtype="str").fillna("")
        else:
            s = pd.Series(values, dtype="str").fillna("")
            out[col] = s.astype("category")
    return out
