"""Accounts: sign-up with email verification, log-in, bad input answered in the user's language."""

import json
import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from freezegun import freeze_time

from pioneers.core.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2018"


def _signup(client, email, password1=PASSWORD, password2=PASSWORD, lang="nl"):
    return client.post(
        f"/{lang}/accounts/signup/",
        {"email": email, "password1": password1, "password2": password2},
    )


def test_signup_sends_a_verification_email_and_the_link_verifies(
    client, demo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, "nieuw@example.org")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    link = re.search(r"http://\S+/nl/accounts/confirm-email/\S+/", message.body).group(0)
    path = link.split("testserver", 1)[-1]
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.emailaddress_set.get().verified


def test_signup_with_a_used_email_tells_the_owner_not_the_visitor(
    client, demo, django_capture_on_commit_callbacks
):
    """Whether an address has an account is not shown; its owner gets an email instead."""
    UserFactory(email="bestaand@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, "Bestaand@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/nl/accounts/confirm-email/"
    assert User.objects.filter(email__iexact="bestaand@example.org").count() == 1
    assert [m.to for m in mail.outbox] == [["bestaand@example.org"]]
    assert "al een account" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("email", "password2", "lang", "message"),
    [
        ("geen-adres", PASSWORD, "nl", "Voer een geldig e-mailadres in"),
        ("ander@example.org", "iets-anders-123", "nl", "Je moet hetzelfde wachtwoord"),
        ("kort@example.org", None, "nl", "Dit wachtwoord is te kort: het moet minstens 8 tekens"),
        ("other@example.org", "something-else-1", "en", "You must type the same password"),
    ],
)
def test_signup_bad_input_is_explained_in_the_page_language(
    client, demo, email, password2, lang, message
):
    if password2 is None:  # a too short password, typed twice
        response = _signup(client, email, password1="kort", password2="kort", lang=lang)
    else:
        response = _signup(client, email, password2=password2, lang=lang)
    html = response.content.decode()
    assert response.status_code == 422
    assert message in html
    assert f'value="{email}"' in html
    assert 'aria-invalid="true"' in html
    assert not User.objects.filter(email=email).exists()
    assert PASSWORD not in html


