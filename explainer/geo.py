"""Boundaries, places and geodesic rings, as GeoDataFrames, for the project's maps.

Everything here reads the committed files in ``data/`` (``boundaries/*.geojson`` and
``places.csv``); nothing is downloaded. The boundary files follow RFC 7946 (outer rings
counter-clockwise); :func:`plotly_geojson` is the one place that turns them clockwise, the
orientation plotly's ``geo`` subplot needs to fill a polygon's inside rather than its outside.

Examples
--------
>>> from explainer.geo import load_boundaries, load_places, country_of
>>> regions = load_boundaries("admin1")
>>> int((regions["iso3"] == "TUR").sum())
81
>>> place = load_places().loc["kyiv"]
>>> country_of(place.latitude, place.longitude)
'UKR'
>>> ring = geodesic_ring(39.92, 32.85, 100)
>>> round(ring.geometry.iloc[0].exterior.length, 0) > 0
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache

import geopandas as gpd
import pandas as pd
import pyproj
import shapely
from shapely.ops import nearest_points
from shapely.geometry import Point, box

from explainer.paths import data_path
from explainer.tables import load_table, split_list

LAYERS = {"admin0": "boundaries/admin0.geojson", "admin1": "boundaries/admin1.geojson", "gaza": "boundaries/gaza.geojson"}
WGS84 = "EPSG:4326"
EARTH = pyproj.Geod(ellps="WGS84")


@lru_cache(maxsize=None)
def _read_layer(layer: str) -> gpd.GeoDataFrame:
    frame = gpd.read_file(data_path(LAYERS[layer]))
    frame = frame.set_crs(WGS84, allow_override=True)
    for column in ("status", "kind", "name", "iso3", "id"):
        if column in frame:
            frame[column] = frame[column].fillna("")
    return frame


def load_boundaries(layer: str = "admin0") -> gpd.GeoDataFrame:
    """Return the boundary ``layer`` (``"admin0"``, ``"admin1"`` or ``"gaza"``) as a GeoDataFrame.

    Columns: ``id``, ``name``, ``iso3``, ``kind``, ``status`` (empty, or the occupation status the
    border policy gives the area) and ``geometry`` (EPSG:4326, RFC 7946 orientation). A copy is
    returned, so callers may change it.
    """
    if layer not in LAYERS:
        raise ValueError(f"explainer: layer must be one of {sorted(LAYERS)}, got {layer!r}")
    return _read_layer(layer).copy()


def load_places() -> pd.DataFrame:
    """Return the gazetteer ``data/places.csv``, indexed by place id."""
    return load_table("places").set_index("id", drop=False)


def place(place_id: str) -> pd.Series:
    """Return one row of the gazetteer; an unknown id raises ``KeyError`` naming it."""
    places = load_places()
    if not isinstance(place_id, str) or place_id not in places.index:
        raise KeyError(f"explainer: unknown place id {place_id!r}; see data/places.csv for the known ids")
    return places.loc[place_id]


def places_frame(place_ids: Iterable[str] | None = None) -> gpd.GeoDataFrame:
    """The gazetteer (or the places ``place_ids``, in that order) as points in a GeoDataFrame."""
    places = load_places()
    if place_ids is not None:
        place_ids = list(place_ids)
        for place_id in place_ids:
            place(place_id)
        places = places.loc[place_ids]
    geometry = gpd.points_from_xy(places["longitude"], places["latitude"], crs=WGS84)
    return gpd.GeoDataFrame(places.reset_index(drop=True), geometry=geometry)


def _check_latlon(lat: float, lon: float) -> tuple[float, float]:
    for name, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"explainer: {name} must be a number, got {value!r}")
        if abs(value) > limit:
            raise ValueError(f"explainer: {name} must lie within ±{limit}, got {value!r}")
    return float(lat), float(lon)


def country_of(lat: float, lon: float, *, tolerance_km: float = 0.0) -> str | None:
    """The ISO3 code of the admin-0 feature containing (``lat``, ``lon``), or ``None``.

    With ``tolerance_km`` > 0, a point at sea or on a border counts for the nearest country within
    that distance (measured on the ellipsoid).
    """
    lat, lon = _check_latlon(lat, lon)
    countries = _read_layer("admin0")
    point = Point(lon, lat)
    inside = countries[countries.contains(point)]
    if len(inside):
        return str(inside["iso3"].iloc[0])
    if tolerance_km <= 0:
        return None
    best, best_km = None, math.inf
    for row in countries.itertuples():
        nearest = nearest_points(row.geometry, point)[0]
        km = distance_km(lat, lon, nearest.y, nearest.x)
        if km < best_km:
            best, best_km = row.iso3, km
    return str(best) if best_km <= tolerance_km else None


def distance_to_country_km(lat: float, lon: float, iso3: str) -> float:
    """Geodesic distance from (``lat``, ``lon``) to the nearest point of country ``iso3`` (0 inside)."""
    lat, lon = _check_latlon(lat, lon)
    countries = _read_layer("admin0")
    shapes = countries.loc[countries["iso3"] == iso3, "geometry"]
    if shapes.empty:
        raise KeyError(f"explainer: no country {iso3!r} in the admin-0 boundaries")
    point = Point(lon, lat)
    geometry = shapes.iloc[0]
    if geometry.contains(point):
        return 0.0
    nearest = nearest_points(geometry, point)[0]
    return distance_km(lat, lon, nearest.y, nearest.x)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on the WGS 84 ellipsoid, in kilometres."""
    lat1, lon1 = _check_latlon(lat1, lon1)
    lat2, lon2 = _check_latlon(lat2, lon2)
    return EARTH.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def geodesic_ring(lat: float, lon: float, radius_km: float, *, resolution: int = 64) -> gpd.GeoDataFrame:
    """A true circle of ``radius_km`` around (``lat``, ``lon``), as a one-row GeoDataFrame.

    The circle is buffered in an azimuthal equidistant projection centred on the point (where
    distances from the centre are true), then reprojected to longitude/latitude: on a map it is
    no circle in degrees but every vertex lies ``radius_km`` from the centre on the ellipsoid.

    >>> ring = geodesic_ring(40.08, 32.57, 250)
    >>> x, y = ring.geometry.iloc[0].exterior.coords[0]
    >>> round(distance_km(40.08, 32.57, y, x))
    250
    """
    lat, lon = _check_latlon(lat, lon)
    if isinstance(radius_km, bool) or not isinstance(radius_km, (int, float)) or math.isnan(radius_km):
        raise ValueError(f"explainer: radius_km must be a number, got {radius_km!r}")
    if radius_km <= 0 or radius_km > 5000:
        raise ValueError(f"explainer: radius_km must be between 0 and 5,000 km, got {radius_km!r}")
    local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs")
    centre = gpd.GeoSeries([Point(0, 0)], crs=local)
    circle = centre.buffer(radius_km * 1000.0, quad_segs=resolution).to_crs(WGS84)
    return gpd.GeoDataFrame({"lat": [lat], "lon": [lon], "radius_km": [float(radius_km)]}, geometry=circle)


