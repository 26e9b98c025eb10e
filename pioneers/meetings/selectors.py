"""Reads for meetings: the lists, one meeting with its places left, guest lists, attendance."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from pioneers.core.cache import cached
from pioneers.core.languages import current_language
from pioneers.core.roles import is_coordinator
from pioneers.core.translations import default_language, with_translations
from pioneers.meetings.models import AgendaItem, Meeting, Programme, Registration
from pioneers.meetings.rules import attends_members_meetings, hosts
from pioneers.network.models import Organisation, Person
from pioneers.topics.models import Topic


def with_topic(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their topic's name in the reader's language, in one query for all."""
    return meetings.prefetch_related(Prefetch("topic", queryset=Topic.objects.all()))


def _published() -> QuerySet[Meeting]:
    return with_topic(
        Meeting.objects.filter(live=True).select_related("host", "guest_chair", "programme")
    )


def published_meetings() -> QuerySet[Meeting]:
    """Every published meeting, past and to come, with its host, chair, programme and topic (the
    open-data API's list)."""
    return _published()


def meetings_list(
    *, past: bool, topic: str = "", format: str = "", year: int | None = None
) -> QuerySet[Meeting]:
    """Published meetings to come or held; ``topic`` is a topic's slug."""
    today = timezone.localdate()
    meetings = _published()
    if past:
        meetings = meetings.filter(date__lt=today).order_by("-date", "-start_time")
    else:
        meetings = meetings.filter(date__gte=today).order_by("date", "start_time")
    if topic:
        meetings = meetings.filter(topic__slug=topic)
    if format:
        meetings = meetings.filter(format=format)
    if year:
        meetings = meetings.filter(date__year=year)
    return meetings.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed"))
    )


def filter_choices() -> dict:
    """Topics (by label) and years that published meetings have, for the filter form.

    Which ones is cached; the topics' names are read in the reader's language.
    """
    choices = cached("meetings:filter-choices", _filter_choices, tags=["meetings"])
    topics = Topic.objects.filter(pk__in=choices["topic_ids"])
    return {"topics": sorted(topics, key=lambda t: t.label.lower()), "years": choices["years"]}


def _filter_choices() -> dict:
    meetings = Meeting.objects.filter(live=True)
    topic_ids = sorted(set(meetings.exclude(topic=None).values_list("topic", flat=True)))
    years = sorted({d.year for d in meetings.dates("date", "year")}, reverse=True)
    return {"topic_ids": topic_ids, "years": years}


def topic_choices() -> list[Topic]:
    """Every topic a meeting can be about, by its name in the reader's language."""
    return sorted(Topic.objects.originals(), key=lambda t: t.label.lower())


def programme_calendars() -> list[dict]:
    """Each programme's name in the reader's language and slug, newest first, for the links to
    its calendar; cached until a programme or meeting changes."""

    def compute():
        programmes = with_translations(Programme.objects.order_by("-start_date"))
        return [{"name": p.text.name, "slug": p.slug} for p in programmes]

    return cached(f"meetings:programme-calendars:{current_language()}", compute, tags=["meetings"])


def programme_meetings(programme: Programme) -> QuerySet[Meeting]:
    return with_topic(programme.meetings.select_related("host", "guest_chair"))


