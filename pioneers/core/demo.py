"""The demo network of the embedded profile: the 2018 Dutch pioneer network (OGP NL0037).

Everything here is demo data; no other module knows about one particular network. Loading is
idempotent: what exists already is left as it is, so edits made in the admin survive.
"""

from django.db import transaction

from pioneers.core.models import NetworkSettings, User
from pioneers.meetings.demo import load_meetings_demo
from pioneers.network.models import ContactLog, Membership, Organisation
from pioneers.network.services import municipalities_load
from pioneers.publications.demo import load_publications_demo
from pioneers.publications.magazine_demo import load_magazine_demo
from pioneers.publications.privacy import privacy_page
from pioneers.publications.services import site_tree_ensure
from pioneers.topics.demo import load_topics_demo

DEMO_PASSWORD = "pioneers-demo"  # noqa: S105 - demo accounts exist only in the embedded demo
COORDINATOR_EMAIL = "coordinator@example.org"
MEMBER_EMAIL = "member@example.org"

NETWORK = {
    "name_nl": "Pioniersnetwerk Open Overheid",
    "name_en": "Open Government Pioneer Network",
    "description_nl": (
        "Gemeenteambtenaren die hun gemeente opener maken, komen elk kwartaal samen in een "
        "ander gemeentehuis om van elkaar te leren."
    ),
    "description_en": (
        "Municipal officials who open up their municipalities meet every quarter at another "
        "town hall to learn from each other."
    ),
    "contact_email": "pioniersnetwerk@example.org",
}

HOME = {
    "nl": {
        "title": "Pioniersnetwerk Open Overheid",
        "slug": "home",
        "intro": (
            "<p>Inwoners hebben recht op informatie, maar kunnen die niet altijd vinden. Een open "
            "gemeente ontstaat niet vanzelf: er is een cultuur van openheid voor nodig, en vaak "
            "pioniers die daarmee beginnen. Dit netwerk verbindt die pioniers: ambtenaren, "
            "wethouders en raadsleden die hun gemeente opener maken.</p>"
            "<p>Elk kwartaal komen we samen in een ander gemeentehuis, met een gastvoorzitter "
            "uit een van de deelnemende gemeenten. We delen kennis en ervaringen, werken samen "
            "aan echte vraagstukken en publiceren wat we leren, zodat niemand het wiel opnieuw "
            "hoeft uit te vinden.</p>"
        ),
        "join_heading": "Meedoen",
        "join_text": (
            "<p>Werk je bij een gemeente aan openheid en transparantie? Maak een account aan "
            "en meld je aan bij je gemeente. Is je gemeente nog geen lid, dan kun je haar "
            "aanmelden; de coördinatoren nemen dan contact met je op.</p>"
        ),
    },
    "en": {
        "title": "Open Government Pioneer Network",
        "slug": "home-en",  # a sibling of the Dutch home, so its slug differs; URLs do not show it
        "intro": (
            "<p>Residents have a right to information, but cannot always find it. An open "
            "municipality does not happen by itself: it takes a culture of openness, and often "
            "pioneers who start it. This network connects those pioneers: officials, aldermen "
            "and council members who open up their municipalities.</p>"
            "<p>Every quarter we meet at another town hall, with a guest chair from one of the "
            "member municipalities. We share knowledge and experience, work together on real "
            "cases and publish what we learn, so nobody has to reinvent the wheel.</p>"
        ),
        "join_heading": "Join",
        "join_text": (
            "<p>Do you work on openness and transparency in a municipality? Create an account "
            "and join your municipality. If your municipality is not a member yet, you can "
            "propose it; the coordinators will then get in touch with you.</p>"
        ),
    },
}

# Facts of the privacy statement: the controller is the network's lead organisation.
PRIVACY = {
    "nl": {
        "controller": "de gemeente Schiedam",
        "task": "het netwerk is een actiepunt van het Actieplan Open Overheid 2018–2020",
    },
    "en": {
        "controller": "the municipality of Schiedam",
        "task": "the network is a commitment of the Dutch Open Government action plan 2018–2020",
    },
}

