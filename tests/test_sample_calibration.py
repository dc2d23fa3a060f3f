"""The synthetic sample against the published figures it is calibrated to
(sample_data/reference/published_figures.csv, DOMAIN.md; 2024 unless said), read through
data_access.stats.totals and the metric catalogue as the app reads them. Each tolerance is
written next to its target. The demo database is built once per test session (shared with
test_sample_invariants.py).
"""
from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import reference, sample
from data_access.stats import totals
from domain.metrics import METRICS, measures_for
from domain.periods import Month, MonthRange
from domain.scope import NATION, Scope
from domain import eras
from tests.test_sample_invariants import UNTIL, demo_database

PROVINCES, MINISTRIES = Scope(kind="province"), Scope(kind="ministry")


def year(y: int, first: int = 1, last: int = 12) -> MonthRange:
    return MonthRange(Month(y, first), Month(y, last))


Y2022, Y2023, Y2024, H1_2025 = year(2022), year(2023), year(2024), year(2025, 1, 6)
# 01/07–28/10/2025 as whole months, and 2025 to 26/10 (the published full-process figures)
JUL_OCT_2025, TO_OCT_2025 = year(2025, 7, 10), year(2025, 1, 10)


def unit(code: str) -> str:
    """A province code of the 2024 figures is one of the 63; a ministry's code is its key."""
    return eras.key(code, eras.ERA_63) if code[0].isdigit() else code


@pytest.fixture(scope="session")
def db(tmp_path_factory):
    return demo_database(tmp_path_factory)


@cache
def plan() -> sample.Plan:
    return sample.build_plan("demo", sample.DEFAULT_SEED, UNTIL)


def frame(db, scope, rng, metric_ids, by=None) -> pd.DataFrame:
    out = totals(db, scope, rng, measures_for(metric_ids), by)
    for m in metric_ids:
        out[m] = [METRICS[m].value(r) for r in out.to_dict("records")]
    return out


def value(db, scope, rng, metric_id) -> float:
    return frame(db, scope, rng, [metric_id])[metric_id].iloc[0]


# --- volumes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("code,published", sorted(sample.PROVINCE_VOLUME_2024.items()))
def test_province_volume_2024(db, code, published):
    got = value(db, Scope(locality=unit(code)), Y2024, "received_new")
    assert got == pytest.approx(published, rel=0.10)  # ± 10%


def test_provinces_block_total_2024(db):
    got = value(db, PROVINCES, Y2024, "received_new")
    assert 40e6 <= got <= 45e6  # about 40–45 million


def test_ministries_block_is_one_and_a_half_provinces(db):
    ratio = (value(db, MINISTRIES, Y2024, "received_new")
             / value(db, PROVINCES, Y2024, "received_new"))
    assert ratio == pytest.approx(1.5, abs=0.1)  # 1.5 ± 0.1


def test_ministry_volumes(db):
    f = frame(db, MINISTRIES, Y2024, ["received_new"], by="locality").set_index("key")
    new = f["received_new"]
    assert new.get("B-CT", 0) == pytest.approx(1.8e6, rel=0.10)  # 1.8 million ± 10%
    share = new / new.sum()
    assert share["B-CA"] == pytest.approx(0.35, abs=0.03)  # 35% ± 3 pts
    assert share["B-TC"] == pytest.approx(0.20, abs=0.03)  # 20% ± 3 pts
    assert share["BHXH"] == pytest.approx(0.20, abs=0.03)  # 20% ± 3 pts


def test_level_split_of_provinces(db):
    f = frame(db, PROVINCES, Y2024, ["received_new"], by="level").set_index("key")
    share = f["received_new"] / f["received_new"].sum()
    for level, target in sample.LEVEL_SHARE.items():  # Quảng Nam 2023: 22 / 33 / 45%
        assert share[level] == pytest.approx(target, abs=0.03)  # ± 3 pts


def test_growth_between_years(db):
    new = {y: value(db, NATION, rng, "received_new") for y, rng in
           ((2022, Y2022), (2023, Y2023), (2024, Y2024))}
    months = sample.sample_months(UNTIL)
    mf = sample.month_factors(months)
    expected = {y: mf[[m.year == y for m in months]].sum() for y in (2022, 2023)}
    for y in (2022, 2023):  # the smooth growth path ×0.85 / ×0.93 / ×1, ± 3%
        assert new[y] / new[2024] == pytest.approx(expected[y], rel=0.03)
    assert expected[2022] == pytest.approx(0.85, abs=0.03)


