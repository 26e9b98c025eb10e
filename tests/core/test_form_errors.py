"""A form that comes back with errors says so at once: a summary that takes the focus, links to
each field, and "Fout:" in the page title; name and email fields tell the browser what they hold."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from pioneers.demo.loader import MEMBER_EMAIL

pytestmark = pytest.mark.django_db

OPEN_MEETING = "2027-3-participatie"  # open to everyone, no account needed


def url_of(name: str, language: str = "nl", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def error_summary(soup):
    summaries = soup.select(".pioneers-error-summary")
    assert len(summaries) == 1, f"{len(summaries)} error summaries"
    return summaries[0]


@pytest.mark.parametrize(
    ("language", "prefix", "heading"),
    [("nl", "Fout: ", "Er ging iets mis"), ("en", "Error: ", "There is a problem")],
)
def test_failed_registration_shows_an_error_summary_that_takes_the_focus(
    client, demo, language, prefix, heading
):
    url = url_of("meetings:register", language, slug=OPEN_MEETING)
    soup = soup_of(client.post(url, {"name": "", "email": "not an address"}))
    assert soup.title.get_text().strip().startswith(prefix)
    summary = error_summary(soup)
    # It is first in the form, takes the focus on load without a script, and is announced.
    assert summary.find_parent("form") is not None
    assert summary.get("tabindex") == "-1" and summary.has_attr("autofocus")
    assert summary.find(attrs={"role": "alert"}) is not None
    assert summary.find("h2").get_text() == heading
    links = {a["href"] for a in summary.find_all("a")}
    assert {"#id_name", "#id_email"} <= links
    for href in links:
        assert soup.find(id=href[1:]) is not None, f"{href} points nowhere"
    # Only one element on the page asks for the focus.
    assert len(soup.find_all(autofocus=True)) == 1


def test_page_without_errors_has_no_summary_and_a_plain_title(client, demo):
    soup = soup_of(client.get(url_of("meetings:register", slug=OPEN_MEETING)))
    assert not soup.select(".pioneers-error-summary")
    assert not soup.title.get_text().strip().startswith("Fout")


def test_error_summary_links_a_choice_to_its_first_option(client, demo):
    from pioneers.core.templatetags.pioneers import error_anchor
    from pioneers.network.forms import DecisionForm

    form = DecisionForm(data={})
    assert error_anchor(form["decision"]) == "id_decision_0"


def test_failed_login_shows_one_summary_in_the_account_pages(client, demo):
    soup = soup_of(client.post(url_of("account_login"), {"login": "x", "password": ""}))
    assert soup.title.get_text().strip().startswith("Fout: ")
    links = {a["href"] for a in error_summary(soup).find_all("a")}
    assert "#id_login" in links and "#id_password" in links


def test_a_form_wide_error_is_in_the_summary(client, demo):
    soup = soup_of(
        client.post(url_of("account_login"), {"login": MEMBER_EMAIL, "password": "wrong password"})
    )
    summary = error_summary(soup)
    assert summary.find("li") is not None and not summary.find("a")


def autocomplete_of(soup, field_id):
    return soup.find(id=field_id).get("autocomplete")


def test_name_and_email_fields_carry_autocomplete_tokens(client, demo):
    from pioneers.core.models import User

    soup = soup_of(client.get(url_of("meetings:register", slug=OPEN_MEETING)))
    assert autocomplete_of(soup, "id_name") == "name"
    assert autocomplete_of(soup, "id_email") == "email"
    soup = soup_of(client.get(url_of("practices:nominate")))
    assert autocomplete_of(soup, "id_name") == "name"
    assert autocomplete_of(soup, "id_email") == "email"
    soup = soup_of(client.get(url_of("account_signup")))
    assert autocomplete_of(soup, "id_email") == "email"

    client.force_login(User.objects.get(email=MEMBER_EMAIL))
    soup = soup_of(client.get(url_of("network:profile")))
    assert autocomplete_of(soup, "id_name") == "name"
    assert autocomplete_of(soup, "id_job_title") == "organization-title"
    soup = soup_of(client.get(url_of("network:register_organisation")))
    assert autocomplete_of(soup, "id_name") == "organization"
