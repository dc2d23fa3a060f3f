"""The big-screen mode in AppTest on the hand-made fixture (tests/fixture_data.py, Q1 2024):
the slides' figures equal the overview's and the province page's, the verdict against each
target, the ranking, the URL's bad values reported as plain text, the next / previous / pause
buttons, no sidebar, the sidebar's link into the mode, and data names drawn as text only."""
from urllib.parse import parse_qs, urlparse

import altair as alt
import pandas as pd
import pytest

from components.present import chart
from tests.conftest import point_app_at
from tests.test_app import PAGES, run

Q1 = {"from": "2024-01", "to": "2024-03"}
HN, HCM = "Hà Nội (trước 01/07/2025)", "TP. Hồ Chí Minh (trước 01/07/2025)"  # of the 63


def texts(at) -> list[str]:
    return [t.value for t in at.text]


def title(at) -> str:
    """The slide's title: the line above its metric and period (notes may come first)."""
    shown = texts(at)
    return next(shown[i - 1] for i, t in enumerate(shown)
                if "Kỳ báo cáo:" in t or "Reporting period:" in t)


def show(page: str = "app.py", **params):
    return run(page, present="1", **Q1, **params)


def headline(page) -> dict[str, str]:
    """A level page's headline tiles (they start with the new dossiers; the overview's block
    tiles come before them)."""
    labels = [m.label for m in page.metric]
    start = labels.index("Hồ sơ tiếp nhận mới")
    return {m.label: m.value for m in page.metric[start:start + 6]}


def elements(node, kind: str):
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", None) == kind:
            yield child
        yield from elements(child, kind)


def test_nation_slide_has_the_overviews_figures_and_verdicts(app_db):
    page = run("app.py", **Q1)
    at = show()
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    shown = texts(at)
    assert title(at) == "Toàn quốc · Chỉ số chính"
    assert "Số liệu đến hết ngày 31/03/2024 · 03/2024: 4/4 đơn vị đã báo cáo · " \
           "63 tỉnh, thành phố (trước 01/07/2025)" in shown
    # the four headline figures, as the overview's tiles show them
    tiles = headline(page)
    for label in ("Tỷ lệ hồ sơ trực tuyến toàn trình (EMC)", "Hồ sơ tiếp nhận mới",
                  "Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ giải quyết đúng hạn"):
        assert shown[shown.index(label) + 1] == tiles[label], label
    assert tiles["Hồ sơ tiếp nhận mới"] == "1.550"
    # the nation against its own 2024 target, then each block against its own
    assert "Toàn quốc: 64,8% · Chỉ tiêu 2024: 50% · Đạt chỉ tiêu" in shown
    assert "Khối địa phương: 37,3% · Chỉ tiêu 2024: 30% · Đạt chỉ tiêu" in shown
    assert "Khối bộ, ngành: 80,0% · Chỉ tiêu 2024: 70% · Đạt chỉ tiêu" in shown
    # TP HCM (85 of 110 new dossiers in full = 77,3%) meets its own 40%; Hà Nội 120/440 = 27,3% is
    # under the localities' 30%: one of three units behind
    assert "1/3 đơn vị chưa đạt chỉ tiêu năm 2024" in shown
    assert "3 đơn vị cuối bảng so với chỉ tiêu" in shown
    assert not at.sidebar.children  # no sidebar at all
    assert not any("SỐ LIỆU MẪU" in t for t in shown)  # the fixture is an import


@pytest.mark.parametrize("page", PAGES)
def test_every_page_presents(app_db, page):
    """?present=1 on any page: slides, not the page (the nation's, or the page's province)."""
    at = show(page, province="B-TP", agency="1")
    assert not at.exception and not at.error, (page, at.exception)
    assert not at.sidebar.children
    expected = {"pages/province.py": "Bộ Tư pháp · Chỉ số chính",
                "pages/agency.py": f"{HN} · Chỉ số chính"}.get(page, "Toàn quốc · Chỉ số chính")
    wanted = "Toàn quốc · Bản đồ" if page == "pages/map.py" else expected
    assert title(at) == wanted, page


def ranking_data(at) -> pd.DataFrame:
    import pyarrow as pa

    (spec,) = [c.proto for c in elements(at._tree, "vega_lite_chart")]
    (data,) = spec.datasets
    return pa.ipc.open_stream(data.data.data).read_pandas()