def test_tet_dip_and_year_end_peak(db):
    f = frame(db, NATION, MonthRange(Month(2022, 1), Month(2025, 6)), ["received_new"],
              by="month")
    new = dict(zip((Month.of(d) for d in f["key"]), f["received_new"]))
    for y, m in sample.TET_MONTH.items():
        tet = Month(y, m)
        before = [new.get(tet.plus(-1)), new.get(tet.plus(-2))]
        if None in before:
            continue  # 2022: December 2021 is outside the data
        assert new[tet] < 0.80 * np.mean(before)  # Tết month < 80% of the two before
        assert new[tet.plus(1)] > new[tet]
    for y in (2022, 2023, 2024):
        q3 = np.mean([new[Month(y, m)] for m in (7, 8, 9)])
        q4 = np.mean([new[Month(y, m)] for m in (10, 11, 12)])
        assert q4 > 1.04 * q3  # October–December ×1.10


# --- online -------------------------------------------------------------------------------------
@pytest.mark.parametrize("rng,target", [(Y2022, 0.35), (Y2023, 0.55), (Y2024, 0.72),
                                        (H1_2025, 0.82)])
def test_provinces_online_rate_path(db, rng, target):
    assert value(db, PROVINCES, rng, "online_rate") == pytest.approx(target, abs=0.03)  # ± 3


def test_ministries_online_rate_2024(db):
    assert value(db, MINISTRIES, Y2024, "online_rate") == pytest.approx(0.75, abs=0.04)  # ± 4


def test_online_rate_by_level(db):
    # Quảng Nam 2023: province-level agencies 80.6%, communes 66.1%, districts 32.3%
    f = frame(db, PROVINCES, Y2024, ["online_rate"], by="level").set_index("key")["online_rate"]
    assert f["province"] > f["commune"] > f["district"]
    assert f["district"] < 0.60


def test_most_provinces_online_between_60_and_93(db):
    f = frame(db, PROVINCES, Y2024, ["online_rate"], by="locality")
    inside = f["online_rate"].between(0.60, 0.93)
    assert len(f) == 63
    assert inside.mean() >= 0.75  # ≥ 75% of provinces


# --- full-process online (EMC) -----------------------------------------------------------------
def test_provinces_block_full_process(db):
    got = value(db, PROVINCES, Y2024, "full_online_rate")
    assert got == pytest.approx(0.1854, abs=0.02)  # 18.54% ± 2 pts


def test_ministries_block_full_process(db):
    got = value(db, MINISTRIES, Y2024, "full_online_rate")
    assert got == pytest.approx(0.6347, abs=0.03)  # 63.47% ± 3 pts


def test_nation_full_process(db):
    got = value(db, NATION, Y2024, "full_online_rate")
    assert got == pytest.approx(0.458, abs=0.03)  # 45.8% ± 3 pts


@pytest.mark.parametrize("code,target", [
    ("35", 0.6854), ("48", 0.5889), ("02", 0.5576), ("36", 0.5296),
    ("B-CT", 0.8348), ("B-TC", 0.7844), ("B-TP", 0.7766),
])
def test_named_full_process_rates(db, code, target):
    got = value(db, Scope(locality=unit(code)), Y2024, "full_online_rate")
    assert got == pytest.approx(target, abs=0.03)  # ± 3 pts


def test_hanoi_and_hcmc_under_ten_percent(db):
    for code in ("01", "79"):
        assert value(db, Scope(locality=unit(code)), Y2024, "full_online_rate") < 0.10


def test_about_fifteen_units_under_ten_percent(db):
    f = frame(db, NATION, Y2024, ["full_online_rate"], by="locality")
    f = f[f["full_online_rate"].notna()]
    under = (f["full_online_rate"] < 0.10).sum()
    assert 10 <= under <= 20  # "15 ministries/localities under 10%", ± 5


