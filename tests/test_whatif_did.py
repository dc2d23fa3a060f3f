"""The difference-in-differences estimator of the fee response (domain/did.py) and the panel it
reads (data_access/whatif_data.py): it recovers the effect the sample generator plants
(FEE_EFFECT) within its interval, through the SQL panel, with data on both sides of
01/07/2025 (63 provinces before, 34 after: each row in the units of its own era); it says which
policies it rests on and why the others contribute nothing."""
from datetime import date

import numpy as np
import pandas as pd
import pytest

from data_access import reference, sample, whatif_data
from data_access.db import Database
from domain import did, eras
from domain.periods import Month
from tests import whatif_sample

NO_MERGER = eras.Crosswalk({})


@pytest.fixture(scope="module")
def generated_db():
    """The demo sample to 03/2026 (tests/whatif_sample.py, built once per process)."""
    db = Database(f"duckdb:///{whatif_sample.path()}")
    yield db
    db.dispose()


def _online_procedures() -> set[str]:
    p = reference.procedures()
    return set(p.loc[p["online_level"] != "none", "procedure_code"])


def test_recovers_the_planted_effect_within_its_interval(generated_db):
    panel = whatif_data.panel(generated_db)
    assert {eras.era_of_key(u) for u in panel["unit"]} == {"63", "34", None}
    est = did.estimate(panel, whatif_data.policies(generated_db),
                       whatif_data.coverage(generated_db), _online_procedures(),
                       reference.crosswalk())
    assert est is not None
    assert est.covers(sample.FEE_EFFECT), (est.beta, est.lo, est.hi)
    assert abs(est.beta - sample.FEE_EFFECT) < 0.05
    assert est.hi - est.lo < 0.2  # informative, not vacuously wide
    uses = {p.name: p for p in est.policies}
    # TP HCM's 2019–2020 cut ended before the data; the driving licence has no online service
    assert uses["NQ 28/2018/NQ-HĐND TP HCM"].reason == "before_data"
    assert uses["TT 63/2023/TT-BTC driving licence online"].reason == "no_online"
    assert est.n_policies == 5
    for p in est.policies:
        if p.used:  # each policy alone, and every other without it, points the same way
            assert p.beta == pytest.approx(sample.FEE_EFFECT, abs=0.1), p
            assert p.beta_without == pytest.approx(sample.FEE_EFFECT, abs=0.05), p
            assert 0 < p.se_without < 0.05
        else:
            assert p.beta_without is None


def test_the_panel_sums_in_sql(fixture_db):
    panel = whatif_data.panel(fixture_db).set_index(["unit", "procedure", "month"])
    jan = panel.loc[("63:01", "1.001193", date(2024, 1, 1))]
    assert (jan["new"], jan["online"], jan["full"]) == (100, 60, 30)
    assert jan["monthly"] and jan["months"] == 1
    quarter = panel.loc[("B-TP", "2.000488", date(2024, 1, 1))]
    assert (quarter["new"], quarter["months"], bool(quarter["monthly"])) == (1000, 3, False)
    land = panel.loc[("63:01", "1.004227", date(2024, 1, 1))]
    assert land["new"] == 50  # online 10 + direct 40, postal not reported
    assert whatif_data.policies(fixture_db).empty


