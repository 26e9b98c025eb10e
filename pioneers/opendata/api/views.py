"""The public read-only API (django-ninja): one list endpoint per dataset, each cursor-paged,
filtered, cached under the tags of what it shows, and answering errors as problem details."""

import re
from datetime import UTC, date, datetime
from typing import Literal

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError
from pydantic import field_validator

from pioneers.commitments.caching import PAGE_TAGS as COMMITMENT_TAGS
from pioneers.core.cache import SITE
from pioneers.core.links import absolute_url, page_url
from pioneers.core.ogp import OGP_VALUES
from pioneers.core.translations import default_language
from pioneers.meetings.models import Format
from pioneers.network.models import Organisation
from pioneers.opendata.api import schemas
from pioneers.opendata.api import selectors as read
from pioneers.opendata.api.http import PROBLEM, cached_answer, problem
from pioneers.opendata.api.pagination import CURSOR, MAX_ID, BadCursor
from pioneers.practices.caching import NOMINATIONS
from pioneers.practices.models import PracticePage
from pioneers.surveys.caching import SURVEYS
from pioneers.topics.models import Topic

SLUG = r"^[-a-zA-Z0-9_]+$"
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
ISO_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
MAX_LIMIT = 100
ERRORS = {400: schemas.Problem, 429: schemas.Problem}


class ProblemAPI(NinjaAPI):
    """Ninja, with its error answers documented as what they are: problem details."""

    def get_openapi_schema(self, **kwargs):
        document = super().get_openapi_schema(**kwargs)
        for methods in document["paths"].values():
            for operation in methods.values():
                for status, answer in operation.get("responses", {}).items():
                    if str(status).startswith(("4", "5")) and "content" in answer:
                        answer["content"] = {PROBLEM: answer["content"]["application/json"]}
        return document


api = ProblemAPI(
    title="Pioneers open data API",
    version="1",
    description=(
        "Read-only open data of the pioneer network: organisations, programmes and meetings with "
        "their agenda, topics, reports, practices, the magazine, commitments with their "
        "milestones, indicators with their history, public profiles of pioneers, accepted "
        "nominations and published survey results. Lists are paged with a cursor; "
        "answers carry an ETag and Last-Modified and answer 304 to a revalidation; errors are "
        "RFC 9457 problem details. Data under CC0, texts under CC BY 4.0."
    ),
    urls_namespace="opendata:api",
    docs_url=None,
    openapi_url="/openapi.json",
)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    where = []
    for error in exc.errors:
        location = error.get("loc") or ()
        name = str(location[-1]) if location else ""
        if name and name not in where:
            where.append(name)
    return problem(
        400,
        gettext("Invalid value for: %(names)s.") % {"names": ", ".join(where)[:200] or "?"},
        invalid_params=[{"name": name} for name in where],
    )


@api.exception_handler(BadCursor)
def _bad_cursor(request, exc):
    return problem(400, str(exc), invalid_params=[{"name": "cursor"}])


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem(404, gettext("Not found."))


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return problem(exc.status_code, str(exc))


