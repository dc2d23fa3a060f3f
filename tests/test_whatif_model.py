"""The fee what-if model (domain/whatif.py): property tests of the identities and the shape of
the response, and a baseline worked out by hand on a tiny panel."""
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain import eras, whatif
from domain.periods import Month

SETTINGS = settings(max_examples=60, deadline=None)
shares = st.floats(0.0, 1.0, allow_nan=False)
discounts = st.floats(0.0, 1.0, allow_nan=False)
ceilings = st.floats(0.05, 1.0, allow_nan=False)
responses = st.floats(0.0, 3.0, allow_nan=False)


@st.composite
def cell_frames(draw):
    """A few cells (unit × procedure) with random shares, volumes and fees."""
    n = draw(st.integers(1, 8))
    fee_direct = draw(st.lists(st.sampled_from([0.0, 2_000.0, 15_000.0, 50_000.0, 200_000.0]),
                               min_size=n, max_size=n))
    online_part = draw(st.lists(st.floats(0.0, 1.0), min_size=n, max_size=n))
    return pd.DataFrame({
        "unit": draw(st.lists(st.sampled_from(["01", "79", "B-TP"]), min_size=n, max_size=n)),
        "kind": "province",
        "procedure": [f"P{i % 3}" for i in range(n)],
        "new": draw(st.lists(st.floats(0.0, 5_000.0), min_size=n, max_size=n)),
        "p": draw(st.lists(shares, min_size=n, max_size=n)),
        "r": draw(st.lists(shares, min_size=n, max_size=n)),
        "slope": draw(st.lists(st.floats(-0.1, 0.1), min_size=n, max_size=n)),
        "slope_r": draw(st.lists(st.floats(-0.1, 0.1), min_size=n, max_size=n)),
        "fee_direct": fee_direct,
        "fee_online": [fd * k for fd, k in zip(fee_direct, online_part)],
        "has_online": draw(st.lists(st.booleans(), min_size=n, max_size=n)),
    })


def params(**kw) -> whatif.Params:
    base = dict(covered=frozenset({"P0", "P1", "P2"}), discount=0.5, start=0, horizon=6,
                response=0.8, uncertainty=0.2, ceiling=0.98, visit_cost=245_000, trend=False)
    return whatif.Params(**(base | kw))


# --- the response ---------------------------------------------------------------------------
@SETTINGS
@given(st.lists(shares, min_size=1, max_size=20), ceilings)
def test_no_shift_is_the_baseline_exactly(p, c):
    p = np.array(p)
    assert np.array_equal(whatif.uptake(p, c, 0.0), p)


@SETTINGS
@given(st.lists(shares, min_size=1, max_size=20), ceilings, responses, discounts, discounts)
def test_uptake_grows_with_the_cut_and_never_passes_the_ceiling(p, c, resp, d1, d2):
    p = np.array(p)
    lo, hi = sorted((d1, d2))
    s_lo = whatif.uptake(p, c, whatif.price_shift(resp, lo, 100.0, 100.0))
    s_hi = whatif.uptake(p, c, whatif.price_shift(resp, hi, 100.0, 100.0))
    assert np.all(s_hi >= s_lo)  # never decreases as the cut grows
    assert np.all(s_lo >= p)  # a cut never lowers uptake
    assert np.all(s_hi <= np.maximum(p, c))  # never past the ceiling…
    assert np.array_equal(s_hi[p >= c], p[p >= c])  # …and no change above it


@SETTINGS
@given(st.lists(shares, min_size=1, max_size=20), ceilings, discounts, responses, responses)
def test_uptake_grows_with_the_response(p, c, d, r1, r2):
    p = np.array(p)
    lo, hi = sorted((r1, r2))
    assert np.all(whatif.uptake(p, c, whatif.price_shift(hi, d, 1.0, 1.0))
                  >= whatif.uptake(p, c, whatif.price_shift(lo, d, 1.0, 1.0)))


def test_the_cut_is_worth_its_share_of_the_full_fee():
    # Residence registration: 20,000 in person, 10,000 online; a 100% cut of the online fee
    # is worth half the full fee: half the response.
    assert whatif.price_shift(0.8, 1.0, 20_000, 10_000) == pytest.approx(0.4)
    assert whatif.price_shift(0.8, 0.5, 50_000, 50_000) == pytest.approx(0.4)
    assert whatif.price_shift(0.8, 1.0, 0, 0) == 0.0  # no fee, nothing to cut


