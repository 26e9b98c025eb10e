"""A municipality's page: what it did in the network (meetings, attendance as counts,
practices and who took them up, reports and articles, membership history, activity per year),
and for a non-member, how to join; the members search finds non-members too."""

import re

import pytest
from django.utils.html import escape

from pioneers.core.models import User
from pioneers.magazine.models import ArticlePage
from pioneers.meetings.models import Meeting, Registration
from pioneers.network.models import Membership, Organisation
from pioneers.practices.models import PracticePage, PracticeReuse
from pioneers.reports.models import ReportPage

pytestmark = pytest.mark.django_db

SECTIONS = (
    "org-activity",
    "org-meetings",
    "org-attendance",
    "org-practices",
    "org-taken-up",
    "org-publications",
    "history-heading",
)


def _active_municipality() -> Organisation:
    """The host of a reported meeting, given a practice that another organisation took up, and
    an article that names it."""
    report = ReportPage.objects.live().public().select_related("meeting__host").first()
    organisation = report.meeting.host
    practice = PracticePage.objects.live().public().exclude(municipality=organisation).first()
    PracticePage.objects.filter(pk=practice.pk).update(municipality=organisation)
    other = Organisation.objects.exclude(pk=organisation.pk).filter(kind="municipality").first()
    PracticeReuse.objects.get_or_create(practice=practice, organisation=other)
    article = ArticlePage.objects.live().public().first()
    article.municipalities.add(organisation)
    article.save()
    return organisation


def _url(organisation: Organisation, language: str) -> str:
    path = {"nl": "organisaties", "en": "organisations"}[language]
    return f"/{language}/{path}/{organisation.slug}/"


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        (
            "nl",
            [
                "Activiteit per jaar",
                "Ontvangen en voorgezeten bijeenkomsten",
                "Verslagen en artikelen",
            ],
        ),
        ("en", ["Activity per year", "Meetings hosted and chaired", "Reports and articles"]),
    ],
)
def test_the_page_shows_what_the_organisation_did(client, demo, no_page_cache, language, headings):
    organisation = _active_municipality()
    html = client.get(_url(organisation, language)).content.decode()
    assert html.count("<h1") == 1
    for section in SECTIONS:
        assert f'aria-labelledby="{section}"' in html and f'id="{section}"' in html
    for heading in headings:
        assert heading in html
    hosted = Meeting.objects.filter(live=True, host=organisation).exclude(status="cancelled")
    for meeting in hosted:
        assert meeting.get_absolute_url() in html
    report = ReportPage.objects.live().filter(meeting__host=organisation).first()
    practice = PracticePage.objects.live().filter(municipality=organisation).first()
    article = ArticlePage.objects.live().filter(municipalities=organisation).first()
    for page in (report, practice, article):
        assert page.url in html
    reuser = practice.reuses.select_related("organisation").first().organisation
    assert f'href="{reuser.get_absolute_url()}"' in html
    # The chart is one image with a label, the table beside it carries the numbers.
    assert re.search(r'<svg [^>]*role="img"[^>]*aria-label="', html)
    assert re.search(r'<th class="utrecht-table__header-cell" scope="row">\d{4}</th>', html)


def test_attendance_is_counted_never_named(client, demo, no_page_cache):
    attended = (
        Registration.objects.filter(
            status="confirmed",
            checked_in_at__isnull=False,
            meeting__status="held",
            person__organisation__isnull=False,
        )
        .select_related("person__organisation")
        .first()
    )
    organisation = attended.person.organisation
    count = Registration.objects.filter(
        status="confirmed",
        checked_in_at__isnull=False,
        meeting__status="held",
        person__organisation=organisation,
    ).count()
    html = client.get(_url(organisation, "en")).content.decode()
    section = html[html.index('id="org-attendance"') : html.index('id="org-practices"')]
    assert f"attended {count} place" in section
    names = Registration.objects.filter(person__organisation=organisation).values_list(
        "name", flat=True
    )
    for name in names:
        assert escape(name) not in section


def test_the_contact_log_stays_for_coordinators(client, demo, no_page_cache):
    organisation = _active_municipality()
    assert 'id="contacts-heading"' not in client.get(_url(organisation, "nl")).content.decode()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    assert 'id="contacts-heading"' in client.get(_url(organisation, "nl")).content.decode()


