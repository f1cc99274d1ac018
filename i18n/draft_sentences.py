"""The draft's prose: the "Remissinstanserna" paragraph of a proposal, from keys, numbers and names.

:mod:`analysis.draft` decides what a paragraph says (quantifier keys,
counts, the names to give, the reasons); this module only puts it into
words, in the order of the bill convention:

0. "Endast ett fåtal remissinstanser har yttrat sig i denna del." when
   few of those who replied to the consultation commented on the proposal
   (fewer than one in ten, at least two; see :mod:`analysis.quantifiers`);
1. the lead: a quantifier (or "k av n") and the agree verb, then named
   examples ("bl.a. A, B och C") or, when few enough, every name;
2. those who agree in part, then those who oppose: a minority named in
   full (the rest counted), a majority with a quantifier and examples;
   each named one followed by the reason from their comment, quoted as
   written and marked with its source row;
3. those who commented without taking a position (a count);
4. the region/municipality contrast, only where the test supports it;
5. those who replied to the consultation but not on this proposal.

Two styles: ``"words"`` (quantifiers, small numbers as words) and
``"counts"`` ("18 av 24 remissinstanser som har yttrat sig i denna del").
"""
from __future__ import annotations

from collections.abc import Sequence

from analysis.draft import ProposalDraft, RowRef, StanceGroup
from i18n.numbers import fmt_int, fmt_pct
from i18n.strings import t

STYLES: tuple[str, ...] = ("words", "counts")
#: Numbers written as words in running text (words style), as Swedish and English style guides advise.
WORD_NUMBERS_MAX = 12
#: Coverage quantifiers (those who commented, of those who replied) that open with "Endast ett fåtal ...".
FEW_COMMENTED: tuple[str, ...] = ("a_few",)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "sv"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def number_word(n: int, lang: str = "sv") -> str:
    """1..12 as words ("en", "två"; "one", "two"), larger numbers as digits ("13", "1 234")."""
    n = int(n)
    if 1 <= n <= WORD_NUMBERS_MAX:
        return t(f"draft.num.{n}", _lang(lang))
    return fmt_int(n, _lang(lang))


def noun(n: int, lang: str = "sv") -> str:
    """"remissinstans" for one, "remissinstanser" otherwise."""
    return t("draft.noun.one" if int(n) == 1 else "draft.noun.many", _lang(lang))


def count_phrase(n: int, lang: str = "sv") -> str:
    """"en remissinstans", "två remissinstanser", "13 remissinstanser"; 0: "ingen remissinstans"."""
    if int(n) == 0:
        return t("draft.noun.none", _lang(lang))
    return t("draft.count", _lang(lang), num=number_word(n, lang), noun=noun(n, lang))


def join_names(names: Sequence[str], lang: str = "sv") -> str:
    """``["A", "B", "C"]`` -> ``"A, B och C"`` / ``"A, B and C"``; one name as it is."""
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('draft.and', _lang(lang))} {names[-1]}"


def verb(stance: str, plural: bool, lang: str = "sv") -> str:
    return t(f"draft.verb.{stance}.{'many' if plural else 'one'}", _lang(lang))


def ref_text(ref: RowRef, lang: str = "sv") -> str:
    """"blad Svar, rad 12" (or "rad 12" when the sheet is unknown)."""
    if ref.sheet:
        return t("draft.ref_sheet", _lang(lang), sheet=ref.sheet, row=ref.row)
    return t("draft.ref", _lang(lang), row=ref.row)


def quantified_subject(quantifier: str, lang: str = "sv") -> str:
    return t(f"draft.qs.{quantifier}", _lang(lang))


def counts_subject(k: int, n: int, lang: str = "sv") -> str:
    """"18 av 24 remissinstanser som har yttrat sig i denna del"."""
    lang = _lang(lang)
    return t("draft.counts_subject", lang, k=fmt_int(k, lang), n=fmt_int(n, lang), noun=noun(n, lang))


def _names_tail(g: StanceGroup, lang: str) -> str:
    """", bl.a. A, B och C" when some are left out, ": A och B" when all are named, "" for none."""
    names = [m.name for m in g.shown]
    if not names:
        return ""
    key = "draft.names.all" if g.complete else "draft.names.examples"
    return t(key, lang, names=join_names(names, lang))


def _named_list(g: StanceGroup, lang: str) -> str:
    """"A, B och C", or "A, B, C, D, E och ytterligare tre remissinstanser"."""
    names = [m.name for m in g.shown]
    if g.rest:
        names.append(t("draft.others", lang, num=number_word(g.rest, lang), noun=noun(g.rest, lang)))
    return join_names(names, lang)


