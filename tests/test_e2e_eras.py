"""Both eras in a real browser: a drill through the units of today (nation → the new Bắc
Ninh → one of its communes → a procedure) and old bookmarks, which open what they showed."""
import pytest

from tests import fixture_eras
from tests.browser import browser_page, metric_value, served, wait_idle
from tests.test_e2e_drill import click_first_row, step


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "eras", fixture_eras.build) as base:
        yield base


def test_drill_through_the_units_of_today(server):
    with browser_page(height=1400) as page:
        page.goto(f"{server}/?from=2026-07&to=2026-07")
        wait_idle(page)
        assert "units=34" in page.url  # the URL names the units it shows
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "340"

        click_first_row(page)  # no 2026 target: ranked by value, the lowest first
        step(page, "province=24", "Bắc Ninh")
        assert "units=34" in page.url and "from=2026-07" in page.url
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "310"
        # its change on 07/2025 compares the new unit with itself (260 → 310)
        body = page.locator("[data-testid='stMain']").inner_text()
        assert "hợp nhất từ: Bắc Giang (trước 01/07/2025), Bắc Ninh (trước 01/07/2025)" in body

        click_first_row(page)  # the commune, furthest behind
        step(page, "agency=4", "UBND Xã Lâm Thao")
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "60"

        click_first_row(page)  # its procedure
        step(page, "procedure=1.001193", "Đăng ký khai sinh")
        assert "agency=4" in page.url and "province=24" in page.url and "units=34" in page.url
        crumbs = [c.strip() for c in page.locator("[data-testid='stPageLink']").all_inner_texts()]
        assert [c for c in crumbs if c in ("Toàn quốc", "Bắc Ninh", "UBND Xã Lâm Thao")] == [
            "Toàn quốc", "Bắc Ninh", "UBND Xã Lâm Thao"]


def test_an_old_bookmark_opens_what_it_showed(server):
    with browser_page() as page:
        page.goto(f"{server}/province?province=45&from=2025-06&to=2025-06")
        wait_idle(page)
        assert page.locator("h1").first.inner_text().strip() == "Quảng Trị (trước 01/07/2025)"
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "20"
        assert "units=63" in page.url

        # without its period, the code that no longer exists opens the unit it became
        page.goto(f"{server}/province?province=45")
        wait_idle(page)
        assert page.locator("h1").first.inner_text().strip() == "Quảng Trị"
        body = page.locator("[data-testid='stMain']").inner_text()
        assert "Mã 45 là Quảng Trị trước 01/07/2025" in body and "(mã 44)" in body
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "30"


def test_history_in_the_units_of_today(server):
    with browser_page() as page:
        page.goto(f"{server}/province?province=24&units=34&from=2024-07&to=2024-07&lang=en")
        wait_idle(page)
        assert page.locator("h1").first.inner_text().strip() == "Bắc Ninh"
        assert metric_value(page, "Newly received dossiers") == "220"  # 120 + 100
        page.goto(f"{server}/province?province=24&units=63&from=2024-07&to=2024-07&lang=en")
        wait_idle(page)
        assert page.locator("h1").first.inner_text().strip() == "Bắc Giang (before 01/07/2025)"
        assert metric_value(page, "Newly received dossiers") == "120"