class Page(Schema):
    cursor: str | None = Field(
        None, pattern=CURSOR, description="The `next_cursor` of the page before (opaque)."
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Rows per page (at most 100).")


def choice(choices):
    """A parameter taking one of a model's choices, described inline in the document."""
    return Literal[tuple(choices.values)]


class Updated(Schema):
    updated_since: datetime | None = Field(
        None, description="Only rows published or changed at or after this moment (ISO 8601)."
    )

    @field_validator("updated_since", mode="before")
    @classmethod
    def _iso_datetime_only(cls, value):
        # Pydantic would also take a number of seconds; the document promises a date-time.
        if value is not None and not (isinstance(value, str) and ISO_DATETIME.match(value)):
            raise ValueError("not an ISO 8601 date-time")
        return value

    @field_validator("updated_since")
    @classmethod
    def _in_utc(cls, value):
        # PostgreSQL refuses offsets beyond ±15:59 (Python takes up to ±23:59): compare in UTC.
        if value is None or value.tzinfo is None:
            return value
        try:
            return value.astimezone(UTC)
        except OverflowError as error:
            raise ValueError("out of range") from error


class Dates(Schema):
    date_from: date | None = Field(None, description="On or after this date (YYYY-MM-DD).")
    date_to: date | None = Field(None, description="On or before this date (YYYY-MM-DD).")

    @field_validator("date_from", "date_to", mode="before")
    @classmethod
    def _iso_date_only(cls, value):
        # Pydantic would also take a number of seconds; the document promises a date.
        if value is not None and not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
            raise ValueError("not an ISO 8601 date")
        return value


class OrganisationFilters(Page):
    kind: choice(Organisation.Kind) | None = None
    province: str | None = Field(None, max_length=200, pattern=SLUG, description="Its slug.")
    member: bool | None = Field(None, description="Member of the network now (true/false).")


class MeetingFilters(Page, Dates, Updated):
    organisation: str | None = Field(
        None, max_length=200, pattern=SLUG, description="Slug of the host or chair organisation."
    )
    topic: str | None = Field(None, max_length=200, pattern=SLUG, description="Topic slug.")
    format: choice(Format) | None = None
    lang: schemas.Language = Field(
        "nl", description="Language of the texts; the original where not translated."
    )


class TopicFilters(Page):
    status: choice(Topic.Status) | None = None
    lang: schemas.Language = Field("nl", description="Language of the texts.")


class ReportFilters(Page, Dates, Updated):
    organisation: str | None = Field(
        None, max_length=200, pattern=SLUG, description="Slug of the publisher or host."
    )
    topic: str | None = Field(None, max_length=200, pattern=SLUG, description="Topic slug.")
    lang: schemas.Language | None = Field(None, description="Only reports in this language.")


class PracticeFilters(Page, Updated):
    organisation: str | None = Field(
        None, max_length=200, pattern=SLUG, description="Slug of the municipality."
    )
    topic: str | None = Field(None, max_length=200, pattern=SLUG, description="Topic slug.")
    status: choice(PracticePage.Status) | None = None
    lang: schemas.Language | None = Field(None, description="Only practices in this language.")


class ProgrammeFilters(Page):
    lang: schemas.Language = Field("nl", description="Language of the names.")


class EditionFilters(Page, Updated):
    lang: schemas.Language | None = Field(None, description="Only editions in this language.")


class ArticleFilters(Page, Updated):
    topic: str | None = Field(None, max_length=200, pattern=SLUG, description="Topic slug.")
    lang: schemas.Language | None = Field(None, description="Only articles in this language.")


class CommitmentFilters(Page):
    action_plan: int | None = Field(None, ge=1, le=MAX_ID, description="Id of the action plan.")
    ours: bool | None = Field(None, description="Only the network's own (true) or others'.")
    lang: schemas.Language = Field("nl", description="Language of the texts.")


class IndicatorFilters(Page):
    lang: schemas.Language = Field("nl", description="Language of the texts.")


def _parameters(filters) -> set[str]:
    return set(filters.model_fields)


def _values(obj) -> list[str]:
    """The open-government values (field names, the same in every language) an object serves."""
    return [field for field, _label in OGP_VALUES if getattr(obj, field)]


def _value(chosen) -> str:
    return chosen or ""


@api.get(
    "/organisations",
    response={200: schemas.OrganisationPage, **ERRORS},
    summary="Organisations and their memberships",
    tags=["network"],
)
@decorate_view(cached_answer(tags={"network"}, parameters=_parameters(OrganisationFilters)))
def organisations(request, filters: Query[OrganisationFilters]):
    """Approved organisations (municipalities, provinces, partners) with their memberships of
    the network (member, left)."""
    rows, next_cursor = read.organisations(
        kind=_value(filters.kind),
        province=filters.province or "",
        member=filters.member,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    with translation.override(default_language()):
        items = [
            {
                "id": o.pk,
                "name": o.name,
                "slug": o.slug,
                "kind": o.kind,
                "cbs_code": o.cbs_code or "",
                "province": o.province.slug if o.province else None,
                "website": o.website,
                "population": o.population,
                "url": absolute_url(o.get_absolute_url()),
                "memberships": [
                    {
                        "status": m.status,
                        "is_lead": m.is_lead,
                        "member_since": m.member_since,
                        "left_on": m.left_on,
                    }
                    for m in o.public_memberships
                ],
            }
            for o in rows
        ]
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/meetings",
    response={200: schemas.MeetingPage, **ERRORS},
    summary="Meetings with their agenda",
    tags=["meetings"],
)
@decorate_view(cached_answer(tags={"meetings", SITE}, parameters=_parameters(MeetingFilters)))
def meetings(request, filters: Query[MeetingFilters]):
    """Published meetings, past and to come, each with its agenda."""
    rows, next_cursor = read.meetings(
        date_from=filters.date_from,
        date_to=filters.date_to,
        organisation=filters.organisation or "",
        topic=filters.topic or "",
        format=_value(filters.format),
        updated_since=filters.updated_since,
        language=filters.lang,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    items = []
    with translation.override(filters.lang):
        for m in rows:
            text = m.text
            items.append(
                {
                    "id": m.pk,
                    "number": m.number,
                    "title": text.title,
                    "slug": m.slug,
                    "language": m.api_language,
                    "url": absolute_url(m.get_absolute_url()),
                    "programme": m.programme.slug,
                    "topic": m.topic.slug if m.topic else None,
                    "format": m.format,
                    "description": text.description,
                    "date": m.date,
                    "start_time": m.start_time.strftime("%H:%M"),
                    "end_time": m.end_time.strftime("%H:%M"),
                    "host": m.host.slug if m.host else None,
                    "guest_chair": m.guest_chair.slug if m.guest_chair else None,
                    "venue_name": m.venue_name,
                    "street_address": m.street_address,
                    "postal_code": m.postal_code,
                    "city": m.city,
                    "audience": m.audience,
                    "capacity": m.capacity,
                    "status": m.status,
                    "last_published_at": m.last_published_at,
                    "agenda": [
                        {
                            "start_time": a.start_time.strftime("%H:%M"),
                            "title": a.title,
                            "speakers": a.speakers,
                            "kind": a.kind,
                        }
                        for a in m.api_agenda
                    ],
                }
            )
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/topics",
    response={200: schemas.TopicPage, **ERRORS},
    summary="Topics",
    tags=["topics"],
)
@decorate_view(cached_answer(tags={SITE}, parameters=_parameters(TopicFilters)))
def topics(request, filters: Query[TopicFilters]):
    """The topics meetings, practices and articles are about."""
    rows, next_cursor = read.topics(
        status=_value(filters.status),
        language=filters.lang,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    items = []
    with translation.override(filters.lang):
        for t in rows:
            text = t.text
            items.append(
                {
                    "id": t.pk,
                    "name": text.name,
                    "slug": t.slug,
                    "language": filters.lang if text is not t else default_language()[:2],
                    "description": text.description,
                    "status": t.status,
                    "values": _values(t),
                    "url": absolute_url(t.get_absolute_url()),
                }
            )
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/reports",
    response={200: schemas.ReportPage, **ERRORS},
    summary="Meeting reports",
    tags=["reports"],
)
@decorate_view(cached_answer(tags={SITE}, parameters=_parameters(ReportFilters)))
def reports(request, filters: Query[ReportFilters]):
    """Published reports of meetings, in Dutch and English; dates filter on the meeting's date."""
    rows, next_cursor = read.reports(
        date_from=filters.date_from,
        date_to=filters.date_to,
        organisation=filters.organisation or "",
        topic=filters.topic or "",
        language=filters.lang or "",
        updated_since=filters.updated_since,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    items = [
        {
            "id": r.pk,
            "title": r.title,
            "language": r.locale.language_code[:2],
            "url": page_url(r),
            "summary": r.summary,
            "meeting": r.meeting_id,
            "meeting_date": r.meeting.date,
            "publisher": r.publisher.slug if r.publisher else None,
            "information_category": r.information_category,
            "created_on": r.created_on,
            "first_published_at": r.first_published_at,
            "last_published_at": r.last_published_at,
        }
        for r in rows
    ]
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/practices",
    response={200: schemas.PracticePage, **ERRORS},
    summary="Practices and their reuse",
    tags=["practices"],
)
@decorate_view(cached_answer(tags={SITE}, parameters=_parameters(PracticeFilters)))
def practices(request, filters: Query[PracticeFilters]):
    """The knowledge base: what municipalities did, and how many others took it up."""
    rows, next_cursor = read.practices(
        organisation=filters.organisation or "",
        topic=filters.topic or "",
        status=_value(filters.status),
        language=filters.lang or "",
        updated_since=filters.updated_since,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    items = [
        {
            "id": p.pk,
            "title": p.title,
            "language": p.locale.language_code[:2],
            "url": page_url(p),
            "summary": p.summary,
            "status": p.status,
            "municipality": p.municipality.slug,
            "topics": [t.slug for t in p.topics.all()],
            "values": _values(p),
            "started_on": p.started_on,
            "contact_name": p.contact.name if p.contact_consent and p.contact else None,
            "reuse_count": p.reuse_count,
            "first_published_at": p.first_published_at,
            "last_published_at": p.last_published_at,
        }
        for p in rows
    ]
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/programmes",
    response={200: schemas.ProgrammePage, **ERRORS},
    summary="Meeting programmes",
    tags=["meetings"],
)
@decorate_view(cached_answer(tags={"meetings"}, parameters=_parameters(ProgrammeFilters)))
def programmes(request, filters: Query[ProgrammeFilters]):
    """Series of meetings over a period, with how many meetings they plan and have published."""
    rows, next_cursor = read.programmes(
        language=filters.lang, cursor=filters.cursor, limit=filters.limit
    )
    items = []
    with translation.override(filters.lang):
        for p in rows:
            text = p.text
            url = reverse("meetings:programme_ics", kwargs={"slug": p.slug})
            items.append(
                {
                    "id": p.pk,
                    "name": text.name,
                    "slug": p.slug,
                    "language": filters.lang if text is not p else default_language()[:2],
                    "start_date": p.start_date,
                    "end_date": p.end_date,
                    "cadence_months": p.cadence_months,
                    "planned_meetings": p.planned_meetings,
                    "published_meetings": p.published_meetings or 0,
                    "url": absolute_url(url),
                }
            )
    return {"items": items, "next_cursor": next_cursor}


def _page_fields(page) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "language": page.locale.language_code[:2],
        "url": page_url(page),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


@api.get(
    "/magazine/editions",
    response={200: schemas.EditionPage, **ERRORS},
    summary="Magazine editions",
    tags=["magazine"],
)
@decorate_view(cached_answer(tags={SITE}, parameters=_parameters(EditionFilters)))
def editions(request, filters: Query[EditionFilters]):
    """Published editions of the network's magazine."""
    rows, next_cursor = read.editions(
        language=filters.lang or "",
        updated_since=filters.updated_since,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    items = [
        {
            **_page_fields(e),
            "number": e.number,
            "season": e.season,
            "publication_date": e.publication_date,
        }
        for e in rows
    ]
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/magazine/articles",
    response={200: schemas.ArticlePage, **ERRORS},
    summary="Magazine articles",
    tags=["magazine"],
)
@decorate_view(cached_answer(tags={SITE}, parameters=_parameters(ArticleFilters)))
def articles(request, filters: Query[ArticleFilters]):
    """Published articles of published editions, with their authors' names and topics."""
    rows, next_cursor = read.articles(
        language=filters.lang or "",
        updated_since=filters.updated_since,
        topic=filters.topic or "",
        cursor=filters.cursor,
        limit=filters.limit,
    )
    items = [
        {
            **_page_fields(a),
            "edition": a.edition_id,
            "intro": a.intro,
            "authors": [
                {"name": author.name, "affiliation": "" if author.person_id else author.affiliation}
                for author in a.authors.all()
            ],
            "topics": [t.slug for t in a.topics.all()],
        }
        for a in rows
    ]
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/commitments",
    response={200: schemas.CommitmentPage, **ERRORS},
    summary="Commitments and their milestones",
    tags=["commitments"],
)
# As a commitment's page: its progress counts meetings, reports and indicators. (A milestone
# following a survey moves when the survey closes; that change reaches the list within the hour
# the cache keeps it.)
@decorate_view(cached_answer(tags=set(COMMITMENT_TAGS), parameters=_parameters(CommitmentFilters)))
def commitments(request, filters: Query[CommitmentFilters]):
    """Commitments of the open government action plans, each with its milestones: planned and
    actual dates and progress, as the commitment pages show them."""
    rows, next_cursor = read.commitments(
        action_plan=filters.action_plan,
        ours=filters.ours,
        language=filters.lang,
        cursor=filters.cursor,
        limit=filters.limit,
    )
    items = []
    with translation.override(filters.lang):
        for c in rows:
            text = c.text
            items.append(
                {
                    "id": c.pk,
                    "code": c.code,
                    "title": text.title,
                    "language": filters.lang if text is not c else default_language()[:2],
                    "url": absolute_url(c.get_absolute_url()),
                    "action_plan": c.action_plan_id,
                    "action_plan_title": c.action_plan.title,
                    "description": text.description,
                    "lead_institution": c.lead_institution.slug if c.lead_institution else None,
                    "ogp_values": list(c.ogp_values or []),
                    "is_ours": c.is_ours,
                    "starts_on": c.starts_on,
                    "ends_on": c.ends_on,
                    "milestones": [
                        {
                            "id": m.pk,
                            "number": m.number,
                            "title": m.text.title,
                            "starts_on": m.starts_on,
                            "ends_on": m.ends_on,
                            "status": m.api_progress.status,
                            "actual_start": m.api_progress.actual_start,
                            "actual_end": m.api_progress.actual_end,
                            "count": m.api_progress.count,
                            "target": m.api_progress.target,
                        }
                        for m in c.api_milestones
                    ],
                }
            )
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/indicators",
    response={200: schemas.IndicatorPage, **ERRORS},
    summary="Indicators and their history",
    tags=["evaluation"],
)
@decorate_view(cached_answer(tags={"evaluation"}, parameters=_parameters(IndicatorFilters)))
def indicators(request, filters: Query[IndicatorFilters]):
    """The network's public indicators with their targets and recorded values, as the results
    page shows them."""
    rows, next_cursor = read.indicators(
        language=filters.lang, cursor=filters.cursor, limit=filters.limit
    )
    items = [
        {
            "id": r.pk,
            "name": r.name,
            "language": (r.name_language or default_language())[:2],
            "description": r.description,
            "unit": r.unit,
            "target": r.target,
            "direction": r.direction,
            "deadline": r.deadline,
            "status": r.status,
            "is_computed": r.is_computed,
            "history": [{"date": day, "value": value} for day, value in r.points],
        }
        for r in rows
    ]
    return {"items": items, "next_cursor": next_cursor}


