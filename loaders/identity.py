"""Who is who: one body is one respondent, whatever the spelling in the sheet.

* **Invisible differences are cleaned** (:func:`clean_name`): Unicode NFC,
  non-breaking and other odd spaces, runs of spaces, zero-width characters and
  bidirectional controls. A name that changed is reported with its rows.
* **Case and spacing variants are one body** (:func:`name_key`): "Region
  Skåne", "region skåne" and "RegionSkåne" become one respondent, spelled as on
  the Instanser sheet, else as most rows spell it (ties: the first row).
* **Near-duplicates are listed, never merged** (:func:`near_duplicates`):
  look-alike letters from other scripts (a Cyrillic "а" in "Region Skånе"),
  names equal but for accents or punctuation, and one-letter typos. The
  official decides; a later step may let them confirm a merge.
* **One body, one type**: a body given two types in different rows is
  reported with the rows, and the type most rows give is used.

Everything works on distinct names, never per row, so a million rows cost
what their few hundred names cost.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from loaders.report import Report, Severity, both
from loaders.vocab import parse_type

#: Per-kind messages listed before the rest are counted.
MAX_LISTED = 200
#: Rows named in one message.
MAX_ROWS_SHOWN = 10

# Zero-width characters, the soft hyphen, and the bidirectional controls (LRM, RLM, ALM,
# embeddings, overrides and isolates): none of them is visible in a name.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x061C]
    + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)))

# Letters from other scripts that look like Latin ones: Cyrillic and Greek.
_CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "ë", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l", "һ": "h", "ԛ": "q",
    "ԝ": "w", "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})

#: A one-letter typo is flagged only in words at least this long; shorter words differ
#: by one letter between real, distinct bodies ("Nora"/"Mora", "Sala"/"Vara").
TYPO_MIN_LETTERS = 5
#: Words this long may differ by two edits (a transposition counts as one).
TYPO_TWO_EDITS_LETTERS = 15
#: Names compared with each other for typos at most, per block of names that share all other words.
MAX_BLOCK = 5000


class Loc(NamedTuple):
    """Where a row is when several reply sheets are read together: the sheet (in reading order) and its row.

    Sorting follows the workbook: sheet by sheet, row by row. A message given a
    Loc as its row names that sheet, so "rad 12" is never ambiguous.
    """

    order: int
    row: int
    sheet: str


def row_locations(rows: pd.DataFrame, mask: pd.Series | None = None) -> pd.Series:
    """Each coded row's place (of the rows in ``mask``): its Excel row, or a :class:`Loc` when the
    rows come from several sheets. Loc objects are made only for the rows asked for."""
    sub = rows if mask is None else rows[mask]
    if "sheet" not in rows.columns or sub.empty:
        return sub["row"]
    sheets = pd.unique(rows["sheet"])
    if len(sheets) < 2:
        return sub["row"]
    order = {s: i for i, s in enumerate(sheets)}
    return pd.Series([Loc(order[s], int(r), s) for s, r in zip(sub["sheet"], sub["row"], strict=True)],
                     index=sub.index, dtype=object)


def say(report: Report, severity: Severity, category: str, key: str, *, sheet: str | None = None,
        row: int | Loc | None = None, column: str | None = None, **fmt):
    """:meth:`Report.say`: a ``(sv, en)`` tuple among ``fmt`` is filled in per language, and ``row``,
    ``column`` and ``sheet`` are available to the message as ``{row}``, ``{column}`` and ``{sheet}``.

    A :class:`Loc` as ``row`` gives the problem its sheet as well."""
    if isinstance(row, Loc):
        sheet, row = row.sheet, row.row
    return report.say(severity, category, key, sheet=sheet, row=row, column=column, **fmt)


# --------------------------------------------------------------------------
# One name


def clean_name(value: object) -> str:
    """A name as it is meant: NFC, no invisible characters, single ordinary spaces, trimmed."""
    s = unicodedata.normalize("NFC", str(value or ""))
    s = s.translate(_INVISIBLE)
    return " ".join(s.split())


def cleaning_reasons(raw: str) -> list[str]:
    """Why :func:`clean_name` changes ``raw``: any of ``nfc``, ``invisible``, ``spaces``."""
    reasons = []
    if unicodedata.normalize("NFC", raw) != raw:
        reasons.append("nfc")
    if raw != raw.translate(_INVISIBLE):
        reasons.append("invisible")
    visible = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    if " ".join(visible.split()) != visible:
        reasons.append("spaces")
    return reasons


def name_key(value: object) -> str:
    """Names with equal keys are the same body: case and spacing do not count."""
    return "".join(clean_name(value).casefold().split())


def _skeleton(value: str) -> str:
    """Look-alike letters from other scripts mapped to Latin ones, then :func:`name_key`."""
    return name_key(unicodedata.normalize("NFKC", value).translate(_CONFUSABLES))


def _plain(value: str) -> str:
    """:func:`_skeleton` without accents and without punctuation."""
    decomposed = unicodedata.normalize("NFKD", _skeleton(value))
    return "".join(ch for ch in decomposed if ch.isalnum())


def _words(value: str) -> list[str]:
    text = unicodedata.normalize("NFKC", value).translate(_CONFUSABLES).casefold()
    return "".join(ch if ch.isalnum() else " " for ch in text).split()


def foreign_letters(name: str) -> list[tuple[str, str]]:
    """Letters of another script in a mostly Latin name: ``[("а", "CYRILLIC")]``. Empty when not mixed."""
    scripts: dict[str, list[str]] = defaultdict(list)
    for ch in name:
        if ch.isalpha():
            scripts[unicodedata.name(ch, "UNKNOWN").split()[0]].append(ch)
    if "LATIN" not in scripts or len(scripts) == 1:
        return []
    return [(ch, script) for script, chars in scripts.items() if script != "LATIN" for ch in dict.fromkeys(chars)]


# --------------------------------------------------------------------------
# Near-duplicates


@dataclass(frozen=True)
class Pair:
    """Two names that may be one body. ``kind``: ``lookalike``, ``accents`` or ``typo``."""

    a: str
    b: str
    kind: str


def _one_typo(a: str, b: str, distance: int) -> bool:
    """Whether two words at OSA ``distance`` look like one word mistyped (see :func:`near_duplicates`)."""
    shortest = min(len(a), len(b))
    allowed = 2 if shortest >= TYPO_TWO_EDITS_LETTERS else 1 if shortest >= TYPO_MIN_LETTERS else 0
    if not 0 < distance <= allowed:
        return False
    # A different first letter is how distinct names differ ("Dalby"/"Malby", "Nora"/"Mora"), not a typo.
    return a[0] == b[0]


def _typo_pairs(names: list[str], limit: int) -> set[tuple[str, str]]:
    """Names with the same words but one, where that word looks mistyped (:func:`_one_typo`).

    Blocking: each name is filed under its words with one position masked, so
    only names that agree on every other word are compared, with rapidfuzz's
    optimal-string-alignment distance (a transposition is one edit). Words
    with digits are never compared: numbers are identifiers, not typos. A
    block larger than :data:`MAX_BLOCK` names is not compared (no real list of
    bodies is that long), and the search stops after ``limit`` pairs.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    blocks: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for name in names:
        words = _words(name)
        for i, w in enumerate(words):
            if len(w) >= TYPO_MIN_LETTERS and not any(ch.isdigit() for ch in w):
                blocks[(len(words), i, *words[:i], *words[i + 1:])].append((w, name))
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        if not 2 <= len(members) <= MAX_BLOCK:
            continue
        words = [w for w, _ in members]
        for start in range(0, len(words), 1000):  # bounded memory: 1000 x n bytes at a time
            dist = process.cdist(words[start:start + 1000], words, scorer=OSA.distance, score_cutoff=2,
                                 dtype=np.uint8)
            for i, j in zip(*np.nonzero(dist <= 2), strict=True):
                i += start
                (wa, a), (wb, b) = members[i], members[j]
                if i < j and a != b and _one_typo(wa, wb, int(dist[i - start, j])):
                    pairs.add((a, b) if a < b else (b, a))
                    if len(pairs) >= limit:
                        return pairs
    return pairs


