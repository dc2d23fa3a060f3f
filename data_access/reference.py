"""Reference lists shipped in sample_data/reference (copied from shared/ with their sources):
localities, fields, procedures, targets and fee policies; read from CSV, written to the database."""
from __future__ import annotations

from functools import cache

import pandas as pd

from data_access import schema
from data_access.db import ROOT, bulk_insert

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


def locality_rows() -> pd.DataFrame:
    prov = provinces()
    p = pd.DataFrame({
        "code": prov["code"], "kind": "province", "name_vi": prov["name_vi"],
        "name_en": prov["name_en"], "full_name_vi": prov["full_name_vi"],
        "short_vi": prov["name_vi"], "region_vi": prov["region"],
        "region_en": prov["region_en"], "iso_code": prov["iso_3166_2"],
        "lon": prov["centroid_lon"], "lat": prov["centroid_lat"],
        "population": prov["population"], "successor_code": prov["new_code"],
        "successor_name_vi": prov["new_name_vi"],
    })
    mins = ministries()
    m = pd.DataFrame({
        "code": mins["code"], "kind": "ministry", "name_vi": mins["name_vi"],
        "name_en": mins["name_en"], "full_name_vi": mins["name_vi"],
        "short_vi": mins["short_vi"],
    })
    return pd.concat([p, m], ignore_index=True)


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
    with db.transaction() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(schema.localities)).scalar():
            print(f"{describe_url(db.url)} already holds the reference lists; nothing to do.")
            return 0
        load_reference(conn)
    print(f"{describe_url(db.url)}: schema and reference lists ready "
          f"({len(locality_rows())} localities, {len(procedures())} procedures, "
          f"{len(targets())} targets). Load reports with python -m data_access.importer FILE.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
