"""Download buttons for the filtered extract: Excel, plus the Svar sheet as CSV.

The bytes are built only when a button is clicked (Streamlit's callable
``data``), from the same :func:`exports.workbook.build_extract` the CLI uses.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt

import streamlit as st

from analysis.filters import Filters, apply_filters
from components.context import PageContext
from exports.csv import CSV_MIME, responses_csv
from exports.meta import ExtractMeta
from exports.workbook import MAX_DATA_ROWS, XLSX_MIME, ExtractTooLarge, build_extract, extract_limit
from i18n.strings import t


def _file_stem() -> str:
    return f"remisskollen-urval-{_dt.date.today().isoformat()}"


def coding_agreement(version_id: int):
    """How often the analyst kept the assistant's suggestions in this version; None when it was not used."""
    from coding.agreement import agreement_of
    from components.connection import get_store
    from store.coding import load_provenance

    prov = load_provenance(get_store(), version_id)
    return agreement_of(prov) if prov else None


def extract_buttons(ctx: PageContext, filters: Filters | None = None, key: str = "sidebar") -> None:
    """"Ladda ner urval (Excel)" and the two CSV flavours, for ``filters`` (default: the page's).

    An extract larger than :func:`exports.workbook.extract_limit` is refused
    with a warning that names the limit; nothing is built until a click.
    """
    lang = ctx.lang
    filters = ctx.filters if filters is None else filters
    data, source = ctx.data, ctx.source
    view = ctx.view if filters == ctx.filters else apply_filters(data, filters)
    n_rows = len(view.responses)
    if n_rows > extract_limit():
        st.warning(ExtractTooLarge(n_rows, extract_limit(), MAX_DATA_ROWS).message(lang), icon=":material/block:")
        return

    def xlsx() -> bytes:
        meta = ExtractMeta.from_source(source)
        if getattr(source, "dataset_id", None) is not None:  # name merges stored with the dataset
            from components.connection import get_store
            from store.merges import about_notes

            meta = dataclasses.replace(meta, merges=about_notes(get_store(), source.dataset_id))
        if getattr(source, "version_id", None) is not None:  # built with the coding assistant: its agreement
            meta = dataclasses.replace(meta, coding_agreement=coding_agreement(source.version_id))
        return build_extract(data, filters, meta, lang, view=view)

    stem = _file_stem()
    st.download_button(
        t("export.button_xlsx", lang), data=xlsx, file_name=f"{stem}.xlsx", mime=XLSX_MIME,
        key=f"{key}-extract-xlsx", help=t("export.button_help", lang), icon=":material/download:",
        on_click="ignore", width="stretch",
    )
    with st.popover(t("export.more_formats", lang), icon=":material/table_view:", width="stretch"):
        st.caption(t("export.csv_help", lang))
        for flavour, label, suffix in (("utf8", "export.button_csv", ""),
                                       ("excel_sv", "export.button_csv_excel", "-excel")):
            st.download_button(
                t(label, lang),
                data=(lambda fl=flavour: responses_csv(data, filters, lang, fl, view=view)),
                file_name=f"{stem}{suffix}.csv", mime=CSV_MIME, key=f"{key}-extract-csv-{flavour}",
                on_click="ignore", width="stretch",
            )