def meeting_detail(slug: str, *, include_unpublished: bool = False) -> Meeting | None:
    """One meeting with its text, programme and agenda in the reader's language where
    translated (``meeting.text``, ``meeting.agenda``)."""
    meetings = with_topic(Meeting.objects.select_related("host", "guest_chair", "programme"))
    if not include_unpublished:
        meetings = meetings.filter(live=True)
    meeting = (
        meetings.prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("sort_order")),
            "materials__document",
        )
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            attended=Count(
                "registrations",
                filter=Q(
                    registrations__status="confirmed",
                    registrations__checked_in_at__isnull=False,
                ),
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if meeting is not None:
        with_translations([meeting])
        with_translations([meeting.programme])
        meeting.agenda, meeting.agenda_language = _agenda(meeting)
    return meeting


def _agenda(meeting: Meeting) -> tuple[list[AgendaItem], str]:
    """The translation's agenda where it has one, else the original's (prefetched)."""
    if meeting.text is not meeting:
        items = list(meeting.text.agenda_items.order_by("sort_order"))
        if items:
            return items, meeting.text_language
    return list(meeting.agenda_items.all()), default_language()


def places_left(meeting: Meeting) -> int:
    confirmed = getattr(meeting, "confirmed", None)
    if confirmed is None:
        confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(meeting.capacity - confirmed, 0)


def next_meeting() -> Meeting | None:
    """The first upcoming published meeting, for the home page; cached until a meeting changes.

    The date is part of the key: the next meeting changes at midnight without any write.
    """
    today = timezone.localdate().isoformat()
    return cached(
        f"meetings:next:{today}", lambda: meetings_list(past=False).first(), tags=["meetings"]
    )


def live_registration(meeting: Meeting, email: str) -> Registration | None:
    return (
        meeting.registrations.filter(email=email.lower())
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def registrations_of(user) -> QuerySet[Registration]:
    """A person's registrations: made while logged in, or anonymously with their address."""
    return Registration.objects.filter(Q(person__user=user) | Q(email=user.email.lower()))


def guest_list(meeting: Meeting) -> QuerySet[Registration]:
    return (
        meeting.registrations.select_related("person__organisation", "residence")
        .exclude(status=Registration.Status.UNCONFIRMED)
        .order_by("status", "name", "pk")
    )


def attendance_figures(meeting: Meeting) -> dict:
    return attendance_per_meeting([meeting]).get(meeting.pk) or _figures({"meeting": meeting.pk})


def attendance_per_meeting(meetings: list[Meeting]) -> dict[int, dict]:
    """Registered, waiting, cancelled, came and no-shows of many meetings, in one query."""
    rows = (
        Registration.objects.filter(meeting__in=meetings)
        .values("meeting")
        .annotate(
            confirmed=Count("pk", filter=Q(status="confirmed")),
            waitlisted=Count("pk", filter=Q(status="waitlisted")),
            cancelled=Count("pk", filter=Q(status="cancelled")),
            attended=Count("pk", filter=Q(status="confirmed", checked_in_at__isnull=False)),
        )
    )
    return {row["meeting"]: _figures(row) for row in rows}


def _figures(row: dict) -> dict:
    for name in ("confirmed", "waitlisted", "cancelled", "attended"):
        row.setdefault(name, 0)
    row["no_show"] = row["confirmed"] - row["attended"]
    row["no_show_rate"] = (
        round(100 * row["no_show"] / row["confirmed"]) if row["confirmed"] else None
    )
    return row


def _attended(prefix: str = "") -> Q:
    """A place attended: confirmed, checked in, at a meeting that was held (``prefix`` leads
    from the model queried to its registrations)."""
    return Q(
        **{
            f"{prefix}meeting__status": Meeting.Status.HELD,
            f"{prefix}status": Registration.Status.CONFIRMED,
            f"{prefix}checked_in_at__isnull": False,
        }
    )


def attendance_by_organisation(programme: Programme | None = None) -> list[Organisation]:
    """Per organisation: confirmed places and attended places over held meetings."""
    held = Q(people__registrations__meeting__status=Meeting.Status.HELD)
    if programme is not None:
        held &= Q(people__registrations__meeting__programme=programme)
    confirmed = held & Q(people__registrations__status=Registration.Status.CONFIRMED)
    return list(
        Organisation.objects.annotate(
            registered=Count("people__registrations", filter=confirmed),
            attended=Count(
                "people__registrations", filter=held & _attended("people__registrations__")
            ),
        )
        .filter(registered__gt=0)
        .order_by("-attended", "name")
    )


def attendance_per_year(organisation: Organisation) -> dict[int, int]:
    """Places of an organisation's people attended per year (numbers, never names)."""
    rows = (
        Registration.objects.filter(_attended(), person__organisation=organisation)
        .values_list("meeting__date__year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def is_network_member(person: Person | None) -> bool:
    """Members' meetings are for pioneers of a member organisation, and for the coordinators.

    A pending request to join an organisation is not enough: a coordinator decides first.
    """
    if person is None:
        return False
    return attends_members_meetings(person.user)


def registration_barrier(meeting: Meeting, user) -> str:
    """Why a user cannot register for a meeting: "" (they can), "log_in" or "members_only"."""
    if meeting.is_open_to_all:
        return ""
    if not user.is_authenticated:
        return "log_in"
    return "" if is_network_member(getattr(user, "person", None)) else "members_only"


def meeting_is_over(meeting: Meeting, now=None) -> bool:
    """A meeting is over once its day has ended (midnight, local time).

    Until then the host arranges the venue; afterwards nobody needs the guests' accessibility
    needs.
    """
    return timezone.localdate(now) > meeting.date


def can_manage(user, meeting: Meeting, now=None) -> bool:
    """Who runs the guest list and check-in.

    Coordinators always; pioneers of the host organisation until check-in closes (a day after
    the meeting by default), so they can still record who came the next morning. The needs
    disappear from their list earlier, when the meeting's day is over.
    """
    return is_coordinator(user) or hosts(user, meeting, now)


def can_see_accessibility_needs(user, meeting: Meeting, now=None) -> bool:
    """Accessibility needs are health data: only those who arrange the venue (coordinators and
    the host organisation's pioneers) see them, and only until the meeting is over."""
    return can_manage(user, meeting, now) and not meeting_is_over(meeting, now)


def can_see_guest_emails(user) -> bool:
    """The registration form promises the address is never shown to others: hosts never see
    it; coordinators, who run the platform and tell guests about changes, do."""
    return user.has_perm("meetings.see_guest_emails")
