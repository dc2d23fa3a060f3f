"""In a real browser: a table's own toolbar offers no "Download as CSV" (it would write raw
cells; .streamlit/config.toml sets client.disableDataExport), and the .xlsx button under the
ranking downloads the page's table under the view's name, with safe cells."""
import io

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from data_access.schema import localities
from tests import fixture_data
from tests.browser import browser_page, served, wait_idle

HOSTILE = "=cmd|' /C calc'!A0"


def build(db):
    fixture_data.build(db)
    with db.transaction() as conn:  # a ministry named as an attacker would
        conn.execute(sa.update(localities).where(localities.c.code == "B-TP")
                     .values(name_vi=HOSTILE))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "export", build) as base:
        yield base


def test_tables_offer_no_csv_download_and_the_xlsx_is_safe(server, tmp_path):
    with browser_page(height=1400) as page:
        page.goto(f"{server}/?from=2024-01&to=2024-03")
        wait_idle(page)
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.scroll_into_view_if_needed()
        grid.hover()
        toolbar = page.locator("[data-testid='stElementContainer']", has=grid).locator(
            "[data-testid='stElementToolbar']")
        toolbar.wait_for(state="visible", timeout=10_000)
        labels = [b.get_attribute("aria-label") or "" for b in
                  toolbar.locator("button").all()]
        assert labels and any("Search" in a or "Fullscreen" in a for a in labels), labels
        assert not [a for a in labels if "ownload" in a], labels  # no "Download as CSV"

        button = page.get_by_role("button", name="Tải Excel (.xlsx)").first
        button.scroll_into_view_if_needed()
        with page.expect_download() as info:
            button.click()
        download = info.value
        assert download.suggested_filename == "ca-nuoc_63_theo-tinh-bo_2024-01_2024-03.xlsx"
        path = tmp_path / download.suggested_filename
        download.save_as(path)
    ws = load_workbook(io.BytesIO(path.read_bytes())).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'" + HOSTILE in [c.value for c in cells]
