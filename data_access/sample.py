"""Deterministic synthetic national dossier statistics: the sample data the app ships with.

    python -m data_access.sample --scale demo|national [--seed N] [--url URL]

writes into the database that DVC_DATABASE_URL names (default: the embedded DuckDB file;
--url overrides) every reference table, the agencies and one statistics row per agency ×
procedure × month, January 2022 – June 2025, and records the load in data_loads.

Two parts:

- a pure part, `build_agencies(scale)`, `build_plan(scale, seed)` and `stats_chunks(plan)`
  (one frame per month, rows sorted by locality_code so that the table is stored sorted by
  (period_start, locality_code): DuckDB's zone maps then skip most row groups), which only
  computes pandas frames from (scale, seed): the same arguments give the same frames;
- `generate(db, scale, seed)`, which writes them in one transaction.

Units. Each of the 63 provinces (before 01/07/2025) has its departments (departments.csv,
those of 2023–2024), its real districts and its wards from the package vietnam-provinces 0.6.0
(level commune). Each ministry has its units (ministry_units.csv). A procedure's level says who
handles it: every commune, every district, the one department of the province whose portfolio
is the procedure's field ministry, or one unit of its ministry (round-robin).

Scales. `national`: every ward is a commune-level agency (about 10,000). `demo`: the first
three wards of each district stand in for all the communes of that district: the district's
commune-level volume is split among them. Province, district, block and national figures are
the same at both scales (in expectation); only the figures of one commune are larger in demo.

Calibration (figures in sample_data/reference/published_figures.csv and DOMAIN.md; 2024 unless
said). Expected values are solved first on "cells" (unit × procedure, where a unit is a
province or a ministry), then every series (agency × procedure) draws its counts around them.

- Volumes: new dossiers per province per year from published figures where known (TP HCM 17.8
  million, …) and otherwise population × a per-capita rate solved so that the provinces block
  totals PROVINCES_BLOCK_2024 (about 0.196 a head; population × 0.30 would give about 50
  million, above the 40–45 million the published totals imply). The ministries block is 1.5 ×
  the provinces block, split B-CA 35%, BHXH 20%, B-TC 20%, B-CT 1.8 million, B-TP 3%, the rest
  equally among the other ministries that report. A province's volume is split province 22% /
  district 33% / commune 45% (Quảng Nam 2023), within a level by the procedures'
  volume_weight, among agencies with lognormal noise. The four full-process leaders get a
  "tilt" of their volume towards full-process capable procedures (see _level_weights): with
  the catalogue's mix no province could exceed about 55%.
- Ministries without ministry-level procedures in procedures.csv report by field (rows with a
  blank procedure_code, one per field of that ministry in fields.csv; see _procedures); a
  ministry with neither (e.g. NHNN, B-QP) reports nothing.
- Months: growth 2022 ×0.85, 2023 ×0.93, 2024 ×1, 2025 ×1.05 (smooth); the Tết month ×0.65,
  the month after ×1.15, October–December ×1.10; negative-binomial noise per row.
- Online rate: provinces block 35% / 55% / 72% / 82% (2022 / 2023 / 2024 / 2025 H1), a logit
  offset per province, levels as in Quảng Nam 2023 (province-level agencies 80.6%, district
  32.3%, commune 66.1%); ministries 75% in 2024; procedures without an online service: 0.
- Full-process online (EMC: full-process / new): provinces block 18.54%, ministries 63.47%
  (reached only if the catalogue's ministry-level procedures allow it: the plan records each
  unit's reachable maximum in units.max_full_2024), nation about 45.8%; Hà Nam 68.54%, Đà Nẵng 58.89%, Hà Giang 55.76%, Nam Định 52.96%; the 15
  units under 10% named by the press; B-CT 83.48%, B-TC 78.44%, B-TP 77.66%. Only procedures
  eligible for and offered as full-process online; 2022 ≈ 35% of the 2024 level, 2023 ≈ 65%,
  2025 H1 ≈ 130% (capped by the online share).
- On time, stocks, channels, payments, digitisation, e-results, data reuse, ratings: see the
  constants below. "Blank = not reported": in 2022 a fifth of the provinces leave digitised,
  e_results, data_reused, rated and not_satisfied blank.
- Fee policies (fee_policies.csv, fee_policy_coverage.csv): from the first whole month on or
  after valid_from to valid_to, a covered procedure in the policy's scope gets
  online logit += FEE_EFFECT × discount_pct / 100.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import sqlalchemy as sa
from unidecode import unidecode

from data_access import catalog, reference, sample_index766, schema
from data_access.db import Database, bulk_insert, default_user, describe_url
from domain import eras
from domain.periods import Month, MonthRange

# The known effect a later what-if estimator must recover: while a fee policy is in force, a
# covered procedure's online share rises by FEE_EFFECT × discount_pct / 100 on the logit scale
# (a 100% cut: +0.8, e.g. 72% → 85%). No published study measures it (DOMAIN.md §9).
FEE_EFFECT = 0.8

DEFAULT_SEED = 2026
SCALES = ("demo", "national")
DEMO_WARDS_PER_DISTRICT = 3
FIRST_MONTH = Month(2022, 1)
EARLIEST_UNTIL = Month(2024, 12)  # the calibration needs the whole of 2024
LOAD_ID = 1

# --- volumes ------------------------------------------------------------------------------
PROVINCES_BLOCK_2024 = 43_000_000  # new dossiers a year, provinces block (40–45 million)
# New dossiers in 2024 where published (or assumed: Hà Nội).
PROVINCE_VOLUME_2024 = {
    "79": 17_800_000, "01": 6_000_000, "35": 169_000, "22": 1_070_000, "19": 700_000,
    "04": 140_000, "62": 220_000, "17": 200_000, "49": 410_000, "74": 1_500_000,
    "48": 900_000,
}
MINISTRIES_PER_PROVINCES = 1.5  # nation 45.8% = mix of ministries 63.47% and provinces 18.54%
MINISTRY_SHARE = {"B-CA": 0.35, "BHXH": 0.20, "B-TC": 0.20, "B-TP": 0.03}
MINISTRY_VOLUME_2024 = {"B-CT": 1_800_000}  # 1.488 million full-process at 83.48%
LEVEL_SHARE = {"province": 0.22, "district": 0.33, "commune": 0.45}  # Quảng Nam 2023
# 2025: 14.5 million dossiers in the 34 localities 01/07–28/10/2025 (about 3.6 million a
# month, the 2024 pace); 2026: assumed.
GROWTH = {2022: 0.85, 2023: 0.93, 2024: 1.00, 2025: 1.03, 2026: 1.06}
TET_MONTH = {2022: 2, 2023: 1, 2024: 2, 2025: 1, 2026: 2, 2027: 2}
TET_FACTOR, AFTER_TET_FACTOR, Q4_FACTOR = 0.65, 1.15, 1.10
# Row noise: negative binomial, a Poisson around μ × Gamma(k, 1/k) with k = NB_SHAPE + μ /
# NB_SHAPE_PER: small series vary by about 30% a month, a whole ministry's series by 3–5%.
NB_SHAPE, NB_SHAPE_PER, NB_SHAPE_MAX = 12.0, 50.0, 1000.0
SIGMA_DISTRICT, SIGMA_COMMUNE, SIGMA_SERIES = 0.35, 0.40, 0.25  # lognormal volume noise

# --- online -------------------------------------------------------------------------------
ONLINE_PATH = {  # block online rate by year; 2025: 12.1 of 14.5 million online from 07/2025
    "province": {2022: 0.35, 2023: 0.55, 2024: 0.72, 2025: 0.83, 2026: 0.86},
    "ministry": {2022: 0.55, 2023: 0.67, 2024: 0.75, 2025: 0.80, 2026: 0.83},
}
LEVEL_ONLINE_LOGIT = {"province": 0.75, "district": -1.40, "commune": 0.0, "ministry": 0.0}
PARTIAL_ONLINE_LOGIT = -0.4  # procedures offered only partly online
SIGMA_PROVINCE_ONLINE, SIGMA_PROCEDURE_ONLINE, SIGMA_AGENCY_ONLINE = 0.45, 0.35, 0.30
# 2024 online rates set rather than drawn (the full-process leaders must be able to reach
# their full-process rates; the ministries with the highest full-process rates likewise).
UNIT_ONLINE_2024 = {
    "35": 0.93, "48": 0.91, "02": 0.89, "36": 0.88,
    "B-CA": 0.80, "BHXH": 0.82, "B-TC": 0.88, "B-CT": 0.93, "B-TP": 0.88,
}

# --- full-process online (EMC) --------------------------------------------------------------
FULL_BLOCK_2024 = {"province": 0.1854, "ministry": 0.6347}
UNIT_FULL_2024 = {
    "35": 0.6854, "48": 0.5889, "02": 0.5576, "36": 0.5296,
    "B-CT": 0.8348, "B-TC": 0.7844, "B-TP": 0.7766,
    # the 15 units under 10% (vietnamhoinhap.vn, 2024)
    "01": 0.08, "79": 0.07, "66": 0.085, "30": 0.075, "26": 0.09, "27": 0.065, "87": 0.08,
    "B-YT": 0.06, "NHNN": 0.05, "B-GDDT": 0.07, "B-TNMT": 0.04, "B-QP": 0.03,
    "B-KHDT": 0.08, "B-VHTTDL": 0.06, "B-NG": 0.05,
}
FULL_OTHER_RANGE = {"province": (0.11, 0.48), "ministry": (0.15, 0.95)}  # drawn units
SIGMA_UNIT_FULL, SIGMA_PROCEDURE_FULL, SIGMA_AGENCY_FULL = 0.45, 0.30, 0.20
LEVEL_FULL_LOGIT = {"province": 0.3, "district": -0.3, "commune": 0.0, "ministry": 0.0}
# Relative to 2024, by block, at mid-year (the yearly means come out at about 0.35 / 0.65 / 1
# for 2022–2024: the ramp is not flat within a year). 2025 to 26/10: provinces 16.94%,
# ministries 54.46%, nation 39.98% (DOMAIN.md §10), below 2024's 18.54 / 63.47 / 45.8%;
# 2026: assumed.
FULL_RAMP = {
    "province": {2022: 0.30, 2023: 0.57, 2024: 1.00, 2025: 0.90, 2026: 0.95},
    "ministry": {2022: 0.30, 2023: 0.57, 2024: 1.00, 2025: 0.81, 2026: 0.85},
}
FULL_CAP = 0.99  # at most this share of online dossiers is full-process
FULL_HEADROOM = 0.80  # a set target may use at most this share of capable dossiers

# --- on time, stocks ----------------------------------------------------------------------
# In-time share of resolved dossiers by level, for procedures outside the land field; land
# procedures (mostly district level) get LAND_ON_TIME_LOGIT, so that land is about 90% in
# time and districts overall about 93% (the land share of district dossiers is about 40%).
ON_TIME = {"province": 0.995, "district": 0.975, "commune": 0.985, "ministry": 0.99}
LAND_FIELD, LAND_ON_TIME_LOGIT = "G13-TN02", -2.0
N_WORSE_PROVINCES, WORSE_LOGIT = 4, -1.0
SIGMA_PROVINCE_ON_TIME, SIGMA_AGENCY_ON_TIME = 0.25, 0.30
EARLY_SHARE = (0.65, 0.75)  # early / (early + on time), uniform per agency
# Monthly resolution probability of an available dossier by the procedure's deadline (days).
RESOLVE_DAYS = (0, 1, 3, 5, 10, 15, 20, 30)
RESOLVE_PROB = (0.98, 0.97, 0.92, 0.87, 0.78, 0.70, 0.60, 0.45)
DEFAULT_DEADLINE_DAYS = 10
PENDING_LATE_PER_LATE = 3.0  # overdue share of pending = 3 × late share, at most 0.5

# --- channels, payments, quality -------------------------------------------------------------
POSTAL_SHARE = (0.02, 0.05)  # of offline dossiers, uniform per agency
PAYMENT_PATH = {2022: 0.30, 2023: 0.50, 2024: 0.70, 2025: 0.85, 2026: 0.88}
PAYMENT_PINNED = {"17": (Month(2024, 7), 0.8676), "74": (Month(2024, 2), 0.50)}
DIGITISED_PATH = {2022: 0.20, 2023: 0.45, 2024: 0.70, 2025: 0.85, 2026: 0.90}
E_RESULT_PATH = {2022: 0.15, 2023: 0.40, 2024: 0.65, 2025: 0.80, 2026: 0.85}
DATA_REUSE_PATH = {2022: 0.10, 2023: 0.35, 2024: 0.60, 2025: 0.75, 2026: 0.80}
RATED_SHARE = 0.15
# satisfaction = 1 − not satisfied / rated: 90% (2022) → 93% (Aug 2024) → 94% (2025 H1) →
# 94.5% (2026, assumed; the 2026 target is 95%)
SATISFACTION_POINTS = {5.5: 0.90, 31.0: 0.93, 38.5: 0.94, 53.5: 0.945}
SIGMA_UNIT_QUALITY = 0.30
NOT_REPORTING_2022 = 0.20  # share of provinces leaving the quality columns blank in 2022
QUALITY_COLUMNS = ("digitised", "e_results", "data_reused", "rated", "not_satisfied")

LEVEL_ORDER = ("province", "district", "commune")
DISTRICT_EN = {"Quận": "District", "Huyện": "District", "Thị xã": "Town", "Thành phố": "City"}
WARD_EN = {"Phường": "Ward", "Xã": "Commune", "Thị trấn": "Township", "Đặc khu": "Special Zone"}
# Field ministries whose provincial office is not "Sở <ministry>".
PORTFOLIO = {"Công an": "Công an tỉnh", "Bảo hiểm xã hội": "Bảo hiểm xã hội tỉnh"}
FALLBACK_DEPARTMENT = "Văn phòng UBND tỉnh"
# From 01/07/2025 the centre receives the province's dossiers (Decree 118/2025/NĐ-CP). An
# assumption of the sample, not a published fact: it also handles the procedures that had no
# department of their own (FALLBACK_DEPARTMENT) and the provision of land data, so that it has
# figures of its own.
CENTRE = ("Trung tâm Phục vụ hành chính công", "Public Administration Service Centre")
CENTRE_PROCEDURES = {"1.012789"}


# ============================================================================================
# small helpers
# ============================================================================================
def _rng(seed: int, name: str) -> np.random.Generator:
    """An independent, reproducible stream per purpose (adding a stream changes no other)."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p):
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def _lognormal(rng, sigma, size):
    """Mean-one lognormal noise."""
    return np.exp(rng.normal(-sigma * sigma / 2, sigma, size))


