"""The editors' admin offers an edition's PDF build, on the edition and in the page listing."""

from django.urls import reverse

from pioneers.core.models import User
from pioneers.magazine.models import ArticlePage, EditionPage


def _build_path(pk):
    # Without the language prefix, which follows the admin user's language.
    return reverse("magazine:edition_pdf", kwargs={"pk": pk}).split("/", 2)[2]


def test_admin_offers_the_pdf_build_on_editions_only(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    edition = EditionPage.objects.first()
    assert (
        _build_path(edition.pk) in client.get(f"/admin/pages/{edition.pk}/edit/").content.decode()
    )
    listing = client.get(f"/admin/pages/{edition.get_parent().pk}/").content.decode()
    assert _build_path(edition.pk) in listing
    article = ArticlePage.objects.child_of(edition).first()
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert _build_path(article.pk) not in html
