"""Name merges: two spellings of one body counted as one.

* :func:`candidate_pairs` finds names in one upload that are probably the same
  body: the same name once case, spaces and punctuation are folded ("Region
  stockholm" / "Region Stockholm"), two names the register knows as one body
  ("Stockholms kommun" / "Stockholms stad"), or near spellings (rapidfuzz
  ratio >= :data:`SIMILAR_AT`, "Socialstyrelssen" / "Socialstyrelsen"), never
  two different bodies of the register. The official confirms or rejects each
  pair; only confirmed merges change any figure.
* :func:`apply_merges` renames the merged names in a :class:`CodedData`; the
  name as written is kept in the ``source`` column, as for register renames.
* :func:`read_merge_file` reads a merge file for the CLI (``--merges FILE``).

Stored decisions live in :mod:`store.merges`.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from i18n.strings import t
from loaders.model import CodedData
from loaders.register import fold_text, match_body, name_key
from loaders.vocab import norm_header

#: Near spellings at or above this rapidfuzz ratio (0-100) are offered as pairs.
SIMILAR_AT = 90
_DIGITS = re.compile(r"\d+")
#: Above this many distinct names only exact and register pairs are offered (the fuzzy pass is quadratic).
FUZZY_LIMIT = 3000


@dataclass(frozen=True)
class NamePair:
    """``name`` is probably ``into`` (the name to keep); ``reason`` is same-key, register or similar."""

    name: str
    into: str
    reason: str
    score: int = 100

    @property
    def key(self) -> tuple[str, str]:
        """The unordered pair, for matching against stored decisions."""
        return pair_key(self.name, self.into)


@dataclass(frozen=True)
class Merge:
    """A confirmed merge: rows of ``name`` count as ``into``."""

    name: str
    into: str
    #: The merge file's row, when read from one (0 otherwise); not part of equality.
    row: int = field(default=0, compare=False)


def pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _keep_first(a: str, b: str, counts: Mapping[str, int]) -> bool:
    """True when ``a`` is the better name to keep: the register's own name, then more rows, then order."""
    ma, mb = match_body(a), match_body(b)
    a_canon = ma is not None and ma.via != "rule" and ma.canonical == a
    b_canon = mb is not None and mb.via != "rule" and mb.canonical == b
    if a_canon != b_canon:
        return a_canon
    if counts.get(a, 0) != counts.get(b, 0):
        return counts.get(a, 0) > counts.get(b, 0)
    return a < b


def candidate_pairs(names: Iterable[str], counts: Mapping[str, int] | None = None) -> list[NamePair]:
    """Pairs of names that are probably one body (see the module docstring), best evidence first."""
    counts = counts or {}
    uniq = sorted({str(n) for n in names if str(n).strip()})
    found: dict[tuple[str, str], NamePair] = {}

    def offer(a: str, b: str, reason: str, score: int = 100) -> None:
        k = pair_key(a, b)
        if k in found or a == b:
            return
        name, into = (b, a) if _keep_first(a, b, counts) else (a, b)
        found[k] = NamePair(name, into, reason, score)

    listed = {n: match_body(n) for n in uniq}
    body = {n: (m.canonical, m.type) for n, m in listed.items() if m is not None and m.via != "rule"}

    by_key: dict[str, list[str]] = {}
    for n in uniq:
        by_key.setdefault(name_key(n), []).append(n)
    for group in by_key.values():
        for other in group[1:]:
            offer(group[0], other, "same-key")
    by_body: dict[tuple[str, str], list[str]] = {}
    for n, b in body.items():
        by_body.setdefault(b, []).append(n)
    for group in by_body.values():
        for other in group[1:]:
            offer(group[0], other, "register")
    if 1 < len(uniq) <= FUZZY_LIMIT:
        from rapidfuzz import fuzz, process

        folded = [fold_text(n) for n in uniq]
        scores = process.cdist(folded, folded, scorer=fuzz.ratio, score_cutoff=SIMILAR_AT, workers=1)
        for i, j in zip(*scores.nonzero(), strict=True):
            if i >= j:
                continue
            a, b = uniq[i], uniq[j]
            if a in body and b in body and body[a] != body[b]:
                continue  # two bodies the register tells apart ("Malmö stad" / "Malå kommun")
            if _DIGITS.findall(a) != _DIGITS.findall(b):
                continue  # numbered names ("Instans 12" / "Instans 13") are different bodies
            offer(a, b, "similar", int(scores[i, j]))
    order = {"same-key": 0, "register": 1, "similar": 2}
    return sorted(found.values(), key=lambda p: (order[p.reason], -p.score, p.into, p.name))


