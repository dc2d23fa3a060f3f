"""Moving the what-if's sliders in real Chromium: the figures follow, the URL keeps the
scenario, a reload reproduces it. (Speed is measured by benchmarks/what_if.py, not here.)"""
import time

import pytest

from tests import fixture_data
from tests.browser import browser_page, metric_value, served, wait_idle

MOVED = "Hồ sơ chuyển sang trực tuyến"
ONLINE = "Tỷ lệ hồ sơ trực tuyến, 09/2025"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "whatif", fixture_data.build) as base:
        yield base


def slider(page, label: str):
    box = page.locator("[data-testid='stSlider']", has=page.get_by_text(label, exact=True))
    return box.locator("input[type='range']").first  # react-aria's slider input


def move(page, label: str, key: str, times: int = 1) -> None:
    """Press a key on a slider and wait until the page has re-run."""
    thumb = slider(page, label)
    thumb.focus()
    for _ in range(times):
        thumb.press(key)
    page.wait_for_timeout(150)  # Streamlit sends the value once the keys stop
    wait_idle(page)


def settled(page, url_part: str) -> None:
    """The URL has the new value (written early in the run) and the run has finished."""
    page.wait_for_url(f"**{url_part}**", timeout=30_000)
    wait_idle(page)


def eventually(page, label: str, check, timeout_s: float = 30) -> str:
    """A tile's value once `check` accepts it (a run may still be drawing)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = metric_value(page, label)
        if check(value) or time.monotonic() > deadline:
            return value
        page.wait_for_timeout(200)


def test_sliders_drive_the_scenario(server):
    with browser_page(height=1400) as page:
        page.goto(f"{server}/what_if?scope=01")
        wait_idle(page)
        assert metric_value(page, ONLINE) == "58,5%"
        assert metric_value(page, MOVED) == "45"

        move(page, "Mức giảm phí khi nộp trực tuyến", "End")  # 50% → 100%
        settled(page, "cut=100")
        assert eventually(page, ONLINE, lambda v: v == "60,3%") == "60,3%"
        assert int(eventually(page, MOVED, lambda v: v != "45")) > 45

        move(page, "Mức giảm phí khi nộp trực tuyến", "Home")  # 0%: the baseline
        settled(page, "cut=0")
        assert eventually(page, ONLINE, lambda v: v == "56,8%") == "56,8%"
        assert eventually(page, MOVED, lambda v: v == "0") == "0"

        for cut in (5, 10, 15, 20):  # one step at a time: each run redraws the slider
            move(page, "Mức giảm phí khi nộp trực tuyến", "ArrowRight")
            settled(page, f"cut={cut}")
        move(page, "Số tháng dự báo", "Home")  # 18 → 6 months
        settled(page, "months=6")
        later = "Tỷ lệ hồ sơ trực tuyến, 09/2024"
        page.wait_for_selector(f"[data-testid='stMetricLabel']:has-text('{later}')")
        assert eventually(page, later, lambda v: v != "56,8%") != "56,8%"

        link = page.url
        page.goto(link)  # a link reproduces the scenario
        wait_idle(page)
        assert "cut=20" in page.url and "months=6" in page.url
        assert slider(page, "Mức giảm phí khi nộp trực tuyến").input_value() == "20"
