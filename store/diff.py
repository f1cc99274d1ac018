"""What changed between two versions of a dataset (pure pandas).

Codings are keyed on (consultation, respondent, proposal_id). A key only in
the new version is *added*, only in the old one *removed*, in both with a
different stance *changed*. Only stances are compared (not comments).
Respondents and proposals are known from the responses and from the
respondents/proposals lists together.

All result frames have plain ``str`` columns, a 0..n-1 index, and rows in
natural order of their key columns (``4.2`` before ``4.10``). A missing
stance is shown as ``""``. If a key occurs twice in one version (validation
should prevent that), its first row counts.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.model import CodedData
from loaders.natural import natsorted

KEY: tuple[str, ...] = ("consultation", "respondent", "proposal_id")
CODING_COLUMNS: tuple[str, ...] = (*KEY, "stance")
CHANGED_COLUMNS: tuple[str, ...] = (*KEY, "from", "to")
RESPONDENT_KEY: tuple[str, ...] = ("consultation", "respondent")
PROPOSAL_KEY: tuple[str, ...] = ("consultation", "proposal_id")


@dataclass(frozen=True)
class VersionDiff:
    added: pd.DataFrame  # consultation, respondent, proposal_id, stance
    removed: pd.DataFrame  # consultation, respondent, proposal_id, stance (old)
    changed: pd.DataFrame  # consultation, respondent, proposal_id, from, to
    new_respondents: pd.DataFrame  # consultation, respondent
    removed_respondents: pd.DataFrame  # consultation, respondent
    new_proposals: pd.DataFrame  # consultation, proposal_id
    removed_proposals: pd.DataFrame  # consultation, proposal_id

    @property
    def n_added(self) -> int:
        return len(self.added)

    @property
    def n_removed(self) -> int:
        return len(self.removed)

    @property
    def n_changed(self) -> int:
        return len(self.changed)

    @property
    def n_new_respondents(self) -> int:
        return len(self.new_respondents)

    @property
    def n_removed_respondents(self) -> int:
        return len(self.removed_respondents)

    @property
    def n_new_proposals(self) -> int:
        return len(self.new_proposals)

    @property
    def n_removed_proposals(self) -> int:
        return len(self.removed_proposals)

    @property
    def is_empty(self) -> bool:
        return not (
            self.n_added
            or self.n_removed
            or self.n_changed
            or self.n_new_respondents
            or self.n_removed_respondents
            or self.n_new_proposals
            or self.n_removed_proposals
        )

    def counts(self) -> dict[str, int]:
        return {
            "added": self.n_added,
            "removed": self.n_removed,
            "changed": self.n_changed,
            "new_respondents": self.n_new_respondents,
            "removed_respondents": self.n_removed_respondents,
            "new_proposals": self.n_new_proposals,
            "removed_proposals": self.n_removed_proposals,
        }


def _text_frame(df: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    out = pd.DataFrame(index=pd.RangeIndex(len(df)))
    for col in columns:
        values = df[col].to_numpy() if col in df.columns else [None] * len(df)
        out[col] = pd.Series(values, dtype="str").fillna("").to_numpy()
    return out.astype("str")


def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})


def _natural_sort(df: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    if df.empty:
        return df.reset_index(drop=True)
    ranks = {}
    for col in columns:
        rank = {v: i for i, v in enumerate(natsorted(df[col].unique()))}
        ranks[col] = df[col].map(rank).to_numpy()
    order = pd.DataFrame(ranks, index=df.index).sort_values(list(columns), kind="stable").index
    return df.loc[order].reset_index(drop=True)


def _codings(data: CodedData) -> pd.DataFrame:
    return _text_frame(data.responses, CODING_COLUMNS).drop_duplicates(list(KEY), keep="first")


def _pairs(data: CodedData, listed: pd.DataFrame, key: tuple[str, ...]) -> pd.DataFrame:
    both = pd.concat([_text_frame(data.responses, key), _text_frame(listed, key)], ignore_index=True)
    return both.drop_duplicates(ignore_index=True)


def _only_in(a: pd.DataFrame, b: pd.DataFrame, key: tuple[str, ...]) -> pd.DataFrame:
    """Rows of ``a`` whose key is not in ``b``, naturally sorted."""
    if a.empty:
        return _empty(tuple(a.columns))
    m = a.merge(b[list(key)].drop_duplicates(), on=list(key), how="left", indicator=True)
    out = m.loc[m["_merge"] == "left_only", list(a.columns)]
    return _natural_sort(out.astype("str"), key)


def diff_versions(old: CodedData, new: CodedData) -> VersionDiff:
    """Codings added, removed and changed from ``old`` to ``new``."""
    old_c, new_c = _codings(old), _codings(new)

    added = _only_in(new_c, old_c, KEY)
    removed = _only_in(old_c, new_c, KEY)

    both = old_c.merge(new_c, on=list(KEY), how="inner", suffixes=("_old", "_new"))
    both = both.loc[both["stance_old"] != both["stance_new"]]
    changed = pd.DataFrame(
        {
            **{c: both[c].to_numpy() for c in KEY},
            "from": both["stance_old"].to_numpy(),
            "to": both["stance_new"].to_numpy(),
        },
        columns=list(CHANGED_COLUMNS),
    ).astype("str")
    changed = _natural_sort(changed, KEY) if len(changed) else _empty(CHANGED_COLUMNS)

    old_resp = _pairs(old, old.respondents, RESPONDENT_KEY)
    new_resp = _pairs(new, new.respondents, RESPONDENT_KEY)
    old_prop = _pairs(old, old.proposals, PROPOSAL_KEY)
    new_prop = _pairs(new, new.proposals, PROPOSAL_KEY)

    return VersionDiff(
        added=added,
        removed=removed,
        changed=changed,
        new_respondents=_only_in(new_resp, old_resp, RESPONDENT_KEY),
        removed_respondents=_only_in(old_resp, new_resp, RESPONDENT_KEY),
        new_proposals=_only_in(new_prop, old_prop, PROPOSAL_KEY),
        removed_proposals=_only_in(old_prop, new_prop, PROPOSAL_KEY),
    )
