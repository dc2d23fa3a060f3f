"""In a real browser, on the hand-made database (tests/test_index766_fixture.py): a leader goes
from "we are 23rd" to the commune and procedure that cost the points in three clicks — the
unit's row in the ranking, the group, the commune × procedure — and from a group to an agency's
own page; back returns to the scoreboard's unit view."""
import pytest

from tests.browser import browser_page, served, wait_idle
from tests.test_index766_fixture import build

ROW_PX = 35


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "index766", build) as base:
        yield base


def click_row(page, index: int) -> None:
    """Select a row of the first table (the grid is drawn on a canvas)."""
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 20, box["y"] + ROW_PX + ROW_PX * index + ROW_PX // 2)


def arrive(page, url_part: str) -> None:
    page.wait_for_url(f"**{url_part}**", timeout=30_000)
    wait_idle(page)


def test_from_23rd_to_the_commune_and_procedure_in_three_clicks(server):
    with browser_page(width=1600, height=1800) as page:
        page.goto(f"{server}/index766")
        wait_idle(page)
        page.get_by_text("Điểm công bố Tuần 43/2026", exact=False).wait_for(timeout=30_000)

        click_row(page, 22)  # 1: "we are 23rd" — Bắc Ninh's row
        arrive(page, "province=24")
        assert page.locator("h2").first.inner_text().strip() == "Bắc Ninh"
        page.locator("[data-testid='stMetricValue']", has_text="23/34").wait_for(timeout=30_000)

        page.get_by_text("Số hóa hồ sơ (−4,00)").click()  # 2: the group
        arrive(page, "group=digitisation")
        # the pair, listed first among the pairs and again under the commune
        page.get_by_text("mất 2,29 điểm · 50 hồ sơ chưa trả kết quả điện tử",
                         exact=False).nth(1).wait_for(timeout=30_000)

        page.get_by_role("link", name="UBND Xã Lục Ngạn · Đăng ký khai sinh").click()  # 3
        arrive(page, "procedure=1.001193")
        assert "agency=2" in page.url and "province=24" in page.url
        assert "from=2026-10" in page.url and "to=2026-10" in page.url
        assert page.locator("h1").first.inner_text().strip() == "Đăng ký khai sinh"


def test_from_a_group_to_an_agency_and_back(server):
    with browser_page(width=1600, height=1400) as page:
        page.goto(f"{server}/index766?province=24&group=progress&from=2026-10&to=2026-10")
        wait_idle(page)
        page.get_by_role("link", name="UBND Xã Lục Ngạn", exact=True).click()
        arrive(page, "agency=2")
        assert page.locator("h1").first.inner_text().strip() == "UBND Xã Lục Ngạn"
        assert "metric=on_time_rate_766" in page.url
        page.go_back()
        arrive(page, "group=progress")
        assert page.locator("h2").first.inner_text().strip() == "Bắc Ninh"
