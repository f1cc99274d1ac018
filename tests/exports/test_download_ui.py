"""The download buttons in the shared sidebar, on every page."""
from components.download import extract_buttons  # noqa: F401 - importable without a running app
from support.apptest import app


def labels(at) -> list[str]:
    return [b.proto.label for b in at.sidebar.get("download_button")]


def test_sidebar_offers_the_extract_in_swedish():
    at = app().run()
    assert not at.exception
    assert labels(at) == ["Ladda ner urval (Excel)", "CSV (UTF-8, komma)", "CSV (Excel, svensk)"]
    button = at.sidebar.get("download_button")[0].proto
    assert button.help.startswith("Svaren som filtren visar")


def test_sidebar_offers_the_extract_in_english():
    at = app(lang="en").run()
    assert not at.exception
    assert labels(at) == ["Download selection (Excel)", "CSV (UTF-8, comma)", "CSV (Excel, Swedish)"]


class _FakeSt:
    """Records what extract_buttons asks Streamlit to show."""

    def __init__(self):
        self.buttons, self.warnings, self.captions = [], [], []

    def download_button(self, label, data, **kw):
        self.buttons.append({"label": label, "data": data, **kw})
        return False

    def popover(self, *a, **kw):
        import contextlib

        return contextlib.nullcontext()

    def caption(self, text):
        self.captions.append(text)

    def warning(self, text, **kw):
        self.warnings.append(text)


def _ctx(lang="sv", **filters):
    from analysis.filters import Filters, apply_filters
    from components.context import PageContext
    from components.datasource import Source
    from loaders.load import load_path

    data = load_path("data/demo.xlsx").data
    f = Filters(**filters)
    source = Source(key="version:7", name="Remissvar april", is_demo=False, version_id=7, version_number=2,
                    created_at="2025-04-01 08:00", created_by="handläggare")
    return PageContext(lang=lang, source=source, data=data, view=apply_filters(data, f), filters=f)


def test_buttons_build_the_extract_lazily(monkeypatch, h):
    import components.download as download
    import exports.meta
    from exports.csv import responses_csv
    from exports.meta import ExtractMeta
    from exports.workbook import XLSX_MIME, build_extract

    fake = _FakeSt()
    monkeypatch.setattr(download, "st", fake)
    monkeypatch.setattr(exports.meta, "_clock", lambda: "2025-04-02 12:00")
    ctx = _ctx(respondent_types=("Region",))
    download.extract_buttons(ctx)
    xlsx, csv_utf8, csv_excel = fake.buttons
    assert callable(xlsx["data"]) and xlsx["mime"] == XLSX_MIME
    assert xlsx["file_name"].startswith("remisskollen-urval-") and xlsx["file_name"].endswith(".xlsx")
    assert csv_excel["file_name"].endswith("-excel.csv")
    got = h.open_xlsx(xlsx["data"]())
    want = h.open_xlsx(build_extract(ctx.data, ctx.filters, ExtractMeta.from_source(ctx.source), "sv"))
    for a, b in zip(got.worksheets, want.worksheets):
        assert list(a.iter_rows(values_only=True)) == list(b.iter_rows(values_only=True))
    about = h.about_rows(got["Om urvalet"])
    assert (about["Datamängd"], about["Version"], about["Skapad"], about["Skapad av"]) == (
        "Remissvar april", 2, "2025-04-01 08:00", "handläggare")
    assert csv_utf8["data"]() == responses_csv(ctx.data, ctx.filters, "sv", "utf8")
    assert csv_excel["data"]() == responses_csv(ctx.data, ctx.filters, "sv", "excel_sv")


def test_too_large_selection_is_refused_with_the_limit(monkeypatch):
    import components.download as download

    fake = _FakeSt()
    monkeypatch.setattr(download, "st", fake)
    monkeypatch.setattr(download, "extract_limit", lambda: 100)
    download.extract_buttons(_ctx())
    assert fake.buttons == []
    assert len(fake.warnings) == 1 and "högst 100 rader" in fake.warnings[0]
