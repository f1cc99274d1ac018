"""Frames for the chart tests: the demo data, narrowed to the national plan."""
from __future__ import annotations

import pytest

from analysis.filters import Filters, apply_filters
from loaders.load import load_path

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"


@pytest.fixture(scope="session")
def demo():
    return load_path("data/demo.xlsx").data


@pytest.fixture(scope="session")
def plan(demo):
    return apply_filters(demo, Filters(consultation=PLAN))
