"""The map's geodata: the 63 provinces and the 34 units match the localities the database holds
(keys, codes and names), the 34 shapes are valid unions of their old provinces, both
archipelagos survive simplification with their provinces in both unit sets, and what is sent
to the browser stays small."""
import json

import pytest
import shapely
from shapely.geometry import shape

from data_access import geo, reference

HOANG_SA = (111.0, 15.6, 113.0, 17.3)
TRUONG_SA = (110.4, 6.8, 117.2, 12.2)


@pytest.fixture(scope="module")
def g():
    return geo.map_geo()


@pytest.mark.parametrize("units", ["63", "34"])
def test_the_units_match_the_localities_written_to_the_database(g, units):
    rows = reference.locality_rows()  # what load_reference writes into `localities`
    provinces = rows[(rows["kind"] == "province") & (rows["era"] == units)].set_index("code")
    by_key = {u.key: u for u in g.units[units]}
    assert len(by_key) == int(units) and set(by_key) == set(provinces.index)
    for key, u in by_key.items():
        row = provinces.loc[key]
        assert (u.code, u.name_vi, u.name_en) == (row["gso_code"], row["name_vi"], row["name_en"])
        assert u.region_vi == row["region_vi"]
    if units == "63":  # and the GeoJSON's own properties carry the same codes and names
        source = {f["properties"]["code"]: f["properties"]["name_vi"]
                  for f in geo.read_provinces_geojson()["features"]}
        assert source == {u.code: u.name_vi for u in by_key.values()}


def test_the_sample_database_holds_the_same_units(tmp_path_factory, g):
    from data_access.catalog import locality_list
    from tests.test_sample_invariants import demo_database

    locs = locality_list(demo_database(tmp_path_factory))
    provinces = locs[locs["kind"] == "province"]
    names = {u.key: u.name_vi for units in g.units.values() for u in units}
    assert dict(zip(provinces["code"], provinces["name_vi"])) == names


def _parts_in(geom, west, south, east, north):
    box = shapely.box(west, south, east, north)
    return [p for p in shapely.get_parts(geom) if box.covers(p)]


def _area(parts) -> float:
    return sum(p.area for p in parts)


@pytest.mark.parametrize("units", ["63", "34"])
def test_both_archipelagos_are_kept_with_their_provinces(g, units):
    source = {f["properties"]["code"]: shape(f["geometry"])
              for f in geo.read_provinces_geojson()["features"]}
    hoang_sa, truong_sa = _parts_in(source["48"], *HOANG_SA), _parts_in(source["56"], *TRUONG_SA)
    assert len(hoang_sa) == 22 and len(truong_sa) >= 299  # as shared/geo/README.md counts them
    by_key = {u.key: u for u in g.units[units]}
    # Đà Nẵng is 48 and Khánh Hòa 56 in both eras (in the 34: 48|49 and 56|58)
    for code, box, islands in (("48", HOANG_SA, hoang_sa), ("56", TRUONG_SA, truong_sa)):
        kept = _parts_in(by_key[f"{units}:{code}"].shape, *box)
        assert len(kept) == len(islands), code  # every island kept, none merged away
        assert all(p.is_valid and p.area > 0 for p in kept)
        # simplified (the smallest down to triangles), not lost
        assert 0.8 * _area(islands) < _area(kept) <= _area(islands) * 1.01
    for key, u in by_key.items():
        if u.code not in ("48", "56"):
            assert not _parts_in(u.shape, *HOANG_SA) and not _parts_in(u.shape, *TRUONG_SA), key
    # both labels, each owned by a unit of the set
    labels = {i.owner(units): i.name_vi for i in g.islands}
    assert labels == {f"{units}:48": "Quần đảo Hoàng Sa", f"{units}:56": "Quần đảo Trường Sa"}


def test_the_34_units_follow_the_merger_table(g):
    new = {u.key: u for u in g.units["34"]}
    assert len(new) == 34
    for row in reference.provinces_34().itertuples():
        unit = new[f"34:{row.code}"]
        assert unit.members == tuple(f"63:{c}" for c in row.members)
        assert (unit.name_vi, unit.region_en) == (row.name_vi, row.region_en)
    assert new["34:08"].members == ("63:02", "63:08")  # Hà Giang + Tuyên Quang → Tuyên Quang
    assert new["34:08"].members_vi == ("Hà Giang", "Tuyên Quang")
    assert new["34:08"].name_en == "Tuyen Quang"
    assert new["34:48"].members == ("63:48", "63:49")  # Đà Nẵng + Quảng Nam
    assert new["34:56"].members == ("63:56", "63:58")  # Khánh Hòa + Ninh Thuận
    assert {u.members for u in g.units["63"]} == {(u.key,) for u in g.units["63"]}


def test_the_34_shapes_are_valid_unions_of_their_old_provinces(g):
    old = {u.key: u.shape for u in g.units["63"]}
    assert len(g.units["34"]) == 34
    for unit in g.units["34"]:
        assert unit.shape.is_valid and not unit.shape.is_empty, unit.key
        members = [old[m] for m in unit.members]
        assert unit.shape.area == pytest.approx(sum(m.area for m in members), rel=0.005), unit.key
        assert all(unit.shape.covers(m) for m in members), unit.key
        # one mainland piece: the shared borders matched, so dissolving left no slivers
        assert sum(1 for p in shapely.get_parts(unit.shape) if p.area > 0.05) == 1, unit.key
        assert unit.bounds == shapely.union_all(members).bounds


def test_simplified_neighbours_keep_identical_borders(g):
    shapes = [u.shape for u in g.units["63"]]
    assert all(shapely.is_valid(shapes))
    assert shapely.coverage_is_valid(shapes)  # no gaps or overlaps between neighbours


def test_geometry_is_simplified_once_and_small(g):
    assert g.vertices < 0.6 * g.source_vertices
    for units in ("63", "34"):
        size = len(json.dumps([u.geometry for u in g.units[units]], separators=(",", ":")))
        assert size < 200_000, units
        assert {u.geometry["type"] for u in g.units[units]} <= {"Polygon", "MultiPolygon"}
    assert geo.map_geo() is g  # read and simplified once per process