def default_until(today: date | None = None) -> Month:
    """The last full month before today."""
    return Month.of(today or date.today()).plus(-1)


def sample_months(until: Month) -> list[Month]:
    if until < EARLIEST_UNTIL:
        raise ValueError(f"--until must be {EARLIEST_UNTIL} or later, not {until}")
    return MonthRange(FIRST_MONTH, until).months()


def _t(m: Month) -> int:
    return (m.year - FIRST_MONTH.year) * 12 + m.month - FIRST_MONTH.month


def _year_anchor(year: int) -> float:
    """The month index of the middle of a year."""
    return (year - FIRST_MONTH.year) * 12 + 5.5


def _interp(points: dict[float, float], logit: bool, n: int) -> np.ndarray:
    """A value per month, linear between anchor points (on the logit scale for rates) and
    extrapolated linearly beyond them, so that a year's mean is close to its anchor."""
    xs = np.array(sorted(points), dtype=float)
    ys = np.array([points[x] for x in sorted(points)], dtype=float)
    if logit:
        ys = _logit(ys)
    t = np.arange(n, dtype=float)
    out = np.interp(t, xs, ys)
    lo, hi = t < xs[0], t > xs[-1]
    out[lo] = ys[0] + (t[lo] - xs[0]) * (ys[1] - ys[0]) / (xs[1] - xs[0])
    out[hi] = ys[-1] + (t[hi] - xs[-1]) * (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])
    return _sigmoid(out) if logit else out


