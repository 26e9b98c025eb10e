"""The reviewing pages: a reviewer's list and form, the coordinators' list with decisions, the
speaker's confirmation; forged and hostile input in both languages; fixed query counts."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from pioneers.cfp import reviewing
from pioneers.cfp.models import Review, Reviewer, Score, Submission, SubmissionSpeaker
from pioneers.core.models import User
from pioneers.demo.loader import COORDINATOR_EMAIL
from tests.cfp.conftest import make_call, reviews
from tests.cfp.test_reviewing import person, scores_for
from tests.cfp.test_views import submitted
from tests.factories import OrganisationFactory, UserFactory, meeting_create


def url(name, language="nl", **kwargs):
    with translation.override(language):
        return reverse(f"cfp:{name}", kwargs=kwargs)


@pytest.fixture
def reviewer(client, call):
    user = person(UserFactory(), OrganisationFactory())
    Reviewer.objects.create(call=call, user=user)
    client.force_login(user)
    return user


@pytest.fixture
def submission(call):
    return submitted(call, person(UserFactory(), OrganisationFactory()), title="Open wijkdata")


@pytest.fixture
def coordinator(client, demo):
    user = User.objects.get(email=COORDINATOR_EMAIL)
    client.force_login(user)
    return user


def review_post(call, value="4", comment="Sterk verhaal"):
    data = {f"score_{criterion.pk}": value for criterion in call.criteria.all()}
    return {**data, "comment": comment}


def test_reviewer_sees_the_list_and_the_menu_entry_in_both_languages(client, reviewer, submission):
    for language, entry in (("nl", "Beoordelingen"), ("en", "Reviews")):
        page = client.get(url("reviews", language)).content.decode()
        assert "Open wijkdata" in page
        assert f">{entry}</a>" in page
    assert url("reviews", "nl") == "/nl/beoordelingen/"


def test_someone_not_a_reviewer_has_no_menu_entry(client, submission):
    client.force_login(UserFactory())
    page = client.get(url("reviews")).content.decode()
    assert "Je bent geen beoordelaar" in page
    assert ">Beoordelingen</a>" not in page


def test_review_saved_and_others_shown_after_own_without_names(client, reviewer, submission):
    call = submission.call
    other = person(UserFactory(first_name="Anna", last_name="Anders"), OrganisationFactory())
    Reviewer.objects.create(call=call, user=other)
    reviewing.review_save(
        submission=submission, reviewer=other, scores=scores_for(call, 2), comment="Te vaag"
    )
    page = client.get(url("review", pk=submission.pk)).content.decode()
    assert "Te vaag" not in page
    response = client.post(url("review", pk=submission.pk), review_post(call))
    assert response.status_code == 302
    assert Review.objects.filter(reviewer=reviewer, comment="Sterk verhaal").exists()
    page = client.get(url("review", pk=submission.pk)).content.decode()
    assert "Te vaag" in page
    assert "Beoordelaar 1" in page
    assert "Anders" not in page
    call.hide_reviewer_names = False
    call.save()
    assert "Anna Anders" in client.get(url("review", pk=submission.pk)).content.decode()


@pytest.mark.parametrize("value", ["6", "0", "²", "", "99999999999999999999", "\x00"])
def test_a_bad_score_keeps_what_was_typed_and_saves_nothing(client, reviewer, submission, value):
    response = client.post(
        url("review", "en", pk=submission.pk), review_post(submission.call, value)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Sterk verhaal" in page
    assert "Give a score from 1 to 5" in page or "Select a valid choice" in page
    assert not reviews().exists()


def test_a_forged_review_of_another_calls_submission_is_not_found(client, reviewer, demo):
    meeting = meeting_create(
        number=42, title="Andere", slug="andere", date="2031-02-01", format="conference"
    )
    other_call = make_call(meeting)
    other = submitted(other_call, UserFactory())
    response = client.post(url("review", pk=other.pk), review_post(other_call))
    assert response.status_code == 404
    assert not reviews().exists()
    other.refresh_from_db()
    assert other.state == Submission.State.SUBMITTED


def test_an_own_organisation_submission_is_not_listed_nor_reviewable(client, call, reviewer):
    own = submitted(call, person(UserFactory(), reviewer.person.organisation), title="Eigen werk")
    assert "Eigen werk" not in client.get(url("reviews")).content.decode()
    assert client.post(url("review", pk=own.pk), review_post(call)).status_code == 404
    assert not reviews().exists()


def test_coordinators_list_is_for_coordinators_only(client, call):
    path = url("submissions", slug=call.meeting.slug)
    assert client.get(path).status_code == 302
    client.force_login(UserFactory())
    assert client.get(path).status_code == 403


@pytest.mark.parametrize(
    "query",
    [
        "sort=zzz",
        "format=%C2%B2",
        "track=99999999999999999999",
        "state=bogus",
        "format=%00&state=%00&sort=%00",
    ],
)
def test_coordinators_list_survives_bad_parameters(client, coordinator, submission, query):
    path = url("submissions", "en", slug=submission.call.meeting.slug)
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Open wijkdata" in page
    assert "has been left out" in page


def test_coordinators_list_filters_by_state_and_format(client, coordinator, call, submission):
    withdrawn = submitted(call, UserFactory(), title="Teruggetrokken")
    Submission.objects.filter(pk=withdrawn.pk).update(state="withdrawn")
    path = url("submissions", slug=call.meeting.slug)
    page = client.get(f"{path}?state=submitted&format={call.formats.first().pk}").content.decode()
    assert "Open wijkdata" in page
    assert "Teruggetrokken" not in page


def test_accepting_from_the_list_emails_once_and_keeps_the_sorting(
    client, coordinator, submission, django_capture_on_commit_callbacks
):
    slug = submission.call.meeting.slug
    path = url("decide", slug=slug, pk=submission.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {"decision": "accepted", "query": "sort=title&evil=1"})
        client.post(path, {"decision": "accepted"})
    assert response["Location"] == url("submissions", slug=slug) + "?sort=title"
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED
    assert len(mail.outbox) == 1


def test_a_forged_decision_for_another_calls_submission_is_not_found(client, coordinator, call):
    meeting = meeting_create(
        number=43, title="Derde", slug="derde", date="2031-03-01", format="conference"
    )
    other = submitted(make_call(meeting), UserFactory())
    response = client.post(
        url("decide", slug=call.meeting.slug, pk=other.pk), {"decision": "accepted"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.state == Submission.State.SUBMITTED


def test_a_bad_decision_value_gives_a_message(client, coordinator, submission):
    path = url("decide", "en", slug=submission.call.meeting.slug, pk=submission.pk)
    response = client.post(path, {"decision": "\x00"}, follow=True)
    assert "Choose accept, reject or waiting list." in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED


def test_a_non_coordinator_cannot_decide(client, submission):
    client.force_login(submission.speakers.get())
    path = url("decide", slug=submission.call.meeting.slug, pk=submission.pk)
    assert client.post(path, {"decision": "accepted"}).status_code == 403
    submission.refresh_from_db()
    assert submission.state == Submission.State.SUBMITTED


def test_speaker_confirms_on_the_proposal_page(client, submission):
    speaker = submission.speakers.get()
    client.force_login(speaker)
    reviewing.decision_make(submission=submission, decision="accepted")
    page = client.get(url("proposal", "en", pk=submission.pk)).content.decode()
    assert "Confirm my session" in page
    for _ in range(2):
        client.post(url("confirm", pk=submission.pk))
    submission.refresh_from_db()
    assert submission.state == Submission.State.CONFIRMED


def test_speaker_of_a_rejected_proposal_cannot_confirm(client, submission):
    client.force_login(submission.speakers.get())
    reviewing.decision_make(submission=submission, decision="rejected")
    response = client.post(url("confirm", "en", pk=submission.pk), follow=True)
    assert "Only an accepted proposal can be confirmed" in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == Submission.State.REJECTED


def test_someone_else_confirming_gets_not_found(client, submission):
    client.force_login(UserFactory())
    reviewing.decision_make(submission=submission, decision="accepted")
    assert client.post(url("confirm", pk=submission.pk)).status_code == 404
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED


def add_reviewed_submissions(call, count, reviewers):
    """``count`` submissions, each with a speaker and a review with scores by every reviewer."""
    fmt, track = call.formats.first(), call.tracks.first()
    criteria = list(call.criteria.all())
    start = Submission.objects.count()
    submissions = Submission.objects.bulk_create(
        Submission(
            call=call, title=f"Voorstel {start + i}", abstract="Kort.", format=fmt, track=track
        )
        for i in range(count)
    )
    speakers = User.objects.bulk_create(
        User(email=f"spreker{start + i}@example.org") for i in range(count)
    )
    SubmissionSpeaker.objects.bulk_create(
        SubmissionSpeaker(submission=s, user=u) for s, u in zip(submissions, speakers, strict=True)
    )
    reviews = Review.objects.bulk_create(
        Review(submission=s, reviewer=r) for s in submissions for r in reviewers
    )
    Score.objects.bulk_create(
        Score(review=review, criterion=c, value=1 + (review.pk + c.pk) % 5)
        for review in reviews
        for c in criteria
    )


def test_coordinators_list_queries_do_not_grow_from_50_to_500(
    client, coordinator, call, queries_of
):
    reviewers = [person(UserFactory(), OrganisationFactory()) for _ in range(2)]
    add_reviewed_submissions(call, 50, reviewers)
    path = url("submissions", slug=call.meeting.slug) + "?sort=spread"
    small = queries_of(path)
    add_reviewed_submissions(call, 450, reviewers)
    assert queries_of(path) == small


def test_reviewers_list_queries_do_not_grow_from_50_to_500(client, reviewer, call, queries_of):
    add_reviewed_submissions(call, 50, [reviewer])
    path = url("reviews")
    small = queries_of(path)
    add_reviewed_submissions(call, 450, [reviewer])
    assert queries_of(path) == small
    assert client.get(path).content.decode().count("beoordeeld<") == 500
