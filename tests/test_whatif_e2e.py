"""Moving the what-if's sliders in real Chromium: the figures follow, each slider shows its
value the Vietnamese way, the URL keeps the scenario, a reload reproduces it. (Speed is
measured by benchmarks/what_if.py, not here.)"""
import time

import pytest

from tests import fixture_data
from tests.browser import browser_page, metric_value, served, wait_idle

MOVED = "Hồ sơ chuyển sang trực tuyến"
ONLINE = "Tỷ lệ trực tuyến của các thủ tục được giảm phí, 12/2025"
CUT = "Mức giảm phí khi nộp trực tuyến"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "whatif", fixture_data.build) as base:
        yield base


def slider_box(page, label: str):
    return page.locator("[data-testid='stSlider']", has=page.get_by_text(label, exact=True))


def slider(page, label: str):
    return slider_box(page, label).locator("input[type='range']").first  # react-aria's input


def shown(page, label: str) -> str:
    """The value a slider shows on its thumb."""
    return slider_box(page, label).locator("[data-testid='stSliderThumbValue']").first \
        .inner_text().strip()


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
        page.goto(f"{server}/what_if?scope=01&visit=250000")
        wait_idle(page)
        assert metric_value(page, ONLINE) == "46,0%"
        assert metric_value(page, MOVED) == "62"
        # every slider shows its own value the Vietnamese way
        assert shown(page, "Mức phản ứng của người dân (hệ số)") == "0,50"
        assert shown(page, "Độ bất định (±)") == "± 0,50"
        assert shown(page, "Chi phí một lượt đến cơ quan (đồng)") == "250.000 đồng"
        assert shown(page, "Dự báo đến") == "12/2025"
        assert shown(page, "Áp dụng đến") == "không thời hạn"

        move(page, CUT, "End")  # 50% → 100%
        settled(page, "cut=100")
        assert eventually(page, ONLINE, lambda v: v == "52,1%") == "52,1%"
        assert shown(page, CUT) == "100%"
        assert int(eventually(page, MOVED, lambda v: v != "62")) > 62

        move(page, CUT, "Home")  # 0%: the baseline
        settled(page, "cut=0")
        assert eventually(page, ONLINE, lambda v: v == "40,0%") == "40,0%"
        assert eventually(page, MOVED, lambda v: v == "0") == "0"

        for cut in (5, 10, 15, 20):  # one step at a time: each run redraws the slider
            move(page, CUT, "ArrowRight")
            settled(page, f"cut={cut}")
        for resp in ("0.51", "0.52", "0.53"):  # one step at a time, as above
            move(page, "Mức phản ứng của người dân (hệ số)", "ArrowRight")
            settled(page, f"resp={resp}")
        assert shown(page, "Mức phản ứng của người dân (hệ số)") == "0,53"
        move(page, "Dự báo đến", "Home")  # to 09/2024: 6 months
        settled(page, "months=6")
        later = "Tỷ lệ trực tuyến của các thủ tục được giảm phí, 09/2024"
        page.wait_for_selector(f"[data-testid='stMetricLabel']:has-text('{later}')")
        assert eventually(page, later, lambda v: v != "40,0%") != "40,0%"

        link = page.url
        page.goto(link)  # a link reproduces the scenario
        wait_idle(page)
        assert "cut=20" in page.url and "months=6" in page.url and "resp=0.53" in page.url
        assert shown(page, CUT) == "20%"
        assert shown(page, "Dự báo đến") == "09/2024"
