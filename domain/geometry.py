"""Plane geometry on lon/lat rings, enough for a national choropleth without a GIS library:
simplifying polygons that share borders (each shared stretch simplified once, so neighbours
keep identical borders) and dissolving neighbouring polygons into one (the 2025 merger).

A polygon is a list of rings (the first the exterior, the rest holes); a ring is a list of
(lon, lat) tuples whose last point repeats the first. A multipolygon is a list of polygons.
"""
from __future__ import annotations

from collections import Counter, defaultdict

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]


def polygons_of(geometry: dict) -> list[Polygon]:
    """A GeoJSON Polygon or MultiPolygon as a list of polygons of point tuples."""
    coords = geometry["coordinates"]
    polys = [coords] if geometry["type"] == "Polygon" else coords
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in poly] for poly in polys]


def to_geojson(polygons: list[Polygon], digits: int = 4) -> dict:
    """A MultiPolygon (or Polygon when there is one part) with rounded coordinates."""
    parts = [[[[round(x, digits), round(y, digits)] for x, y in ring] for ring in poly]
             for poly in polygons]
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


def signed_area(ring: Ring) -> float:
    """The shoelace area, positive when the ring runs anticlockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def bounds(polygons: list[Polygon]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the exterior rings."""
    xs = [x for poly in polygons for x, _ in poly[0]]
    ys = [y for poly in polygons for _, y in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


def vertex_count(polygons: list[Polygon]) -> int:
    return sum(len(ring) for poly in polygons for ring in poly)


# --- simplification ------------------------------------------------------------------------

def _douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on an open line, keeping both ends (iterative)."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        worst, worst_d2 = None, tol2
        for i in range(first + 1, last):
            px, py = points[i]
            if seg2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = ((px - ax) * dx + (py - ay) * dy) / seg2
                t = 0.0 if t < 0 else 1.0 if t > 1 else t
                d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d2 > worst_d2:
                worst, worst_d2 = i, d2
        if worst is not None:
            keep[worst] = True
            stack.append((first, worst))
            stack.append((worst, last))
    return [p for p, k in zip(points, keep) if k]


def _junctions(shapes: dict) -> set[Point]:
    """Points where borders meet or part: a vertex with three or more distinct neighbours."""
    neighbours: dict[Point, set[Point]] = defaultdict(set)
    for polygons in shapes.values():
        for poly in polygons:
            for ring in poly:
                for a, b in zip(ring, ring[1:]):
                    neighbours[a].add(b)
                    neighbours[b].add(a)
    return {p for p, near in neighbours.items() if len(near) >= 3}


def _arcs(ring: Ring, junctions: set[Point]) -> list[list[Point]] | None:
    """A closed ring cut at its junctions into arcs (each from one junction to the next);
    None when the ring has no junction (an island, or a province bordering nobody)."""
    pts = ring[:-1]
    starts = [i for i, p in enumerate(pts) if p in junctions]
    if not starts:
        return None
    rotated = pts[starts[0]:] + pts[:starts[0]] + [pts[starts[0]]]
    arcs, current = [], [rotated[0]]
    for p in rotated[1:]:
        current.append(p)
        if p in junctions:
            arcs.append(current)
            current = [p]
    return arcs


def _simplify_closed(ring: Ring, tolerance: float) -> Ring:
    """A ring without junctions: split at the vertex farthest from its first, simplify both."""
    first = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - first[0]) ** 2 +
              (ring[i][1] - first[1]) ** 2)
    if far == 0:
        return list(ring)
    return _douglas_peucker(ring[:far + 1], tolerance)[:-1] + \
        _douglas_peucker(ring[far:], tolerance)


def simplify_shared(shapes: dict, tolerance: float) -> dict:
    """Simplify every polygon of `shapes` (key → list of polygons) so that a border two
    polygons share is simplified once and stays identical on both sides (no gaps, no
    overlaps). A ring that would collapse below a triangle keeps its full detail."""
    junctions = _junctions(shapes)
    cache: dict[tuple, list[Point]] = {}
    full: set[tuple] = set()  # arcs kept at full detail

    def canonical(arc: list[Point]) -> tuple[tuple, bool]:
        fwd, rev = tuple(arc), tuple(reversed(arc))
        return (fwd, False) if fwd <= rev else (rev, True)

    def arc_out(arc: list[Point]) -> list[Point]:
        key, reversed_ = canonical(arc)
        if key in full:
            simple = list(key)
        else:
            if key not in cache:
                cache[key] = _douglas_peucker(list(key), tolerance)
            simple = cache[key]
        return list(reversed(simple)) if reversed_ else list(simple)

    def ring_out(ring: Ring) -> tuple[Ring, list[tuple]]:
        arcs = _arcs(ring, junctions)
        if arcs is None:
            out = _simplify_closed(ring, tolerance)
            return (out if len(set(out)) >= 3 else list(ring)), []
        out = [arcs[0][0]]
        for arc in arcs:
            out.extend(arc_out(arc)[1:])
        return out, [canonical(a)[0] for a in arcs]

    for _ in range(5):  # keep the arcs of collapsed rings whole, and redo their neighbours
        result, collapsed = {}, set()
        for key, polygons in shapes.items():
            polys = []
            for poly in polygons:
                rings = []
                for ring in poly:
                    out, arc_keys = ring_out(ring)
                    if len(set(out)) < 3 or abs(signed_area(out)) == 0:
                        collapsed.update(arc_keys)
                    rings.append(out)
                polys.append(rings)
            result[key] = polys
        if not collapsed - full:
            return result
        full |= collapsed
    return result


# --- dissolving ----------------------------------------------------------------------------

def _oriented(ring: Ring, anticlockwise: bool) -> Ring:
    return list(ring) if (signed_area(ring) > 0) == anticlockwise else list(reversed(ring))


def _inside(point: Point, ring: Ring) -> bool:
    """Ray casting: is the point inside the ring?"""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def dissolve(parts: list[list[Polygon]]) -> list[Polygon]:
    """The union of polygons that meet along identical borders (as simplify_shared keeps
    them): every edge two of them share cancels out, and the remaining edges are joined
    into rings. Exteriors run anticlockwise, holes clockwise."""
    edges: Counter = Counter()
    for polygons in parts:
        for poly in polygons:
            for i, ring in enumerate(poly):
                ring = _oriented(ring, anticlockwise=(i == 0))
                for a, b in zip(ring, ring[1:]):
                    if a == b:
                        continue
                    if edges[(b, a)]:  # the neighbour's side of a shared border
                        edges[(b, a)] -= 1
                    else:
                        edges[(a, b)] += 1
    outgoing: dict[Point, list[Point]] = defaultdict(list)
    for (a, b), n in edges.items():
        outgoing[a].extend([b] * n)
    rings = []
    for start in list(outgoing):
        while outgoing[start]:
            ring, here = [start], start
            while True:
                nxt = outgoing[here].pop()
                ring.append(nxt)
                here = nxt
                if here == start:
                    break
            if len(ring) >= 4:
                rings.append(ring)
    shells = [r for r in rings if signed_area(r) > 0]
    holes = [r for r in rings if signed_area(r) < 0]
    polygons = [[s] for s in sorted(shells, key=signed_area, reverse=True)]
    on_shells = {p for poly in polygons for p in poly[0]}
    smallest_first = sorted(polygons, key=lambda p: signed_area(p[0]))
    for hole in holes:  # into the smallest shell around one of its points off the shells
        probe = next((p for p in hole if p not in on_shells), hole[0])
        for poly in smallest_first:
            if _inside(probe, poly[0]):
                poly.append(hole)
                break
    return polygons
