"""Live polls during a meeting (issue 13): who runs them, answering on a phone, bad input, the
projector's live results under load, and the results in the meeting's report."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pioneers.core.models import User
from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation, Person
from pioneers.surveys import polls, polls_services
from pioneers.surveys.models import Question
from pioneers.surveys.models_polls import Poll, PollVote
from tests.factories import UserFactory

REPORTED = "2019-lab-actief-openbaar-maken"  # a past meeting with a published report


@pytest.fixture
def meeting(demo):
    """The next meeting: its host organisation's pioneers run its polls."""
    return Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()


def _person(organisation) -> User:
    user = UserFactory()
    Person.objects.create(user=user, name="Pia Pionier", role="official", organisation=organisation)
    return user


@pytest.fixture
def host(meeting):
    return _person(meeting.host)


@pytest.fixture
def other_member(meeting):
    """A pioneer of another organisation: not a host of this meeting."""
    return _person(Organisation.objects.exclude(pk=meeting.host_id).first())


@pytest.fixture
def coordinator_user(demo):
    return User.objects.get(email="coordinator@example.org")


def _poll(meeting, kind=Question.Kind.SINGLE, *, status="open", **fields) -> Poll:
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        fields.setdefault("choices", "Ja | Yes\nNee | No\nWeet niet | Don't know")
    poll = polls_services.poll_create(
        meeting=meeting, kind=kind, text="Wat vindt u?", text_en="What do you think?", **fields
    )
    if status in ("open", "closed"):
        polls_services.poll_open(poll=poll)
    if status == "closed":
        polls_services.poll_close(poll=poll)
    poll.refresh_from_db()
    return poll


def _answer_url(poll) -> str:
    return reverse("polls:answer", kwargs={"code": poll.code})


def _counts(poll) -> dict[int, int]:
    return {row.number: row.count for row in polls.poll_result(poll).rows}


# --- who runs polls ---------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_log_in(client, meeting):
    response = client.get(reverse("polls:manage", kwargs={"slug": meeting.slug}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["coordinator", "host"])
def test_coordinator_and_host_create_open_and_close_a_poll(client, meeting, host, who):
    user = host if who == "host" else User.objects.get(email="coordinator@example.org")
    client.force_login(user)
    url = reverse("polls:manage", kwargs={"slug": meeting.slug})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": "single",
            "text": "Zou u dit invoeren?",
            "text_en": "Would you introduce this?",
            "choices": "Ja | Yes\nNee | No",
            "show_in_report": "on",
        },
    )
    assert response.status_code == 302
    poll = Poll.objects.get(meeting=meeting)
    assert poll.status == "draft" and len(poll.code) == 6
    change = reverse("polls:change", kwargs={"slug": meeting.slug, "pk": poll.pk})
    client.post(change, {"action": "open"})
    poll.refresh_from_db()
    assert poll.status == "open" and poll.opened_at is not None
    client.post(change, {"action": "close"})
    poll.refresh_from_db()
    assert poll.status == "closed" and poll.closed_at is not None


def test_meeting_page_leads_hosts_to_the_polls(client, meeting, host, other_member):
    polls_link = reverse("polls:manage", kwargs={"slug": meeting.slug})
    assert polls_link not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(other_member)
    assert polls_link not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(host)
    assert polls_link in client.get(meeting.get_absolute_url()).content.decode()


def test_other_member_may_not_run_polls(client, meeting, other_member):
    poll = _poll(meeting, status="draft")
    client.force_login(other_member)
    manage = reverse("polls:manage", kwargs={"slug": meeting.slug})
    assert client.get(manage).status_code == 403
    response = client.post(manage, {"kind": "number", "text": "Hoeveel?"})
    assert response.status_code == 403
    change = reverse("polls:change", kwargs={"slug": meeting.slug, "pk": poll.pk})
    assert client.post(change, {"action": "open"}).status_code == 403
    screen = reverse("polls:screen", kwargs={"slug": meeting.slug, "pk": poll.pk})
    assert client.get(screen).status_code == 403
    poll.refresh_from_db()
    assert poll.status == "draft"
    assert Poll.objects.filter(meeting=meeting).count() == 1


