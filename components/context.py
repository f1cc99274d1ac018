"""What every page needs: language, active dataset, filters and the filtered view.

``app.py`` builds the context once per run (in the shared sidebar) and pages
read it with :func:`page_context`.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from analysis.filters import Filters
from components.datasource import Source
from loaders.model import CodedData

_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    lang: str
    source: Source
    data: CodedData  # the whole active dataset (read-only, shared)
    view: CodedData  # narrowed by the sidebar filters (read-only, shared)
    filters: Filters


def set_page_context(ctx: PageContext) -> None:
    st.session_state[_KEY] = ctx


def page_context() -> PageContext:
    return st.session_state[_KEY]
