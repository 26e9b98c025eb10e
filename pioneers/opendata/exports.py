"""Datasets as files: CSV (UTF-8 with a byte-order mark, every cell safe for spreadsheets) and
JSON, one dataset at a time or all together in the full dump (a zip with a README and the
licences), which a background task builds and storage keeps at a stable name."""

import io
import json
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.translation import gettext

from pioneers.core.cache import tags_changed
from pioneers.core.exports import csv_writer
from pioneers.opendata.datasets import DATASETS, Dataset

DUMP_NAME = "open-data/pioneers-open-data.zip"
# The cache tag of what shows the dump (the open-data page, with its size and date).
DUMP_TAG = "opendata-dump"


def _cell(value):
    """A nested value flattened for one CSV cell: lists of words joined, structures as JSON."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def as_csv(dataset: Dataset, rows: list[dict]) -> str:
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv_writer(stream)
    names = [name for name, _description in dataset.fields()]
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return stream.getvalue()


def as_json(dataset: Dataset, rows: list[dict]) -> str:
    return json.dumps(
        {"dataset": dataset.slug, "licence": dataset.licence().url, "items": rows},
        ensure_ascii=False,
        indent=1,
    )


def readme() -> str:
    """The dump's README: each dataset, its licence and its fields, in English and Dutch."""
    lines = []
    for language in ("en", "nl"):
        with translation.override(language):
            lines += [gettext("Open data of the pioneer network"), ""]
            for dataset in DATASETS.values():
                licence = dataset.licence()
                lines += [
                    f"## {dataset.slug}.csv / {dataset.slug}.json — {dataset.title}",
                    str(dataset.description),
                    gettext("Licence: %(name)s, %(url)s")
                    % {"name": licence.name, "url": licence.url},
                    "",
                ]
                lines += [
                    f"- {name}: {description}".rstrip(": ")
                    for name, description in dataset.fields()
                ]
                lines.append("")
    return "\n".join(lines)


def build_dump() -> str:
    """Writes the full dump to storage (replacing the last one); returns its storage name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for dataset in DATASETS.values():
            rows = dataset.rows()
            archive.writestr(f"{dataset.slug}.csv", as_csv(dataset, rows))
            archive.writestr(f"{dataset.slug}.json", as_json(dataset, rows))
        archive.writestr("README.md", readme())
        licences = {dataset.licence() for dataset in DATASETS.values()}
        archive.writestr(
            "LICENCE.txt",
            "\n".join(f"{licence.name}: {licence.url}" for licence in sorted(licences, key=str))
            + f"\n\n{timezone.now().isoformat(timespec='seconds')}\n",
        )
    if default_storage.exists(DUMP_NAME):
        default_storage.delete(DUMP_NAME)
    name = default_storage.save(DUMP_NAME, ContentFile(buffer.getvalue()))
    tags_changed(DUMP_TAG)
    return name


DUMP_MAX_AGE = timezone.timedelta(hours=24)


def dump_if_due() -> bool:
    """The nightly chore: queue a new dump when the stored one is a day old (or missing); the
    cache lock keeps housekeeping (every minute) from queueing it twice."""
    from django.core.cache import cache

    from pioneers.opendata.tasks import build_dump_task

    if default_storage.exists(DUMP_NAME):
        age = timezone.now() - default_storage.get_modified_time(DUMP_NAME)
        if age < DUMP_MAX_AGE:
            return False
    if not cache.add("opendata:dump-queued", True, 3600):
        return False
    build_dump_task.enqueue()
    return True
