"""Figures that read wrong (issue 13, item 3): series colours and target lines, a change that
reads zero, "no target" said only when none applies, a ranking chart ordered by what it shows,
tables formatted by Babel, chart text readable across a room."""
from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pyarrow as pa
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from components import charts
from components.context import PageContext
from components.kpi import change_text
from components.processing import _parts, _processing_chart
from components.ranking import _rank_spec
from data_access import schema
from data_access.db import Database
from domain import drill
from domain.figures import Figure
from domain.formatting import fmt_change_pct, fmt_pct, fmt_points, rounds_to_zero
from domain.i18n import t
from domain.metrics import METRICS
from domain.periods import Month, MonthRange
from domain.targets import Target
from tests import fixture_data
from tests.conftest import point_app_at
from tests.test_app import Q1, run

FO = METRICS["full_online_rate"]


def datasets(node) -> dict[str, pd.DataFrame]:
    return {d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas()
            for d in node.proto.datasets}


def charts_of(at: AppTest) -> list[tuple[dict, dict]]:
    """Every Vega-Lite chart of a run: its spec and its named datasets."""
    return [(json.loads(n.proto.spec), datasets(n)) for n in at.get("vega_lite_chart")]


def layer_with(spec: dict, mark: str, data: str) -> dict:
    return next(layer for layer in spec["layer"] if (layer["mark"]["type"] if isinstance(
        layer["mark"], dict) else layer["mark"]) == mark and layer["data"]["name"] == data)


def series_colours(spec: dict, rows: dict) -> tuple[dict, list]:
    """A trend's colour per series label, and each target rule's (label, colour, its series'
    colour)."""
    lines = layer_with(spec, "line", charts.LINES)
    scale = lines["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"]))
    rule = layer_with(spec, "rule", charts.RULES)
    assert rule["encoding"]["color"]["field"] == "series"
    assert rule["encoding"]["color"]["scale"] == scale  # the same colours, by the same names
    assert rule["mark"].get("strokeDash")  # dashed
    return colour, [(r["label"], colour[r["series"]], r["target"])
                    for r in rows[charts.RULES].to_dict("records")]


# --- 1. the overview's target chart --------------------------------------------------------

def test_a_series_keeps_its_colour_in_both_languages_and_its_target_line_too(app_db):
    seen = {}
    for lang in ("vi", "en"):
        at = run("app.py", lang=lang, **Q1)
        (blocks, blocks_data), (nation, nation_data) = charts_of(at)[:2]
        colour, rules = series_colours(blocks, blocks_data)
        names = {kind: t(f"block_{kind}", lang) for kind in ("province", "ministry")}
        seen[lang] = {kind: colour[name] for kind, name in names.items()}
        # each target in its series' colour, named at its end with its own scope
        assert sorted((label, c, v) for label, c, v in rules) == sorted([
            (t("target_of_localities", lang, value=fmt_pct(0.3, lang, 0)),
             seen[lang]["province"], 0.3),
            (t("target_of_ministries", lang, value=fmt_pct(0.7, lang, 0)),
             seen[lang]["ministry"], 0.7)])
        # the nation's own trend: the unit's colour, and its target (50% in 2024) in it
        colour, rules = series_colours(nation, nation_data)
        assert list(colour.values()) == [charts.SERIES_COLOURS["unit"]]
        assert rules == [(t("target_of_nation", lang, value=fmt_pct(0.5, lang, 0)),
                          charts.SERIES_COLOURS["unit"], 0.5)]
    assert seen["vi"] == seen["en"]
    assert seen["vi"]["province"] != seen["vi"]["ministry"]
    assert charts.TARGET_COLOUR not in seen["vi"].values()  # red reads "behind"


def test_a_target_line_spans_the_months_of_its_year():
    frame = pd.DataFrame({"month": [Month(2024, m).first_day for m in (11, 12)] +
                          [Month(2025, m).first_day for m in (1, 2)],
                          "value": [0.1, 0.2, 0.3, 0.4], "series": ["province"] * 4})
    target = Target(2025, "localities", None, FO.id, 0.7)
    spec = charts.trend_spec(frame, FO.id, (("province", "Khối địa phương"),),
                             (("province", target, "Chỉ tiêu địa phương 70%"),), "vi", 380)
    rule = spec["datasets"][charts.RULES][0]
    assert (rule["start"], rule["end"]) == ("2025-01-01T00:00:00", "2025-02-01T00:00:00")


# --- 2. a change that reads zero -----------------------------------------------------------

