"""Demo magazine: two editions (Q2 2019, Q2 2020) of fictional articles, in Dutch and English.

The authors are the demo's fictional pioneers and one guest; nothing here describes real
people. Kept apart from demo.py so the reports and the magazine load independently.
"""

import io
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

# (number, season, date, title nl/en, editorial nl/en, articles)
# article: (title nl, title en, intro nl, intro en, body nl, body en, lessons nl, lessons en,
#           practice nl, practice en, topic slugs, CBS codes, meeting slug, author)
# author: an index into the demo's public pioneers, or (guest name, affiliation).
EDITIONS = [
    {
        "number": 1,
        "season": ("Q2 2019", "Q2 2019"),
        "date": date(2019, 6, 14),
        "title": ("Pioniersmagazine nr. 1", "Pioneer Magazine no. 1"),
        "editorial": (
            "<p>Een jaar na de aftrap in Schiedam laten de pioniers zien wat ze leerden. Over "
            "besluiten die je vindt zonder zoekterm van de gemeente, over raadsleden die geen "
            "dashboard willen maar een antwoord, en over een bewonersavond die pas begint als "
            "hij voorbij is.</p>",
            "<p>A year after the kick-off in Schiedam, the pioneers show what they learned. "
            "About decisions you find without the municipality's jargon, about council members "
            "who want an answer rather than a dashboard, and about a residents' evening that "
            "only starts when it is over.</p>",
        ),
        "articles": [
            (
                "Besluiten per wijk: actief openbaar maken in de praktijk",
                "Decisions by neighbourhood: proactive disclosure in practice",
                "Utrecht zette drie maanden alle collegebesluiten per wijk online. Inwoners "
                "vonden ze, collega's moesten wennen.",
                "For three months Utrecht published every executive decision by neighbourhood. "
                "Residents found them; colleagues had to get used to it.",
                "Besluiten stonden verspreid over drie systemen, elk met een eigen zoekfunctie. "
                "In het lab van januari bleek dat inwoners zoeken op hun straat, niet op een "
                "zaaknummer. Daarom kozen we voor een overzicht per wijk.\n\nDe eerste weken "
                "kostte het publiceren veel handwerk. Nu zit een wijkcode in het sjabloon van "
                "elk besluit en gaat het vanzelf.",
                "Decisions were spread over three systems, each with its own search. The lab in "
                "January showed that residents search for their street, not for a case number. "
                "So we chose an overview by neighbourhood.\n\nThe first weeks publishing took a "
                "lot of manual work. Now every decision template carries a neighbourhood code "
                "and it happens by itself.",
                "Test met inwoners voordat je bouwt.\nZet metadata in het sjabloon, niet achteraf.",
                "Test with residents before you build.\nPut metadata in the template, not "
                "afterwards.",
                "Twee adviseurs en een informatiebeheerder, drie maanden, geen nieuwe software.",
                "Two advisers and an information manager, three months, no new software.",
                ["actieve-openbaarmaking"],
                ["GM0344"],
                "2019-lab-actief-openbaar-maken",
                0,
            ),
            (
                "Wat de raad echt wil weten",
                "What the council really wants to know",
                "Raadsleden in Zwolle en Delft vroegen om minder dashboards en meer antwoorden. "
                "Een voorbeeldset van raadsvragen met data bracht ze dichterbij.",
                "Council members in Zwolle and Delft asked for fewer dashboards and more "
                "answers. A sample set of council questions with data brought them closer.",
                "We verzamelden honderd schriftelijke vragen van raadsleden uit één jaar. Bij "
                "zestig ervan bestond de data al, alleen wist niemand waar.\n\nDelft koppelde "
                "elke vraag aan een open dataset en een korte uitleg. Raadsleden gebruiken de "
                "set nu bij het voorbereiden van de begroting.",
                "We collected a hundred written questions from council members over one year. "
                "For sixty of them the data already existed; nobody knew where.\n\nDelft linked "
                "every question to an open data set and a short explanation. Council members now "
                "use the set when they prepare the budget.",
                "Begin bij de vraag, niet bij de data.\nEen uitleg van drie zinnen doet meer "
                "dan een grafiek.",
                "Start from the question, not the data.\nAn explanation of three sentences does "
                "more than a chart.",
                "Een griffiemedewerker en een data-analist, een middag per week.",
                "A council clerk and a data analyst, one afternoon a week.",
                ["open-data", "open-raadsinformatie"],
                ["GM0193", "GM0503"],
                "2019-open-data-voor-de-gemeenteraad",
                1,
            ),
            (
                "Een Woo-verzoek is ook een vraag om hulp",
                "A freedom of information request is also a call for help",
                "In Schiedam belt de Woo-coördinator elke verzoeker binnen twee dagen op. Een "
                "derde van de verzoeken is daarna sneller en eenvoudiger af te handelen.",
                "In Schiedam the FOI coordinator phones every requester within two days. A "
                "third of the requests can then be handled faster and more simply.",
                "Wie een verzoek indient, zoekt meestal iets concreets. Een telefoontje helpt "
                "om de vraag scherp te krijgen, en soms is het document al openbaar.\n\nWe "
                "houden bij wat het gesprek oplevert. Verzoeken worden kleiner, en de verzoeker "
                "weet wat hij kan verwachten.",
                "Whoever files a request is usually looking for something concrete. A phone call "
                "helps to sharpen the question, and sometimes the document is public "
                "already.\n\nWe keep track of what the call yields. Requests become smaller, and "
                "the requester knows what to expect.",
                "Bel, voordat je gaat zoeken.\nLeg vast welke documenten vaak gevraagd worden "
                "en publiceer die actief.",
                "Call before you start searching.\nRecord which documents are requested often "
                "and publish them proactively.",
                "Een kwartier per verzoek; het scheelt gemiddeld vijf uur zoekwerk.",
                "A quarter of an hour per request; it saves five hours of searching on average.",
                ["woo-verzoeken"],
                ["GM0606"],
                "",
                2,
            ),
            (
                "Na de bewonersavond begint het pas",
                "After the residents' evening the work begins",
                "Tilburg zette alle vragen van de eerste bewonersavond op een rij en "
                "beantwoordde ze openbaar. Dat antwoord bleek belangrijker dan de avond.",
                "Tilburg listed every question of the first residents' evening and answered "
                "them in public. The answers turned out to matter more than the evening.",
                "Zeventig inwoners kwamen naar het stadhuis. Ze vroegen naar hun straat, hun "
                "wijk en naar wie er eigenlijk beslist.\n\nBinnen zes weken stonden alle "
                "antwoorden online, met per vraag de afdeling die het oppakte.",
                "Seventy residents came to city hall. They asked about their street, their "
                "neighbourhood and who actually decides.\n\nWithin six weeks every answer was "
                "online, each with the department that took it up.",
                "Beloof alleen wat je kunt nakomen.\nLaat zien wie een vraag oppakt.",
                "Promise only what you can deliver.\nShow who takes up a question.",
                "Een avond voorbereiden kost twee dagen; de antwoorden kosten er vijf.",
                "Preparing an evening takes two days; the answers take five.",
                ["participatie"],
                ["GM0855"],
                "2019-bewonersavond-het-open-gemeentehuis",
                3,
            ),
            (
                "Openheid begint in het archief",
                "Openness starts in the archive",
                "Een gastbijdrage over informatiehuishouding: wat je niet kunt vinden, kun je "
                "ook niet openbaar maken.",
                "A guest contribution on information management: what you cannot find, you "
                "cannot disclose either.",
                "Veel gemeenten beginnen met een publicatieplatform. Beter begin je met de vraag "
                "waar documenten ontstaan en wie ze beheert.\n\nArchivarissen en communicatie "
                "horen aan dezelfde tafel, vanaf het begin.",
                "Many municipalities start with a publication platform. Better to start with "
                "where documents are created and who manages them.\n\nArchivists and "
                "communications belong at the same table, from the start.",
                "Inventariseer eerst je bronnen.\nMaak één persoon eigenaar per informatiesoort.",
                "Take stock of your sources first.\nMake one person owner of each kind of "
                "information.",
                "Een inventarisatie kost een kleine gemeente ongeveer zes weken.",
                "Taking stock takes a small municipality about six weeks.",
                ["informatiehuishouding"],
                ["GM0202"],
                "2019-pioniersconferentie-2019",
                ("Dr. Iris Bakker (fictief)", "Leer- en Expertisepunt Open Overheid"),
            ),
        ],
    },
    {
        "number": 2,
        "season": ("Q2 2020", "Q2 2020"),
        "date": date(2020, 6, 12),
        "title": ("Pioniersmagazine nr. 2", "Pioneer Magazine no. 2"),
        "editorial": (
            "<p>Het tweede jaar van het netwerk: begrotingen die iedereen snapt, een eerste "
            "algoritmeregister, en een bewonersbijeenkomst die een gewoonte werd. En wat we "
            "leerden toen bijeenkomsten ineens online moesten.</p>",
            "<p>The network's second year: budgets everyone understands, a first algorithm "
            "register, and a residents' meeting that became a habit. And what we learned when "
            "meetings suddenly had to go online.</p>",
        ),
        "articles": [
            (
                "Een begroting in gewone taal",
                "A budget in plain language",
                "Haarlem herschreef de begroting samen met een inwonerspanel. Bedragen per "
                "inwoner bleken beter te begrijpen dan totalen.",
                "Haarlem rewrote its budget with a residents' panel. Amounts per resident were "
                "easier to understand than totals.",
                "Het panel las de oude begroting en streepte door wat onduidelijk was: bijna "
                "alles. Samen schreven we elk hoofdstuk opnieuw, in zinnen van hooguit vijftien "
                "woorden.\n\nDe raad gebruikt de nieuwe versie nu naast de officiële.",
                "The panel read the old budget and crossed out what was unclear: almost "
                "everything. Together we rewrote every chapter, in sentences of at most fifteen "
                "words.\n\nThe council now uses the new version alongside the official one.",
                "Schrijf voor de lezer, niet voor de accountant.\nReken om naar euro's per "
                "inwoner.",
                "Write for the reader, not the accountant.\nConvert to euros per resident.",
                "Acht panelleden, vier avonden, een tekstschrijver.",
                "Eight panel members, four evenings, one copywriter.",
                ["open-begroting"],
                ["GM0392"],
                "2019-lab-een-begroting-die-iedereen-snapt",
                4,
            ),
            (
                "Het eerste algoritmeregister",
                "The first algorithm register",
                "Almere en Eindhoven inventariseerden welke algoritmes ze gebruiken. Het waren "
                "er meer dan gedacht.",
                "Almere and Eindhoven took stock of the algorithms they use. There were more "
                "than expected.",
                "We begonnen met de vraag aan elke afdeling: welke systemen nemen of bereiden "
                "besluiten over inwoners? De lijst telde na een maand achtentwintig "
                "toepassingen.\n\nVoor elk algoritme beschrijven we nu het doel, de gegevens en "
                "wie verantwoordelijk is.",
                "We started by asking every department: which systems take or prepare decisions "
                "about residents? After a month the list counted twenty-eight "
                "applications.\n\nFor every algorithm we now describe its purpose, its data and "
                "who is responsible.",
                "Begin met de algoritmes die over inwoners beslissen.\nEen register is nooit af.",
                "Start with the algorithms that decide about residents.\nA register is never "
                "finished.",
                "Een privacyadviseur en een informatiemanager per gemeente, een half jaar.",
                "A privacy adviser and an information manager per municipality, half a year.",
                ["algoritmes"],
                ["GM0034", "GM0772"],
                "2020-algoritmes-en-transparantie",
                5,
            ),
            (
                "Open en dichtbij: de bewonersbijeenkomst als gewoonte",
                "Open and close by: the residents' meeting as a habit",
                "Leiden en Middelburg houden voortaan elk jaar een bewonersbijeenkomst. Inwoners "
                "waarderen vooral dat ze horen wat er met eerdere vragen gebeurde.",
                "Leiden and Middelburg now hold a residents' meeting every year. Residents "
                "value above all hearing what happened to earlier questions.",
                "We openden de avond met de vragen van vorig jaar en wat ermee gebeurd was. Dat "
                "zette de toon: inwoners stelden scherpere vragen.\n\nDe wethouder bleef tot "
                "het eind en beantwoordde de laatste vragen zelf.",
                "We opened the evening with last year's questions and what had happened to "
                "them. That set the tone: residents asked sharper questions.\n\nThe alderman "
                "stayed until the end and answered the last questions herself.",
                "Openheid is een gewoonte, geen project.\nBegin met wat je vorig jaar beloofde.",
                "Openness is a habit, not a project.\nStart with what you promised last year.",
                "Een vaste datum in de agenda van college en raad helpt.",
                "A fixed date in the diaries of the executive and the council helps.",
                ["participatie", "open-overheid"],
                ["GM0546", "GM0687"],
                "2020-bewonersbijeenkomst-open-en-dichtbij",
                6,
            ),
            (
                "Woo-verzoeken als graadmeter",
                "Freedom of information requests as a yardstick",
                "Groningen telt welke documenten vaak gevraagd worden en publiceert die voortaan "
                "uit zichzelf. Het aantal verzoeken daalde.",
                "Groningen counts which documents are requested often and now publishes them "
                "unasked. The number of requests fell.",
                "Elk verzoek krijgt een label voor het onderwerp. Na een jaar zagen we dat vier "
                "onderwerpen de helft van de verzoeken vormden.\n\nDie documenten staan nu "
                "standaard online, en de verzoeken erover zijn gehalveerd.",
                "Every request gets a topic label. After a year we saw that four topics made up "
                "half of the requests.\n\nThose documents are now online by default, and the "
                "requests about them have halved.",
                "Meet wat er gevraagd wordt.\nEen verzoek is een signaal dat iets niet vindbaar "
                "is.",
                "Measure what is being asked.\nA request signals that something cannot be found.",
                "Labelen kost een minuut per verzoek.",
                "Labelling takes a minute per request.",
                ["woo-verzoeken", "actieve-openbaarmaking"],
                ["GM0014"],
                "",
                7,
            ),
            (
                "Toegankelijke stukken voor iedereen",
                "Accessible documents for everyone",
                "Een pdf die een schermlezer niet kan lezen, is niet openbaar voor iedereen. "
                "Maastricht maakte de raadsstukken toegankelijk.",
                "A PDF a screen reader cannot read is not public for everyone. Maastricht made "
                "its council documents accessible.",
                "We testten de raadsstukken met inwoners die een schermlezer gebruiken. De "
                "meeste stukken waren scans zonder tekst.\n\nNu maken we stukken op in een "
                "sjabloon met koppen en alternatieve tekst, en publiceren we ook een HTML-versie.",
                "We tested the council documents with residents who use a screen reader. Most "
                "documents were scans without text.\n\nNow we lay out documents in a template "
                "with headings and alternative text, and also publish an HTML version.",
                "Test met de mensen voor wie je het doet.\nEen goed sjabloon voorkomt herstelwerk.",
                "Test with the people you do it for.\nA good template prevents repair work.",
                "Twee dagen training voor de griffie; daarna geen extra tijd per stuk.",
                "Two days of training for the council clerks; no extra time per document after.",
                ["toegankelijke-overheidsinformatie"],
                ["GM0935"],
                "",
                8,
            ),
        ],
    },
]

