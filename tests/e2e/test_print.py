"""Printing (issue 14): the overview and a proposal page printed to PDF keep their charts and text, leave
the sidebar out and are not cut mid-chart. Headless Chromium prints with Playwright's ``page.pdf``; the PDF
is read back with pypdfium2.
"""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from support.browser import metric_values, wait_ready

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"


def printed(page) -> list[str]:
    """The page printed to A4 PDF, as the text of each sheet (``page.pdf`` prints as Ctrl+P does: print media,
    the sheet's width, and the ``beforeprint`` event that fits wide charts to the sheet)."""
    page.emulate_media(media="null")  # no emulation: the screen, then print media while printing
    page.wait_for_timeout(1000)  # charts redraw at the screen's width after the print-rule check
    pdf = pdfium.PdfDocument(page.pdf(format="A4", print_background=True))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def print_rules(page) -> dict:
    """What the print style does to the live page (media emulated as print)."""
    page.emulate_media(media="print")
    return page.evaluate("""() => {
        const style = (sel) => { const el = document.querySelector(sel); return el ? getComputedStyle(el) : null; };
        const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
        return {sidebar: style('[data-testid="stSidebar"]').display,
                header: style('[data-testid="stHeader"]').display,
                charts: charts.length,
                unbroken: charts.filter(c => getComputedStyle(c).breakInside === 'avoid').length};
    }""")


def open_and_draw(page, url):
    page.goto(url)
    wait_ready(page, '[data-testid="stPlotlyChart"]')
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg')
    page.wait_for_timeout(1500)  # the last charts finish drawing after the run


@pytest.mark.parametrize("path, title, n_figures", [("oversikt", "Översikt", 4), ("forslag", "Förslag", 0)])
def test_printed_page_keeps_charts_and_text_without_the_sidebar(app_server, page, path, title, n_figures):
    open_and_draw(page, f"{app_server}/{path}")
    figures = metric_values(page)
    headings = [h.strip() for h in page.locator('[data-testid="stMain"] h3').all_inner_texts() if h.strip()]
    assert len(figures) >= n_figures and len(headings) >= 2, (figures, headings)
    rules = print_rules(page)
    assert (rules["sidebar"], rules["header"]) == ("none", "none")
    assert rules["charts"] >= 1 and rules["unbroken"] == rules["charts"]  # no chart is cut across sheets

    sheets = printed(page)
    text = "\n".join(sheets)
    flat = " ".join(text.split())
    assert 1 <= len(sheets) <= 12, len(sheets)
    assert title in sheets[0]
    for label, value in figures.items():  # the key figures, label and value
        assert " ".join(label.split()) in flat and " ".join(value.split()) in flat, (label, value)
    for heading in headings[:3]:  # the charts' sentence titles
        assert " ".join(heading.split())[:60] in flat, heading
    assert "Aktiv datamängd" not in text and "Filter" not in text
