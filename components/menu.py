"""The page menu in the sidebar, drawn with ``st.page_link``.

Streamlit's own sidebar navigation puts ``<li>`` elements outside a list and
``<div>`` children inside one, which axe-core reports as serious WCAG 1.3.1
violations on every page. ``st.navigation(..., position="hidden")`` keeps
Streamlit's routing and URLs, and this menu draws plain links instead: one
focusable link per page, under its section's name, in the same order.

Hidden pages (``visibility="hidden"``) are routes only, such as the
overview's own ``/oversikt`` address beside ``/``; they get no link.
"""
from __future__ import annotations

import streamlit as st


def render(pages: dict[str, list]) -> None:
    """One section name and its page links, per section, at the top of the sidebar."""
    with st.sidebar.container(key="app_nav"):
        for section, items in pages.items():
            st.markdown(f"**{section}**")
            for page in items:
                if getattr(page, "visibility", "visible") == "hidden":
                    continue
                st.page_link(page, label=page.title, icon=page.icon)