def test_only_the_leaders_reach_fifty_percent(db):
    f = frame(db, PROVINCES, Y2024, ["full_online_rate"], by="locality").set_index("key")
    others = f.drop(index=[unit(c) for c in ("35", "48", "02", "36")])["full_online_rate"]
    assert (others < 0.50).all()  # "all other provinces < 50%"


@pytest.mark.parametrize("rng,ratio", [(Y2022, 0.35), (Y2023, 0.65), (TO_OCT_2025, 0.914)])
def test_full_process_ramp(db, rng, ratio):
    base = value(db, PROVINCES, Y2024, "full_online_rate")
    got = value(db, PROVINCES, rng, "full_online_rate") / base
    assert got == pytest.approx(ratio, abs=0.10)  # share of the 2024 level ± 0.10


# --- on time --------------------------------------------------------------------------------------
def test_on_time_rates(db):
    nation = value(db, NATION, Y2024, "on_time_rate")
    assert 0.97 <= nation <= 0.999  # typical 97–99.9%
    lv = frame(db, NATION, Y2024, ["on_time_rate"], by="level").set_index("key")["on_time_rate"]
    assert lv["district"] < lv["province"]
    assert lv["district"] == pytest.approx(0.93, abs=0.025)  # districts ~93% ± 2.5
    assert lv["commune"] == pytest.approx(0.98, abs=0.01)  # communes ~98% ± 1
    assert lv["ministry"] == pytest.approx(0.99, abs=0.007)  # ministries ~99% ± 0.7
    # province-level agencies ~99.5% outside land; their many land dossiers pull them down
    assert lv["province"] >= 0.965
    fields = frame(db, NATION, Y2024, ["on_time_rate"], by="field").set_index("key")
    land = fields.loc[sample.LAND_FIELD, "on_time_rate"]
    assert land == pytest.approx(0.90, abs=0.025)  # land ~90% ± 2.5
    assert land < nation


def test_a_few_provinces_are_worse(db):
    f = frame(db, PROVINCES, Y2024, ["on_time_rate"], by="locality")["on_time_rate"]
    assert 1 <= (f < f.median() - 0.02).sum() <= 10


def test_early_share_of_in_time(db):
    f = totals(db, NATION, Y2024, ["resolved_early", "resolved_in_time"]).iloc[0]
    assert 0.65 <= f["resolved_early"] / f["resolved_in_time"] <= 0.75  # 65–75%


def test_stocks_in_steady_state(db):
    f = totals(db, NATION, Y2024, ["received_new", "resolved", "carried_over", "pending"]
               ).iloc[0]
    assert f["resolved"] == pytest.approx(f["received_new"], rel=0.03)  # flows balance ± 3%
    monthly = f["received_new"] / 12
    assert 0.1 < f["pending"] / monthly < 2.0  # a stock of weeks, not of years


# --- channels and payments --------------------------------------------------------------------------
def test_postal_share_of_offline(db):
    f = totals(db, NATION, Y2024, ["received_direct"]).iloc[0]
    postal = totals(db, NATION, Y2024, ["received_new", "received_online"]).iloc[0]
    offline = postal["received_new"] - postal["received_online"]
    assert offline == pytest.approx(f["received_direct"], rel=1e-9)  # direct + postal
    # postal alone, straight from the table
    share = db.scalar(sa.text("""
        SELECT sum(received_postal) / sum(received_direct + received_postal)
        FROM dossier_stats WHERE year(period_start) = 2024"""))
    assert 0.02 <= share <= 0.05  # ~2–5% of offline


@pytest.mark.parametrize("rng,target", [(Y2022, 0.30), (Y2024, 0.70), (H1_2025, 0.85)])
def test_online_payment_path(db, rng, target):
    got = value(db, PROVINCES, rng, "online_payment_rate")
    assert got == pytest.approx(target, abs=0.04)  # ± 4 pts


def test_online_payment_named_provinces(db):
    hb = value(db, Scope(locality=unit("17")), year(2024, 7, 7), "online_payment_rate")
    assert hb == pytest.approx(0.8676, abs=0.05)  # Hòa Bình July 2024: 86.76% ± 5
    bd = value(db, Scope(locality=unit("74")), year(2024, 1, 3), "online_payment_rate")
    assert bd == pytest.approx(0.50, abs=0.07)  # Bình Dương early 2024: ~50% ± 7


