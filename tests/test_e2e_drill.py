"""Clicking down the hierarchy in a real browser: overview → province → agency → procedure,
checking the URL and a headline figure at each step; reload and back reproduce the views."""
import pytest

from tests import fixture_data
from tests.browser import browser_page, metric_value, served, wait_idle


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "drill", fixture_data.build) as base:
        yield base


def click_first_row(page) -> None:
    """Select the first row of the ranking table (the grid is drawn on a canvas)."""
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 20, box["y"] + 35 + 17)


def step(page, url_part: str, title: str) -> None:
    page.wait_for_url(f"**{url_part}**", timeout=30_000)
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == title


def test_click_down_the_hierarchy(server):
    with browser_page(height=1400) as page:
        page.goto(f"{server}/?from=2024-01&to=2024-03")
        wait_idle(page)
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "1.550"

        click_first_row(page)  # Hà Nội: furthest behind its target
        step(page, "province=01", "Hà Nội (trước 01/07/2025)")
        assert "from=2024-01" in page.url and "to=2024-03" in page.url
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "440"

        click_first_row(page)  # UBND Quận Ba Đình
        step(page, "agency=2", "UBND Quận Ba Đình")
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "140"

        click_first_row(page)  # its only procedure
        step(page, "procedure=1.004227", "Đăng ký biến động đất đai")
        assert "province=01" in page.url and "agency=2" in page.url
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "140"
        crumbs = page.locator("[data-testid='stPageLink']").all_inner_texts()
        assert [c.strip() for c in crumbs if c.strip() in (
            "Toàn quốc", "Hà Nội (trước 01/07/2025)", "UBND Quận Ba Đình")] == [
            "Toàn quốc", "Hà Nội (trước 01/07/2025)", "UBND Quận Ba Đình"]

        deep_link = page.url
        page.reload()
        wait_idle(page)
        assert page.url == deep_link
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "140"

        page.go_back()
        step(page, "agency=2", "UBND Quận Ba Đình")


def test_deep_link_opened_cold(server):
    with browser_page() as page:
        page.goto(f"{server}/agency?agency=3&from=2024-01&to=2024-03&lang=en")
        wait_idle(page)
        assert page.locator("h1").first.inner_text().strip() == "Department of Justice"
        assert metric_value(page, "Newly received dossiers") == "110"
