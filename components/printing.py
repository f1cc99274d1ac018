"""Print styles: an official prints a page and gets its charts and text, without the app around them.

One ``<style>`` block, injected once per run by ``app.py``, that only acts in print (``@media print``):

* the sidebar, the header/toolbar and the run-status widget are hidden, and the main column takes
  the full width;
* Streamlit's app view is a fixed-height scroll box on screen; in print every container grows to its
  content, so all of the page is printed, not only the first screenful;
* a chart, a metric, a text alternative or an expander is never cut across two sheets
  (``break-inside: avoid``), and a heading stays with what follows it;
* a chart wider than the sheet is zoomed to fit it while printing (:data:`FIT_CHARTS_JS`).
"""
from __future__ import annotations

import streamlit as st

PRINT_CSS = """
<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stSidebarCollapseButton"], header { display: none !important; }
  html, body, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important; position: static !important;
  }
  [data-testid="stMain"] { margin-left: 0 !important; width: 100% !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  [data-testid="stPlotlyChart"], [data-testid="stMetric"], [data-testid="stExpander"], [data-testid="stImage"],
  [data-testid="stVegaLiteChart"], [data-testid="stDeckGlJsonChart"], [data-testid="stAlert"],
  [data-testid="stCaptionContainer"], [data-testid="stDataFrame"] {
    break-inside: avoid !important; page-break-inside: avoid !important;
  }
  h1, h2, h3 { break-after: avoid !important; page-break-after: avoid !important; }
}
</style>
"""


#: A chart is drawn at the screen's width in pixels, wider than a printed sheet, and would be cut at the
#: right edge. While printing, each chart wider than a sheet's text width is zoomed to fit; after printing,
#: back. A constant script of ours (no outside text in it), installed once per browser tab.
FIT_CHARTS_JS = """
<script>
(function () {
  if (window.__remisskollenPrintFit) { return; }
  window.__remisskollenPrintFit = true;
  const SHEET_PX = 680;  // the text width of an A4 or Letter sheet in portrait, in CSS pixels
  const charts = () => document.querySelectorAll('[data-testid="stPlotlyChart"]');
  const fit = () => charts().forEach((el) => {
    const plot = el.querySelector('.js-plotly-plot') || el;
    const width = plot.scrollWidth || plot.offsetWidth;
    const room = Math.min(SHEET_PX, el.parentElement.getBoundingClientRect().width || SHEET_PX);
    el.style.zoom = width > room ? String(room / width) : '';
  });
  const unfit = () => charts().forEach((el) => { el.style.zoom = ''; });
  window.addEventListener('beforeprint', fit);
  window.addEventListener('afterprint', unfit);
  window.matchMedia('print').addEventListener('change', (e) => (e.matches ? fit() : unfit()));
})();
</script>
"""


def inject_print_css() -> None:
    """Add the print rules to the page (no visible element on screen)."""
    st.html(PRINT_CSS)


def inject_print_fit() -> None:
    """Add the chart-fitting script, at the foot of the sidebar (which print hides)."""
    st.sidebar.html(FIT_CHARTS_JS, unsafe_allow_javascript=True)
