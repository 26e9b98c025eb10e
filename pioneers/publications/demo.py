"""Demo publications: the reports of the seed's eight meetings (in Dutch, as they were written)."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale, Page

from pioneers.meetings.models import Meeting
from pioneers.publications.models import FollowUpAction, HomePage, ReportIndexPage, ReportPage

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


def load_publications_demo(stdout) -> None:
    if ReportIndexPage.objects.exists():
        return
    homes = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    if "nl" not in homes:
        return
    index = ReportIndexPage(locale=homes["nl"].locale, show_in_menus=True, **INDEX["nl"])
    homes["nl"].add_child(instance=index)
    _publish(index)
    if "en" in homes:
        english = index.copy_for_translation(Locale.objects.get(language_code="en"))
        for field, value in INDEX["en"].items():
            setattr(english, field, value)
        english.save()
        _publish(english)
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
