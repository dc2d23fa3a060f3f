"""The selection-to-scope logic of the drill-down, the ranking and the year-end projection,
as pure functions."""
import pandas as pd
import pytest

from domain import drill
from domain.metrics import METRICS
from domain.projection import project_year_end
from domain.scope import Scope
from domain.targets import Target

FO = METRICS["full_online_rate"]


def test_children_and_the_page_one_level_down():
    nation = Scope(units="63")
    assert drill.children_by(nation) == "locality"
    province = drill.child_scope(nation, "63:45")
    assert province == Scope(locality="63:45", units="63")
    assert drill.page_of(province) == "pages/province.py"
    assert drill.url_params(province) == {"province": "45"}  # the code people read
    assert drill.children_by(province) == "agency"
    agency = drill.child_scope(province, 12)
    assert agency == Scope(locality="63:45", agency=12, units="63")
    assert drill.url_params(agency) == {"agency": "12"}
    assert drill.children_by(agency) == "procedure"
    proc = drill.child_scope(agency, "1.001193")
    assert proc == Scope(locality="63:45", agency=12, procedure="1.001193", units="63")
    assert drill.url_params(proc) == {"procedure": "1.001193", "province": "45", "agency": "12"}
    assert drill.children_by(proc) is None
    with pytest.raises(ValueError):
        drill.child_scope(proc, "x")


def test_a_procedure_drills_through_provinces_then_agencies():
    proc = Scope(procedure="1.001193")
    assert drill.children_by(proc) == "locality"
    in_province = drill.child_scope(proc, "79")
    assert in_province == Scope(locality="79", procedure="1.001193")
    assert drill.page_of(in_province) == "pages/procedure.py"
    assert drill.children_by(in_province) == "agency"
    assert drill.child_scope(in_province, 3) == Scope(locality="79", agency=3,
                                                      procedure="1.001193")


def test_breadcrumbs_link_back_up():
    names = {("locality", "45"): "Quảng Trị", ("agency", 12): "Sở Tư pháp",
             ("procedure", "1.001193"): "Đăng ký khai sinh"}
    crumbs = drill.breadcrumbs(Scope(locality="45", agency=12, procedure="1.001193"), names,
                               "Toàn quốc")
    assert [c.label for c in crumbs] == ["Toàn quốc", "Quảng Trị", "Sở Tư pháp",
                                         "Đăng ký khai sinh"]
    assert [drill.page_of(c.scope) for c in crumbs] == [
        "app.py", "pages/province.py", "pages/agency.py", "pages/procedure.py"]


def test_rank_by_gap_then_value():
    children = pd.DataFrame({
        "key": ["a", "b", "c", "d"],
        "received_full_online": [50, 20, 90, 10], "received_new": [100, 100, 100, 100]})
    targets = [Target(2025, "localities", None, "full_online_rate", 0.7)] * 3 + [None]
    ranked = drill.rank(children, FO, targets)
    assert list(ranked["key"]) == ["b", "a", "c", "d"]  # furthest behind first; no target last
    assert ranked.loc[0, "gap"] == pytest.approx(-0.5)
    best, worst = drill.top_bottom(ranked, FO, n=2)
    assert list(best["key"]) == ["c", "a"] and list(worst["key"]) == ["d", "b"]


def test_each_child_gets_its_own_target():
    children = pd.DataFrame({"key": ["01", "B-CA"], "kind": ["province", "ministry"],
                             "locality_code": ["01", "B-CA"]})
    targets = [Target(2025, "localities", None, "full_online_rate", 0.7),
               Target(2025, "ministries", None, "full_online_rate", 0.85),
               Target(2025, "province:01", None, "full_online_rate", 0.6)]
    got = drill.child_targets(children, FO, 2025, targets)
    assert [t.value for t in got] == [0.6, 0.85]


def _months(rates, volume=100):
    return {m: {"received_full_online": r * volume, "received_new": volume}
            for m, r in enumerate(rates, start=1)}


def test_projection_continues_the_trend():
    target = Target(2025, "localities", None, "full_online_rate", 0.5)
    last_year = _months([0.2] * 12)
    # 30%, 32%, ... 40% over six months, +2 points a month: December reaches 52%.
    proj = project_year_end(FO, _months([0.30, 0.32, 0.34, 0.36, 0.38, 0.40]), last_year, target)
    assert proj.ytd_value == pytest.approx(0.35)
    assert proj.projected == pytest.approx((2.1 + sum(0.40 + 0.02 * k for k in range(1, 7))) / 12)
    assert proj.status == "off_track"  # 41,0% projected: 9 points short of 50%
    near = project_year_end(FO, _months([0.30, 0.32, 0.34, 0.36, 0.38, 0.40]), last_year,
                            Target(2025, "localities", None, "full_online_rate", 0.45))
    assert near.status == "at_risk"  # 4 points short
    flat = project_year_end(FO, _months([0.2] * 6), last_year, target)
    assert flat.projected == pytest.approx(0.2) and flat.status == "off_track"
    done = project_year_end(FO, _months([0.6] * 6), last_year, target)
    assert done.status == "on_track"
    assert project_year_end(FO, {}, last_year, target).status is None


def test_a_complete_year_is_a_result():
    target = Target(2024, "localities", None, "full_online_rate", 0.3)
    year = project_year_end(FO, _months([0.2] * 12), _months([0.2] * 12), target)
    assert year.complete and year.projected == pytest.approx(0.2)
    assert year.status == "off_track"
    assert project_year_end(FO, _months([0.3] * 12), {}, target).status == "on_track"