# --- the projection ---------------------------------------------------------------------------
@SETTINGS
@given(cell_frames(), st.booleans())
def test_zero_cut_reproduces_the_baseline(cells, trend):
    proj = whatif.project(cells, params(discount=0.0, trend=trend))
    for p in (proj.p_scen, proj.p_lo, proj.p_hi):
        assert np.array_equal(p, proj.p_base)
    for g in proj.given_up.values():
        assert np.all(g == 0)
    tot = whatif.totals(proj)
    assert tot.moved == (0.0, 0.0, 0.0)
    assert tot.given_up_year == (0.0, 0.0, 0.0) and tot.savings_year == (0.0, 0.0, 0.0)
    r = whatif.rates(proj)
    pd.testing.assert_series_equal(r["online_scen"], r["online_base"], check_names=False)


@SETTINGS
@given(cell_frames(), discounts, responses, st.integers(0, 8), st.booleans())
def test_revenue_and_savings_identities(cells, d, resp, start, trend):
    prm = params(discount=d, response=resp, start=start, trend=trend)
    proj = whatif.project(cells, prm)
    n = proj.n
    fd = cells["fee_direct"].to_numpy()[:, None]
    fo = cells["fee_online"].to_numpy()[:, None]
    dd = np.where(proj.active, d, 0.0)
    # revenue given up = what the baseline collects − what the scenario collects
    on_b, on_s = n * proj.p_base, n * proj.p_scen
    collected_b = on_b * fo + (n - on_b) * fd
    collected_s = on_s * fo * (1 - dd) + (n - on_s) * fd
    np.testing.assert_allclose(proj.given_up["mid"], collected_b - collected_s,
                               rtol=1e-9, atol=1e-6)
    assert np.all(proj.given_up["mid"] >= -1e-6)
    # nothing changes outside the covered cells or before the start
    assert np.array_equal(proj.p_scen[~proj.active], proj.p_base[~proj.active])
    tot = whatif.totals(proj)
    assert tot.savings_total == pytest.approx(tot.given_up_total + tot.moved[0] * prm.visit_cost)
    if tot.policy_months:
        per_year = 12 / tot.policy_months
        assert tot.given_up_year[0] == pytest.approx(tot.given_up_total * per_year)
        assert tot.savings_year[0] == pytest.approx(tot.savings_total * per_year)
    assert tot.moved[1] <= tot.moved[0] + 1e-6 <= tot.moved[2] + 2e-6  # low ≤ mid ≤ high
    r = whatif.rates(proj)
    ok = r["online_base"].notna()
    assert np.all(r.loc[ok, "online_scen"] >= r.loc[ok, "online_base"] - 1e-12)
    assert np.all(r.loc[ok, "full_scen"] <= r.loc[ok, "online_scen"] + 1e-12)


@SETTINGS
@given(cell_frames())
def test_units_add_up_to_the_scope(cells):
    proj = whatif.project(cells, params())
    units = whatif.unit_table(proj, {})
    assert units["moved"].sum() == pytest.approx(whatif.totals(proj).moved[0], abs=1e-6)
    assert units["given_up"].sum() == pytest.approx(whatif.totals(proj).given_up_total,
                                                    abs=1e-3)


def test_first_reaching():
    assert whatif.first_reaching([0.5, 0.69, 0.7, 0.8], 0.7) == 2
    assert whatif.first_reaching([0.5, 0.6], 0.7) is None
    assert whatif.first_reaching([0.9], None) is None
    # met from the month after which it is met every month: a dip later counts
    assert whatif.first_reaching([0.7, 0.6, 0.8], 0.7) == 2


def test_targets_of_each_year_and_none_carried_forward():
    # from 11/2025, 4 months: 2025's target, then 2026, which has none
    path = whatif.target_path({2024: 0.3, 2025: 0.7}, Month(2025, 11), 4)
    np.testing.assert_array_equal(path[:2], [0.7, 0.7])
    assert np.isnan(path[2:]).all()
    assert whatif.first_reaching([0.6, 0.75, 0.5, 0.5], path) == 1  # no target in 2026
    assert whatif.first_reaching([0.9, 0.9], [np.nan, np.nan]) is None
    # a target that rises with the year: met from where every later month meets its own
    rising = whatif.target_path({2024: 0.7, 2025: 0.85}, Month(2024, 11), 4)
    assert whatif.first_reaching([0.8, 0.8, 0.8, 0.8], rising) is None
    assert whatif.first_reaching([0.8, 0.8, 0.9, 0.9], rising) == 0


