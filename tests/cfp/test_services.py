import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pioneers.cfp import services
from pioneers.cfp.models import Call, Invitation, Review, Submission
from tests.cfp.conftest import make_call
from tests.factories import UserFactory, meeting_create

PDF = b"%PDF-1.4\n%fake but starts right\n"


def submit(call, user, **fields):
    defaults = {
        "title": "Open data in de wijk",
        "abstract": "Wat we leerden.",
        "format": call.formats.first(),
        "language": "nl",
    }
    return services.submission_create(call=call, user=user, **{**defaults, **fields})


def test_call_create_refuses_closing_before_opening(conference):
    with pytest.raises(ValidationError) as error:
        make_call(conference, opens=5, closes=1)
    assert "closes_at" in error.value.message_dict
    assert not Call.objects.filter(meeting=conference).exists()


def test_call_create_refuses_without_formats(conference):
    with pytest.raises(ValidationError):
        make_call(conference, formats=0)
    assert not Call.objects.filter(meeting=conference).exists()


def test_call_create_refuses_a_meeting_not_in_conference_format(demo):
    lab = meeting_create(number=41, title="Lab", slug="lab-x", date=datetime.date(2030, 1, 1))
    with pytest.raises(ValidationError) as error:
        make_call(lab)
    assert "meeting" in error.value.message_dict


def test_submission_create_makes_submitter_first_speaker(call):
    user = UserFactory()
    submission = submit(call, user)
    assert submission.state == Submission.State.SUBMITTED
    assert list(submission.speakers.all()) == [user]


def test_submission_create_after_deadline_is_refused(conference):
    closed = make_call(conference, opens=-10, closes=-1)
    with pytest.raises(ValidationError):
        submit(closed, UserFactory())
    assert not Submission.objects.filter(call=closed).exists()


def test_submission_create_refuses_a_format_of_another_call(call, demo):
    other_meeting = meeting_create(
        number=42,
        title="Andere",
        slug="andere",
        date=datetime.date(2030, 2, 1),
        format="conference",
    )
    other = make_call(other_meeting)
    with pytest.raises(ValidationError):
        submit(call, UserFactory(), format=other.formats.first())


def test_submission_create_requires_answers_to_required_questions(conference):
    call = make_call(conference, questions=[("Wie is je publiek?", "Who is your audience?", True)])
    with pytest.raises(ValidationError):
        submit(call, UserFactory(), answers={})
    question = call.questions.get()
    submission = submit(call, UserFactory(), answers={str(question.pk): "Raadsleden", "999": "x"})
    assert submission.answers == {str(question.pk): "Raadsleden"}


def test_slides_check_refuses_a_renamed_file():
    fake = SimpleUploadedFile("slides.pdf", b"<script>alert(1)</script>")
    with pytest.raises(ValidationError) as error:
        services.slides_check(fake)
    assert error.value.code == "not_pdf"


def test_slides_check_refuses_a_large_file(settings):
    settings.CFP_SLIDES_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.slides_check(SimpleUploadedFile("slides.pdf", PDF))
    assert error.value.code == "too_large"


def test_slides_check_accepts_a_pdf():
    services.slides_check(SimpleUploadedFile("Slides.PDF", PDF))


def test_submission_update_after_deadline_changes_nothing(call):
    user = UserFactory()
    submission = submit(call, user)
    later = call.closes_at + datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError):
        services.submission_update(submission=submission, user=user, now=later, title="Nieuw")
    submission.refresh_from_db()
    assert submission.title == "Open data in de wijk"


def test_submission_update_by_someone_else_is_refused(call):
    submission = submit(call, UserFactory())
    with pytest.raises(ValidationError):
        services.submission_update(submission=submission, user=UserFactory(), title="Gekaapt")
    submission.refresh_from_db()
    assert submission.title == "Open data in de wijk"


def test_submission_withdraw_twice_is_harmless(call):
    user = UserFactory()
    submission = submit(call, user)
    first = services.submission_withdraw(submission=submission, user=user)
    second = services.submission_withdraw(submission=submission, user=user)
    assert second.state == Submission.State.WITHDRAWN
    assert second.withdrawn_at == first.withdrawn_at


