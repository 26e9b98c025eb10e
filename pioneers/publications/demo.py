"""Demo publications: reports of the seed's eight meetings and the knowledge base (in Dutch)."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation, Person
from pioneers.practices.models import Nomination, PracticeIndexPage, PracticePage, PracticeReuse
from pioneers.practices.services import PRACTICE_TEXT_FIELDS, text_to_rich_text
from pioneers.publications.demo_practices import PRACTICES
from pioneers.publications.models import HomePage
from pioneers.reports.models import FollowUpAction, ReportIndexPage, ReportPage
from pioneers.topics.models import Topic

INDEX = {
    "nl": {
        "title": "Verslagen",
        "slug": "verslagen",
        "intro": "Van elke bijeenkomst verschijnt een openbaar verslag: wat we leerden, wat we "
        "afspraken en wie wat oppakt.",
    },
    "en": {
        "title": "Reports",
        "slug": "reports",
        "intro": "Every meeting gets a public report: what we learned, what we agreed and who "
        "takes up what. Reports are written in Dutch.",
    },
}

KNOWLEDGE_BASE = {
    "nl": {
        "title": "Kennisbank",
        "slug": "kennisbank",
        "intro": "Wat gemeenten probeerden om opener te worden: het probleem, de aanpak, het "
        "resultaat en de lessen. Zo hoeft niemand het wiel opnieuw uit te vinden.",
    },
    "en": {
        "title": "Knowledge base",
        "slug": "knowledge-base",
        "intro": "What municipalities tried to become more open: the problem, the approach, the "
        "result and the lessons, so nobody has to reinvent the wheel. Practices are written in "
        "Dutch.",
    },
}

# Nominations waiting for the coordinators (fictional).
NOMINATIONS = [
    {
        "title": "Raadsvergadering met tolk Nederlandse Gebarentaal",
        "municipality_name": "Gemeente Assen",
        "description": "Elke raadsvergadering wordt live vertaald in gebarentaal, ook de "
        "commissievergaderingen. Doven en slechthorende inwoners kunnen zo meekijken.",
        "name": "Jan Voorbeeld",
        "email": "jan.voorbeeld@example.org",
    },
    {
        "title": "Wijkbudget dat bewoners zelf verdelen",
        "municipality_name": "Gemeente Deventer",
        "description": "Bewoners stemmen online en op papier over plannen voor hun wijk; de "
        "uitslag is bindend.",
        "name": "Fatma Voorbeeld",
        "email": "fatma.voorbeeld@example.org",
    },
]

# Per seed meeting (by slug): summary, insights, agreements, lessons, actions (action, owner).
REPORTS = {
    "2018-aftrap-wat-maakt-een-gemeente-open": (
        "De aftrap van het netwerk in Schiedam: wat verstaan we onder een open gemeente, en waar "
        "staat elke deelnemer nu?",
        "Openheid begint bij de vraag van de inwoner, niet bij de systemen van de gemeente. "
        "Bijna elke gemeente publiceert al veel, maar weinig ervan is vindbaar.",
        "Elke bijeenkomst krijgt een gastvoorzitter uit een andere gemeente. We delen wat werkt "
        "in de kennisbank.",
        "Begin klein: één proces echt open maken leert meer dan een breed plan.",
        [("Onderwerpen voor 2019 peilen onder alle leden", "Coördinatoren")],
    ),
    "2019-lab-actief-openbaar-maken": (
        "Een lab in Utrecht over actief openbaar maken, aan de hand van een echte casus van de "
        "gastgemeente.",
        "Besluiten staan verspreid over drie systemen; inwoners zoeken met andere woorden dan de "
        "gemeente gebruikt.",
        "Utrecht probeert drie maanden een overzicht per wijk. Groningen deelt zijn zoektermen.",
        "Test met inwoners voordat je bouwt.",
        [
            ("Proef overzicht per wijk", "Gemeente Utrecht"),
            ("Zoektermen delen", "Gemeente Groningen"),
        ],
    ),
    "2019-open-data-voor-de-gemeenteraad": (
        "Een kennissessie in Zwolle over open data die de gemeenteraad echt gebruikt.",
        "Raadsleden willen minder dashboards en meer antwoord op concrete vragen.",
        "Delft maakt een voorbeeldset met raadsvragen en bijbehorende data.",
        "Vraag eerst wat de raad wil weten.",
        [("Voorbeeldset raadsvragen en data", "Gemeente Delft")],
    ),
    "2019-bewonersavond-het-open-gemeentehuis": (
        "De eerste bewonersavond, in het stadhuis van Tilburg: wat willen inwoners weten en hoe "
        "vinden ze het?",
        "Inwoners vragen vooral naar hun eigen straat en wijk, en naar wie er beslist.",
        "Tilburg zet de vragen van de avond op een rij en beantwoordt ze openbaar.",
        "Een avond in het stadhuis werkt alleen als je daarna laat zien wat ermee gebeurd is.",
        [("Antwoorden op de vragen van de avond publiceren", "Gemeente Tilburg")],
    ),
    "2019-pioniersconferentie-2019": (
        "De eerste pioniersconferentie, in Arnhem, met sessies uit de call for papers over "
        "informatiehuishouding.",
        "Goede informatiehuishouding is de voorwaarde voor openheid, niet het sluitstuk.",
        "De presentaties komen in de kennisbank; Maastricht organiseert een vervolgsessie.",
        "Archivarissen en communicatie horen aan dezelfde tafel.",
        [("Presentaties in de kennisbank", "Coördinatoren")],
    ),
    "2019-lab-een-begroting-die-iedereen-snapt": (
        "Een lab in Haarlem: hoe maak je de begroting begrijpelijk voor iedereen?",
        "Inwoners begrijpen bedragen per inwoner beter dan totalen.",
        "Haarlem test een begroting in eenvoudige taal met een inwonerspanel.",
        "Schrijf voor de lezer, niet voor de accountant.",
        [("Begroting in eenvoudige taal testen", "Gemeente Haarlem")],
    ),
    "2020-algoritmes-en-transparantie": (
        "Een kennissessie in Eindhoven over transparantie van algoritmes die gemeenten gebruiken.",
        "Weinig gemeenten weten welke algoritmes ze gebruiken; een register begint met een "
        "inventarisatie.",
        "Almere en Eindhoven maken samen een opzet voor een algoritmeregister.",
        "Begin met de algoritmes die over inwoners beslissen.",
        [("Opzet algoritmeregister", "Gemeenten Almere en Eindhoven")],
    ),
    "2020-bewonersbijeenkomst-open-en-dichtbij": (
        "De tweede bewonersbijeenkomst, in Leiden: open en dichtbij.",
        "Inwoners waarderen dat de gemeente laat zien wat er met eerdere vragen is gebeurd.",
        "Leiden en Middelburg houden elk jaar een bewonersavond.",
        "Openheid is een gewoonte, geen project.",
        [("Jaarlijkse bewonersavond plannen", "Gemeenten Leiden en Middelburg")],
    ),
}


def _publish(page):
    page.save_revision().publish()


def _index_page(model, texts: dict, homes: dict):
    """A published overview page under the Dutch home, and its English translation."""
    index = model(locale=homes["nl"].locale, show_in_menus=True, **texts["nl"])
    homes["nl"].add_child(instance=index)
    _publish(index)
    if "en" in homes:
        english = index.copy_for_translation(Locale.objects.get(language_code="en"))
        for field, value in texts["en"].items():
            setattr(english, field, value)
        english.save()
        _publish(english)
    return index


def load_publications_demo(stdout) -> None:
    homes = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    if "nl" not in homes:
        return
    if not ReportIndexPage.objects.exists():
        _reports(stdout, _index_page(ReportIndexPage, INDEX, homes))
    if not PracticeIndexPage.objects.exists():
        _practices(stdout, _index_page(PracticeIndexPage, KNOWLEDGE_BASE, homes))


def _reports(stdout, index) -> None:
    meetings = Meeting.objects.in_bulk(REPORTS, field_name="slug")
    for slug, (summary, insights, agreements, lessons, actions) in REPORTS.items():
        meeting = meetings.get(slug)
        if meeting is None:
            continue
        report = ReportPage(
            title=f"Verslag: {meeting.title}",
            slug=meeting.slug,
            locale=index.locale,
            meeting=meeting,
            summary=summary,
            insights=f"<p>{insights}</p>",
            agreements=f"<p>{agreements}</p>",
            lessons=f"<p>{lessons}</p>",
        )
        for order, (action, owner) in enumerate(actions):
            report.actions.add(FollowUpAction(sort_order=order, action=action, owner=owner))
        index.add_child(instance=report)
        _publish(report)
        # The report appeared a few weeks after the meeting.
        published = timezone.make_aware(
            datetime.combine(meeting.date + timedelta(days=21), time(9))
        )
        Page.objects.filter(pk=report.pk).update(
            first_published_at=published, last_published_at=published
        )
    stdout.write(f"  reports: {len(REPORTS)} meeting reports in Dutch\n")


def _practices(stdout, index) -> None:
    """The knowledge base: practices, some taken up by other members, and open nominations."""
    municipalities = {
        o.cbs_code: o
        for o in Organisation.objects.filter(
            cbs_code__in={row["municipality"] for row in PRACTICES}
        )
    }
    topics = Topic.objects.in_bulk(field_name="slug")
    people = {}
    for person in Person.objects.select_related("organisation").order_by("pk"):
        people.setdefault(person.organisation.cbs_code if person.organisation else "", []).append(
            person
        )
    made = []
    for row in PRACTICES:
        municipality = municipalities.get(row["municipality"])
        if municipality is None:
            continue
        local = people.get(row["municipality"], [])
        contact = (
            local[row["contact"] % len(local)] if local and row["contact"] is not None else None
        )
        practice = PracticePage(
            title=row["title"],
            slug=slugify(row["title"])[:80],
            locale=index.locale,
            summary=row["summary"],
            status=row["status"],
            started_on=row["started_on"],
            municipality=municipality,
            contact=contact,
            contact_consent=contact is not None and contact.public_profile,
            **{field: text_to_rich_text(row[field]) for field in PRACTICE_TEXT_FIELDS},
            **{field: field in row["values"] for field, _label in PracticePage.VALUES},
        )
        practice.topics.set([topics[slug] for slug in row["topics"] if slug in topics])
        index.add_child(instance=practice)
        _publish(practice)
        made.append(practice)
        if row["started_on"]:
            published = timezone.make_aware(
                datetime.combine(
                    date.fromisoformat(row["started_on"]) + timedelta(days=60), time(9)
                )
            )
            Page.objects.filter(pk=practice.pk).update(
                first_published_at=published, last_published_at=published
            )
    # Members that took practices up: none to three other member municipalities each.
    takers = [group[0] for code, group in sorted(people.items()) if code]
    reuses = []
    for number, practice in enumerate(made):
        for offset in range(number % 4 if takers else 0):
            taker = takers[(number * 3 + offset * 7) % len(takers)]
            if taker.organisation_id != practice.municipality_id:
                reuses.append(
                    PracticeReuse(practice=practice, organisation=taker.organisation, person=taker)
                )
    PracticeReuse.objects.bulk_create(reuses)
    for nomination in NOMINATIONS:
        Nomination.objects.create(**nomination)
    stdout.write(
        f"  knowledge base: {len(made)} practices, {len(reuses)} taken up elsewhere, "
        f"{len(NOMINATIONS)} nominations\n"
    )
