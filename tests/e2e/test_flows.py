"""The app in a real browser, as a desk officer uses it."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from analysis.filters import Filters, apply_filters
from analysis.overview import key_figures
from i18n.numbers import fmt_int, fmt_pct
from loaders.load import load_path
from support.browser import expect_text, metric_values, wait_ready

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"


def expected_metrics(types=(), lang="sv"):
    data = load_path("data/demo.xlsx").data
    fig = key_figures(apply_filters(data, Filters(consultation=PLAN, respondent_types=types)))
    labels = {"sv": ("Svarande instanser", "Förslag", "Kodade svar", "Tillstyrker"),
              "en": ("Responding bodies", "Proposals", "Coded answers", "Agree")}[lang]
    values = (fmt_int(fig["replied"], lang), fmt_int(fig["proposals"], lang), fmt_int(fig["answers"], lang),
              fmt_pct(fig["agree_share"], lang))
    return dict(zip(labels, values))


def norm(d):
    return {k: v.replace("\xa0", " ").replace("\u202f", " ") for k, v in d.items()}


def test_open_app_swedish_overview(app_server, page):
    page.goto(app_server)
    wait_ready(page)
    expect_text(page, "Exempeldata (fiktiv)")
    expect_text(page, "Stockholms stad tillstyrker 24 av 25 förslag")
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
    assert norm(metric_values(page, 4)) == norm(expected_metrics())


def test_switch_to_english_keeps_numbers(app_server, page):
    page.goto(app_server)
    wait_ready(page)
    sv = metric_values(page, 4)
    page.get_by_role("radio", name="English").click()
    expect_text(page, "Stockholms stad agrees with 24 of 25 proposals")
    wait_ready(page)
    expect(page.locator('[data-testid="stMetricLabel"]').first).to_have_text("Responding bodies")
    en = metric_values(page, 4)
    assert norm(en) == norm(expected_metrics(lang="en"))
    # Same numbers, other labels (thousands separators differ by locale).
    assert [v.replace("\xa0", "").replace(",", "").replace(" ", "") for v in en.values()] == \
        [v.replace("\xa0", "").replace(" ", "") for v in sv.values()]
    assert parse_qs(urlparse(page.url).query)["lang"] == ["en"]


def test_filter_region_and_copy_url(app_server, page, browser):
    page.goto(app_server)
    wait_ready(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Typ av remissinstans").locator("xpath=..").locator("..").click()
    box = sidebar.locator('[data-testid="stMultiSelect"]').first
    box.locator("input").fill("Region")
    box.locator("input").press("Enter")
    page.keyboard.press("Escape")
    want = norm(expected_metrics(("Region",)))
    expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text(want["Svarande instanser"])
    wait_ready(page)
    assert norm(metric_values(page, 4)) == want
    assert parse_qs(urlparse(page.url).query)["typ"] == ["Region"]

    other = page.context.new_page()
    other.goto(page.url)
    wait_ready(other)
    expect(other.locator('[data-testid="stMetricValue"]').first).to_have_text(want["Svarande instanser"])
    assert norm(metric_values(other, 4)) == want
    other.close()


def test_click_bar_opens_proposal_respondents(app_server, page):
    page.goto(app_server)
    wait_ready(page, '[data-testid="stPlotlyChart"] .main-svg')
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    bar = chart.locator("g.point path").first
    bar.click(force=True)
    page.wait_for_url("**/forslag?**")
    proposal = parse_qs(urlparse(page.url).query)["forslag"][0]
    data = load_path("data/demo.xlsx").data.responses
    who = data[(data["consultation"].astype(str) == PLAN) & (data["proposal_id"].astype(str) == proposal)]
    expect_text(page, f"Remissinstansernas svar ({len(who)})")
    table = page.locator('[data-testid="stDataFrame"]:visible').last
    table.locator("td").first.wait_for(state="attached")
    shown = {c.strip() for c in table.locator("td").all_inner_texts()}
    # The grid renders the rows in view; every one of them must be this proposal's respondents.
    names = set(map(str, who["respondent"]))
    assert len(shown & names) >= min(8, len(names))


def test_download_extract_matches_filter(app_server, page, tmp_path):
    import openpyxl

    from analysis.shares import summary_table

    page.goto(app_server + "/?typ=Region")
    wait_ready(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ner urval (Excel)").click()
    path = tmp_path / "urval.xlsx"
    info.value.save_as(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Om urvalet", "Svar", "Per förslag", "Region vs kommun", "Per instans", "Diagram"]
    about = "\n".join(str(c) for row in wb["Om urvalet"].iter_rows(values_only=True) for c in row if c)
    assert "Remissinstanser av typen Region" in about
    data = apply_filters(load_path("data/demo.xlsx").data, Filters(consultation=PLAN, respondent_types=("Region",)))
    assert wb["Svar"].max_row - 1 == len(data.responses)
    expected = summary_table(data.responses, ["proposal_id"]).set_index("proposal_id")
    rows = {r[0]: r for r in wb["Per förslag"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert rows["5.2.1"][3:8] == tuple(int(expected.loc["5.2.1", c]) for c in
                                        ("agree", "partly", "disagree", "no_position", "total"))
    assert wb["Per förslag"]["I2"].number_format.endswith("%")
    assert not [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