def test_ranking_slide_furthest_behind_first(app_db):
    at = show(views="bottom10")
    assert title(at) == "Toàn quốc · 3 đơn vị cuối bảng so với chỉ tiêu"
    bars = ranking_data(at)
    assert bars["label"].tolist() == [HN, "Bộ Tư pháp", HCM]
    assert bars["text"].tolist() == ["27,3% (-2,7)", "80,0% (+10,0)", "77,3% (+37,3)"]
    top = show(views="top10")
    assert title(top) == "Toàn quốc · 3 đơn vị dẫn đầu so với chỉ tiêu"
    assert ranking_data(top)["label"].tolist() == [HCM, "Bộ Tư pháp", HN]


def test_english_slide(app_db):
    at = show(lang="en", views="nation")
    shown = texts(at)
    assert title(at) == "Nationwide · Headline figures"
    assert "Nationwide: 64.8% · Target 2024: 50% · Target met" in shown
    assert "1,550" in shown
    assert any(t.startswith("Data up to 31/03/2024") for t in shown)


def test_province_page_presents_the_province_then_its_agencies(app_db):
    page = run("pages/province.py", province="01", **Q1)
    at = show("pages/province.py", province="01")
    assert not at.exception
    assert title(at) == f"{HN} · Chỉ số chính"
    assert "1/2 · 30 giây/trang" in texts(at)
    tiles = headline(page)
    shown = texts(at)
    assert shown[shown.index("Hồ sơ tiếp nhận mới") + 1] == tiles["Hồ sơ tiếp nhận mới"]
    assert f"{HN}: 27,3% · Chỉ tiêu 2024: 30% · Còn thiếu 2,7 điểm %" in shown
    at.button(key="present_next").click().run()
    assert title(at) == f"{HN} · 2 đơn vị cuối bảng so với chỉ tiêu"
    assert "2/2 · 30 giây/trang" in texts(at)
    assert set(ranking_data(at)["label"]) == {"Sở Tư pháp", "UBND Quận Ba Đình"}


def test_a_ministry_slide(app_db):
    at = show(views="province:b-tp,bottom10:B-TP")
    assert title(at) == "Bộ Tư pháp · Chỉ số chính"
    assert "Bộ Tư pháp: 80,0% · Chỉ tiêu 2024: 70% · Đạt chỉ tiêu" in texts(at)
    assert ranking_data(at)["label"].tolist() == ["Trung tâm Lý lịch tư pháp quốc gia"]


def test_buttons_move_and_pause(app_db):
    at = show(views="nation,map,bottom10", interval="45")
    assert "1/3 · 45 giây/trang" in texts(at)
    at.button(key="present_prev").click().run()
    assert title(at) == "Toàn quốc · 3 đơn vị cuối bảng so với chỉ tiêu"
    assert "3/3 · 45 giây/trang" in texts(at)
    at.button(key="present_next").click().run()
    assert title(at) == "Toàn quốc · Chỉ số chính"
    at.button(key="present_pause").click().run()
    assert "1/3 · Đang dừng" in texts(at)
    assert at.button(key="present_pause").label == "Chạy tiếp"
    at.button(key="present_pause").click().run()
    assert "1/3 · 45 giây/trang" in texts(at)


def test_map_slide_draws_the_maps_deck_larger(app_db):
    import json

    at = show(views="map")
    assert not at.exception
    assert title(at) == "Toàn quốc · Bản đồ"
    (deck,) = [json.loads(e.proto.json) for e in elements(at._tree, "deck_gl_json_chart")]
    page = run("pages/map.py", **Q1)
    (full,) = [json.loads(e.proto.json) for e in elements(page._tree, "deck_gl_json_chart")]
    assert deck["layers"] == full["layers"]  # the map page's own deck
    assert deck["initialViewState"]["zoom"] > full["initialViewState"]["zoom"]
    assert "2/63 đơn vị có báo cáo" in texts(at)