# --- the baseline, by hand ---------------------------------------------------------------------
def _panel() -> pd.DataFrame:
    """Unit 01, procedure X, 12 months to 2024-12: 100 new a month, 50 online (60 in the last
    3 months), 30 full-process in each of the last 3; one quarterly row elsewhere."""
    rows = []
    for i in range(12):
        m = Month(2024, 1).plus(i)
        recent = i >= 9
        rows.append(("01", "X", m.first_day, 1, True, 100.0, 60.0 if recent else 50.0,
                     30.0 if recent else 20.0))
    rows.append(("01", "Y", date(2024, 10, 1), 3, False, 300.0, 150.0, 0.0))
    rows.append(("01", "X", date(2023, 12, 1), 1, True, 999.0, 0.0, 0.0))  # too old
    return pd.DataFrame(rows, columns=["unit", "procedure", "month", "months", "monthly", "new",
                                       "online", "full"])


def test_cells_by_hand():
    fees = pd.DataFrame({"unit": ["01"], "procedure": ["X"], "fee_direct": [20_000.0],
                         "fee_online": [10_000.0], "has_online": [True]})
    cells = whatif.build_cells(_panel(), Month(2024, 12), {"01": "province"}, fees)
    x = cells.set_index("procedure").loc["X"]
    assert x["new"] == 100.0  # 1,200 over 12 months (the 2023 row is outside the window)
    assert x["p"] == pytest.approx(0.6)  # the last 3 months: 180 / 300
    assert x["r"] == pytest.approx(0.5)  # 90 / 180
    assert (x["fee_direct"], x["fee_online"], x["has_online"]) == (20_000.0, 10_000.0, True)
    y = cells.set_index("procedure").loc["Y"]
    assert y["new"] == 100.0  # a quarterly row: 300 over 3 months
    assert y["p"] == pytest.approx(0.5) and y["fee_direct"] == 0.0 and not y["has_online"]


def test_projection_by_hand():
    cells = pd.DataFrame({"unit": ["01"], "kind": ["province"], "procedure": ["X"],
                          "new": [100.0], "p": [0.6], "r": [0.5], "slope": [0.0],
                          "slope_r": [0.0], "fee_direct": [20_000.0], "fee_online": [10_000.0],
                          "has_online": [True]})
    prm = params(covered=frozenset({"X"}), discount=1.0, start=2, horizon=4, response=0.8,
                 uncertainty=0.0, ceiling=1.0, visit_cost=100_000)
    proj = whatif.project(cells, prm)
    # free online is worth half the full fee: shift 0.4; 60% → σ(logit 0.6 + 0.4) = 69.1%
    expected = 1 / (1 + np.exp(-(np.log(0.6 / 0.4) + 0.4)))
    np.testing.assert_allclose(proj.p_scen[0], [0.6, 0.6, expected, expected])
    moved = 100 * (expected - 0.6)
    # given up a month: movers pay 10,000 instead of 20,000; every online dossier pays 0
    given = moved * 10_000 + 100 * expected * 10_000
    tot = whatif.totals(proj)
    assert tot.moved[0] == pytest.approx(2 * moved)
    assert tot.policy_months == 2
    assert tot.given_up_year[0] == pytest.approx(12 * given)
    assert tot.savings_year[0] == pytest.approx(12 * (given + moved * 100_000))
    r = whatif.rates(proj)
    assert r["full_scen"].iloc[-1] == pytest.approx(expected * 0.5)


def test_trend_baseline_continues_the_unit_slope():
    cells = pd.DataFrame({"unit": ["01"], "kind": ["province"], "procedure": ["X"],
                          "new": [100.0], "p": [0.5], "r": [0.5], "slope": [0.1],
                          "slope_r": [0.0], "fee_direct": [0.0], "fee_online": [0.0],
                          "has_online": [True]})
    p, r = whatif.baseline(cells, 3, trend=True)
    # the level sits 2 months before the first projected month
    np.testing.assert_allclose(p[0], 1 / (1 + np.exp(-0.1 * np.array([2.0, 3.0, 4.0]))))
    np.testing.assert_allclose(r[0], 0.5)


