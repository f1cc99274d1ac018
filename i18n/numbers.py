"""Locale-aware number formatting (Swedish by default) via babel.

Swedish uses a decimal comma and a (no-break) space before the percent sign:
``62 %``, ``12,5 %``, ``1 234``.
"""
from __future__ import annotations

import decimal
import math

from babel.numbers import format_decimal, format_percent

_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def _half_up():
    """Round half up, as Excel does, so the app and the extracts agree."""
    ctx = decimal.Context(rounding=decimal.ROUND_HALF_UP)
    return decimal.localcontext(ctx)


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, "sv_SE")


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_int(n, lang: str = "sv") -> str:
    """``1234`` -> ``1 234`` (sv) / ``1,234`` (en)."""
    if _missing(n):
        return "–"
    return format_decimal(int(n), locale=_locale(lang))


def fmt_num(x, lang: str = "sv", decimals: int = 1) -> str:
    """A decimal number with a fixed number of decimals: ``0,5``."""
    if _missing(x):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    with _half_up():
        return format_decimal(x, format=pattern, locale=_locale(lang))


_HUNDRED = decimal.Decimal(100)


def _whole_percent(share) -> str | None:
    """``fmt_pct``'s digits for a share in [0, 9.99] at whole percents, without babel (None otherwise).

    Tables format thousands of cells per rerun and babel takes about 40 µs a
    cell. This is the same arithmetic: the value's shortest decimal text
    (``str``), times 100, rounded half up. ``tests/i18n/test_numbers.py``
    compares it with babel on edge cases and random values.
    """
    if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 <= share < 9.995:
        return None
    value = decimal.Decimal(str(float(share))) * _HUNDRED
    return str(int(value.quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP)))


def fmt_pct(share, lang: str = "sv", decimals: int = 0) -> str:
    """A share in [0, 1] as a percentage: ``0.625`` -> ``63 %`` (sv), ``63%`` (en)."""
    if _missing(share):
        return "–"
    if decimals == 0 and (digits := _whole_percent(share)) is not None:
        return digits + ("%" if lang == "en" else "\u00a0%")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    if lang == "en":
        pattern = pattern.replace("\u00a0%", "%")
    with _half_up():
        return format_percent(share, format=pattern, locale=_locale(lang))