def _group_sentence(g: StanceGroup, addressed: int, lang: str, style: str) -> str:
    if style == "counts":
        subject, plural = counts_subject(g.count, addressed, lang), g.count != 1
        return capitalise(t("draft.s.clause", lang, subject=subject, verb=verb(g.stance, plural, lang),
                            names=_names_tail(g, lang)))
    if g.form == "quantified":
        subject = quantified_subject(g.quantifier, lang)
        plural = g.quantifier not in ("one", "none")
        return capitalise(t("draft.s.clause", lang, subject=subject, verb=verb(g.stance, plural, lang),
                            names=_names_tail(g, lang)))
    return capitalise(t("draft.s.clause", lang, subject=_named_list(g, lang),
                        verb=verb(g.stance, g.count != 1, lang), names=""))


def _reasons(g: StanceGroup, lang: str) -> list[str]:
    return [t("draft.s.reason", lang, name=r.name, text=r.text, ref=ref_text(r.ref, lang)) for r in g.reasons]


def _no_position_sentence(g: StanceGroup, addressed: int, lang: str, style: str) -> str:
    subject = counts_subject(g.count, addressed, lang) if style == "counts" else count_phrase(g.count, lang)
    return capitalise(t("draft.s.clause", lang, subject=subject, verb=verb("no_position", g.count != 1, lang),
                        names=""))


def contrast_sentences(p: ProposalDraft, lang: str = "sv") -> list[str]:
    """The group sentence: only where the Holm-adjusted test supports a difference; a note on small groups."""
    c = p.contrast
    if c is None:
        return []
    lang = _lang(lang)
    a_def, b_def = t(f"draft.type_def.{c.a}", lang), t(f"draft.type_def.{c.b}", lang)
    sizes = {"a_n": number_word(c.a_total, lang) if c.a_total <= WORD_NUMBERS_MAX else fmt_int(c.a_total, lang),
             "b_n": number_word(c.b_total, lang) if c.b_total <= WORD_NUMBERS_MAX else fmt_int(c.b_total, lang)}
    if c.significant:
        hi, lo = (a_def, b_def) if c.higher == "a" else (b_def, a_def)
        hi_pct, lo_pct = (c.a_share, c.b_share) if c.higher == "a" else (c.b_share, c.a_share)
        out = [capitalise(t("draft.s.contrast", lang, a=hi, b=lo, a_pct=fmt_pct(hi_pct, lang),
                            b_pct=fmt_pct(lo_pct, lang)))]
        if c.small:
            out.append(t("draft.s.contrast_small_note", lang, **sizes))
        return out
    if c.small and c.a_share != c.b_share:
        return [t("draft.s.contrast_small", lang, a=a_def, b=b_def, **sizes)]
    return []


def paragraph(p: ProposalDraft, lang: str = "sv", style: str = "words") -> str:
    """The body of the "Remissinstanserna" paragraph for one proposal (without the run-in heading)."""
    lang = _lang(lang)
    style = style if style in STYLES else "words"
    sentences: list[str] = []
    if p.kind == "no_replies":
        sentences.append(t("draft.s.no_replies", lang))
    elif p.kind == "all_declined":
        g = p.group("no_position")
        names = t("draft.names.all", lang, names=_named_list(g, lang)) if g.shown else ""
        sentences.append(t("draft.s.all_declined", lang, count=capitalise(count_phrase(g.count, lang)), names=names))
    else:
        if p.coverage in FEW_COMMENTED:
            sentences.append(t("draft.s.few_commented", lang))
        sentences.append(_group_sentence(p.group("agree"), p.addressed, lang, style))
        for stance in ("partly", "disagree"):
            g = p.group(stance)
            if not g.count:
                continue
            if style == "words" and g.form == "named" and g.count == 1 and g.reasons:
                r = g.reasons[0]  # one respondent: name, verb and reason in one sentence
                sentences.append(t("draft.s.single_reason", lang, name=r.name, verb=verb(stance, False, lang),
                                   text=r.text, ref=ref_text(r.ref, lang)))
                continue
            sentences.append(_group_sentence(g, p.addressed, lang, style))
            sentences.extend(_reasons(g, lang))
        g = p.group("no_position")
        if g.count:
            sentences.append(_no_position_sentence(g, p.addressed, lang, style))
        sentences.extend(contrast_sentences(p, lang))
    if p.not_addressing and p.kind != "no_replies":
        n = len(p.not_addressing)
        sentences.append(t("draft.s.not_addressing", lang, count=capitalise(count_phrase(n, lang))))
    return " ".join(sentences)


def heading(lang: str = "sv") -> str:
    """The run-in heading, "Remissinstanserna:"."""
    return t("draft.heading", _lang(lang))


def full_paragraph(p: ProposalDraft, lang: str = "sv", style: str = "words") -> str:
    """The run-in heading and the body, as one line of text."""
    return f"{heading(lang)} {paragraph(p, lang, style)}"
