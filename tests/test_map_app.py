"""The map page in AppTest on a hand-made database with a merged pair: the 63-unit figures,
the 34-unit figures against sums worked out here independently, the deck sent to the browser
(no base map, both archipelago labels, tooltips formatted the Vietnamese way), the URL
parameters, and the overview's compact map.

Q1 2024, one provincial agency per province, one procedure, each month alike:
  01 Hà Nội      online 60 (full 30) + direct 40 → Q1 new 300, full 90;  overdue 5, 6, 7
  02 Hà Giang    online 10 (full 5)  + direct 30 → Q1 new 120, full 15;  overdue 3, 2, 1
  08 Tuyên Quang online 50 (full 40) + direct 10 → Q1 new 180, full 120; overdue 4, 4, 4
  19 Thái Nguyên online 20 (full 10) + direct 20 → Q1 new 120, full 30;  overdue -, -, 2
  06 Bắc Kạn (merged into Thái Nguyên) reports nothing; Q1 2023: Tuyên Quang only,
  online 30 (full 15) + direct 30 a month.
Hà Giang + Tuyên Quang became Tuyên Quang (08) on 01/07/2025; Bắc Kạn + Thái Nguyên became
Thái Nguyên (19).
"""
from datetime import date, datetime
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_access import geo, reference, schema
from data_access.db import Database, bulk_insert
from tests import fixture_data
from tests.conftest import point_app_at
from tests.test_app import run as run_page

MONTHLY = {  # agency: (locality, online, full, direct, overdue by month)
    1: ("01", 60, 30, 40, (5, 6, 7)),
    2: ("02", 10, 5, 30, (3, 2, 1)),
    3: ("08", 50, 40, 10, (4, 4, 4)),
    4: ("19", 20, 10, 20, (None, None, 2)),
}
Q1 = {"from": "2024-01", "to": "2024-03"}


def build_map_db(db: Database) -> None:
    db.drop_schema()
    db.create_schema()
    rows = []
    for agency, (loc, online, full, direct, overdue) in MONTHLY.items():
        for month, late in zip((1, 2, 3), overdue):
            end = pd.Timestamp(2024, month, 1) + pd.offsets.MonthEnd(0)
            rows.append({"period_start": date(2024, month, 1), "period_end": end.date(),
                         "agency_id": agency, "locality_code": loc, "field_code": "G15-TP07",
                         "procedure_code": "1.001193", "received_online": online,
                         "received_full_online": full, "received_direct": direct,
                         "received_postal": 0, "resolved_on_time": online + direct,
                         "pending_on_time": 0 if late is not None else None,
                         "pending_late": late})
    for month in (1, 2, 3):
        end = pd.Timestamp(2023, month, 1) + pd.offsets.MonthEnd(0)
        rows.append({"period_start": date(2023, month, 1), "period_end": end.date(),
                     "agency_id": 3, "locality_code": "08", "field_code": "G15-TP07",
                     "procedure_code": "1.001193", "received_online": 30,
                     "received_full_online": 15, "received_direct": 30, "received_postal": 0})
    stats = pd.DataFrame(rows)
    for c in fixture_data.COLS:
        stats[c] = (stats[c] if c in stats else pd.Series([None] * len(stats))).astype("Int64")
    stats["load_id"] = 1
    with db.transaction() as conn:
        bulk_insert(conn, schema.localities, reference.locality_rows().replace({"": None}))
        bulk_insert(conn, schema.agencies, pd.DataFrame([
            {"id": a, "code": f"{loc}-S02", "locality_code": loc, "level": "province",
             "name_vi": "Sở Tư pháp", "name_en": "Department of Justice"}
            for a, (loc, *_rest) in MONTHLY.items()]))
        bulk_insert(conn, schema.fields, pd.DataFrame(fixture_data.FIELDS))
        bulk_insert(conn, schema.procedures, pd.DataFrame(fixture_data.PROCEDURES))
        bulk_insert(conn, schema.targets, pd.DataFrame(
            [{"id": i + 1, "year": y, "scope": s, "level": lv, "metric": m, "value_pct": v,
              "source": "fixture"} for i, (y, s, lv, m, v) in enumerate(fixture_data.TARGETS)]))
        bulk_insert(conn, schema.data_loads, pd.DataFrame([{
            "id": 1, "kind": "import", "file_name": "map fixture", "rows": len(stats),
            "loaded_by": "tests", "loaded_at": datetime(2026, 11, 22, 9, 0), "outcome": "ok"}]))
        bulk_insert(conn, schema.dossier_stats, stats)