def near_duplicates(names: Iterable[str], *, distinct: Iterable[str] = (), limit: int = 1000) -> list[Pair]:
    """Pairs of names that may be one body, for the official to check (never merged here).

    ``lookalike``: equal once letters from other scripts that look Latin are read
    as Latin ("Region Skånе" with a Cyrillic е). ``accents``: equal but for
    accents or punctuation ("Region Skane", "Region Jämtland-Härjedalen").
    ``typo``: the same words but one, which differs by one edit (a transposition
    counts as one) in a word of at least :data:`TYPO_MIN_LETTERS` letters, or two
    edits from :data:`TYPO_TWO_EDITS_LETTERS`, and not in its first letter
    ("Regin Skåne", "Götebrogs stad", "Socialstyrelen"). So "Region
    Skåne"/"Region Dalarna", "Lunds kommun"/"Lunds universitet", "Nora
    kommun"/"Mora kommun" and "Torsby kommun"/"Torsås kommun" are not pairs;
    "Lidköpings kommun"/"Linköpings kommun" is, unless both are on the
    Instanser sheet. At most ``limit`` typo pairs are searched for.

    Names that differ only in case or spacing are one body already
    (:func:`name_key`) and are not listed. A pair whose two names are both in
    ``distinct`` (the Instanser sheet: the official's own list of bodies) is
    not listed either.
    """
    by_key: dict[str, str] = {}
    for n in names:
        if n:
            by_key.setdefault(name_key(n), n)  # case/spacing variants: the first spelling stands for all
    unique = list(by_key.values())
    known = set(distinct)
    found: dict[tuple[str, str], str] = {}

    def add(a: str, b: str, kind: str) -> None:
        key = (a, b) if a < b else (b, a)
        if name_key(a) != name_key(b) and not (a in known and b in known) and key not in found:
            found[key] = kind

    for kind, fold in (("lookalike", _skeleton), ("accents", _plain)):
        groups: dict[str, list[str]] = defaultdict(list)
        for n in unique:
            groups[fold(n)].append(n)
        for group in groups.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    add(a, b, kind)
    for a, b in sorted(_typo_pairs(unique, limit)):
        add(a, b, "typo")
    order = {n: i for i, n in enumerate(unique)}
    pairs = [Pair(*sorted(k, key=order.get), kind) for k, kind in found.items()]
    return sorted(pairs, key=lambda p: (order[p.a], order[p.b]))


