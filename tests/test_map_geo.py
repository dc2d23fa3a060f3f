"""The map's geodata: the 63 provinces match the localities the database holds (codes and
names), both archipelagos survive simplification with their provinces, the 34 units are the
merger table's, and what is sent to the browser stays small."""
import json

import pytest

from data_access import geo, reference
from domain import geometry


@pytest.fixture(scope="module")
def g():
    return geo.map_geo()


def test_the_63_match_the_localities_written_to_the_database(g):
    rows = reference.locality_rows()  # what load_reference writes into `localities`
    provinces = rows[rows["kind"] == "province"].set_index("code")
    units = {u.code: u for u in g.units["63"]}
    assert len(units) == 63 and set(units) == set(provinces.index)
    for code, u in units.items():
        assert (u.name_vi, u.name_en) == (provinces.loc[code, "name_vi"],
                                          provinces.loc[code, "name_en"])
        assert u.region_vi == provinces.loc[code, "region_vi"]
    # and the GeoJSON's own properties carry the same codes and names
    source = {f["properties"]["code"]: f["properties"]["name_vi"]
              for f in geo.read_provinces_geojson()["features"]}
    assert source == {c: u.name_vi for c, u in units.items()}


def test_the_sample_database_holds_the_same_63(tmp_path_factory):
    from data_access.catalog import locality_list
    from tests.test_sample_invariants import demo_database

    locs = locality_list(demo_database(tmp_path_factory))
    provinces = locs[locs["kind"] == "province"]
    names = {u.code: u.name_vi for u in geo.map_geo().units["63"]}
    assert dict(zip(provinces["code"], provinces["name_vi"])) == names


def _parts_in(unit, west, south, east, north):
    polys = geometry.polygons_of(unit.geometry)
    return [p for p in polys if all(west <= x <= east and south <= y <= north
                                    for x, y in p[0])]


def test_both_archipelagos_are_kept_with_their_provinces(g):
    by_code = {u.code: u for u in g.units["63"]}
    hoang_sa = (111.0, 15.6, 113.0, 17.3)
    truong_sa = (110.4, 6.8, 117.2, 12.2)
    source = {f["properties"]["code"]: geo.Unit(*[None] * 7, f["geometry"], None)
              for f in geo.read_provinces_geojson()["features"]}
    n_hoang_sa = len(_parts_in(source["48"], *hoang_sa))
    n_truong_sa = len(_parts_in(source["56"], *truong_sa))
    assert n_hoang_sa == 22 and n_truong_sa >= 299  # as shared/geo/README.md counts them
    assert len(_parts_in(by_code["48"], *hoang_sa)) == n_hoang_sa  # every island kept
    assert len(_parts_in(by_code["56"], *truong_sa)) == n_truong_sa
    for code, u in by_code.items():
        if code not in ("48", "56"):
            assert not _parts_in(u, *hoang_sa) and not _parts_in(u, *truong_sa), code
    # after the merger they belong to the new Đà Nẵng (48) and Khánh Hòa (56), whole (two
    # Trường Sa reefs that touch become one polygon when dissolved: same area)
    new = {u.code: u for u in g.units["34"]}
    for code, box in (("48", hoang_sa), ("56", truong_sa)):
        before, after = _parts_in(by_code[code], *box), _parts_in(new[code], *box)
        assert len(after) >= len(before) - 2
        assert area(after) == pytest.approx(area(before), rel=1e-9)
    labels = {i.province_code: i.name_vi for i in g.islands}
    assert labels == {"48": "Quần đảo Hoàng Sa", "56": "Quần đảo Trường Sa"}


def test_the_34_units_follow_the_merger_table(g):
    merger = reference.provinces()[["code", "new_code", "new_name_vi"]]
    new = {u.code: u for u in g.units["34"]}
    assert len(new) == 34
    for code, group in merger.groupby("new_code"):
        assert new[code].members == tuple(sorted(group["code"]))
        assert new[code].name_vi == group["new_name_vi"].iloc[0]
    assert new["08"].members == ("02", "08")  # Hà Giang + Tuyên Quang → Tuyên Quang
    assert new["08"].name_en == "Tuyen Quang"


def area(polys):
    return sum(abs(geometry.signed_area(p[0])) - sum(abs(geometry.signed_area(h)) for h in p[1:])
               for p in polys)


def test_dissolved_units_cover_exactly_their_provinces(g):
    old = {u.code: geometry.polygons_of(u.geometry) for u in g.units["63"]}
    for unit in g.units["34"]:
        merged = geometry.polygons_of(unit.geometry)
        assert area(merged) == pytest.approx(sum(area(old[c]) for c in unit.members),
                                             rel=1e-6), unit.code
        mainland = [p for p in merged if geometry.signed_area(p[0]) > 0.05]
        # one mainland piece per merged unit (no slivers left along the old borders)
        assert len(mainland) <= max(1, sum(
            1 for c in unit.members for p in old[c] if abs(geometry.signed_area(p[0])) > 0.05
        ) - len(unit.members) + 1), unit.code


def test_geometry_is_simplified_once_and_small(g):
    assert g.vertices < 0.6 * g.source_vertices
    size = len(json.dumps([u.geometry for u in g.units["63"]], separators=(",", ":")))
    assert size < 200_000
    assert geo.map_geo() is g  # read and simplified once per process
