"""The fee what-if model (domain/whatif.py): property tests of the identities and the shape of
the response; the baseline worked out on small panels (it starts from the last actual month,
repeats the seasons that repeat, continues the trend, follows the same month a year earlier);
the fees in force (policies that end, policies that overlap); the default procedures."""
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
LAST = Month(2026, 10)
NO_MERGER = eras.Crosswalk({})


def inputs(cells: pd.DataFrame, fees: np.ndarray | None = None) -> whatif.Inputs:
    """Inputs by hand: volumes flat, no season; fees: the online fee each month ahead
    (default: the fee now, every month)."""
    cells = cells.assign(**{c: cells.get(c, d) for c, d in (
        ("kind", "province"), ("p_recent", cells["p"]), ("kappa", 1.0), ("slope", 0.0))})
    n = len(cells)
    H = whatif.MAX_AHEAD
    if fees is None:
        fees = cells["fee_online"].to_numpy(float)[:, None] * np.ones((1, H))
    return whatif.Inputs(
        cells=cells[list(whatif.CELL_COLUMNS)].reset_index(drop=True), last=LAST,
        new=cells["new"].to_numpy(float)[:, None] * np.ones((n, H)), fees=fees,
        season_p=np.zeros(H), season_r=np.zeros(H),
        method=whatif.Method(last=LAST, season_months=0, trend=False, growth=None))


