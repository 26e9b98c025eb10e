"""What the open-data page lists, read from the registries: each dataset with its downloads,
API address and licence, the full dump, the feeds and calendars, and the harvesters' files."""

from functools import cache

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pioneers.core.cache import page_depends_on
from pioneers.core.licences import DATA_LICENCE
from pioneers.core.models import NetworkSettings
from pioneers.opendata.datasets import DATASETS
from pioneers.opendata.exports import DUMP_NAME, DUMP_TAG
from pioneers.opendata.views import woo_categories_in_use
from pioneers.reports.models import woo_categories

FEEDS = (
    (_("Meetings"), "meetings:atom"),
    (_("Meeting reports"), "reports:atom"),
    (_("Practices"), "practices:atom"),
    (_("Magazine articles"), "magazine:magazine_feed"),
)


def _dump() -> dict | None:
    """The stored dump's size and time, or None while the first one is being built."""
    if not default_storage.exists(DUMP_NAME):
        return None
    return {
        "url": reverse("opendata:dump"),
        "size": default_storage.size(DUMP_NAME),
        "built_at": default_storage.get_modified_time(DUMP_NAME),
    }


def _datasets() -> list[dict]:
    api_docs = reverse("opendata:api:docs")
    return [
        {
            "slug": dataset.slug,
            "path": dataset.path,
            "title": dataset.title,
            "description": dataset.description,
            "licence": dataset.licence(),
            "downloads": [
                (label, reverse("opendata:download", kwargs={"dataset": dataset.slug, "fmt": fmt}))
                for fmt, label in (("csv", "CSV"), ("json", "JSON"))
            ],
            "api_docs": f"{api_docs}#{_operation_id(dataset)}",
            "fields": dataset.fields(),
        }
        for dataset in DATASETS.values()
    ]


def _operation_id(dataset) -> str:
    """The anchor of the dataset's endpoint in the API docs."""
    return _operation_ids().get(f"/api/v1/{dataset.path}", "")


@cache
def _operation_ids() -> dict[str, str]:
    from pioneers.opendata.api.views import api

    return {
        path: operations["get"]["operationId"]
        for path, operations in api.get_openapi_schema()["paths"].items()
    }


def _harvesting() -> list[dict]:
    categories = woo_categories()  # the sitemap number is the category's place in this list
    return [
        {
            "number": number,
            "name": categories[int(number) - 1][1],
            "url": reverse("opendata:woo_index", kwargs={"number": number}),
        }
        for number in woo_categories_in_use()
    ]


def overview(request) -> dict:
    page_depends_on(request, DUMP_TAG, "meetings", "network")
    return {
        "datasets": _datasets(),
        "dump": _dump(),
        "data_licence": DATA_LICENCE,
        "text_licence": NetworkSettings.load().licence,
        "feeds": [(title, reverse(name)) for title, name in FEEDS],
        "woo_sitemaps": _harvesting(),
    }