def test_paid_online_amount_follows_fees(db):
    # TP HCM waived the online fee of its covered procedures from May 2024: nothing is paid
    pol = reference.fee_policies()
    zero = pol[(pol["scope"] == "province:79") & (pol["discount_pct"] == 100)]["id"].iloc[0]
    cov = reference.fee_policy_coverage()
    covered = cov.loc[cov["id"] == zero, "procedure_code"]
    paid = sum(totals(db, Scope(locality=unit("79"), procedure=c), year(2024, 6, 12),
                      ["paid_online_vnd"])["paid_online_vnd"].fillna(0).iloc[0]
               for c in covered)
    assert paid == 0
    assert value(db, NATION, Y2024, "paid_online_vnd") > 0


# --- digitisation, results, reuse, satisfaction -----------------------------------------------------
@pytest.mark.parametrize("metric,first,last", [
    ("digitisation_rate", 0.20, 0.85), ("e_result_rate", 0.15, 0.80),
    ("data_reuse_rate", 0.10, 0.75),
])
def test_quality_paths(db, metric, first, last):
    assert value(db, NATION, Y2022, metric) == pytest.approx(first, abs=0.04)  # ± 4 pts
    assert value(db, NATION, year(2025), metric) == pytest.approx(last, abs=0.04)  # ± 4 pts


@pytest.mark.parametrize("rng,target", [(Y2022, 0.90), (year(2024, 8, 8), 0.93),
                                        (H1_2025, 0.94)])
def test_satisfaction(db, rng, target):
    assert value(db, NATION, rng, "satisfaction_rate") == pytest.approx(target, abs=0.015)


def test_rated_share(db):
    f = totals(db, NATION, Y2024, ["rated", "resolved"]).iloc[0]
    assert f["rated"] / f["resolved"] == pytest.approx(0.15, abs=0.03)  # ~15% ± 3


def test_units_reporting_in_2022(db):
    f = totals(db, PROVINCES, Y2022, ["digitised"], by="locality")
    reporting = f["digitised"].notna().sum()
    assert reporting == 63 - round(sample.NOT_REPORTING_2022 * 63)  # "50 of 63 reported"
    f = totals(db, PROVINCES, Y2023, ["digitised"], by="locality")
    assert f["digitised"].notna().all()


# --- the fee-policy effect ------------------------------------------------------------------------
def test_fee_waiver_raises_online_uptake_in_hcmc(db):
    """TP HCM waived online fees from May 2024 for the covered procedures: their online rate
    rises more than that of the city's other procedures (difference-in-differences > 0), by
    about FEE_EFFECT on the logit scale (procedures also under a national policy excluded)."""
    pol = reference.fee_policies()
    cov = reference.fee_policy_coverage()
    zero = pol[(pol["scope"] == "province:79") & (pol["valid_from"].astype(str) >= "2024")]
    national = set(cov.loc[cov["id"].isin(pol.loc[pol["scope"] == "nation", "id"]),
                           "procedure_code"])
    covered = set(cov.loc[cov["id"].isin(zero["id"]), "procedure_code"]) - national
    before, after = year(2024, 1, 4), year(2024, 6, 9)
    rows = {}
    for label, rng in (("before", before), ("after", after)):
        f = totals(db, Scope(locality=unit("79")), rng, ["received_online", "received_new"],
                   by="procedure")
        f = f[f["key"].notna() & ~f["key"].isin(national)]
        f["group"] = np.where(f["key"].isin(covered), "covered", "other")
        g = f.groupby("group")[["received_online", "received_new"]].sum()
        rows[label] = g["received_online"] / g["received_new"]
    rate = pd.DataFrame(rows)
    did = ((rate.loc["covered", "after"] - rate.loc["covered", "before"])
           - (rate.loc["other", "after"] - rate.loc["other", "before"]))
    assert did > 0

    def logit(p):
        return math.log(p / (1 - p))

    did_logit = ((logit(rate.loc["covered", "after"]) - logit(rate.loc["covered", "before"]))
                 - (logit(rate.loc["other", "after"]) - logit(rate.loc["other", "before"])))
    assert did_logit == pytest.approx(sample.FEE_EFFECT, abs=0.3)  # the known effect ± 0.3


