"""Which dataset is active, and loading it once per version.

Sources are the store's datasets (their active versions) plus the embedded
demo data. The active dataset's read-only frames live in
``st.cache_resource`` keyed by a version key (versions are immutable, so the
key never goes stale): a rerun never unpickles or copies them. Filtered views
are cached the same way, keyed by version and filters, with bounded entries.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis.filters import Filters, apply_filters
from loaders.load import load_path
from loaders.model import CodedData

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEMO_PATH = DATA_DIR / "demo.xlsx"
TEMPLATE_PATH = DATA_DIR / "template.xlsx"
#: A coded sheet to serve as the demo dataset instead of data/demo.xlsx (e.g. a benchmark's generated sheet).
ENV_DEMO_PATH = "REMISSKOLLEN_DEMO_PATH"


def demo_path() -> Path:
    """The demo dataset's file: ``$REMISSKOLLEN_DEMO_PATH`` when set, else ``data/demo.xlsx``."""
    return Path(os.environ.get(ENV_DEMO_PATH) or DEMO_PATH)


@dataclass(frozen=True)
class Source:
    """The active dataset: where it comes from and which version."""

    key: str  # cache key: "demo:<sha>" or "version:<id>:<database>" (ids repeat across databases)
    name: str
    is_demo: bool
    dataset_id: int | None = None
    version_id: int | None = None
    version_number: int | None = None
    created_at: str = ""
    created_by: str = ""


@st.cache_resource(show_spinner=False, max_entries=2)
def _demo_key(path: str) -> str:
    return "demo:" + hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def demo_source() -> Source:
    return Source(key=_demo_key(str(demo_path())), name="Exempeldata", is_demo=True)


def version_key(version_id: int) -> str:
    """The cache key of a stored version: its id and the database it lives in.

    Versions are immutable, so the key never goes stale; the database is part of
    it because two databases (a restored backup, or the test suite's throwaway
    ones) both have a version 1.
    """
    from components.connection import get_store

    url = get_store().engine.url.render_as_string(hide_password=True)
    return f"version:{version_id}:{hashlib.sha256(url.encode()).hexdigest()[:12]}"


def stored_sources() -> tuple[list[Source], str | None]:
    """The store's datasets as sources (newest first), and an error text if the store failed."""
    from components.connection import get_store

    try:
        datasets = get_store().list_datasets()
    except Exception as exc:  # noqa: BLE001 - the demo still works without a database
        return [], f"{type(exc).__name__}: {exc}"
    out = []
    for d in datasets:
        if d.active_version_id is None:
            continue
        out.append(Source(key=version_key(d.active_version_id), name=d.name, is_demo=False,
                          dataset_id=d.id, version_id=d.active_version_id,
                          version_number=d.active_version_number,
                          created_at=d.created_at.strftime("%Y-%m-%d %H:%M"), created_by=d.created_by))
    return out, None


@st.cache_resource(show_spinner=False, max_entries=4)
def load_dataset(key: str) -> CodedData:
    """The full dataset for a version key, loaded once per process."""
    if key.startswith("demo:"):
        result = load_path(demo_path())
        if not result.ok:  # the shipped demo is tested; this guards a broken checkout
            raise RuntimeError(f"demo data invalid: {[p.message_en for p in result.report.errors]}")
        return result.data
    if key.startswith("version:"):
        from components.connection import get_store

        return get_store().load_version(int(key.split(":")[1]))
    raise KeyError(key)


@st.cache_resource(show_spinner=False, max_entries=32)
def filtered_dataset(key: str, filters: Filters) -> CodedData:
    """The dataset narrowed by the sidebar filters; shared read-only across sessions."""
    return apply_filters(load_dataset(key), filters)