def _yearly(path: dict[int, float], n: int, logit: bool = True) -> np.ndarray:
    return _interp({_year_anchor(y): v for y, v in path.items()}, logit, n)


def _bisect(f, lo: float, hi: float, shape, target, iterations: int = 60) -> np.ndarray:
    """Elementwise root of the increasing function f(x) = target, x in [lo, hi]."""
    a = np.full(shape, lo, dtype=float)
    b = np.full(shape, hi, dtype=float)
    for _ in range(iterations):
        mid = (a + b) / 2
        up = f(mid) < target
        a = np.where(up, mid, a)
        b = np.where(up, b, mid)
    return (a + b) / 2


def month_factors(months: list[Month]) -> np.ndarray:
    """Each month's expected new dossiers as a share of the 2024 total."""
    growth = _interp({_year_anchor(y): g for y, g in GROWTH.items()}, False, len(months))
    season = np.ones(len(months))
    for i, m in enumerate(months):
        if TET_MONTH.get(m.year) == m.month:
            season[i] *= TET_FACTOR
        prev = m.plus(-1)
        if TET_MONTH.get(prev.year) == prev.month:
            season[i] *= AFTER_TET_FACTOR
        if m.month >= 10:
            season[i] *= Q4_FACTOR
    raw = growth * season
    in_2024 = np.array([m.year == 2024 for m in months])
    return raw / raw[in_2024].sum()


# ============================================================================================
# units and agencies
# ============================================================================================
@cache
def divisions() -> list[dict]:
    """Provinces → districts → wards, from the pinned package vietnam-provinces 0.6.0."""
    path = resources.files("vietnam_provinces") / "data" / "nested-divisions.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _split_prefix(name: str, table: dict[str, str]) -> tuple[str, str]:
    for prefix in sorted(table, key=len, reverse=True):
        if name.lower().startswith(prefix.lower() + " "):
            return table[prefix], name[len(prefix) + 1:]
    return "", name


def district_name_en(name_vi: str) -> str:
    """'Quận Ba Đình' → "Ba Dinh District People's Committee"."""
    kind, rest = _split_prefix(name_vi, DISTRICT_EN)
    return f"{unidecode(rest)} {kind or 'District'} People's Committee"


def ward_name_en(name_vi: str) -> str:
    kind, rest = _split_prefix(name_vi, WARD_EN)
    return f"{unidecode(rest)} {kind or 'Commune'} People's Committee"


@cache
def commune_origins() -> dict[str, str]:
    """Each commune of 01/07/2025 → the old province it lies in (its representative point in
    the old province's boundary, among the old provinces its new province was made of; the
    nearest of them for a point just offshore). Its history continues that province's."""
    import shapely
    from shapely.geometry import Point, shape

    fc = json.loads((reference.GEO / "vn_provinces_63.geojson").read_text(encoding="utf-8"))
    shapes = {f["properties"]["code"]: shape(f["geometry"]) for f in fc["features"]}
    for geom in shapes.values():
        shapely.prepare(geom)
    members = dict(zip(reference.provinces_34()["code"], reference.provinces_34()["members"]))
    out = {}
    for c in reference.communes().itertuples():
        olds = members[c.province_code]
        if len(olds) == 1:
            out[c.code] = olds[0]
            continue
        point = Point(c.lon, c.lat)
        inside = [m for m in olds if shapes[m].contains(point)]
        out[c.code] = inside[0] if inside else min(olds, key=lambda m: shapes[m].distance(point))
    return out


def department_for(field_ministry: str) -> str:
    """The provincial office whose portfolio is a field's ministry."""
    return PORTFOLIO.get(field_ministry, f"Sở {field_ministry}")


def build_agencies(scale: str) -> pd.DataFrame:
    """Every handling unit, ids from 1. Beyond the table's columns: `portfolio` (a
    department's name, for matching procedures), `n_wards` (a district's real wards) and
    `district_code`."""
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {SCALES}, not {scale!r}")
    depts = reference.departments()
    depts = depts[depts["in_2023_2024"].str.lower() == "yes"].reset_index(drop=True)
    by_code = {int(p["code"]): p for p in divisions()}
    rows = []

    def add(**row):
        row["id"] = len(rows) + 1
        rows.append(row)
        return row["id"]

    def add_departments(prefix: str, key: str, departments: pd.DataFrame) -> None:
        for n, d in departments.iterrows():
            add(code=f"{prefix}-S{n + 1:02d}", locality_code=key, level="province",
                name_vi=d["department_vi"], name_en=d["department_en"], parent_id=None,
                portfolio=d["department_vi"], n_wards=0, district_code=None)

    for prov in reference.provinces()["code"]:
        key = eras.key(prov, eras.ERA_63)
        add_departments(prov, key, depts)
        for dist in by_code[int(prov)]["districts"]:
            wards = dist["wards"]
            did = add(code=f"{prov}-H{dist['code']:03d}", locality_code=key, level="district",
                      name_vi="UBND " + dist["name"], name_en=district_name_en(dist["name"]),
                      parent_id=None, portfolio=None, n_wards=len(wards),
                      district_code=dist["code"])
            if scale == "demo":
                wards = wards[:DEMO_WARDS_PER_DISTRICT]
            for w in wards:
                add(code=f"{prov}-X{w['code']:05d}", locality_code=key, level="commune",
                    name_vi="UBND " + w["name"], name_en=ward_name_en(w["name"]),
                    parent_id=did, portfolio=None, n_wards=0, district_code=dist["code"])
    units = reference.ministry_units()
    for code in reference.ministries()["code"]:
        for _, u in units[units["ministry_code"] == code].iterrows():
            add(code=u["unit_code"], locality_code=code, level="ministry", name_vi=u["name_vi"],
                name_en=u["name_en"], parent_id=None, portfolio=None, n_wards=0,
                district_code=None)
    # From 01/07/2025: each of the 34 has its departments of the March 2025 list, its Public
    # Administration Service Centre and every commune, ward and special zone; no districts.
    # Codes carry the era ("34:24-S02"), so that none equals an old agency's code.
    new_depts = reference.departments()
    new_depts = new_depts[new_depts["in_2025"].str.lower() == "yes"].reset_index(drop=True)
    origin = commune_origins()
    communes = reference.communes()
    for prov in reference.provinces_34()["code"]:
        key = eras.key(prov, eras.ERA_34)
        add_departments(key, key, new_depts)
        add(code=f"{key}-TTPVHCC", locality_code=key, level="province", name_vi=CENTRE[0],
            name_en=CENTRE[1], parent_id=None, portfolio=CENTRE[0], n_wards=0,
            district_code=None)
        for c in communes[communes["province_code"] == prov].itertuples():
            add(code=f"{key}-X{c.code}", locality_code=key, level="commune",
                name_vi="UBND " + c.name_vi, name_en=ward_name_en(c.name_vi), parent_id=None,
                portfolio=None, n_wards=0, district_code=None, origin=origin[c.code])
    out = pd.DataFrame(rows)
    out["parent_id"] = out["parent_id"].astype("Int64")
    out["district_code"] = out["district_code"].astype("Int64")
    cols = ["id", "code", "locality_code", "level", "name_vi", "name_en", "parent_id"]
    return out[cols + [c for c in out.columns if c not in cols]]


