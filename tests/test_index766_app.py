"""The /index766 page in AppTest on the hand-made database (tests/test_index766_fixture.py):
the ranking with Bắc Ninh 23rd, its changes, the comparison with the recomputed groups; the
unit's view with its tiles, groups and the links to the agencies and procedures that lose
the points; the month view, bad parameters, English; and a database without scores."""
import pytest

from data_access.db import Database
from tests.conftest import point_app_at
from tests.test_app import run
from tests.test_index766_fixture import build

PAGE = "pages/index766.py"
OCT = {"from": "2026-10", "to": "2026-10"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("i766_app") / "app.duckdb"
    build(Database(f"duckdb:///{path}"))
    return path


@pytest.fixture
def app(db_path, monkeypatch):
    yield from point_app_at(db_path, monkeypatch)


def ok(at):
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def texts(at) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown]
                     + [i.value for i in at.info])


def links(at) -> list[tuple[str, str, dict]]:
    """(label, page, query) of every page link."""
    out = []
    for el in at.get("page_link"):
        p = el.proto
        out.append((p.label, p.page, dict(kv.split("=", 1) for kv in p.query_string.split("&")
                                          if "=" in kv) if p.query_string else {}))
    return out


def test_the_ranking(app):
    at = ok(run(PAGE, **OCT))
    assert at.title[0].value == "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)"
    assert "Tuần 43/2026 (19/10–25/10/2026)" in texts(at)
    assert "Thứ hạng là tương đối" in texts(at)
    board = at.dataframe[0].value
    row = board[board["Đơn vị"] == "Bắc Ninh"].iloc[0]
    assert (row["Xếp hạng"], row["Tổng điểm"], row["Xếp loại"]) == (23, 84.5, "Tốt")
    assert row["± hạng (tuần)"] == -2 and row["± điểm (tuần)"] == pytest.approx(-1.25)
    # on W39, four weeks earlier: 83.00, 26th
    assert row["± điểm (tháng)"] == pytest.approx(1.5) and row["± hạng (tháng)"] == 3
    assert board["Xếp hạng"].tolist() == list(range(1, 35))
    compare = at.dataframe[1].value
    bn = compare[compare["Đơn vị"] == "Bắc Ninh"].iloc[0]
    assert bn["Thanh toán: tính lại (/6)"] == pytest.approx(2.4)
    assert bn["Thanh toán: chênh lệch"] == pytest.approx(5.0)
    ministries = at.dataframe[2].value
    assert ministries["Đơn vị"].tolist() == ["Bộ Tư pháp"]


def test_the_unit_view(app):
    at = ok(run(PAGE, province="24", **OCT))
    assert at.header[0].value == "Bắc Ninh"
    tiles = {m.label: (m.value, m.delta) for m in at.metric}
    assert tiles["Tổng điểm"] == ("84,50", "-1,25 so với tuần trước")
    assert tiles["Xếp hạng"] == ("23/34", "-2 bậc so với tuần trước")
    assert tiles["Xếp loại"][0] == "Tốt"
    assert tiles["Tính lại từ số liệu hồ sơ (/58)"][0] == "39,18"
    assert "So với 4 tuần trước: +1,50 điểm, +3 bậc." in texts(at)
    groups = at.dataframe[0].value.set_index("Nhóm")
    assert groups.loc["Số hóa hồ sơ"].tolist() == ["22", "18,00", "4,00", "9,38", "14", "+3,26"]
    assert groups.loc["Công khai, minh bạch"].tolist() == ["18", "15,50", "2,50", "–",
                                                           "không có số liệu", "–"]
    assert groups.loc["Dịch vụ công trực tuyến", "Mất"] == "5,50"
    # by default the group that loses the most official points: online services
    assert at.radio[-1].value == "online_services"
    assert "Thứ hạng là tương đối" in texts(at)


def test_where_the_digitisation_points_are_lost(app):
    at = ok(run(PAGE, province="24", group="digitisation", **OCT))
    found = links(at)
    pair = next(x for x in found if x[0] == "UBND Xã Lục Ngạn · Đăng ký khai sinh")
    assert pair[1] == "procedure"
    assert {k: pair[2][k] for k in ("procedure", "province", "agency", "from", "to", "units",
                                    "metric")} == {
        "procedure": "1.001193", "province": "24", "agency": "2", "from": "2026-10",
        "to": "2026-10", "units": "34", "metric": "e_result_rate"}
    labels = [x[0] for x in found]
    # the pairs, the agencies of each level and the procedures, largest loss first
    assert labels.index("UBND Xã Lục Ngạn · Đăng ký khai sinh") < labels.index(
        "UBND Xã Lục Ngạn · Đăng ký biến động đất đai")
    assert "mất 2,29 điểm · 50 hồ sơ chưa trả kết quả điện tử" in texts(at)
    # under each commune, the procedure that costs it most: one click to commune × procedure
    under = [x for x in found if x[0] == "↳ Đăng ký khai sinh"]
    assert {x[2]["agency"] for x in under} == {"1", "2", "3"}
    assert "mất 3,73 điểm · 80 hồ sơ chưa trả kết quả điện tử · điểm công bố 80,50 (hạng 2/2)" \
        in texts(at)
    subs = at.dataframe[1].value
    assert subs["Ngưỡng"].tolist() == ["100% (giả định)", "80% (giả định)", "80% (giả định)",
                                       "100% (giả định)"]


def test_the_progress_group_links_to_the_agencies(app):
    at = ok(run(PAGE, province="24", group="progress", **OCT))
    agency = next(x for x in links(at) if x[0] == "UBND Xã Lục Ngạn")
    assert agency[1] == "agency" and agency[2]["agency"] == "2"
    assert agency[2]["metric"] == "on_time_rate_766"
    assert "mất 1,80 điểm · 27 hồ sơ trễ hạn" in texts(at)
    assert "mất 0,67 điểm · 10 hồ sơ trễ hạn" in texts(at)


def test_the_month_view_and_english(app):
    at = ok(run(PAGE, period="2026-10", lang="en", **OCT))
    assert "Period published" in [s.label for s in at.selectbox]
    board = at.dataframe[0].value
    row = board[board["Unit"] == "Bac Ninh"].iloc[0]
    assert (row["Rank"], row["Total"], row["Band"]) == (23, 84.5, "Good")
    assert "± points (month)" in board.columns and "± points (week)" not in board.columns
    assert "Ranks are relative" in texts(at)


def test_bad_parameters_fall_back_with_a_message(app):
    at = ok(run(PAGE, period="2026-W99", **OCT))
    assert any("period=2026-W99" in i.value for i in at.info)
    at = ok(run(PAGE, period="2026-W30", **OCT))
    assert any("không thuộc tháng đang xem" in i.value for i in at.info)
    at = ok(run(PAGE, province="24", group="banana", **OCT))
    assert any("group=banana" in i.value for i in at.info)
    at = ok(run(PAGE, **{"from": "2026-01", "to": "2026-01"}))
    assert any("Chưa có điểm công bố cho tháng 01/2026" in i.value for i in at.info)
    assert any(x[2].get("period") == "2026-W43" for x in links(at))


def test_a_database_without_scores(app_db):
    at = ok(run(PAGE, **{"from": "2024-01", "to": "2024-03"}))
    assert any("Chưa có điểm Bộ chỉ số 766" in i.value for i in at.info)
