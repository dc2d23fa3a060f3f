"""The map page in AppTest on a hand-made database of both eras: the 63 provinces in 2024,
the 34 units over 2024 against sums worked out here independently, the 34 from 07/2025 with
their change on the sums of their old provinces a year earlier, the deck sent to the browser
(no base map, both archipelago labels, tooltips formatted the Vietnamese way, names that say
their era), the URL parameters, and the overview's compact map.

Q1 2024 and Q1 2025 alike, one provincial agency per old province, one procedure, each month:
  63:01 Hà Nội      online 60 (full 30) + direct 40 → Q1 new 300, full 90;  overdue 5, 6, 7
  63:02 Hà Giang    online 10 (full 5)  + direct 30 → Q1 new 120, full 15;  overdue 3, 2, 1
  63:08 Tuyên Quang online 50 (full 40) + direct 10 → Q1 new 180, full 120; overdue 4, 4, 4
  63:19 Thái Nguyên online 20 (full 10) + direct 20 → Q1 new 120, full 30;  overdue -, -, 2
  63:06 Bắc Kạn (merged into Thái Nguyên) reports nothing; Q1 2023: Tuyên Quang only,
  online 30 (full 15) + direct 30 a month.
Hà Giang + Tuyên Quang became Tuyên Quang (34:08) on 01/07/2025; Bắc Kạn + Thái Nguyên became
Thái Nguyên (34:19). Q1 2026, the new units' service centres:
  34:08 Tuyên Quang online 40 (full 30) + direct 20 → Q1 new 180, full 90
  34:01 Hà Nội      online 70 (full 35) + direct 30 → Q1 new 300, full 105
"""
from datetime import date, datetime
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_access import geo, reference, schema
from domain import mapping
from data_access.db import Database, bulk_insert
from tests import fixture_data
from tests.conftest import point_app_at
from tests.test_app import ROOT, run as run_page

MONTHLY = {  # agency: (locality, online, full, direct, overdue by month), Q1 2024 and 2025
    1: ("63:01", 60, 30, 40, (5, 6, 7)),
    2: ("63:02", 10, 5, 30, (3, 2, 1)),
    3: ("63:08", 50, 40, 10, (4, 4, 4)),
    4: ("63:19", 20, 10, 20, (None, None, 2)),
}
MONTHLY_2026 = {  # the new units' Public Administration Service Centres
    5: ("34:08", 40, 30, 20, (0, 0, 0)),
    6: ("34:01", 70, 35, 30, (1, 1, 1)),
}
Q1 = {"from": "2024-01", "to": "2024-03"}
Q1_2026 = {"from": "2026-01", "to": "2026-03"}
OLD = " (trước 01/07/2025)"


def _month_row(year, month, agency, loc, online, full, direct, late=None) -> dict:
    end = pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)
    return {"period_start": date(year, month, 1), "period_end": end.date(),
            "agency_id": agency, "locality_code": loc, "field_code": "G15-TP07",
            "procedure_code": "1.001193", "received_online": online,
            "received_full_online": full, "received_direct": direct, "received_postal": 0,
            "resolved_on_time": online + direct,
            "pending_on_time": 0 if late is not None else None, "pending_late": late}


def build_map_db(db: Database) -> None:
    db.drop_schema()
    db.create_schema()
    rows = [_month_row(year, month, agency, loc, online, full, direct, late)
            for year, monthly in ((2024, MONTHLY), (2025, MONTHLY), (2026, MONTHLY_2026))
            for agency, (loc, online, full, direct, overdue) in monthly.items()
            for month, late in zip((1, 2, 3), overdue)]
    rows += [_month_row(2023, month, 3, "63:08", 30, 15, 30) for month in (1, 2, 3)]
    stats = pd.DataFrame(rows)
    for c in fixture_data.COLS:
        stats[c] = (stats[c] if c in stats else pd.Series([None] * len(stats))).astype("Int64")
    stats["load_id"] = 1
    with db.transaction() as conn:
        bulk_insert(conn, schema.localities, reference.locality_rows().replace({"": None}))
        bulk_insert(conn, schema.agencies, pd.DataFrame(
            [{"id": a, "code": f"{loc[3:]}-S02", "locality_code": loc, "level": "province",
              "name_vi": "Sở Tư pháp", "name_en": "Department of Justice"}
             for a, (loc, *_rest) in MONTHLY.items()]
            + [{"id": a, "code": f"{loc}-TTPVHCC", "locality_code": loc, "level": "province",
                "name_vi": "Trung tâm Phục vụ hành chính công",
                "name_en": "Public Administration Service Centre"}
               for a, (loc, *_rest) in MONTHLY_2026.items()]))
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
    return {f["properties"]["key"]: f["properties"] for f in spec["layers"][0]["data"]["features"]}


