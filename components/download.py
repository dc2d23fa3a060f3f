"""Excel downloads: `xlsx_button` under any table of the app, built by
data_access.xlsx.table_workbook with the period, the language, the filters and the data
source written above the table."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.context import PageContext, source_note
from data_access.xlsx import XLSX_MIME, table_workbook
from domain.formatting import fmt_date


def context_lines(ctx: PageContext, filters: dict[str, str] | None = None) -> list[str]:
    """The lines written above an exported table: period, filters, language, date."""
    lines = [ctx.t("dl_period", period=ctx.range_label())]
    lines += [ctx.t("dl_filter", name=k, value=v) for k, v in (filters or {}).items()]
    lines += [ctx.t("dl_language"), ctx.t("dl_created", date=fmt_date(date.today(), ctx.lang))]
    return lines


def xlsx_button(ctx: PageContext, table: pd.DataFrame, *, file_stem: str, title: str,
                filters: dict[str, str] | None = None,
                formats: dict[str, str] | None = None) -> None:
    """A download button for the table as .xlsx (headers as given: translate them first;
    formats: column → int | pct | vnd | text | date). The workbook is built on click."""
    lines = context_lines(ctx, filters)
    source = source_note(ctx)
    lang = ctx.lang

    def build() -> bytes:
        return table_workbook(table, title=title, context_lines=lines, source=source,
                              formats=formats, lang=lang)

    st.download_button(ctx.t("dl_xlsx"), data=build, file_name=f"{file_stem}.xlsx",
                       mime=XLSX_MIME, icon=":material/download:",
                       key=f"xlsx_{file_stem}_{title}")
