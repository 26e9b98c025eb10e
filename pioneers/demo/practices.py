"""Demo knowledge base: practices in Dutch, some taken up by other members, and nominations:
open ones, and accepted ones that became a practice.

The content is in ``data/practices.toml``.
"""

from datetime import timedelta

from django.utils import timezone

from pioneers.core.pages import publish
from pioneers.core.slugs import slug_of
from pioneers.core.text import text_to_html
from pioneers.demo.files import read
from pioneers.demo.pages import backdate, index_page
from pioneers.network.models import Organisation, Person
from pioneers.practices.models import Nomination, PracticeIndexPage, PracticePage, PracticeReuse
from pioneers.practices.services import PRACTICE_TEXT_FIELDS
from pioneers.publications.models import HomePage
from pioneers.topics.models import Topic


def load(stdout) -> None:
    homes = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    if "nl" not in homes or PracticeIndexPage.objects.exists():
        return
    data = read("practices")
    index = index_page(PracticeIndexPage, data["index"], homes)
    municipalities = {
        o.cbs_code: o
        for o in Organisation.objects.filter(
            cbs_code__in={row["municipality"] for row in data["practices"]}
        )
    }
    topics = {topic.slug: topic for topic in Topic.objects.originals()}
    people = {}
    for person in Person.objects.select_related("organisation").order_by("pk"):
        people.setdefault(person.organisation.cbs_code if person.organisation else "", []).append(
            person
        )
    made = []
    for row in data["practices"]:
        municipality = municipalities.get(row["municipality"])
        if municipality is None:
            continue
        local = people.get(row["municipality"], [])
        contact = local[row["contact"] % len(local)] if local and "contact" in row else None
        practice = PracticePage(
            title=row["title"],
            slug=slug_of(row["title"], max_length=80),
            locale=index.locale,
            summary=row["summary"],
            status=row["status"],
            started_on=row.get("started_on"),
            municipality=municipality,
            contact=contact,
            contact_consent=contact is not None and contact.public_profile,
            **{field: text_to_html(row[field]) for field in PRACTICE_TEXT_FIELDS},
            **{field: field in row["values"] for field, _label in PracticePage.VALUES},
        )
        practice.topics.set([topics[slug] for slug in row["topics"] if slug in topics])
        index.add_child(instance=practice)
        publish(practice)
        made.append(practice)
        if "started_on" in row:
            backdate([practice], row["started_on"] + timedelta(days=60))
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
    # Taken up a few months after the practice was shared, as the history the demo stands for.
    for number, reuse in enumerate(reuses):
        practice = PracticePage.objects.get(pk=reuse.practice_id)
        taken_up = practice.first_published_at + timedelta(days=45 + 30 * (number % 5))
        PracticeReuse.objects.filter(pk=reuse.pk).update(created_at=min(taken_up, timezone.now()))
    by_title = {practice.title: practice for practice in made}
    for row in data["nominations"]:
        nomination = dict(row)
        practice = by_title.get(nomination.pop("practice", ""))
        Nomination.objects.create(**nomination, practice=practice)
    stdout.write(
        f"  knowledge base: {len(made)} practices, {len(reuses)} taken up elsewhere, "
        f"{len(data['nominations'])} nominations\n"
    )
