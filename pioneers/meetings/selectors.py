"""Reads for meetings: the lists, one meeting with its places left, guest lists, attendance."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from pioneers.core.cache import cached
from pioneers.meetings.models import AgendaItem, Meeting, Programme, Registration
from pioneers.network.models import Organisation


def _published() -> QuerySet[Meeting]:
    return Meeting.objects.filter(is_published=True).select_related(
        "host", "guest_chair", "programme"
    )


def meetings_list(
    *, past: bool, topic: str = "", format: str = "", year: int | None = None
) -> QuerySet[Meeting]:
    today = timezone.localdate()
    meetings = _published()
    if past:
        meetings = meetings.filter(date__lt=today).order_by("-date", "-start_time")
    else:
        meetings = meetings.filter(date__gte=today).order_by("date", "start_time")
    if topic:
        meetings = meetings.filter(topic=topic)
    if format:
        meetings = meetings.filter(format=format)
    if year:
        meetings = meetings.filter(date__year=year)
    return meetings.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed"))
    )


def filter_choices() -> dict:
    """Topics and years that published meetings have, for the filter form; cached."""
    return cached("meetings:filter-choices", _filter_choices)


def _filter_choices() -> dict:
    meetings = Meeting.objects.filter(is_published=True)
    topics = sorted(set(meetings.exclude(topic="").values_list("topic", flat=True)))
    years = sorted({d.year for d in meetings.dates("date", "year")}, reverse=True)
    return {"topics": topics, "years": years}


def meeting_detail(slug: str, *, include_unpublished: bool = False) -> Meeting | None:
    meetings = Meeting.objects.select_related("host", "guest_chair", "programme")
    if not include_unpublished:
        meetings = meetings.filter(is_published=True)
    return (
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


def places_left(meeting: Meeting) -> int:
    confirmed = getattr(meeting, "confirmed", None)
    if confirmed is None:
        confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(meeting.capacity - confirmed, 0)


def next_meeting() -> Meeting | None:
    """The first upcoming published meeting, for the home page; cached until data changes.

    The date is part of the key: the next meeting changes at midnight without any write.
    """
    today = timezone.localdate().isoformat()
    return cached(f"meetings:next:{today}", lambda: meetings_list(past=False).first())


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
                "people__registrations",
                filter=confirmed & Q(people__registrations__checked_in_at__isnull=False),
            ),
        )
        .filter(registered__gt=0)
        .order_by("-attended", "name")
    )


def can_manage(user, meeting: Meeting) -> bool:
    """Coordinators and the pioneers of the host organisation run the guest list."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    person = getattr(user, "person", None)
    return person is not None and person.organisation_id == meeting.host_id
