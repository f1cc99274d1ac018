"""The demo's two real replies agree with the original documents in ../shared/seeds.

The repository never copies the replies' sentences; these tests read the
originals where they are available and check the facts the demo codes.
"""
import re
from pathlib import Path

import pytest
from _require import require

from loaders.load import load_path

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"


def seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    require(bool(found), f"seed {prefix} not found beside the repository ({SEEDS})")
    return re.sub(r"\s+", " ", found[0].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo():
    return load_path(Path(__file__).resolve().parents[2] / "data" / "demo.xlsx").data.responses


def test_stockholm_matches_seed_000(demo):
    text = seed("000")
    assert "24 av de 25 förslagen" in text and "5.2.1" in text and "SOF 2024/634" in text
    rows = demo[(demo["respondent"] == "Stockholms stad") & (demo["consultation"] == PLAN)]
    counts = rows["stance"].astype(str).value_counts().to_dict()
    assert counts == {"agree": 24, "partly": 1}
    assert rows.loc[rows["stance"] == "partly", "proposal_id"].astype(str).tolist() == ["5.2.1"]
    assert set(rows["source"].astype(str)) == {"Remissvar: Socialförvaltningen, Stockholms stad, Dnr SOF 2024/634"}


def test_ludvika_matches_seed_003(demo):
    text = seed("003")
    assert "Ludvika kommun" in text and "VULF" in text and "arbetsterapeututbildningen" in text
    rows = demo[demo["respondent"] == "Ludvika kommun"]
    sou = "SOU 2024:72 Stärkt medicinsk kompetens i kommunal hälso- och sjukvård"
    assert set(rows["consultation"].astype(str)) == {sou}
    partly = rows[rows["stance"] == "partly"]
    assert len(partly) == 1 and "VULF" in str(partly["proposal_title"].iloc[0])
    assert set(rows["stance"].astype(str)) == {"agree", "partly"}


def test_demo_comments_are_paraphrases(demo):
    """No comment in the demo repeats a run of eight words from either reply."""
    originals = [seed("000"), seed("003")]
    grams = set()
    for text in originals:
        words = re.findall(r"\w+", text.lower())
        grams |= {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    for comment in demo["comment"].astype(str):
        words = re.findall(r"\w+", comment.lower())
        assert not any(" ".join(words[i:i + 8]) in grams for i in range(len(words) - 7)), comment
