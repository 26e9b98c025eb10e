"""Writes in the network: loading the country's municipalities and provinces."""

import csv
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from pioneers.network.models import Organisation

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name) or "organisatie"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


@transaction.atomic
def municipalities_load() -> dict[str, int]:
    """Create or update every province and municipality from the shipped files; idempotent.

    Rows are matched on their CBS code, so names and provinces follow the data while slugs, and
    everything coordinators added (websites, email domains, memberships), stay as they are.
    """
    existing = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    taken = set(Organisation.objects.values_list("slug", flat=True))
    created = updated = 0

    def upsert(code, name, kind, latitude, longitude, province=None, slug_base=None):
        nonlocal created, updated
        organisation = existing.get(code)
        values = {
            "name": name,
            "kind": kind,
            "latitude": float(latitude),
            "longitude": float(longitude),
            "province": province,
        }
        if organisation is None:
            organisation = Organisation.objects.create(
                cbs_code=code, slug=_unique_slug(slug_base or name, taken), **values
            )
            existing[code] = organisation
            created += 1
        elif any(getattr(organisation, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(organisation, key, value)
            organisation.save()
            updated += 1
        return organisation

    provinces = {}
    for row in _read("provinces.csv"):
        provinces[row["province_code"]] = upsert(
            row["province_code"],
            row["name"],
            Organisation.Kind.PROVINCE,
            row["lat"],
            row["lon"],
            # "provincie-utrecht", so the municipality of the same name keeps "utrecht".
            slug_base=f"provincie {row['name']}",
        )
    for row in _read("municipalities-2025.csv"):
        upsert(
            row["cbs_code"],
            row["name"],
            Organisation.Kind.MUNICIPALITY,
            row["lat"],
            row["lon"],
            province=provinces[row["province_code"]],
        )
    return {"created": created, "updated": updated}