def texts(elements) -> str:
    return "\n".join(e.value for e in elements)


# --- independent sums -----------------------------------------------------------------------

def q1(loc_codes, column_index, monthly=MONTHLY):
    """Σ over Q1 of a column (1 online, 2 full, 3 direct) for the given units."""
    return sum(3 * v[column_index] for v in monthly.values() if v[0] in loc_codes)


def full_rate(codes, monthly=MONTHLY):
    new = q1(codes, 1, monthly) + q1(codes, 3, monthly)
    return q1(codes, 2, monthly) / new


def test_63_provinces_values_ranks_and_gaps(app_db):
    at = run()
    t = table(at)
    assert len(t) == 63
    assert list(t.index[:4]) == [f"Tuyên Quang{OLD}", f"Hà Nội{OLD}", f"Thái Nguyên{OLD}",
                                 f"Hà Giang{OLD}"]  # every old province says its era
    assert t.loc[f"Tuyên Quang{OLD}", "Giá trị"] == pytest.approx(full_rate({"63:08"}))
    assert t.loc[f"Hà Giang{OLD}", "Giá trị"] == pytest.approx(0.125)
    assert t.loc[f"Hà Nội{OLD}", "Chênh lệch với chỉ tiêu"] == pytest.approx(0.0)  # 30% vs 30%
    assert t.loc[f"Hà Giang{OLD}", "Chênh lệch với chỉ tiêu"] == pytest.approx(0.125 - 0.30)
    assert pd.isna(t.loc[f"Bắc Kạn{OLD}", "Giá trị"]) and pd.isna(t.loc[f"Bắc Kạn{OLD}", "Hạng"])
    props = features(deck(at))
    assert set(props) == {f"63:{c}" for c in reference.provinces()["code"]}
    assert props["63:08"]["name"] == f"Tuyên Quang{OLD}"
    assert props["63:08"]["v"] == "66,7%" and props["63:08"]["rk"] == "1/63"
    assert props["63:02"]["gp"] == "-17,5 điểm %" and props["63:02"]["tg"] == "30,0%"
    assert props["63:08"]["ch"] == "+41,7 điểm %"  # 66,7% against 25,0% in Q1 2023
    assert props["63:06"]["v"] == "chưa có số liệu"
    assert props["63:06"]["fill"][:3] == [189, 189, 189]  # grey: no data
    captions = texts(at.caption)
    assert "4/63 đơn vị có báo cáo" in captions
    assert "63 tỉnh, thành phố (trước 01/07/2025)" in captions  # the unit set shown
    assert "63 tỉnh, thành phố (trước 01/07/2025)" in texts(at.markdown)  # the legend says it
    assert "ghép từ ranh giới 63 tỉnh cũ" not in captions


def test_34_units_over_2024_are_sums_of_their_old_provinces(app_db):
    at = run(units="34")
    t = table(at)
    assert len(t) == 34
    # Tuyên Quang (34:08) = Hà Giang + Tuyên Quang: (15 + 120) / (120 + 180), not the mean
    expected = full_rate({"63:02", "63:08"})
    assert expected == pytest.approx(0.45)
    assert t.loc["Tuyên Quang", "Giá trị"] == pytest.approx(expected)
    # Thái Nguyên (34:19) = Bắc Kạn (blank) + Thái Nguyên
    assert t.loc["Thái Nguyên", "Giá trị"] == pytest.approx(full_rate({"63:19"}))
    assert t.loc["Hà Nội", "Giá trị"] == pytest.approx(full_rate({"63:01"}))
    props = features(deck(at))
    assert set(props) == {f"34:{c}" for c in reference.provinces_34()["code"]}
    assert props["34:08"]["v"] == "45,0%" and props["34:08"]["name"] == "Tuyên Quang"
    assert props["34:08"]["members"] == "Hà Giang, Tuyên Quang"
    assert props["34:08"]["ch"] == "+20,0 điểm %"  # 45,0% against Tuyên Quang's 25,0% in 2023
    captions = texts(at.caption)
    assert "3/34 đơn vị có báo cáo" in captions
    assert "34 tỉnh, thành phố (từ 01/07/2025)" in captions  # the unit set shown
    assert "tổng của các tỉnh cũ hợp thành" in captions  # and that history is summed
    assert "ghép từ ranh giới 63 tỉnh cũ" in captions  # so are the boundaries
    assert "34 tỉnh, thành phố (từ 01/07/2025)" in texts(at.markdown)  # the legend says it
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "Hợp nhất từ (trước 01/07/2025)" in tooltip["text"]