def test_a_change_that_reads_zero_has_no_direction():
    on_time = Figure(METRICS["on_time_rate"], 0.9761, 0.97614)  # -0,004 point
    assert on_time.unchanged and on_time.change_is_good is None
    assert not Figure(METRICS["on_time_rate"], 0.9761, 0.9750).unchanged
    assert Figure(METRICS["on_time_rate"], 0.9761, 0.9750).change_is_good is True
    assert Figure(METRICS["pending_late"], 100_040, 100_000).unchanged  # +0,04%
    assert Figure(METRICS["pending_late"], 100_600, 100_000).change_is_good is False
    assert fmt_points(-0.00004, "vi") == "0,0 điểm %"
    assert fmt_change_pct(0.0004, "en") == "0.0%"
    assert fmt_change_pct(0.0006, "en") == "+0.1%"


def test_reads_zero_exactly_when_the_shown_figure_is_zero():
    for i in range(-120, 121):
        v = i / 200_000  # steps of 0,0005 point, across the rounding edges
        shown = fmt_points(v, "en")
        assert rounds_to_zero(v) == (re.sub(r"[^0-9]", "", shown).strip("0") == ""), (v, shown)


@pytest.mark.parametrize("lang,rate,count", [("vi", "0,0 điểm % (không đổi)", "0,0% (không đổi)"),
                                             ("en", "0.0 pp (unchanged)", "0.0% (unchanged)")])
def test_a_tile_says_unchanged(lang, rate, count):
    ctx = PageContext(lang, MonthRange(Month(2024, 1), Month(2024, 3)), {}, "app.py")
    assert change_text(ctx, Figure(METRICS["on_time_rate"], 0.9761, 0.97614)) == rate
    assert change_text(ctx, Figure(METRICS["received_new"], 100_040, 100_000)) == count
    assert change_text(ctx, Figure(METRICS["on_time_rate"], 0.9761, 0.9750)).endswith(
        f"({t('change_better', lang)})")


def _tiles():
    from components.context import PageContext
    from components.kpi import tile
    from domain.figures import Figure
    from domain.metrics import METRICS
    from domain.periods import Month, MonthRange

    ctx = PageContext("vi", MonthRange(Month(2024, 1), Month(2024, 3)), {}, "app.py")
    tile(ctx, Figure(METRICS["on_time_rate"], 0.9761, 0.97614), 2023)
    tile(ctx, Figure(METRICS["on_time_rate"], 0.9761, 0.9750), 2023)


def test_a_tile_that_reads_zero_draws_no_arrow(app_db):
    at = AppTest.from_function(_tiles, default_timeout=60).run()
    zero, up = at.metric
    assert zero.delta == "0,0 điểm % (không đổi)"
    assert (zero.proto.direction, zero.proto.color) == (zero.proto.NONE, zero.proto.GRAY)
    assert up.proto.direction == up.proto.UP


# --- 3. "no target" only when none applies; the ranking says what it ranks against ---------

@pytest.fixture
def no_nation_target(tmp_path, monkeypatch):
    """The fixture without its 2024 nation target: the nation has none of its own, its
    localities and ministries have theirs (30%, 70%), as the nation in 2025."""
    path = tmp_path / "app.duckdb"
    db = Database(f"duckdb:///{path}")
    fixture_data.build(db)
    with db.transaction() as conn:
        conn.execute(sa.delete(schema.targets).where(schema.targets.c.scope == "nation"))
    db.dispose()
    yield from point_app_at(path, monkeypatch)


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


HCM = "Chỉ tiêu TP. Hồ Chí Minh (trước 01/07/2025) 40%"  # its own target


@pytest.mark.parametrize("page,params,named", [
    ("app.py", {}, f"Chỉ tiêu địa phương 30%; {HCM}; Chỉ tiêu bộ ngành 70%"),
    # the Ministry of Justice has no dossier of birth registration
    ("pages/procedure.py", {"procedure": "1.001193"}, f"Chỉ tiêu địa phương 30%; {HCM}")])
def test_no_overall_target_names_those_the_units_are_ranked_against(no_nation_target, page,
                                                                    params, named):
    at = run(page, **params, **Q1)
    assert not at.exception
    texts = captions(at)
    none = t("target_none_metric", metric=FO.label("vi"), year=2024)
    assert none not in texts
    assert t("target_none_here", metric=FO.label("vi"), year=2024, targets=named) in texts
    assert any(c.startswith(t("ranked_against", year=2024, targets=named,
                              order=t("order_lowest_first"))) for c in texts)