# ============================================================================================
# the plan: expected values per cell (unit × procedure) and the series (agency × procedure)
# ============================================================================================
@dataclass
class Plan:
    scale: str
    seed: int
    months: list  # Month, from FIRST_MONTH to the last month asked for
    agencies: pd.DataFrame
    units: pd.DataFrame  # provinces then ministries: code, kind, volume, targets
    procs: pd.DataFrame  # procedures, in code order
    cell_volume: np.ndarray  # (U, J) new dossiers expected in 2024
    month_factor: np.ndarray  # (T,)
    online_base: np.ndarray  # (U, T) solved logit base
    full_base: np.ndarray  # (U,) solved logit base of the full-process share of online
    full_ramp: np.ndarray  # (U, T) the ramp of the full-process share of online
    fee_logit: np.ndarray  # (U, J, T) FEE_EFFECT × discount in force
    fee_online_vnd: np.ndarray  # (U, J, T) the online fee in force, VND
    series: pd.DataFrame  # to 06/2025: one row per agency × procedure, sorted for writing
    series_34: pd.DataFrame  # from 07/2025: sub-series (see _series_34)
    unit_month: dict  # (U, T) arrays: payment, digitised, … probabilities; not_reporting


def _procedures() -> pd.DataFrame:
    """The procedure catalogue in code order; then, for each ministry that has no
    ministry-level procedure in it, one pseudo-procedure per field of that ministry
    (procedure_code blank: the ministry reports by field; online_level full, eligible, no fee,
    DEFAULT_DEADLINE_DAYS). A ministry with neither reports nothing."""
    p = reference.procedures().sort_values("procedure_code").reset_index(drop=True)
    fields = reference.fields()
    field_ministry = fields.set_index("field_code")["ministry"]
    missing = set(p["field_code"]) - set(field_ministry.index)
    if missing:
        raise ValueError(f"procedures.csv: fields not in fields.csv: {sorted(missing)}")
    p["by_field"] = False
    extra = []
    mins = reference.ministries()
    for m in mins.itertuples():
        if ((p["level"] == "ministry") & (p["ministry_code"] == m.code)).any():
            continue
        own = fields[fields["ministry"].isin({m.short_vi, m.name_vi.removeprefix("Bộ ")})]
        for f in own.itertuples():
            extra.append({"procedure_code": None, "name_vi": f.field_vi, "name_en": f.field_en,
                          "field_code": f.field_code, "level": "ministry",
                          "ministry_code": m.code, "online_level": "full",
                          "full_online_eligible": True, "volume_weight": 1.0,
                          "by_field": True})
    if extra:
        p = pd.concat([p, pd.DataFrame(extra)], ignore_index=True)
    p["field_ministry"] = p["field_code"].map(field_ministry)
    p["avail"] = (p["online_level"] != "none").astype(float)
    p["full"] = (p["full_online_eligible"].astype(bool) & (p["online_level"] == "full")
                 ).astype(float)
    days = pd.to_numeric(p["deadline_days"], errors="coerce").astype("float64")
    p["resolve_p"] = np.interp(days.fillna(DEFAULT_DEADLINE_DAYS).to_numpy(),
                               RESOLVE_DAYS, RESOLVE_PROB)
    p["fee_direct_vnd"] = pd.to_numeric(p["fee_direct_vnd"], errors="coerce").astype("Int64")
    p["fee_online_vnd"] = pd.to_numeric(p["fee_online_vnd"], errors="coerce").astype("Int64")
    p["has_fee"] = p["fee_direct_vnd"].fillna(0).astype("int64").to_numpy() > 0
    return p


def _units(procs: pd.DataFrame) -> pd.DataFrame:
    """Provinces and ministries with their 2024 volume of new dossiers."""
    prov = reference.provinces()
    known = prov["code"].map(PROVINCE_VOLUME_2024)
    rest_pop = prov.loc[known.isna(), "population"].sum()
    per_capita = (PROVINCES_BLOCK_2024 - known.sum()) / rest_pop
    p = pd.DataFrame({"code": prov["code"], "kind": "province",
                      "volume": known.fillna(prov["population"] * per_capita)})
    total_m = MINISTRIES_PER_PROVINCES * p["volume"].sum()
    mins = reference.ministries()["code"].tolist()
    reporting = set(procs.loc[procs["level"] == "ministry", "ministry_code"])
    vol = {c: total_m * s for c, s in MINISTRY_SHARE.items() if c in reporting}
    vol.update((c, v) for c, v in MINISTRY_VOLUME_2024.items() if c in reporting)
    others = [c for c in mins if c in reporting and c not in vol]
    left = max(total_m - sum(vol.values()), 0.0)
    if others:  # the rest of the ministries block, shared equally
        vol.update((c, left / len(others)) for c in others)
    else:  # nobody else reports: the named ministries take the whole block
        scale = total_m / sum(vol.values())
        vol = {c: v * scale for c, v in vol.items()}
    m = pd.DataFrame({"code": mins, "kind": "ministry",
                      "volume": [vol.get(c, 0.0) for c in mins]})
    units = pd.concat([p, m], ignore_index=True)
    units.attrs["per_capita"] = per_capita
    return units


def _level_weights(units: pd.DataFrame, procs: pd.DataFrame, tilt: np.ndarray) -> np.ndarray:
    """(U, J): each unit's share of its volume per procedure. Within a level, procedures
    share by volume_weight × exp(tilt × full-process capable): a unit's tilt (0 for most)
    moves its dossiers towards full-process capable procedures, which the full-process
    leaders need (with the catalogue's mix no province could exceed about 55%)."""
    U, J = len(units), len(procs)
    out = np.zeros((U, J))
    w = procs["volume_weight"].to_numpy(float)
    full = procs["full"].to_numpy()
    levels = procs["level"].to_numpy()
    is_prov = (units["kind"] == "province").to_numpy()
    present = [lv for lv in LEVEL_ORDER if (levels == lv).any()]
    share_sum = sum(LEVEL_SHARE[lv] for lv in present)
    tw = w[None, :] * np.exp(tilt[:, None] * full[None, :])  # (U, J)
    for lv in present:
        mask = levels == lv
        part = tw * mask
        out[is_prov] += (LEVEL_SHARE[lv] / share_sum * part
                         / part.sum(axis=1, keepdims=True))[is_prov]
    mcode = procs["ministry_code"].to_numpy()
    for u in np.flatnonzero(~is_prov):
        mask = (levels == "ministry") & (mcode == units.at[u, "code"])
        if mask.any():
            out[u] = tw[u] * mask / (tw[u] * mask).sum()
    return out


def _tilts(units: pd.DataFrame, procs: pd.DataFrame) -> np.ndarray:
    """Per unit, the tilt that gives a unit with a set full-process target at least
    target / FULL_HEADROOM of its volume in full-process capable procedures."""
    U = len(units)
    full = procs["full"].to_numpy()
    need = np.array([min(0.97, UNIT_FULL_2024.get(c, 0.0) / FULL_HEADROOM)
                     for c in units["code"]])
    base = (_level_weights(units, procs, np.zeros(U)) * full).sum(axis=1)
    tilt = _bisect(lambda x: (_level_weights(units, procs, x) * full).sum(axis=1),
                   0.0, 12.0, (U,), need, iterations=40)
    return np.where((base >= need) | (base == 0), 0.0, tilt)


