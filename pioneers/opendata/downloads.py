"""Downloads of the open datasets, language independent, at /open-data/: each dataset as CSV
or JSON (the API's data, all pages), and the full dump that the nightly task builds."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe

from pioneers.opendata.datasets import DATASETS
from pioneers.opendata.exports import DUMP_NAME, as_csv, as_json

FORMATS = {
    "csv": (as_csv, "text/csv; charset=utf-8"),
    "json": (as_json, "application/json"),
}


@require_safe
def dataset_download(request, dataset: str, fmt: str):
    found = DATASETS.get(dataset)
    if found is None or fmt not in FORMATS:
        raise Http404
    render, content_type = FORMATS[fmt]
    response = HttpResponse(render(found, found.rows()), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.{fmt}"'
    response["Link"] = f'<{found.licence().url}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def dump_download(request):
    if not default_storage.exists(DUMP_NAME):
        raise Http404
    response = FileResponse(
        default_storage.open(DUMP_NAME, "rb"),
        as_attachment=True,
        filename="pioneers-open-data.zip",
        content_type="application/zip",
    )
    licences = {dataset.licence().url for dataset in DATASETS.values()}
    response["Link"] = ", ".join(f'<{url}>; rel="license"' for url in sorted(licences))
    return response


CATALOGUE_FORMATS = {"ttl": ("turtle", "text/turtle"), "jsonld": ("json-ld", "application/ld+json")}


@require_safe
def catalogue(request, fmt: str):
    """The DCAT-AP catalogue of the datasets, for harvesters such as data.overheid.nl."""
    from pioneers.opendata.catalogue import catalogue_graph

    if fmt not in CATALOGUE_FORMATS:
        raise Http404
    syntax, content_type = CATALOGUE_FORMATS[fmt]
    body = catalogue_graph().serialize(format=syntax)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response