def test_submission_withdraw_after_deadline_is_allowed(call):
    user = UserFactory()
    submission = submit(call, user)
    later = call.closes_at + datetime.timedelta(days=3)
    assert services.submission_withdraw(submission=submission, user=user, now=later).state == (
        Submission.State.WITHDRAWN
    )


def test_invitation_create_sends_one_email_with_the_link(call, django_capture_on_commit_callbacks):
    user = UserFactory()
    submission = submit(call, user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            submission=submission, by=user, email="co@example.org", language="nl"
        )
        again = services.invitation_create(
            submission=submission, by=user, email="CO@example.org", language="nl"
        )
    assert again.pk == invitation.pk
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    assert mail.outbox[0].to == ["co@example.org"]


def test_invitation_accept_adds_a_speaker_once(call):
    user = UserFactory()
    submission = submit(call, user)
    invitation = services.invitation_create(
        submission=submission, by=user, email="co@example.org", language="en"
    )
    co = UserFactory(email="co@example.org")
    services.invitation_answer(token=invitation.token, user=co, accept=True)
    services.invitation_answer(token=invitation.token, user=co, accept=True)
    assert list(submission.speakers.order_by("cfp_speaker_rows__position")) == [user, co]


def test_invitation_to_an_address_that_declined_is_refused(
    call, django_capture_on_commit_callbacks
):
    user = UserFactory()
    submission = submit(call, user)
    invitation = services.invitation_create(
        submission=submission, by=user, email="no@example.org", language="nl"
    )
    services.invitation_answer(token=invitation.token, user=None, accept=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as error:
        services.invitation_create(
            submission=submission, by=user, email="No@example.org", language="nl"
        )
    assert error.value.code == "declined"
    assert mail.outbox == []
    assert Invitation.objects.filter(submission=submission).count() == 1


def test_call_state_follows_the_clock(call):
    assert call.state() == "open"
    assert call.state(call.opens_at - datetime.timedelta(seconds=1)) == "not_yet"
    assert call.state(call.closes_at) == "closed"
    assert timezone.is_aware(call.closes_at)


def test_demo_has_an_open_call_on_an_upcoming_conference(demo):
    call = Call.objects.select_related("meeting").get(meeting__date__gt=timezone.localdate())
    assert call.is_open()
    assert call.meeting.format == "conference" and call.meeting.date > timezone.localdate()
    assert call.formats.count() == 4 and call.questions.filter(required=True).exists()


def test_demo_has_the_2019_conference_with_its_programme(demo):
    call = Call.objects.get(meeting__date=datetime.date(2019, 10, 3))
    assert call.state() == "closed"
    assert call.submissions.count() == 30
    confirmed = call.submissions.filter(state=Submission.State.CONFIRMED)
    assert call.slots.count() == confirmed.count() > 10
    assert call.rooms.count() == 3
    assert call.submissions.filter(state=Submission.State.WAITLISTED).count() == 2
    # Three reviewers of three organisations reviewed every decided proposal, never their own
    # organisation's, with a score on every criterion.
    reviewers = list(call.reviewers.select_related("user__person"))
    assert len({r.user.person.organisation_id for r in reviewers}) == len(reviewers) == 3
    reviews = Review.objects.filter(submission__call=call).select_related("reviewer__person")
    assert reviews.count() >= 2 * call.submissions.exclude(state="withdrawn").count()
    assert not reviews.filter(submission__state="withdrawn").exists()
    for review in reviews.prefetch_related("scores", "submission__speakers__person"):
        assert review.scores.count() == call.criteria.count()
        organisations = {user.person.organisation_id for user in review.submission.speakers.all()}
        assert review.reviewer.person.organisation_id not in organisations


def test_submission_create_twice_with_the_same_title_gives_the_first(call):
    user = UserFactory()
    first = submit(call, user)
    assert submit(call, user, title="OPEN DATA IN DE WIJK").pk == first.pk
    assert Submission.objects.filter(call=call).count() == 1


def test_personal_data_export_and_erase(call):
    from pioneers.core.personal_data import erase_all, export_all

    user = UserFactory()
    submission = submit(call, user, notes="Alleen voor jullie")
    assert export_all(user)["proposals"][0]["notes"] == "Alleen voor jullie"
    erase_all(user)
    erase_all(user)
    submission.refresh_from_db()
    assert submission.state == Submission.State.WITHDRAWN and submission.notes == ""
    assert not submission.speakers.exists()