def _fee_arrays(units, procs, months):
    """(U, J, T) arrays: the fee logit shift and the online fee in force."""
    U, J, T = len(units), len(procs), len(months)
    policies = reference.fee_policies()
    cover = reference.fee_policy_coverage()
    discount = np.zeros((U, J, T))
    covered_any = np.zeros((U, J), dtype=bool)
    jidx = {c: i for i, c in enumerate(procs["procedure_code"])}
    uidx = {c: i for i, c in enumerate(units["code"])}
    month_start = np.array([m.first_day for m in months])
    month_end = np.array([m.last_day for m in months])
    for _, pol in policies.iterrows():
        js = [jidx[c] for c in cover.loc[cover["id"] == pol["id"], "procedure_code"] if c in jidx]
        if not js:
            continue
        if pol["scope"] == "nation":
            us = np.arange(U)
        elif pol["scope"].startswith("province:") and pol["scope"][9:] in uidx:
            us = np.array([uidx[pol["scope"][9:]]])
        else:
            continue
        valid_to = pol["valid_to"] if pd.notna(pol["valid_to"]) else date.max
        active = (month_start >= pol["valid_from"]) & (month_end <= valid_to)
        sub = np.ix_(us, js)
        covered_any[sub] = True
        d = np.where(active, pol["discount_pct"] / 100.0, 0.0)
        discount[us[:, None], np.array(js)[None, :], :] = np.maximum(
            discount[us[:, None], np.array(js)[None, :], :], d[None, None, :])
    direct = procs["fee_direct_vnd"].fillna(0).astype("int64").to_numpy(float)
    online = procs["fee_online_vnd"].astype("float64").fillna(np.nan).to_numpy()
    online = np.where(np.isnan(online), direct, online)
    # A procedure covered by a policy pays the direct fee less the discount in force; any
    # other pays its online fee (or the direct one where no online fee is listed).
    fee = np.where(covered_any[:, :, None], direct[None, :, None] * (1 - discount),
                   online[None, :, None] * np.ones((U, 1, T)))
    return FEE_EFFECT * discount, np.round(fee)


def _solve_block(vol_u, path_logit, off_u, free_u, target, lo=-8, hi=8):
    """The shift δ of the free units' logit offsets that brings the block's volume-weighted
    rate to the target."""
    def f(d):
        return (vol_u * _sigmoid(path_logit + off_u + d * free_u)).sum() / vol_u.sum()
    return float(_bisect(lambda d: np.array([f(d[0])]), lo, hi, (1,), target)[0])


def build_plan(scale: str, seed: int = DEFAULT_SEED, until: Month | None = None) -> Plan:
    """Everything the monthly chunks need, computed from (scale, seed, until) only."""
    months = sample_months(until or default_until())
    agencies = build_agencies(scale)
    procs = _procedures()
    units = _units(procs)
    U, J, T = len(units), len(procs), len(months)
    codes = units["code"].tolist()
    uidx = {c: i for i, c in enumerate(codes)}
    kind = units["kind"].to_numpy()
    is_prov = kind == "province"
    tilt = _tilts(units, procs)
    vol = _level_weights(units, procs, tilt) * units["volume"].to_numpy()[:, None]
    mf = month_factors(months)
    in_2024 = np.array([m.year == 2024 for m in months])
    t24 = _t(Month(2024, 6))  # a month in the middle of 2024 for block-level solving
    levels = procs["level"].to_numpy()
    avail = procs["avail"].to_numpy()
    full_ok = procs["full"].to_numpy()

    # --- online: unit targets per month, then the base that reaches them per unit-month ----
    rp = _rng(seed, "procedures")
    on_off_j = (np.array([LEVEL_ONLINE_LOGIT[lv] for lv in levels])
                + np.where(procs["online_level"] == "partial", PARTIAL_ONLINE_LOGIT, 0.0)
                + rp.normal(0, SIGMA_PROCEDURE_ONLINE, J))
    q_off_j = (np.array([LEVEL_FULL_LOGIT[lv] for lv in levels])
               + rp.normal(0, SIGMA_PROCEDURE_FULL, J))
    procs["online_offset"], procs["full_offset"] = on_off_j, q_off_j
    fee_logit, fee_vnd = _fee_arrays(units, procs, months)
    unit_vol = vol.sum(axis=1)
    max_online = (vol * avail).sum(axis=1) / np.maximum(unit_vol, 1)
    path = {b: _yearly(ONLINE_PATH[b], T) for b in ONLINE_PATH}
    ru = _rng(seed, "units")
    off_u = ru.normal(0, SIGMA_PROVINCE_ONLINE, U)
    free = np.ones(U)
    for c, v in UNIT_ONLINE_2024.items():
        if c in uidx:
            u = uidx[c]
            off_u[u] = _logit(min(v, 0.97 * max_online[u])) - _logit(path[kind[u]][t24])
            free[u] = 0.0
    unit_online = np.zeros((U, T))
    for b in ("province", "ministry"):
        sel = (kind == b) & (unit_vol > 0)
        for t in range(T):
            lp = _logit(path[b][t])
            d = _solve_block(unit_vol[sel], lp, off_u[sel], free[sel], path[b][t])
            unit_online[sel, t] = _sigmoid(lp + off_u[sel] + d * free[sel])
    unit_online = np.minimum(unit_online, 0.97 * max_online[:, None])
    w = vol / np.maximum(unit_vol, 1)[:, None]  # (U, J)

    def online_rate(a):  # a: (U, T) → (U, T)
        pi = _sigmoid(a[:, None, :] + on_off_j[None, :, None] + fee_logit) * avail[None, :, None]
        return (w[:, :, None] * pi).sum(axis=1)

    online_base = _bisect(online_rate, -12, 12, (U, T), unit_online)
    pi = _sigmoid(online_base[:, None, :] + on_off_j[None, :, None] + fee_logit) \
        * avail[None, :, None]  # (U, J, T)

    # --- full-process: unit targets for 2024, the ramp, the base per unit -----------------
    # the full-process share of online dossiers ramps so that full / new follows FULL_RAMP
    q_ramp = {b: _yearly(FULL_RAMP[b], T, logit=False) * path[b][t24] / path[b] for b in path}
    q_ramp_u = np.stack([q_ramp[k] for k in kind])  # (U, T)
    m24 = mf * in_2024

    def full_rate(c):  # c: (U,) → (U,) 2024 full / new
        q = np.minimum(FULL_CAP, _sigmoid(c[:, None, None] + q_off_j[None, :, None])
                       * q_ramp_u[:, None, :]) * full_ok[None, :, None]
        num = (vol[:, :, None] * pi * q * m24).sum(axis=(1, 2))
        return num / np.maximum((vol[:, :, None] * m24).sum(axis=(1, 2)), 1)

    max_full = full_rate(np.full(U, 30.0))
    rf = _rng(seed, "full")
    noise = rf.normal(0, SIGMA_UNIT_FULL, U)
    target_full = np.zeros(U)
    for b in ("province", "ministry"):
        sel = kind == b
        fixed = np.array([c in UNIT_FULL_2024 for c in codes]) & sel
        target_full[fixed] = [UNIT_FULL_2024[c] for c in np.array(codes)[fixed]]
        lo_, hi_ = FULL_OTHER_RANGE[b]
        other = sel & ~fixed & (unit_vol > 0)

        def block(beta, other=other, lo_=lo_, hi_=hi_):
            tf = target_full.copy()
            tf[other] = np.clip(_sigmoid(beta[0] + noise[other]), lo_, hi_)
            tf = np.minimum(tf, 0.97 * max_full)
            return np.array([(unit_vol[sel] * tf[sel]).sum() / unit_vol[sel].sum()])

        beta = _bisect(block, -8, 8, (1,), FULL_BLOCK_2024[b])
        target_full[other] = np.clip(_sigmoid(beta[0] + noise[other]), lo_, hi_)
    target_full = np.minimum(target_full, 0.97 * max_full)
    full_base = _bisect(full_rate, -15, 30, (U,), target_full)

    # --- other unit-month rates -----------------------------------------------------------
    rq = _rng(seed, "quality")
    pay_off = rq.normal(0, 0.4, U)
    pay_path = _yearly(PAYMENT_PATH, T)
    for c, (m, v) in PAYMENT_PINNED.items():
        pay_off[uidx[c]] = _logit(v) - _logit(pay_path[_t(m)])
    um = {"payment": _sigmoid(_logit(pay_path)[None, :] + pay_off[:, None])}
    for name, p in (("digitised", DIGITISED_PATH), ("e_results", E_RESULT_PATH),
                    ("data_reused", DATA_REUSE_PATH)):
        um[name] = _sigmoid(_logit(_yearly(p, T))[None, :]
                            + rq.normal(0, SIGMA_UNIT_QUALITY, U)[:, None])
    um["rated"] = np.clip(RATED_SHARE * _lognormal(rq, SIGMA_UNIT_QUALITY, U), 0.02, 0.5
                          )[:, None] * np.ones((1, T))
    sat = _interp(SATISFACTION_POINTS, True, T)
    um["not_satisfied"] = 1 - _sigmoid(_logit(sat)[None, :]
                                       + rq.normal(0, SIGMA_UNIT_QUALITY, U)[:, None])
    n_prov = int(is_prov.sum())
    silent = rq.choice(n_prov, size=round(NOT_REPORTING_2022 * n_prov), replace=False)
    not_reporting = np.zeros((U, T), dtype=bool)
    not_reporting[np.ix_(silent, [i for i, m in enumerate(months) if m.year == 2022])] = True
    um["not_reporting"] = not_reporting
    ot_off = rq.normal(0, SIGMA_PROVINCE_ON_TIME, U)
    ot_off[~is_prov] = 0.0
    worse = rq.choice(np.flatnonzero(is_prov), size=N_WORSE_PROVINCES, replace=False)
    ot_off[worse] += WORSE_LOGIT
    units = units.assign(online_2024=(unit_online * m24).sum(1) / m24.sum(),
                         full_2024=target_full, max_full_2024=max_full, tilt=tilt,
                         on_time_offset=ot_off)

    series, series_34 = _series(agencies, units, procs, vol, seed)
    return Plan(scale=scale, seed=seed, months=months, agencies=agencies, units=units,
                procs=procs, series_34=series_34,
                cell_volume=vol, month_factor=mf, online_base=online_base, full_base=full_base,
                full_ramp=q_ramp_u,
                fee_logit=fee_logit, fee_online_vnd=fee_vnd, series=series, unit_month=um)


