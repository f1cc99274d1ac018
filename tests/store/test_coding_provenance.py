"""Schema step 4 creates coding_provenance; provenance rows round-trip with their status."""
from __future__ import annotations

from sqlalchemy import inspect

from loaders.load import load_bytes
from store import open_store
from store.coding import ProvenanceRow, load_provenance, save_provenance
from support import sheets


def test_provenance_round_trip(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert "coding_provenance" in inspect(store.engine).get_table_names()
    data = sheets.workbook_with_extras()
    v = store.save_version("Remiss", load_bytes(data, "svar.xlsx").data, "svar.xlsx", data, user="anna@example.se")
    rows = [ProvenanceRow("R", "Region Syd", "4.2", "agree", "agree", 0.9, "syd.pdf", 2, "Regionen tillstyrker."),
            ProvenanceRow("R", "Region Syd", "4.10", "agree", "disagree", 0.45, "syd.pdf", 3, "Avstyrker inte."),
            ProvenanceRow("R", "Region Syd", "5.2.1", None, "partly"),
            ProvenanceRow("R", "Region Syd", "5.3", "no_position", None, 0.8, "syd.pdf", 1, "Inga synpunkter.")]
    assert save_provenance(store, v.id, rows, "anna@example.se") == 4
    got = load_provenance(store, v.id)
    assert [(g["proposal_id"], g["status"], g["decided_by"]) for g in got] == [
        ("4.2", "confirmed", "anna@example.se"), ("4.10", "changed", "anna@example.se"),
        ("5.2.1", "added", "anna@example.se"), ("5.3", "removed", "anna@example.se")]
    assert got[1]["page"] == 3 and got[1]["evidence"] == "Avstyrker inte." and got[2]["suggested"] is None
    assert load_provenance(store, v.id + 1) == []
