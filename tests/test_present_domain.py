"""The big-screen mode's URL (domain/present.py): the interval bounded, the list of slides read
and checked, the default slides of each page, the ends of a ranking, and the clock that moves
the slides on."""
import pandas as pd
import pytest

from domain import drill, present
from domain.metrics import METRICS
from domain.present import BOTTOM, MAP, SUMMARY, TOP, Clock, View
from domain.targets import Target


@pytest.mark.parametrize("raw, expected", [
    (None, (30, None)), ("", (30, None)), ("  ", (30, None)),
    ("30", (30, None)), (" 45 ", (45, None)), ("12.6", (13, None)), ("5", (5, None)),
    ("600", (600, None)),
    ("2", (5, "low")), ("0", (5, "low")), ("-5", (5, "low")), ("4.4", (5, "low")),
    ("601", (600, "high")), ("1e400", (600, "high")), ("inf", (600, "high")),
    ("9" * 30, (600, "high")),
    ("nan", (30, "bad")), ("abc", (30, "bad")), ("30s", (30, "bad")), ("1,5", (30, "bad")),
    ("9" * 60, (30, "bad")),  # longer than any number a URL carries: not read
])
def test_interval_is_bounded(raw, expected):
    assert present.parse_interval(raw) == expected


def test_interval_bounds_are_readable():
    assert present.INTERVAL_MIN <= present.INTERVAL_DEFAULT <= present.INTERVAL_MAX
    assert present.INTERVAL_MIN >= 5  # a room needs a few seconds to read a slide


@pytest.mark.parametrize("token, view", [
    ("nation", View(SUMMARY)), ("NATION", View(SUMMARY)), (" map ", View(MAP)),
    ("bottom10", View(BOTTOM)), ("top10", View(TOP)),
    ("province:24", View(SUMMARY, "24")), ("province:1", View(SUMMARY, "01")),
    ("province:B-CA", View(SUMMARY, "B-CA")), ("province:b-ca", View(SUMMARY, "B-CA")),
    ("bottom10:24", View(BOTTOM, "24")), ("top10:B-TP", View(TOP, "B-TP")),
    ("Bottom10 : 45", View(BOTTOM, "45")),
])
def test_a_view_is_read(token, view):
    assert present.parse_view(token) == view
    assert present.parse_view(view.token) == view  # the URL's form reads back


@pytest.mark.parametrize("token", [
    "", "nations", "map:24", "nation:24", "province", "province:", "province:123",
    "province:ABC", "province:B-", "bottom5", "top10:24:1", "province:٢٤", "province:B-CA;x",
    "province:<b>", "bottom10:B-" + "X" * 20,
])
def test_a_bad_view_is_refused(token):
    assert present.parse_view(token) is None


def test_views_keep_their_order_and_drop_the_unknown():
    views, dropped = present.parse_views("map, province:24,,bogus,bottom10:B-CA,map",
                                         present.NATION_VIEWS)
    assert views == [View(MAP), View(SUMMARY, "24"), View(BOTTOM, "B-CA"), View(MAP)]
    assert dropped == ["bogus"]


def test_no_valid_view_gives_the_default():
    default = present.default_views("app.py", None)
    assert present.parse_views(None, default) == (list(default), [])
    assert present.parse_views(" , ", default) == (list(default), [])
    assert present.parse_views("x,y", default) == (list(default), ["x", "y"])


def test_views_are_bounded_and_long_values_cut():
    views, dropped = present.parse_views(",".join(["nation"] * 25 + ["z" * 100]),
                                         present.NATION_VIEWS)
    assert len(views) == present.MAX_VIEWS
    assert dropped[:5] == ["nation"] * 5
    assert len(dropped[-1]) == present.SHOWN_CHARS and dropped[-1].endswith("…")


def test_default_views_follow_the_page():
    assert present.default_views("app.py", None) == (
        View(SUMMARY), View(MAP), View(BOTTOM), View(TOP))
    assert present.default_views("pages/methodology.py", None) == present.NATION_VIEWS
    assert present.default_views("pages/map.py", None)[0] == View(MAP)
    # a province's page: the province, then its agencies furthest behind
    assert present.default_views("pages/province.py", "24") == (
        View(SUMMARY, "24"), View(BOTTOM, "24"))


