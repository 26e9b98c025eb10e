"""A topic's page body, rendered once per topic, language and day and cached until what it lists
changes: its queries cost more than fetching the HTML (Wagtail's privacy filter on three kinds of
page). The heading and breadcrumb around it are rendered as usual."""

from django.utils import timezone

from pioneers.core.cache import SITE, cached_render
from pioneers.core.languages import current_language
from pioneers.search import selectors

# Pages (reports, practices, articles) and topics are "site"; meetings and their hosts and
# chairs are "meetings"; organisations' names are "network".
TOPIC_TAGS = (SITE, "meetings", "network")


def topic_html(topic) -> str:
    language = current_language()
    # The day is in the key: which meetings are still to come changes at midnight.
    today = timezone.localdate().isoformat()
    return cached_render(
        f"topic:{topic.pk}:{language}:{today}",
        "search/_topic_body.html",
        lambda: {**selectors.topic_contents(topic), "LANGUAGE_CODE": language},
        tags=TOPIC_TAGS,
    )
