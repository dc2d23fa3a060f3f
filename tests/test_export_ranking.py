"""The Excel download under a ranking is the table the page shows — rank, name, the metric,
its target and the gap, the other columns, in the page's order — followed by the code and the
rest of the breakdown, and is named after the view (the command line names it the same)."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from data_access import export
from domain.i18n import t
from domain.metrics import METRICS
from tests.apptest import run

ROOT = Path(__file__).resolve().parent.parent
Q1 = {"from": "2024-01", "to": "2024-03"}


def body(data: bytes) -> tuple[list, list[tuple]]:
    """The header row and the rows under it."""
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r[0] == t("col_rank", "vi"))
    return list(rows[at]), [r for r in rows[at + 1:] if any(v is not None for v in r)]


@pytest.mark.parametrize("page, params, name", [
    ("pages/province.py", {"province": "01"}, "tinh_63-01_ha-noi_theo-co-quan_2024-01_2024-03"),
    ("app.py", {}, "ca-nuoc_63_theo-tinh-bo_2024-01_2024-03"),
])
def test_the_download_is_the_page_table(app_db, downloads, page, params, name):
    at = run(page, **params, **Q1)
    assert not at.exception
    files = dict(downloads)
    assert f"{name}.xlsx" in files, list(files)
    header, rows = body(files[f"{name}.xlsx"]())
    shown = next(d.value for d in at.dataframe if t("col_rank", "vi") in d.value.columns)
    focus = METRICS["full_online_rate"].label("vi")
    assert list(shown.columns[:5]) == [t("col_rank", "vi"), t("col_name", "vi"), focus,
                                       t("target", "vi"), t("col_gap", "vi")]
    assert header[:len(shown.columns)] == list(shown.columns)  # the page's columns, its order
    assert header[len(shown.columns)] == t("col_code", "vi")  # then the code and the rest
    assert METRICS["resolved"].label("vi") in header
    assert len(rows) == len(shown)
    ws = load_workbook(io.BytesIO(files[f"{name}.xlsx"]())).active
    first = next(r for r in ws.iter_rows() if r[0].value == 1)  # rank 1
    assert [c.number_format for c in first[:5]] == ["#,##0", "@", "0.0%", "0.0%", "0.0"]
    for row, (_, page_row) in zip(rows, shown.iterrows()):
        assert [same(v, e) for v, e in zip(row, page_row)] == [True] * len(page_row), row


def same(value, expected) -> bool:
    """A cell as the page shows it: a blank for what the page leaves blank."""
    if pd.isna(expected):
        return value is None
    if isinstance(expected, float):
        return value == pytest.approx(expected)
    return value == expected


def test_the_page_and_the_command_line_name_a_view_alike(app_db, downloads, tmp_path,
                                                         monkeypatch):
    at = run("pages/agency.py", agency="1", lang="en", **Q1)
    assert not at.exception
    page_names = [f for f in downloads if f.startswith("agency_") and f.endswith(".xlsx")]
    folder = tmp_path / "cli"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert export.main(["--level", "agency", "--agency", "1", "--by", "procedure", "--format",
                        "xlsx", "--lang", "en", "--from", Q1["from"], "--to", Q1["to"]]) == 0
    assert page_names == [p.name for p in folder.iterdir()] == [
        "agency_01-s02_department-of-justice_by-procedure_2024-01_2024-03.xlsx"]
