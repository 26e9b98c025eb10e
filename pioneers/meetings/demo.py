"""Demo meetings: the seed's 2018–2020 programme as history, and an upcoming programme.

The upcoming programme starts in the quarter after the day the demo is loaded, so the demo
never goes stale; its first meeting has registration open. Addresses are illustrative.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from pioneers.meetings.models import (
    AgendaItem,
    Format,
    Meeting,
    Programme,
    Registration,
    default_times,
)
from pioneers.network.models import Organisation, Person

# (number, date, title, topic, format, host CBS code, guest chair CBS code, audience)
SEED_MEETINGS = [
    (1, "2018-10-11", "Aftrap: wat maakt een gemeente open?", "Open overheid",
     Format.KNOWLEDGE_SESSION, "GM0606", "GM0344", "members"),
    (2, "2019-01-24", "Lab: actief openbaar maken", "Actieve openbaarmaking",
     Format.LAB, "GM0344", "GM0014", "members"),
    (3, "2019-04-11", "Open data voor de gemeenteraad", "Open data",
     Format.KNOWLEDGE_SESSION, "GM0193", "GM0503", "members"),
    (4, "2019-06-13", "Bewonersavond: het open gemeentehuis", "Participatie",
     Format.RESIDENTS, "GM0855", "GM0080", "residents"),
    (5, "2019-10-03", "Pioniersconferentie 2019", "Informatiehuishouding",
     Format.CONFERENCE, "GM0202", "GM0935", "public"),
    (6, "2019-12-12", "Lab: een begroting die iedereen snapt", "Open begroting",
     Format.LAB, "GM0392", "GM0268", "members"),
    (7, "2020-03-05", "Algoritmes en transparantie", "Algoritmes",
     Format.KNOWLEDGE_SESSION, "GM0772", "GM0034", "members"),
    (8, "2020-06-18", "Bewonersbijeenkomst: open en dichtbij", "Participatie",
     Format.RESIDENTS, "GM0546", "GM0687", "residents"),
]  # fmt: skip

UPCOMING_TOPICS = ["Woo-verzoeken sneller afhandelen", "Open raadsinformatie", "Participatie",
                   "Open data", "Algoritmeregister", "Informatiehuishouding",
                   "Open begroting", "Toegankelijke overheidsinformatie"]  # fmt: skip

AGENDA = {
    Format.KNOWLEDGE_SESSION: [
        (time(13, 30), "Welkom door de gastvoorzitter", "welcome"),
        (time(13, 45), "Inleiding door een expert", "talk", "Dr. Anna Voorbeeld (fictief)"),
        (time(14, 45), "Pauze", "break"),
        (time(15, 0), "Gesprek in groepen: wat betekent dit voor jouw gemeente?", "discussion"),
        (time(16, 30), "Afsluiting en borrel", "closing"),
    ],
    Format.LAB: [
        (time(13, 30), "Welkom en de casus van de gastgemeente", "welcome"),
        (time(14, 0), "Ontwerpsessie: het probleem verkennen", "workshop"),
        (time(15, 0), "Pauze", "break"),
        (time(15, 15), "Ontwerpsessie: ideeën en een prototype", "workshop"),
        (time(16, 30), "Presentaties en vervolgstappen", "closing"),
    ],
    Format.CONFERENCE: [
        (time(13, 30), "Opening", "welcome"),
        (time(13, 45), "Keynote", "talk", "Prof. Bas Bedacht (fictief)"),
        (time(14, 30), "Parallelle sessies uit de call for papers", "workshop"),
        (time(16, 0), "Plenaire afsluiting", "closing"),
    ],
    Format.RESIDENTS: [
        (time(19, 0), "Inloop met koffie", "welcome"),
        (time(19, 30), "Wat doet de gemeente met je informatie?", "talk", "De gastvoorzitter"),
        (time(20, 15), "Tafelgesprekken met inwoners", "discussion"),
        (time(21, 15), "Afsluiting", "closing"),
    ],
}

LAB_CASE = {
    "case_challenge": "Inwoners vinden besluiten van de gemeente niet terug op de website.",
    "case_stakeholders": "Griffie, communicatie, informatiebeheer en twee bewonersgroepen.",
    "case_insights": "Besluiten staan verspreid over drie systemen; zoektermen van inwoners "
    "zijn andere woorden dan die van de gemeente.",
    "case_ideas": "Eén overzicht per wijk; samenvattingen in eenvoudige taal.",
    "case_next_steps": "Proef van drie maanden in de gastgemeente; resultaten op de volgende "
    "bijeenkomst.",
}


def _venue(host: Organisation) -> dict:
    return {
        "venue_name": f"Stadhuis {host.name}",
        "street_address": "Markt 1",
        "postal_code": "1000 AA",
        "city": host.name,
    }


def _add_agenda(meeting: Meeting) -> None:
    for order, (start, title, kind, *speakers) in enumerate(AGENDA[meeting.format]):
        AgendaItem.objects.create(
            meeting=meeting,
            sort_order=order,
            start_time=start,
            title=title,
            kind=kind,
            speakers=", ".join(speakers),
        )


def _seed_programme(stdout) -> None:
    if Programme.objects.filter(slug="2018-2020").exists():
        return
    programme = Programme.objects.create(
        name="2018–2020",
        slug="2018-2020",
        start_date=date(2018, 10, 1),
        end_date=date(2020, 6, 30),
        planned_meetings=8,
        topics="\n".join(row[3] for row in SEED_MEETINGS),
    )
    by_code = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    people = list(Person.objects.order_by("pk"))
    for number, day, title, topic, fmt, host_code, chair_code, audience in SEED_MEETINGS:
        host = by_code[host_code]
        start, end = default_times(fmt)
        meeting = Meeting.objects.create(
            programme=programme,
            number=number,
            title=title,
            slug=slugify(f"{day[:4]}-{title}"),
            topic=topic,
            format=fmt,
            date=date.fromisoformat(day),
            start_time=start,
            end_time=end,
            host=host,
            guest_chair=by_code[chair_code],
            audience=audience,
            capacity=40 if fmt != Format.CONFERENCE else 120,
            status=Meeting.Status.HELD,
            is_published=True,
            **_venue(host),
            **(LAB_CASE if fmt == Format.LAB else {}),
        )
        _add_agenda(meeting)
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
    stdout.write("  meetings: the 2018–2020 programme, 8 meetings held\n")


def quarter_after(day: date) -> date:
    """First day of the quarter that follows the one holding ``day``."""
    month = ((day.month - 1) // 3 + 1) * 3 + 1
    return date(day.year + (month > 12), (month - 1) % 12 + 1, 1)


def _upcoming_programme(stdout, today: date) -> None:
    from pioneers.meetings.services import meetings_create_from_plan, plan_programme

    if Programme.objects.filter(end_date__gte=today).exists():
        return
    start = quarter_after(today)
    programme = Programme.objects.create(
        name=f"{start.year}–{start.year + 1}",
        slug=f"{start.year}-{start.year + 1}",
        start_date=start,
        end_date=date(start.year + 2, start.month, 1) - timedelta(days=1),
        planned_meetings=8,
        topics="\n".join(UPCOMING_TOPICS),
    )
    drafts = meetings_create_from_plan(programme=programme, plan=plan_programme(programme))
    for meeting in drafts[:4]:
        for field, value in _venue(meeting.host).items():
            setattr(meeting, field, value)
        meeting.capacity = 40
        meeting.is_published = True
        meeting.status = Meeting.Status.CONFIRMED if meeting.number == 1 else Meeting.Status.PLANNED
        meeting.registration_opens_at = timezone.now() - timedelta(days=1)
        meeting.save()
        _add_agenda(meeting)
    stdout.write(f"  meetings: programme {programme.name}, first 4 of 8 planned and published\n")


def load_meetings_demo(stdout, today: date | None = None) -> None:
    _seed_programme(stdout)
    _upcoming_programme(stdout, today or timezone.localdate())
