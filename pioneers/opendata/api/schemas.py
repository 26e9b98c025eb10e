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


class RoleOut(Schema):
    code: str = Field(description="The role's code (e.g. official, alderman).")
    label: str = Field(description="The role's name, in the language asked for.")


class OrganisationRef(Schema):
    id: int = Field(description="Id of the organisation (see /organisations).")
    name: str = Field(description="Its name.")
    slug: str = Field(description="Its slug (the `organisation` filter takes it).")


class PersonOut(Schema):
    id: int = Field(description="Id of the profile.")
    name: str = Field(description="The name they show.")
    role: RoleOut = Field(description="Their role in the network.")
    job_title: str = Field(description="Their job title; may be empty.")
    organisation: OrganisationRef | None = Field(
        description="The organisation, when it is public (approved); null otherwise."
    )
    url: str | None = Field(
        description="The public page that shows the profile (its organisation's page); null "
        "when no public page shows it."
    )


class PersonPage(PageMeta):
    items: list[PersonOut]


class PracticeRef(Schema):
    id: int = Field(description="Id of the practice (see /practices).")
    title: str = Field(description="Its title.")
    url: str = Field(description="Its page.")


class NominationOut(Schema):
    id: int = Field(description="Id of the nomination.")
    title: str = Field(description="The initiative nominated.")
    municipality_name: str = Field(description="The municipality or organisation, as written.")
    description: str = Field(description="What makes it pioneering, as the nominator wrote it.")
    link: str = Field(description="A web address with more information; may be empty.")
    created_at: datetime = Field(description="When it was nominated.")
    practice: PracticeRef | None = Field(
        description="The practice it became, once that is published; null before."
    )


class NominationPage(PageMeta):
    items: list[NominationOut]


class OptionOut(Schema):
    number: int = Field(description="The option's number (as answers store it), from 1.")
    label: str = Field(description="The option, in the language asked for where translated.")
    count: int = Field(description="Respondents who chose it.")
    percent: float | None = Field(description="Share of those who answered the question.")


class StatementOut(Schema):
    label: str = Field(description="The statement, in the language asked for where translated.")
    n: int = Field(description="Respondents who answered the statement.")
    mean: float | None = Field(description="Average on the scale of 1 to 5.")
    options: list[OptionOut] = Field(description="Per point of the scale.")


class FiguresOut(Schema):
    n: int = Field(description="Respondents who answered the question.")
    mean: float | None = Field(description="Average (agree-or-disagree, number, matrix).")
    minimum: float | None = Field(description="Lowest answer (number questions).")
    maximum: float | None = Field(description="Highest answer (number questions).")
    options: list[OptionOut] = Field(description="Per option (choices, agree-or-disagree).")
    statements: list[StatementOut] = Field(description="Per statement (matrix).")


class GroupFiguresOut(FiguresOut):
    key: str = Field(
        description="The group: an organisation's or province's id, or a role's code; empty "
        "for responses without one."
    )
    label: str = Field(description="The group's name.")
    respondents: int = Field(description="Respondents in the group.")


class QuestionResultOut(FiguresOut):
    code: str = Field(description="The question's code; rounds share it.")
    text: str = Field(description="The question, in the language asked for where translated.")
    kind: str = Field(
        description="likert, single, multiple, number, matrix, short_text or long_text "
        "(written answers are never published: only how many answered)."
    )
    groups: list[GroupFiguresOut] = Field(
        description="Per group, with `by`; groups of fewer than five respondents are left out."
    )


class SurveyResultOut(Schema):
    id: int = Field(description="Id of the survey.")
    title: str = Field(description="Its title, in the language asked for where translated.")
    slug: str = Field(description="Its slug.")
    language: Language = Field(description="The language of the title.")
    url: str = Field(description="The survey's public results page.")
    opens_at: datetime = Field(description="When it opened for responses.")
    closes_at: datetime = Field(description="When it closes (or closed).")
    respondents: int = Field(description="Submitted responses.")
    shown: bool = Field(
        description="Whether the figures are shown: at least five respondents (else no questions)."
    )
    groups_hidden: int = Field(
        description="With `by`: groups left out for having fewer than five respondents."
    )
    questions: list[QuestionResultOut] = Field(
        description="Per question, as the results page shows it: section headings and hidden "
        "questions nobody answered left out."
    )


class SurveyResultPage(PageMeta):
    items: list[SurveyResultOut]
