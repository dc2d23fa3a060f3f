"""The what-if page on the hand-made fixture (AppTest): figures worked out by hand, the URL
as the page's memory, saved scenarios and their Excel export; and on a sample reaching past
01/07/2025: the units of today, no target carried into years that have none.

The fixture has no fee policy, so the response is the stated assumption (0,50 ± 0,50). Its rows
(01–03/2024) are of the 63 provinces, summed into the units they became (Hà Nội 63:01 → 34:01,
scope=01 in the URL). Hà Nội has two cells in the 12 months to 03/2024: birth registration
(no fee; 300 new in 3 months, 210 online, 120 full-process) and a land procedure (50.000 đồng
in person and online; 140 new in 3 months, 40 online, none full-process). Baseline (level): 100 + 46,67 new a month,
online (70 + 13,33) / 146,67 = 56,8%, full-process 40 / 146,67 = 27,3%. A 50% cut is worth
half the fee: shift 0,5 × 0,5 = 0,25 on the reachable share 0,2857 / 0,98, so the land
procedure goes 28,57% → 33,88%, the scope 58,5%; 2,478 dossiers a month move online (45 in 18
months); revenue given up = 15,81 online dossiers × 25.000 đồng = 395.275 đồng a month,
4,7 triệu a year; savings add 2,478 × 245.000 đồng a month: 12 triệu a year.
"""
import json
from io import BytesIO

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from data_access import reference, sample
from data_access.db import Database
from domain.periods import Month
from tests.conftest import point_app_at
from tests.test_app import run as run_page

PAGE = "pages/what_if.py"


def run(**params) -> AppTest:
    return run_page(PAGE, **params)


