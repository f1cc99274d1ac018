"""Natural, Swedish ordering of proposal ids and names.

Proposal ids sort by number: 4.2 before 4.10. Names sort in Swedish
alphabetical order, where å, ä and ö come after z (in that order) and é
sorts as e; natsort alone would put ä before å.
"""
from __future__ import annotations

from collections.abc import Iterable

from natsort import natsort_keygen

# Characters just after "z" in code-point order keep å < ä < ö after z.
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}",
                          "é": "e", "è": "e", "ü": "y", "á": "a", "à": "a"})


def swedish_fold(value: object) -> str:
    return str(value).casefold().translate(_SWEDISH)


_keygen = natsort_keygen(key=swedish_fold)


def natural_key(value: object):
    """Sort key: numbers by value, letters in Swedish alphabetical order."""
    return _keygen(value)


def natsorted(values: Iterable) -> list:
    """Sort labels naturally: ``["4.10", "4.2"]`` -> ``["4.2", "4.10"]``."""
    return sorted(values, key=natural_key)
