"""Random mixtures of the messy cases: the loader never raises and never invents a blank name or id.

Deterministic (fixed seeds); the cases are built from the classes tested one by one in
test_csv_messy.py and test_identity.py.
"""
import random

import pytest

from loaders.load import load_bytes
from support import sheets

BASE = ("Remiss;Remissinstans;Typ;Förslag;Ställningstagande;Kommentar\n"
        "Testremiss;Region Norr;Region;4.2;Tillstyrker;Bra förslag\n"
        "Testremiss;Region Syd;Region;4.10;Avstyrker;\"Dyrt; sent\"\n"
        "Testremiss;Ludvika kommun;Kommun;5.2.1;Ja;\n").encode()
PIECES = [b'"', b";", b",", b"\t", b"\x00", b"\n", b"\r", "\u200b".encode(), "\u00a0".encode(), b"\xff", b"\x81",
          "4.1–4.3".encode(), b"04.1", b"=x", "а".encode(), b"\xc3", b"sep=,\n", b"\xef\xbb\xbf"]


def sane(result):
    resp = result.data.responses
    assert "" not in set(resp["respondent"].astype(str))
    assert "" not in set(resp["proposal_id"].astype(str))
    assert "" not in set(result.data.respondents["respondent"].astype(str))
    assert result.report.unreadable or result.report.file


@pytest.mark.parametrize("seed", range(4))
def test_mutated_csv_never_raises(seed):
    rng = random.Random(seed)
    for _ in range(100):
        data = bytearray(BASE)
        for _ in range(rng.randint(1, 6)):
            pos = rng.randrange(len(data) + 1)
            if rng.random() < 0.3:
                del data[pos:pos + rng.randint(1, 5)]
            else:
                data[pos:pos] = rng.choice(PIECES)
        sane(load_bytes(bytes(data), "f.csv"))


NAMES = ["Region Norr", "region norr", "Region\u200bNorr", "Region Nоrr", "", None, "\u200b", "Region  Norr",
         "Ludvika kommun", "Ludvika Kommun", "=Evil", "Region Skane", "Region Skåne", "Regin Skåne"]
IDS = ["4.2", "04.2", "4,2", "4.1–4.3", "4.2\u200b", "", None, "4.2a", "4.2A", "5,2,1", 4.1, "Allmänt", "\u00a0"]
CONS = ["T", "t", None, "", "T\u200b", "U"]
TYPES = ["Region", "Kommun", None, "", "Landsting", "xyz"]


def test_mixed_workbooks_never_raise():
    rng = random.Random(7)
    for _ in range(40):
        rows = [["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar"]]
        rows += [[rng.choice(CONS), rng.choice(NAMES), rng.choice(TYPES), rng.choice(IDS),
                  rng.choice(["Ja", "Nej", "Delvis", None, "x"]), None] for _ in range(rng.randint(1, 8))]
        book = {"Svar": rows}
        if rng.random() < 0.5:
            book["Förslag"] = [["Remiss", "Förslag", "Rubrik"]] + [[rng.choice(CONS), rng.choice(IDS), "R"]
                                                                    for _ in range(3)]
        if rng.random() < 0.5:
            book["Instanser"] = [["Remiss", "Remissinstans", "Typ"]] + [
                [rng.choice(CONS), rng.choice(NAMES), rng.choice(TYPES)] for _ in range(3)]
        sane(load_bytes(sheets.xlsx(book), "f.xlsx"))
