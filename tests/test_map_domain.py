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


def frame(values, target=None, better_up=True) -> pd.DataFrame:
    """unit_values' columns for a list of values (and one target for all, or none)."""
    value = pd.Series(values, dtype="float64")
    tg = pd.Series([target] * len(value), dtype="float64")
    return pd.DataFrame({"value": value, "target": tg,
                         "gap": (value - tg) if better_up else (tg - value),
                         "change": pd.Series([float("nan")] * len(value))})


def labels(groups) -> list[list[str]]:
    return [[label for _, label in g.entries] for g in groups]


def test_62_of_63_behind_the_target_get_the_behind_colours():
    """The colours diverge around the target whatever the spread: 62 provinces between 12%
    and 66% against a 70% target are all red, the one at 72% blue; quantile classes would
    have painted the best third of the 62 in the darkest, "best" colour."""
    values = [0.12 + i * (0.66 - 0.12) / 61 for i in range(62)] + [0.72]
    scale = mapping.scale_for(RATE, "value", frame(values, 0.70))
    assert scale.kind == "target" and scale.target == 0.70
    colours = [scale.colour(v) for v in values]
    assert sum(c in mapping.RED for c in colours) == 62
    assert sum(c in mapping.BLUE for c in colours) == 1
    assert colours[-1] in mapping.BLUE and scale.colour(0.70) in mapping.BLUE  # met = blue
    assert scale.colour(0.6999) in mapping.RED
    # the further behind, the darker: the lowest province gets the darkest red
    assert colours[0] == mapping.RED[-1] and colours[61] == mapping.RED[0]
    groups = mapping.legend(scale, RATE, "vi")
    assert [g.title for g in groups] == ["Dưới chỉ tiêu 70%", "Đạt chỉ tiêu"]
    assert labels(groups) == [["< 25%", "25% – 50%", "50% – 70%"], ["≥ 70%"]]
    assert [g.title for g in mapping.legend(scale, RATE, "en")] == [
        "Below the 70% target", "Target met"]
    # a target that is not a round number still separates the two sides
    scale = mapping.scale_for(RATE, "value", frame(values, 0.655))
    assert sum(scale.colour(v) in mapping.RED for v in values) == 61
    assert labels(mapping.legend(scale, RATE, "vi"))[1][0].startswith("65,5% – ")


def test_targets_that_differ_read_as_points_from_the_target():
    f = frame([0.2, 0.5, 0.8], 0.6)
    f.loc[0, "target"], f.loc[0, "gap"] = 0.3, -0.1  # a province with its own target
    scale = mapping.scale_for(RATE, "value", f)
    assert scale.kind == "target" and scale.target is None
    groups = mapping.legend(scale, RATE, "vi")
    assert [g.title for g in groups] == ["Dưới chỉ tiêu", "Đạt chỉ tiêu"]
    assert all("điểm %" in label for g in labels(groups) for label in g)
    # the gap view reads in points too, around the same break
    assert mapping.scale_for(RATE, "gap", f).breaks == scale.breaks


def test_without_a_target_a_rate_gets_round_equal_classes():
    values = [i / 100 for i in range(10, 91)]  # 10% … 90%, no target
    scale = mapping.scale_for(RATE, "value", frame(values))
    assert scale.kind == "sequential" and not scale.diverging
    assert scale.breaks == (0.2, 0.4, 0.6, 0.8)  # not the quantiles 26%, 42%, 58%, 74%
    assert scale.colour(0.05) == mapping.SEQUENTIAL_UP[0]
    assert scale.colour(0.99) == mapping.SEQUENTIAL_UP[-1]
    assert scale.colour(float("nan")) == mapping.NO_DATA
    assert scale.colour(None) == mapping.NO_DATA
    # a narrow range gets a finer round step, still readable
    assert mapping.scale_for(RATE, "value", frame([0.12, 0.19, 0.31, 0.45])).breaks == (
        0.2, 0.3, 0.4)
    assert mapping.scale_for(RATE, "value", frame([0.971, 0.983, 0.999])).breaks == (0.98, 0.99)
    # a target for only some of the units: no common yardstick, the level scale
    partial = frame([0.2, 0.5, 0.8])
    partial.loc[0, ["target", "gap"]] = [0.55, -0.35]
    assert mapping.scale_for(RATE, "value", partial).kind == "sequential"


