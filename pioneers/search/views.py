"""The site-wide search page, and a topic's page with everything on that topic."""

from django.http import Http404
from django.template.response import TemplateResponse

from pioneers.core.cache import page_depends_on
from pioneers.search import rendered, selectors


def search(request):
    """One search over meetings, reports, articles, practices and organisations."""
    return TemplateResponse(request, "search/search.html", selectors.site_search(request.GET))


def topic(request, slug):
    """Meetings, their reports, practices and articles on one topic, and who was most active."""
    page_depends_on(request, *rendered.TOPIC_TAGS)
    topic = selectors.topic_by_slug(slug)
    if topic is None:
        raise Http404
    return TemplateResponse(
        request, "search/topic.html", {"topic": topic, "body": rendered.topic_html(topic)}
    )
