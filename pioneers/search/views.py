"""The site-wide search page, and a topic's page with everything on that topic."""

from django.http import Http404
from django.template.response import TemplateResponse

from pioneers.core.cache import page_depends_on
from pioneers.search import selectors


def search(request):
    """One search over meetings, reports, articles, practices and organisations."""
    return TemplateResponse(request, "search/search.html", selectors.site_search(request.GET))


def topic(request, slug):
    """Meetings, their reports, practices and articles on one topic."""
    # Meetings and their publication; pages and topics are "site", which every page has.
    page_depends_on(request, "meetings")
    context = selectors.topic_page(slug)
    if context is None:
        raise Http404
    return TemplateResponse(request, "search/topic.html", context)
