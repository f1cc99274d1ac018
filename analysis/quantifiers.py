"""Quantifiers for the draft: which word ("de flesta", "ett fåtal" ...) fits k of n.

The thresholds live here and nowhere else. :func:`quantifier` returns a key;
the words for each key, in Swedish and English, are in :mod:`i18n.draft_text`
(``draft.q.<key>``). ``tests/analysis/test_quantifiers.py`` holds the truth table.

Rules, tried in order (``k`` respondents of ``n`` who commented, ``share = k / n``):

==============  ==========================================  ===============
key             condition                                   Swedish
==============  ==========================================  ===============
``none``        k == 0                                      ingen
``one``         k == 1                                      en
``all``         k == n                                      samtliga
``nearly_all``  share >= 0.85                               nästan alla
``most``        share >= 2/3                                de flesta
``majority``    share > 1/2                                 en majoritet
``several``     share >= 1/4 and k >= 3                     flera
``some``        share >= 1/10                               några
``a_few``       otherwise (k >= 2, share < 1/10)            ett fåtal
==============  ==========================================  ===============

"One" comes before "all" so a single respondent is never "samtliga";
"several" needs at least three, since two is never "flera".
"""
from __future__ import annotations

from fractions import Fraction

#: (key, minimum share, minimum count, strict) after the fixed cases none/one/all; first match wins.
SHARE_RULES: tuple[tuple[str, Fraction, int, bool], ...] = (
    ("nearly_all", Fraction(85, 100), 2, False),
    ("most", Fraction(2, 3), 2, False),
    ("majority", Fraction(1, 2), 2, True),
    ("several", Fraction(1, 4), 3, False),
    ("some", Fraction(1, 10), 2, False),
)

QUANTIFIERS: tuple[str, ...] = ("none", "one", "all", *(r[0] for r in SHARE_RULES), "a_few")


def quantifier(k: int, n: int) -> str:
    """The quantifier key for ``k`` of ``n`` (0 <= k <= n, n >= 1)."""
    k, n = int(k), int(n)
    if n < 1 or k < 0 or k > n:
        raise ValueError(f"quantifier needs 0 <= k <= n and n >= 1, got k={k}, n={n}")
    if k == 0:
        return "none"
    if k == 1:
        return "one"
    if k == n:
        return "all"
    share = Fraction(k, n)
    for key, threshold, min_count, strict in SHARE_RULES:
        if k >= min_count and (share > threshold if strict else share >= threshold):
            return key
    return "a_few"


def is_majority(key: str) -> bool:
    """True for the quantifiers that mean more than half."""
    return key in ("all", "nearly_all", "most", "majority")
