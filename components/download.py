"""Excel downloads: `xlsx_button` under any table of the app, built by
data_access.xlsx.table_workbook with the period, the language, the filters and the data
source written above the table; `ranking_button` under a ranking, named like the command
line's files (data_access.export.file_stem)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components import data
from components.context import PageContext, source_note
from data_access.export import file_stem as export_stem, scope_units
from data_access.xlsx import XLSX_MIME, table_workbook
from domain import drill
from domain.formatting import fmt_date
from domain.scope import Scope


def context_lines(ctx: PageContext, filters: dict[str, str] | None = None) -> list[str]:
    """The lines written above an exported table: period, filters, language, date."""
    lines = [ctx.t("dl_period", period=ctx.range_label())]
    lines += [ctx.t("dl_filter", name=k, value=v) for k, v in (filters or {}).items()]
    lines += [ctx.t("dl_language"), ctx.t("dl_created", date=fmt_date(date.today(), ctx.lang))]
    return lines


def xlsx_button(ctx: PageContext, table: pd.DataFrame, *, file_stem: str, title: str,
                filters: dict[str, str] | None = None,
                formats: dict[str, str] | None = None, sheet: str | None = None) -> None:
    """A download button for the table as .xlsx (headers as given: translate them first;
    formats: column → int | pct | points | vnd | text | date; sheet: a short name from
    domain/strings/export.py when the title is longer than Excel's 31 characters). The
    workbook is built on click."""
    lines = context_lines(ctx, filters)
    source = source_note(ctx)
    lang = ctx.lang

    def build() -> bytes:
        return table_workbook(table, title=title, context_lines=lines, source=source,
                              formats=formats, lang=lang, sheet=sheet)

    st.download_button(ctx.t("dl_xlsx"), data=build, file_name=f"{file_stem}.xlsx",
                       mime=XLSX_MIME, icon=":material/download:",
                       key=f"xlsx_{file_stem}_{title}")


def _format(config: dict) -> str:
    """The Excel format of a column of the page's table, read from its column config: rates
    as percentages, gaps in points with one decimal, counts whole."""
    kind = config.get("type_config") or {}
    if kind.get("type") != "number":
        return "text"
    if kind.get("format") == "percent":
        return "pct"
    return "points" if (kind.get("step") or 1) < 1 else "int"


def ranking_table(model) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ranking as the page shows it (components/ranking.Ranking: its table and column
    config) — rank, name, the metric, its target and the gap, the other columns, in the
    page's order and under its headers — then the code and the rest of the full breakdown;
    with the Excel format of every column."""
    page = model.table.to_pandas()
    names = {c: model.columns[c]["label"] for c in page.columns}
    formats = {names[c]: _format(model.columns[c]) for c in page.columns}
    rest = model.download[[c for c in model.download.columns if c not in formats]]
    table = pd.concat([page.rename(columns=names), rest.reset_index(drop=True)], axis=1)
    return table, formats | {c: f for c, f in model.formats.items() if c in rest.columns}


def ranking_button(ctx: PageContext, model, scope: Scope, scope_label: str) -> None:
    """The download under a ranking: the page's table (`ranking_table`), in a file named after
    the scope, the children and the period."""
    by = drill.children_by(scope)
    agency = data.agency(scope.agency) if scope.agency is not None else None
    units = scope_units(scope.with_(units=ctx.units), data.localities(), agency,
                        data.procedures(), ctx.lang)
    table, formats = ranking_table(model)
    xlsx_button(ctx, table, file_stem=export_stem(units, f"file_by_{by}", ctx.rng, ctx.lang),
                title=f"{ctx.t(f'children_{by}')} — {scope_label}",
                filters={ctx.t("col_scope"): scope_label}, formats=formats,
                sheet=ctx.t(f"sheet_rank_{by}"))