def clip(frame: gpd.GeoDataFrame, bounds: Sequence[float]) -> gpd.GeoDataFrame:
    """Keep the part of ``frame`` inside ``bounds`` = (west, south, east, north), dropping empties."""
    west, south, east, north = bounds
    if not (west < east and south < north):
        raise ValueError(f"explainer: bounds must be (west, south, east, north), got {tuple(bounds)!r}")
    window = box(west, south, east, north)
    frame = frame[frame.intersects(window)].copy()
    frame["geometry"] = shapely.intersection(frame.geometry.values, window)
    frame = frame[~frame.geometry.is_empty]
    polygonal = frame.geometry.apply(lambda g: g.geom_type in {"Polygon", "MultiPolygon"} or g.geom_type == "GeometryCollection")
    frame = frame[polygonal].copy()
    frame["geometry"] = frame.geometry.apply(_polygonal_part)
    return frame[~frame.geometry.is_empty]


def _polygonal_part(geom):
    if geom.geom_type in {"Polygon", "MultiPolygon"}:
        return geom
    parts = [part for part in shapely.get_parts(geom) if part.geom_type in {"Polygon", "MultiPolygon"}]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _ring_coords(ring, digits: int) -> list:
    return [[round(x, digits), round(y, digits)] for x, y in ring.coords]


def plotly_geojson(frame: gpd.GeoDataFrame, *, id_column: str = "id", digits: int = 4) -> dict:
    """``frame`` as a GeoJSON FeatureCollection in the orientation plotly's ``geo`` needs.

    This is the one place where rings are turned: outer rings clockwise, holes counter-clockwise
    (``shapely.orient_polygons(..., exterior_cw=True)``). Files on disk keep RFC 7946's
    counter-clockwise outer rings; a counter-clockwise ring handed to plotly would fill the whole
    globe outside the polygon. Each feature's ``id`` is taken from ``id_column``.
    """
    oriented = shapely.orient_polygons(frame.geometry.values, exterior_cw=True)
    features = []
    for identifier, geom in zip(frame[id_column], oriented):
        polygons = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
        coordinates = [
            [_ring_coords(poly.exterior, digits)] + [_ring_coords(hole, digits) for hole in poly.interiors]
            for poly in polygons
            if poly.geom_type == "Polygon" and not poly.is_empty
        ]
        if not coordinates:
            continue
        features.append(
            {
                "type": "Feature",
                "id": str(identifier),
                "properties": {},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def outline_lonlat(frame: gpd.GeoDataFrame, digits: int = 4) -> tuple[list, list]:
    """Every ring of ``frame`` as one lon list and one lat list, rings separated by ``None``.

    For drawing outlines (dashed borders, rings) with a line trace; lines have no orientation.
    """
    lons: list = []
    lats: list = []
    for geom in frame.geometry:
        for poly in shapely.get_parts(geom):
            if poly.geom_type != "Polygon":
                continue
            for ring in [poly.exterior, *poly.interiors]:
                xs, ys = ring.xy
                lons.extend([round(x, digits) for x in xs] + [None])
                lats.extend([round(y, digits) for y in ys] + [None])
    return lons, lats


def policy_note(statuses: Iterable[str], *, east_jerusalem: bool = False) -> str:
    """The caption sentence for the disputed areas a map shows, from their ``status`` values.

    >>> policy_note(["Ukrainian territory occupied by Russia since 2014"])
    'Borders as recognised by the UN: dashed outlines mark Ukrainian territory occupied by Russia since 2014.'
    """
    unique = sorted({status for status in statuses if status})
    if not unique:
        return "Borders as recognised by the UN."
    text = "Borders as recognised by the UN: dashed outlines mark " + "; ".join(unique) + "."
    if east_jerusalem:
        text += " East Jerusalem, part of the West Bank for the UN, is not drawn apart in our source data."
    return text


def topics_of(place_id: str) -> list[str]:
    """The topic ids a gazetteer place belongs to."""
    return split_list(place(place_id)["topics"])