@pytest.fixture(scope="module")
def map_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "map.duckdb"
    build_map_db(Database(f"duckdb:///{path}"))
    return path


@pytest.fixture
def app_db(map_db_path, monkeypatch):
    yield from point_app_at(map_db_path, monkeypatch)


def run(page: str = "pages/map.py", **params) -> AppTest:
    at = run_page(page, **{**Q1, **params})
    assert not at.exception, at.exception
    return at


def table(at: AppTest) -> pd.DataFrame:
    frame = at.dataframe[0].value
    return frame.set_index(frame.columns[1])  # by name


def deck(at: AppTest) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def features(spec: dict) -> dict:
    return {f["properties"]["code"]: f["properties"] for f in spec["layers"][0]["data"]["features"]}


# --- independent sums -----------------------------------------------------------------------

def q1(loc_codes, column_index):
    """Σ over Q1 of a column (1 online, 2 full, 3 direct) for the given provinces."""
    return sum(3 * v[column_index] for v in MONTHLY.values() if v[0] in loc_codes)


def full_rate(codes):
    new = q1(codes, 1) + q1(codes, 3)
    return q1(codes, 2) / new


def test_63_provinces_values_ranks_and_gaps(app_db):
    at = run()
    t = table(at)
    assert list(t.index[:4]) == ["Tuyên Quang", "Hà Nội", "Thái Nguyên", "Hà Giang"]
    assert t.loc["Tuyên Quang", "Giá trị"] == pytest.approx(full_rate({"08"}))  # 66,7%
    assert t.loc["Hà Giang", "Giá trị"] == pytest.approx(0.125)
    assert t.loc["Hà Nội", "Chênh lệch với chỉ tiêu"] == pytest.approx(0.0)  # 30% vs 30%
    assert t.loc["Hà Giang", "Chênh lệch với chỉ tiêu"] == pytest.approx(0.125 - 0.30)
    assert pd.isna(t.loc["Bắc Kạn", "Giá trị"]) and pd.isna(t.loc["Bắc Kạn", "Hạng"])
    props = features(deck(at))
    assert props["08"]["v"] == "66,7%" and props["08"]["rk"] == "1/63"
    assert props["02"]["gp"] == "-17,5 điểm %" and props["02"]["tg"] == "30,0%"
    assert props["08"]["ch"] == "+41,7 điểm %"  # 66,7% against 25,0% in Q1 2023
    assert props["06"]["v"] == "chưa có số liệu"
    assert props["06"]["fill"][:3] == [189, 189, 189]  # grey: no data
    assert any("4/63 đơn vị có báo cáo" in c.value for c in at.caption)


def test_34_units_are_sums_of_their_provinces(app_db):
    at = run(units="34")
    t = table(at)
    assert len(at.dataframe[0].value) == 34
    # Tuyên Quang (08) = Hà Giang + Tuyên Quang: (15 + 120) / (120 + 180), not the mean of rates
    expected = full_rate({"02", "08"})
    assert expected == pytest.approx(0.45)
    assert t.loc["Tuyên Quang", "Giá trị"] == pytest.approx(expected)
    # Thái Nguyên (19) = Bắc Kạn (blank) + Thái Nguyên
    assert t.loc["Thái Nguyên", "Giá trị"] == pytest.approx(full_rate({"19"}))
    assert t.loc["Hà Nội", "Giá trị"] == pytest.approx(full_rate({"01"}))
    props = features(deck(at))
    assert set(props) == {u for u in set(reference.provinces()["new_code"])}
    assert props["08"]["v"] == "45,0%"
    assert props["08"]["members"] == "Hà Giang, Tuyên Quang"
    assert props["08"]["ch"] == "+20,0 điểm %"  # 45,0% against Tuyên Quang's 25,0% a year ago
    assert any("Nghị quyết 202/2025/QH15" in i.value for i in at.info)
    assert any("3/34 đơn vị có báo cáo" in c.value for c in at.caption)