# --- the 34 provinces from 01/07/2025 (DOMAIN.md §10, published_figures.csv) -------------------
NEW_PROVINCES = Scope(kind="province", units=eras.ERA_34)
# 14.5 million dossiers in the 34 localities from 01/07 to 28/10/2025 (120 days): as whole
# months July–October (123 days), 14.5 × 123 / 120 ≈ 14.86 million.
PUBLISHED_JUL_OCT = 14_500_000 * 123 / 120


def test_dossiers_of_the_34_from_july_to_october_2025(db):
    got = value(db, NEW_PROVINCES, JUL_OCT_2025, "received_new")
    assert got == pytest.approx(PUBLISHED_JUL_OCT, rel=0.08)  # ± 8%


def test_online_share_of_the_34_from_july_2025(db):
    # 12.1 of 14.5 million online (83.4%)
    got = value(db, NEW_PROVINCES, JUL_OCT_2025, "online_rate")
    assert got == pytest.approx(12.1 / 14.5, abs=0.03)  # ± 3 pts


def test_july_2025_and_the_commune_level(db):
    # July 2025: 3.4 million dossiers, 2.5 million of them at commune level (73.5%); online
    # July–October: 9.1 of 12.1 million at commune level (75%)
    july = frame(db, NEW_PROVINCES, year(2025, 7, 7), ["received_new"], by="level").set_index(
        "key")["received_new"]
    assert july.sum() == pytest.approx(3_400_000, rel=0.10)  # ± 10%
    assert july["commune"] / july.sum() == pytest.approx(2.5 / 3.4, abs=0.06)  # ± 6 pts
    online = totals(db, NEW_PROVINCES, JUL_OCT_2025, ["received_online"], by="level").set_index(
        "key")["received_online"]
    assert online["commune"] / online.sum() == pytest.approx(9.1 / 12.1, abs=0.05)  # ± 5 pts
    assert set(july.index) == {"province", "commune"}  # no district level any more


@pytest.mark.parametrize("scope,target,tolerance", [
    (PROVINCES, 0.1694, 0.02), (MINISTRIES, 0.5446, 0.03), (NATION, 0.3998, 0.03)])
def test_full_process_rates_of_2025(db, scope, target, tolerance):
    # to 26/10/2025: nation 39.98%, ministries 54.46%, provinces 16.94%
    assert value(db, scope, TO_OCT_2025, "full_online_rate") == pytest.approx(target,
                                                                               abs=tolerance)


def test_the_change_of_units_leaves_no_jump(db):
    """Volumes and rates run on through 01/07/2025: a new province's July is its old
    provinces' June carried on (month to month within the usual seasonal range)."""
    f = frame(db, NEW_PROVINCES, year(2025, 6, 7), ["received_new", "online_rate"],
              by="locality").set_index("key")
    june = frame(db, NEW_PROVINCES, year(2025, 6, 6), ["received_new", "online_rate"],
                 by="locality").set_index("key")
    july = frame(db, NEW_PROVINCES, year(2025, 7, 7), ["received_new", "online_rate"],
                 by="locality").set_index("key")
    assert len(f) == 34 and len(june) == 34 and len(july) == 34
    ratio = july["received_new"] / june["received_new"]
    assert ratio.between(0.8, 1.25).all(), ratio.describe()
    assert (july["online_rate"] - june["online_rate"]).abs().max() < 0.05


def test_a_year_of_the_34_equals_the_sum_of_the_63(db):
    """A 2024 figure shown in the 34 is the sum of the old provinces' (the app's history)."""
    in_34 = frame(db, NEW_PROVINCES, Y2024, ["received_new", "received_full_online"],
                  by="locality").set_index("key")
    in_63 = totals(db, Scope(kind="province", units=eras.ERA_63), Y2024,
                   ["received_new", "received_full_online"], by="locality")
    in_63["new"] = in_63["key"].map(reference.crosswalk().successor)
    summed = in_63.groupby("new")[["received_new", "received_full_online"]].sum()
    pd.testing.assert_frame_equal(in_34[["received_new", "received_full_online"]],
                                  summed, check_names=False)
