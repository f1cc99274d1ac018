"""Sentences the analysis core wants said, and the one place they become text.

The core (``analysis/``) decides *what* to say: a :class:`Sentence` is a key of
the translation table plus the raw figures and names that go in it (counts as
ints, shares as floats in [0, 1], names as given, flags as bools, or another
Sentence). It knows no language. :func:`render` decides *how* to say it, in
one language: the template from :mod:`i18n.strings`, numbers through
:mod:`i18n.numbers` / :mod:`i18n.textfmt` (``1 339``, ``63 %``), singular or
plural and the agree verb through :mod:`i18n.words`.

A Sentence is frozen and hashable, so it can be cached, compared in tests and
rendered later in whichever language the reader has chosen.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from i18n.numbers import fmt_pct
from i18n.strings import t
from i18n.textfmt import int_text
from i18n.words import agree_verb, by_count, lang_of


@dataclass(frozen=True, slots=True)
class Sentence:
    """A translation key and the values that fill it, in the order given (no language, no text)."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @property
    def fields(self) -> dict[str, object]:
        """The values by name."""
        return dict(self.values)


def say(key: str, **values) -> Sentence:
    """``Sentence(key, (("name", value), ...))`` from keyword arguments."""
    return Sentence(key, tuple(values.items()))


def _proposal(v: Mapping) -> str:
    """``"4.10 (Gemensam IT)"``; just the id when there is no title."""
    pid, title = v["proposal_id"], v.get("title") or ""
    return f"{pid} ({title})" if title else str(pid)


def _headline_plural(n: int, word: str, lang: str) -> str:
    """``analysis.headline.<word>_one`` for 1, ``…_many`` otherwise."""
    return t(f"analysis.headline.{word}_{'one' if n == 1 else 'many'}", lang)


def _majority(key: str, v: Mapping, lang: str) -> str:
    k, n = v["k"], v["n"]
    return t(key, lang, k=int_text(k, lang), n=int_text(n, lang),
             partly=t("analysis.headline.partly", lang) if v["count_partly"] else "",
             proposals=by_count(n, "proposals", lang), be=by_count(k, "be", lang), them=by_count(n, "them", lang))


def _support(key: str, v: Mapping, lang: str) -> str:
    n = v["n"]
    of = (t("analysis.headline.of_one", lang) if n == 1
          else t("analysis.headline.of_many", lang, n=int_text(n, lang)))
    return t(key, lang, pid=_proposal(v), pct=fmt_pct(v["share"], lang), of=of,
             agree=agree_verb(v["count_partly"], lang))


def _difference(key: str, v: Mapping, lang: str) -> str:
    pp = v["pp"]
    text = t(key, lang, pid=_proposal(v), a=fmt_pct(v["a_pct"] / 100, lang), b=fmt_pct(v["b_pct"] / 100, lang),
             agree=agree_verb(v["count_partly"], lang), pp=int_text(pp, lang),
             unit=_headline_plural(pp, "pp", lang))
    small = v.get("small")
    return text + render(small, lang) if small is not None else text


def _small(key: str, v: Mapping, lang: str) -> str:
    a_n, b_n = v["a_n"], v["b_n"]
    return t(key, lang, a_n=int_text(a_n, lang), a_unit=_headline_plural(a_n, "region", lang),
             b_n=int_text(b_n, lang), b_unit=_headline_plural(b_n, "kommun", lang))


#: The counts listed in brackets after a respondent's headline, in order (keys ``analysis.profile.<count>``).
PROFILE_EXTRAS = ("partly", "disagree", "no_position", "not_addressed")


@lru_cache(maxsize=4)
def _profile_templates(key: str, lang: str) -> tuple[str, tuple[tuple[str, str], ...], dict[bool, str]]:
    """(main sentence, (count, bracket text) pairs, "proposals" for one / many) of a respondent headline,
    unformatted: looked up once per language, as a long respondent list renders thousands."""
    extras = tuple((c, t(f"analysis.profile.{c}", lang)) for c in PROFILE_EXTRAS)
    return t(key, lang), extras, {True: by_count(1, "proposals", lang), False: by_count(2, "proposals", lang)}


def _profile(key: str, v: Mapping, lang: str) -> str:
    main, extra_texts, proposals = _profile_templates(key, lang)
    n = v["n"]
    text = main.format(name=v["name"], agree=int_text(v["agree"], lang), n=int_text(n, lang),
                       proposals=proposals[n == 1])
    extras = [tmpl.format(n=int_text(v[c], lang)) for c, tmpl in extra_texts if v[c]]
    return f"{text} ({', '.join(extras)})" if extras else text


def _plain(key: str, v: Mapping, lang: str) -> str:
    """Any other key: whole numbers formatted, nested sentences rendered, text as given."""
    fmt = {}
    for name, value in v.items():
        if isinstance(value, Sentence):
            fmt[name] = render(value, lang)
        elif isinstance(value, int) and not isinstance(value, bool):
            fmt[name] = int_text(value, lang)
        elif isinstance(value, str):
            fmt[name] = value
        else:
            raise TypeError(f"{key}: no plain rendering for {name}={value!r}; give the key its own renderer")
    return t(key, lang, **fmt)


#: Keys whose wording needs more than filling in: number agreement, formatted shares, optional parts.
_RENDERERS: dict[str, Callable[[str, Mapping, str], str]] = {
    "analysis.headline.majority": _majority,
    "analysis.headline.most": _support,
    "analysis.headline.least": _support,
    "analysis.headline.diff": _difference,
    "analysis.headline.small": _small,
    "analysis.profile.main": _profile,
}


def render(sentence: Sentence, lang: str = "sv") -> str:
    """The sentence in ``lang`` (``"en"``, else Swedish)."""
    return _RENDERERS.get(sentence.key, _plain)(sentence.key, sentence.fields, lang_of(lang))


def render_all(sentences: Iterable[Sentence], lang: str = "sv") -> list[str]:
    """:func:`render` of each sentence, in order (one lookup of the language for the lot)."""
    lang, get = lang_of(lang), _RENDERERS.get
    return [get(s.key, _plain)(s.key, dict(s.values), lang) for s in sentences]


__all__ = ["PROFILE_EXTRAS", "Sentence", "render", "render_all", "say"]
