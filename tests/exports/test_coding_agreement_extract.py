"""The extract's "Om urvalet" states how often the analyst kept the coding assistant's suggestions.

Ten provenance rows: agree kept 5 times and changed to partly once, partly and disagree kept, a
no_position suggestion removed and one agree added by the analyst. So 7 of 9 suggestions kept,
F1 = 7/9 = 0.78 over 10 cells, and Cohen's kappa = (0.7 - 0.4) / (1 - 0.4) = 0.50.
"""
from __future__ import annotations

import pytest

from coding.agreement import agreement_of
from exports.meta import ExtractMeta
from exports.workbook import build_extract
from loaders.load import load_bytes
from store import open_store
from store.coding import ProvenanceRow, save_provenance
from support import sheets

ROWS = ([ProvenanceRow("R", f"Kommun {i}", "4.1", "agree", "agree") for i in range(5)]
        + [ProvenanceRow("R", "Region Syd", "4.1", "agree", "partly"),
           ProvenanceRow("R", "Region Syd", "4.2", "partly", "partly"),
           ProvenanceRow("R", "Region Syd", "4.3", "disagree", "disagree"),
           ProvenanceRow("R", "Region Syd", "5.3", "no_position", None),
           ProvenanceRow("R", "Region Syd", "5.4", None, "agree")])


def test_agreement_of_provenance():
    a = agreement_of(ROWS)
    assert (a.suggested, a.reference, a.matched, a.cells) == (9, 9, 7, 10)
    assert [a.kept(s) for s in ("agree", "partly", "disagree", "no_position")] == [(5, 6), (1, 1), (1, 1), (0, 1)]
    assert a.f1 == pytest.approx(7 / 9) and a.kappa == pytest.approx(0.5)
    assert agreement_of([dict(vars(r)) for r in ROWS]) == a  # stored rows come back as dicts


@pytest.mark.parametrize(("lang", "want"), [
    ("sv", {"Tillstyrker": "5 av 6 förslag behållna", "Tillstyrker delvis": "1 av 1 förslag behållna",
            "Avstyrker": "1 av 1 förslag behållna", "Ingen synpunkt": "0 av 1 förslag behållna",
            "F1, totalt": 0.7778, "Cohens kappa": 0.5, "Antal celler (instans × förslag)": 10}),
    ("en", {"Agree": "5 of 6 suggestions kept", "Partly agree": "1 of 1 suggestions kept",
            "Disagree": "1 of 1 suggestions kept", "No position": "0 of 1 suggestions kept",
            "F1, overall": 0.7778, "Cohen's kappa": 0.5, "Number of cells (respondent × proposal)": 10}),
])
def test_om_urvalet_cells(small, h, lang, want):
    meta = ExtractMeta("Kodat med stöd", 3, coding_agreement=agreement_of(ROWS))
    ws = h.open_xlsx(build_extract(small, _no_filters(), meta, lang)).worksheets[0]  # Om urvalet, first
    rows = [r for r in ws.iter_rows(min_col=1, max_col=2) if r[0].value is not None]
    title = "Kodningsstöd: hur ofta förslagen behölls" if lang == "sv" else \
        "Coding assistant: how often the suggestions were kept"
    start = next(i for i, (a, _) in enumerate(rows) if a.value == title)
    got = {a.value: b.value for a, b in rows[start + 1:start + 8]}
    assert got == want
    f1 = next(b for a, b in rows[start + 1:] if a.value in ("F1, totalt", "F1, overall"))
    assert f1.number_format == "0.00"
    how = next(b.value for a, b in rows[start + 1:] if a.value in ("Så räknas det", "How it is computed"))
    assert how.startswith("7 av 9 föreslagna rader behölls oförändrade" if lang == "sv"
                          else "7 of 9 suggested rows were kept unchanged")


def test_no_section_without_the_assistant(small, h):
    ws = h.open_xlsx(build_extract(small, _no_filters(), ExtractMeta("Vanlig uppladdning", 1), "sv"))["Om urvalet"]
    labels = [r[0] for r in ws.iter_rows(min_col=1, max_col=1, values_only=True)]
    assert "Kodningsstöd: hur ofta förslagen behölls" not in labels and "F1, totalt" not in labels


def test_download_button_reads_the_versions_provenance(tmp_path, monkeypatch, h):
    """The app's extract: agreement computed from the stored provenance of the active version."""
    import components.connection
    import components.download as download
    from analysis.filters import Filters, apply_filters
    from components.context import PageContext
    from components.datasource import Source

    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    data = sheets.workbook_with_extras()
    loaded = load_bytes(data, "svar.xlsx").data
    v = store.save_version("Kodat", loaded, "svar.xlsx", data, user="anna@example.se")
    plain = store.save_version("Kodat", loaded, "svar.xlsx", data, user="anna@example.se")
    save_provenance(store, v.id, ROWS, "anna@example.se")
    monkeypatch.setattr(components.connection, "get_store", lambda: store)

    def extract(version_id):
        fake = _Buttons()
        monkeypatch.setattr(download, "st", fake)
        source = Source(key=f"version:{version_id}", name="Kodat", is_demo=False, version_id=version_id)
        f = Filters()
        download.extract_buttons(PageContext(lang="sv", source=source, data=loaded, view=apply_filters(loaded, f),
                                             filters=f))
        return h.about_rows(h.open_xlsx(fake.buttons[0]["data"]())["Om urvalet"])

    about = extract(v.id)
    assert (about["Tillstyrker"], about["Ingen synpunkt"]) == ("5 av 6 förslag behållna", "0 av 1 förslag behållna")
    assert (about["F1, totalt"], about["Cohens kappa"], about["Antal celler (instans × förslag)"]) == (0.7778, 0.5, 10)
    assert "F1, totalt" not in extract(plain.id)


class _Buttons:
    def __init__(self):
        self.buttons = []

    def download_button(self, label, data, **kw):
        self.buttons.append({"label": label, "data": data, **kw})

    def popover(self, *a, **kw):
        import contextlib

        return contextlib.nullcontext()

    def caption(self, text):
        pass

    def warning(self, text, **kw):
        raise AssertionError(text)


def _no_filters():
    from analysis.filters import Filters

    return Filters()