def test_34_units_sum_stocks_at_the_end_of_the_range(app_db):
    at = run(units="34", metric="pending_late")
    t = table(at)
    assert t.loc["Tuyên Quang", "Giá trị"] == 1 + 4  # March stocks of 02 and 08, not Σ months
    assert t.loc["Hà Nội", "Giá trị"] == 7
    assert features(deck(at))["34:08"]["v"] == "5"


def test_a_period_from_july_2025_draws_the_34(app_db):
    at = run(**Q1_2026)
    t = table(at)
    assert len(t) == 34 and "Tuyên Quang" in t.index  # today's names, plainly
    props = features(deck(at))
    assert set(props) == {f"34:{c}" for c in reference.provinces_34()["code"]}
    assert props["34:08"]["v"] == "50,0%"  # 90 / 180
    # a year earlier in the same units: Hà Giang + Tuyên Quang in Q1 2025, 45,0%
    assert full_rate({"34:08"}, MONTHLY_2026) - full_rate({"63:02", "63:08"}) == \
        pytest.approx(0.05)
    assert props["34:08"]["ch"] == "+5,0 điểm %"
    assert props["34:01"]["ch"] == "+5,0 điểm %"  # 35,0% against Hà Nội's 30,0%
    assert props["34:19"]["v"] == "chưa có số liệu"
    captions = texts(at.caption)
    assert "2/34 đơn vị có báo cáo" in captions
    assert "34 tỉnh, thành phố (từ 01/07/2025)" in captions
    assert "tổng của các tỉnh cũ hợp thành" in captions  # how the year earlier is made


def test_the_63_for_a_period_from_july_2025_gives_a_message_and_the_34(app_db):
    at = run(units="63", **Q1_2026)
    assert "không thể tách lại thành 63 tỉnh cũ" in texts(at.info)
    assert len(table(at)) == 34
    assert set(features(deck(at))) == {f"34:{c}" for c in reference.provinces_34()["code"]}


def test_the_deck_is_offline_and_labels_both_archipelagos(app_db):
    for lang, period, texts_ in (
            ("vi", Q1, ["Quần đảo Hoàng Sa\n(Đà Nẵng)", "Quần đảo Trường Sa\n(Khánh Hòa)"]),
            ("en", Q1_2026, ["Quần đảo Hoàng Sa\nHoang Sa Archipelago\n(Da Nang)",
                             "Quần đảo Trường Sa\nTruong Sa Archipelago\n(Khanh Hoa)"])):
        at = run(lang=lang, **period)
        spec = deck(at)
        assert spec["mapStyle"] == "__MAP_STYLE__"  # pydeck's map_provider=None: no tiles
        assert "mapProvider" not in spec
        labels = next(layer for layer in spec["layers"] if layer["@@type"] == "TextLayer")
        assert [d["t"] for d in labels["data"]] == texts_
        assert all(d["t"].startswith(i.name_vi) for d, i in zip(labels["data"],
                                                              geo.map_geo().islands))
        units = spec["layers"][0]
        assert units["lineWidthMinPixels"] >= 1 and units["pickable"]
        raw = at.get("deck_gl_json_chart")[0].proto.json
        assert len(raw.encode()) < 230_000  # the simplified geometry, sent once per run
        captions = texts(at.caption)
        assert "Open Development Mekong" in captions and "CC BY-SA 4.0" in captions


def test_english_tooltips_and_change_view(app_db):
    at = run(lang="en", view="change")
    props = features(deck(at))
    assert props["63:08"]["v"] == "66.7%" and props["63:08"]["ch"] == "+41.7 pp"
    assert props["63:08"]["name"] == "Tuyen Quang (before 01/07/2025)"
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "{name}" in tooltip["text"] and "Rank" in tooltip["text"]
    assert table(at).loc["Tuyen Quang (before 01/07/2025)", "Vs same period 2023"] == \
        pytest.approx(full_rate({"63:08"}) - 0.25)
    props = features(deck(run(lang="en", units="34")))
    assert props["34:08"]["members"] == "Ha Giang, Tuyen Quang"


def test_region_filter_keeps_the_region_and_zooms(app_db):
    at = run(region="northern-midlands-and-mountains")
    assert len(at.dataframe[0].value) == 14
    country = deck(run())["initialViewState"]
    region = deck(at)["initialViewState"]
    assert region["zoom"] > country["zoom"] + 1
    in_34 = run(region="northern-midlands-and-mountains", **Q1_2026)
    seats = reference.provinces_34()["region_en"] == "Northern Midlands and Mountains"
    assert len(in_34.dataframe[0].value) == seats.sum() == 10  # the 34 by their seat's region


