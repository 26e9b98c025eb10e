"""Joining the network in a real browser: a new pioneer asks to join Schiedam, a coordinator
approves, and the pioneer sees it, with every page checked by axe."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD

pytestmark = pytest.mark.e2e

EMAIL = "nina.nieuw@schiedam.nl"
PASSWORD = "Openheid-in-Schiedam-2018"


def log_in(page, site, email, password):
    page.goto(f"{site}/nl/accounts/login/")
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("header").get_by_role("button", name="Uitloggen")).to_be_visible()


def log_out(page):
    page.locator("header").get_by_role("button", name="Uitloggen").click()
    expect(page.locator("header").get_by_role("link", name="Inloggen")).to_be_visible()


def test_new_pioneer_joins_a_member_municipality_and_is_approved(site, page, audit, django_code):
    with django_code():
        from allauth.account.models import EmailAddress

        from pioneers.core.models import User

        user = User.objects.create_user(EMAIL, PASSWORD)
        EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    problems = []

    log_in(page, site, EMAIL, PASSWORD)
    page.locator("header").get_by_role("link", name="Profiel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je profiel")
    problems += audit("nl")
    page.get_by_label("Naam", exact=True).fill("Nina Nieuw")
    page.get_by_label("Functie").fill("Adviseur open overheid")
    page.get_by_label("Rol in het netwerk").select_option("official")
    page.get_by_role("button", name="Profiel opslaan").click()

    # Saved: the next step is choosing the organisation.
    expect(page.get_by_role("heading", level=1)).to_have_text("Meedoen met het netwerk")
    expect(page.get_by_role("status")).to_contain_text("Je profiel is opgeslagen.")
    problems += audit("nl")
    page.get_by_label("Je organisatie").fill("Schiedam")
    expect(page.get_by_label("aansluiten bij een organisatie die lid is")).to_be_checked()
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Je aanvraag is naar de coördinatoren")
    expect(page.locator("main")).to_contain_text("wacht op een besluit")
    log_out(page)

    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.locator("header").get_by_role("link", name="Aanvragen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvragen")
    problems += audit("nl")
    page.get_by_role("link", name="Besluit over Nina Nieuw").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nina Nieuw")
    problems += audit("nl")
    page.get_by_label("Goedkeuren").check()
    page.get_by_label("Reden").fill("Welkom in het netwerk!")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd")
    expect(page.locator("main")).to_contain_text("Er wacht geen aanvraag.")
    log_out(page)

    log_in(page, site, EMAIL, PASSWORD)
    page.goto(f"{site}/nl/meedoen/")
    expect(page.locator("main")).to_contain_text("Je bent pionier van Schiedam.")
    expect(page.locator("main")).to_contain_text("goedgekeurd")

    subjects = {(m.to[0], m.subject) for m in mail.outbox}
    assert (EMAIL, "We hebben je aanvraag voor Schiedam ontvangen") in subjects
    assert (EMAIL, "Welkom: je aanvraag voor Schiedam is goedgekeurd") in subjects
    assert any(to == COORDINATOR_EMAIL for to, _ in subjects)
    with django_code():
        from pioneers.network.models import Person

        assert Person.objects.get(user__email=EMAIL).organisation.slug == "schiedam"
    assert not problems, "\n".join(problems)