def test_anonymous_visitor_cannot_open_a_poll(client, meeting):
    poll = _poll(meeting, status="draft")
    change = reverse("polls:change", kwargs={"slug": meeting.slug, "pk": poll.pk})
    assert client.post(change, {"action": "open"}).status_code == 302
    poll.refresh_from_db()
    assert poll.status == "draft"


@pytest.mark.parametrize(
    "data, field",
    [
        ({"kind": "single", "text": "Welke?", "choices": "Alleen | Only"}, "choices"),
        ({"kind": "multiple", "text": "Welke?", "choices": ""}, "choices"),
        ({"kind": "number", "text": "Hoeveel?", "minimum": "10", "maximum": "1"}, "maximum"),
        ({"kind": "long_text", "text": "Vertel"}, "kind"),
        ({"kind": "likert", "text": ""}, "text"),
    ],
)
def test_poll_form_refuses_what_cannot_be_asked(client, meeting, coordinator_user, data, field):
    client.force_login(coordinator_user)
    response = client.post(reverse("polls:manage", kwargs={"slug": meeting.slug}), data)
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not Poll.objects.filter(meeting=meeting).exists()


def test_poll_cannot_be_opened_twice_or_closed_before_it_opens(meeting):
    poll = _poll(meeting, status="draft")
    with pytest.raises(polls_services.PollError):
        polls_services.poll_close(poll=poll)
    polls_services.poll_open(poll=poll)
    with pytest.raises(polls_services.PollError):
        polls_services.poll_open(poll=poll)
    with pytest.raises(polls_services.PollError):
        polls_services.poll_delete(poll=poll)


def test_unknown_poll_of_the_meeting_is_not_found(client, meeting, coordinator_user):
    client.force_login(coordinator_user)
    url = f"/nl/bijeenkomsten/{meeting.slug}/peilingen/99999999/scherm/"
    assert client.get(url).status_code == 404


# --- answering --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, posted, expected",
    [
        ("likert", {"answer": "4"}, {"number": Decimal(4)}),
        ("single", {"answer": "2"}, {"number": Decimal(2)}),
        ("multiple", {"answer": ["1", "3"]}, {"choices": [1, 3], "choice_bits": 0b1010}),
        ("number", {"answer": "12,5"}, {"number": Decimal("12.5")}),
        ("short_text", {"answer": "Meer delen"}, {"text": "Meer delen"}),
    ],
)
def test_attendee_answers_each_kind_of_poll(client, meeting, kind, posted, expected):
    poll = _poll(meeting, kind)
    page = client.get(_answer_url(poll))
    assert page.status_code == 200 and "csrftoken" in page.cookies
    response = client.post(_answer_url(poll), posted)
    assert response.status_code == 303
    vote = PollVote.objects.get(poll=poll)
    for name, value in expected.items():
        assert getattr(vote, name) == value
    html = client.get(_answer_url(poll)).content.decode()
    assert "Bedankt, je antwoord is opgeslagen" in html


def test_same_phone_changes_its_vote(client, meeting):
    poll = _poll(meeting)
    client.get(_answer_url(poll))
    client.post(_answer_url(poll), {"answer": "1"})
    client.post(_answer_url(poll), {"answer": "2"})
    client.post(_answer_url(poll), {"answer": "2"})  # a double tap
    assert PollVote.objects.filter(poll=poll).count() == 1
    assert _counts(poll) == {1: 0, 2: 1, 3: 0}
    # The saved answer is chosen in the form, to change it.
    assert client.get(_answer_url(poll)).context["form"].initial["answer"] == "2"


