"""The province map (sample_data/geo, copied from shared/geo with its CC BY-SA 4.0 attribution):
the 63 provinces' boundaries and the two archipelago labels, read and simplified once per
process into a small structure the map draws; and the 34 units of 01/07/2025, dissolved from
the 63 by merger_2025.csv.

Simplification: each border two provinces share is simplified once (Douglas–Peucker,
TOLERANCE), so neighbours keep identical borders and dissolving them leaves no slivers.
Every island of the Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) archipelagos is kept: a
ring too small to simplify keeps its full detail.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from unidecode import unidecode

from data_access.reference import GEO, provinces
from domain import geometry

PROVINCES_FILE = GEO / "vn_provinces_63.geojson"
ISLANDS_FILE = GEO / "vn_islands_labels.geojson"
# Degrees (about 650 m): under a pixel at country zoom (~5), about one at a region's (~7).
TOLERANCE = 0.006


@dataclass(frozen=True)
class Unit:
    code: str
    name_vi: str
    name_en: str
    region_vi: str  # a merged unit takes its seat's region
    region_en: str
    members: tuple[str, ...]  # the old provinces' codes (one when unchanged)
    members_vi: tuple[str, ...]
    geometry: dict  # GeoJSON Polygon or MultiPolygon (shared: do not modify)
    bounds: tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Island:
    name_vi: str
    name_en: str
    province_code: str
    point: tuple[float, float]
    bbox: tuple[float, float, float, float]


@dataclass(frozen=True)
class MapGeo:
    units: dict  # "63" | "34" → tuple of Unit, by code
    islands: tuple[Island, ...]
    source_vertices: int
    vertices: int

    def unit_list(self, units: str) -> tuple[Unit, ...]:
        return self.units[units]


def read_provinces_geojson() -> dict:
    return json.loads(PROVINCES_FILE.read_text(encoding="utf-8"))


def read_islands() -> tuple[Island, ...]:
    fc = json.loads(ISLANDS_FILE.read_text(encoding="utf-8"))
    return tuple(Island(f["properties"]["name_vi"], f["properties"]["name_en"],
                        f["properties"]["province_code"],
                        tuple(f["geometry"]["coordinates"]), tuple(f["properties"]["bbox"]))
                 for f in fc["features"])


@cache
def map_geo() -> MapGeo:
    """Read, simplify and dissolve once per process (~0.3 s); afterwards free."""
    fc = read_provinces_geojson()
    shapes = {f["properties"]["code"]: geometry.polygons_of(f["geometry"])
              for f in fc["features"]}
    simple = geometry.simplify_shared(shapes, TOLERANCE)
    prov = provinces().set_index("code")

    old = tuple(Unit(code, row.name_vi, row.name_en, row.region, row.region_en, (code,),
                     (row.name_vi,), geometry.to_geojson(simple[code]),
                     geometry.bounds(simple[code]))
                for code, row in prov.loc[sorted(simple)].iterrows())

    english = dict(zip(prov["name_vi"], prov["name_en"]))
    new = []
    for new_code, group in prov.groupby("new_code", sort=True):
        seat = prov.loc[new_code]
        name_vi = group["new_name_vi"].iloc[0]
        members = tuple(sorted(group.index))
        merged = geometry.dissolve([simple[c] for c in members])
        new.append(Unit(new_code, name_vi, english.get(name_vi, unidecode(name_vi)),
                        seat["region"], seat["region_en"], members,
                        tuple(prov.loc[list(members), "name_vi"]),
                        geometry.to_geojson(merged), geometry.bounds(merged)))
    return MapGeo({"63": old, "34": tuple(new)}, read_islands(),
                  sum(geometry.vertex_count(p) for p in shapes.values()),
                  sum(geometry.vertex_count(p) for p in simple.values()))


def successors() -> dict[str, str]:
    """Old province code → the code of the unit it became on 01/07/2025."""
    prov = provinces()
    return dict(zip(prov["code"], prov["new_code"]))


def regions() -> list[tuple[str, str]]:
    """The six socio-economic regions (vi, en), north to south as the reference lists them."""
    prov = provinces()
    return list(dict.fromkeys(zip(prov["region"], prov["region_en"])))