INDEX = {
    "nl": {
        "title": "Magazine",
        "slug": "magazine",
        "intro": "Twee keer verscheen het magazine van het netwerk: lessen van gemeenten die "
        "opener werden, geschreven door de pioniers zelf.",
    },
    "en": {
        "title": "Magazine",
        "slug": "magazine",
        "intro": "The network's magazine appeared twice: lessons of municipalities that opened "
        "up, written by the pioneers themselves.",
    },
}


def _paragraphs(text: str) -> str:
    from pioneers.magazine.services import text_to_paragraphs

    return text_to_paragraphs(text)


def _list(text: str) -> str:
    from django.utils.html import escape

    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in text.splitlines()) + "</ul>"


def cover_image(number: int, season: str):
    """A generated cover (Pillow): the network's blue, circles for the member towns, the number."""
    from django.core.files.images import ImageFile
    from PIL import Image as Picture
    from PIL import ImageDraw, ImageFont
    from wagtail.images.models import Image

    title = f"Pioniersmagazine {number}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = Picture.new("RGB", (620, 877), (0, 69, 110))
    draw = ImageDraw.Draw(picture)
    for step in range(9):
        radius = 40 + step * 18
        x, y = 120 + step * 52, 200 + (step % 3) * 90
        colour = (255, 196, 0) if step % 2 else (120, 190, 230)
        draw.ellipse([x - radius // 2, y - radius // 2, x + radius // 2, y + radius // 2], colour)
    font = ImageFont.load_default(size=64)
    small = ImageFont.load_default(size=36)
    draw.text((40, 470), f"nr. {number}", fill="white", font=font)
    draw.text((40, 560), season, fill="white", font=small)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name=f"pioniersmagazine-{number}.png")
    image.save()
    return image


def _publish(page):
    page.save_revision().publish()


def _translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.save()
    _publish(translation)
    return translation


def load_magazine_demo(stdout) -> None:
    from pioneers.magazine.models import ArticleAuthor, ArticlePage, EditionPage, MagazineIndexPage
    from pioneers.magazine.services import magazine_workflow_ensure
    from pioneers.meetings.models import Meeting
    from pioneers.network.models import Organisation, Person
    from pioneers.publications.models import HomePage
    from pioneers.topics.models import Topic

    if MagazineIndexPage.objects.exists():
        return
    homes = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    if "nl" not in homes:
        return
    english = Locale.objects.filter(language_code="en").first() if "en" in homes else None
    index = MagazineIndexPage(locale=homes["nl"].locale, show_in_menus=True, **INDEX["nl"])
    homes["nl"].add_child(instance=index)
    _publish(index)
    magazine_workflow_ensure(index)
    if english:
        magazine_workflow_ensure(_translate(index, english, **INDEX["en"]))
    people = list(Person.objects.filter(public_profile=True).order_by("pk")[:12])
    topics = Topic.objects.in_bulk(field_name="slug")
    towns = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    meetings = Meeting.objects.in_bulk(field_name="slug")
    count = 0
    for spec in EDITIONS:
        edition = EditionPage(
            title=spec["title"][0],
            slug=slugify(f"nr-{spec['number']}-{spec['season'][0]}"),
            locale=index.locale,
            number=spec["number"],
            season=spec["season"][0],
            publication_date=spec["date"],
            cover_image=cover_image(spec["number"], spec["season"][0]),
            cover_alt_text=f"Omslag van Pioniersmagazine nr. {spec['number']}: gekleurde cirkels "
            f"op blauw, met het nummer en {spec['season'][0]}.",
            editorial=spec["editorial"][0],
        )
        index.add_child(instance=edition)
        edition.save_revision()
        articles = []
        for row in spec["articles"]:
            (title, title_en, intro, intro_en, body, body_en, lessons, lessons_en, practice,
             practice_en, topic_slugs, codes, meeting, author) = row  # fmt: skip
            article = ArticlePage(
                title=title,
                slug=slugify(title)[:60],
                locale=index.locale,
                intro=intro,
                body=_paragraphs(body),
                lessons=_list(lessons),
                practical_experience=_paragraphs(practice),
            )
            if isinstance(author, int):
                article.authors.add(ArticleAuthor(person=people[author % len(people)]))
            else:
                article.authors.add(
                    ArticleAuthor(guest_name=author[0], guest_affiliation=author[1])
                )
            article.topics.set([topics[s] for s in topic_slugs if s in topics])
            article.municipalities.set([towns[c] for c in codes if c in towns])
            article.related_meetings.set([meetings[meeting]] if meeting in meetings else [])
            edition.add_child(instance=article)
            _publish(article)
            articles.append((article, title_en, intro_en, body_en, lessons_en, practice_en))
            count += 1
        _publish(EditionPage.objects.get(pk=edition.pk))
        if english is not None:
            _translate_edition(edition, english, spec, articles)
        # Published on the edition's day, as the history it stands for (feeds show this date).
        appeared = timezone.make_aware(datetime.combine(spec["date"], time(9)))
        Page.objects.filter(
            translation_key__in=[
                edition.translation_key,
                *(article.translation_key for article, *_rest in articles),
            ]
        ).update(first_published_at=appeared, last_published_at=appeared)
    languages = "Dutch and English" if english else "Dutch"
    stdout.write(f"  magazine: {len(EDITIONS)} editions, {count} articles in {languages}\n")


def _translate_edition(edition, english, spec, articles) -> None:
    from pioneers.magazine.models import ArticlePage, EditionPage

    edition = EditionPage.objects.get(pk=edition.pk)
    _translate(
        edition,
        english,
        title=spec["title"][1],
        season=spec["season"][1],
        cover_alt_text=f"Cover of Pioneer Magazine no. {spec['number']}: coloured circles "
        f"on blue, with the number and {spec['season'][1]}.",
        editorial=spec["editorial"][1],
    )
    for article, title_en, intro_en, body_en, lessons_en, practice_en in articles:
        _translate(
            ArticlePage.objects.get(pk=article.pk),
            english,
            title=title_en,
            slug=slugify(title_en)[:60],
            intro=intro_en,
            body=_paragraphs(body_en),
            lessons=_list(lessons_en),
            practical_experience=_paragraphs(practice_en),
        )
