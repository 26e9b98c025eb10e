"""The commitments' public pages: the action plans with their commitments, and a commitment's
page, whose bodies are rendered and cached in ``rendered``; and a commitment's public costs as
open data (CSV and JSON)."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pioneers.commitments import opendata, rendered, selectors
from pioneers.commitments.caching import TAG
from pioneers.core.cache import page_depends_on
from pioneers.core.exports import csv_response


def index(request):
    html, tags = rendered.index_html()
    page_depends_on(request, *tags)
    return render(request, "commitments/index.html", {"body": html})


def commitment(request, code):
    found = selectors.commitment_by_code(code)
    if found is None:
        raise Http404(_("There is no commitment with this code."))
    if code != found.code.lower():
        return redirect(found, permanent=True)
    html, tags = rendered.commitment_html(found)
    page_depends_on(request, *tags)
    return render(request, "commitments/commitment.html", {"commitment": found, "body": html})


def _found(code):
    found = selectors.commitment_by_code(code)
    if found is None:
        raise Http404(_("There is no commitment with this code."))
    return found


def costs_csv(request, code):
    found = _found(code)
    if code != found.code.lower():
        return redirect(reverse("commitments:costs_csv", args=[found.code.lower()]), permanent=True)
    # The page cache keeps HTML only, so the files are made afresh for every request; should it
    # keep them, these tags (and "site", for receipts) make a changed cost or meeting show at once.
    page_depends_on(request, TAG, "meetings")
    budget = selectors.public_costs(found)
    response, writer = csv_response(opendata.file_name(found, "csv"))
    writer.writerows(opendata.costs_table(budget, request.build_absolute_uri))
    return response


def costs_json(request, code):
    found = _found(code)
    if code != found.code.lower():
        return redirect(
            reverse("commitments:costs_json", args=[found.code.lower()]), permanent=True
        )
    page_depends_on(request, TAG, "meetings")
    budget = selectors.public_costs(found)
    response = JsonResponse(
        opendata.costs_document(found, budget, request.build_absolute_uri),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = f'attachment; filename="{opendata.file_name(found, "json")}"'
    return response