PAGES = [
    {
        "menu": True,
        "footer": False,
        "nl": {
            "title": "Over het netwerk",
            "slug": "over",
            "intro": "Het Pioniersnetwerk Open Overheid is een actiepunt van het Nederlandse "
            "actieplan Open Overheid 2018–2020 (OGP-verplichting NL0037).",
            "body": "<h2>Waarom</h2><p>Een open en transparante gemeente vraagt om ambtenaren "
            "die de meerwaarde van openheid zien. Het netwerk brengt hen samen om kennis, "
            "ervaringen en goede voorbeelden uit te wisselen, samen te werken en elkaar te "
            "inspireren, zodat inwoners beter bij informatie kunnen en zich meer betrokken en "
            "gehoord voelen.</p>"
            "<h2>Hoe</h2><ul><li>Elke drie maanden een bijeenkomst, steeds op een andere "
            "locatie.</li><li>Elke bijeenkomst een eigen onderwerp en vorm: een kennissessie "
            "met een expert, een Open Overheid-lab op een echte casus, een congres met een "
            "call for papers, of eens per jaar een bijeenkomst voor inwoners in het "
            "gemeentehuis.</li><li>Elke bijeenkomst een gastvoorzitter uit een van de "
            "deelnemende gemeenten.</li><li>Van elke bijeenkomst een openbaar verslag.</li></ul>"
            "<h2>Wie</h2><p>Trekker is de gemeente Schiedam, samen met de gemeente Utrecht en "
            "het Leer- en Expertisepunt Open Overheid.</p>",
        },
        "en": {
            "title": "About the network",
            "slug": "about",
            "intro": "The Open Government Pioneer Network is a commitment of the Dutch Open "
            "Government action plan 2018–2020 (OGP commitment NL0037).",
            "body": "<h2>Why</h2><p>An open and transparent municipality needs officials who "
            "see the value of openness. The network brings them together to exchange knowledge, "
            "experience and good practice, to work together and to inspire each other, so "
            "residents get better access to information and feel more involved and heard.</p>"
            "<h2>How</h2><ul><li>A meeting every three months, each at another venue.</li>"
            "<li>Each meeting its own topic and format: a knowledge session with an expert, an "
            "open-government lab on a real case, a conference with a call for papers, or once "
            "a year a meeting for residents at city hall.</li><li>Each meeting a guest chair "
            "from one of the member municipalities.</li><li>A public report of every "
            "meeting.</li></ul><h2>Who</h2><p>The network is led by the municipality of "
            "Schiedam, with the municipality of Utrecht and the Open Government Learning and "
            "Expertise Centre.</p>",
        },
    },
    {
        "menu": False,
        "footer": True,
        **{
            language: privacy_page(
                language,
                network=NETWORK[f"name_{language}"],
                contact=NETWORK["contact_email"],
                dpo="privacy@example.org",
                **PRIVACY[language],
            )
            for language in ("nl", "en")
        },
    },
    {
        "menu": False,
        "footer": True,
        "nl": {
            "title": "Toegankelijkheidsverklaring",
            "slug": "toegankelijkheid",
            "intro": "Iedereen moet dit platform kunnen gebruiken, ook met een beperking.",
            "body": "<h2>Norm</h2><p>Dit platform streeft naar de Web Content Accessibility "
            "Guidelines (WCAG) 2.1 op niveau AA, de norm voor Nederlandse overheidswebsites. "
            "De pagina's zijn gebouwd met componenten van het NL Design System.</p>"
            "<h2>Hoe we dit controleren</h2><p>Bij elke wijziging opent een geautomatiseerde "
            "test alle openbare pagina's in een echte browser, in het Nederlands en het Engels, "
            "en controleert ze met axe op de regels van WCAG 2.1 A en AA.</p>"
            "<h2>Bekende beperkingen</h2><p>De beheeromgeving voor coördinatoren valt buiten "
            "deze controle. Een volledige handmatige toets door een onafhankelijke partij is "
            "nog niet gedaan.</p><h2>Een probleem melden</h2><p>Loop je tegen een probleem "
            "aan? Laat het ons weten via de contactpagina; we reageren binnen vijf "
            "werkdagen.</p>",
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": "Everyone must be able to use this platform, including people with a "
            "disability.",
            "body": "<h2>Standard</h2><p>This platform aims to meet the Web Content "
            "Accessibility Guidelines (WCAG) 2.1 at level AA, the standard for Dutch government "
            "websites. Its pages are built from NL Design System components.</p>"
            "<h2>How we check</h2><p>On every change an automated test opens every public page "
            "in a real browser, in Dutch and English, and checks it with axe against the WCAG "
            "2.1 A and AA rules.</p><h2>Known limitations</h2><p>The coordinators' management "
            "interface is outside this check. A full manual audit by an independent party has "
            "not been done yet.</p><h2>Report a problem</h2><p>Did you run into a problem? "
            "Tell us through the contact page; we answer within five working days.</p>",
        },
    },
    {
        "menu": False,
        "footer": True,
        "nl": {
            "title": "Open data",
            "slug": "open-data",
            "intro": "Wat het netwerk publiceert, is vrij te hergebruiken.",
            "body": "<h2>Wat</h2><p>Verslagen van bijeenkomsten, artikelen en goede "
            "voorbeelden worden openbaar gepubliceerd. Teksten mogen worden hergebruikt onder "
            "de licentie Creative Commons Naamsvermelding 4.0 (CC BY 4.0), met vermelding van "
            "het netwerk als bron.</p><h2>Persoonsgegevens</h2><p>Persoonsgegevens vallen hier "
            "niet onder: namen en rollen van deelnemers worden alleen gepubliceerd als zij daar "
            "toestemming voor gaven.</p><h2>Software</h2><p>Het platform zelf is open source "
            "onder de European Union Public Licence (EUPL) 1.2.</p>",
        },
        "en": {
            "title": "Open data",
            "slug": "open-data",
            "intro": "What the network publishes is free to reuse.",
            "body": "<h2>What</h2><p>Meeting reports, articles and practices are published "
            "openly. Texts may be reused under the Creative Commons Attribution 4.0 licence "
            "(CC BY 4.0), naming the network as the source.</p><h2>Personal data</h2><p>This "
            "does not cover personal data: names and roles of participants are published only "
            "when they consented.</p><h2>Software</h2><p>The platform itself is open source "
            "under the European Union Public Licence (EUPL) 1.2.</p>",
        },
    },
    {
        "menu": False,
        "footer": True,
        "nl": {
            "title": "Contact",
            "slug": "contact",
            "intro": "Vragen over het netwerk, een bijeenkomst of dit platform?",
            "body": "<p>Mail de coördinatoren van het netwerk via "
            '<a href="mailto:pioniersnetwerk@example.org">pioniersnetwerk@example.org</a>. '
            "We antwoorden binnen vijf werkdagen.</p><p>Het netwerk wordt getrokken door de "
            "gemeente Schiedam.</p>",
        },
        "en": {
            "title": "Contact",
            "slug": "contact",
            "intro": "Questions about the network, a meeting or this platform?",
            "body": "<p>Email the network's coordinators at "
            '<a href="mailto:pioniersnetwerk@example.org">pioniersnetwerk@example.org</a>. '
            "We answer within five working days.</p><p>The network is led by the municipality "
            "of Schiedam.</p>",
        },
    },
]