@pytest.mark.parametrize("params,value", [({"metric": "nonsense"}, "nonsense"),
                                          ({"units": "40"}, "40"),
                                          ({"view": "gap", "metric": "received_new"}, "gap"),
                                          ({"region": "atlantis"}, "atlantis")])
def test_bad_parameters_fall_back_with_a_message(app_db, params, value):
    at = run(**params)
    assert value in texts(at.info)


def test_choosing_a_metric_writes_the_url(app_db):
    at = run()
    at.selectbox(key="map_metric_full_online_rate").set_value("online_rate").run()
    assert at.query_params["metric"] in (["online_rate"], "online_rate")


def test_overview_shows_the_compact_map(app_db):
    at = run("app.py", metric="online_rate")
    titles = [s.value for s in at.subheader]
    assert any(s.startswith("Bản đồ: Tỷ lệ hồ sơ trực tuyến") for s in titles), titles
    props = features(deck(at))
    assert props["63:01"]["v"] == "60,0%"  # 180 / 300
    props = features(deck(run("app.py", metric="online_rate", **Q1_2026)))
    assert len(props) == 34 and props["34:01"]["v"] == "70,0%"  # 210 / 300


def test_clicked_key_reads_the_selection_event():
    from components.map import clicked_key

    event = {"selection": {"indices": {"units": [3]},
                           "objects": {"units": [{"type": "Feature",
                                                  "properties": {"key": "34:08"}}]}}}
    assert clicked_key(event) == "34:08"
    assert clicked_key({"selection": {"indices": {}, "objects": {}}}) is None
    assert clicked_key(None) is None


# --- colours against the target ----------------------------------------------------------------

def legend_text(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "map-legend" in m.value)


def test_value_colours_diverge_around_the_target(app_db):
    """Q1 2024 against the 30% target of the localities (TP HCM's own is 40%): behind it red,
    at or above it blue, whatever the spread of the values."""
    at = run()
    props = features(deck(at))
    fill = {k: tuple(props[k]["fill"][:3]) for k in ("63:01", "63:02", "63:08", "63:19")}
    assert fill["63:02"] in mapping.RED and fill["63:19"] in mapping.RED  # 12,5%, 25,0%
    assert fill["63:01"] in mapping.BLUE and fill["63:08"] in mapping.BLUE  # 30,0%, 66,7%
    text = legend_text(at)
    assert "Dưới chỉ tiêu" in text and "Đạt chỉ tiêu" in text
    assert "Màu so với chỉ tiêu năm 2024" in text
    # in the 34 every unit has the same target: the classes read as values around it
    text = legend_text(run(units="34"))
    assert "Dưới chỉ tiêu 30%" in text and "&lt; 30%" in text and "30% – 40%" in text


def test_without_a_target_the_legend_says_so(app_db):
    text = legend_text(run(**Q1_2026))  # no 2026 target published
    assert "Chưa có chỉ tiêu năm 2026 áp dụng cho mọi đơn vị" in text
    assert "Dưới chỉ tiêu" not in text
    assert "Coloured by level" in legend_text(run(lang="en", metric="received_new"))


# --- names are text --------------------------------------------------------------------------

EVIL = "[x](http://evil.example/) ![i](http://evil.example/i.png) <img src=x onerror=alert(1)>"


def test_a_units_name_shows_as_text(app_db, monkeypatch):
    """A unit named with a link, an image and HTML: the selected unit's line and its link
    show the name literally, the tooltip is plain text (innerText)."""
    import dataclasses

    from components.map import Choice
    from domain.plain import plain

    real = geo.map_geo()
    units = {era: tuple(dataclasses.replace(u, name_vi=EVIL) if u.key == "63:02" else u
                        for u in group) for era, group in real.units.items()}
    monkeypatch.setattr(geo, "map_geo", lambda: dataclasses.replace(real, units=units))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/map.py")
    for k, v in Q1.items():
        at.query_params[k] = v
    # the table's fourth row (Hà Giang's, ranked 4th) chosen: the map outlines it
    at.session_state[f"map_table_{Choice(units='63')}_0"] = {
        "selection": {"rows": [3], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    name = f"{EVIL}{OLD}"
    assert name in table(at).index  # the table shows text as it is
    selected = next(m.value for m in at.markdown if m.value.startswith("**Đang chọn"))
    assert plain(name) in selected  # every construct escaped: "\\[x\\](…", "\\<img…"
    assert not re.search(r"(?<!\\)[\[<!]", selected.replace(plain(name), ""))
    links = [e.proto.label for e in at.get("page_link") if "Mở trang" in e.proto.label]
    assert links == [f"Mở trang {plain(name)}"]
    assert features(deck(at))["63:02"]["name"] == name
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "html" not in tooltip and tooltip["text"].startswith("{name}\n")