def test_round_breaks():
    assert mapping.round_breaks(0.1, 0.45, 4) == (0.2, 0.3, 0.4)
    assert mapping.round_breaks(0.2, 0.3, 1) == (0.3,)  # the top edge counts, the bottom not
    assert mapping.round_breaks(-0.6, 0.0, 3) == (-0.4, -0.2, 0.0)
    assert mapping.round_breaks(0.0, 0.02, 1, min_step=0.05) == ()
    assert mapping.round_breaks(0.5, 0.5, 3) == ()
    assert mapping.round_breaks(0.12, 0.7, 2, with_hi=False) == (0.25, 0.5)  # 2,5 × 10^k
    assert mapping.round_breaks(0.2, 0.5, 2, with_hi=False) == (0.3, 0.4)  # 50% not in


def test_lower_is_better_gets_the_red_scale():
    scale = mapping.scale_for(LATE, "value", frame([1, 10, 100, 1000, 10000, 20000]))
    assert set(scale.colours) <= set(mapping.SEQUENTIAL_DOWN)
    assert scale.breaks == (10.0, 100.0, 1000.0, 10000.0)  # quantiles read as 1, 2, 5 × 10^k
    assert mapping.scale_for(VOLUME, "value", frame([130, 480, 2300, 9000, 31000])).breaks == (
        500.0, 2000.0, 5000.0, 10000.0)


def test_a_single_value_gets_one_class():
    scale = mapping.scale_for(VOLUME, "value", frame([5.0, 5.0, float("nan")]))
    assert scale.breaks == () and len(scale.colours) == 1


def test_gap_breaks_split_at_the_target_and_spread_one_sided_data():
    gaps = [-0.45, -0.40, -0.30, -0.25, -0.20, -0.10, -0.05]  # everyone behind target
    scale = mapping.scale_for(RATE, "gap", frame([0.3 + g for g in gaps], 0.3))
    assert scale.diverging and 0.0 in scale.breaks and scale.below == 3
    assert scale.breaks == (-0.4, -0.2, 0.0)
    assert {scale.colour(g) for g in gaps} == set(mapping.RED)
    assert scale.colour(0.0) == mapping.BLUE[1]  # met: one blue class
    groups = mapping.legend(scale, RATE, "vi")
    assert labels(groups) == [["< -40 điểm %", "-40 – -20 điểm %", "-20 – 0 điểm %"],
                              ["≥ 0 điểm %"]]
    assert labels(mapping.legend(scale, RATE, "en"))[0][0] == "< -40 pp"


def test_change_colours_follow_the_good_direction():
    changes = frame([0.5, 0.5]).assign(change=[-0.1, 0.1])
    up = mapping.scale_for(RATE, "change", changes)
    down = mapping.scale_for(LATE, "change", changes)
    neutral = mapping.scale_for(VOLUME, "change", changes)
    assert up.kind == "change" and up.column == "change"
    assert up.colour(0.1) in mapping.BLUE and up.colour(-0.1) in mapping.RED  # more online
    assert down.colour(0.1) in mapping.RED and down.colour(-0.1) in mapping.BLUE  # overdue
    assert neutral.colour(0.1) in mapping.PURPLE and neutral.colour(-0.1) in mapping.ORANGE
    assert labels(mapping.legend(up, RATE, "vi")) == [[
        "< -5 điểm %", "-5 – 0 điểm %", "0 – +5 điểm %", "+5 – +10 điểm %", "≥ +10 điểm %"]]


def test_legend_labels_are_babel_formatted():
    scale = mapping.Scale((0.3, 0.455), mapping.SEQUENTIAL_UP[:3])
    assert labels(mapping.legend(scale, RATE, "vi")) == [
        ["< 30,0%", "30,0% – 45,5%", "≥ 45,5%"]]
    scale = mapping.Scale((1500.0, 25000.0), mapping.SEQUENTIAL_UP[:3])
    assert labels(mapping.legend(scale, VOLUME, "vi")) == [["< 1.500", "1.500 – 25.000",
                                                            "≥ 25.000"]]
    scale = mapping.Scale((0.555, 0.655, 0.705), mapping.SEQUENTIAL_UP[:4], "target",
                          "value", 2, 0.655)
    assert labels(mapping.legend(scale, RATE, "vi")) == [["< 55,5%", "55,5% – 65,5%"],
                                                         ["65,5% – 70,5%", "≥ 70,5%"]]
    assert mapping.legend(scale, RATE, "en")[0].title == "Below the 65.5% target"


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