def test_the_ranking_uses_the_targets_the_childrens_pages_show(no_nation_target):
    at = run("pages/procedure.py", procedure="1.001193", **Q1)
    table = at.dataframe[0].value
    targets = dict(zip(table[t("col_name")], table[t("target")]))
    # Hà Nội under the localities' target, TP HCM under its own
    assert targets == {"Hà Nội (trước 01/07/2025)": 0.3, "TP. Hồ Chí Minh (trước 01/07/2025)": 0.4}
    for province, value in (("01", "30%"), ("79", "40%")):
        child = run("pages/procedure.py", procedure="1.001193", province=province, **Q1)
        assert any(c.startswith(f"Chỉ tiêu 2024: {value}") for c in captions(child)), province


def test_no_target_at_all_is_said_and_the_ranking_is_by_value(app_db):
    metric = METRICS["on_time_rate"]  # no target in the fixture
    at = run("app.py", metric="on_time_rate", **Q1)
    texts = captions(at)
    assert t("target_none_metric", metric=metric.label("vi"), year=2024) in texts
    assert any(c.startswith(t("ranked_by_value", metric=metric.label("vi"), year=2024,
                              order=t("order_lowest_first"))) for c in texts)
    table = at.dataframe[0].value
    assert t("target") not in table.columns
    values = list(table[metric.label("vi")].dropna())
    assert values == sorted(values)  # lowest first


