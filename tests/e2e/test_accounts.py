"""Accounts in a real browser, in Dutch: sign up, confirm the address, log in, log out.

The texts asserted on are django-allauth's own Dutch translations and the header's
"Inloggen"/"Uitloggen"; our other template texts are found by role or element instead.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

NEW_EMAIL = "nieuwe.pionier@example.org"
PASSWORD = "Openheid-in-Schiedam-2018"


def account_nav(page):
    return page.locator("header nav.pioneers-account")


def submit(page, button):
    page.locator("main").get_by_role("button", name=button).click()


def sign_up(page, site, email, password, repeated, audit=None, send=True) -> list[str]:
    """Fill in (and send) the sign-up form; what `audit` found wrong with the empty form."""
    page.goto(f"{site}/nl/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account aanmaken")
    problems = audit("nl") if audit else []
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_label("Wachtwoord (bevestigen)", exact=True).fill(repeated)
    if send:
        submit(page, "Account aanmaken")
    return problems


def test_sign_up_confirm_log_in_and_log_out(site, page, audit, django_code):
    from allauth.account.models import EmailAddress

    problems = sign_up(page, site, NEW_EMAIL, PASSWORD, PASSWORD, audit)

    # Sent to check the address: no access yet.
    expect(page).to_have_url(f"{site}/nl/accounts/confirm-email/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifieer je e-mailadres")
    expect(page.get_by_role("status")).to_contain_text(
        f"Bevestigings e-mail verzonden aan {NEW_EMAIL}."
    )
    problems += audit("nl")
    with django_code():
        address = EmailAddress.objects.get(email=NEW_EMAIL)
        assert not address.verified

    # The email, in Dutch, with a link into the Dutch site.
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [NEW_EMAIL]
    assert message.subject == "Bevestig je e-mailadres"
    assert "Pioniersnetwerk Open Overheid" in message.body  # the network's name, not a host
    link = re.search(r"https?://\S+/nl/accounts/confirm-email/\S+/", message.body)
    assert link, message.body

    # Opening the link does not confirm yet (a mail scanner may open it); the button does.
    page.goto(site + "/" + link.group(0).split("/", 3)[3])  # the link names BASE_URL
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig e-mailadres")
    problems += audit("nl")
    with django_code():
        assert not EmailAddress.objects.get(email=NEW_EMAIL).verified
    submit(page, re.compile(r"^Bevestig"))

    expect(page).to_have_url(f"{site}/nl/accounts/login/")
    expect(page.get_by_role("status")).to_contain_text(
        f"Je hebt het e-mailadres {NEW_EMAIL} bevestigd"
    )
    with django_code():
        assert EmailAddress.objects.get(email=NEW_EMAIL).verified
    problems += audit("nl")

    # Log in.
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    page.get_by_label("E-mail", exact=True).fill(NEW_EMAIL)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    submit(page, "Inloggen")

    expect(page).to_have_url(f"{site}/nl/")
    expect(page.get_by_role("status")).to_contain_text(f"Je bent nu ingelogd als {NEW_EMAIL}.")
    expect(account_nav(page).get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(account_nav(page).get_by_role("link", name="Inloggen")).to_have_count(0)
    problems += audit("nl")

    # Log out with the header's button.
    account_nav(page).get_by_role("button", name="Uitloggen").click()

    expect(page.get_by_role("status")).to_contain_text("Je bent uitgelogd.")
    expect(account_nav(page).get_by_role("link", name="Inloggen")).to_be_visible()
    expect(account_nav(page).get_by_role("button", name="Uitloggen")).to_have_count(0)
    problems += audit("nl")
    # The session is gone, not just the header: the account pages want a login again.
    page.goto(f"{site}/nl/accounts/email/")
    expect(page).to_have_url(re.compile(r"/nl/accounts/login/\?next="))

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("email", "repeated", "field", "error"),
    [
        pytest.param(
            NEW_EMAIL,
            "kort",
            "Wachtwoord",
            "Dit wachtwoord is te kort",
            id="password-too-short",
        ),
        pytest.param(
            NEW_EMAIL,
            PASSWORD + "!",
            "Wachtwoord (bevestigen)",
            "Je moet hetzelfde wachtwoord twee keer intoetsen.",
            id="passwords-differ",
        ),
    ],
)
def test_sign_up_with_bad_input_is_refused_in_dutch(
    site, page, audit, django_code, email, repeated, field, error
):
    from pioneers.core.models import User

    with django_code():
        users_before = User.objects.count()

    password = repeated if repeated == "kort" else PASSWORD
    sign_up(page, site, email, password, repeated, send=False)
    with page.expect_navigation() as navigation:
        submit(page, "Account aanmaken")

    assert navigation.value.status == 422
    expect(page).to_have_url(f"{site}/nl/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account aanmaken")
    # The address typed stays; the error is shown in Dutch and tied to its field.
    expect(page.get_by_label("E-mail", exact=True)).to_have_value(email)
    invalid = page.get_by_label(field, exact=True)
    expect(invalid).to_have_attribute("aria-invalid", "true")
    described_by = (invalid.get_attribute("aria-describedby") or "").split()
    messages = [page.locator(f"#{id_}").inner_text() for id_ in described_by]
    assert any(error in message for message in messages), (described_by, messages)
    expect(page.locator("main")).to_contain_text(error)
    problems = audit("nl")
    assert not problems, "\n".join(problems)

    with django_code():
        assert User.objects.count() == users_before
        owners = User.objects.filter(email__iexact=email).count()
    assert owners == 0
    assert mail.outbox == []
