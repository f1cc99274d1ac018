"""fmt_pct's fast path for whole percents gives exactly babel's text."""
from __future__ import annotations

import random

import numpy as np
import pytest
from babel.numbers import format_percent

from i18n import numbers
from i18n.numbers import fmt_pct

NB = "\u00a0"


def _babel(share, lang: str) -> str:
    pattern = "#,##0%" if lang == "en" else f"#,##0{NB}%"
    with numbers._half_up():
        return format_percent(share, format=pattern, locale=numbers._locale(lang))


@pytest.mark.parametrize(("share", "sv", "en"), [
    (0.625, f"63{NB}%", "63%"), (0.005, f"1{NB}%", "1%"), (0.0049999, f"0{NB}%", "0%"),
    (0.995, f"100{NB}%", "100%"), (0.9949999, f"99{NB}%", "99%"), (0.285, f"29{NB}%", "29%"),
    (1 / 3, f"33{NB}%", "33%"), (0.1 + 0.2, f"30{NB}%", "30%"), (0, f"0{NB}%", "0%"), (1, f"100{NB}%", "100%"),
    (np.float64(0.125), f"13{NB}%", "13%"), (12.5, f"1{NB}250{NB}%", "1,250%"), (-0.25, f"-25{NB}%", "-25%"),
])
def test_truth_table(share, sv, en):
    assert (fmt_pct(share, "sv"), fmt_pct(share, "en")) == (sv, en)
    assert (fmt_pct(share, "sv"), fmt_pct(share, "en")) == (_babel(share, "sv"), _babel(share, "en"))


def test_fast_path_equals_babel_on_many_values():
    rng = random.Random(20261130)
    values = [rng.random() for _ in range(20_000)] + [k / d for d in range(1, 120) for k in range(d + 1)]
    fast = [v for v in values if numbers._whole_percent(v) is not None]
    assert len(fast) == len(values)  # every share in [0, 1] takes the fast path
    for lang in ("sv", "en"):
        assert [fmt_pct(v, lang) for v in fast] == [_babel(v, lang) for v in fast]


def test_outside_the_fast_path_babel_formats():
    assert numbers._whole_percent(12.5) is None and numbers._whole_percent(True) is None
    assert fmt_pct(0.1234, "sv", decimals=1) == f"12,3{NB}%"
    assert fmt_pct(float("nan")) == "–" and fmt_pct(None, "en") == "–"