def _series(agencies, units, procs, vol, seed) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The series of each era: before 07/2025 one row per agency × procedure of the 63
    provinces and the ministries; from 07/2025 the sub-series of the 34 (see _series_34)."""
    uidx = {c: i for i, c in enumerate(units["code"])}
    levels = procs["level"].to_numpy()
    ra = _rng(seed, "agencies")
    ag = agencies[agencies["locality_code"].map(eras.era_of_key) != eras.ERA_34].copy()
    ag["unit"] = ag["locality_code"].map(lambda k: uidx[eras.code_of(k)])
    ag["share"] = 1.0
    parts = []

    # district level: districts share the province's district volume
    dist = ag[ag["level"] == "district"].copy()
    dist["w"] = np.maximum(dist["n_wards"], 0.5) * _lognormal(ra, SIGMA_DISTRICT, len(dist))
    dist["share"] = dist["w"] / dist.groupby("locality_code")["w"].transform("sum")
    # commune level: districts share the province's commune volume by their real number of
    # wards; the communes present (all, or the demo's first three) share their district's
    comm = ag[ag["level"] == "commune"].copy()
    dist["cw"] = dist["n_wards"] * _lognormal(ra, SIGMA_DISTRICT, len(dist))
    dist["cshare"] = dist["cw"] / dist.groupby("locality_code")["cw"].transform("sum")
    comm["w"] = _lognormal(ra, SIGMA_COMMUNE, len(comm))
    comm["share"] = (comm["w"] / comm.groupby("parent_id")["w"].transform("sum")
                     * comm["parent_id"].map(dist.set_index("id")["cshare"]))

    def cross(agents: pd.DataFrame, js: np.ndarray) -> pd.DataFrame:
        n = len(agents)
        return pd.DataFrame({
            "agency_id": np.repeat(agents["id"].to_numpy(), len(js)),
            "unit": np.repeat(agents["unit"].to_numpy(), len(js)),
            "share": np.repeat(agents["share"].to_numpy(float), len(js)),
            "j": np.tile(js, n)})

    parts.append(cross(dist, np.flatnonzero(levels == "district")))
    parts.append(cross(comm, np.flatnonzero(levels == "commune")))
    # province level: each procedure to the department of its field's portfolio
    dept = ag[ag["level"] == "province"]
    dept_id = {(r.locality_code, r.portfolio): r.id for r in dept.itertuples()}
    pj = np.flatnonzero(levels == "province")
    names = [department_for(procs.at[j, "field_ministry"]) for j in pj]
    rows = []
    for prov in units.loc[units["kind"] == "province", "code"]:
        key = eras.key(prov, eras.ERA_63)
        for j, name in zip(pj, names):
            aid = dept_id.get((key, name)) or dept_id[(key, FALLBACK_DEPARTMENT)]
            rows.append((aid, uidx[prov], 1.0, j))
    # ministry level: round-robin among the ministry's units
    for code, grp in ag[ag["level"] == "ministry"].groupby("locality_code", sort=False):
        js = np.flatnonzero((levels == "ministry")
                            & (procs["ministry_code"] == code).to_numpy())
        ids = grp["id"].to_numpy()
        rows += [(ids[k % len(ids)], uidx[code], 1.0, j) for k, j in enumerate(js)]
    parts.append(pd.DataFrame(rows, columns=["agency_id", "unit", "share", "j"]))
    s = pd.concat(parts, ignore_index=True)
    # series noise where several agencies share a cell (districts, communes); a cell handled
    # by one agency (a department, a ministry unit) is its series
    shared = np.array(levels)[s["j"]] != "province"
    shared &= (units["kind"].to_numpy()[s["unit"]] == "province")
    s["volume"] = (vol[s["unit"], s["j"]] * s["share"]
                   * np.where(shared, _lognormal(ra, SIGMA_SERIES, len(s)), 1.0))
    s["shared"] = shared
    s = _describe(s.drop(columns="share"), agencies, procs)

    # per-agency noises (drawn in agency order, so independent of the row order)
    n_ag = len(agencies) + 1
    noise = {"online": ra.normal(0, SIGMA_AGENCY_ONLINE, n_ag),
             "full": ra.normal(0, SIGMA_AGENCY_FULL, n_ag),
             "on_time": ra.normal(0, SIGMA_AGENCY_ON_TIME, n_ag),
             "early": ra.uniform(*EARLY_SHARE, n_ag), "postal": ra.uniform(*POSTAL_SHARE, n_ag)}
    s = _add_noises(s, noise, units, s["level"].to_numpy())
    return s, _series_34(s, agencies, units, procs, noise, seed)


def _describe(s: pd.DataFrame, agencies: pd.DataFrame, procs: pd.DataFrame) -> pd.DataFrame:
    """Add each row's locality, level, procedure and field; sort for writing."""
    a = agencies.set_index("id")
    s["locality_code"] = s["agency_id"].map(a["locality_code"])
    s["level"] = s["agency_id"].map(a["level"])
    s["procedure_code"] = procs["procedure_code"].to_numpy()[s["j"]]
    s["field_code"] = procs["field_code"].to_numpy()[s["j"]]
    return s.sort_values(["locality_code", "agency_id", "procedure_code"], kind="stable"
                         ).reset_index(drop=True)


