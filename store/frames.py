"""Normalising frames for storage, and the canonical rows checksum.

Everything stored goes through :func:`normalise` first, and everything loaded
goes through it again, so a stored version loads back exactly:

* ``responses``: :func:`loaders.schema.conform` (canonical columns/dtypes).
* ``respondents``: ``consultation``, ``respondent``, ``county`` as ``str``
  (missing -> ""), ``respondent_type`` as the canonical ordered categorical,
  ``population`` float64 (missing -> NaN), ``replied`` bool (missing -> False).
* ``proposals``: all columns ``str`` (missing -> "").
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from loaders.model import CodedData
from loaders.schema import (
    COLUMNS,
    PROPOSAL_COLUMNS,
    RESPONDENT_COLUMNS,
    STANCE_DTYPE,
    TYPE_DTYPE,
    conform,
)

#: Columns per frame, in storage/checksum order.
FRAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "responses": COLUMNS,
    "respondents": RESPONDENT_COLUMNS,
    "proposals": PROPOSAL_COLUMNS,
}

_CHECKSUM_HEADER = b"remisskollen-rows-v1\n"


def _values(df: pd.DataFrame, col: str) -> object:
    return df[col].to_numpy() if col in df.columns else [None] * len(df)


def _text(values: object) -> pd.Series:
    return pd.Series(values, dtype="str").fillna("")


def conform_respondents(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=pd.RangeIndex(len(df)))
    for col in RESPONDENT_COLUMNS:
        values = _values(df, col)
        if col == "respondent_type":
            out[col] = pd.Categorical(values, dtype=TYPE_DTYPE)
        elif col == "population":
            out[col] = pd.to_numeric(pd.Series(values, dtype="object"), errors="coerce").astype("float64")
        elif col == "replied":
            s = pd.Series(values, dtype="object")
            out[col] = s.where(s.notna(), False).astype(bool)
        else:
            out[col] = _text(values)
    return out


def conform_proposals(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=pd.RangeIndex(len(df)))
    for col in PROPOSAL_COLUMNS:
        out[col] = _text(_values(df, col))
    return out


def _is_conformed(df: pd.DataFrame) -> bool:
    """True if ``df`` already has exactly the shape :func:`conform` gives.

    Lets the store skip re-conforming a large, already canonical frame (the
    loaders' output). Categories must be text so stored values are text.
    """
    if tuple(df.columns) != COLUMNS or not isinstance(df.index, pd.RangeIndex) or df.index.start != 0:
        return False
    if df.index.step != 1:
        return False
    for col in COLUMNS:
        dtype = df[col].dtype
        if col == "stance":
            ok = dtype == STANCE_DTYPE
        elif col == "respondent_type":
            ok = dtype == TYPE_DTYPE
        elif col == "row":
            ok = dtype == np.dtype("int32")
        elif col == "comment":
            ok = isinstance(dtype, pd.StringDtype) and df[col].notna().all()
        else:
            ok = (
                isinstance(dtype, pd.CategoricalDtype)
                and isinstance(dtype.categories.dtype, pd.StringDtype)
                and not df[col].isna().any()
            )
        if not ok:
            return False
    return True


def normalise(data: CodedData) -> CodedData:
    """``data`` with every frame in its stored shape (see module docstring)."""
    responses = data.responses
    return CodedData(
        responses=responses if _is_conformed(responses) else conform(responses),
        respondents=conform_respondents(data.respondents),
        proposals=conform_proposals(data.proposals),
    )


def python_values(s: pd.Series) -> list:
    """Column values as plain Python objects, missing values as ``None``."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = np.asarray(s.cat.categories, dtype=object)
        codes = s.cat.codes.to_numpy()
        out = np.empty(len(s), dtype=object)
        valid = codes >= 0
        out[valid] = cats[codes[valid]]
        out[~valid] = None
        return out.tolist()
    if pd.api.types.is_float_dtype(s.dtype):
        arr = s.to_numpy(dtype="float64")
        obj = arr.astype(object)
        obj[np.isnan(arr)] = None
        return obj.tolist()
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_integer_dtype(s.dtype):
        return s.to_numpy().tolist()
    return s.to_numpy(dtype=object, na_value=None).tolist()


def frame_values(data: CodedData) -> dict[str, dict[str, list]]:
    """``{frame: {column: values}}`` of normalised data, ready to insert."""
    frames = {"responses": data.responses, "respondents": data.respondents, "proposals": data.proposals}
    return {
        name: {col: python_values(frames[name][col]) for col in cols}
        for name, cols in FRAME_COLUMNS.items()
    }


#: Rows per JSON line in the checksum serialisation (part of the format).
CHECKSUM_CHUNK = 10_000


def checksum_rows(rows: dict[str, Sequence[Sequence]]) -> str:
    """sha256 over a canonical serialisation of the rows.

    Frame by frame (responses, respondents, proposals): a line with the
    JSON array ``[frame, [column names], row count]``, then the rows in
    order as JSON arrays of their values in schema column order, 10 000 rows
    per line (a JSON array of row arrays). Values are JSON strings, integers,
    floats (shortest round-trip form), ``true``/``false`` or ``null`` for
    missing. UTF-8, no ASCII escaping. Independent of pandas and of the
    database, so a stored checksum can be re-checked by any tool.
    """
    h = hashlib.sha256(_CHECKSUM_HEADER)
    for name, cols in FRAME_COLUMNS.items():
        frame_rows = rows[name]
        n = len(frame_rows)
        h.update(json.dumps([name, list(cols), n], ensure_ascii=False).encode("utf-8") + b"\n")
        for start in range(0, n, CHECKSUM_CHUNK):
            chunk = frame_rows[start : start + CHECKSUM_CHUNK]
            if not isinstance(chunk, list):
                chunk = list(chunk)
            h.update(json.dumps(chunk, ensure_ascii=False).encode("utf-8") + b"\n")
    return h.hexdigest()


def rows_of(values: dict[str, dict[str, list]]) -> dict[str, list[tuple]]:
    """Row tuples (schema column order) from :func:`frame_values` columns."""
    out = {}
    for name, cols in FRAME_COLUMNS.items():
        columns = [values[name][c] for c in cols]
        lengths = {len(c) for c in columns}
        if len(lengths) > 1:
            raise ValueError(f"columns of {name} differ in length: {sorted(lengths)}")
        out[name] = list(zip(*columns))
    return out


def checksum_values(values: dict[str, dict[str, list]]) -> str:
    """:func:`checksum_rows` of :func:`frame_values` columns."""
    return checksum_rows(rows_of(values))


def rows_checksum_of(data: CodedData) -> str:
    """Checksum of ``data`` as it would be stored (normalises first)."""
    return checksum_values(frame_values(normalise(data)))


def counts(values: dict[str, dict[str, list]]) -> dict[str, int]:
    """n_rows, n_respondents, n_proposals, n_consultations from :func:`frame_values`.

    Respondents and proposals are counted as distinct (consultation, name)
    pairs over the responses and the respondents/proposals lists together;
    consultations over all three (empty names not counted).
    """
    r, resp, prop = values["responses"], values["respondents"], values["proposals"]
    respondents = set(zip(r["consultation"], r["respondent"])) | set(
        zip(resp["consultation"], resp["respondent"])
    )
    proposals = set(zip(r["consultation"], r["proposal_id"])) | set(zip(prop["consultation"], prop["proposal_id"]))
    consultations = set(r["consultation"]) | set(resp["consultation"]) | set(prop["consultation"])
    consultations -= {"", None}
    return {
        "n_rows": len(r["consultation"]),
        "n_respondents": len(respondents),
        "n_proposals": len(proposals),
        "n_consultations": len(consultations),
    }
