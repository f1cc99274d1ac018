"""The stance palette shared by the charts and the extracts."""
import re

from charts.palette import STANCE_COLOURS, contrast_ratio, relative_luminance, text_colour_on


def test_every_stance_and_not_addressed_has_a_colour():
    assert set(STANCE_COLOURS) == {"agree", "partly", "disagree", "no_position", "not_addressed"}
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in STANCE_COLOURS.values())
    assert len(set(STANCE_COLOURS.values())) == 5


def test_text_on_every_fill_meets_wcag_aa():
    for fill in STANCE_COLOURS.values():
        assert contrast_ratio(fill, text_colour_on(fill)) >= 4.5, fill


def test_diverging_blue_orange_scheme():
    agree, partly, disagree = (STANCE_COLOURS[k] for k in ("agree", "partly", "disagree"))
    assert text_colour_on(agree) == "#FFFFFF" and text_colour_on(partly) == "#000000"
    assert relative_luminance(agree) < relative_luminance(partly)  # same hue, darker for full agreement
    r, g, b = (int(disagree[i:i + 2], 16) for i in (1, 3, 5))
    assert r > g > b  # orange / vermillion
    assert relative_luminance(STANCE_COLOURS["not_addressed"]) > relative_luminance(STANCE_COLOURS["no_position"])


def test_contrast_ratio_bounds():
    assert round(contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0
    assert contrast_ratio("#777777", "#777777") == 1.0
