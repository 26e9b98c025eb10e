"""The commitments' public pages' bodies, rendered once per language and cached until their data
changes (``cached_render``): the index of action plans, and a commitment's page with its
milestones, timeline, indicators, linked work, synergies and budget."""

from django.utils.translation import gettext as _

from pioneers.commitments import selectors
from pioneers.commitments.caching import PAGE_TAGS, TAG
from pioneers.commitments.charts import Span, timeline_chart
from pioneers.commitments.models import Commitment, Milestone, OGPValue
from pioneers.core.cache import cached, cached_render
from pioneers.core.charts import bar_chart
from pioneers.core.languages import current_language
from pioneers.surveys.caching import survey_tag


def index_html() -> tuple[str, list[str]]:
    """Every action plan with its commitments, the network's own first; and the cache tags."""
    language = current_language()
    html = cached_render(
        f"commitments:index:{language}",
        "commitments/_index_body.html",
        lambda: _index_context(language),
        tags=PAGE_TAGS,
    )
    return html, list(PAGE_TAGS)


def _index_context(language: str) -> dict:
    plans = selectors.action_plans()
    ours = [c for plan in plans for c in plan.commitment_list if c.is_ours]
    return {"plans": plans, "ours": ours[0] if ours else None, "LANGUAGE_CODE": language}


def page_tags(commitment: Commitment) -> list[str]:
    """What a commitment's page shows: PAGE_TAGS and the surveys its milestones follow (which
    only a change to the commitments moves, so the list is cached under that tag)."""
    surveys = cached(
        f"commitments:surveys:{commitment.pk}",
        lambda: sorted(
            set(
                Milestone.objects.filter(commitment=commitment, survey__isnull=False).values_list(
                    "survey_id", flat=True
                )
            )
        ),
        tags=[TAG],
    )
    return [*PAGE_TAGS, *(survey_tag(pk) for pk in surveys)]


def commitment_html(commitment: Commitment) -> tuple[str, list[str]]:
    """A commitment's page body, and the cache tags it depends on."""
    tags = page_tags(commitment)
    language = current_language()
    html = cached_render(
        f"commitments:page:{commitment.pk}:{language}",
        "commitments/_commitment_body.html",
        lambda: _commitment_context(commitment, language),
        tags=tags,
    )
    return html, tags


def _commitment_context(commitment: Commitment, language: str) -> dict:
    overview = selectors.commitment_overview(commitment)
    commitment = overview.commitment
    values = dict(OGPValue.choices)
    spans = [
        Span(
            row.milestone.number,
            row.milestone.starts_on,
            row.milestone.ends_on,
            row.progress.actual_start,
            row.progress.actual_end,
        )
        for row in overview.milestones
    ]
    timeline = timeline_chart(
        spans,
        title=_("Timeline of %(code)s: planned and actual dates of each milestone")
        % {"code": commitment.code},
        description=_(
            "Per milestone an outlined bar for the planned period and a filled bar for the "
            "actual one; a dashed line marks today. The table below gives the same dates."
        ),
    )
    synergy_chart = bar_chart(
        [(f"{row.commitment.code}", row.total) for row in overview.synergies],
        title=_("How often the network's work touches other commitments"),
    )
    synergy_rows = [
        (row, [row.counts.get(kind, 0) for kind, _label in overview.synergy_kinds])
        for row in overview.synergies
    ]
    return {
        "overview": overview,
        "commitment": commitment,
        "ogp_values": [str(values[v]) for v in commitment.ogp_values or [] if v in values],
        "policy_areas": _split(commitment.text.policy_areas),
        "supporting": list(commitment.supporting_institutions.all()),
        "timeline": timeline,
        "synergy_chart": synergy_chart,
        "synergy_rows": synergy_rows,
        "indicators": [(result, None) for result in overview.indicators],
        "LANGUAGE_CODE": language,
    }


def _split(areas: str) -> list[str]:
    return [area.strip() for area in (areas or "").split(",") if area.strip()]
