"""Who may change what: roles from a claim or the grants table, the importer's refusals (before
anything is written), and the audit's record of who loaded."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import sqlalchemy as sa

from data_access import access as grants
from data_access import importer, schema
from data_access.reference import crosswalk
from domain import access
from domain.validation import describe
from tests.test_import_corpus import (
    add_new_era_agencies, flat_csv, flat_row, month_2026, snapshot,
)

ROOT = Path(__file__).resolve().parent.parent
MINISTRIES = ["B-TP", "B-CA"]


def editor_of(*codes: str) -> access.Identity:
    return access.identity_of({"sub": "u1", "email": "canbo@bacninh.gov.vn"},
                              [f"editor:{c}" for c in codes], MINISTRIES)


# --- domain --------------------------------------------------------------------------------
def test_grants_are_read_in_the_units_of_today():
    assert access.parse_grant("editor:24") == access.Grant("editor", "34:24")
    assert access.parse_grant(" Editor:1 ") == access.Grant("editor", "34:01")
    assert access.parse_grant("editor:b-tp", MINISTRIES) == access.Grant("editor", "B-TP")
    assert access.parse_grant("admin") == access.Grant("admin")
    for junk in ("editor", "editor:", "editor:XYZ", "owner", "admin:24", "", None, 42,
                 "editor:123", "offline_access"):
        assert access.parse_grant(junk, MINISTRIES) is None, junk


def test_the_strongest_grant_wins_and_editors_keep_their_units():
    assert access.identity_of({"sub": "a"}, []).role == access.VIEWER
    assert access.identity_of({"sub": "a"}, ["viewer", "admin"]).role == access.ADMIN
    admin = access.identity_of({"sub": "a"}, ["editor:24", "admin"])
    assert admin.role == access.ADMIN and admin.units == frozenset()
    editor = editor_of("24", "B-TP")
    assert editor.role == access.EDITOR and editor.units == {"34:24", "B-TP"}
    assert editor.signed_in and editor.may_load and not editor.may_change_reference


def test_a_claim_may_be_a_dotted_path_or_a_single_string():
    claims = {"realm_access": {"roles": ["editor:24", "uma_authorization"]}, "dvc_roles": "admin"}
    assert access.claim_values(claims, "realm_access.roles") == ["editor:24", "uma_authorization"]
    assert access.claim_values(claims) == ["admin"]
    assert access.claim_values(claims, "missing.path") == []
    assert access.claim_values({"dvc_roles": {"not": "a list"}}) == []


def test_an_editor_of_a_unit_of_today_may_change_its_old_provinces_history():
    cw = crosswalk()
    bac_ninh = editor_of("24")
    # the new Bắc Ninh (24) was the old Bắc Giang (24) and Bắc Ninh (27)
    assert access.refused_units(bac_ninh, ["34:24", "63:24", "63:27"], cw) == []
    assert access.refused_units(bac_ninh, ["34:24", "34:01", "63:01", "B-TP"], cw) == \
        ["34:01", "63:01", "B-TP"]
    assert access.refused_units(access.ANONYMOUS, ["34:24"], cw) == ["34:24"]
    admin = access.identity_of({"sub": "a"}, ["admin"])
    assert access.refused_units(admin, ["34:24", "B-CA", "63:45"], cw) == []


def test_only_a_loopback_server_without_sign_in_is_one_persons():
    assert access.is_local(False, "127.0.0.1", False)
    assert access.is_local(False, "localhost", False)
    assert not access.is_local(False, "0.0.0.0", False)  # open to the network
    assert not access.is_local(False, "", False)  # Streamlit's default: every interface
    assert not access.is_local(True, "127.0.0.1", False)  # sign-in configured
    # behind a proxy: the client the proxy saw, the last address it appended
    assert access.is_local(False, "127.0.0.1", True, "127.0.0.1")  # make serve on loopback
    assert not access.is_local(False, "127.0.0.1", True, "203.0.113.5")  # from the network
    assert not access.is_local(False, "127.0.0.1", True, "127.0.0.1, 203.0.113.5")  # a lie
    assert not access.is_local(False, "127.0.0.1", True, None)  # another header: the network


def test_the_audit_names_the_person_and_their_role():
    text = editor_of("24").audit()
    assert "canbo@bacninh.gov.vn" in text and "sub=u1" in text and "editor:24" in text
    assert access.local_identity("tuan").audit() == "local:tuan"


def test_the_default_configuration_listens_on_loopback_only():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    make = (ROOT / "Makefile").read_text()
    assert "ADDRESS ?= 127.0.0.1" in make and "--server.address $(ADDRESS)" in make


# --- the grants table ----------------------------------------------------------------------
def test_the_table_grants_are_kept_and_read_with_the_claims(fixture_db):
    grants.set_grants(fixture_db, "CanBo@HaNoi.gov.vn", ["editor:01"], "admin@x")
    claims = {"sub": "s-1", "email": "canbo@hanoi.gov.vn", "dvc_roles": ["editor:79"]}
    who = grants.identity(fixture_db, claims)
    assert who.role == access.EDITOR and who.units == {"34:01", "34:79"}
    stored = grants.all_grants(fixture_db)
    assert list(stored["principal"]) == ["canbo@hanoi.gov.vn"]
    assert list(stored["grants"]) == ["editor:01"] and list(stored["granted_by"]) == ["admin@x"]
    # a typo or a retired code is refused whole, and the stored grants stay as they were
    for bad in (["editor:99"], ["editor:01", "editr:79"], []):
        try:
            grants.set_grants(fixture_db, "canbo@hanoi.gov.vn", bad, "admin@x")
            raise AssertionError(f"{bad} accepted")
        except ValueError:
            pass
    assert list(grants.all_grants(fixture_db)["grants"]) == ["editor:01"]
    assert grants.revoke(fixture_db, "CANBO@hanoi.gov.vn")
    assert grants.identity(fixture_db, {"sub": "s-1", "email": "canbo@hanoi.gov.vn"}).role \
        == access.VIEWER


def test_a_database_without_the_grants_table_has_no_grants(fixture_db):
    with fixture_db.transaction() as conn:
        schema.user_roles.drop(conn, checkfirst=True)
    assert grants.table_grants(fixture_db, ["a@b"]) == []
    assert grants.all_grants(fixture_db).empty
    assert not grants.revoke(fixture_db, "a@b")


# --- the importer --------------------------------------------------------------------------
def test_a_viewer_cannot_load_even_by_calling_the_importer(fixture_db):
    add_new_era_agencies(fixture_db)
    data = flat_csv([month_2026(locality_code="01", agency_code="34:01-S02")])
    before = snapshot(fixture_db)
    for who in (access.ANONYMOUS, access.identity_of({"sub": "v"}, ["viewer"])):
        result = importer.import_file(fixture_db, data, "ha_noi.csv", identity=who)
        assert result.outcome == "rejected"
        assert [i.code for i in result.errors] == ["not_permitted"]
        assert "Không có quyền nạp số liệu" in describe(result.errors[0], "vi")
    assert snapshot(fixture_db) == before


def test_an_editor_loads_their_province_and_not_another(fixture_db):
    add_new_era_agencies(fixture_db)
    hanoi = access.identity_of({"sub": "s-7", "email": "so@hanoi.gov.vn"}, ["editor:01"])
    before = snapshot(fixture_db)
    other = flat_csv([month_2026(locality_code="79", agency_code="79-S02"),
                      month_2026(locality_code="01", agency_code="34:01-S02")])
    refused = importer.import_file(fixture_db, other, "hai_tinh.csv", identity=hanoi)
    assert refused.outcome == "rejected"
    assert [i.code for i in refused.errors] == ["unit_not_permitted"]
    assert "79 (TP. Hồ Chí Minh)" in describe(refused.errors[0], "vi")
    assert snapshot(fixture_db) == before
    # a new agency is reference data: the administrator's
    new = flat_csv([month_2026(locality_code="01", agency_code="01-TTPVHCC",
                               agency_name="Trung tâm Phục vụ hành chính công",
                               agency_level="province")])
    result = importer.import_file(fixture_db, new, "moi.csv", identity=hanoi,
                                  create_agencies=True)
    assert "agencies_not_permitted" in [i.code for i in result.errors]
    assert snapshot(fixture_db) == before

    own = flat_csv([month_2026(locality_code="01", agency_code="34:01-S02")])
    done = importer.import_file(fixture_db, own, "ha_noi.csv", identity=hanoi)
    assert done.ok, [describe(i, "en") for i in done.issues]
    audit = fixture_db.query(sa.select(schema.data_loads.c.file_name, schema.data_loads.c.outcome,
                                       schema.data_loads.c.loaded_by)
                             .order_by(schema.data_loads.c.id))
    mine = audit[audit["loaded_by"].str.contains("so@hanoi.gov.vn", regex=False)]
    assert list(zip(mine["file_name"], mine["outcome"])) == [
        ("hai_tinh.csv", "rejected"), ("moi.csv", "rejected"), ("ha_noi.csv", "ok")]
    assert all("sub=s-7" in w for w in mine["loaded_by"])


def test_an_editor_may_load_the_history_of_the_old_provinces_of_their_unit(fixture_db):
    hanoi = access.identity_of({"sub": "s-7"}, ["editor:01"])
    old = flat_csv([flat_row(period_start="2024-05-01", period_end="2024-05-31")])  # 63:01
    assert importer.import_file(fixture_db, old, "ha_noi_2024.csv", identity=hanoi).ok


def test_the_grants_command_line(tmp_path):
    url = f"duckdb:///{tmp_path / 'g.duckdb'}"
    from data_access.db import Database
    from tests import fixture_data
    fixture_data.build(Database(url))
    env = {"DVC_DATABASE_URL": url, "PATH": "/usr/bin:/bin"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "data_access.access", *args], cwd=ROOT,
                              env=env, capture_output=True, text=True)

    assert run("grant", "lanh.dao@mic.gov.vn", "admin").returncode == 0
    bad = run("grant", "x@y", "editor:99")
    assert bad.returncode == 1 and "editor:99" in bad.stderr and "Traceback" not in bad.stderr
    listed = run("list")
    assert "lanh.dao@mic.gov.vn" in listed.stdout and "admin" in listed.stdout
    assert run("revoke", "nobody@x").returncode == 1