def test_the_localities_message_only_when_their_target_is_missing(tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    db = Database(f"duckdb:///{path}")
    fixture_data.build(db)
    with db.transaction() as conn:
        # no target for the localities (nor the nation's, which would apply to them too)
        conn.execute(sa.delete(schema.targets).where(
            schema.targets.c.scope.in_(["localities", "nation"])))
    db.dispose()
    gen = point_app_at(path, monkeypatch)
    next(gen)
    try:
        infos = [i.value for i in run("app.py", **Q1).info]
        assert t("target_unpublished_localities", metric=FO.label("vi"), year=2024) in infos
        assert t("target_unpublished", metric=FO.label("vi"), year=2024) not in infos
    finally:
        next(gen, None)


# --- 4. the ranking chart: bars in the order of what they show -----------------------------

def test_a_child_without_data_does_not_scramble_the_ranking():
    # as the children's merge gives them: a unit that has not reported has NaN totals
    children = pd.DataFrame({"key": ["a", "b", "c", "d"],
                             "received_full_online": [50, float("nan"), 90, 10],
                             "received_new": [100, float("nan"), 100, 100]})
    ranked = drill.rank(children, FO, [Target(2025, "localities", None, FO.id, 0.7)] * 4)
    assert list(ranked["key"]) == ["d", "a", "c", "b"]  # by gap; not reported last
    assert ranked["gap"].isna().tolist() == [False, False, False, True]


def _mixed_ranking() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Provinces against 70%, ministries against 85%: ranked by gap, the values jump."""
    children = pd.DataFrame({
        "key": ["01", "79", "B-TP", "B-CA"],
        "label": ["Hà Nội", "TP HCM", "Bộ Tư pháp", "Bộ Công an"],
        "kind": ["province", "province", "ministry", "ministry"],
        "locality_code": ["01", "79", "B-TP", "B-CA"],
        "received_full_online": [20, 60, 30, 80], "received_new": [100] * 4})
    tgs = [Target(2025, "localities", None, FO.id, 0.7),
           Target(2025, "ministries", None, FO.id, 0.85)]
    targets = drill.child_targets(children, FO, 2025, tgs)
    ranked = drill.rank(children, FO, targets)
    assert list(ranked["label"]) == ["Bộ Tư pháp", "Hà Nội", "TP HCM", "Bộ Công an"]  # by gap
    rules = pd.DataFrame({"target": [0.7, 0.85], "label": ["Chỉ tiêu địa phương 70%",
                                                           "Chỉ tiêu bộ ngành 85%"]})
    return ranked, rules


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_bars_are_ordered_by_the_value_they_show(lang):
    ranked, rules = _mixed_ranking()
    spec = _rank_spec(ranked, FO.id, lang, rules)
    bars = pd.DataFrame(spec["datasets"]["bars"])
    order = layer_with(spec, "bar", "bars")["encoding"]["y"]["sort"]
    by_label = bars.set_index("label")
    assert [by_label.loc[label, "value"] for label in order] == [0.2, 0.3, 0.6, 0.8]
    # the gap at the end of each bar, and each target drawn across the chart
    gaps = layer_with(spec, "text", "bars")
    assert gaps["encoding"]["text"]["field"] == "gap_text"
    assert by_label.loc["Bộ Tư pháp", "gap_text"] == fmt_points(-0.55, lang)
    assert layer_with(spec, "rule", "rules")["encoding"]["x"]["field"] == "target"
    assert [r["target"] for r in spec["datasets"]["rules"]] == [0.7, 0.85]


def _tick_texts(axis: dict, lang: str) -> list[str]:
    """The tick labels as the chart writes them (a d3 percent format ".Nf%")."""
    digits = int(re.fullmatch(r"\.(\d+)%", axis["format"]).group(1))
    return [fmt_pct(v, lang, digits) for v in axis["values"]]


@pytest.mark.parametrize("values,expected", [
    ([0.001, 0.004, 0.012], ".1%"), ([0.2, 0.55, 0.8], ".0%"), ([0.0002, 0.0009], ".2%")])
def test_no_two_ticks_of_the_ranking_read_alike(values, expected):
    ranked = pd.DataFrame({"key": [str(i) for i in range(len(values))],
                           "label": [f"Đơn vị {i}" for i in range(len(values))],
                           "value": values, "target": [None] * len(values),
                           "gap": [None] * len(values)})
    spec = _rank_spec(ranked, FO.id, "vi")
    axis = layer_with(spec, "bar", "bars")["encoding"]["x"]["axis"]
    assert axis["format"] == expected
    texts = _tick_texts(axis, "vi")
    assert len(set(texts)) == len(texts) and axis["values"][-1] >= max(values), texts


# --- 5. tables formatted by Babel, sorted by numbers ---------------------------------------

def test_the_ranking_table_reads_vietnamese_and_sorts_by_numbers(app_db):
    at = run("pages/province.py", province="01", **Q1)
    frame = at.dataframe[0]
    config = json.loads(frame.proto.columns or "{}")
    assert not [c for c in config.values() if (c.get("type_config") or {}).get("format")]
    shown = pa.ipc.open_stream(frame.proto.arrow_data.styler.display_values).read_all(
        ).to_pandas()
    numbers = frame.value
    rate = FO.label("vi")
    assert numbers[rate].dtype.kind == "f"  # a click on its header sorts by number
    column = list(numbers.columns).index(rate)
    assert [shown.iloc[i, column] for i in range(len(shown))] == [
        fmt_pct(v, "vi") for v in numbers[rate]]
    assert any("," in text and text.endswith("%") for text in shown.iloc[:, column])
    assert list(numbers[t("col_rank")]) == list(range(1, len(numbers) + 1))  # initial order


# --- 6. chart text readable across a room --------------------------------------------------

def _every_chart(lang: str) -> list[dict]:
    frame = pd.DataFrame({"month": [date(2025, 1, 1), date(2025, 2, 1)], "value": [0.2, 0.25],
                          "series": ["unit", "unit"]})
    trend = charts.trend_spec(frame, FO.id, (("unit", "Hà Nội"),), (), lang, 380)
    ranked, rules = _mixed_ranking()
    totals = {"resolved_early": 5, "resolved_on_time": 3, "resolved_late": 2,
              "pending_on_time": 4, "pending_late": 1}
    return [trend, _rank_spec(ranked, FO.id, lang, rules),
            _processing_chart(_parts(totals, lang), lang).to_dict()]


def _font_sizes(node) -> list[tuple[str, float]]:
    """Every font size set anywhere in a spec, with its key."""
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k.lower().endswith("fontsize"):
                out.append((k, v))
            out += _font_sizes(v)
    elif isinstance(node, list):
        for v in node:
            out += _font_sizes(v)
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chart_text_is_readable_across_a_room(lang):
    for spec in _every_chart(lang):
        config = spec["config"]
        assert config["axis"]["labelFontSize"] >= 14 and config["axis"]["titleFontSize"] >= 16
        assert config["legend"]["labelFontSize"] >= 14
        assert config["axis"]["labelLimit"] >= 400 and config["axis"]["titleLimit"] >= 400
        assert config["locale"]["number"] == charts.NUMBER_LOCALES[lang]
        small = [(k, v) for k, v in _font_sizes(spec) if v < 14]
        assert not small, small


def test_a_long_axis_title_wraps_rather_than_being_cut():
    frame = pd.DataFrame({"month": [date(2025, 1, 1)], "value": [0.2], "series": ["unit"]})
    spec = charts.trend_spec(frame, FO.id, (("unit", "Hà Nội"),), (), "vi", 380)
    title = layer_with(spec, "line", charts.LINES)["encoding"]["y"]["title"]
    assert " ".join(title) == FO.label("vi")  # "Tỷ lệ hồ sơ trực tuyến toàn trình (EMC)"
    assert all(len(line) <= charts.TITLE_CHARS for line in title)