@st.composite
def cell_frames(draw):
    """A few cells (unit × procedure) with random shares, volumes and fees."""
    n = draw(st.integers(1, 8))
    fee_direct = draw(st.lists(st.sampled_from([0.0, 2_000.0, 15_000.0, 50_000.0, 200_000.0]),
                               min_size=n, max_size=n))
    online_part = draw(st.lists(st.floats(0.0, 1.0), min_size=n, max_size=n))
    return pd.DataFrame({
        "unit": draw(st.lists(st.sampled_from(["01", "79", "B-TP"]), min_size=n, max_size=n)),
        "procedure": [f"P{i % 3}" for i in range(n)],
        "new": draw(st.lists(st.floats(0.0, 5_000.0), min_size=n, max_size=n)),
        "p": draw(st.lists(shares, min_size=n, max_size=n)),
        "r": draw(st.lists(shares, min_size=n, max_size=n)),
        "slope": draw(st.lists(st.floats(-0.1, 0.1), min_size=n, max_size=n)),
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
    s_lo = whatif.uptake(p, c, whatif.fee_shift(resp, 100.0, 100.0, 100.0 * (1 - lo)))
    s_hi = whatif.uptake(p, c, whatif.fee_shift(resp, 100.0, 100.0, 100.0 * (1 - hi)))
    assert np.all(s_hi >= s_lo)  # never decreases as the cut grows
    assert np.all(s_lo >= p)  # a cut never lowers uptake
    assert np.all(s_hi <= np.maximum(p, c))  # never past the ceiling…
    assert np.array_equal(s_hi[p >= c], p[p >= c])  # …and no change above it


@SETTINGS
@given(st.lists(shares, min_size=1, max_size=20), ceilings, responses)
def test_a_fee_that_rises_moves_uptake_down_and_back(p, c, resp):
    p = np.array(p)
    down = whatif.uptake(p, c, -resp)
    assert np.all(down <= p) and np.all(down >= 0)
    # up and down again by the same shift: back where it was (below the ceiling)
    back = whatif.uptake(whatif.uptake(p, c, resp), c, -resp)
    below = (p < c) & (whatif.uptake(p, c, resp) < c - 1e-9)
    np.testing.assert_allclose(back[below], p[below], atol=1e-7)


@SETTINGS
@given(st.lists(shares, min_size=1, max_size=20), ceilings, discounts, responses, responses)
def test_uptake_grows_with_the_response(p, c, d, r1, r2):
    p = np.array(p)
    lo, hi = sorted((r1, r2))
    assert np.all(whatif.uptake(p, c, whatif.fee_shift(hi, 1.0, 1.0, 1.0 - d))
                  >= whatif.uptake(p, c, whatif.fee_shift(lo, 1.0, 1.0, 1.0 - d)))


def test_the_cut_is_worth_its_share_of_the_full_fee():
    # Residence registration: 20,000 in person, 10,000 online; a 100% cut of the online fee
    # is worth half the full fee: half the response.
    assert whatif.fee_shift(0.8, 20_000, 10_000, 0) == pytest.approx(0.4)
    assert whatif.fee_shift(0.8, 50_000, 50_000, 25_000) == pytest.approx(0.4)
    assert whatif.fee_shift(0.8, 0, 0, 0) == 0.0  # no fee, nothing to cut
    # a policy that ends: the online fee goes back from 25,000 to 50,000, minus half the response
    assert whatif.fee_shift(0.8, 50_000, 25_000, 50_000) == pytest.approx(-0.4)


# --- the projection ---------------------------------------------------------------------------
@SETTINGS
@given(cell_frames(), st.booleans())
def test_zero_cut_reproduces_the_baseline(cells, trend):
    proj = whatif.project(inputs(cells), params(discount=0.0, trend=trend))
    for name in ("mid", "lo", "hi"):
        assert np.array_equal(proj.p[name], proj.p_base[name])
        assert np.all(proj.given_up[name] == 0)
    tot = whatif.totals(proj)
    assert tot.moved == (0.0, 0.0, 0.0)
    assert tot.given_up_year == (0.0, 0.0, 0.0) and tot.savings_year == (0.0, 0.0, 0.0)
    r = whatif.rates(proj)
    pd.testing.assert_series_equal(r["online_scen"], r["online_base"], check_names=False)
    assert np.nansum(np.abs(r["online_gain"])) == 0


@SETTINGS
@given(cell_frames(), discounts, responses, st.integers(0, 8), st.booleans(),
       st.one_of(st.none(), st.integers(0, 8)))
def test_revenue_and_savings_identities(cells, d, resp, start, trend, end):
    prm = params(discount=d, response=resp, start=start, trend=trend, end=end)
    proj = whatif.project(inputs(cells), prm)
    n = proj.n
    fd = cells["fee_direct"].to_numpy()[:, None]
    fo = cells["fee_online"].to_numpy()[:, None]
    dd = np.where(proj.active, d, 0.0)
    # revenue given up = what the baseline collects − what the scenario collects
    on_b, on_s = n * proj.p_base["mid"], n * proj.p_scen
    collected_b = on_b * fo + (n - on_b) * fd
    collected_s = on_s * fo * (1 - dd) + (n - on_s) * fd
    np.testing.assert_allclose(proj.given_up["mid"], collected_b - collected_s,
                               rtol=1e-9, atol=1e-6)
    assert np.all(proj.given_up["mid"] >= -1e-6)
    # nothing changes outside the covered cells, before the start or after the end
    assert np.array_equal(proj.p_scen[~proj.active], proj.p_base["mid"][~proj.active])
    steps = np.arange(prm.horizon)
    assert not proj.active[:, (steps < start) | (steps > (end if end is not None else 99))].any()
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
    assert np.all(r.loc[ok, "online_gain_lo"] <= r.loc[ok, "online_gain_hi"] + 1e-12)


@SETTINGS
@given(cell_frames())
def test_units_add_up_to_the_scope(cells):
    proj = whatif.project(inputs(cells), params())
    units = whatif.unit_table(proj, {})
    assert units["moved"].sum() == pytest.approx(whatif.totals(proj).moved[0], abs=1e-6)
    assert units["given_up"].sum() == pytest.approx(whatif.totals(proj).given_up_total,
                                                    abs=1e-3)


def one_cell(**kw) -> pd.DataFrame:
    base = dict(unit=["01"], procedure=["X"], new=[100.0], p=[0.6], r=[0.5], slope=[0.0],
                fee_direct=[20_000.0], fee_online=[10_000.0], has_online=[True])
    return pd.DataFrame(base | kw)


def test_projection_by_hand():
    prm = params(covered=frozenset({"X"}), discount=1.0, start=2, horizon=4, response=0.8,
                 uncertainty=0.0, ceiling=1.0, visit_cost=100_000)
    proj = whatif.project(inputs(one_cell()), prm)
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
    assert r["online_gain"].iloc[-1] == pytest.approx(expected - 0.6)


def test_a_cut_that_ends_returns_to_the_baseline_the_month_after():
    prm = params(covered=frozenset({"X"}), discount=1.0, start=1, end=2, horizon=5,
                 uncertainty=0.0, ceiling=1.0)
    proj = whatif.project(inputs(one_cell()), prm)
    assert list(proj.active[0]) == [False, True, True, False, False]
    gain = proj.p_scen[0] - proj.p_base["mid"][0]
    assert gain[0] == 0 and gain[1] > 0 and gain[2] > 0 and gain[3] == 0 and gain[4] == 0


def test_a_dated_policy_that_ends_inside_the_horizon_lowers_the_baseline():
    # the online fee is 10,000 (a 50% policy) to the 2nd month ahead, then 20,000 again
    fees = np.array([[10_000.0] * 2 + [20_000.0] * (whatif.MAX_AHEAD - 2)])
    proj = whatif.project(inputs(one_cell(), fees),
                          params(covered=frozenset(), horizon=4, uncertainty=0.0, ceiling=1.0))
    down = 1 / (1 + np.exp(-(np.log(0.6 / 0.4) - 0.4)))  # half the full fee back: −0.4
    np.testing.assert_allclose(proj.p_base["mid"][0], [0.6, 0.6, down, down])
    # a new cut on top of it applies to the fee in force: 50% of 20,000 from the 3rd month
    cut = whatif.project(inputs(one_cell(), fees), params(
        covered=frozenset({"X"}), discount=0.5, horizon=4, uncertainty=0.0, ceiling=1.0))
    np.testing.assert_allclose(cut.p_scen[0][2:], [0.6, 0.6])  # back to where it started
    np.testing.assert_allclose(cut.p_scen[0][:2], 1 / (1 + np.exp(-(np.log(1.5) + 0.2))))


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


def test_to_the_end_of_next_year():
    assert whatif.months_to_end_of_next_year(Month(2026, 11)) == 14  # 11/2026 – 12/2027
    assert whatif.months_to_end_of_next_year(Month(2027, 1)) == 12  # data to 12/2026


# --- the baseline on small panels ----------------------------------------------------------------
def monthly_panel(logit_of, months: int, units=("34:01",), procs=("X", "Y"), new=10_000.0,
                  full_share=0.5, volume_of=None) -> pd.DataFrame:
    """A today_panel of `months` months to LAST: online = new × σ(logit_of(unit, proc, t)),
    t = 0 … months − 1 (the last month is t = months − 1)."""
    rows = []
    for u in units:
        for j in procs:
            for t in range(months):
                m = LAST.plus(t - months + 1)
                n = new * (volume_of(m) if volume_of else 1.0)
                on = n / (1 + np.exp(-logit_of(u, j, t, m)))
                rows.append((u, j, m.year * 12 + m.month - 1, m.first_day, n, on,
                             on * full_share, 0.0))
    return pd.DataFrame(rows, columns=["unit", "procedure", "ym", "month", "new", "online",
                                       "full", "spread"])


def fees_for(panel: pd.DataFrame) -> whatif.Fees:
    keys = panel[["unit", "procedure"]].drop_duplicates().reset_index(drop=True)
    keys["fee_direct"], keys["has_online"] = 20_000.0, True
    return whatif.Fees(keys=keys, online=np.full((len(keys), whatif.MAX_AHEAD + 1), 20_000.0))


def first_month(panel: pd.DataFrame, trend=True) -> tuple[float, float, whatif.Inputs]:
    """(last actual online share, the baseline's first month) over the whole panel."""
    inp = whatif.build_inputs(panel, LAST, {}, fees_for(panel))
    proj = whatif.project(inp, params(covered=frozenset(), horizon=24, trend=trend))
    last = panel[panel["ym"] == panel["ym"].max()]
    return float(last["online"].sum() / last["new"].sum()), \
        whatif.rates(proj)["online_base"].to_numpy(), inp


def test_the_baseline_starts_from_the_last_actual_month():
    # flat shares with one different last month: the baseline starts there, not at an average
    panel = monthly_panel(lambda u, j, t, m: 1.5 if t == 11 else 1.0, 12)
    actual, base, inp = first_month(panel, trend=False)
    assert actual == pytest.approx(1 / (1 + np.exp(-1.5)))
    np.testing.assert_allclose(base, actual, atol=1e-12)  # no season, no trend: held there
    assert inp.method.season_months == 0  # 12 months: no seasonality
    # with the trend: a rise in the last month is a (small) trend, continued from there
    _, rising, inp = first_month(panel, trend=True)
    assert inp.method.trend and actual < rising[0] < rising[-1] < actual + 0.05


def test_the_baseline_keeps_the_last_month_mix_of_procedures():
    # X (80% online) had three times its usual dossiers in the last month, Y (40%) did not:
    # the last actual rate is (3000 × 0,8 + 1000 × 0,4) / 4000 = 70%, and so is the
    # baseline's first month (not the 12 months' mix, 60%)
    panel = monthly_panel(lambda u, j, t, m: np.log(4) if j == "X" else np.log(2 / 3), 12,
                          new=1000.0)
    panel.loc[(panel["procedure"] == "X") & (panel["ym"] == panel["ym"].max()),
              ["new", "online", "full"]] *= 3
    actual, base, _ = first_month(panel, trend=False)
    assert actual == pytest.approx(0.7)
    np.testing.assert_allclose(base, 0.7, atol=1e-9)


def test_seasons_that_repeat_are_carried_and_the_trend_continues_fading():
    season = 0.3 * np.sin(2 * np.pi * np.arange(12) / 12)  # by calendar month

    def logit_of(u, j, t, m):
        return 0.5 + 0.02 * t + season[m.month - 1] + (0.4 if j == "Y" else 0.0)

    panel = monthly_panel(logit_of, 36)
    inp = whatif.build_inputs(panel, LAST, {}, fees_for(panel))
    assert inp.method.season_months == 36
    np.testing.assert_allclose(inp.season_p[:12], season[[(LAST.month + h) % 12 for h in
                                                          range(12)]] - season[LAST.month - 1],
                               atol=0.01)
    assert inp.cells["slope"].iloc[0] == pytest.approx(0.02, abs=0.002)
    # the forecast of each cell: the last month + the season's step + the fading trend
    x = inp.cells.set_index("procedure")
    proj = whatif.project(inp, params(covered=frozenset(), horizon=24, trend=True))
    steps = whatif.trend_steps(24)
    for j, row in enumerate(x.itertuples()):
        expected = 1 / (1 + np.exp(-(np.log(row.p / (1 - row.p)) + inp.season_p[:24]
                                     + 0.02 * steps)))
        np.testing.assert_allclose(proj.p_base["mid"][j], expected, atol=0.004)
    assert steps[-1] < 9.0  # a fading trend adds less than 9 months' slope, ever
    # the level baseline: the seasons, no trend
    level = whatif.project(inp, params(covered=frozenset(), horizon=24, trend=False))
    assert level.p_base["mid"][0][11] == pytest.approx(x["p"].iloc[0], abs=0.01)


def test_a_gap_the_years_do_not_repeat_is_not_a_season():
    rng = np.random.default_rng(3)
    noise = rng.normal(0, 0.3, 36)  # month-to-month gaps unrelated from one year to the next
    panel = monthly_panel(lambda u, j, t, m: 1.0 + noise[t], 36)
    inp = whatif.build_inputs(panel, LAST, {}, fees_for(panel))
    raw = np.abs(noise).mean()
    assert np.abs(inp.season_p).max() < raw / 2


def test_dossiers_follow_the_same_month_a_year_earlier_and_the_growth():
    factor = {m: 1.0 + 0.5 * (m == 2) for m in range(1, 13)}  # Tết in February

    def volume_of(m):
        return factor[m.month] * (1.1 if m > LAST.plus(-12) else 1.0)  # +10% this year

    panel = monthly_panel(lambda u, j, t, m: 1.0, 24, volume_of=volume_of)
    inp = whatif.build_inputs(panel, LAST, {}, fees_for(panel))
    assert inp.method.growth == pytest.approx(1.1)
    cell = inp.new[0]
    feb = (2 - LAST.month - 1) % 12  # steps ahead to February
    assert cell[feb] == pytest.approx(10_000 * 1.5 * 1.1 * 1.1)  # last February's, +10%
    assert cell[feb + 12] == pytest.approx(cell[feb] * 1.1)  # a year later, the growth again
    assert cell[0] == pytest.approx(10_000 * 1.1 * 1.1)  # November: as last November, +10%


# --- fees in force ----------------------------------------------------------------------------
MERGER = eras.Crosswalk({"63:01": "34:01", "63:79": "34:79", "63:74": "34:79"})
PROCS = pd.DataFrame({"code": ["A", "B", "C", "D"], "fee_direct_vnd": [20_000, 50_000, None, 8_000],
                      "fee_online_vnd": [10_000, None, None, 4_000],
                      "online_level": ["full", "partial", "none", "full"]})


def policies(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "scope", "discount_pct", "valid_from", "valid_to"])


def fee_table(pol, cov, months, shares=None):
    shares = shares if shares is not None else pd.DataFrame(
        columns=["unit", "member", "procedure", "share"])
    out = whatif.fee_paths(["34:01", "34:79"], PROCS, pol, cov, months, MERGER, shares)
    return out.keys.assign(**{str(m): out.online[:, i] for i, m in enumerate(months)}
                           ).set_index(["unit", "procedure"])


def test_fees_follow_the_policies_in_force_and_end_where_they_end():
    pol = policies((1, "nation", 50.0, date(2025, 1, 1), date(2025, 12, 31)),
                   (2, "nation", 50.0, date(2025, 8, 5), None))
    cov = pd.DataFrame({"policy_id": [1, 2], "procedure_code": ["A", "B"]})
    months = [Month(2024, 12), Month(2025, 1), Month(2025, 8), Month(2025, 9), Month(2026, 1)]
    f = fee_table(pol, cov, months).loc["34:01"]
    # A: covered by a dated policy, so its listed online fee is the policy's: the direct fee
    # outside the policy's months (before and after), half of it while in force
    assert list(f.loc["A", [str(m) for m in months]]) == [20_000, 10_000, 10_000, 10_000,
                                                          20_000]
    # B: from the 5th of August: in force from September (whole months only)
    assert list(f.loc["B", [str(m) for m in months]]) == [50_000, 50_000, 50_000, 25_000,
                                                          25_000]
    # D: no policy: its listed online fee
    assert (f.loc["D", [str(m) for m in months]] == 4_000).all()
    assert f.loc["C", "fee_direct"] == 0 and not f.loc["C", "has_online"]


def test_overlapping_policies_take_the_largest_discount_not_the_sum():
    pol = policies((1, "nation", 50.0, date(2025, 1, 1), None),
                   (2, "province:01", 75.0, date(2025, 9, 1), None))
    cov = pd.DataFrame({"policy_id": [1, 2], "procedure_code": ["A", "A"]})
    months = [Month(2025, 8), Month(2025, 9)]
    f = fee_table(pol, cov, months)
    assert f.loc[("34:01", "A"), "2025-08"] == 10_000
    assert f.loc[("34:01", "A"), "2025-09"] == 5_000  # 75%, not 125%
    assert f.loc[("34:79", "A"), "2025-09"] == 10_000  # Hà Nội's policy stays in Hà Nội


def test_an_old_province_policy_reaches_its_share_of_the_unit_of_today():
    # TP HCM (79) merged Bình Dương (74): the old city's zero fee reaches three quarters of A
    pol = policies((1, "province:79", 100.0, date(2024, 5, 1), None))
    cov = pd.DataFrame({"policy_id": [1, 1], "procedure_code": ["A", "B"]})
    shares = pd.DataFrame({"unit": ["34:79", "34:79"], "member": ["63:79", "63:74"],
                           "procedure": ["A", "A"], "share": [0.75, 0.25]})
    f = fee_table(pol, cov, [Month(2025, 7)], shares)
    # free in the old city's part; the listed online fee in the part no policy reaches
    assert f.loc[("34:79", "A"), "2025-07"] == pytest.approx(0.25 * 10_000)
    # no shares known for B: the old city's policy is not counted in the merged unit
    assert f.loc[("34:79", "B"), "2025-07"] == 50_000


# --- what to cut --------------------------------------------------------------------------------
def test_the_default_is_the_fee_procedures_with_room_to_move():
    cells = pd.DataFrame({
        "unit": ["34:01"] * 5, "procedure": ["A", "B", "C", "D", "E"],
        "new": [100.0, 100.0, 100.0, 100.0, 100.0], "p_recent": [0.95, 0.6, 0.8, 0.3, 0.99],
        "fee_online": [5_000.0, 10_000.0, 0.0, 20_000.0, 1_000.0],
        "has_online": [True, True, True, False, True]})
    # C is free online, D has no online service: neither can be cut
    assert whatif.default_cover(cells) == ("B",)
    high = cells[cells["procedure"].isin(["A", "E"])]
    assert whatif.default_cover(high) == ("A", "E")  # none under 90%: the lowest ones
    assert whatif.online_share(cells, np.array([True, True, False, False, False])) == \
        pytest.approx(0.775)


# --- the panel in the units of today -------------------------------------------------------------
def _panel_across_the_change() -> pd.DataFrame:
    """TP HCM (63:79) and Bình Dương (63:74) in 06/2025, their union 34:79 in 07/2025, and a
    quarterly report of TP HCM for 01–03/2025."""
    rows = [("63:79", "A", date(2025, 6, 1), 1, 300.0, 150.0),
            ("63:74", "A", date(2025, 6, 1), 1, 100.0, 20.0),
            ("63:79", "B", date(2025, 6, 1), 1, 50.0, 5.0),
            ("34:79", "A", date(2025, 7, 1), 1, 420.0, 180.0),
            ("63:79", "A", date(2025, 1, 1), 3, 900.0, 300.0)]
    frame = pd.DataFrame(rows, columns=["unit", "procedure", "month", "months", "new", "online"])
    frame["full"] = frame["online"] / 2
    frame["spread"] = 1.0
    frame["monthly"] = frame["months"] == 1
    return frame


def test_history_is_summed_into_the_units_of_today():
    today = whatif.today_panel(_panel_across_the_change(), MERGER, eras.ERA_34)
    june = today[today["month"] == date(2025, 6, 1)].set_index("procedure")
    assert set(today["unit"]) == {"34:79"}
    assert (june.loc["A", "new"], june.loc["A", "online"], june.loc["A", "spread"]) == (
        400.0, 170.0, 2.0)
    # a quarterly report shares its flows equally among its months
    q = today[today["procedure"].eq("A") & today["month"].lt(date(2025, 4, 1))]
    assert list(q["new"]) == [300.0] * 3 and list(q["online"]) == [100.0] * 3
    hist = whatif.history(today, Month(2025, 7), 2, "34:79")
    assert list(hist["online"]) == pytest.approx([175 / 450, 180 / 420])


def test_member_shares_from_the_last_months_of_the_63():
    shares = whatif.member_shares(_panel_across_the_change().iloc[:4], MERGER).set_index(
        ["member", "procedure"])["share"]
    assert shares[("63:79", "A")] == pytest.approx(0.75)
    assert shares[("63:74", "A")] == pytest.approx(0.25)
    assert shares[("63:79", "B")] == 1.0
