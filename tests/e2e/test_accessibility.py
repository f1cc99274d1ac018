"""WCAG 2.1 AA in the browser: axe-core on every page and state, in both languages.

axe-core comes from the npm registry (tests/e2e/package.json, installed by
``make test`` and ``.ci/run``) and runs the WCAG 2.0/2.1 A and AA rules in
Chromium. A serious or critical violation fails the test unless it is listed
in :data:`UPSTREAM_ONLY` with the Streamlit issue that would fix it; the
README's accessibility section gives the same list and the last run's figures.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from _require import require

from analysis.filters import PARAM_NAMES, Filters, apply_filters
from loaders.load import load_path
from support.browser import wait_ready

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"

#: rule id -> upstream reference, for violations only Streamlit itself can fix. Empty today.
UPSTREAM_ONLY: dict[str, str] = {}

#: Every page's address, as app.py registers it ("" is the root, which opens the overview).
PAGES = ["", "oversikt", "forslag", "teman", "region-kommun", "instanser", "kommentarer", "sammanstallning",
         "ladda-upp", "datamangder", "kodningsstod"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    require(AXE.exists(), "axe-core is not installed (npm ci --prefix tests/e2e)")
    return AXE.read_text(encoding="utf-8")


def _serious(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""", TAGS)
    return [v for v in found if v["impact"] in ("serious", "critical") and v["id"] not in UPSTREAM_ONLY]


def _report(violations: list[dict]) -> str:
    return json.dumps(violations, ensure_ascii=False, indent=1)[:4000]


def _empty_selection() -> dict[str, str]:
    """A respondent type and topic that together match no row of the demo plan (an empty page)."""
    data = load_path("data/demo.xlsx").data
    rows = data.responses[data.responses["consultation"] == PLAN]
    for topic in sorted(rows["topic"].astype(str).unique()):
        for rtype in sorted(rows["respondent_type"].astype(str).unique()):
            f = Filters(consultation=PLAN, respondent_types=(rtype,), topics=(topic,))
            if apply_filters(data, f).responses.empty:
                return {PARAM_NAMES["respondent_types"]: rtype, PARAM_NAMES["topics"]: topic}
    raise AssertionError("the demo has no empty type × topic combination")


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_no_serious_violation(app_server, page, axe_source, path, lang):
    page.goto(f"{app_server}/{path}?lang={lang}")
    wait_ready(page, '[data-testid="stSidebar"] a[href]')
    page.wait_for_timeout(1500)  # charts finish drawing after the run
    assert page.get_by_text("Page not found").count() == 0
    violations = _serious(page, axe_source)
    assert violations == [], _report(violations)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_empty_filter_result_has_no_serious_violation(app_server, page, axe_source, lang):
    from urllib.parse import urlencode

    query = urlencode({"lang": lang, PARAM_NAMES["consultation"]: PLAN, **_empty_selection()})
    page.goto(f"{app_server}/oversikt?{query}")
    empty = {"sv": "Inga svar matchar filtren", "en": "No replies match the filters"}[lang]
    page.get_by_text(empty).first.wait_for()
    violations = _serious(page, axe_source)
    assert violations == [], _report(violations)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_upload_with_a_validation_report_has_no_serious_violation(app_server, page, axe_source, lang):
    bad = "Remissinstans;Kommentar\nRegion Uppsala;saknar förslag och ställning\n".encode()
    page.goto(f"{app_server}/ladda-upp?lang={lang}")
    wait_ready(page, '[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "trasig.csv", "mimeType": "text/csv", "buffer": io.BytesIO(bad).getvalue()}])
    missing = {"sv": "Obligatorisk kolumn saknas", "en": "Required column missing"}[lang]
    page.get_by_text(missing).first.wait_for(state="attached", timeout=60_000)
    page.wait_for_timeout(1000)
    violations = _serious(page, axe_source)
    assert violations == [], _report(violations)
