"""The map of the network: an SVG of every municipality, drawn on the server from the boundaries.

No tile server and no JavaScript: each municipality is a link with its name as title, members are
highlighted by a class. The drawing is cached until the data changes.
"""

import json
import math
from functools import cache
from pathlib import Path

from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from pioneers.core.cache import cached
from pioneers.core.languages import current_language
from pioneers.network.models import Organisation
from pioneers.network.selectors import member_codes

DATA = Path(__file__).resolve().parent / "data"
WIDTH = 800  # units of the viewBox; coordinates are rounded to whole units


@cache
def _shapes() -> tuple[list[tuple[str, list]], list[list], float, float, float, float]:
    """Municipality rings by CBS code, province rings, and the projection's bounds."""

    def rings(geometry):
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        return [ring for polygon in polygons for ring in polygon]

    municipalities = json.loads((DATA / "gemeente_2025.geojson").read_text(encoding="utf-8"))
    provinces = json.loads((DATA / "provincie_2025.geojson").read_text(encoding="utf-8"))
    shapes = [
        (f["properties"]["statcode"], rings(f["geometry"])) for f in municipalities["features"]
    ]
    province_rings = [ring for f in provinces["features"] for ring in rings(f["geometry"])]
    points = [p for _, rs in shapes for ring in rs for p in ring]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return shapes, province_rings, min(lons), max(lons), min(lats), max(lats)


def _path(rings, project) -> str:
    parts = []
    for ring in rings:
        points = []
        for lon, lat in ring:
            point = project(lon, lat)
            if not points or point != points[-1]:
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + "L".join(f"{x} {y}" for x, y in points) + "Z")
    return "".join(parts)


def _render(language: str, members: frozenset[str]) -> str:
    shapes, province_rings, west, east, south, north = _shapes()
    # Equirectangular projection around the middle latitude: good enough at this scale.
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    height = round((north - south) * scale)

    def project(lon, lat):
        return round((lon - west) * squeeze * scale), round((north - lat) * scale)

    organisations = dict(
        Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).values_list(
            "cbs_code", "slug"
        )
    )
    names = dict(
        Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).values_list(
            "cbs_code", "name"
        )
    )
    member_label = _("member of the network")
    out = [
        f'<svg class="pioneers-map" viewBox="0 0 {WIDTH} {height}" '
        'xmlns="http://www.w3.org/2000/svg" aria-labelledby="map-title">',
        f'<title id="map-title">{escape(_("Map of the municipalities in the network"))}</title>',
    ]
    for code, rings in shapes:
        slug = organisations.get(code)
        if slug is None:
            continue
        is_member = code in members
        url = reverse("network:organisation", kwargs={"slug": slug})
        title = escape(names[code]) + (f" ({escape(member_label)})" if is_member else "")
        css = "pioneers-map__area pioneers-map__area--member" if is_member else "pioneers-map__area"
        # Out of the tab order: the list next to the map holds the same links for keyboards.
        out.append(
            f'<a href="{url}" tabindex="-1" class="{css}"><title>{title}</title>'
            f'<path d="{_path(rings, project)}"/></a>'
        )
    out.append(
        f'<path class="pioneers-map__provinces" aria-hidden="true" '
        f'd="{_path(province_rings, project)}"/>'
    )
    out.append("</svg>")
    return "".join(out)


def network_map_svg() -> str:
    """The SVG markup of the map in the active language, cached until the network changes."""
    language = current_language()
    return cached(
        f"network:map:{language}",
        lambda: _render(language, frozenset(member_codes())),
        tags=["network"],
    )