# Member municipalities of the demo network by CBS code, with the date each joined; Schiedam
# leads. Spread over all twelve provinces.
MEMBER_MUNICIPALITIES = [
    ("GM0606", "2018-09-01", True),  # Schiedam
    ("GM0344", "2018-09-01", False),  # Utrecht
    ("GM0014", "2018-09-01", False),  # Groningen
    ("GM0080", "2018-10-15", False),  # Leeuwarden
    ("GM0106", "2018-11-01", False),  # Assen
    ("GM0193", "2018-09-01", False),  # Zwolle
    ("GM0153", "2019-01-10", False),  # Enschede
    ("GM0034", "2018-09-01", False),  # Almere
    ("GM0202", "2018-12-03", False),  # Arnhem
    ("GM0268", "2018-09-01", False),  # Nijmegen
    ("GM0307", "2019-02-01", False),  # Amersfoort
    ("GM0392", "2018-09-01", False),  # Haarlem
    ("GM0479", "2019-03-18", False),  # Zaanstad
    ("GM0503", "2018-09-01", False),  # Delft
    ("GM0546", "2018-10-01", False),  # Leiden
    ("GM0687", "2019-04-01", False),  # Middelburg
    ("GM0855", "2018-09-01", False),  # Tilburg
    ("GM0772", "2018-11-20", False),  # Eindhoven
    ("GM0796", "2019-01-07", False),  # 's-Hertogenbosch
    ("GM0935", "2018-09-01", False),  # Maastricht
    ("GM0917", "2019-05-13", False),  # Heerlen
    ("GM0505", "2019-06-03", False),  # Dordrecht
]
# Other organisations: (name, slug, kind, member since or None). The civil-society
# organisations are fictional.
OTHER_ORGANISATIONS = [
    (
        "Leer- en Expertisepunt Open Overheid",
        "leer-en-expertisepunt-open-overheid",
        Organisation.Kind.EXPERTISE_CENTRE,
        "2018-09-01",
    ),
    ("Stichting Open Raad (fictief)", "stichting-open-raad", Organisation.Kind.CIVIL_SOCIETY, None),
    (
        "Burgerpanel Transparant (fictief)",
        "burgerpanel-transparant",
        Organisation.Kind.CIVIL_SOCIETY,
        None,
    ),
    ("Vereniging Inzage (fictief)", "vereniging-inzage", Organisation.Kind.CIVIL_SOCIETY, None),
]


