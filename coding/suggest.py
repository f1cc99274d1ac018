"""Read one reply against a proposal list and suggest one stance per proposal it addresses.

The reading goes sentence by sentence:

* a sentence's proposals come from ids, lists, ranges and chapters, or, when it
  has none, from its content matched against the titles;
* its stance from the cue lexicon (``coding.stance``), clause by clause, so
  "tillstyrker 4.1 men avstyrker 4.2" gives two stances;
* a sentence with a stance but no proposal speaks of the proposal just named
  ("Förslag 5.2.1 … Kommunen tillstyrker."), for a few sentences;
* global statements ("tillstyrker samtliga förslag utom 4.10, som avstyrks",
  "24 av de 25 förslagen är bra", "instämmer i förslagen enligt nedan") give
  every proposal, or every proposal named, a stance unless its own words say
  otherwise;
* "i övrigt inga synpunkter" gives no row at all.

Nothing is decided silently: each suggestion keeps the sentence it rests on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from coding.proposals import ProposalList
from coding.refs import Ref, explicit_refs
from coding.sender import Sender, find_sender
from coding.sentences import Sentence, split_sentences
from coding.stance import AGREE, DISAGREE, NO_POSITION, PARTLY, Cue, combine, cues
from coding.titles import TitleIndex
from documents.model import Document
from loaders.vocab import parse_stance

#: Below this confidence a suggestion is marked "needs review".
LOW_CONFIDENCE = 0.6
#: How many sentences a stance without its own proposal may reach back.
CARRY = 3

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "noll en ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton arton "
    "nitton tjugo".split())}
_WORD_NUMBERS.update({"tjugoen": 21, "tjugoett": 21, "tjugotvå": 22, "tjugotre": 23, "tjugofyra": 24,
                      "tjugofem": 25, "tjugosex": 26, "trettio": 30})
_NUM = r"(?:\d+|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
_ALL = re.compile(r"\b(?:samtliga|alla|övriga)\s+(?:\w+\s+){0,2}?förslag\w*|\bförslagen\s+i\s+sin\s+helhet\b"
                  r"|\b(?:betänkandets|promemorians|utredningens|planens|rådets)\s+förslag\b"
                  r"|\bförslagen\s+i\s+(?:betänkandet|promemorian|planen|remissen|rapporten)\b"
                  r"|\b(?:betänkandet|promemorian|planen|rapporten)\s+i\s+sin\s+helhet\b", re.IGNORECASE)
_EXCEPT = re.compile(r"\b(?:utom|med\s+undantag\s+(?:av|för)|förutom|undantaget)\b", re.IGNORECASE)
_COUNT = re.compile(rf"\b(?P<n>{_NUM})\s+av\s+(?:de\s+|totalt\s+|planens\s+|alla\s+)?(?P<m>{_NUM})\s+"
                    r"(?:\w+\s+)?förslag", re.IGNORECASE)
_FOLLOWING = re.compile(r"\b(?:förslagen|förslag)\s+(?:\w+\s+){0,2}?(?:enligt\s+nedan|nedan|som\s+följer)\b"
                        r"|\bföljande\s+förslag\b", re.IGNORECASE)
_REST = re.compile(r"\b(?:i\s+övrigt|för\s+övrigt|övriga\s+(?:förslag|delar|frågor)|utöver\s+detta|"
                   r"i\s+andra\s+delar)\b", re.IGNORECASE)
_CLAUSE = re.compile(r";|,?\s+(?:men|medan|däremot|dock)\s+|,\s+(?:och\s+)?(?=(?:vi|kommunen|regionen|"
                     r"myndigheten|förvaltningen|nämnden)\s)", re.IGNORECASE)
_POSITIVE_COUNT = re.compile(r"\b(?:bra|goda|positiv\w*|tillstyrk\w*|ställer\s+sig\s+bakom|instämmer|"
                             r"välkomnar|genomtänkta|rimliga)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Suggestion:
    """One proposed coded row, traceable to its words."""

    proposal_id: str
    stance: str
    confidence: float
    evidence: str  # the sentence as written (line breaks as spaces)
    page: int
    start: int  # character span in the document text
    end: int
    ref: str  # how the proposal was found: id | list | range | chapter | title | global
    cue: str = ""  # the words the stance rests on

    @property
    def needs_review(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True)
class Reading:
    document: str
    sender: Sender
    consultation: str
    suggestions: tuple[Suggestion, ...]


@dataclass
class _Mention:
    pid: str
    sentence: Sentence
    ref: str
    ref_score: float
    cues: list[Cue]
    table_stance: str | None = None


def _table_row(s: Sentence, plist: ProposalList) -> tuple[list[Ref], str | None] | None:
    """A "Förslag | Ställningstagande | Kommentar" table row: its proposals and its stance cell."""
    cells = [c.strip() for c in s.text.rstrip(".").split(" | ")]
    if len(cells) < 2:
        return None
    refs = explicit_refs(cells[0], plist)
    if not refs and re.fullmatch(r"\d+", cells[0]) and cells[0] in plist.id_set:
        refs = [Ref(cells[0], "id", 0, len(cells[0]))]
    stance = next((parse_stance(c) for c in cells[1:] if parse_stance(c)), None)
    return refs, stance


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def suggest(doc: Document, plist: ProposalList, titles: TitleIndex | None = None) -> Reading:
    """The suggested rows for one document."""
    titles = titles or TitleIndex.build(plist)
    text = doc.text
    sentences = split_sentences(text)
    mentions: list[_Mention] = []
    globals_: list[tuple[str, str, float, Sentence, dict[str, tuple[str, float]]]] = []
    count_globals: list[tuple[int, int, Sentence]] = []
    follow: tuple[str, float] | None = None
    carry: list[tuple[str, str, float]] = []
    carry_age = CARRY + 1

    for s in sentences:
        flat = s.flat
        row = _table_row(s, plist) if " | " in s.text else None
        if row is not None:
            refs, stance = row
            for r in refs:
                mentions.append(_Mention(r.proposal_id, s, r.kind, 1.0, [] if stance else cues(flat), stance))
            continue
        refs = explicit_refs(s.text, plist)
        found = cues(flat)
        m_count = _COUNT.search(flat)
        if m_count and _POSITIVE_COUNT.search(flat):
            n, m = (_WORD_NUMBERS.get(x.lower(), None) if not x.isdigit() else int(x)
                    for x in (m_count.group("n"), m_count.group("m")))
            if n is not None and m is not None and n <= m:
                count_globals.append((n, m, s))
                continue
        m_all = _ALL.search(flat)
        if m_all and found and not _REST.search(flat[:m_all.start()]):
            m_ex = _EXCEPT.search(flat, m_all.start())
            before = [c for c in found if not m_ex or c.start < m_ex.start()]
            head = combine(before or found)
            exceptions: dict[str, tuple[str, float]] = {}
            if m_ex and head:
                tail = flat[m_ex.end():]
                ex_refs = explicit_refs(tail, plist)
                ex_cues = [c for c in cues(tail) if c.stance != head[0]]
                ex = combine(ex_cues)
                for r in ex_refs:
                    exceptions[r.proposal_id] = ex or ("", 0.0)
            if head and head[0] != NO_POSITION:
                globals_.append((head[0], "all", head[1], s, exceptions))
                continue
        if _FOLLOWING.search(flat) and found and not refs:
            follow = combine(found)
            continue
        if _REST.search(flat) and not refs and all(c.stance == NO_POSITION for c in found):
            carry, carry_age = [], CARRY + 1  # "i övrigt inga synpunkter": nothing addressed
            continue
        if not refs and len(flat) < 600:
            refs = [Ref(pid, "title", 0, 0, score) for pid, score in titles.match_all(s.text)]
        if refs:
            clause_spans = _clauses(flat) if len(refs) > 1 else [(0, len(flat))]
            per_ref = _assign(flat, refs, found, clause_spans, s.text)
            for r in refs:
                mentions.append(_Mention(r.proposal_id, s, r.kind, r.score, per_ref.get(r.proposal_id, [])))
            carry = [(r.proposal_id, r.kind, r.score) for r in refs]
            carry_age = 0
        elif found and carry and carry_age < CARRY:
            for pid, kind, score in carry:
                mentions.append(_Mention(pid, s, kind, score * 0.9, found))
            carry_age += 1
        else:
            carry_age += 1
    return Reading(doc.name, find_sender(text), plist.consultation,
                   tuple(_resolve(doc, plist, mentions, globals_, count_globals, follow)))


def _assign(flat: str, refs: list[Ref], found: list[Cue], clauses, raw: str) -> dict[str, list[Cue]]:
    """Cues per proposal: a clause's cues go to the clause's proposals (or, without any, the previous ones)."""
    if len(clauses) <= 1 or len(refs) == 1:
        return {r.proposal_id: found for r in refs}
    # Map ref offsets (in the raw sentence) to the flat sentence by position of their text.
    flat_pos = _flat_positions(raw)
    out: dict[str, list[Cue]] = {}
    prev: list[str] = []
    pending: list[Cue] = []
    for a, b in clauses:
        in_refs = [r.proposal_id for r in refs if a <= flat_pos(r.start) < b]
        in_cues = [c for c in found if a <= c.start < b]
        if in_refs:
            for pid in in_refs:
                out.setdefault(pid, []).extend(in_cues or pending)
            pending = []
            prev = in_refs
        elif in_cues:
            if prev:
                for pid in prev:
                    out.setdefault(pid, []).extend(in_cues)
            else:
                pending = in_cues
    for r in refs:  # a proposal whose clause had no stance takes the sentence's
        if not out.get(r.proposal_id):
            out[r.proposal_id] = found
    return out


def _flat_positions(raw: str):
    """Map an offset in ``raw`` to the offset in its whitespace-collapsed form."""
    mapping = []
    pos = 0
    in_space = False
    stripped = raw.lstrip()
    lead = len(raw) - len(stripped)
    for ch in stripped:
        if ch.isspace():
            if not in_space:
                pos += 1
            in_space = True
        else:
            pos += 1
            in_space = False
        mapping.append(pos - 1)
    return lambda i: mapping[min(max(i - lead, 0), len(mapping) - 1)] if mapping else 0


_REF_CONF = {"id": 1.0, "list": 1.0, "range": 0.95, "chapter": 0.9}


def _resolve(doc: Document, plist: ProposalList, mentions: list[_Mention], globals_, count_globals,
             follow) -> list[Suggestion]:
    by_pid: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_pid.setdefault(m.pid, []).append(m)
    out: dict[str, Suggestion] = {}
    for pid, ms in by_pid.items():
        stanced = []
        for m in ms:
            if m.table_stance:
                stanced.append((m, m.table_stance, 0.95, m.table_stance))
                continue
            c = combine(m.cues)
            if c:
                words = ", ".join(x.words for x in m.cues)
                stanced.append((m, c[0], c[1], words))
        if stanced:
            kinds = {st for _, st, _, _ in stanced}
            if PARTLY in kinds or (AGREE in kinds and DISAGREE in kinds):
                pick = [x for x in stanced if x[1] == PARTLY] or stanced
                m, st, conf, words = max(pick, key=lambda x: x[2])
                st = PARTLY
            else:
                if NO_POSITION in kinds and len(kinds) > 1:
                    stanced = [x for x in stanced if x[1] != NO_POSITION]
                m, st, conf, words = max(stanced, key=lambda x: (x[2], x[0].ref != "title"))
            out[pid] = _make(doc, m, st, conf, words)
        elif follow:
            m = ms[0]
            out[pid] = _make(doc, m, follow[0], min(follow[1], 0.7), "")
    for stance, _kind, conf, s, exceptions in globals_:
        for pid in plist.ids:
            if pid in exceptions:
                ex_stance, ex_conf = exceptions[pid]
                if ex_stance and pid not in out:
                    out[pid] = _global(doc, s, pid, ex_stance, ex_conf, ref="id")
                continue
            if pid not in out:
                out[pid] = _global(doc, s, pid, stance, min(conf, 0.8))
    for n, m, s in count_globals:
        others = [pid for pid, sug in out.items() if sug.stance != AGREE]
        exact = (m - n == len(others)) and m == len(plist)
        for pid in plist.ids:
            if pid not in out:
                out[pid] = _global(doc, s, pid, AGREE, 0.8 if exact else 0.5)
    return [out[pid] for pid in plist.ids if pid in out]


def _make(doc: Document, m: _Mention, stance: str, conf: float, words: str) -> Suggestion:
    conf *= _REF_CONF.get(m.ref, min(0.85, 0.55 + 0.4 * m.ref_score))
    s = m.sentence
    return Suggestion(m.pid, stance, round(conf, 2), s.flat, doc.page_at(s.start), s.start, s.end, m.ref, words)


def _global(doc: Document, s: Sentence, pid: str, stance: str, conf: float, ref: str = "global") -> Suggestion:
    return Suggestion(pid, stance, round(conf, 2), s.flat, doc.page_at(s.start), s.start, s.end, ref)
