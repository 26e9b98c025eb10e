"""Addresses for harvesters and search engines: robots.txt, sitemap.xml, the Woo-index's
sitemaps per information category and the DiWoo metadata of each report. Each is cached until
pages, meetings or the network change."""

import re

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from pioneers.core.cache import SITE, cached
from pioneers.core.links import absolute_url, page_url
from pioneers.evaluation.selectors import (
    evaluation_reports_woo_metadata,
    published_evaluation_reports,
)
from pioneers.opendata import woo
from pioneers.opendata.models import OpenDataPage
from pioneers.opendata.sitemaps import page_sitemap
from pioneers.reports.selectors import (
    lead_organisation,
    published_reports,
    reports_woo_metadata,
)
from pioneers.reports.woo import evaluation_report_metadata, report_metadata

XML = "application/xml; charset=utf-8"
# Reports show their meeting's host and date and the lead organisation.
TAGS = (SITE, "meetings", "network")
_NUMBER = re.compile(r"[0-9]{3}")


def _absolute(name: str, **kwargs) -> str:
    # On the configured address, whichever host the harvester asked: one canonical URL.
    return absolute_url(reverse(name, kwargs=kwargs))


def woo_categories_in_use() -> list[str]:
    """The sitemap numbers of the information categories that hold a published document."""
    return cached("woo-categories", lambda: woo.categories_in_use(_documents()), TAGS)


@require_safe
def open_data_page(request):
    """The open-data page in the reader's language (else any): the catalogue's datasets are
    ``/open-data/#<slug>`` whatever the page's address in each language."""
    pages = OpenDataPage.objects.live().public().select_related("locale")
    page = pages.filter(locale__language_code=get_language()).first() or pages.first()
    if page is None:
        raise Http404
    return HttpResponseRedirect(page.get_url(request))


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /private/", ""]
    lines.append(f"Sitemap: {_absolute('opendata:sitemap')}")
    for number in woo_categories_in_use():
        lines.append(f"Sitemap: {_absolute('opendata:woo_index', number=number)}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request):
    body = cached("sitemap", page_sitemap, TAGS)
    return HttpResponse(body, content_type=XML)


def _category(number: str) -> str:
    if not _NUMBER.fullmatch(number):
        raise Http404
    return number


@require_safe
def woo_index(request, number):
    """The sitemap index of one information category, which the Woo-harvester reads."""
    if _category(number) not in woo_categories_in_use():
        raise Http404
    body = woo.sitemap_index([_absolute("opendata:woo_sitemap", number=number)])
    return HttpResponse(body, content_type=XML)


@require_safe
def woo_sitemap(request, number):
    """The documents of one information category with their DiWoo metadata."""
    if _category(number) not in woo_categories_in_use():
        raise Http404
    body = cached(
        f"woo-sitemap:{number}",
        lambda: woo.category_sitemap(_documents(), number),
        TAGS,
    )
    return HttpResponse(body, content_type=XML)


@require_safe
def diwoo(request, pk):
    """The DiWoo metadata of one published report (of a meeting, or of the evaluation)."""
    report = published_reports().filter(pk=pk).first()
    if report is not None:
        meta = report_metadata(report, lead=lead_organisation(), url=page_url(report))
    else:
        evaluation = published_evaluation_reports().filter(pk=pk).first()
        if evaluation is None:
            raise Http404
        meta = evaluation_report_metadata(
            evaluation, lead=lead_organisation(), url=page_url(evaluation)
        )
    return HttpResponse(woo.diwoo_document(meta), content_type=XML)


def _documents() -> list:
    """Every published document the Woo-index harvests, with its metadata."""
    return reports_woo_metadata() + evaluation_reports_woo_metadata()