def _add_noises(s: pd.DataFrame, noise: dict, units: pd.DataFrame,
                on_time_level: np.ndarray) -> pd.DataFrame:
    """Per-row noises from the per-agency draws. Agency noise on the online and full-process
    shares only where many agencies share a cell: a cell handled by one agency is calibrated
    as it is. The in-time share follows `on_time_level` (a commune handling a former district
    procedure keeps the district's handling times, so the series stays continuous)."""
    aid = s["agency_id"].to_numpy()
    shared = s["shared"].to_numpy()
    s["online_noise"] = np.where(shared, noise["online"][aid], 0.0)
    s["full_noise"] = np.where(shared, noise["full"][aid], 0.0)
    s["early_share"] = noise["early"][aid]
    s["postal_share"] = noise["postal"][aid]
    base = _logit(np.array([ON_TIME[x] for x in on_time_level]))
    base = base + np.where(s["field_code"].to_numpy() == LAND_FIELD, LAND_ON_TIME_LOGIT, 0.0)
    s["on_time"] = _sigmoid(base + units["on_time_offset"].to_numpy()[s["unit"]]
                            + noise["on_time"][aid])
    s["pending_late_share"] = np.minimum(0.5, PENDING_LATE_PER_LATE * (1 - s["on_time"]))
    return s


def _series_34(old: pd.DataFrame, agencies, units, procs, noise, seed) -> pd.DataFrame:
    """The sub-series from 07/2025, each continuing old ones so that nothing jumps at the
    change: a department's series goes to its province's successor and its department's
    successor (departments.csv; the fallback office's to the service centre), carrying its
    stock (`src` = the old row); a ministry's continues as it is; the district and commune
    work of an old province (one pool per procedure: `pool`) goes to the new communes that lie
    in it, split by a lognormal weight, stock included. Parameters stay those of the old
    province (`unit`), so a new province's rates are its old provinces' mix. Rows that land on
    the same new agency and procedure (two old departments) are summed when written
    (`group`)."""
    cw = reference.crosswalk()
    uidx = {c: i for i, c in enumerate(units["code"])}
    new_ag = agencies[agencies["locality_code"].map(eras.era_of_key) == eras.ERA_34]
    depts = reference.departments()
    successor = dict(zip(depts["department_vi"], depts["successor_from_2025_03"]))
    successor[FALLBACK_DEPARTMENT] = CENTRE[0]
    new_dept = {(r.locality_code, r.portfolio): r.id
                for r in new_ag[new_ag["level"] == "province"].itertuples()}
    portfolio = agencies.set_index("id")["portfolio"]

    keep = old[old["level"].isin(["province", "ministry"])][
        ["agency_id", "unit", "j", "volume", "shared"]].copy()
    keep["src"], keep["pool"] = keep.index.to_numpy(), -1
    dept = (old.loc[keep.index, "level"] == "province").to_numpy()
    locs = old.loc[keep.index, "locality_code"].to_numpy()
    codes = procs["procedure_code"].to_numpy()[keep["j"].to_numpy()]
    keep.loc[dept, "agency_id"] = [
        new_dept[(cw.successor[loc], CENTRE[0] if code in CENTRE_PROCEDURES
                  else successor[portfolio[a]])]
        for loc, a, code in zip(locs[dept], keep["agency_id"].to_numpy()[dept], codes[dept])]

    local = old[old["level"].isin(["district", "commune"])]
    pools = local.groupby(["unit", "j"], sort=True)["volume"].sum().reset_index()
    pools["pool"] = np.arange(len(pools))
    comm = new_ag[new_ag["level"] == "commune"][["id", "origin"]].copy()
    comm["unit"] = comm["origin"].map(uidx)
    comm["w"] = _lognormal(_rng(seed, "communes 2025"), SIGMA_COMMUNE, len(comm))
    comm["share"] = comm["w"] / comm.groupby("unit")["w"].transform("sum")
    rows = comm.merge(pools, on="unit")
    rows = pd.DataFrame({"agency_id": rows["id"], "unit": rows["unit"], "j": rows["j"],
                         "volume": rows["volume"] * rows["share"], "shared": True,
                         "src": -1, "pool": rows["pool"], "pool_share": rows["share"]})
    s = _describe(pd.concat([keep.assign(pool_share=0.0), rows], ignore_index=True),
                  agencies, procs)
    s = _add_noises(s, noise, units, np.where(
        s["level"] == "commune", procs["level"].to_numpy()[s["j"]], s["level"]))
    s["group"] = pd.factorize(s["agency_id"].astype(str) + "|" + s["j"].astype(str))[0]
    return s


# ============================================================================================
# the monthly chunks
# ============================================================================================
def _nullable(values: np.ndarray, mask: np.ndarray | None):
    if mask is None or not mask.any():
        return values
    return pd.arrays.IntegerArray(values.astype("int64"), mask)


def _row_arrays(plan: Plan, s: pd.DataFrame) -> dict:
    """What the monthly draws need of each row of a series table, as arrays."""
    procs = plan.procs
    j = s["j"].to_numpy()
    u = s["unit"].to_numpy()
    return {
        "u": u, "j": j, "n": len(s), "vol": s["volume"].to_numpy(),
        "avail": procs["avail"].to_numpy()[j], "full_ok": procs["full"].to_numpy()[j],
        "has_fee": procs["has_fee"].to_numpy()[j], "rho": procs["resolve_p"].to_numpy()[j],
        "on_off": procs["online_offset"].to_numpy()[j] + s["online_noise"].to_numpy(),
        "q_share": _sigmoid(plan.full_base[u] + procs["full_offset"].to_numpy()[j]
                            + s["full_noise"].to_numpy()),
        "on_time": s["on_time"].to_numpy(), "early_share": s["early_share"].to_numpy(),
        "postal_share": s["postal_share"].to_numpy(),
        "pend_late": s["pending_late_share"].to_numpy(),
        "const": {"agency_id": s["agency_id"].to_numpy(np.int64),
                  "locality_code": s["locality_code"].to_numpy(object),
                  "field_code": s["field_code"].to_numpy(object),
                  "procedure_code": s["procedure_code"].to_numpy(object)},
    }


def _carry_into_34(plan: Plan, pending: np.ndarray, rng) -> np.ndarray:
    """The opening stock of the 07/2025 sub-series: a continued row takes its old row's
    pending dossiers; a pool's pending dossiers are split among its communes."""
    s = plan.series_34
    src = s["src"].to_numpy()
    carried = np.where(src >= 0, pending[np.maximum(src, 0)], 0)
    old = plan.series
    local = old["level"].isin(["district", "commune"]).to_numpy()
    pool_of = old[local].merge(
        s.loc[s["pool"] >= 0, ["unit", "j", "pool"]].drop_duplicates(), on=["unit", "j"],
        how="left")["pool"].to_numpy()
    stock = np.bincount(pool_of, weights=pending[local], minlength=int(s["pool"].max()) + 1)
    in_pool = np.flatnonzero(s["pool"].to_numpy() >= 0)
    for pool, idx in pd.Series(in_pool).groupby(s["pool"].to_numpy()[in_pool]):
        idx = idx.to_numpy()
        share = s["pool_share"].to_numpy()[idx]
        carried[idx] = rng.multinomial(int(round(stock[pool])), share / share.sum())
    return carried.astype(np.int64)


