"""Title-only references: a sentence that names a proposal by its content, with no id.

Both the proposal titles and the sentence are reduced to lemmas of their content
words (simplemma's Swedish dictionary, shipped in its wheel). A title lemma counts
as found when the sentence has the same lemma, a word close to it (rapidfuzz), or a
compound that ends or starts with it ("sjukvårdsinsatser" holds "insats"). Title
words are weighted by how rare they are among the titles, so the words that tell
two proposals apart decide between them.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma
from rapidfuzz import fuzz

from coding.proposals import ProposalList

STOP = frozenset("""
och eller samt att som för med av till i på om från vid under över den det de dem detta denna dessa en ett
är vara bli blir har ha hade ska skall bör kan får få måste inte ej icke alla samtliga varje vissa inom mellan
även också så än då när där här vi oss vår vårt våra man sig sin sitt sina han hon dess deras mer mest mycket
nationell nationella förslag förslaget förslagen utredningen utredning betänkandet regeringen
""".split())

#: Share of a title's weight that must be found for a title-only reference.
MIN_SCORE = 0.66
#: How far ahead of the runner-up the best title must be.
MIN_MARGIN = 0.12


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    w = word.casefold()
    try:
        return simplemma.lemmatize(w, lang="sv").casefold()
    except Exception:  # noqa: BLE001 - an odd token must never stop the reading
        return w


def content_lemmas(text: str) -> list[str]:
    words = re.findall(r"[A-Za-zÅÄÖåäöÉéÜü]{3,}", text)
    out = []
    for w in words:
        lw = lemma(w)
        if w.casefold() not in STOP and lw not in STOP:
            out.append(lw)
    return out


def _matches(tl: str, s: str) -> bool:
    """Whether sentence lemma ``s`` stands for title lemma ``tl``: same, a compound of it, or a near spelling."""
    if tl == s:
        return True
    if len(tl) >= 5 and len(s) >= len(tl) + 3 and (s.endswith(tl) or s.startswith(tl)):
        return True  # compounds: the rest must be a word of its own (3+ letters)
    if len(s) >= 5 and len(tl) >= len(s) + 3 and (tl.endswith(s) or tl.startswith(s)):
        return True
    return len(tl) >= 6 and fuzz.ratio(tl, s, score_cutoff=90) > 0


@dataclass(frozen=True)
class TitleIndex:
    """Lemmatised titles of one proposal list, with a weight per lemma."""

    entries: tuple[tuple[str, tuple[str, ...]], ...]
    weight: dict
    #: sentence lemma -> the title lemmas it stands for (vocabulary repeats, so this is filled once)
    hits: dict = field(default_factory=dict, compare=False, repr=False)

    def _hits(self, s: str) -> frozenset[str]:
        got = self.hits.get(s)
        if got is None:
            got = frozenset(tl for tl, w in self.weight.items() if w and _matches(tl, s))
            self.hits[s] = got
        return got

    def _names(self, pid: str) -> frozenset[str]:
        return self.hits.get(("#names", pid), frozenset())

    def _totals(self, pid: str, ls: tuple[str, ...]) -> tuple[float, int]:
        """A title's whole weight and how many of its words must be found (two, or all if fewer)."""
        key = ("#total", pid)
        got = self.hits.get(key)
        if got is None:
            got = (sum(self.weight[lw] for lw in ls), min(2, sum(1 for lw in ls if self.weight[lw])))
            self.hits[key] = got
        return got

    @classmethod
    def build(cls, plist: ProposalList) -> TitleIndex:
        entries = []
        for p in plist.proposals:
            ls = tuple(dict.fromkeys(content_lemmas(p.title)))
            if ls:
                entries.append((p.id, ls))
        df: dict[str, int] = {}
        for _, ls in entries:
            for lw in ls:
                df[lw] = df.get(lw, 0) + 1
        n = max(len(entries), 1)
        common = max(3, n // 4)  # words shared by many titles ("kommunal hälso- och sjukvård") tell nothing
        weight = {lw: (0.0 if c >= common else math.log(1 + n / c)) for lw, c in df.items()}
        for _pid, ls in entries:  # a title made only of common words keeps plain weights
            if not any(weight[lw] for lw in ls):
                for lw in ls:
                    weight[lw] = weight[lw] or 0.01
        index = cls(tuple(entries), weight)
        for p in plist.proposals:  # names unique to one title (VULF, Magnetmodellen) identify it alone
            names = {lemma(w) for i, w in enumerate(re.findall(r"[A-Za-zÅÄÖåäöÉé]{3,}", p.title))
                     if (w.isupper() and len(w) >= 3) or (i > 0 and w[0].isupper())}
            index.hits[("#names", p.id)] = frozenset(n for n in names if df.get(n) == 1)
        return index

    def score(self, text: str) -> list[tuple[str, float, float]]:
        """(proposal id, share of title weight found, weight found), best first."""
        slist = content_lemmas(text)
        if len(slist) < 2:
            return []
        found: set[str] = set()
        for lw in set(slist):
            found |= self._hits(lw)
        if not found:
            return []
        scores = []
        for pid, ls in self.entries:
            if found.isdisjoint(ls):
                continue
            got = [lw for lw in ls if lw in found]
            total, need = self._totals(pid, ls)
            named = bool(self._names(pid) & found)
            if len(got) < need and not named:
                continue
            weight = sum(self.weight[lw] for lw in got)
            scores.append((pid, max(weight / total, MIN_SCORE + 0.04) if named else weight / total, weight))
        scores.sort(key=lambda x: (-x[1], -x[2]))
        return scores

    def match(self, text: str) -> list[tuple[str, float]]:
        """The proposal ``text`` names by content, with its score, or nothing.

        Among titles with enough of their weight found, the one with the most weight
        found wins; a runner-up as good on both counts makes it ambiguous (nothing).
        """
        good = [s for s in self.score(text) if s[1] >= MIN_SCORE]
        if not good:
            return []
        good.sort(key=lambda x: (-x[2], -x[1]))
        best = good[0]
        if len(good) > 1 and good[1][2] >= best[2] - 1e-9 and best[1] - good[1][1] < MIN_MARGIN:
            return []
        return [(best[0], best[1])]

    def match_all(self, text: str) -> list[tuple[str, float]]:
        """:meth:`match` for the sentence, plus its list parts ("förslagen om X och om Y").

        Parts are only tried when some title is well found in the whole sentence (even
        when two tie there), so ordinary lists of words never turn into references.
        """
        if not any(share >= MIN_SCORE for _, share, _ in self.score(text)):
            return []
        out = dict(self.match(text))
        for part in re.split(r",\s+|\s+och\s+(?:om\s+|att\s+|för\s+)?|\s+samt\s+", text):
            for pid, score in self.match(part):
                out.setdefault(pid, score)
        return list(out.items())

