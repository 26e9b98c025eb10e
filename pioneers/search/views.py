"""The site-wide search page, and a topic's page with everything on that topic."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from pioneers.core.cache import page_depends_on
from pioneers.search import rendered, selectors
from pioneers.topics import caching as topic_caching
from pioneers.topics import rendered as topic_rendered
from pioneers.topics import selectors as topic_selectors
from pioneers.topics.forms import CommentForm
from pioneers.topics.models import Topic


def search(request):
    """One search over meetings, reports, articles, practices and organisations."""
    return TemplateResponse(request, "search/search.html", selectors.site_search(request.GET))


def topic(request, slug):
    """A topic's proposal, votes and comments; the meetings, their reports, practices and
    articles on it, and who was most active. A member votes and comments here."""
    page_depends_on(request, *rendered.TOPIC_TAGS, *topic_caching.PROPOSAL_TAGS)
    topic = selectors.topic_by_slug(slug)
    if topic is None:
        raise Http404
    if topic.status == Topic.Status.MERGED and topic.merged_into_id:
        return redirect(topic.merged_into.get_absolute_url())
    organisation = topic_selectors.voting_organisation(request.user)
    context = {
        "topic": topic,
        "proposal": topic_rendered.proposal_html(topic),
        "body": rendered.topic_html(topic),
    }
    if organisation is not None:
        context["ballot"] = topic_selectors.ballot(organisation, topic)
        context["vote_total"] = topic_selectors.topic_vote_total(topic)
        context["comment_form"] = CommentForm()
    return TemplateResponse(request, "search/topic.html", context)
