"""Demo meetings: the seed's 2018–2020 programme as history, and an upcoming programme.

The upcoming programme starts in the quarter after the day the demo is loaded, so the demo
never goes stale; its first meeting has registration open. The content (meetings, agendas,
topics, an illustrative venue) is in ``data/meetings.toml``. A few meetings and both programmes
have an English translation; the others show their Dutch text on the English pages.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone
from wagtail.models import Locale

from pioneers.core.slugs import slug_of
from pioneers.core.translations import translation_save
from pioneers.demo.files import read
from pioneers.meetings.models import (
    AgendaItem,
    Format,
    Meeting,
    Programme,
    ProgrammeTopic,
    Registration,
    default_times,
)
from pioneers.meetings.services import meetings_create_from_plan, plan_programme
from pioneers.network.models import Organisation, Person
from pioneers.topics.services import topic_get_or_create


def _venue(host: Organisation) -> dict:
    venue = read("meetings")["venue"]
    return {
        "venue_name": venue["name"].format(city=host.name),
        "street_address": venue["street_address"],
        "postal_code": venue["postal_code"],
        "city": host.name,
    }


def _add_agenda(meeting: Meeting) -> None:
    for order, item in enumerate(read("meetings")["agenda"][meeting.format]):
        AgendaItem.objects.create(
            meeting=meeting,
            sort_order=order,
            start_time=item["start"],
            title=item["title"],
            kind=item["kind"],
            speakers=item.get("speakers", ""),
        )


def _in_english() -> bool:
    return Locale.objects.filter(language_code="en").exists()


def _translate(meeting: Meeting, title: str) -> None:
    """The meeting's English translation, as the admin's Translate action makes it."""
    data = read("meetings")
    lab_case = (
        data["lab_case_en"] if meeting.format == Format.LAB and meeting.case_challenge else {}
    )
    translation = translation_save(
        meeting,
        language="en",
        title=title,
        venue_name=data["venue"]["name_en"].format(city=meeting.host.name),
        **lab_case,
    )
    agenda = data["agenda"][meeting.format]
    for item, row in zip(translation.agenda_items.order_by("sort_order"), agenda, strict=False):
        item.title = row["title_en"]
        item.save(update_fields=["title"])


def _topic_list(programme, names) -> None:
    """The programme's topics in this order, each once."""
    topics = dict.fromkeys(topic_get_or_create(name=name) for name in names)
    ProgrammeTopic.objects.bulk_create(
        ProgrammeTopic(programme=programme, topic=topic, sort_order=order)
        for order, topic in enumerate(topics)
    )


def _seed_programme(stdout) -> None:
    data = read("meetings")
    spec = dict(data["seed_programme"])
    name_en = spec.pop("name_en")
    if Programme.objects.filter(slug=spec["slug"]).exists():
        return
    english = _in_english()
    programme = Programme.objects.create(**spec)
    _topic_list(programme, [row["topic"] for row in data["seed_meetings"]])
    if english:
        translation_save(programme, language="en", name=name_en)
    by_code = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    people = list(Person.objects.order_by("pk"))
    for row in data["seed_meetings"]:
        number, title, fmt = row["number"], row["title"], row["format"]
        host = by_code[row["host"]]
        start, end = default_times(fmt)
        meeting = Meeting.objects.create(
            programme=programme,
            number=number,
            title=title,
            slug=slug_of(f"{row['date'].year}-{title}"),
            topic=topic_get_or_create(name=row["topic"]),
            format=fmt,
            date=row["date"],
            start_time=start,
            end_time=end,
            host=host,
            guest_chair=by_code[row["guest_chair"]],
            audience=row["audience"],
            capacity=40 if fmt != Format.CONFERENCE else 120,
            status=Meeting.Status.HELD,
            live=True,
            **_venue(host),
            **(data["lab_case"] if fmt == Format.LAB else {}),
        )
        _add_agenda(meeting)
        if english and row.get("title_en"):
            _translate(meeting, row["title_en"])
        # Attendance: a rotating group of pioneers; every fifth registration did not come.
        held_at = timezone.make_aware(datetime.combine(meeting.date, start))
        for index in range(14 + number):
            person = people[(number * 7 + index) % len(people)]
            Registration.objects.create(
                meeting=meeting,
                person=person,
                name=person.name,
                email=person.user.email,
                status=Registration.Status.CONFIRMED,
                created_at=held_at - timedelta(days=20 - index % 10),
                confirmed_at=held_at - timedelta(days=20 - index % 10),
                checked_in_at=None if index % 5 == 4 else held_at,
            )
    stdout.write(
        f"  meetings: the {programme.name} programme, {len(data['seed_meetings'])} meetings held\n"
    )


def quarter_after(day: date) -> date:
    """First day of the quarter that follows the one holding ``day``."""
    month = ((day.month - 1) // 3 + 1) * 3 + 1
    return date(day.year + (month > 12), (month - 1) % 12 + 1, 1)


def _upcoming_programme(stdout, today: date) -> None:
    if Programme.objects.filter(end_date__gte=today).exists():
        return
    start = quarter_after(today)
    programme = Programme.objects.create(
        name=f"{start.year}–{start.year + 1}",
        slug=f"{start.year}-{start.year + 1}",
        start_date=start,
        end_date=date(start.year + 2, start.month, 1) - timedelta(days=1),
        planned_meetings=8,
    )
    _topic_list(programme, read("meetings")["upcoming_topics"])
    english = _in_english()
    if english:
        translation_save(programme, language="en", name=programme.name)
    titles_en = read("meetings")["upcoming_titles_en"]
    drafts = meetings_create_from_plan(programme=programme, plan=plan_programme(programme))
    for meeting in drafts[:4]:
        for field, value in _venue(meeting.host).items():
            setattr(meeting, field, value)
        meeting.capacity = 40
        meeting.live = True
        meeting.status = Meeting.Status.CONFIRMED if meeting.number == 1 else Meeting.Status.PLANNED
        meeting.registration_opens_at = timezone.now() - timedelta(days=1)
        meeting.save()
        _add_agenda(meeting)
        if english and meeting.topic and meeting.topic.name in titles_en:
            _translate(meeting, titles_en[meeting.topic.name])
    stdout.write(f"  meetings: programme {programme.name}, first 4 of 8 planned and published\n")


def load(stdout, today: date | None = None) -> None:
    _seed_programme(stdout)
    _upcoming_programme(stdout, today or timezone.localdate())