# --- a synthetic panel with a known effect --------------------------------------------------
def synthetic(beta: float, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """10 units × 8 procedures × 36 months, logit(online) = unit×month + unit×procedure +
    beta × discount, binomial counts; policies: a national 50% cut of P1 and P2 from March
    2023 (on the 5th of February), a province's 100% cut of P3 from 2024, one before the
    data, one on a procedure without an online service."""
    rng = np.random.default_rng(seed)
    units = [eras.key(f"{i:02d}", eras.ERA_63) for i in range(1, 11)]
    procs = [f"P{j}" for j in range(8)]
    months = [date(2022 + (m // 12), m % 12 + 1, 1) for m in range(36)]
    a = rng.normal(0, 0.8, (10, 8))
    g = rng.normal(0, 0.5, (10, 36)) + np.linspace(-1, 1.5, 36)[None, :]
    rows = []
    for u, unit in enumerate(units):
        for j, proc in enumerate(procs):
            for t, month in enumerate(months):
                d = 0.0
                if proc in ("P1", "P2") and month >= date(2023, 3, 1):
                    d = 0.5
                if proc == "P3" and unit == "63:03" and month >= date(2024, 1, 1):
                    d = 1.0
                n = int(rng.integers(200, 2000))
                p = 1 / (1 + np.exp(-(a[u, j] + g[u, t] + beta * d)))
                on = int(rng.binomial(n, p))
                rows.append((unit, proc, month, 1, True, float(n), float(on), float(on // 2)))
    panel = pd.DataFrame(rows, columns=["unit", "procedure", "month", "months", "monthly",
                                        "new", "online", "full"])
    policies = pd.DataFrame({
        "id": [1, 2, 3, 4], "name": ["national", "province 03", "old", "offline"],
        "scope": ["nation", "province:03", "nation", "nation"],
        "discount_pct": [50.0, 100.0, 50.0, 50.0],
        "valid_from": [date(2023, 2, 5), date(2024, 1, 1), date(2019, 1, 1), date(2023, 1, 1)],
        "valid_to": [None, None, date(2020, 12, 31), None]})
    coverage = pd.DataFrame({"policy_id": [1, 1, 2, 3, 4],
                             "procedure_code": ["P1", "P2", "P3", "P4", "P7"]})
    return panel, policies, coverage


ONLINE = {f"P{j}" for j in range(7)}  # P7 has no online service


@pytest.mark.parametrize("beta", [0.0, 0.6, 1.2])
def test_synthetic_effect_within_interval(beta):
    panel, pol, cov = synthetic(beta)
    est = did.estimate(panel, pol, cov, ONLINE, NO_MERGER)
    assert est.covers(beta), (beta, est.beta, est.lo, est.hi)
    reasons = {p.name: p.reason for p in est.policies}
    assert reasons == {"national": None, "province 03": None, "old": "before_data",
                       "offline": "no_online"}
    assert est.n_policies == 2 and est.se_jackknife is not None
    assert est.n_treated_cells == 2 * 10 + 1


def test_whole_months():
    assert did.whole_months(date(2023, 2, 5), None) == (Month(2023, 3), None)
    assert did.whole_months(date(2025, 1, 1), date(2025, 12, 31)) == (Month(2025, 1),
                                                                      Month(2025, 12))
    assert did.whole_months(date(2024, 5, 1), date(2024, 6, 29)) == (Month(2024, 5),
                                                                     Month(2024, 5))


def test_exposure_counts_whole_months_only():
    panel, pol, cov = synthetic(0.5)
    rows = panel[(panel["unit"] == "63:01") & (panel["procedure"] == "P1")
                 ].reset_index(drop=True)
    exp = did.exposure(rows, pol, cov, NO_MERGER)
    by_month = dict(zip(rows["month"], exp["discount"]))
    assert by_month[date(2023, 2, 1)] == 0.0  # in force from the 5th: not the whole month
    assert by_month[date(2023, 3, 1)] == 0.5


def test_no_policy_no_estimate():
    panel, pol, cov = synthetic(0.5)
    assert did.estimate(panel, pol.iloc[0:0], cov.iloc[0:0], ONLINE, NO_MERGER) is None
    assert did.estimate(panel, pol[pol["name"] == "old"], cov, ONLINE, NO_MERGER) is None


# --- a province's policy across 01/07/2025 --------------------------------------------------
MERGER = eras.Crosswalk({"63:01": "34:01", "63:79": "34:79", "63:74": "34:79"})


def test_a_province_policy_is_read_in_the_era_of_its_start():
    assert did.policy_key("province:79", date(2024, 5, 1)) == "63:79"
    assert did.policy_key("province:79", date(2025, 9, 1)) == "34:79"
    assert did.policy_key("nation", date(2024, 5, 1)) is None
    # Hà Nội went on alone: its unit of today is covered whole; TP HCM merged Bình Dương
    # (74): the unit of today only in part
    assert did.policy_reach("province:01", date(2024, 1, 1), MERGER) == (
        {"63:01", "34:01"}, set())
    assert did.policy_reach("province:79", date(2024, 5, 1), MERGER) == ({"63:79"}, {"34:79"})
    assert did.policy_reach("province:79", date(2025, 9, 1), MERGER) == ({"34:79"}, set())
    assert did.policy_reach("nation", date(2024, 1, 1), MERGER) == (None, set())


def test_months_a_policy_covers_a_unit_in_part_are_left_out():
    months = [date(2025, 5, 1), date(2025, 6, 1), date(2025, 7, 1), date(2025, 8, 1)]
    units = ["63:79", "63:79", "34:79", "34:79"]
    panel = pd.DataFrame({"unit": units * 2, "procedure": ["A"] * 4 + ["B"] * 4,
                          "month": months * 2})
    pol = pd.DataFrame({"id": [1], "name": ["TP HCM"], "scope": ["province:79"],
                        "discount_pct": [100.0], "valid_from": [date(2024, 5, 1)],
                        "valid_to": [None]})
    cov = pd.DataFrame({"policy_id": [1], "procedure_code": ["A"]})
    exp = did.exposure(panel, pol, cov, MERGER)
    assert list(exp["discount"]) == [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert list(exp["partial"]) == [False, False, True, True, False, False, False, False]