def test_34_units_sum_stocks_at_the_end_of_the_range(app_db):
    at = run(units="34", metric="pending_late")
    t = table(at)
    assert t.loc["Tuyên Quang", "Giá trị"] == 1 + 4  # March stocks of 02 and 08, not Σ months
    assert t.loc["Hà Nội", "Giá trị"] == 7
    assert features(deck(at))["08"]["v"] == "5"


def test_the_deck_is_offline_and_labels_both_archipelagos(app_db):
    for lang, texts in (("vi", ["Quần đảo Hoàng Sa\n(Đà Nẵng)",
                                "Quần đảo Trường Sa\n(Khánh Hòa)"]),
                        ("en", ["Quần đảo Hoàng Sa\nHoang Sa Archipelago\n(Da Nang)",
                                "Quần đảo Trường Sa\nTruong Sa Archipelago\n(Khanh Hoa)"])):
        at = run(lang=lang)
        spec = deck(at)
        assert spec["mapStyle"] == "__MAP_STYLE__"  # pydeck's map_provider=None: no tiles
        assert "mapProvider" not in spec
        labels = next(layer for layer in spec["layers"] if layer["@@type"] == "TextLayer")
        assert [d["t"] for d in labels["data"]] == texts
        assert all(d["t"].startswith(i.name_vi) for d, i in zip(labels["data"],
                                                              geo.map_geo().islands))
        units = spec["layers"][0]
        assert units["lineWidthMinPixels"] >= 1 and units["pickable"]
        raw = at.get("deck_gl_json_chart")[0].proto.json
        assert len(raw.encode()) < 230_000  # the simplified geometry, sent once per run
        captions = " ".join(c.value for c in at.caption)
        assert "Open Development Mekong" in captions and "CC BY-SA 4.0" in captions


def test_english_tooltips_and_change_view(app_db):
    at = run(lang="en", view="change")
    props = features(deck(at))
    assert props["08"]["v"] == "66.7%" and props["08"]["ch"] == "+41.7 pp"
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "{name}" in tooltip["html"] and "Rank" in tooltip["html"]
    assert table(at).loc["Tuyen Quang", "Vs same period 2023"] == pytest.approx(
        full_rate({"08"}) - 0.25)


def test_region_filter_keeps_the_region_and_zooms(app_db):
    at = run(region="northern-midlands-and-mountains")
    assert len(at.dataframe[0].value) == 14
    country = deck(run())["initialViewState"]
    region = deck(at)["initialViewState"]
    assert region["zoom"] > country["zoom"] + 1


@pytest.mark.parametrize("params,name", [({"metric": "nonsense"}, "metric"),
                                         ({"units": "40"}, "units"),
                                         ({"view": "gap", "metric": "received_new"}, "view"),
                                         ({"region": "atlantis"}, "region")])
def test_bad_parameters_fall_back_with_a_message(app_db, params, name):
    at = run(**params)
    assert any(f"{name}=" in i.value for i in at.info)


def test_choosing_a_metric_writes_the_url(app_db):
    at = run()
    at.selectbox(key="map_metric_full_online_rate").set_value("online_rate").run()
    assert at.query_params["metric"] in (["online_rate"], "online_rate")


def test_overview_shows_the_compact_map(app_db):
    at = run("app.py", metric="online_rate")
    assert not at.exception
    titles = [s.value for s in at.subheader]
    assert any(s.startswith("Bản đồ: Tỷ lệ hồ sơ trực tuyến") for s in titles), titles
    props = features(deck(at))
    assert props["01"]["v"] == "60,0%"  # 180 / 300


def test_clicked_code_reads_the_selection_event():
    from components.map import clicked_code

    event = {"selection": {"indices": {"units": [3]},
                           "objects": {"units": [{"type": "Feature",
                                                  "properties": {"code": "08"}}]}}}
    assert clicked_code(event) == "08"
    assert clicked_code({"selection": {"indices": {}, "objects": {}}}) is None
    assert clicked_code(None) is None
