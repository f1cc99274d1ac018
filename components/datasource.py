"""Which dataset is active, and loading it once per version.

The active dataset's read-only frames live in ``st.cache_resource`` keyed by
a version key: a rerun never unpickles or copies them. Filtered views are
cached the same way, keyed by version and filters, with bounded entries.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis.filters import Filters, apply_filters
from loaders.load import load_path
from loaders.model import CodedData

DEMO_PATH = Path(__file__).resolve().parent.parent / "data" / "demo.xlsx"


@dataclass(frozen=True)
class Source:
    """The active dataset: where it comes from and which version."""

    key: str  # cache key: "demo:<sha>" or "version:<id>"
    name: str
    is_demo: bool
    version_id: int | None = None
    version_number: int | None = None
    created_at: str = ""
    created_by: str = ""


@st.cache_resource(show_spinner=False, max_entries=1)
def _demo_key() -> str:
    return "demo:" + hashlib.sha256(DEMO_PATH.read_bytes()).hexdigest()[:16]


def demo_source() -> Source:
    return Source(key=_demo_key(), name="Exempeldata", is_demo=True)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_dataset(key: str) -> CodedData:
    """The full dataset for a version key, loaded once per process."""
    if key.startswith("demo:"):
        result = load_path(DEMO_PATH)
        if not result.ok:  # the shipped demo is tested; this guards a broken checkout
            raise RuntimeError(f"demo data invalid: {[p.message_en for p in result.report.errors]}")
        return result.data
    raise KeyError(key)


@st.cache_resource(show_spinner=False, max_entries=32)
def filtered_dataset(key: str, filters: Filters) -> CodedData:
    """The dataset narrowed by the sidebar filters; shared read-only across sessions."""
    return apply_filters(load_dataset(key), filters)