MERGER = eras.Crosswalk({"63:01": "34:01", "63:79": "34:79", "63:74": "34:79"})


def test_online_fees_apply_the_policies_in_force():
    procs = pd.DataFrame({"code": ["A", "B", "C"], "fee_direct_vnd": [20_000, 50_000, None],
                          "fee_online_vnd": [10_000, None, None],
                          "online_level": ["full", "partial", "none"]})
    pol = pd.DataFrame({"id": [1, 2, 3], "scope": ["province:79", "nation", "province:01"],
                        "discount_pct": [100.0, 50.0, 75.0],
                        "valid_from": [date(2024, 5, 1), date(2025, 8, 5), date(2025, 9, 1)],
                        "valid_to": [None, None, None]})
    cov = pd.DataFrame({"policy_id": [1, 1, 2, 3], "procedure_code": ["A", "B", "B", "A"]})
    # TP HCM (79) merged Bình Dương (74): the old city's zero fee reaches three quarters of A
    shares = pd.DataFrame({"unit": ["34:79", "34:79"], "member": ["63:79", "63:74"],
                           "procedure": ["A", "A"], "share": [0.75, 0.25]})

    def fees(month):
        return whatif.online_fees(["34:01", "34:79"], procs, pol, cov, month, MERGER,
                                  shares).set_index(["unit", "procedure"])

    jul = fees(Month(2025, 7))
    assert jul.loc[("34:01", "A"), "fee_online"] == 10_000  # the listed online fee
    assert jul.loc[("34:01", "B"), "fee_online"] == 50_000  # none listed: the direct fee
    assert jul.loc[("34:79", "A"), "fee_online"] == pytest.approx(0.25 * 10_000)
    # no shares known for B: the old city's policy is not counted in the merged unit
    assert jul.loc[("34:79", "B"), "fee_online"] == 50_000
    assert jul.loc[("34:01", "C"), "fee_direct"] == 0 and not jul.loc[("34:01", "C"),
                                                                      "has_online"]
    # the national policy starts on the 5th: not in force for the whole of August
    assert fees(Month(2025, 8)).loc[("34:01", "B"), "fee_online"] == 50_000
    sep = fees(Month(2025, 9))
    assert sep.loc[("34:01", "B"), "fee_online"] == 25_000
    # a policy of today's Hà Nội (keyed 34:01 from its start in 09/2025)
    assert sep.loc[("34:01", "A"), "fee_online"] == 5_000
    assert sep.loc[("34:79", "B"), "fee_online"] == 25_000


def _panel_across_the_change() -> pd.DataFrame:
    """TP HCM (63:79) and Bình Dương (63:74) in 06/2025, their union 34:79 in 07/2025."""
    rows = [("63:79", "A", date(2025, 6, 1), 300.0, 150.0), ("63:74", "A", date(2025, 6, 1),
                                                             100.0, 20.0),
            ("63:79", "B", date(2025, 6, 1), 50.0, 5.0),
            ("34:79", "A", date(2025, 7, 1), 420.0, 180.0)]
    frame = pd.DataFrame(rows, columns=["unit", "procedure", "month", "new", "online"])
    frame["full"] = frame["online"] / 2
    frame["spread"] = 1.0
    frame["months"], frame["monthly"] = 1, True
    return frame


def test_history_is_summed_into_the_units_of_today():
    today = whatif.in_units(_panel_across_the_change(), MERGER, eras.ERA_34)
    june = today[today["month"] == date(2025, 6, 1)].set_index("procedure")
    assert set(today["unit"]) == {"34:79"}
    assert (june.loc["A", "new"], june.loc["A", "online"], june.loc["A", "spread"]) == (
        400.0, 170.0, 2.0)
    hist = whatif.history(today, Month(2025, 7), "34:79")
    assert list(hist["online"]) == pytest.approx([175 / 450, 180 / 420])


def test_member_shares_from_the_last_months_of_the_63():
    shares = whatif.member_shares(_panel_across_the_change(), MERGER).set_index(
        ["member", "procedure"])["share"]
    assert shares[("63:79", "A")] == pytest.approx(0.75)
    assert shares[("63:74", "A")] == pytest.approx(0.25)
    assert shares[("63:79", "B")] == 1.0