def _month_draws(plan: Plan, a: dict, t: int, carried: np.ndarray, rng) -> dict:
    """One month's counts for every row of a series table; `pending` is next month's stock."""
    u, j = a["u"], a["j"]
    um = plan.unit_month
    mu = a["vol"] * plan.month_factor[t]
    k = np.minimum(NB_SHAPE + mu / NB_SHAPE_PER, NB_SHAPE_MAX)
    mu = mu * rng.gamma(k, 1 / k)
    new = rng.poisson(mu)
    pi = _sigmoid(plan.online_base[u, t] + a["on_off"] + plan.fee_logit[u, j, t]) * a["avail"]
    online = rng.binomial(new, pi)
    q = np.minimum(FULL_CAP, a["q_share"] * plan.full_ramp[u, t]) * a["full_ok"]
    full = rng.binomial(online, q)
    offline = new - online
    postal = rng.binomial(offline, a["postal_share"])
    available = carried + new
    resolved = rng.binomial(available, a["rho"])
    late = rng.binomial(resolved, 1 - a["on_time"])
    early = rng.binomial(resolved - late, a["early_share"])
    pending = available - resolved
    p_late = rng.binomial(pending, a["pend_late"])
    fee_bearing = np.where(a["has_fee"], new, 0)
    paid = rng.binomial(fee_bearing, um["payment"][u, t])
    digitised = rng.binomial(new, um["digitised"][u, t])
    rated = rng.binomial(resolved, um["rated"][u, t])
    return {
        "carried_over": carried, "received_online": online, "received_full_online": full,
        "received_direct": offline - postal, "received_postal": postal,
        "resolved_early": early, "resolved_on_time": resolved - late - early,
        "resolved_late": late, "pending_on_time": pending - p_late, "pending_late": p_late,
        "paid_online": paid,
        "paid_online_vnd": paid * plan.fee_online_vnd[u, j, t].astype(np.int64),
        "fee_bearing": fee_bearing, "digitised": digitised,
        "e_results": rng.binomial(resolved, um["e_results"][u, t]),
        "data_reused": rng.binomial(new, um["data_reused"][u, t]),
        "rated": rated, "not_satisfied": rng.binomial(rated, um["not_satisfied"][u, t]),
        "pending": pending,
    }


def stats_chunks(plan: Plan):
    """The statistics rows, one frame per month in order, each sorted by locality_code: the
    63 provinces' agencies to 06/2025, the 34's from 07/2025, with the stocks carried over."""
    rng = _rng(plan.seed, "months")
    a = _row_arrays(plan, plan.series)
    # the opening stock: the steady state of the first month's expected inflow
    mu0 = a["vol"] * plan.month_factor[0]
    carried = rng.poisson(mu0 * (1 - a["rho"]) / a["rho"])
    groups = None
    for t, month in enumerate(plan.months):
        if month == eras.FIRST_MONTH_34:
            carried = _carry_into_34(plan, carried, rng)
            a = _row_arrays(plan, plan.series_34)
            groups = plan.series_34["group"].to_numpy()
        counts = _month_draws(plan, a, t, carried, rng)
        carried = counts.pop("pending")
        const = a["const"]
        mask = plan.unit_month["not_reporting"][a["u"], t]
        if groups is not None:  # sum the rows that land on one agency and procedure
            first = np.unique(groups, return_index=True)[1]
            const = {k: v[first] for k, v in const.items()}
            counts = {c: np.bincount(groups, weights=v).astype(np.int64)
                      for c, v in counts.items()}
            mask = mask[first]
        n = len(const["agency_id"])
        yield pd.DataFrame({
            "period_start": np.full(n, np.datetime64(month.first_day, "D")),
            "period_end": np.full(n, np.datetime64(month.last_day, "D")),
            **const,
            **{c: _nullable(v, mask) if c in QUALITY_COLUMNS else v for c, v in counts.items()},
            "load_id": LOAD_ID,
        })


def stats_frames(scale: str, seed: int = DEFAULT_SEED, until: Month | None = None):
    """The statistics, month by month, for (scale, seed, until)."""
    return stats_chunks(build_plan(scale, seed, until))


# ============================================================================================
# writing
# ============================================================================================
def generate(db: Database, scale: str = "demo", seed: int = DEFAULT_SEED,
             progress: bool = True, until: Month | None = None) -> int:
    """Replace the database's contents with the sample for (scale, seed, until), in one
    transaction; the number of statistics rows written."""
    from tqdm import tqdm

    plan = build_plan(scale, seed, until)
    db.create_schema()
    rows = 0
    with db.transaction() as conn:
        _clear(conn)
        reference.load_reference(conn)
        bulk_insert(conn, schema.agencies, plan.agencies)
        bar = tqdm(stats_chunks(plan), total=len(plan.months), unit="month", disable=not progress,
                   desc=f"sample {scale}", file=sys.stderr)
        for frame in bar:
            bulk_insert(conn, schema.dossier_stats, frame)
            rows += len(frame)
            bar.set_postfix(rows=f"{rows:,}")
        sample_index766.write(conn, plan.months, seed, LOAD_ID)
        conn.execute(schema.data_loads.insert().values(
            id=LOAD_ID, kind="sample", rows=rows,
            file_name=f"sample:{scale} seed={seed} until={plan.months[-1]}",
            loaded_by=default_user(), loaded_at=datetime.now(), outcome="ok"))
    if db.dialect == "duckdb":  # write the new data into the file and free the old blocks
        with db.connect() as conn:
            conn.execute(sa.text("CHECKPOINT"))
    return rows


def _clear(conn) -> None:
    """Drop every table and create it again, inside the load's transaction: a database of an
    earlier schema gets the current one, and DuckDB, which refuses to delete a parent row whose
    children were deleted earlier in the same transaction, is emptied too."""
    schema.metadata.drop_all(conn)
    schema.metadata.create_all(conn)
    if conn.dialect.name != "duckdb":
        for ddl in schema.FACT_INDEXES:
            conn.execute(sa.text(ddl))


def _month_arg(text: str) -> Month:
    try:
        month = Month.parse(text)
        sample_months(month)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return month


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data_access.sample",
        description="Write deterministic synthetic dossier statistics into the database.")
    parser.add_argument("--scale", choices=SCALES, default="demo")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--url", help="database URL (default: DVC_DATABASE_URL or the "
                                      "embedded DuckDB file)")
    parser.add_argument("--until", type=_month_arg, default=None, metavar="YYYY-MM",
                        help="the last month to generate (default: the last full month "
                             "before today)")
    parser.add_argument("--if-missing", action="store_true",
                        help="do nothing when the database already holds statistics "
                             "(what `make run` uses)")
    args = parser.parse_args(argv)
    db = Database(args.url)
    if args.if_missing and catalog.data_status(db)["ready"]:
        print(f"{describe_url(db.url)} already holds data; nothing to build.")
        db.dispose()
        return 0
    started = time.monotonic()
    print(f"Writing the {args.scale} sample (seed {args.seed}) into {describe_url(db.url)}")
    rows = generate(db, args.scale, args.seed, progress=True, until=args.until)
    seconds = time.monotonic() - started
    db.dispose()
    print(f"{rows:,} statistics rows written in {seconds:.1f} s")
    parsed = sa.engine.make_url(db.url)
    if db.dialect == "duckdb" and parsed.database and parsed.database != ":memory:":
        size = os.path.getsize(parsed.database)
        print(f"DuckDB file {parsed.database}: {size / 1e6:,.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
