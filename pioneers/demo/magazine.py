"""Demo magazine: two editions (Q2 2019, Q2 2020) of fictional articles, in Dutch and English.

The authors are the demo's fictional pioneers and one guest; nothing here describes real
people. The content is in ``data/magazine.toml``; the covers are drawn here, the articles'
illustrations in ``images.py``.
"""

import io
from datetime import datetime, time

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as Picture
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from pioneers.core.pages import publish
from pioneers.core.slugs import slug_of
from pioneers.core.text import text_to_html
from pioneers.demo.files import read
from pioneers.demo.images import illustration
from pioneers.demo.pages import translate
from pioneers.magazine.models import ArticleAuthor, ArticlePage, EditionPage, MagazineIndexPage
from pioneers.magazine.services import magazine_workflow_ensure
from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation, Person
from pioneers.publications.models import HomePage
from pioneers.topics.models import Topic


def _body(text: str) -> str:
    """Paragraphs separated by blank lines as HTML; a paragraph starting "## " is a subheading."""
    return "".join(
        f"<h2>{escape(part[3:].strip())}</h2>" if part.startswith("## ") else text_to_html(part)
        for part in text.strip().split("\n\n")
    )


def _list(text: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in text.splitlines()) + "</ul>"


def cover_image(number: int, season: str):
    """A generated cover (Pillow): the network's blue, circles for the member towns, the number."""
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


def load(stdout) -> None:
    if MagazineIndexPage.objects.exists():
        return
    homes = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    if "nl" not in homes:
        return
    data = read("magazine")
    english = Locale.objects.filter(language_code="en").first() if "en" in homes else None
    index = MagazineIndexPage(locale=homes["nl"].locale, show_in_menus=True, **data["index"]["nl"])
    homes["nl"].add_child(instance=index)
    publish(index)
    magazine_workflow_ensure(index)
    if english:
        magazine_workflow_ensure(translate(index, english, **data["index"]["en"]))
    people = list(Person.objects.filter(public_profile=True).order_by("pk")[:12])
    topics = {topic.slug: topic for topic in Topic.objects.originals()}
    towns = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    meetings = {m.slug: m for m in Meeting.objects.all()}  # slugs are unique per locale
    count = 0
    for spec in data["editions"]:
        edition = EditionPage(
            title=spec["title_nl"],
            slug=slug_of(f"nr-{spec['number']}-{spec['season_nl']}"),
            locale=index.locale,
            number=spec["number"],
            season=spec["season_nl"],
            publication_date=spec["date"],
            cover_image=cover_image(spec["number"], spec["season_nl"]),
            cover_alt_text=f"Omslag van Pioniersmagazine nr. {spec['number']}: gekleurde cirkels "
            f"op blauw, met het nummer en {spec['season_nl']}.",
            editorial=spec["editorial_nl"],
        )
        index.add_child(instance=edition)
        edition.save_revision()
        articles = []
        for row in spec["articles"]:
            article = ArticlePage(
                title=row["title_nl"],
                slug=slug_of(row["title_nl"], max_length=60),
                locale=index.locale,
                intro=row["intro_nl"],
                body=_body(row["body_nl"]),
                lessons=_list(row["lessons_nl"]),
                practical_experience=text_to_html(row["practice_nl"]),
                image=illustration(row["image"], f"Illustratie: {row['title_nl']}"),
                image_alt_text=row["image_alt_nl"],
            )
            if "guest" in row:
                article.authors.add(
                    ArticleAuthor(
                        guest_name=row["guest"]["name"],
                        guest_affiliation=row["guest"]["affiliation"],
                    )
                )
            else:
                article.authors.add(ArticleAuthor(person=people[row["author"] % len(people)]))
            article.topics.set([topics[s] for s in row["topics"] if s in topics])
            article.municipalities.set([towns[c] for c in row["municipalities"] if c in towns])
            meeting = meetings.get(row.get("meeting"))
            article.related_meetings.set([meeting] if meeting else [])
            edition.add_child(instance=article)
            publish(article)
            articles.append((article, row))
            count += 1
        publish(EditionPage.objects.get(pk=edition.pk))
        if english is not None:
            _translate_edition(edition, english, spec, articles)
        # Published on the edition's day, as the history it stands for (feeds show this date).
        appeared = timezone.make_aware(datetime.combine(spec["date"], time(9)))
        Page.objects.filter(
            translation_key__in=[
                edition.translation_key,
                *(article.translation_key for article, _row in articles),
            ]
        ).update(first_published_at=appeared, last_published_at=appeared)
    languages = "Dutch and English" if english else "Dutch"
    stdout.write(f"  magazine: {len(data['editions'])} editions, {count} articles in {languages}\n")


def _translate_edition(edition, english, spec, articles) -> None:
    edition = EditionPage.objects.get(pk=edition.pk)
    translate(
        edition,
        english,
        title=spec["title_en"],
        season=spec["season_en"],
        cover_alt_text=f"Cover of Pioneer Magazine no. {spec['number']}: coloured circles "
        f"on blue, with the number and {spec['season_en']}.",
        editorial=spec["editorial_en"],
    )
    for article, row in articles:
        translate(
            ArticlePage.objects.get(pk=article.pk),
            english,
            title=row["title_en"],
            slug=slug_of(row["title_en"], max_length=60),
            intro=row["intro_en"],
            body=_body(row["body_en"]),
            lessons=_list(row["lessons_en"]),
            practical_experience=text_to_html(row["practice_en"]),
            image_alt_text=row["image_alt_en"],
        )
