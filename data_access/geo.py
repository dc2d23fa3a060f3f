"""The province map (sample_data/geo, copied from shared/geo with its CC BY-SA 4.0 attribution):
the 63 provinces' boundaries and the two archipelago labels, read and simplified once per
process with shapely; and the 34 units of 01/07/2025, each dissolved from its old provinces
(provinces_34.csv, Resolution 202/2025/QH15: every new unit is the union of whole old ones).

Simplification is a coverage simplification (shapely.coverage_simplify): the 63 shapes form a
coverage, and simplifying it as one keeps each shared border identical on both sides, so
dissolving neighbours leaves no slivers. It never drops a polygon (at most it reduces one to a
triangle), so every island of Hoàng Sa (Đà Nẵng, 48) and Trường Sa (Khánh Hòa, 56) stays, in
both unit sets: both provinces keep their codes in the 34.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import numpy as np
import shapely
from shapely.geometry import mapping, shape

from data_access.reference import GEO, provinces, provinces_34
from domain import eras

PROVINCES_FILE = GEO / "vn_provinces_63.geojson"
ISLANDS_FILE = GEO / "vn_islands_labels.geojson"
# Visvalingam–Whyatt: drop corners whose triangle is under about 1 km on a side, under a
# pixel at country zoom (~5), about one at a region's (~7).
TOLERANCE = 0.01
DIGITS = 4  # decimals of the coordinates sent to the browser (about 11 m)


@dataclass(frozen=True)
class Unit:
    key: str  # the unit's key, "63:24" or "34:24" (domain.eras)
    code: str  # the code people read, "24"
    name_vi: str
    name_en: str
    region_vi: str  # a merged unit takes its seat's region
    region_en: str
    members: tuple[str, ...]  # the keys of the old provinces it covers (itself for the 63)
    members_vi: tuple[str, ...]
    members_en: tuple[str, ...]
    shape: shapely.Geometry  # simplified (Multi)Polygon
    geometry: dict  # the same as GeoJSON, rounded to DIGITS (shared: do not modify)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """West, south, east, north."""
        return self.shape.bounds


@dataclass(frozen=True)
class Island:
    name_vi: str
    name_en: str
    province_code: str  # the same in both eras: Đà Nẵng 48, Khánh Hòa 56
    point: tuple[float, float]
    bbox: tuple[float, float, float, float]

    def owner(self, units: str) -> str:
        """The key of the unit the archipelago belongs to in a unit set."""
        return eras.key(self.province_code, units)


@dataclass(frozen=True)
class MapGeo:
    units: dict  # "63" | "34" → tuple of Unit, by code
    islands: tuple[Island, ...]
    source_vertices: int
    vertices: int

    def unit(self, key: str) -> Unit | None:
        era = eras.era_of_key(key)
        return next((u for u in self.units.get(era, ()) if u.key == key), None)


def read_provinces_geojson() -> dict:
    return json.loads(PROVINCES_FILE.read_text(encoding="utf-8"))


def read_islands() -> tuple[Island, ...]:
    fc = json.loads(ISLANDS_FILE.read_text(encoding="utf-8"))
    return tuple(Island(f["properties"]["name_vi"], f["properties"]["name_en"],
                        f["properties"]["province_code"],
                        tuple(f["geometry"]["coordinates"]), tuple(f["properties"]["bbox"]))
                 for f in fc["features"])


def to_geojson(geom: shapely.Geometry) -> dict:
    """GeoJSON of a geometry with coordinates rounded for the browser (display only: the
    shapes themselves keep full precision)."""
    return mapping(shapely.transform(geom, lambda xy: np.round(xy, DIGITS)))


@cache
def map_geo() -> MapGeo:
    """Read, simplify and dissolve once per process (~0.2 s); afterwards free."""
    features = read_provinces_geojson()["features"]
    codes = [f["properties"]["code"] for f in features]
    source = [shape(f["geometry"]) for f in features]
    simple = dict(zip(codes, shapely.coverage_simplify(source, TOLERANCE)))
    prov = provinces().set_index("code")

    def unit(era, code, row, olds, geom):
        return Unit(eras.key(code, era), code, row.name_vi, row.name_en, row.region,
                    row.region_en, tuple(eras.key(c, eras.ERA_63) for c in olds),
                    tuple(prov.loc[list(olds), "name_vi"]), tuple(prov.loc[list(olds), "name_en"]),
                    geom, to_geojson(geom))

    old = tuple(unit(eras.ERA_63, code, row, [code], simple[code])
                for code, row in prov.loc[sorted(simple)].iterrows())
    new = tuple(unit(eras.ERA_34, row.code, row, row.members,
                     shapely.union_all([simple[c] for c in row.members]))
                for row in provinces_34().sort_values("code").itertuples())
    return MapGeo({eras.ERA_63: old, eras.ERA_34: new}, read_islands(),
                  int(shapely.get_num_coordinates(source).sum()),
                  int(shapely.get_num_coordinates(list(simple.values())).sum()))


def regions() -> list[tuple[str, str]]:
    """The six socio-economic regions (vi, en), north to south as the reference lists them."""
    prov = provinces()
    return list(dict.fromkeys(zip(prov["region"], prov["region_en"])))