def tiles(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def summary(at: AppTest) -> str:
    return at.info[0].value


def test_hanoi_by_hand(app_db):
    at = run(scope="01")
    assert not at.exception and not at.error
    t = tiles(at)
    assert t["Tỷ lệ hồ sơ trực tuyến, 09/2025"] == ("58,5%", "+1,7 điểm %")
    assert t["Tỷ lệ toàn trình (EMC), 09/2025"] == ("27,3%", "+0,0 điểm %")
    assert t["Hồ sơ chuyển sang trực tuyến"][0] == "45"
    assert t["Ngân sách giảm thu mỗi năm"][0] == "4,7 triệu đồng"
    assert t["Người dân tiết kiệm mỗi năm"][0] == "12 triệu đồng"
    text = summary(at)
    assert text.startswith("Giảm 50% lệ phí nộp trực tuyến cho 1 thủ tục tại Hà Nội từ 04/2024: "
                           "sau 18 tháng (09/2025), tỷ lệ hồ sơ trực tuyến đạt 58,5% "
                           "(khoảng 56,8% – 60,3%) thay vì 56,8%")
    # each projected year's own target (2024: 30%, 2025: 70%)
    assert "Tỷ lệ toàn trình chưa đạt chỉ tiêu 30% (năm 2024), 70% (năm 2025) trong kỳ dự báo" \
        in text
    # no policy in the fixture: the response is a stated assumption
    assert any("mặc định 0,50 ± 0,50 là giả định" in c.value for c in at.caption)
    assert any("chưa ước lượng được" in i.value for i in at.info)
    # the URL holds every setting
    q = at.query_params
    assert {k: q[k] for k in ("scope", "cut", "start", "months", "resp", "ceil", "base")} == {
        "scope": "01", "cut": "50", "start": "2024-04", "months": "18", "resp": "0.5",
        "ceil": "98", "base": "level"}


def test_zero_cut_is_the_baseline(app_db):
    at = run(scope="01", cut="0")
    t = tiles(at)
    assert t["Tỷ lệ hồ sơ trực tuyến, 09/2025"] == ("56,8%", "+0,0 điểm %")
    assert t["Hồ sơ chuyển sang trực tuyến"][0] == "0"
    assert t["Ngân sách giảm thu mỗi năm"][0] == "0 đồng"
    assert "trùng với khi không có chính sách" in summary(at)


def test_moving_the_slider_updates_figures_and_url(app_db):
    at = run(scope="01")
    at.slider(key="wi_cut").set_value(100).run()
    assert at.query_params["cut"] == "100"
    assert tiles(at)["Tỷ lệ hồ sơ trực tuyến, 09/2025"][0] == "60,3%"
    at.slider(key="wi_months").set_value(6).run()
    assert at.query_params["months"] == "6"
    assert "Tỷ lệ hồ sơ trực tuyến, 09/2024" in tiles(at)


def test_a_ministry_keeps_up_with_its_targets_only_with_the_cut(app_db):
    # Criminal records (Ministry of Justice): 90% online, 8/9 of it full-process = 80%: above
    # the ministries' 2024 target (70%), below 2025's (85%). Free online with a response of
    # 1,5 from 06/2024: 90% → 96,1% online, 85,4% full-process, which meets 2025's too.
    at = run(scope="B-TP", cut="100", resp="1.5", start="2024-06")
    text = summary(at)
    assert "Nhờ chính sách, tỷ lệ toàn trình đạt chỉ tiêu 70% (năm 2024), 85% (năm 2025) từ " \
           "04/2024 đến hết kỳ dự báo; không có chính sách thì không." in text
    assert tiles(at)["Tỷ lệ toàn trình (EMC), 09/2025"] == ("85,4%", "+5,4 điểm %")
    assert any(c.value == "Chỉ tiêu 2025: 85% · đạt từ: 04/2024" for c in at.caption)


def test_nation_lists_every_unit(app_db):
    at = run()
    assert "trên cả nước" in summary(at)
    assert "số tỉnh, bộ đạt chỉ tiêu toàn trình năm 2025: 1/3 (không có chính sách: 1/3)" \
        in summary(at)
    names = [df.value for df in at.dataframe if "Tỉnh, bộ" in df.value.columns]
    assert names and list(names[0]["Tỉnh, bộ"]) == ["Hà Nội", "TP. Hồ Chí Minh", "Bộ Tư pháp"]


def test_english(app_db):
    at = run(scope="01", lang="en")
    t = tiles(at)
    assert t["Online dossier rate, 09/2025"] == ("58.5%", "+1.7 pp")
    assert t["Fee revenue given up a year"][0] == "4.7 million VND"
    assert summary(at).startswith("A 50% cut to the online fee in Ha Noi from 04/2024 "
                                  "(procedures covered: 1)")


def test_bad_parameters_fall_back(app_db):
    at = run(scope="99", cut="abc", months="500")
    assert not at.exception
    bad = " ".join(i.value for i in at.info)
    assert "scope=99" in bad and "cut=abc" in bad and "months=500" in bad
    assert at.query_params["cut"] == "50" and "scope" not in at.query_params


SAVED = [{"n": "Nửa phí", "scope": "01", "cut": "50", "start": "2024-04", "months": "18",
          "resp": "0.5", "unc": "0.5", "ceil": "98", "visit": "245000", "base": "level"},
         {"n": "Miễn phí", "scope": "01", "cut": "100", "start": "2024-04", "months": "18",
          "resp": "0.5", "unc": "0.5", "ceil": "98", "visit": "245000", "base": "level"}]


def test_saved_scenarios_compare_side_by_side(app_db):
    at = run(scope="01", sc=json.dumps(SAVED, ensure_ascii=False))
    table = next(df.value for df in at.dataframe if "Nửa phí" in df.value.columns)
    assert list(table.columns) == ["Nửa phí", "Miễn phí"]
    assert table.loc["Tỷ lệ trực tuyến cuối kỳ (không → có chính sách)", "Miễn phí"] == \
        "56,8% → 60,3%"
    assert table.loc["Hồ sơ chuyển sang trực tuyến", "Nửa phí"] == "45"
    # save the current one under a name: it joins the URL
    at.text_input(key="wi_sc_name").input("Thử").run()
    at.button(key="wi_sc_save").click().run()
    saved = json.loads(at.query_params["sc"])
    assert [s["n"] for s in saved] == ["Nửa phí", "Miễn phí", "Thử"]
    # delete the first
    at.button(key="wi_sc_del_0").click().run()
    assert [s["n"] for s in json.loads(at.query_params["sc"])] == ["Miễn phí", "Thử"]


def test_open_a_saved_scenario(app_db):
    at = run(scope="01", sc=json.dumps(SAVED, ensure_ascii=False))
    at.button(key="wi_sc_open_1").click().run()
    assert at.slider(key="wi_cut").value == 100
    assert at.query_params["cut"] == "100"


def test_export_workbook(app_db):
    from components import whatif_scenarios, whatif_state as ws
    from components.context import PageContext
    from components.whatif_view import Outcome
    from data_access.db import Database
    from data_access import whatif_data
    from data_access.reference import crosswalk
    from data_access.xlsx import table_workbook
    from domain import whatif
    from domain.periods import Month, MonthRange

    db = Database(f"duckdb:///{app_db}")
    panel = whatif_data.panel(db)
    first = Month(2024, 4)
    procs = db.query(__import__("sqlalchemy").text("select * from procedures"))
    fees = whatif.online_fees(["34:01"], procs, whatif_data.policies(db), whatif_data.coverage(db),
                              first, crosswalk(), whatif.member_shares(panel, crosswalk()))
    today = whatif.in_units(panel, crosswalk(), "34")
    cells = whatif.build_cells(today[today["unit"] == "34:01"], Month(2024, 3),
                               {"34:01": "province"}, fees)
    fee_procs = procs[procs["code"].isin(["1.004227", "2.000488"])]
    ctx = PageContext("vi", MonthRange(Month(2024, 1), Month(2024, 3)),
                      {"sample": False, "loads": []}, PAGE)
    specs = [ws.Spec(scope="01", start=first, cut=50, name="Nửa phí"),
             ws.Spec(scope="01", start=first, cut=100, name="Miễn phí")]
    outs = [Outcome(cells, ws.to_params(s, fee_procs, first), first,
                    {"34:01": {2024: 0.3, 2025: 0.7}}, "34:01") for s in specs]
    table, formats = whatif_scenarios._export_table(ctx, specs, outs, {"01": "Hà Nội"})
    data = table_workbook(table, title="So sánh", context_lines=[], source="fixture",
                          formats=formats)
    ws_ = load_workbook(BytesIO(data)).active
    rows = list(ws_.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "Tên kịch bản")
    first_row = dict(zip(header, rows[rows.index(header) + 1]))
    assert first_row["Tên kịch bản"] == "Nửa phí"
    assert first_row["Nơi áp dụng"] == "Hà Nội"
    assert first_row["Mức giảm phí khi nộp trực tuyến"] == 0.5
    assert first_row["Hồ sơ chuyển sang trực tuyến"] == pytest.approx(44.6, abs=0.1)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chart_spec_validates(lang):
    """The chart's template validates as Vega-Lite (the app skips validation at run time),
    and so does the spec once the month-by-month values are added."""
    import altair as alt

    from components.whatif_view import (
        DATA_NAME, TARGET_NAME, _scenario_chart, _with_domain, y_domain,
    )

    series = ("Số liệu 12 tháng qua", "Không có chính sách", "Có chính sách")
    values = [{"month": "2025-07-01", "series": series[2], "value": 0.5, "lo": 0.4,
               "hi": 0.6, "month_text": "07/2025", "value_text": "50%", "range_text": "–"}]
    targets = [{"month": "2025-07-01", "year": 2025, "target": 0.7, "label": "Chỉ tiêu 2025: 70%"},
               {"month": "2025-08-01", "year": 2025, "target": 0.7, "label": ""}]
    for with_target in (False, True):
        spec = _scenario_chart("Tỷ lệ", with_target, series, lang, 300).to_dict()
        domain = y_domain([0.4, 0.5, 0.6] + ([0.7] if with_target else []))
        datasets = {DATA_NAME: values} | ({TARGET_NAME: targets} if with_target else {})
        full = {**spec, "layer": [_with_domain(x, domain) for x in spec["layer"]],
                "datasets": {**spec.get("datasets", {}), **datasets}}
        alt.LayerChart.from_dict(full, validate=True)
        assert domain == ([0.38, 0.72] if with_target else [0.38, 0.62])


def test_language_switch_keeps_the_scenario(app_db):
    at = run(scope="01")
    at.slider(key="wi_cut").set_value(100).run()
    at.button(key="switch_lang").click().run()
    assert at.query_params["lang"] == "en" and at.query_params["cut"] == "100"
    assert tiles(at)["Online dossier rate, 09/2025"][0] == "60.3%"


# --- in the present: a sample reaching 01/2026 ------------------------------------------------
@pytest.fixture(scope="module")
def present_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("present") / "sample.duckdb"
    db = Database(f"duckdb:///{path}")
    sample.generate(db, "demo", until=Month(2026, 1), progress=False)
    db.dispose()
    return path


@pytest.fixture
def present_db(present_path, monkeypatch):
    yield from point_app_at(present_path, monkeypatch)


def test_the_present_in_the_units_of_today(present_db):
    at = run()
    assert not at.exception and not at.error
    assert any("dự báo từ 02/2026, theo 34 tỉnh, thành phố hiện nay" in c.value
               for c in at.caption)
    options = at.selectbox(key="wi_scope").options
    assert set(reference.provinces_34()["name_vi"]) <= set(options)
    assert not any("trước 01/07/2025" in o for o in options)  # no unit of the 63 offered
    assert "Bộ Công an" in options
    assert len(options) == 1 + 34 + 16  # the nation, the 34, the ministries that report
    # no full-process target is published for 2026 or 2027: said, not carried over from 2025
    assert "Chưa có chỉ tiêu tỷ lệ toàn trình nào được công bố cho năm 2026–2027" in summary(at)
    units = next(df.value for df in at.dataframe if "Tỉnh, bộ" in df.value.columns)
    assert not any(c.startswith("Chỉ tiêu") or c.startswith("Đạt từ") for c in units.columns)
    assert "Quảng Trị" in set(units["Tỉnh, bộ"]) and len(units) == 34 + 16
    # the estimate rests on the dated policies; an old city's policy is named as such
    assert any("dựa trên 5 chính sách giảm phí" in c.value for c in at.caption)
    policies = at.table[0].value
    assert "TP. Hồ Chí Minh (trước 01/07/2025)" in set(policies["Phạm vi"])


def test_a_code_of_the_63_opens_the_unit_it_became(present_db):
    at = run(scope="45")
    assert not at.exception
    assert any(i.value.startswith("Mã 45 là Quảng Trị trước 01/07/2025") for i in at.info)
    assert at.query_params["scope"] == "44"
    assert "tại Quảng Trị từ 02/2026" in at.info[1].value  # the summary, after the note
    assert any(c.value == "Chưa có chỉ tiêu cho năm 2027" for c in at.caption)