# The query parameters each endpoint reads, by its path (the hostile-URL walk in the tests).
QUERY_PARAMETERS = {
    "organisations": _parameters(OrganisationFilters),
    "meetings": _parameters(MeetingFilters),
    "topics": _parameters(TopicFilters),
    "reports": _parameters(ReportFilters),
    "practices": _parameters(PracticeFilters),
    "programmes": _parameters(ProgrammeFilters),
    "magazine/editions": _parameters(EditionFilters),
    "magazine/articles": _parameters(ArticleFilters),
    "commitments": _parameters(CommitmentFilters),
    "indicators": _parameters(IndicatorFilters),
}


# --- people, nominations and survey results (issue 17) -----------------------------------------


class PersonFilters(Page):
    organisation: str | None = Field(
        None, max_length=200, pattern=SLUG, description="Slug of the organisation."
    )
    lang: schemas.Language = Field("nl", description="Language of the roles' names and pages.")


class NominationFilters(Page):
    pass


class SurveyResultFilters(Page):
    by: Literal["organisation", "province", "role"] | None = Field(
        None,
        description="Also the figures per group, as the results page shows them per "
        "organisation, province or role (groups under five respondents left out).",
    )
    lang: schemas.Language = Field("nl", description="Language of the texts.")


@api.get(
    "/people",
    response={200: schemas.PersonPage, **ERRORS},
    summary="Public profiles of pioneers",
    tags=["network"],
)
# A profile's consent, name or role (a person's change) and its organisation's name or approval
# all move "network".
@decorate_view(cached_answer(tags={"network"}, parameters=_parameters(PersonFilters)))
def people(request, filters: Query[PersonFilters]):
    """Pioneers who chose a public profile, with what their organisation's page shows of them:
    name, role and job title. Never an email address, phone number or photo."""
    rows, next_cursor = read.people(
        organisation=filters.organisation or "", cursor=filters.cursor, limit=filters.limit
    )
    items = []
    with translation.override(filters.lang):
        for p in rows:
            public = p.organisation if p.organisation and p.organisation.is_approved else None
            items.append(
                {
                    "id": p.pk,
                    "name": p.name,
                    "role": {"code": p.role, "label": str(p.get_role_display())},
                    "job_title": p.job_title,
                    "organisation": {"id": public.pk, "name": public.name, "slug": public.slug}
                    if public
                    else None,
                    "url": absolute_url(public.get_absolute_url()) if public else None,
                }
            )
    return {"items": items, "next_cursor": next_cursor}


