"""The overview in a real browser: deep link opened cold, headline figure, language switch and
navigation that keep the period in the URL, and a reload that reproduces the view."""
import pytest

from tests import fixture_data
from tests.browser import browser_page, metric_value, served, wait_idle


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "e2e", lambda db: fixture_data.build(db, sample=True)) as base:
        yield base


def test_overview_deep_link_language_and_navigation(server):
    with browser_page() as page:
        page.goto(f"{server}/?from=2024-01&to=2024-03")
        wait_idle(page)
        assert metric_value(page, "Hồ sơ tiếp nhận mới") == "1.550"
        assert metric_value(page, "Tỷ lệ hồ sơ trực tuyến") == "80,3%"
        assert page.get_by_text("SỐ LIỆU MẪU").count() > 0

        page.get_by_role("button", name="English").click()
        page.wait_for_url("**lang=en**")
        wait_idle(page)
        assert "from=2024-01" in page.url and "to=2024-03" in page.url
        assert metric_value(page, "Newly received dossiers") == "1,550"

        page.get_by_role("link", name="Methodology and sources").click()
        page.wait_for_url("**/methodology**")
        wait_idle(page)
        assert "lang=en" in page.url and "from=2024-01" in page.url
        assert page.get_by_text("Full-process online rate (766 portal)").count() > 0

        page.reload()
        wait_idle(page)
        assert page.get_by_role("heading", name="Methodology and sources").count() == 1
