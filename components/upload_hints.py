"""Saving an upload without guesswork: a name to start from, and why Spara is not available.

The new dataset's name starts as the consultation's name (the sheet's one
consultation) or, when the sheet has several or none, the file's name
without its extension; the reader may change it. When saving is not
possible the page says in words what is missing, instead of only greying
out the button.
"""
from __future__ import annotations

from pathlib import PurePath

import pandas as pd

from i18n.strings import t
from store.versions import NAME_MAX


def suggested_name(responses: pd.DataFrame, file_name: str) -> str:
    """The consultation's name when the sheet holds exactly one, else the file's stem (at most NAME_MAX)."""
    consultations = []
    if "consultation" in responses.columns:
        consultations = [str(c).strip() for c in responses["consultation"].dropna().astype(str).unique()]
        consultations = [c for c in consultations if c]
    name = consultations[0] if len(consultations) == 1 else PurePath(file_name).stem.strip()
    return name[:NAME_MAX]


def save_hint(*, file_ok: bool, name: str, name_problem: str | None, lang: str) -> str | None:
    """What is missing before the upload can be saved, in words (None when nothing is)."""
    if not file_ok:
        return t("upload.save_blocked", lang)
    if not name:
        return t("upload.needs_name", lang)
    if name_problem:
        return t("upload.needs_other_name", lang)
    return None
