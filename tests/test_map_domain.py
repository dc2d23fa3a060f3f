"""The map's pure rules: class breaks and colours, the legend, ranks, the 63 → 34
re-aggregation the map relies on (domain.eras.regroup) with exact values, fitting the view.
(Simplifying and dissolving the shapes is shapely's, checked in tests/test_map_geo.py.)"""
import math

import pandas as pd
import pytest

from domain import eras, mapping
from domain.metrics import METRICS
from domain.targets import Target


# --- colours, breaks, legend -------------------------------------------------------------------

RATE = METRICS["full_online_rate"]
LATE = METRICS["pending_late"]
VOLUME = METRICS["received_new"]


def test_sequential_breaks_are_round_quantiles():
    values = [i / 100 for i in range(10, 91)]  # 10% … 90%
    scale = mapping.scale_for(RATE, "value", values)
    assert scale.breaks == (0.26, 0.42, 0.58, 0.74)
    assert not scale.diverging and len(scale.colours) == 5
    assert scale.colour(0.05) == mapping.SEQUENTIAL_UP[0]
    assert scale.colour(0.99) == mapping.SEQUENTIAL_UP[-1]
    assert scale.colour(float("nan")) == mapping.NO_DATA
    assert scale.colour(None) == mapping.NO_DATA


def test_lower_is_better_gets_the_red_scale():
    scale = mapping.scale_for(LATE, "value", [1, 10, 100, 1000, 10000, 20000])
    assert set(scale.colours) <= set(mapping.SEQUENTIAL_DOWN)
    assert all(b == float(f"{b:.2g}") for b in scale.breaks)  # two significant digits


def test_a_single_value_gets_one_class():
    scale = mapping.scale_for(RATE, "value", [0.5, 0.5, float("nan")])
    assert scale.breaks == () and len(scale.colours) == 1


def test_diverging_breaks_split_at_zero_and_spread_one_sided_data():
    gaps = [-0.45, -0.40, -0.30, -0.25, -0.20, -0.10, -0.05]  # everyone behind target
    scale = mapping.scale_for(RATE, "gap", gaps)
    assert scale.diverging and 0.0 in scale.breaks
    below = [b for b in scale.breaks if b < 0]
    assert len(below) == 2  # three red classes for the seven provinces behind
    assert {scale.colour(g) for g in gaps} == set(mapping.DIVERGING_GOOD[:3])
    assert scale.colour(0.0) == mapping.DIVERGING_GOOD[3]  # met = the first blue
    assert scale.colour(-0.01) == mapping.DIVERGING_GOOD[2]


def test_change_colours_follow_the_good_direction():
    up = mapping.scale_for(RATE, "change", [-0.1, 0.1])
    down = mapping.scale_for(LATE, "change", [-0.1, 0.1])
    neutral = mapping.scale_for(VOLUME, "change", [-0.1, 0.1])
    assert up.colour(0.1) in mapping.DIVERGING_GOOD[3:]  # more online = blue
    assert down.colour(0.1) in mapping.DIVERGING_GOOD[:3]  # more overdue = red
    assert neutral.colour(0.1) in mapping.DIVERGING_NEUTRAL


def test_legend_labels_are_babel_formatted():
    scale = mapping.Scale((0.3, 0.455), mapping.SEQUENTIAL_UP[:3], False)
    assert [label for _, label in mapping.legend(scale, RATE, "value", "vi")] == [
        "< 30,0%", "30,0% – 45,5%", "≥ 45,5%"]
    scale = mapping.Scale((-0.2, 0.0), mapping.DIVERGING_GOOD[1:4], True)
    assert [label for _, label in mapping.legend(scale, RATE, "gap", "vi")] == [
        "< -20 điểm %", "-20 – 0 điểm %", "≥ 0 điểm %"]
    assert [label for _, label in mapping.legend(scale, RATE, "gap", "en")] == [
        "< -20 pp", "-20 – 0 pp", "≥ 0 pp"]
    scale = mapping.Scale((1500.0, 25000.0), mapping.SEQUENTIAL_UP[:3], False)
    assert [label for _, label in mapping.legend(scale, VOLUME, "value", "vi")] == [
        "< 1.500", "1.500 – 25.000", "≥ 25.000"]


