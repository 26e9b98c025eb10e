"""Reviewing and deciding: who may review what, scores, the submission's state, decisions with
their emails in the speaker's language, and the speaker's confirmation."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from pioneers.cfp import reviewing
from pioneers.cfp.models import DecisionTemplate, Reviewer, Score, Submission
from tests.cfp.conftest import make_call, reviews
from tests.cfp.test_services import submit
from tests.factories import OrganisationFactory, UserFactory, meeting_create


def person(user, organisation=None):
    from pioneers.network.models import Person

    Person.objects.create(
        user=user, name=user.get_full_name(), organisation=organisation, role="official"
    )
    return user


def scores_for(call, value=4):
    return {criterion.pk: value for criterion in call.criteria.all()}


@pytest.fixture
def reviewer(call):
    user = person(UserFactory(), OrganisationFactory())
    Reviewer.objects.create(call=call, user=user)
    return user


@pytest.fixture
def submission(call):
    return submit(call, person(UserFactory(), OrganisationFactory()))


def test_review_save_scores_every_criterion_and_moves_to_in_review(submission, reviewer):
    review = reviewing.review_save(
        submission=submission, reviewer=reviewer, scores=scores_for(submission.call), comment="Goed"
    )
    assert sorted(review.scores.values_list("value", flat=True)) == [4, 4]
    submission.refresh_from_db()
    assert submission.state == Submission.State.IN_REVIEW


def test_review_save_twice_changes_the_one_review(submission, reviewer):
    call = submission.call
    reviewing.review_save(submission=submission, reviewer=reviewer, scores=scores_for(call, 2))
    reviewing.review_save(submission=submission, reviewer=reviewer, scores=scores_for(call, 5))
    assert reviews().count() == 1
    assert set(Score.objects.filter(review__in=reviews()).values_list("value", flat=True)) == {5}


def test_review_save_refuses_someone_not_appointed(submission):
    with pytest.raises(ValidationError):
        reviewing.review_save(
            submission=submission, reviewer=UserFactory(), scores=scores_for(submission.call)
        )
    assert not reviews().exists()


def test_review_save_refuses_a_submission_of_another_call(submission, reviewer, demo):
    other_meeting = meeting_create(
        number=41, title="Tweede", slug="tweede", date="2031-01-01", format="conference"
    )
    other = submit(make_call(other_meeting), UserFactory())
    with pytest.raises(ValidationError):
        reviewing.review_save(submission=other, reviewer=reviewer, scores=scores_for(other.call))
    assert not reviews().exists()
    other.refresh_from_db()
    assert other.state == Submission.State.SUBMITTED


def test_review_save_refuses_a_submission_of_the_reviewers_own_organisation(call):
    organisation = OrganisationFactory()
    reviewer = person(UserFactory(), organisation)
    Reviewer.objects.create(call=call, user=reviewer)
    own = submit(call, person(UserFactory(), organisation))
    with pytest.raises(ValidationError):
        reviewing.review_save(submission=own, reviewer=reviewer, scores=scores_for(call))
    assert not reviews().exists()
    assert [call_ for call_, rows in reviewing.review_list(reviewer) if rows] == []


def test_review_save_refuses_a_missing_or_out_of_range_score(submission, reviewer):
    criteria = list(submission.call.criteria.all())
    for scores in ({criteria[0].pk: 3}, {criteria[0].pk: 3, criteria[1].pk: 6}):
        with pytest.raises(ValidationError):
            reviewing.review_save(submission=submission, reviewer=reviewer, scores=scores)
    assert not reviews().exists()


def test_review_list_shows_own_review_state(submission, reviewer):
    [(call, rows)] = reviewing.review_list(reviewer)
    assert [(row.submission, row.reviewed) for row in rows] == [(submission, False)]
    reviewing.review_save(submission=submission, reviewer=reviewer, scores=scores_for(call))
    [(call, rows)] = reviewing.review_list(reviewer)
    assert rows[0].reviewed is True


def test_coordinators_list_gives_average_spread_and_count(call, submission, reviewer):
    second = person(UserFactory(), OrganisationFactory())
    Reviewer.objects.create(call=call, user=second)
    reviewing.review_save(submission=submission, reviewer=reviewer, scores=scores_for(call, 2))
    reviewing.review_save(submission=submission, reviewer=second, scores=scores_for(call, 4))
    unreviewed = submit(call, UserFactory(), title="Nog niet bekeken")
    rows = reviewing.submissions_for_coordinators(call, sort="avg")
    assert [row.pk for row in rows] == [submission.pk, unreviewed.pk]
    assert rows[0].review_count == 2
    assert rows[0].score_avg == pytest.approx(3.0)
    assert rows[0].score_spread == pytest.approx(1.0)  # population: sqrt(((2-3)²·2+(4-3)²·2)/4)
    assert rows[1].score_avg is None
    assert [r.pk for r in reviewing.submissions_for_coordinators(call, sort="title")] == [
        unreviewed.pk,
        submission.pk,
    ]
    assert reviewing.submissions_for_coordinators(call, state="in_review") == [submission]


def test_decision_sends_the_speakers_email_in_their_language_once(
    submission, django_capture_on_commit_callbacks
):
    submission.speaker_rows.update(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        reviewing.decision_make(submission=submission, decision="accepted")
        reviewing.decision_make(submission=submission, decision="accepted")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == f"Your proposal has been accepted: {submission.title}"
    assert f"/en/proposals/{submission.pk}/" in mail.outbox[0].body
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED


def test_decision_uses_the_coordinators_template_with_placeholders(
    submission, django_capture_on_commit_callbacks
):
    DecisionTemplate.objects.create(
        call=submission.call,
        kind="waitlisted",
        language="nl",
        subject="Wachtlijst: {title}",
        body="Beste {name}, {title} voor {meeting} wacht nog. {url} {onbekend}",
    )
    speaker = submission.speakers.get()
    with django_capture_on_commit_callbacks(execute=True):
        reviewing.decision_make(submission=submission, decision="waitlisted")
    [email] = mail.outbox
    assert email.subject == f"Wachtlijst: {submission.title}"
    assert email.body.startswith(f"Beste {speaker.get_full_name()}, {submission.title} voor ")
    assert f"/nl/voorstellen/{submission.pk}/ {{onbekend}}" in email.body


def test_decision_template_with_an_unknown_placeholder_is_refused(call):
    template = DecisionTemplate(
        call=call, kind="accepted", language="nl", subject="{titel}", body="x"
    )
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "subject" in error.value.message_dict
    with translation.override("en"):
        assert "{titel}" in str(error.value.message_dict["subject"])


def test_decision_refuses_an_unknown_kind_and_a_confirmed_submission(submission):
    with pytest.raises(ValidationError):
        reviewing.decision_make(submission=submission, decision="maybe")
    Submission.objects.filter(pk=submission.pk).update(state="confirmed")
    with pytest.raises(ValidationError):
        reviewing.decision_make(submission=submission, decision="rejected")
    submission.refresh_from_db()
    assert submission.state == Submission.State.CONFIRMED


def test_review_after_a_decision_is_refused(submission, reviewer):
    reviewing.decision_make(submission=submission, decision="rejected")
    with pytest.raises(ValidationError):
        reviewing.review_save(
            submission=submission, reviewer=reviewer, scores=scores_for(submission.call)
        )
    assert not reviews().exists()


def test_speaker_confirms_an_accepted_proposal_twice_harmlessly(submission):
    speaker = submission.speakers.get()
    reviewing.decision_make(submission=submission, decision="accepted")
    reviewing.speaker_confirm(submission=submission, user=speaker)
    again = reviewing.speaker_confirm(submission=submission, user=speaker)
    assert again.state == Submission.State.CONFIRMED


def test_speaker_of_a_rejected_proposal_cannot_confirm(submission):
    reviewing.decision_make(submission=submission, decision="rejected")
    with pytest.raises(ValidationError):
        reviewing.speaker_confirm(submission=submission, user=submission.speakers.get())
    submission.refresh_from_db()
    assert submission.state == Submission.State.REJECTED


def test_someone_else_cannot_confirm(submission):
    reviewing.decision_make(submission=submission, decision="accepted")
    with pytest.raises(ValidationError):
        reviewing.speaker_confirm(submission=submission, user=UserFactory())
    submission.refresh_from_db()
    assert submission.state == Submission.State.ACCEPTED


def test_submitting_keeps_the_speakers_language(call):
    with translation.override("en"):
        submission = submit(call, UserFactory())
    assert submission.speaker_rows.get().language == "en"


def test_personal_data_exports_and_erases_a_reviewers_comments(submission, reviewer):
    from pioneers.core.personal_data import export_all

    reviewing.review_save(
        submission=submission, reviewer=reviewer, scores=scores_for(submission.call), comment="Mooi"
    )
    [exported] = export_all(reviewer)["reviews"]
    assert exported["comment"] == "Mooi"
    assert exported["scores"] == {"Relevantie": 4, "Originaliteit": 4}
    reviewing.personal_data_erase(reviewer)
    reviewing.personal_data_erase(reviewer)
    assert not Reviewer.objects.filter(user=reviewer).exists()
    assert reviews().get().comment == ""
    assert Score.objects.filter(review__in=reviews()).count() == 2