@api.get(
    "/nominations",
    response={200: schemas.NominationPage, **ERRORS},
    summary="Accepted nominations",
    tags=["practices"],
)
@decorate_view(cached_answer(tags={NOMINATIONS, SITE}, parameters=_parameters(NominationFilters)))
def nominations(request, filters: Query[NominationFilters]):
    """Initiatives nominated through the public form that the coordinators accepted for the
    knowledge base, with the practice they became once it is published. Never the nominator's
    name or email address."""
    rows, next_cursor = read.nominations(cursor=filters.cursor, limit=filters.limit)
    items = [
        {
            "id": n.pk,
            "title": n.title,
            "municipality_name": n.municipality_name,
            "description": n.description,
            "link": n.link,
            "created_at": n.created_at,
            "practice": {
                "id": n.practice.pk,
                "title": n.practice.title,
                "url": page_url(n.practice),
            }
            if n.practice
            else None,
        }
        for n in rows
    ]
    return {"items": items, "next_cursor": next_cursor}


def _options(rows) -> list[dict]:
    return [
        {"number": r.number, "label": str(r.label), "count": r.count, "percent": r.percent}
        for r in rows
    ]


def _figures(result) -> dict:
    """A question's (or a group's) figures as the results page shows them: no written answer."""
    return {
        "n": result.n,
        "mean": result.mean,
        "minimum": None if result.minimum is None else float(result.minimum),
        "maximum": None if result.maximum is None else float(result.maximum),
        "options": _options(result.rows),
        "statements": [
            {"label": str(s.label), "n": s.n, "mean": s.mean, "options": _options(s.rows)}
            for s in result.items
        ],
    }