def test_views_offer_a_gap_only_with_a_target():
    assert mapping.views_for(RATE) == ("value", "gap", "change")
    assert mapping.views_for(VOLUME) == ("value", "change")


def test_rank_one_is_best():
    shown = pd.Series([0.2, 0.5, None, 0.4])
    assert list(mapping.rank(shown, RATE, "value")) == [3, 1, pd.NA, 2]
    assert list(mapping.rank(pd.Series([5.0, 1.0, 3.0]), LATE, "value")) == [3, 1, 2]
    assert list(mapping.rank(pd.Series([-0.1, 0.2]), LATE, "gap")) == [2, 1]


# --- 63 → 34 ---------------------------------------------------------------------------------

CROSSWALK = eras.Crosswalk.from_codes([("02", "08"), ("08", "08"), ("01", "01"), ("06", "19"),
                                       ("19", "19")])


def test_regroup_sums_numerators_and_denominators_into_the_34():
    totals = pd.DataFrame({
        "key": ["63:01", "63:02", "63:08", "63:19"],
        "received_full_online": [90.0, 15.0, 120.0, 30.0],
        "received_new": [300.0, 120.0, 180.0, 120.0],
        "pending_late": [7.0, 1.0, 4.0, float("nan")],
    })
    out = eras.regroup(totals, CROSSWALK, "34").set_index("key")
    assert list(out.index) == ["34:01", "34:08", "34:19"]
    assert out.loc["34:08", "received_full_online"] == 135.0
    assert out.loc["34:08", "received_new"] == 300.0
    assert out.loc["34:08", "pending_late"] == 5.0  # stocks per agency add up across provinces
    assert out.loc["34:08", "members_reported"] == 2
    assert out.loc["34:19", "members_reported"] == 1  # Bắc Kạn (06) did not report
    assert math.isnan(out.loc["34:19", "pending_late"])  # blank stays blank, not 0
    values = mapping.unit_values(out.reset_index(), out.reset_index().iloc[0:0], RATE, {})
    rate = values.set_index("key")["value"]
    assert rate["34:08"] == pytest.approx(0.45)  # 135 / 300, not the mean of 12.5% and 66.7%
    # in the 63 the old provinces stay as they are
    same = eras.regroup(totals, CROSSWALK, "63")
    assert list(same["key"]) == list(totals["key"]) and same["members_reported"].tolist() == [
        1, 1, 1, 1]


def test_unit_values_change_target_and_gap():
    now = pd.DataFrame({"key": ["34:01", "34:08"], "received_full_online": [90.0, 120.0],
                        "received_new": [300.0, 180.0]})
    before = pd.DataFrame({"key": ["34:08"], "received_full_online": [45.0],
                           "received_new": [180.0]})
    target = Target(2026, "localities", None, "full_online_rate", 0.30)
    out = mapping.unit_values(now, before, RATE, {"34:01": target, "34:08": target})
    out = out.set_index("key")
    assert out.loc["34:08", "change"] == pytest.approx(120 / 180 - 0.25)  # points
    assert math.isnan(out.loc["34:01", "change"])
    assert out.loc["34:01", "gap"] == pytest.approx(0.0)
    assert out.loc["34:08", "gap"] == pytest.approx(120 / 180 - 0.30)
    counts = mapping.unit_values(now, before, VOLUME, {}).set_index("key")
    assert counts.loc["34:08", "change"] == pytest.approx(0.0)  # 180 vs 180: relative change


# --- the view --------------------------------------------------------------------------------

def test_fit_view_and_project_agree():
    view = mapping.fit_view(102.0, 7.0, 117.0, 23.5, 700, 640, padding=0)
    corners = [mapping.project(x, y, view, 700, 640) for x, y in ((102.0, 23.5), (117.0, 7.0))]
    (x0, y0), (x1, y1) = corners
    assert min(x0, 700 - x1) == pytest.approx(0, abs=0.5) or \
        min(y0, 640 - y1) == pytest.approx(0, abs=0.5)  # the box touches two edges
    assert -0.5 <= x0 and x1 <= 700.5 and -0.5 <= y0 and y1 <= 640.5  # and fits
    assert mapping.project(view["longitude"], view["latitude"], view, 700, 640) == (350, 320)
