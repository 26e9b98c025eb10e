"""factory_boy factories for the models that tests create most."""

import factory
from allauth.account.models import EmailAddress

from pioneers.core.models import User
from pioneers.network.models import Membership, Organisation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, verified=extracted is not False, primary=True
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    kind = Organisation.Kind.MUNICIPALITY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.MEMBER
    member_since = "2018-09-01"


# The magazine: Wagtail pages are made through their parent (add_child), so these are helpers.


def cover_image(title: str = "Omslag"):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    return Image.objects.create(title=title, file=get_test_image_file(size=(60, 80)))


def edition_create(index=None, *, number=9, live=True, accepts_submissions=False, **fields):
    """An edition under the demo's Dutch magazine (or ``index``), live or a draft."""
    from datetime import date

    from pioneers.magazine.models import EditionPage, MagazineIndexPage

    index = index or MagazineIndexPage.objects.get(locale__language_code="nl")
    edition = EditionPage(
        title=fields.pop("title", f"Pioniersmagazine nr. {number}"),
        slug=fields.pop("slug", f"nr-{number}"),
        number=number,
        season=fields.pop("season", f"Q2 20{20 + number}"),
        publication_date=fields.pop("publication_date", date(2020 + number, 6, 1)),
        cover_image=fields.pop("cover_image", None) or cover_image(),
        cover_alt_text=fields.pop("cover_alt_text", "Een witte omslag"),
        accepts_submissions=accepts_submissions,
        live=False,
        **fields,
    )
    index.add_child(instance=edition)
    if live:
        edition.save_revision().publish()
    else:
        edition.save_revision()
    edition.refresh_from_db()
    return edition


def article_create(edition, *, title="Een artikel", person=None, live=True, **fields):
    """An article with one author (a person of the network, or a guest) in an edition."""
    from django.utils.text import slugify

    from pioneers.magazine.models import ArticleAuthor, ArticlePage

    article = ArticlePage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        intro=fields.pop("intro", "Een inleiding."),
        body=fields.pop("body", "<p>De tekst.</p>"),
        lessons=fields.pop("lessons", "<p>Een les.</p>"),
        live=False,
        **fields,
    )
    if person is not None:
        article.authors.add(ArticleAuthor(person=person))
    else:
        article.authors.add(ArticleAuthor(guest_name="Gast Auteur", guest_affiliation="Elders"))
    edition.add_child(instance=article)
    if live:
        article.save_revision().publish()
    article.refresh_from_db()
    return article


# Meetings: a published meeting of the demo's seed programme, hosted in Schiedam.


def meeting_create(*, number: int, title: str, slug: str, date, **fields):
    """A published meeting of the demo's seed programme at Schiedam's town hall."""
    from pioneers.meetings.models import Meeting, Programme

    host = Organisation.objects.get(slug="schiedam")
    defaults = {
        "programme": Programme.objects.get(slug="2018-2020"),
        "format": "lab",
        "host": host,
        "guest_chair": host,
        "venue_name": "Stadserf",
        "street_address": "Stadserf 1",
        "postal_code": "3112 DZ",
        "city": "Schiedam",
        "live": True,
    }
    return Meeting.objects.create(
        number=number, title=title, slug=slug, date=date, **{**defaults, **fields}
    )