# --------------------------------------------------------------------------
# A whole sheet


def _rows_text(rows: list[int]) -> str:
    rows = sorted(set(rows))
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    return shown + (" …" if len(rows) > MAX_ROWS_SHOWN else "")


def rows_words(rows: list[int] | list[Loc]) -> tuple[str, str]:
    """``("rad 2, 5", "rows 2, 5")``: the rows, with the noun, in both languages.

    Rows from several sheets (:class:`Loc`) are listed per sheet:
    ``("bladet Regioner rad 2, 5; bladet Kommuner rad 7", …)``.
    """
    if rows and isinstance(rows[0], Loc):
        by_sheet: dict[str, list[int]] = {}
        for loc in sorted(set(rows)):
            by_sheet.setdefault(loc.sheet, []).append(loc.row)
        parts = [both("where.sheet_row" if len(r) == 1 else "where.sheet_rows", sheet=s, rows=_rows_text(r))
                 for s, r in by_sheet.items()]
        return "; ".join(p[0] for p in parts), "; ".join(p[1] for p in parts)
    return both("where.row" if len(set(rows)) == 1 else "where.rows", rows=_rows_text(rows))


def _reasons_text(reasons: list[str]) -> tuple[str, str]:
    """What cleaning a name did, in both languages (keys ``identity.reason.*``)."""
    words = [both(f"identity.reason.{r}") for r in reasons]
    return ", ".join(w[0] for w in words), ", ".join(w[1] for w in words)


def _rows_by_value(values: pd.Series, rows: pd.DataFrame, wanted: Iterable[str]) -> dict[str, list[int] | list[Loc]]:
    """Value -> the places (:func:`row_locations`) of the rows holding it, for the ``wanted`` values."""
    wanted = list(wanted)
    if not wanted:
        return {}
    mask = values.isin(wanted)
    return {k: list(v) for k, v in row_locations(rows, mask).groupby(values[mask], sort=False)}