@pytest.mark.parametrize("params, note", [
    ({"interval": "abc"}, "Tham số “interval=abc” không hợp lệ (cần số giây); mỗi trang hiển "
                          "thị 30 giây."),
    ({"interval": "1e400"}, "“interval=1e400” quá dài; mỗi trang hiển thị 600 giây (tối đa)."),
    ({"interval": "1"}, "“interval=1” quá ngắn để đọc; mỗi trang hiển thị 5 giây (tối thiểu)."),
    ({"views": "nation,**x**,map:01"}, "Bỏ qua trong “views”: **x**, map:01. Các mục dùng "
                                       "được: nation, map, bottom10, top10, province:MÃ, "
                                       "bottom10:MÃ, top10:MÃ (tối đa 20 mục)."),
    ({"views": "province:99"}, "Không có địa phương, bộ ngành mã “99” trong 63 tỉnh, thành phố "
                               "(trước 01/07/2025): bỏ qua trang “province:99”."),
    ({"metric": "[x](http://e.example)"}, "Địa chỉ trang có chỉ số không hợp lệ "
                                          "(“metric=[x](http://e.example)”); đang hiển thị Tỷ lệ "
                                          "hồ sơ trực tuyến toàn trình (EMC)."),
])
def test_bad_url_values_are_reported_as_plain_text(app_db, params, note):
    at = show(**params)
    assert not at.exception
    assert note in texts(at)  # st.text: shown as typed, never as markdown
    assert not any("http://e.example" in m.value for m in at.markdown)
    assert title(at) == "Toàn quốc · Chỉ số chính"  # the nearest valid view


def test_chart_is_large_and_valid():
    frame = pd.DataFrame({"key": ["a", "b"], "label": ["A", "B"], "value": [0.2, None],
                          "target": [0.7, None], "gap": [-0.5, None]})
    data = chart.rows(frame, "full_online_rate", "vi")
    assert data["text"].tolist() == ["20,0% (-50,0)", "–"]
    spec = chart.bars(data, "vi", 46, True).to_dict(validate=True)
    bars, ticks, text = spec["layer"]
    assert bars["encoding"]["y"]["axis"]["labelFontSize"] >= 24
    assert text["mark"]["fontSize"] >= 24
    assert bars["encoding"]["color"]["legend"]["labelFontSize"] >= 24
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 1]  # a rate: from 0 to 100%
    counts = chart.bars(chart.rows(frame.assign(value=[300.0, None], target=[None, None]),
                                   "received_new", "vi"), "vi", 46, False)
    assert counts.to_dict()["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 300.0]
    alt.LayerChart.from_dict(spec)


def test_sidebar_links_to_the_same_view_in_present_mode(app_db):
    at = run("pages/province.py", province="01", metric="online_rate", **Q1)
    (link,) = [e.proto for e in elements(at.sidebar, "link_button")]
    assert link.label == "Trình chiếu màn hình lớn"
    query = parse_qs(urlparse(link.url).query)
    assert query["present"] == ["1"] and query["province"] == ["01"]
    assert query["metric"] == ["online_rate"] and query["from"] == ["2024-01"]
    # without a period in the URL, the big screen follows the data's latest months
    at = run("app.py")
    (link,) = [e.proto for e in elements(at.sidebar, "link_button")]
    assert "from" not in parse_qs(urlparse(link.url).query)


def test_keys_built_at_run_time_exist():
    from domain.i18n import STRINGS

    built = [f"present_{p}_interval" for p in ("bad", "low", "high")]
    built += [f"{k}{v}" for k in ("present_bottom", "present_top") for v in ("", "_value")]
    built += [f"status_{s}" for s in ("met", "behind", "none")]
    assert not [k for k in built if k not in STRINGS]


@pytest.fixture
def hostile_db(tmp_path, monkeypatch):
    from data_access.db import Database
    from tests.test_injection import build_hostile

    path = tmp_path / "hostile.duckdb"
    build_hostile(Database(f"duckdb:///{path}"))
    yield from point_app_at(path, monkeypatch)


def test_hostile_names_are_drawn_as_text(hostile_db):
    from tests.test_injection import PAYLOAD, assert_no_raw_payload

    for views in ("nation", "province:01", "bottom10", "map"):
        at = show(views=views)
        assert not at.exception, (views, at.exception)
        assert_no_raw_payload(at)
    at = show(views="province:01")
    assert f"{PAYLOAD} (trước 01/07/2025) · Chỉ số chính" in title(at)  # as it is, in st.text



def test_a_ranking_of_two_bars_keeps_a_full_row_per_bar():
    """A ministry with two agencies: a total height was shared out wrongly and the two names
    were drawn over each other; each bar has its own step of `row` pixels."""
    from components.present import chart

    frame = pd.DataFrame({"key": [1, 2], "label": ["Cục A", "Cục B"], "value": [0.0, 0.644],
                          "target": [None, None], "gap": [None, None]})
    spec = chart.bars(chart.rows(frame, "full_online_rate", "vi"), "vi", 62, True).to_dict()
    assert spec["height"] == {"step": 62}
