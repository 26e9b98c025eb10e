"""Reads for the API: the apps' own public querysets (approved organisations, published meetings,
live public pages), filtered and paged. No visibility rule is decided here."""

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.utils import translation

from pioneers.commitments.models import Commitment, Milestone
from pioneers.commitments.selectors import milestones_progress
from pioneers.core.translations import default_language, with_translations
from pioneers.evaluation.selectors import public_indicators, results_of
from pioneers.magazine.models import ArticleAuthor, EditionPage
from pioneers.magazine.selectors import _parent_path, live_editions, visible_articles
from pioneers.meetings.models import AgendaItem, Programme
from pioneers.meetings.selectors import published_meetings
from pioneers.network.models import Membership, Person
from pioneers.network.selectors import approved_organisations
from pioneers.opendata.api.pagination import page_of
from pioneers.practices.models import Nomination, PracticePage
from pioneers.reports.models import ReportPage
from pioneers.surveys.models import Survey
from pioneers.surveys.selectors import published_results
from pioneers.topics.models import Topic

# Memberships everyone may know of: being or having been a member (not invitations or
# applications, which the network handles privately).
PUBLIC_MEMBERSHIPS = (Membership.Status.MEMBER, Membership.Status.LEFT)
_AGENDA = Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("sort_order", "pk"))


def organisations(*, kind="", province="", member=None, cursor=None, limit=20):
    rows = approved_organisations().select_related("province")
    if kind:
        rows = rows.filter(kind=kind)
    if province:
        rows = rows.filter(province__slug=province)
    is_member = Exists(
        Membership.objects.filter(organisation=OuterRef("pk"), status=Membership.Status.MEMBER)
    )
    if member is not None:
        rows = rows.filter(is_member) if member else rows.exclude(is_member)
    rows = rows.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(status__in=PUBLIC_MEMBERSHIPS).order_by("pk"),
            to_attr="public_memberships",
        )
    )
    return page_of(rows, cursor=cursor, limit=limit)


def _dates(rows, field, date_from, date_to):
    if date_from:
        rows = rows.filter(**{f"{field}__gte": date_from})
    if date_to:
        rows = rows.filter(**{f"{field}__lte": date_to})
    return rows


def meetings(
    *,
    date_from=None,
    date_to=None,
    organisation="",
    topic="",
    format="",
    updated_since=None,
    language="nl",
    cursor=None,
    limit=20,
):
    """Published meetings with their agenda; text and agenda in ``language`` where translated."""
    rows = _dates(published_meetings(), "date", date_from, date_to)
    if organisation:
        rows = rows.filter(Q(host__slug=organisation) | Q(guest_chair__slug=organisation))
    if topic:
        rows = rows.filter(topic__slug=topic)
    if format:
        rows = rows.filter(format=format)
    if updated_since:
        rows = rows.filter(last_published_at__gte=updated_since)
    rows, next_cursor = page_of(rows.prefetch_related(_AGENDA), cursor=cursor, limit=limit)
    with translation.override(language):
        with_translations(rows)
    translated = [m._translation for m in rows if m._translation is not None]
    if translated:
        prefetch_related_objects(translated, _AGENDA)
    for meeting in rows:
        text = meeting._translation
        use = text if text is not None and text.agenda_items.all() else meeting
        meeting.api_agenda = list(use.agenda_items.all())
        meeting.api_language = language if text is not None else default_language()[:2]
    return rows, next_cursor


def topics(*, status="", language="nl", cursor=None, limit=20):
    rows = Topic.objects.all()
    if status:
        rows = rows.filter(status=status)
    rows, next_cursor = page_of(rows, cursor=cursor, limit=limit)
    with translation.override(language):
        with_translations(rows)
    return rows, next_cursor


def _pages(model, *, language, updated_since, filters):
    rows = model.objects.live().public().select_related("locale", *filters.pop("related"))
    if language:
        rows = rows.filter(locale__language_code=language)
    if updated_since:
        rows = rows.filter(last_published_at__gte=updated_since)
    for condition in filters.pop("conditions"):
        rows = rows.filter(condition)
    return rows


def reports(
    *,
    date_from=None,
    date_to=None,
    organisation="",
    topic="",
    language="",
    updated_since=None,
    cursor=None,
    limit=20,
):
    """Live public reports; dates are the meeting's."""
    conditions = []
    if organisation:
        conditions.append(Q(publisher__slug=organisation) | Q(meeting__host__slug=organisation))
    if topic:
        conditions.append(Q(meeting__topic__slug=topic))
    rows = _pages(
        ReportPage,
        language=language,
        updated_since=updated_since,
        filters={"related": ("meeting", "publisher"), "conditions": conditions},
    )
    rows = _dates(rows, "meeting__date", date_from, date_to)
    return page_of(rows, cursor=cursor, limit=limit)


