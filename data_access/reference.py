"""Reference lists shipped in sample_data/reference (copied from shared/ with their sources):
localities of both eras (the 63 provinces to 30/06/2025, the 34 units and their 3,321 communes
from 01/07/2025) and the crosswalk between them, fields, procedures, targets and fee policies;
read from CSV, written to the database."""
from __future__ import annotations

from functools import cache

import pandas as pd

from data_access import schema
from data_access.db import ROOT, bulk_insert
from domain import eras

REF = ROOT / "sample_data" / "reference"
GEO = ROOT / "sample_data" / "geo"


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(REF / name, dtype=str, keep_default_na=False, encoding="utf-8")


def _blank_to_none(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.replace({"": None})


@cache
def provinces() -> pd.DataFrame:
    """The 63 provinces before 01/07/2025, with population and the unit each became."""
    prov = _csv("provinces_63.csv").drop(columns=["population", "population_year"])
    pop = _csv("province_population.csv")[["code", "population"]]
    merger = _csv("merger_2025.csv")[["old_code", "new_code", "new_name_vi"]]
    out = prov.merge(pop, on="code").merge(merger, left_on="code", right_on="old_code")
    out["population"] = out["population"].astype("int64")
    out["centroid_lon"] = out["centroid_lon"].astype(float)
    out["centroid_lat"] = out["centroid_lat"].astype(float)
    return out


@cache
def ministries() -> pd.DataFrame:
    return _csv("ministries.csv")


@cache
def ministry_units() -> pd.DataFrame:
    return _csv("ministry_units.csv")


@cache
def departments() -> pd.DataFrame:
    return _csv("departments.csv")


@cache
def fields() -> pd.DataFrame:
    return _csv("fields.csv")


@cache
def procedures() -> pd.DataFrame:
    out = _csv("procedures.csv")
    out["full_online_eligible"] = out["full_online_eligible"].str.lower().eq("yes")
    for col in ("fee_direct_vnd", "fee_online_vnd", "deadline_days"):
        out[col] = pd.to_numeric(out[col].replace("", None), errors="coerce").astype("Int64")
    out["volume_weight"] = pd.to_numeric(out["volume_weight"], errors="coerce").fillna(1.0)
    return out


@cache
def targets() -> pd.DataFrame:
    out = _csv("targets.csv")
    out["year"] = out["year"].astype(int)
    out["target_pct"] = out["target_pct"].astype(float)
    return out


@cache
def fee_policies() -> pd.DataFrame:
    out = _csv("fee_policies.csv").reset_index(names="id")
    out["id"] = out["id"] + 1
    out["discount_pct"] = out["discount_pct"].astype(float)
    out["valid_from"] = pd.to_datetime(out["valid_from"]).dt.date
    out["valid_to"] = pd.to_datetime(out["valid_to"].replace("", None)).dt.date
    return out


@cache
def fee_policy_coverage() -> pd.DataFrame:
    cov = _csv("fee_policy_coverage.csv")
    return cov.merge(fee_policies()[["id", "policy"]], on="policy")[["id", "procedure_code"]]


@cache
def provinces_34() -> pd.DataFrame:
    """The 34 units from 01/07/2025 (provinces_34.csv), with population (the sum of their old
    provinces'), the seat's region and representative point."""
    new = _csv("provinces_34.csv")
    old = provinces().set_index("code")
    new["members"] = new["merged_from_old_codes"].str.split("|")
    new["population"] = [int(old.loc[m, "population"].sum()) for m in new["members"]]
    seat = old.loc[new["seat_old_code"]]
    for col in ("region", "region_en", "centroid_lon", "centroid_lat", "iso_3166_2"):
        new[col] = seat[col].to_numpy()
    new["city_from"] = pd.to_datetime(new["city_from"].replace("", None)).dt.date
    return new


@cache
def communes() -> pd.DataFrame:
    """The 3,321 communes, wards and special zones from 01/07/2025 (communes_2025.csv)."""
    out = _csv("communes_2025.csv")
    for col in ("lat", "lon", "area_km2"):  # blank where the source has no point
        out[col] = pd.to_numeric(out[col].replace("", None), errors="coerce")
    return out


@cache
def crosswalk() -> eras.Crosswalk:
    """Old province → the unit it became on 01/07/2025 (merger_2025.csv)."""
    merger = _csv("merger_2025.csv")
    return eras.Crosswalk.from_codes(zip(merger["old_code"], merger["new_code"]))


def locality_rows() -> pd.DataFrame:
    """The 63 provinces (era 63), the 34 units (era 34) and the ministries, keyed by era."""
    prov = provinces()
    old = pd.DataFrame({
        "code": [eras.key(c, eras.ERA_63) for c in prov["code"]], "gso_code": prov["code"],
        "era": eras.ERA_63, "kind": "province", "name_vi": prov["name_vi"],
        "name_en": prov["name_en"], "full_name_vi": prov["full_name_vi"],
        "short_vi": prov["name_vi"], "region_vi": prov["region"],
        "region_en": prov["region_en"], "iso_code": prov["iso_3166_2"],
        "lon": prov["centroid_lon"], "lat": prov["centroid_lat"],
        "population": prov["population"],
        "successor_code": [eras.key(c, eras.ERA_34) for c in prov["new_code"]],
        "successor_name_vi": prov["new_name_vi"],
    })
    p34 = provinces_34()
    new = pd.DataFrame({
        "code": [eras.key(c, eras.ERA_34) for c in p34["code"]], "gso_code": p34["code"],
        "era": eras.ERA_34, "kind": "province", "name_vi": p34["name_vi"],
        "name_en": p34["name_en"], "full_name_vi": p34["full_name_vi"],
        "short_vi": p34["name_vi"], "region_vi": p34["region"], "region_en": p34["region_en"],
        "iso_code": None, "lon": p34["centroid_lon"], "lat": p34["centroid_lat"],
        "population": p34["population"], "city_from": p34["city_from"],
        "city_full_name_vi": p34["full_name_vi_from_city_date"],
    })
    mins = ministries()
    m = pd.DataFrame({
        "code": mins["code"], "gso_code": mins["code"], "kind": "ministry",
        "name_vi": mins["name_vi"], "name_en": mins["name_en"], "full_name_vi": mins["name_vi"],
        "short_vi": mins["short_vi"],
    })
    return pd.concat([old, new, m], ignore_index=True)


def load_reference(conn) -> None:
    """Write every reference table, inside the caller's transaction, into empty tables."""
    bulk_insert(conn, schema.localities, _blank_to_none(locality_rows()))
    f = fields()
    bulk_insert(conn, schema.fields, pd.DataFrame({
        "code": f["field_code"], "name_vi": f["field_vi"], "name_en": f["field_en"],
        "ministry_vi": f["ministry"]}))
    p = procedures()
    bulk_insert(conn, schema.procedures, p.rename(columns={"procedure_code": "code"}))
    t = targets()
    bulk_insert(conn, schema.targets, pd.DataFrame({
        "id": range(1, len(t) + 1), "year": t["year"], "scope": t["scope"],
        "level": t["level"].replace("", None), "metric": t["metric"],
        "value_pct": t["target_pct"], "source": t["source"], "note": t["note"]}))
    fp = fee_policies()
    bulk_insert(conn, schema.fee_policies, pd.DataFrame({
        "id": fp["id"], "scope": fp["scope"], "name": fp["policy"],
        "discount_pct": fp["discount_pct"], "applies_to": fp["applies_to"],
        "valid_from": fp["valid_from"], "valid_to": fp["valid_to"], "source": fp["source"]}))
    cov = fee_policy_coverage().rename(columns={"id": "policy_id"})
    bulk_insert(conn, schema.fee_policy_procedures, cov)


def main(argv=None) -> int:
    """`python -m data_access.reference [--url URL]`: prepare a database for real reports —
    the schema and the reference lists, no sample statistics (so no sample-data notice)."""
    import argparse

    import sqlalchemy as sa

    from data_access.db import Database, describe_url

    ap = argparse.ArgumentParser(prog="python -m data_access.reference", description=main.__doc__)
    ap.add_argument("--url", help="database URL (default: DVC_DATABASE_URL or the embedded file)")
    args = ap.parse_args(argv)
    db = Database(args.url)
    db.create_schema()
    from data_access.sample import build_agencies

    agency_rows = build_agencies("national")
    with db.transaction() as conn:
        # .one() reads the result to its end: DuckDB refuses the bulk insert below while a
        # result of the same connection is still open.
        if conn.execute(sa.select(sa.func.count()).select_from(schema.localities)).one()[0]:
            print(f"{describe_url(db.url)} already holds the reference lists; nothing to do.")
            return 0
        load_reference(conn)
        # The handling units of both eras (the same list the national sample uses): reports
        # name them by code or, within their province, by name.
        bulk_insert(conn, schema.agencies, agency_rows)
    print(f"{describe_url(db.url)}: schema and reference lists ready "
          f"({len(locality_rows())} localities of both eras, {len(agency_rows):,} agencies, "
          f"{len(procedures())} procedures, {len(targets())} targets). "
          f"Load reports with python -m data_access.importer FILE.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
