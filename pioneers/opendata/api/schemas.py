"""What the API answers, field by field: the public fields only. No email address, phone number,
accessibility need or answer; a person's name only where they consented to it being shown."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

Language = Literal["nl", "en"]
# Times of day are local (the network's time zone, Europe/Amsterdam), as on the meeting pages.
LOCAL_TIME = Field(pattern=r"^\d\d:\d\d$", examples=["13:30"], description="Local time, HH:MM.")


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str = Field(examples=["about:blank"])
    title: str = Field(examples=["Bad Request"])
    status: int = Field(examples=[400])
    detail: str


class PageMeta(Schema):
    next_cursor: str | None = Field(
        description="Give as `cursor` for the next page; null on the last page."
    )


class MembershipOut(Schema):
    status: Literal["member", "left"]
    is_lead: bool
    member_since: date | None
    left_on: date | None


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    cbs_code: str = Field(description="CBS code of a municipality (e.g. GM0606); empty otherwise.")
    province: str | None = Field(description="Slug of the province organisation.")
    website: str
    population: int | None
    url: str
    memberships: list[MembershipOut]


class OrganisationPage(PageMeta):
    items: list[OrganisationOut]


class AgendaItemOut(Schema):
    start_time: str = LOCAL_TIME
    title: str
    speakers: str
    kind: str


class MeetingOut(Schema):
    id: int
    number: int
    title: str
    slug: str
    language: Language = Field(description="The language of title, description and agenda.")
    url: str
    programme: str = Field(description="Slug of the programme.")
    topic: str | None = Field(description="Slug of the topic.")
    format: str
    description: str
    date: date
    start_time: str = LOCAL_TIME
    end_time: str = LOCAL_TIME
    host: str | None = Field(description="Slug of the host organisation.")
    guest_chair: str | None = Field(description="Slug of the guest chair's organisation.")
    venue_name: str
    street_address: str
    postal_code: str
    city: str
    audience: str
    capacity: int
    status: str
    last_published_at: datetime | None
    agenda: list[AgendaItemOut]


class MeetingPage(PageMeta):
    items: list[MeetingOut]


class TopicOut(Schema):
    id: int
    name: str
    slug: str
    language: Language
    description: str
    status: str
    values: list[str] = Field(description="Open-government values the topic serves.")
    url: str


class TopicPage(PageMeta):
    items: list[TopicOut]


class ReportOut(Schema):
    id: int
    title: str
    language: Language
    url: str
    summary: str
    meeting: int = Field(description="Id of the meeting (see /meetings).")
    meeting_date: date
    publisher: str | None = Field(description="Slug of the publisher; null: the lead organisation.")
    information_category: str
    created_on: date | None
    first_published_at: datetime | None
    last_published_at: datetime | None


class ReportPage(PageMeta):
    items: list[ReportOut]


class PracticeOut(Schema):
    id: int
    title: str
    language: Language
    url: str
    summary: str
    status: str
    municipality: str = Field(description="Slug of the municipality.")
    topics: list[str] = Field(description="Slugs of the topics.")
    values: list[str]
    started_on: date | None
    contact_name: str | None = Field(description="Only when the contact person agreed to it.")
    reuse_count: int = Field(description="How many organisations took the practice up.")
    first_published_at: datetime | None
    last_published_at: datetime | None


class PracticePage(PageMeta):
    items: list[PracticeOut]


class ProgrammeOut(Schema):
    id: int
    name: str
    slug: str
    language: Language = Field(description="The language of the name.")
    start_date: date
    end_date: date
    cadence_months: int = Field(description="Months between meetings (3: quarterly).")
    planned_meetings: int = Field(description="How many meetings the programme plans.")
    published_meetings: int = Field(description="How many of its meetings are published.")
    url: str = Field(description="Its calendar (iCalendar).")


class ProgrammePage(PageMeta):
    items: list[ProgrammeOut]


class EditionOut(Schema):
    id: int
    title: str
    language: Language
    url: str
    number: int
    season: str
    publication_date: date
    first_published_at: datetime | None
    last_published_at: datetime | None


class EditionPage(PageMeta):
    items: list[EditionOut]


class AuthorOut(Schema):
    name: str
    affiliation: str = Field(description="A guest author's organisation; empty otherwise.")


class ArticleOut(Schema):
    id: int
    title: str
    language: Language
    url: str
    edition: int = Field(description="Id of the edition (see /magazine/editions).")
    intro: str
    authors: list[AuthorOut]
    topics: list[str] = Field(description="Slugs of the topics.")
    first_published_at: datetime | None
    last_published_at: datetime | None


class ArticlePage(PageMeta):
    items: list[ArticleOut]


class MilestoneOut(Schema):
    id: int
    number: str
    title: str
    starts_on: date = Field(description="Planned start.")
    ends_on: date = Field(description="Planned end.")
    status: str = Field(description="As the commitment's page shows it.")
    actual_start: date | None
    actual_end: date | None
    count: int | None = Field(description="What the platform counted, where it counts.")
    target: int | None


class CommitmentOut(Schema):
    id: int
    code: str
    title: str
    language: Language = Field(description="The language of title, description and milestones.")
    url: str
    action_plan: int = Field(description="Id of the action plan.")
    action_plan_title: str
    description: str
    lead_institution: str | None = Field(description="Slug of the lead organisation.")
    ogp_values: list[str]
    is_ours: bool = Field(description="A commitment of the pioneer network itself.")
    starts_on: date | None
    ends_on: date | None
    milestones: list[MilestoneOut]


class CommitmentPage(PageMeta):
    items: list[CommitmentOut]


class PointOut(Schema):
    date: date
    value: float | None


class IndicatorOut(Schema):
    id: int
    name: str
    language: Language = Field(description="The language of name and description.")
    description: str
    unit: str
    target: float
    direction: str = Field(description="at_least or at_most the target.")
    deadline: date
    status: Literal["met", "open", "missed", "empty"]
    is_computed: bool = Field(description="Counted by the platform (else entered by hand).")
    history: list[PointOut] = Field(description="The first of each month, and the last value.")


class IndicatorPage(PageMeta):
    items: list[IndicatorOut]