def unify_respondents(rows: pd.DataFrame, listed: pd.DataFrame | None, report: Report, sheet: str | None,
                      column: str | None, listed_sheet: str | None = None,
                      listed_column: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Clean respondent names, merge case/spacing variants, warn about near-duplicates.

    ``rows`` are the coded rows (``respondent`` and Excel ``row`` columns);
    ``listed`` the Instanser sheet's rows, or None. Both come back with the
    canonical names; ``listed`` without rows that now name the same body twice.
    """
    raw_values = pd.unique(rows["respondent"])
    cleaned = {v: clean_name(v) for v in raw_values}
    changed = {v: cleaning_reasons(v) for v, c in cleaned.items() if c != v}
    changed = {v: reasons for v, reasons in changed.items() if reasons}
    where = _rows_by_value(rows["respondent"], rows, list(changed)[:MAX_LISTED])
    for value, reasons in list(changed.items())[:MAX_LISTED]:
        r = where.get(value, [])
        say(report, "warning", "unique-error", "identity.cleaned", sheet=sheet, row=min(r) if r else None,
            column=column, name=cleaned[value], what=_reasons_text(reasons), rows=rows_words(r))
    if any(c != v for v, c in cleaned.items()):
        rows = rows.assign(respondent=rows["respondent"].map(cleaned))

    if listed is not None:
        listed = listed.copy()
        for idx, value in listed["respondent"].items():
            c = clean_name(value)
            reasons = cleaning_reasons(value)
            if c != value and reasons:
                r = int(listed.at[idx, "row"])
                say(report, "warning", "unique-error", "identity.cleaned", sheet=listed_sheet, row=r,
                    column=listed_column, name=c, what=_reasons_text(reasons), rows=rows_words([r]))
            listed.at[idx, "respondent"] = c
        for r in listed.loc[listed["respondent"].eq(""), "row"].astype(int):
            say(report, "warning", "constraint-error", "identity.invisible_listed", sheet=listed_sheet, row=r,
                column=listed_column)
        listed = listed[listed["respondent"].ne("")]

    # Case and spacing variants: one body, one spelling.
    listed_names = list(dict.fromkeys(listed["respondent"])) if listed is not None else []
    listed_set = set(listed_names)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in listed_names + [n for n in dict.fromkeys(cleaned.values()) if n not in listed_set]:
        if name:
            groups[name_key(name)].append(name)
    variant_groups = [g for g in groups.values() if len(g) > 1]
    if variant_groups:
        rows, listed = _merge_variants(rows, listed, variant_groups, report, sheet, column, listed_sheet,
                                       listed_column)
    if listed is not None:
        listed = listed.drop_duplicates(["consultation", "respondent"])

    _warn_near_duplicates(rows, listed, report, sheet, column)
    return rows, listed


def _merge_variants(rows: pd.DataFrame, listed: pd.DataFrame | None, variant_groups: list[list[str]],
                    report: Report, sheet: str | None, column: str | None, listed_sheet: str | None = None,
                    listed_column: str | None = None):
    """Map every spelling in a group to one (Instanser's, else the commonest, ties the first row)."""
    names = [n for g in variant_groups for n in g]
    rows_of = _rows_by_value(rows["respondent"], rows, names)
    listed_rows = ({} if listed is None else
                   {k: list(v) for k, v in listed["row"].groupby(listed["respondent"], sort=False)})
    mapping: dict[str, str] = {}
    for shown, group in enumerate(variant_groups):
        in_listed = [n for n in group if n in listed_rows]
        if in_listed:
            canonical, why = in_listed[0], both("identity.why.listed")
        else:
            best = max(len(rows_of.get(n, [])) for n in group)
            top = [n for n in group if len(rows_of.get(n, [])) == best]
            canonical = min(top, key=lambda n: min(rows_of.get(n, [0])))
            why = both("identity.why.commonest" if len(top) == 1 else "identity.why.first")
        for n in group:
            mapping[n] = canonical
        if shown >= MAX_LISTED:
            continue
        parts_sv, parts_en, others = [], [], []
        for n in group:
            bits_sv, bits_en = [], []
            if n in rows_of:
                words = rows_words(rows_of[n])
                bits_sv.append(words[0])
                bits_en.append(words[1])
                if n != canonical:
                    others.extend(rows_of[n])
            if n in listed_rows:
                words = both("where.listed_rows", rows=_rows_text(listed_rows[n]))
                bits_sv.append(words[0])
                bits_en.append(words[1])
            parts_sv.append(f"\"{n}\" ({'; '.join(bits_sv)})")
            parts_en.append(f"\"{n}\" ({'; '.join(bits_en)})")
        listed_others = sorted(r for n in group if n != canonical for r in listed_rows.get(n, []))
        here = ((sheet, min(others), column) if others else
                (listed_sheet, listed_others[0], listed_column) if listed_others else (sheet, None, column))
        say(report, "warning", "unique-error", "identity.variants", sheet=here[0], row=here[1], column=here[2],
            name=canonical, why=why, variants=(", ".join(parts_sv), ", ".join(parts_en)))
    full = {u: mapping.get(u, u) for u in pd.unique(rows["respondent"])}
    rows = rows.assign(respondent=rows["respondent"].map(full))
    if listed is not None:
        listed = listed.assign(respondent=listed["respondent"].map(lambda n: mapping.get(n, n)))
    return rows, listed


def _warn_near_duplicates(rows: pd.DataFrame, listed: pd.DataFrame | None, report: Report, sheet: str | None,
                          column: str | None) -> None:
    listed_names = [] if listed is None else list(dict.fromkeys(listed["respondent"]))
    replied = list(pd.unique(rows["respondent"]))
    names = list(dict.fromkeys(replied + listed_names))
    pairs = near_duplicates(names, distinct=listed_names)
    in_pair = {n for p in pairs for n in (p.a, p.b)}
    odd = {n: foreign_letters(n) for n in names}
    odd = {n: letters for n, letters in odd.items() if letters and n not in in_pair}
    rows_of = _rows_by_value(rows["respondent"], rows, in_pair | set(odd))

    def where(name: str) -> tuple[str, str]:
        if name in rows_of:
            return rows_words(rows_of[name])
        return both("where.listed_sheet")

    for p in pairs[:MAX_LISTED]:
        wa, wb = where(p.a), where(p.b)
        first = rows_of.get(p.b) or rows_of.get(p.a) or [None]
        say(report, "warning", "unique-error", "identity.near_duplicate", sheet=sheet, row=min(first),
            column=column, a=p.a, b=p.b, where_a=wa, where_b=wb, why=both(f"identity.alike.{p.kind}"))
    if len(pairs) > MAX_LISTED:
        say(report, "warning", "unique-error", "identity.more_near_duplicates", sheet=sheet,
            n=len(pairs) - MAX_LISTED)
    for name, letters in list(odd.items())[:MAX_LISTED]:
        r = rows_of.get(name, [])
        scripts = [(ch, _script_words(s)) for ch, s in letters]
        sv = ", ".join(f"\"{ch}\" ({words[0]})" for ch, words in scripts)
        en = ", ".join(f"\"{ch}\" ({words[1]})" for ch, words in scripts)
        say(report, "warning", "unique-error", "identity.foreign_letters", sheet=sheet,
            row=min(r) if r else None, column=column, name=name, letters=(sv, en),
            rows=rows_words(r) if r else both("where.listed_sheet"))


def _script_words(script: str) -> tuple[str, str]:
    """A script's name in both languages (keys ``identity.script.*``), else its Unicode name."""
    from i18n.strings import STRINGS

    key = f"identity.script.{script}"
    return both(key) if key in STRINGS else (script.lower(), script.title())


def _type_words(by_type: dict[str, list[int]]) -> tuple[str, str]:
    """``("Region (rad 2, 4), Kommun (rad 3)", "Region (rows 2, 4), Municipality (row 3)")``."""
    from i18n.strings import type_label

    return tuple(", ".join(f"{type_label(t, lang)} ({rows_words(r)[i]})" for t, r in by_type.items())
                 for i, lang in enumerate(("sv", "en")))


def unify_types(rows: pd.DataFrame, report: Report, sheet: str | None, column: str | None,
                listed: pd.DataFrame | None = None, listed_sheet: str | None = None) -> pd.DataFrame:
    """One body, one type: when rows give a body different types, warn and use the commonest.

    Only type cells that name a known type count; blank and unknown cells are
    left to the type resolution that follows. Ties go to the type of the first
    row. A type in the replies that differs from the body's type on the
    Instanser sheet (``listed``) is a warning too; the replies' type is used,
    as always (see :func:`loaders.normalise.resolve_types`).
    """
    from i18n.strings import type_label

    names, name_codes = pd.factorize(rows["respondent"])[::-1]
    types, type_codes = pd.factorize(rows["respondent_type"])[::-1]
    canon = [parse_type(v) or "" if v else "" for v in types] + [""]
    canon_values, canon_codes = pd.factorize(pd.Series(canon))[::-1]
    width = len(canon_values) + 1
    combos = np.unique(name_codes.astype(np.int64) * width + canon_codes[type_codes])
    combo_names, combo_types = np.divmod(combos, width)
    typed: dict[str, set[str]] = defaultdict(set)
    for n, t in zip(combo_names.tolist(), combo_types.tolist(), strict=True):
        if canon_values[t]:
            typed[names[n]].add(canon_values[t])
    torn = [n for n, ts in typed.items() if len(ts) > 1]
    chosen: dict[str, str] = {}
    if torn:
        sub = rows[rows["respondent"].isin(torn)]
        parsed = dict(zip(types, canon, strict=False))
        sub = sub.assign(canon=sub["respondent_type"].map(parsed))
        typed_rows = sub["canon"].ne("")
        locs = row_locations(rows, rows.index.isin(sub.index[typed_rows]))  # once, not once per body
        for shown, (name, part) in enumerate(sub[typed_rows].groupby("respondent", sort=False)):
            by_type = {t: sorted(r) for t, r in locs.loc[part.index].groupby(part["canon"], sort=False)}
            best = max(len(r) for r in by_type.values())
            chosen[name] = min((t for t, r in by_type.items() if len(r) == best), key=lambda t: by_type[t][0])
            typed[name] = {chosen[name]}
            if shown < MAX_LISTED:
                later = sorted(r for t, rs in by_type.items() if t != chosen[name] for r in rs)
                say(report, "warning", "constraint-error", "identity.type_conflict", sheet=sheet, row=later[0],
                    column=column, name=name, types=_type_words(by_type),
                    chosen=(type_label(chosen[name], "sv"), type_label(chosen[name], "en")))
        rows = rows.copy()
        mask = rows["respondent"].isin(list(chosen))
        rows.loc[mask, "respondent_type"] = rows.loc[mask, "respondent"].map(chosen)
    if listed is not None and not listed.empty:
        told = 0
        for r in listed[listed["respondent_type"].ne("")].drop_duplicates("respondent").itertuples():
            replied = typed.get(r.respondent)
            if replied and r.respondent_type not in replied and told < MAX_LISTED:
                told += 1
                (used,) = replied
                say(report, "warning", "constraint-error", "identity.type_conflict_listed", sheet=listed_sheet,
                    row=int(r.row), name=r.respondent,
                    listed=(type_label(r.respondent_type, "sv"), type_label(r.respondent_type, "en")),
                    used=(type_label(used, "sv"), type_label(used, "en")))
    return rows


def refuse_blank_names(rows: pd.DataFrame, report: Report, sheet: str | None, respondent_column: str | None,
                       consultation_column: str | None, stem: str) -> pd.DataFrame:
    """Rows with no respondent, or no consultation where the column is used, are errors and are dropped.

    A blank cell sits at the top of a block with nothing above to continue (a
    blank cell below a filled one continues the block); a cell of invisible
    characters only looks blank but continues nothing. Without this, the row
    would become a nameless respondent or a consultation named after the file.
    """
    def invisible_only(values: pd.Series) -> pd.Series:
        hidden = [v for v in pd.unique(values) if v and not clean_name(v)]
        return values.isin(hidden) if hidden else pd.Series(False, index=values.index)

    no_name = rows["respondent"].eq("")
    ghost_name = invisible_only(rows["respondent"])
    cons_used = consultation_column is not None and any(clean_name(v) for v in pd.unique(rows["consultation"]))
    no_cons = rows["consultation"].eq("") & cons_used
    ghost_cons = invisible_only(rows["consultation"]) & cons_used
    checks = (("identity.blank_respondent", no_name, respondent_column),
              ("identity.invisible_respondent", ghost_name, respondent_column),
              ("identity.blank_consultation", no_cons & ~no_name & ~ghost_name, consultation_column),
              ("identity.invisible_consultation", ghost_cons & ~no_name & ~ghost_name, consultation_column))
    for key, mask, col in checks:
        bad = sorted(set(rows.loc[mask, "row"].astype(int)))
        for r in bad[:MAX_LISTED]:
            say(report, "error", "constraint-error", key, sheet=sheet, row=r, column=col, stem=stem)
        if len(bad) > MAX_LISTED:
            say(report, "error", "constraint-error", "identity.more_blank", sheet=sheet, n=len(bad) - MAX_LISTED)
    return rows[~(no_name | ghost_name | no_cons | ghost_cons)]


def unify_consultations(rows: pd.DataFrame, others: list[tuple[pd.DataFrame | None, str | None]], report: Report,
                        sheet: str | None, column: str | None) -> tuple[pd.DataFrame, list[pd.DataFrame | None]]:
    """Consultation names as one name each: cleaned, and case/spacing variants merged, with warnings.

    ``rows`` are the coded rows; ``others`` the Förslag and Instanser frames with
    their sheet names. The responses' spelling wins (the most rows, ties the
    first row); a Förslag or Instanser name that differs from it only in case or
    spacing is matched to it, with a warning naming the sheet.
    """
    cleaned = {v: clean_name(v) for v in pd.unique(rows["consultation"])}
    changed = {v: cleaning_reasons(v) for v, c in cleaned.items() if c != v}
    changed = {v: reasons for v, reasons in changed.items() if reasons}
    where = _rows_by_value(rows["consultation"], rows, list(changed)[:MAX_LISTED])
    for value, reasons in list(changed.items())[:MAX_LISTED]:
        r = where.get(value, [])
        say(report, "warning", "unique-error", "identity.cleaned", sheet=sheet, row=min(r) if r else None,
            column=column, name=cleaned[value], what=_reasons_text(reasons), rows=rows_words(r))
    if any(c != v for v, c in cleaned.items()):
        rows = rows.assign(consultation=rows["consultation"].map(cleaned))

    groups: dict[str, list[str]] = defaultdict(list)
    for name in dict.fromkeys(cleaned.values()):
        groups[name_key(name)].append(name)
    canonical: dict[str, str] = {}
    variant_groups = [g for g in groups.values() if len(g) > 1]
    rows_of = _rows_by_value(rows["consultation"], rows, [n for g in variant_groups for n in g])
    for key, group in groups.items():
        best = max(len(rows_of.get(n, [])) for n in group)
        top = [n for n in group if len(rows_of.get(n, [])) == best]
        canonical[key] = min(top, key=lambda n: min(rows_of.get(n, [0])))
    for group in variant_groups[:MAX_LISTED]:
        name = canonical[name_key(group[0])]
        others_rows = sorted(r for n in group if n != name for r in rows_of.get(n, []))
        listing = [(f'"{n}" ({rows_words(rows_of.get(n, []))[0]})', f'"{n}" ({rows_words(rows_of.get(n, []))[1]})')
                   for n in group]
        say(report, "warning", "unique-error", "identity.consultation_variants", sheet=sheet,
            row=others_rows[0] if others_rows else None, column=column, name=name,
            variants=(", ".join(v[0] for v in listing), ", ".join(v[1] for v in listing)))
    if variant_groups:
        full = {n: canonical[name_key(n)] for n in pd.unique(rows["consultation"])}
        rows = rows.assign(consultation=rows["consultation"].map(full))

    out = []
    for frame, other_sheet in others:
        if frame is None or frame.empty:
            out.append(frame)
            continue
        mapped, told = {}, 0
        for value in pd.unique(frame["consultation"]):
            c = clean_name(value)
            target = canonical.get(name_key(c), c) if c else c
            mapped[value] = target
            if value and target != value and told < MAX_LISTED:
                told += 1
                first = int(frame.loc[frame["consultation"].eq(value), "row"].min())
                say(report, "warning", "unique-error", "identity.consultation_matched", sheet=other_sheet,
                    row=first, value=value, name=target)
        out.append(frame.assign(consultation=frame["consultation"].map(mapped)))
    return rows, out