def test_vote_created_by_a_simultaneous_request_is_changed_not_doubled(meeting, monkeypatch):
    """The race of a double tap: the other request inserts between our update and insert."""
    poll = _poll(meeting)
    polls_services.vote_cast(poll=poll, voter="phone", answer=1)
    real_update = QuerySet.update
    calls = []

    def first_update_misses(self, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            return 0  # as if the row did not exist yet
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", first_update_misses)
    polls_services.vote_cast(poll=poll, voter="phone", answer=3)
    monkeypatch.undo()
    assert len(calls) == 2
    assert list(PollVote.objects.filter(poll=poll).values_list("number", flat=True)) == [3]


@pytest.mark.parametrize(
    "kind, fields, posted",
    [
        ("single", {}, {"answer": "99"}),
        ("single", {}, {"answer": "²"}),
        ("single", {}, {}),
        ("likert", {}, {"answer": "7"}),
        ("likert", {}, {"answer": "0"}),
        ("multiple", {}, {"answer": ["1", "99"]}),
        ("number", {"minimum": 0, "maximum": 10}, {"answer": "11"}),
        ("number", {}, {"answer": "veel"}),
        ("number", {}, {"answer": "1" * 40}),
        ("short_text", {}, {"answer": "x" * 201}),
        ("short_text", {}, {"answer": ""}),
    ],
)
def test_bad_answer_is_refused_and_changes_nothing(client, meeting, kind, fields, posted):
    poll = _poll(meeting, kind, **fields)
    client.get(_answer_url(poll))
    response = client.post(_answer_url(poll), posted)
    assert response.status_code == 422
    assert response.context["form"].errors
    assert "utrecht-alert--error" in response.content.decode()  # the error summary
    assert not PollVote.objects.filter(poll=poll).exists()


def test_vote_after_closing_is_refused_and_changes_nothing(client, meeting):
    poll = _poll(meeting)
    client.get(_answer_url(poll))
    client.post(_answer_url(poll), {"answer": "1"})
    polls_services.poll_close(poll=poll)
    response = client.post(_answer_url(poll), {"answer": "2"})
    assert response.status_code == 409
    assert "Deze peiling is gesloten; je antwoord is niet opgeslagen." in response.content.decode()
    assert _counts(poll) == {1: 1, 2: 0, 3: 0}


def test_vote_before_opening_is_refused(client, meeting):
    poll = _poll(meeting, status="draft")
    assert "nog niet begonnen" in client.get(_answer_url(poll)).content.decode()
    assert client.post(_answer_url(poll), {"answer": "1"}).status_code == 409
    assert not PollVote.objects.filter(poll=poll).exists()


def test_forged_voter_cookie_is_a_new_voter(client, meeting):
    poll = _poll(meeting)
    client.cookies["pioneers_poll_voter"] = "someone-else:forged"
    client.post(_answer_url(poll), {"answer": "1"})
    assert PollVote.objects.get(poll=poll).voter != "someone-else"


def test_closed_poll_says_so_and_shows_the_results(client, meeting):
    poll = _poll(meeting)
    polls_services.vote_cast(poll=poll, voter="a", answer=1)
    polls_services.vote_cast(poll=poll, voter="b", answer=1)
    polls_services.vote_cast(poll=poll, voter="c", answer=3)
    polls_services.poll_close(poll=poll)
    html = client.get(_answer_url(poll)).content.decode()
    assert "Deze peiling is gesloten." in html
    assert "3 antwoorden" in html and "67%" in html and "<form" not in html.split("<main")[1]
    english = client.get(f"/en/poll/{poll.code}/").content.decode()
    assert "What do you think?" in english and "Don&#x27;t know" in english


@pytest.mark.parametrize("code", ["ZZZZZZ", "abc", "0O1IL2", "x" * 300])
def test_unknown_code_says_so(client, demo, code):
    response = client.get(f"/nl/peiling/{code}/")
    assert response.status_code == 404
    assert "Peiling niet gevonden" in response.content.decode()


def test_short_link_leads_to_the_answer_page_in_the_phones_language(client, meeting):
    poll = _poll(meeting)
    response = client.get(f"/p/{poll.code.lower()}/")
    assert response.status_code == 302 and response["Location"] == f"/nl/peiling/{poll.code}/"
    response = client.get(f"/p/{poll.code}/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response["Location"] == f"/en/poll/{poll.code}/"


def test_phone_without_cookies_gets_a_working_form(meeting):
    """CSRF is enforced: the answer page itself sets the cookie the form needs."""
    poll = _poll(meeting)
    phone = Client(enforce_csrf_checks=True)
    page = phone.get(_answer_url(poll))
    token = page.context["csrf_token"]
    response = phone.post(_answer_url(poll), {"answer": "2", "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 303
    assert _counts(poll)[2] == 1


# --- under load -------------------------------------------------------------------------------


def test_three_hundred_phones_are_all_counted(meeting):
    poll = _poll(meeting, Question.Kind.MULTIPLE)
    expected = {1: 0, 2: 0, 3: 0}
    for n in range(300):
        phone = Client()
        chosen = [1 + n % 3] if n % 4 else [1 + n % 3, 1 + (n + 1) % 3]
        for number in chosen:
            expected[number] += 1
        response = phone.post(_answer_url(poll), {"answer": [str(c) for c in chosen]})
        assert response.status_code == 303
    result = polls.poll_result(poll)
    assert result.total == 300
    assert {row.number: row.count for row in result.rows} == expected


def test_vote_costs_a_few_queries(client, meeting):
    poll = _poll(meeting)
    client.get(_answer_url(poll))
    client.post(_answer_url(poll), {"answer": "1"})
    with CaptureQueriesContext(connection) as queries:
        assert client.post(_answer_url(poll), {"answer": "2"}).status_code == 303
    assert len(queries) <= 6, [q["sql"] for q in queries]


@pytest.mark.parametrize("kind", ["likert", "multiple", "number", "short_text"])
def test_projector_results_cost_the_same_queries_for_5_and_150_votes(
    client, meeting, coordinator_user, no_page_cache, kind
):
    poll = _poll(meeting, kind)
    answer = {"likert": 4, "multiple": [1, 2], "number": 3, "short_text": "ja"}[kind]
    client.force_login(coordinator_user)
    url = reverse("polls:screen_results", kwargs={"slug": meeting.slug, "pk": poll.pk})

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers={"hx-request": "true"})
            assert response.status_code == 200
        return len(queries)

    for n in range(5):
        polls_services.vote_cast(poll=poll, voter=f"v{n}", answer=answer)
    few = count()
    for n in range(5, 150):
        polls_services.vote_cast(poll=poll, voter=f"v{n}", answer=answer)
    assert count() == few
    assert polls.poll_result(poll).total == 150


def test_projector_shows_the_short_link_qr_code_and_live_results(client, meeting, host):
    poll = _poll(meeting)
    polls_services.vote_cast(poll=poll, voter="a", answer=2)
    client.force_login(host)
    html = client.get(
        reverse("polls:screen", kwargs={"slug": meeting.slug, "pk": poll.pk})
    ).content.decode()
    assert f"http://testserver/p/{poll.code}/" in html
    assert 'src="data:image/svg+xml' in html
    assert 'hx-trigger="every 2s"' in html and "<svg" in html and "1 antwoord" in html
    polls_services.poll_close(poll=poll)
    fragment = client.get(
        reverse("polls:screen_results", kwargs={"slug": meeting.slug, "pk": poll.pk}),
        headers={"hx-request": "true"},
    )
    assert fragment.status_code == 286  # HTMX stops polling a closed poll
    assert fragment["Cache-Control"].startswith("max-age=0")


# --- in the report ----------------------------------------------------------------------------


def test_report_shows_the_meetings_closed_polls(
    client, demo, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    meeting = Meeting.objects.get(slug=REPORTED)
    shown = _poll(meeting, status="open")
    polls_services.vote_cast(poll=shown, voter="a", answer=1)
    hidden = _poll(meeting, status="closed", show_in_report=False)
    hidden.text = "Niet in het verslag"
    hidden.save()
    url = f"/nl/verslagen/{REPORTED}/"
    html = client.get(url).content.decode()
    assert "Live peilingen in deze bijeenkomst" not in html  # an open poll is not shown
    assert client.get(url)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        polls_services.poll_close(poll=shown)
    response = client.get(url)
    html = response.content.decode()
    assert response["X-Cache"] == "miss"  # closing made the cached report stale
    assert "Live peilingen in deze bijeenkomst" in html and "Wat vindt u?" in html
    assert "Niet in het verslag" not in html


def test_report_query_count_does_not_grow_with_polls(client, demo, queries_of):
    meeting = Meeting.objects.get(slug=REPORTED)
    url = f"/nl/verslagen/{REPORTED}/"
    for kind in ("single", "multiple"):
        poll = _poll(meeting, kind, status="open")
        polls_services.vote_cast(poll=poll, voter="a", answer=[1] if kind == "multiple" else 1)
        polls_services.poll_close(poll=poll)
    few = queries_of(url)
    for kind in ("likert", "number", "short_text", "single"):
        poll = _poll(meeting, kind, status="open")
        polls_services.poll_close(poll=poll)
    assert queries_of(url) <= few + 1  # + the texts of short text polls


def test_a_short_link_without_a_code_is_not_found(client, db):
    for path in ("/p/%20/", "/p/%09/"):
        response = client.get(path)
        assert response.status_code == 404
