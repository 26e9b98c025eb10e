"""The privacy statement: who is responsible, who sees what for how long, where to complain."""

import io

import pytest
from django.core.management import call_command

from pioneers.publications.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "phrases"),
    [
        (
            "/nl/privacy/",
            [
                "Verwerkingsverantwoordelijke is de gemeente Schiedam",
                "artikel 9, lid 2, onder a",
                "alleen tot de bijeenkomst voorbij is",
                "Je e-mailadres zien zij nooit",
                "zonder metagegevens",
                "begrensd per e-mailadres",
                "Autoriteit Persoonsgegevens",
                'href="/nl/mijn/"',
            ],
        ),
        (
            "/en/privacy/",
            [
                "The controller is the municipality of Schiedam",
                "Article 9(2)(a)",
                "only until the meeting is over",
                "They never see your email address",
                "without metadata",
                "limited per email address",
                "Autoriteit Persoonsgegevens",
                'href="/en/my/"',
            ],
        ),
    ],
)
def test_the_statement_says_who_sees_what_and_where_to_complain(client, demo, url, phrases):
    html = client.get(url).content.decode()
    for phrase in phrases:
        assert phrase in html, phrase


def test_an_installation_without_one_gets_a_privacy_statement_to_fill_in(client, demo):
    """`pioneers setup` runs this; tests/core/test_cli.py checks it on a new installation."""
    for page in ContentPage.objects.filter(slug="privacy"):
        page.delete()
    call_command("site_defaults", stdout=io.StringIO())
    nl = ContentPage.objects.get(locale__language_code="nl", slug="privacy")
    en = ContentPage.objects.get(locale__language_code="en", slug="privacy")
    assert nl.live and en.live and nl.show_in_footer
    # The lead organisation and the contact address come from the network; the rest is to fill in.
    assert "Verwerkingsverantwoordelijke is Schiedam" in nl.body
    assert "pioniersnetwerk@example.org" in nl.body
    assert "[contactgegevens van de functionaris gegevensbescherming]" in nl.body
    assert "Autoriteit Persoonsgegevens" in en.body
    assert client.get("/nl/privacy/").status_code == 200
    assert client.get("/en/privacy/").status_code == 200
    nl.body = "<p>Door de coördinator aangepast.</p>"
    nl.save_revision().publish()
    call_command("site_defaults", stdout=io.StringIO())  # changes nothing that exists
    assert HomePage.objects.count() == 2
    assert ContentPage.objects.filter(slug="privacy").count() == 2
    nl.refresh_from_db()
    assert nl.body == "<p>Door de coördinator aangepast.</p>"
