"""The stance colours, defined once for the charts, the tables and the Excel extracts.

A colour-blind-safe blue/orange diverging scheme (after Okabe & Ito): agreement
in blues, disagreement in vermillion, no position in mid grey and "not
addressed" in a very light grey. Blue and orange stay distinct under the common
red-green deficiencies, and the two blues differ in lightness, not hue.

Every fill has a text colour (:func:`text_colour_on`) with a WCAG contrast
ratio of at least 4.5:1, so labels written on it stay readable.

This module imports nothing from Streamlit or Plotly: the exports use it too.
"""
from __future__ import annotations

#: Fill colour per stance code, plus ``not_addressed`` (no coded row).
STANCE_COLOURS: dict[str, str] = {
    "agree": "#1F4E79",          # dark blue
    "partly": "#9DC3E6",         # light blue
    "disagree": "#D55E00",       # vermillion (Okabe-Ito)
    "no_position": "#8C8C8C",    # mid grey
    "not_addressed": "#EDEDED",  # very light grey
}

BLACK = "#000000"
WHITE = "#FFFFFF"
#: WCAG 2 AA contrast for normal text.
MIN_CONTRAST = 4.5


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of ``"#RRGGBB"`` (0 black … 1 white)."""
    h = colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"expected #RRGGBB, got {colour!r}")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1 … 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill`` (≥ 4.5:1 for the palette)."""
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE
