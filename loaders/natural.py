"""Natural ordering of proposal ids and other labels: 4.2 before 4.10."""
from __future__ import annotations

from collections.abc import Iterable

from natsort import natsort_keygen, natsorted as _natsorted, ns

#: Key function for natural sorting, case-insensitive, locale-independent.
natural_key = natsort_keygen(alg=ns.IGNORECASE)


def natsorted(values: Iterable) -> list:
    """Sort labels naturally: ``["4.10", "4.2"]`` -> ``["4.2", "4.10"]``."""
    return _natsorted(values, alg=ns.IGNORECASE)