@pytest.mark.parametrize("raw, on", [("1", True), (" true", True), ("yes", True), ("0", False),
                                     (None, False), ("", False), ("2", False)])
def test_present_switch(raw, on):
    assert present.is_on(raw) is on


# --- the ends of a ranking ---------------------------------------------------------------------
FO = METRICS["full_online_rate"]


def children(full: list, new: int = 100) -> pd.DataFrame:
    """One child per value of `full` (None: it did not report), named a, b, c, …"""
    return pd.DataFrame({
        "key": [chr(97 + i) for i in range(len(full))],
        "received_new": [new if f is not None else None for f in full],
        "received_full_online": full})


def test_ends_by_gap_to_each_childs_target():
    kids = children([50, 10, None, 30, 90])
    targets = [Target(2024, "localities", None, "full_online_rate", 0.7)] * 4 + [
        Target(2024, "province:e", None, "full_online_rate", 0.95)]
    ranked = drill.rank(kids, FO, targets)
    bottom, top, by_gap = present.rank_ends(ranked, FO, n=3)
    assert by_gap
    # gaps: a -20, b -60, d -40, e -5 (its own target); c did not report
    assert bottom["key"].tolist() == ["b", "d", "a"]
    assert top["key"].tolist() == ["e", "a", "d"]
    assert [round(g * 100) for g in bottom["gap"]] == [-60, -40, -20]


def test_ends_by_value_when_no_target():
    ranked = drill.rank(children([50, 10, None, 30]), FO, [None] * 4)
    bottom, top, by_gap = present.rank_ends(ranked, FO, n=2)
    assert not by_gap
    assert bottom["key"].tolist() == ["b", "d"] and top["key"].tolist() == ["a", "d"]
    # a metric better when lower: the highest are the weakest
    overdue = METRICS["pending_late_share"]
    frame = pd.DataFrame({"key": ["x", "y", "z"], "value": [0.1, 0.3, 0.2],
                          "gap": [None, None, None]})
    bottom, top, _ = present.rank_ends(frame, overdue, n=1)
    assert bottom["key"].tolist() == ["y"] and top["key"].tolist() == ["x"]


def test_ends_of_an_empty_ranking():
    ranked = drill.rank(children([None, None]), FO, [None, None])
    bottom, top, by_gap = present.rank_ends(ranked, FO)
    assert bottom.empty and top.empty and not by_gap


# --- the clock ---------------------------------------------------------------------------------
def test_the_clock_moves_on_at_each_timed_rerun():
    clock = Clock()
    assert clock.tick(100.0, 30, 4) == 0  # the first run shows the first slide
    assert clock.tick(101.0, 30, 4) == 0  # another run soon after (a button): no change
    assert clock.tick(130.2, 30, 4) == 1  # the timer: the next slide
    assert clock.tick(159.0, 30, 4) == 2  # a timer that fires a little early still moves on
    assert clock.tick(189.5, 30, 4) == 3
    assert clock.tick(219.5, 30, 4) == 0  # round again


def test_pause_and_steps():
    clock = Clock()
    clock.tick(0.0, 10, 3)
    clock.toggle(1.0)
    assert clock.paused
    assert clock.tick(50.0, 10, 3) == 0  # paused: no move however long
    clock.step(1, 51.0, 3)
    assert clock.index == 1 and clock.tick(52.0, 10, 3) == 1
    clock.step(-1, 53.0, 3)
    clock.step(-1, 53.5, 3)
    assert clock.index == 2  # previous from the first is the last
    clock.toggle(60.0)
    assert not clock.paused
    assert clock.tick(62.0, 10, 3) == 2  # a resumed slide gets its time
    assert clock.tick(70.0, 10, 3) == 0


def test_the_clock_fits_a_shorter_list():
    clock = Clock(index=7, changed_at=0.0)
    assert clock.tick(1.0, 30, 3) == 1  # 7 mod 3
