"""Many numbers formatted at once, exactly as :mod:`i18n.numbers` formats one.

:func:`i18n.numbers.fmt_int` and :func:`~i18n.numbers.fmt_pct` go through
babel, some tens of microseconds a call: fine for a caption, slow for the
4,000 bars or 9,000 respondent lines of a large dataset. These helpers give
the same strings:

* :func:`int_text` remembers each integer's text (a pure function of the
  number and the language);
* :func:`pct_texts` computes whole percentages in bulk (half up, as babel
  does under :mod:`i18n.numbers`' rounding) and hands anything unusual
  (missing, negative, 1,000 % or more, a value within a hair of a rounding
  boundary) to :func:`~i18n.numbers.fmt_pct` itself.

``tests/i18n/test_textfmt.py`` checks them against :mod:`i18n.numbers`.
"""
from __future__ import annotations

import decimal
from functools import lru_cache

import numpy as np

from i18n.numbers import fmt_int, fmt_pct

#: Distance from a .5 boundary (in percent) below which the exact formatter decides.
_BOUNDARY = 1e-6


@lru_cache(maxsize=1 << 16)
def _int_text(n: int, lang: str) -> str:
    return fmt_int(n, lang)


def int_text(n, lang: str = "sv") -> str:
    """:func:`i18n.numbers.fmt_int` of ``n``, remembered per (integer, language)."""
    try:
        value = int(n)  # what fmt_int formats
    except (TypeError, ValueError):  # None, NaN, ...: the original decides
        return fmt_int(n, lang)
    return _int_text(value, lang)


def int_texts(values, lang: str = "sv") -> list[str]:
    """:func:`int_text` of each value."""
    arr = np.asarray(values)
    if arr.dtype.kind in "iu":
        return [_int_text(v, lang) for v in arr.tolist()]
    return [int_text(v, lang) for v in arr.tolist()]


def _pct_suffix(lang: str) -> str:
    return "%" if lang == "en" else "\u00a0%"


_HALF_UP = decimal.Context(rounding=decimal.ROUND_HALF_UP)
_ONE = decimal.Decimal(1)


def _exact_percent(x: float) -> int:
    """Whole percent of ``x`` as babel rounds it: ``Decimal(str(x))`` × 100, half up."""
    return int(decimal.Decimal(str(x)).scaleb(2).quantize(_ONE, context=_HALF_UP))


def pct_texts(values, lang: str = "sv") -> list[str]:
    """:func:`i18n.numbers.fmt_pct` (whole percent) of each value."""
    x = np.asarray(values, dtype=float).reshape(-1)
    with np.errstate(invalid="ignore"):
        y = x * 100.0
        k = np.floor(y + 0.5)
        usual = np.isfinite(y) & (y >= 0) & ~np.signbit(y) & (y < 999.0)
        near = usual & (np.abs(y - np.floor(y) - 0.5) <= _BOUNDARY)
    suffix = _pct_suffix(lang)
    k = np.where(usual, k, 0).astype("int64")
    for i in np.flatnonzero(near).tolist():
        k[i] = _exact_percent(float(x[i]))  # a hair from .5: decide exactly
    out = [f"{kk}{suffix}" for kk in k.tolist()]
    for i in np.flatnonzero(~usual).tolist():
        out[i] = fmt_pct(float(x[i]), lang)
    return out


def pct_text(value, lang: str = "sv") -> str:
    """:func:`i18n.numbers.fmt_pct` (whole percent) of one value."""
    return pct_texts([value], lang)[0]


__all__ = ["int_text", "int_texts", "pct_text", "pct_texts"]