def test_login_returns_to_the_home_page_of_the_language(client, demo):
    UserFactory(email="engels@example.org")
    response = client.post(
        "/en/accounts/login/",
        {"login": "engels@example.org", "password": "a-long-test-password"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_admin_login_goes_through_the_accounts_pages(client, demo):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/accounts/login/?next=/admin/pages/"
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code != 200


def test_wrong_password_is_refused_in_dutch_keeping_the_email(client, demo):
    UserFactory(email="pionier@example.org")
    response = client.post(
        "/nl/accounts/login/", {"login": "pionier@example.org", "password": "verkeerd-wachtwoord"}
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Het door jou opgegeven e-mailadres en/of wachtwoord is niet correct" in html
    assert 'value="pionier@example.org"' in html
    assert "_auth_user_id" not in client.session


def test_unknown_or_expired_verification_link_is_a_clear_404(client, demo):
    response = client.get("/nl/accounts/confirm-email/niet-een-echte-sleutel/")
    assert response.status_code == 404
    assert "verlopen of niet geldig" in response.content.decode()


def test_login_by_emailed_code(client, demo, django_capture_on_commit_callbacks):
    UserFactory(email="code@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nl/accounts/login/code/", {"email": "code@example.org"})
    assert response.status_code == 302
    body = mail.outbox[0].body
    assert body.startswith("Hallo van Pioniersnetwerk Open Overheid")
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", body, re.M).group(1)
    response = client.post("/nl/accounts/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_password_reset_email_is_sent_for_a_known_address(
    client, demo, django_capture_on_commit_callbacks
):
    UserFactory(email="vergeten@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nl/accounts/password/reset/", {"email": "vergeten@example.org"})
    assert response.status_code == 302
    assert "/nl/accounts/password/reset/key/" in mail.outbox[0].body


def test_form_without_security_token_gets_a_translated_page(demo):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/nl/accounts/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()


def test_sign_ups_from_one_connection_are_limited_per_hour(
    client, demo, settings, django_capture_on_commit_callbacks
):
    """allauth's own limit is per minute; ours holds for the hour and says so in Dutch."""
    with freeze_time() as clock, django_capture_on_commit_callbacks(execute=True):
        for n in range(settings.EMAIL_RATE_PER_CLIENT):
            assert _signup(client, f"nieuw{n}@example.org").status_code == 302
            clock.tick(10)
        clock.tick(120)
        response = _signup(client, "nog-een@example.org")
    assert response.status_code == 429
    assert "Te veel aanvragen" in response.content.decode()
    assert not User.objects.filter(email="nog-een@example.org").exists()
    assert len(mail.outbox) == settings.EMAIL_RATE_PER_CLIENT


def test_password_resets_for_one_address_are_limited_per_hour(
    client, demo, settings, django_capture_on_commit_callbacks
):
    UserFactory(email="vergeten@example.org")
    data = {"email": "vergeten@example.org"}
    with freeze_time() as clock, django_capture_on_commit_callbacks(execute=True):
        for _ in range(settings.EMAIL_RATE_PER_ADDRESS):
            assert client.post("/nl/accounts/password/reset/", data).status_code == 302
            clock.tick(61)
        response = client.post("/nl/accounts/password/reset/", data)
    assert response.status_code == 429
    assert len(mail.outbox) == settings.EMAIL_RATE_PER_ADDRESS


def test_login_codes_for_one_address_are_limited_per_hour(
    demo, settings, django_capture_on_commit_callbacks
):
    from django.test import Client

    UserFactory(email="code@example.org")
    with freeze_time() as clock, django_capture_on_commit_callbacks(execute=True):
        for _ in range(settings.EMAIL_RATE_PER_ADDRESS):
            response = Client().post("/nl/accounts/login/code/", {"email": "code@example.org"})
            assert response.status_code == 302
            clock.tick(61)
        response = Client().post("/nl/accounts/login/code/", {"email": "code@example.org"})
    assert response.status_code == 422
    assert "Probeer het later nogmaals" in response.content.decode()
    assert len(mail.outbox) == settings.EMAIL_RATE_PER_ADDRESS


def _queued_email():
    """The keyword arguments of the one email task in the database queue."""
    from django_tasks_db.models import DBTaskResult

    [queued] = DBTaskResult.objects.filter(task_path="pioneers.core.tasks.send_email")
    return queued.args_kwargs["kwargs"]


def test_the_queue_holds_no_password_reset_link_and_the_task_makes_one_that_works(
    client, demo, settings, django_capture_on_commit_callbacks
):
    from pioneers.core.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    user = UserFactory(email="vergeten@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/nl/accounts/password/reset/", {"email": "vergeten@example.org"})
    queued = _queued_email()
    assert mail.outbox == []
    assert queued["context"] == {
        "user": {"__model__": "core.user", "pk": user.pk},
        "email": "vergeten@example.org",
    }

    send_email.call(**queued)  # what the worker does with the row
    link = re.search(r"http://\S+/nl/accounts/password/reset/key/(\S+)/", mail.outbox[0].body)
    assert link.group(1) not in json.dumps(queued)
    response = client.get(urlsplit(link.group(0)).path, follow=True)
    new = "een-nieuw-wachtwoord-2019"
    response = client.post(response.redirect_chain[-1][0], {"password1": new, "password2": new})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_the_queue_holds_no_confirmation_key_and_the_task_makes_one_that_works(
    client, demo, settings, django_capture_on_commit_callbacks
):
    from pioneers.core.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, "nieuw@example.org")
    queued = _queued_email()
    address = EmailAddress.objects.get(email="nieuw@example.org")
    assert set(queued["context"]) == {"user", "email_address", "email"}
    assert queued["context"]["email_address"] == {
        "__model__": "account.emailaddress",
        "pk": address.pk,
    }

    send_email.call(**queued)
    link = re.search(r"http://\S+/nl/accounts/confirm-email/(\S+)/", mail.outbox[0].body)
    assert link.group(1) not in json.dumps(queued)
    assert client.post(urlsplit(link.group(0)).path).status_code == 302
    address.refresh_from_db()
    assert address.verified


# what is asked, of which address: English and Dutch subject of the email that follows
ACCOUNT_EMAILS = {
    "password/reset": ("known@example.org", "Password Reset Email", "Nieuw wachtwoord"),
    "signup": ("new@example.org", "Please Confirm Your Email Address", "Bevestig je e-mailadres"),
    "signup ": ("known@example.org", "Account Already Exists", "Account bestaat al"),
    "password/reset ": ("unknown@example.org", "Unknown Account", "Onbekend account"),
    "login/code": ("known@example.org", "Login code", "Inlogcode"),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("action", ACCOUNT_EMAILS)
def test_an_account_email_is_in_the_language_of_the_page_asked_on(
    client, demo, action, lang, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org")
    email, english, dutch = ACCOUNT_EMAILS[action]
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{lang}/accounts/{action.strip()}/", data)
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == (english if lang == "en" else dutch)
    assert message.to == [email]
    assert f"/{lang}/accounts/" in message.body or action == "login/code"