@api.get(
    "/survey-results",
    response={200: schemas.SurveyResultPage, **ERRORS},
    summary="Published survey results",
    tags=["evaluation"],
)
# Organisations' and provinces' names label the groups ("network").
@decorate_view(
    cached_answer(tags={SURVEYS, "network"}, parameters=_parameters(SurveyResultFilters))
)
def survey_results(request, filters: Query[SurveyResultFilters]):
    """Surveys whose results are published, with their figures per question as their results
    pages show them to everyone: nothing under five respondents, no written answers."""
    rows, next_cursor = read.survey_results(
        group_by=filters.by, language=filters.lang, cursor=filters.cursor, limit=filters.limit
    )
    items = []
    with translation.override(filters.lang):
        for r in rows:
            survey, title = r.survey, r.survey.localized_title
            url = reverse("survey_results:results", kwargs={"slug": survey.slug})
            items.append(
                {
                    "id": survey.pk,
                    "title": str(title),
                    "slug": survey.slug,
                    "language": title.language,
                    "url": absolute_url(url),
                    "opens_at": survey.opens_at,
                    "closes_at": survey.closes_at,
                    "respondents": r.respondents,
                    "shown": r.shown,
                    "groups_hidden": r.groups_hidden if filters.by else 0,
                    "questions": [
                        {
                            "code": q.question.code,
                            "text": str(q.text),
                            "kind": q.kind,
                            **_figures(q),
                            "groups": [
                                {
                                    "key": "" if g.key is None else str(g.key),
                                    "label": g.label,
                                    "respondents": g.respondents,
                                    **_figures(g.result),
                                }
                                for g in q.groups
                            ],
                        }
                        for q in r.questions
                    ],
                }
            )
    return {"items": items, "next_cursor": next_cursor}


QUERY_PARAMETERS.update(
    {
        "people": _parameters(PersonFilters),
        "nominations": _parameters(NominationFilters),
        "survey-results": _parameters(SurveyResultFilters),
    }
)
