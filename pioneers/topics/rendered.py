"""Parts of topic pages rendered once per language and cached under tags that votes, topics,
comments and organisations empty (``caching``): the topic map's body and the public part of a
topic's page (its proposal, vote total and comments). Nothing personal goes in them."""

from django.utils import timezone
from django.utils.translation import gettext as _

from pioneers.core.cache import cached, cached_render
from pioneers.core.charts import bar_chart
from pioneers.core.languages import current_language
from pioneers.core.translations import with_translations
from pioneers.network.models import Organisation
from pioneers.topics import caching, selectors

CHART_ROWS = 20


def province_slugs() -> frozenset[str]:
    return cached(
        "topics:province-slugs",
        lambda: frozenset(
            Organisation.objects.filter(kind=Organisation.Kind.PROVINCE).values_list(
                "slug", flat=True
            )
        ),
        tags=["network"],
    )


def _map_context(province: str, size: str, language: str) -> dict:
    context = selectors.topic_map(province=province, size=size)
    ranking = context["ranking"]
    context["chart"] = bar_chart(
        [(topic.label, votes) for topic, votes in ranking.rows[:CHART_ROWS]],
        title=_("Topics by votes: %(group)s") % {"group": ranking.label},
    )
    context["groupings"] = [
        (_("Top topics per province"), context["provinces"], "province"),
        (_("Top topics per size of municipality"), context["sizes"], "size"),
    ]
    context["LANGUAGE_CODE"] = language
    return context


def map_html(*, province: str = "", size: str = "") -> str:
    language = current_language()
    # The day is in the key: which meeting a topic links to changes at midnight.
    today = timezone.localdate().isoformat()
    return cached_render(
        f"topic-map:{language}:{today}:{province}:{size}",
        "topics/_map_body.html",
        lambda: _map_context(province, size, language),
        tags=caching.MAP_TAGS,
    )


def proposal_html(topic) -> str:
    language = current_language()
    return cached_render(
        f"topic-proposal:{topic.pk}:{language}",
        "topics/_proposal.html",
        lambda: {
            "topic": with_translations([topic])[0],
            "vote_total": selectors.topic_vote_total(topic),
            "comments": selectors.topic_comments(topic),
            "LANGUAGE_CODE": language,
        },
        tags=caching.PROPOSAL_TAGS,
    )
