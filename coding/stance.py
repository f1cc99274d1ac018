"""Stance from Swedish wording: a lexicon of cues with negation, double negation and hedges.

The cues are the words real propositions use to summarise replies
(tillstyrker, instämmer, ställer sig bakom, delar bedömningen, välkomnar, har
inget att invända, utan erinran; avstyrker, motsätter sig, kan inte tillstyrka,
delar inte bedömningen, ifrågasätter; med reservation, under förutsättning att,
behöver förtydligas, ser vissa risker; har inga synpunkter, avstår från att
yttra sig). Specific phrases are tried before general ones and a span once used
is not read again. A negation next to a cue turns it: "tillstyrker inte" is
disagree, "avstyrker inte" a weak agree (double negation) with low confidence.
Negation inside a following att-clause ("delar bedömningen att X inte bör …")
belongs to the content, not to the stance, and is left alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

AGREE, PARTLY, DISAGREE, NO_POSITION = "agree", "partly", "disagree", "no_position"

_NEG = r"(?:inte|ej|icke|aldrig)"
# (pattern, stance, confidence). Order matters: first the phrases that contain others.
_CUES: list[tuple[str, str, float]] = [
    # no position
    (r"\b(?:har|lämnar|har därför|har i sak)\s+(?:inga|inte några|ingen)\s+(?:synpunkter|synpunkt|kommentarer|"
     r"ytterligare synpunkter)\b", NO_POSITION, 0.85),
    (r"\binga synpunkter\b|\bingen synpunkt\b", NO_POSITION, 0.8),
    (r"\bavstår\s+från\s+att\s+(?:yttra|lämna|ta ställning)|\btar\s+inte\s+ställning\b|\bavstår\b",
     NO_POSITION, 0.85),
    (r"\bhar\s+inget\s+att\s+tillägga\b", NO_POSITION, 0.7),
    # double negations and fixed agreeing phrases
    (r"\bhar\s+(?:i\s+övrigt\s+|därför\s+|heller\s+|dock\s+)?(?:inget|inte något|ingenting)\s+att\s+invända\b"
     r"|\binga\s+invändningar\b|\bingen\s+invändning\b",
     AGREE, 0.85),
    (r"\b(?:inte|inga|inget|ingen)\s+(?:\w+\s+){0,3}(?:skäl|anledning)\s+att\s+(?:avstyrka|motsätta|invända)",
     AGREE, 0.55),
    (r"\butan\s+erinran\b|\bingen\s+erinran\b|\binga\s+erinringar\b", AGREE, 0.85),
    (r"\butan\s+(?:reservation|reservationer|förbehåll)\b", AGREE, 0.85),
    # partly
    (r"\btillstyrker\s+(?:delvis|i\s+huvudsak|i\s+stort|med\s+(?:viss|vissa)\s+\w+)|\bdelvis\s+tillstyrk\w*"
     r"|\btillstyrks\s+delvis\b", PARTLY, 0.85),
    (r"\bmed\s+(?:reservation|förbehåll|tillägget|det\s+tillägget)\b|\bmed\s+vissa\s+(?:förbehåll|"
     r"reservationer|invändningar|justeringar)\b", PARTLY, 0.8),
    (r"\bunder\s+(?:förutsättning|förutsättningen)\s+att\b|\bförutsatt\s+att\b|\bpå\s+villkor\s+att\b",
     PARTLY, 0.75),
    (r"\b(?:behöver|bör|skulle\s+(?:kunna|behöva)|måste)\s+(?:\w+\s+)?(?:förtydligas|tydliggöras|preciseras|"
     r"utredas\s+vidare|kompletteras|förstärkas|ses\s+över)\b", PARTLY, 0.7),
    (r"\bser\s+(?:vissa|en\s+del|några|flera)\s+(?:risker|problem|svårigheter)\b|\bhar\s+vissa\s+"
     r"(?:invändningar|farhågor|betänkligheter)\b", PARTLY, 0.75),
    (r"\bi\s+huvudsak\s+positiv\b|\bi\s+grunden\s+positiv\b|\bdelvis\b", PARTLY, 0.65),
    # disagree, explicit forms before the bare verbs
    (r"\bkan\s+(?:inte|ej)\s+(?:tillstyrka|ställa\s+sig\s+bakom|ställa\s+oss\s+bakom|stödja|instämma)\b",
     DISAGREE, 0.9),
    (r"\bdelar\s+(?:inte|ej)\s+(?:\w+\s+)?(?:bedömning|uppfattning|slutsats)\w*\b", DISAGREE, 0.9),
    (r"\bställer\s+(?:sig|oss)\s+(?:inte|ej)\s+bakom\b|\binstämmer\s+(?:inte|ej)\b", DISAGREE, 0.85),
    (r"\bavstyrk\w*", DISAGREE, 0.9),
    (r"\bmotsätter\s+(?:sig|oss)\b", DISAGREE, 0.9),
    (r"\bifrågasätter\b", DISAGREE, 0.75),
    (r"\b(?:är|ställer\s+sig|ställer\s+oss)\s+(?:däremot\s+|dock\s+|därför\s+|också\s+|även\s+)?"
     r"(?:mycket\s+)?(?:negativ|negativa|kritisk|kritiska|tveksam|"
     r"tveksamma)\s+till\b", DISAGREE, 0.8),
    (r"\bbör\s+(?:inte|ej)\s+(?:genomföras|införas|antas)\b", DISAGREE, 0.8),
    # agree
    (r"\btillstyrk\w*", AGREE, 0.9),
    (r"\binstämmer\b", AGREE, 0.9),
    (r"\bställer\s+(?:sig|oss)\s+(?:helt\s+)?bakom\b", AGREE, 0.9),
    (r"\bdelar\s+(?:\w+\s+){0,2}(?:bedömning|uppfattning|slutsats|analys)\w*\b", AGREE, 0.85),
    (r"\bvälkomnar\b|\bvälkomnas\b", AGREE, 0.85),
    (r"\b(?:stödjer|stöder)\b", AGREE, 0.8),
    (r"\b(?:är|ställer\s+sig|ställer\s+oss)\s+(?:mycket\s+|därför\s+|i\s+grunden\s+)?(?:positiv|positiva)\b",
     AGREE, 0.8),
    (r"\bser\s+(?:mycket\s+)?positivt\s+på\b", AGREE, 0.8),
    (r"\banser\s+(?:vi\s+|därför\s+)*att\s+det\s+(?:ska|bör)\s+införas\b|\bbör\s+genomföras\b|\bska\s+genomföras\b",
     AGREE, 0.7),
    (r"\bär\s+(?:bra|angelägen|angeläget|välkommen|välkommet|rimlig|rimliga|rimligt)\b", AGREE, 0.7),
]
_CUE_RES = [(re.compile(p, re.IGNORECASE), s, c) for p, s, c in _CUES]
_NEG_BEFORE = re.compile(rf"\b{_NEG}\s+(?:\w+\s+)?$", re.IGNORECASE)  # "kan inte tillstyrka", "inte heller"
_NEG_AFTER = re.compile(rf"^\s+(?:\w+\s+)?{_NEG}\b", re.IGNORECASE)   # "avstyrker inte", "tillstyrker dock inte"
_FLIP = {AGREE: DISAGREE, DISAGREE: AGREE}


@dataclass(frozen=True)
class Cue:
    stance: str
    confidence: float
    start: int
    end: int
    words: str


def _negated(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24):start]
    after = text[end:end + 16]
    if re.search(r"\batt\s*$|[,;:]\s*$", before):
        before = ""
    return bool(_NEG_BEFORE.search(before) or _NEG_AFTER.match(after))


def cues(text: str) -> list[Cue]:
    """The stance cues in ``text``, in order, after negation."""
    taken: list[tuple[int, int]] = []
    out: list[Cue] = []
    for rx, stance, conf in _CUE_RES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            s, c = stance, conf
            if stance in _FLIP and _negated(text, m.start(), m.end()):
                s = _FLIP[stance]
                c = 0.45 if stance == DISAGREE else 0.75  # "avstyrker inte" is only a weak yes
            out.append(Cue(s, c, m.start(), m.end(), m.group(0)))
    out.sort(key=lambda c: c.start)
    return out


def combine(found: list[Cue]) -> tuple[str, float] | None:
    """One stance for a set of cues about the same proposals.

    A reservation beside a yes is "partly"; yes and no together is "partly" too;
    otherwise the most confident cue decides.
    """
    if not found:
        return None
    kinds = {c.stance for c in found}
    best = max(found, key=lambda c: c.confidence)
    if PARTLY in kinds and kinds & {AGREE, DISAGREE}:
        conf = max(c.confidence for c in found if c.stance == PARTLY)
        return PARTLY, conf
    if AGREE in kinds and DISAGREE in kinds:
        return PARTLY, 0.5
    if NO_POSITION in kinds and len(kinds) > 1:
        kinds.discard(NO_POSITION)
        best = max((c for c in found if c.stance in kinds), key=lambda c: c.confidence)
    return best.stance, best.confidence