def resolve(merges: Iterable[Merge]) -> dict[str, str]:
    """Name -> final name, following chains (a -> b -> c gives a -> c).

    A merge that would close a cycle (b -> a after a -> b) is ignored: the earlier decision stands.
    """
    step: dict[str, str] = {}

    def final(name: str) -> str:
        seen = {name}
        while name in step and step[name] not in seen:
            name = step[name]
            seen.add(name)
        return name

    for m in merges:
        if m.name != m.into and m.name not in step and final(m.into) != m.name:
            step[m.name] = m.into
    return {name: final(name) for name in step}


def apply_merges(data: CodedData, merges: Iterable[Merge]) -> tuple[CodedData, dict[str, int]]:
    """``data`` with merged names renamed; and how many coded rows each merged name had.

    Where both names coded the same proposal, the kept name's row stays and
    the other is dropped. The kept name's type wins.
    """
    mapping = resolve(merges)
    responses = data.responses
    present = set(responses["respondent"].astype(str)) | set(data.respondents["respondent"].astype(str))
    mapping = {k: v for k, v in mapping.items() if k in present}
    if not mapping:
        return data, {}
    r = responses.copy()
    r["respondent"] = r["respondent"].astype(str)
    r["source"] = r["source"].astype(str)
    r["respondent_type"] = r["respondent_type"].astype(object)
    hit = r["respondent"].isin(list(mapping))
    n_rows = r.loc[hit, "respondent"].value_counts().to_dict()
    note = r.loc[hit, "respondent"].map(lambda n: t("register.provenance", "sv", name=n))
    src = r.loc[hit, "source"]
    r.loc[hit, "source"] = src.where(src.eq(""), src + " · ") + note
    r["_merged"] = hit
    r.loc[hit, "respondent"] = r.loc[hit, "respondent"].map(mapping)
    kept_type = r.loc[~hit].drop_duplicates("respondent").set_index("respondent")["respondent_type"]
    r.loc[hit, "respondent_type"] = r.loc[hit, "respondent"].map(kept_type).fillna(r.loc[hit, "respondent_type"])
    r = (r.sort_values("_merged", kind="stable")
         .drop_duplicates(["consultation", "respondent", "proposal_id"])
         .sort_index().drop(columns="_merged"))
    from loaders.schema import conform

    resp = data.respondents.copy()
    resp["respondent"] = resp["respondent"].astype(str)
    merged_resp = resp["respondent"].isin(list(mapping))
    resp["_merged"] = merged_resp
    resp.loc[merged_resp, "respondent"] = resp.loc[merged_resp, "respondent"].map(mapping)
    agg = resp.groupby(["consultation", "respondent"], sort=False)["replied"].transform("any")
    resp["replied"] = agg
    resp = (resp.sort_values("_merged", kind="stable")
            .drop_duplicates(["consultation", "respondent"]).sort_index().drop(columns="_merged"))
    typed = r.drop_duplicates(["consultation", "respondent"]).set_index(["consultation", "respondent"])
    idx = pd.MultiIndex.from_frame(resp[["consultation", "respondent"]].astype(str))
    new_types = typed["respondent_type"].reindex(idx).to_numpy()
    resp["respondent_type"] = pd.Series(new_types, index=resp.index).fillna(resp["respondent_type"])
    out = CodedData(responses=conform(r.reset_index(drop=True)), respondents=resp.reset_index(drop=True),
                    proposals=data.proposals)
    return out, {str(k): int(v) for k, v in n_rows.items()}


_NAME_HEADERS = {norm_header(h) for h in ("Namn i arket", "Namn", "Name", "Name in the sheet", "Från", "From")}
_INTO_HEADERS = {norm_header(h) for h in ("Räknas som", "Slå ihop med", "Into", "Counted as", "Till", "To")}


class MergeFileError(ValueError):
    """A merge file that cannot be used; the message is bilingual (sv / en)."""

    def __init__(self, sv: str, en: str):
        super().__init__(en)
        self.sv, self.en = sv, en


def read_merge_file(path: str | Path) -> list[Merge]:
    """A CSV (UTF-8, ``,`` ``;`` or tab) with two columns: the name as written, and the name it counts as.

    A first row whose cells are the headers "Namn i arket" / "Räknas som"
    (or "name" / "into") is skipped. Raises :class:`MergeFileError`.
    """
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise MergeFileError(t("register.mergefile.unreadable", "sv", file=p.name, error=exc.strerror),
                             t("register.mergefile.unreadable", "en", file=p.name, error=exc.strerror)) from exc
    except UnicodeDecodeError as exc:
        raise MergeFileError(t("register.mergefile.encoding", "sv", file=p.name),
                             t("register.mergefile.encoding", "en", file=p.name)) from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    merges = []
    for i, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if i == 1 and len(cells) >= 2 and norm_header(cells[0]) in _NAME_HEADERS \
                and norm_header(cells[1]) in _INTO_HEADERS:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise MergeFileError(t("register.mergefile.row", "sv", file=p.name, row=i),
                                 t("register.mergefile.row", "en", file=p.name, row=i))
        merges.append(Merge(cells[0], cells[1], i))
    return merges