def test_the_membership_history_lists_joined_lead_and_left(client, demo, no_page_cache):
    organisation = _active_municipality()
    Membership.objects.create(
        organisation=organisation,
        status="left",
        member_since="2015-03-01",
        left_on="2016-06-30",
    )
    html = client.get(_url(organisation, "en")).content.decode()
    section = html[html.index('id="history-heading"') :]
    assert "joined on 1 March 2015" in section and "left on 30 June 2016" in section
    dutch = client.get(_url(organisation, "nl")).content.decode()
    assert "lid geworden op 1 maart 2015" in dutch and "vertrokken op 30 juni 2016" in dutch


def _rotterdam() -> Organisation:
    rotterdam, _created = Organisation.objects.get_or_create(
        slug="rotterdam", defaults={"name": "Rotterdam", "kind": "municipality"}
    )
    rotterdam.memberships.filter(status="member").delete()
    return rotterdam


@pytest.mark.parametrize(
    ("language", "text", "join"),
    [
        ("nl", "doet nog niet mee aan het netwerk", "/nl/meedoen/"),
        ("en", "does not take part in the network yet", "/en/join/"),
    ],
)
def test_a_non_member_page_says_how_to_join(client, demo, no_page_cache, language, text, join):
    html = client.get(_url(_rotterdam(), language)).content.decode()
    assert text in html
    assert re.search(rf'<a class="utrecht-button-link[^"]*" href="{join}">', html)


def test_a_member_page_has_no_join_invitation(client, demo, no_page_cache):
    html = client.get(_url(_active_municipality(), "en")).content.decode()
    assert 'id="join-heading"' not in html


@pytest.mark.parametrize(
    ("url", "text"),
    [("/nl/leden/", "(Nog) niet in het netwerk"), ("/en/members/", "Not (yet) in the network")],
)
def test_the_members_search_lists_matching_non_members(client, demo, no_page_cache, url, text):
    rotterdam = _rotterdam()
    html = client.get(url, {"q": "rotter"}).content.decode()
    assert text in html and f'href="{rotterdam.get_absolute_url()}"' in html
    # htmx gets the same in the list fragment.
    fragment = client.get(url, {"q": "rotter"}, headers={"HX-Request": "true"}).content.decode()
    assert f'href="{rotterdam.get_absolute_url()}"' in fragment
    # A member is not listed as a non-member.
    member = Organisation.objects.filter(kind="municipality", memberships__status="member").first()
    html = client.get(url, {"q": member.name}).content.decode()
    assert text not in html


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_page_uses_a_fixed_number_of_queries(demo, queries_of, cold_queries_of, language):
    organisation = _active_municipality()
    url = _url(organisation, language)
    before, warm = cold_queries_of(url), queries_of(url)
    assert warm < before  # the activity block comes from the cache
    # Many more hosted and chaired meetings, practices, reuses and attended places.
    Meeting.objects.filter(live=True).update(host=organisation)
    Meeting.objects.filter(live=True, guest_chair__isnull=True).update(guest_chair=organisation)
    PracticePage.objects.update(municipality=organisation)
    others = Organisation.objects.exclude(pk=organisation.pk)[:10]
    PracticeReuse.objects.bulk_create(
        [
            PracticeReuse(practice=practice, organisation=other)
            for practice in PracticePage.objects.live()
            for other in others
        ],
        ignore_conflicts=True,
    )
    assert Meeting.objects.filter(host=organisation, live=True).count() > 10
    assert cold_queries_of(url) == before
    assert queries_of(url) == warm


def test_a_change_shows_on_the_page_at_once(
    client, demo, no_page_cache, django_capture_on_commit_callbacks
):
    organisation = _active_municipality()
    url = _url(organisation, "nl")
    meeting = Meeting.objects.filter(live=True).exclude(host=organisation).first()
    assert meeting.get_absolute_url() not in client.get(url).content.decode()
    meeting.guest_chair = organisation
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    assert meeting.get_absolute_url() in client.get(url).content.decode()


def test_a_practice_taken_up_shows_at_once(
    client, demo, no_page_cache, django_capture_on_commit_callbacks
):
    organisation = _active_municipality()
    url = _url(organisation, "nl")
    practice = (
        PracticePage.objects.live()
        .public()
        .exclude(municipality=organisation)
        .exclude(reuses__organisation=organisation)
        .first()
    )
    assert practice.url not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PracticeReuse.objects.create(practice=practice, organisation=organisation)
    html = client.get(url).content.decode()
    assert practice.url in html[html.index('id="org-taken-up"') :]