def practices(
    *,
    organisation="",
    topic="",
    status="",
    language="",
    updated_since=None,
    cursor=None,
    limit=20,
):
    """Live public practices with their topics and how many organisations took them up."""
    conditions = []
    if organisation:
        conditions.append(Q(municipality__slug=organisation))
    if topic:
        conditions.append(
            Q(
                pk__in=PracticePage.topics.through.objects.filter(topic__slug=topic).values(
                    "practicepage_id"
                )
            )
        )
    if status:
        conditions.append(Q(status=status))
    rows = _pages(
        PracticePage,
        language=language,
        updated_since=updated_since,
        filters={"related": ("municipality", "contact"), "conditions": conditions},
    )
    rows = rows.annotate(reuse_count=Count("reuses", distinct=True)).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.all())
    )
    return page_of(rows, cursor=cursor, limit=limit)


def programmes(*, language="nl", cursor=None, limit=20):
    """Programmes with their name in ``language`` and how many of their meetings are published."""
    published = published_meetings().filter(programme=OuterRef("pk"))
    rows = Programme.objects.annotate(
        published_meetings=Subquery(
            published.order_by().values("programme").annotate(n=Count("pk")).values("n")
        )
    )
    rows, next_cursor = page_of(rows, cursor=cursor, limit=limit)
    with translation.override(language):
        with_translations(rows)
    return rows, next_cursor


def editions(*, language="", updated_since=None, cursor=None, limit=20):
    """Live public editions of the magazine."""
    rows = live_editions().select_related("locale")
    if language:
        rows = rows.filter(locale__language_code=language)
    if updated_since:
        rows = rows.filter(last_published_at__gte=updated_since)
    return page_of(rows, cursor=cursor, limit=limit)


def articles(*, language="", updated_since=None, topic="", cursor=None, limit=20):
    """Articles readers may see (in a live edition), with their edition's id, authors, topics."""
    rows = visible_articles().select_related("locale")
    if language:
        rows = rows.filter(locale__language_code=language)
    if updated_since:
        rows = rows.filter(last_published_at__gte=updated_since)
    if topic:
        rows = rows.filter(topics__slug=topic)
    rows = rows.annotate(
        edition_id=Subquery(EditionPage.objects.filter(path=_parent_path()).values("pk")[:1])
    ).prefetch_related(
        Prefetch(
            "authors",
            queryset=ArticleAuthor.objects.select_related("person").order_by("sort_order", "pk"),
        ),
        Prefetch("topics", queryset=Topic.objects.all()),
    )
    return page_of(rows, cursor=cursor, limit=limit)


def commitments(*, action_plan=None, ours=None, language="nl", cursor=None, limit=20):
    """Commitments of the action plans with their milestones and progress, as their public pages
    show them, in ``language`` where translated."""
    rows = Commitment.objects.select_related("action_plan", "lead_institution")
    if action_plan:
        rows = rows.filter(action_plan_id=action_plan)
    if ours is not None:
        rows = rows.filter(is_ours=ours)
    rows, next_cursor = page_of(rows, cursor=cursor, limit=limit)
    milestones = list(
        Milestone.objects.filter(commitment__in=rows).order_by("starts_on", "number", "pk")
    )
    progress = milestones_progress(milestones)
    with translation.override(language):
        with_translations(rows)
        with_translations(milestones)
    by_commitment: dict[int, list] = {}
    for milestone in milestones:
        milestone.api_progress = progress[milestone.pk]
        by_commitment.setdefault(milestone.commitment_id, []).append(milestone)
    for commitment in rows:
        commitment.api_milestones = by_commitment.get(commitment.pk, [])
    return rows, next_cursor


def indicators(*, language="nl", cursor=None, limit=20):
    """Public indicators with their history as the results page shows it (months, and the last
    days), names in ``language`` where translated."""
    rows, next_cursor = page_of(public_indicators(), cursor=cursor, limit=limit)
    with translation.override(language):
        return results_of(rows), next_cursor


def people(*, organisation="", cursor=None, limit=20):
    """Public profiles only (their owners consented), with their organisation where everyone may
    see it (approved); nothing but what an organisation's page shows of them."""
    rows = (
        Person.objects.filter(public_profile=True)
        .select_related("organisation")
        .only(
            "name",
            "job_title",
            "role",
            "organisation__name",
            "organisation__slug",
            "organisation__is_approved",
        )
    )
    if organisation:
        rows = rows.filter(organisation__in=approved_organisations().filter(slug=organisation))
    return page_of(rows, cursor=cursor, limit=limit)


def nominations(*, cursor=None, limit=20):
    """Nominations the coordinators accepted (turned into a practice), with that practice where
    it is live and public. The nominator's name and address are never read."""
    rows = (
        Nomination.objects.filter(status=Nomination.Status.ACCEPTED)
        .only("title", "municipality_name", "description", "link", "created_at", "practice_id")
        .prefetch_related(
            Prefetch(
                "practice",
                queryset=PracticePage.objects.live().public().select_related("locale"),
            )
        )
    )
    return page_of(rows, cursor=cursor, limit=limit)


def survey_results(*, group_by=None, language="nl", cursor=None, limit=20):
    """Surveys whose results are published, each with its results as its public results page
    shows them (groups under five hidden, never a written answer)."""
    rows, next_cursor = page_of(
        Survey.objects.filter(results_published=True), cursor=cursor, limit=limit
    )
    results = published_results(rows, group_by=group_by, language=language)
    return results, next_cursor