# Fictional pioneers: (first name, last name, role, job title); every address is @example.org.
FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Carmen",
    "Daan",
    "Eline",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ivo",
    "Jasmijn",
    "Koen",
    "Lotte",
    "Mohamed",
    "Noor",
    "Olaf",
    "Priya",
    "Quinten",
    "Roos",
    "Sem",
    "Tess",
]
LAST_NAMES = ["de Vries (fictief)", "Jansen (fictief)"]
PIONEER_ROLES = [
    ("official", "Adviseur open overheid"),
    ("official", "Informatiebeheerder"),
    ("alderman", "Wethouder"),
    ("council_member", "Raadslid"),
    ("official", "Beleidsmedewerker participatie"),
    ("mayor_or_secretary", "Gemeentesecretaris"),
    ("official", "Woo-coördinator"),
    ("expert", "Onderzoeker"),
]


def _pioneers(stdout):
    from allauth.account.models import EmailAddress

    from pioneers.network.models import Person

    if Person.objects.exists():
        return
    members = [
        Organisation.objects.get(cbs_code=code) for code, _since, _lead in MEMBER_MUNICIPALITIES
    ]
    number = 0
    for last in LAST_NAMES:
        for first in FIRST_NAMES:
            role, title = PIONEER_ROLES[number % len(PIONEER_ROLES)]
            email = f"{first.lower()}.{number + 1}@example.org"
            user = User.objects.create(email=email, first_name=first, last_name=last)
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            Person.objects.create(
                user=user,
                name=f"{first} {last}",
                organisation=members[number % len(members)],
                role=role,
                job_title=title,
                seniority="professional",
                public_profile=number % 3 != 0,
            )
            number += 1
    member = User.objects.get(email=MEMBER_EMAIL)
    Person.objects.create(
        user=member,
        name="Mees van de Member",
        organisation=members[0],
        role="official",
        job_title="Adviseur open overheid",
        seniority="professional",
        public_profile=True,
    )
    stdout.write(f"  people: {number} fictional pioneers and the demo member\n")


def _site_tree(stdout):
    made = site_tree_ensure(home=HOME, pages=PAGES)
    if made:
        stdout.write(f"  pages: {', '.join(made)} (in Dutch and English)\n")


def _accounts(stdout):
    from allauth.account.models import EmailAddress

    people = [
        (COORDINATOR_EMAIL, "Cora", "de Coördinator", True),
        (MEMBER_EMAIL, "Mees", "van de Member", False),
    ]
    for email, first, last, coordinator in people:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": coordinator,
                "is_superuser": coordinator,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            stdout.write(f"  account: {email}\n")


def _network(stdout):
    settings = NetworkSettings.load()
    if not settings.description_nl:
        for field, value in NETWORK.items():
            setattr(settings, field, value)
        settings.save()
    if not Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).exists():
        municipalities_load()
    by_code = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    added = 0
    for code, since, lead in MEMBER_MUNICIPALITIES:
        organisation = by_code[code]
        if not organisation.memberships.exists():
            Membership.objects.create(
                organisation=organisation,
                status=Membership.Status.MEMBER,
                is_lead=lead,
                member_since=since,
            )
            added += 1
    for name, slug, kind, since in OTHER_ORGANISATIONS:
        organisation, created = Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind}
        )
        if created and since:
            Membership.objects.create(
                organisation=organisation, status=Membership.Status.MEMBER, member_since=since
            )
        if created and kind == Organisation.Kind.CIVIL_SOCIETY:
            Membership.objects.create(
                organisation=organisation,
                status=Membership.Status.MEMBER,
                member_since="2019-01-15",
            )
            ContactLog.objects.create(
                organisation=organisation,
                date="2018-11-05",
                kind=ContactLog.Kind.CONSULTATION,
                summary="Consultatie over de onderwerpen voor 2019.",
                follow_up="Uitnodigen voor de bewonersbijeenkomst.",
            )
    if added:
        stdout.write(f"  members: {added} municipalities\n")


def demo_accounts_exist() -> bool:
    """True when the demo accounts still have the demo password (so the banner may show it)."""
    user = User.objects.filter(email=COORDINATOR_EMAIL).first()
    return user is not None and user.check_password(DEMO_PASSWORD)


@transaction.atomic
def load_demo(stdout) -> None:
    _network(stdout)
    _site_tree(stdout)
    _accounts(stdout)
    _pioneers(stdout)
    load_topics_demo()
    load_meetings_demo(stdout)
    load_publications_demo(stdout)
    load_magazine_demo(stdout)
