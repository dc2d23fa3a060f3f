"""Every page runs without an exception (AppTest), and the overview shows the figures of the
hand-made fixture, formatted for the chosen language."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import run

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_runs(app_db, page, lang):
    at = run(page, lang=lang, **{"from": "2024-01", "to": "2024-03"})
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def test_overview_figures_in_vietnamese(app_db):
    at = run("app.py", **{"from": "2024-01", "to": "2024-03"})
    values = {m.label: m.value for m in at.metric}
    assert values["Hồ sơ tiếp nhận mới"] == "1.550"
    assert values["Tỷ lệ hồ sơ trực tuyến"] == "80,3%"
    assert values["Tỷ lệ giải quyết đúng hạn"] == "97,4%"
    assert values["Hồ sơ đang giải quyết quá hạn"] == "6"
    online = next(m for m in at.metric if m.label == "Tỷ lệ hồ sơ trực tuyến")
    assert online.delta.startswith("+30,3 điểm %")  # 80,3% against 50,0% a year earlier
    # The localities block against its 2024 target (30%) and the ministries against 70%.
    assert "Chỉ tiêu 2024: 30%" in markdown_text(at)


def test_overview_in_english(app_db):
    at = run("app.py", lang="en", **{"from": "2024-01", "to": "2024-03"})
    values = {m.label: m.value for m in at.metric}
    assert values["Newly received dossiers"] == "1,550"
    assert values["Online dossier rate"] == "80.3%"


def test_sample_banner_only_for_sample_data(app_db):
    at = run("app.py", **{"from": "2024-01", "to": "2024-03"})
    assert not any("SỐ LIỆU MẪU" in w.value for w in at.warning)  # the fixture is an import


def test_bad_period_falls_back_with_a_message(app_db):
    at = run("app.py", **{"from": "2024-13", "to": "banana"})
    assert not at.exception
    assert any("không hợp lệ" in i.value for i in at.info)
    # The default period (year to date at the last month with data) is shown instead.
    assert at.query_params["from"] == ["2024-01"] or at.query_params["from"] == "2024-01"


def headline(at: AppTest) -> dict[str, str]:
    """The first tile of each label (the headline row comes before the payment tiles)."""
    out = {}
    for m in at.metric:
        out.setdefault(m.label, m.value)
    return out


Q1 = {"from": "2024-01", "to": "2024-03"}


def test_province_level(app_db):
    at = run("pages/province.py", province="01", **Q1)
    assert not at.exception
    assert at.title[0].value == "Hà Nội (trước 01/07/2025)"  # a 2024 period: the 63
    values = headline(at)
    assert values["Hồ sơ tiếp nhận mới"] == "440"
    assert values["Tỷ lệ hồ sơ trực tuyến toàn trình (EMC)"] == "27,3%"  # 120 / 440
    # Its agencies ranked by gap to the 2024 localities target (30%): the district first.
    table = at.dataframe[0].value
    assert list(table.iloc[:, 1]) == ["UBND Quận Ba Đình", "Sở Tư pháp"]


def test_ministry_is_a_locality_too(app_db):
    at = run("pages/province.py", province="B-TP", **Q1)
    values = headline(at)
    assert values["Hồ sơ tiếp nhận mới"] == "1.000"
    assert values["Tỷ lệ hồ sơ trực tuyến toàn trình (EMC)"] == "80,0%"
    assert "Chỉ tiêu 2024: 70%" in markdown_text(at)  # the ministries' target applies


def test_agency_level(app_db):
    at = run("pages/agency.py", agency="3", **Q1)
    values = headline(at)
    assert values["Hồ sơ tiếp nhận mới"] == "110"
    assert values["Hồ sơ đang giải quyết quá hạn"] == "1"  # the stock at the end of March
    # TP HCM's own 2024 target (40%) overrides the localities' 30%.
    assert "Chỉ tiêu 2024: 40%" in markdown_text(at)


def test_procedure_level_nationwide_and_in_a_province(app_db):
    at = run("pages/procedure.py", procedure="1.001193", **Q1)
    assert headline(at)["Hồ sơ tiếp nhận mới"] == "410"
    at = run("pages/procedure.py", procedure="1.001193", province="79", **Q1)
    assert headline(at)["Hồ sơ tiếp nhận mới"] == "110"


@pytest.mark.parametrize("page,params", [
    ("pages/province.py", {"province": "99"}),
    ("pages/agency.py", {"agency": "abc"}),
    ("pages/procedure.py", {"procedure": "9.999999"}),
])
def test_unknown_scope_gets_a_message_and_a_choice(app_db, page, params):
    at = run(page, **params, **Q1)
    assert not at.exception
    assert any("Không tìm thấy" in i.value for i in at.info)
    assert len(at.selectbox) >= 3  # the picker, beside the period picker's two


def test_unknown_metric_falls_back(app_db):
    at = run("pages/province.py", province="01", metric="nonsense", **Q1)
    assert not at.exception
    assert any("metric=nonsense" in i.value for i in at.info)
