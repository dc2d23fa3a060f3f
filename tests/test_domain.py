"""Pure logic: Vietnamese formatting through Babel, periods, targets, figures."""
from datetime import date

import pytest

from domain.figures import figure
from domain.formatting import (fmt_change_pct, fmt_date, fmt_int, fmt_month, fmt_pct,
                               fmt_points, fmt_vnd)
from domain.metrics import METRICS
from domain.periods import Month, MonthRange, infer_preset, parse_range, preset
from domain.targets import Target, applicable


def test_vietnamese_formats():
    assert fmt_int(1234567, "vi") == "1.234.567"
    assert fmt_pct(0.439, "vi") == "43,9%"
    assert fmt_date(date(2026, 11, 22), "vi") == "22/11/2026"
    assert fmt_vnd(337_000_000, "vi") == "337 triệu đồng"
    assert fmt_vnd(1_500_000_000, "vi") == "1,5 tỷ đồng"
    assert fmt_points(0.0234, "vi") == "+2,3 điểm %"
    assert fmt_change_pct(-0.125, "vi") == "-12,5%"
    assert fmt_month(date(2025, 6, 1), "vi") == "06/2025"


def test_english_formats():
    assert fmt_int(1234567, "en") == "1,234,567"
    assert fmt_pct(0.439, "en") == "43.9%"
    assert fmt_vnd(337_000_000, "en") == "337 million VND"
    assert fmt_points(-0.01, "en") == "-1.0 pp"
    assert fmt_int(None, "vi") == "–" and fmt_pct(float("nan"), "vi") == "–"


def test_presets_and_year_earlier():
    jun = Month(2025, 6)
    assert preset("quarter", Month(2025, 5)) == MonthRange(Month(2025, 4), Month(2025, 6))
    assert preset("ytd", jun) == MonthRange(Month(2025, 1), jun)
    assert preset("9m", jun) == MonthRange(Month(2025, 1), Month(2025, 9))
    assert MonthRange(Month(2025, 1), jun).year_earlier() == MonthRange(Month(2024, 1), Month(2024, 6))
    assert MonthRange(Month(2024, 11), Month(2025, 2)).n_months == 4
    assert infer_preset(MonthRange(Month(2025, 4), Month(2025, 6))) == "quarter"
    assert infer_preset(MonthRange(Month(2025, 1), Month(2025, 5))) == "ytd"
    assert infer_preset(MonthRange(Month(2024, 11), Month(2025, 2))) is None


def test_parse_range_reports_and_falls_back():
    lo, hi = Month(2022, 1), Month(2025, 6)
    default = preset("ytd", hi)
    assert parse_range("2024-01", "2024-03", default, lo, hi) == (
        MonthRange(Month(2024, 1), Month(2024, 3)), [])
    rng, problems = parse_range("2024-13", "x", default, lo, hi)
    assert rng == default and problems == ["from", "to"]
    rng, problems = parse_range("2024-05", "2024-02", default, lo, hi)
    assert rng == default and "order" in problems
    rng, problems = parse_range("2019-01", "2030-12", default, lo, hi)
    assert rng == MonthRange(lo, hi) and problems == ["outside"]


TARGETS = [
    Target(2025, "localities", None, "full_online_rate", 0.70),
    Target(2025, "ministries", None, "full_online_rate", 0.85),
    Target(2025, "province:56", None, "full_online_rate", 0.60),
    Target(2025, "province:56", "commune", "full_online_rate", 0.25),
    Target(2024, "nation", None, "full_online_rate", 0.50),
]


def test_the_narrowest_target_applies():
    fo = METRICS["full_online_rate"]
    assert applicable(TARGETS, fo, 2025, kind="province", locality="01").value == 0.70
    assert applicable(TARGETS, fo, 2025, kind="ministry", locality="B-CA").value == 0.85
    assert applicable(TARGETS, fo, 2025, kind="province", locality="56").value == 0.60
    assert applicable(TARGETS, fo, 2025, kind="province", locality="56",
                      level="commune").value == 0.25
    assert applicable(TARGETS, fo, 2025) is None  # no national target in 2025
    assert applicable(TARGETS, fo, 2024, kind="province", locality="01").value == 0.50
    assert applicable(TARGETS, METRICS["on_time_rate"], 2025) is None


def test_figure_change_and_gap():
    now = {"received_full_online": 60, "received_new": 100}
    before = {"received_full_online": 40, "received_new": 100}
    fig = figure("full_online_rate", now, before, TARGETS[0])
    assert fig.value == pytest.approx(0.6) and fig.change == pytest.approx(0.2)
    assert fig.change_is_good is True
    assert fig.gap == pytest.approx(-0.1) and fig.target_met is False
    late = figure("pending_late", {"pending_late": 12}, {"pending_late": 10})
    assert late.change == pytest.approx(0.2) and late.change_is_good is False
