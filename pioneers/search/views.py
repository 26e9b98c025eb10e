"""The site-wide search page."""

from django.template.response import TemplateResponse

from pioneers.search import selectors


def search(request):
    """One search over meetings, reports, articles, practices and organisations."""
    return TemplateResponse(request, "search/search.html", selectors.site_search(request.GET))
