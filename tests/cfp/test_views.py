import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from pioneers.cfp import services
from pioneers.cfp.models import Call, Submission
from tests.cfp.conftest import make_call
from tests.factories import UserFactory

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def private(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    return tmp_path


def form_data(call, **fields):
    data = {
        "title": "Open data in de wijk",
        "abstract": "Wat we leerden.",
        "description": "",
        "format": str(call.formats.first().pk),
        "language": "nl",
        "notes": "",
    }
    return {**data, **fields}


def submitted(call, user, **fields):
    defaults = {
        "title": "Voorstel",
        "abstract": "Kort.",
        "format": call.formats.first(),
        "language": "nl",
    }
    return services.submission_create(call=call, user=user, **{**defaults, **fields})


def url(name, **kwargs):
    return reverse(f"cfp:{name}", kwargs=kwargs)


def test_meeting_page_shows_the_open_call(client, call):
    page = client.get(call.meeting.get_absolute_url()).content.decode()
    assert "Dien een voorstel in" in page
    assert url("submit", slug=call.meeting.slug) in page


def test_meeting_page_hides_a_closed_call(client, conference):
    make_call(conference, opens=-10, closes=-1)
    page = client.get(conference.get_absolute_url()).content.decode()
    assert url("submit", slug=conference.slug) not in page


@pytest.mark.parametrize(
    ("language", "path", "words"),
    [
        (
            "nl",
            "/nl/bijeenkomsten/pioniersconferentie/oproep/",
            ["Sessievormen", "Lezing 0", "Relevantie"],
        ),
        (
            "en",
            "/en/meetings/pioniersconferentie/call/",
            ["Session formats", "Talk 0", "Relevance"],
        ),
    ],
)
def test_call_page_in_both_languages(client, call, language, path, words):
    with translation.override(language):
        assert url("call", slug=call.meeting.slug) == path
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    for word in words:
        assert word in page
    assert "30 minut" in page


def test_call_page_of_a_meeting_without_call_is_404(client, conference):
    assert client.get(url("call", slug=conference.slug)).status_code == 404


@pytest.mark.parametrize("size", [1, 6])
def test_call_page_queries_do_not_grow(queries_of, conference, size):
    call = make_call(conference, formats=size, tracks=size)
    path = url("call", slug=call.meeting.slug)
    small = queries_of(path)
    for index in range(10):
        call.formats.create(name_nl=f"Extra {index}", duration_minutes=20)
        call.tracks.create(name_nl=f"Extra spoor {index}")
        call.criteria.create(name_nl=f"Criterium {index}")
    assert queries_of(path) == small


def test_submit_by_a_speaker(client, call, speaker):
    response = client.post(url("submit", slug=call.meeting.slug), form_data(call))
    submission = Submission.objects.get(call=call)
    assert response.status_code == 302
    assert response["Location"] == url("proposal", pk=submission.pk)
    assert list(submission.speakers.all()) == [speaker]


def test_submit_without_account_keeps_what_was_typed(client, call):
    path = url("submit", slug=call.meeting.slug)
    response = client.post(path, form_data(call, title="Mijn <b>titel</b>"))
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/accounts/login/?next=")
    assert not Submission.objects.filter(call=call).exists()
    client.force_login(UserFactory())
    page = client.get(path).content.decode()
    assert "Mijn &lt;b&gt;titel&lt;/b&gt;" in page
    assert "&amp;lt;" not in page


def test_submit_after_the_deadline_is_refused(client, conference, speaker):
    closed = make_call(conference, opens=-10, closes=-1)
    response = client.post(url("submit", slug=conference.slug), form_data(closed), follow=True)
    assert not Submission.objects.filter(call__meeting=conference).exists()
    assert "De deadline van deze oproep is voorbij" in response.content.decode()


def test_submit_a_renamed_file_as_slides_is_refused(client, call, speaker, private):
    fake = SimpleUploadedFile("slides.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        url("submit", slug=call.meeting.slug), {**form_data(call), "slides": fake}
    )
    assert response.status_code == 400
    assert "De presentatie moet een pdf-bestand zijn." in response.content.decode()
    assert not Submission.objects.filter(call=call).exists()
    assert 'value="Open data in de wijk"' in response.content.decode()


def test_submit_too_large_slides_is_refused(client, call, speaker, private, settings):
    settings.CFP_SLIDES_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("s.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf")
    response = client.post(
        url("submit", slug=call.meeting.slug), {**form_data(call), "slides": big}
    )
    assert response.status_code == 400
    assert not Submission.objects.filter(call=call).exists()


def test_slides_are_stored_privately_and_served_to_speakers_only(client, call, speaker, private):
    slides = SimpleUploadedFile("mine.pdf", PDF, content_type="application/pdf")
    client.post(url("submit", slug=call.meeting.slug), {**form_data(call), "slides": slides})
    submission = Submission.objects.get(call=call)
    assert list(private.rglob("*.pdf"))
    detail = client.get(url("proposal", pk=submission.pk))
    assert detail.status_code == 200
    assert url("slides", pk=submission.pk) in detail.content.decode()
    assert 'name="slides-clear"' in detail.content.decode()
    response = client.get(url("slides", pk=submission.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    client.force_login(UserFactory())
    assert client.get(url("slides", pk=submission.pk)).status_code == 404


def test_slides_can_be_removed_before_the_deadline(client, call, speaker, private):
    slides = SimpleUploadedFile("mine.pdf", PDF, content_type="application/pdf")
    client.post(url("submit", slug=call.meeting.slug), {**form_data(call), "slides": slides})
    submission = Submission.objects.get(call=call)
    client.post(url("proposal", pk=submission.pk), {**form_data(call), "slides-clear": "on"})
    submission.refresh_from_db()
    assert not submission.slides


def test_script_in_a_field_is_shown_as_text(client, call, speaker):
    script = "<script>alert('x')</script> & co"
    submission = submitted(call, speaker, title=script, abstract=script)
    page = client.get(url("proposals")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    detail = client.get(url("proposal", pk=submission.pk)).content.decode()
    assert "<script>alert" not in detail


def test_my_proposals_shows_the_state(client, call, speaker):
    submission = submitted(call, speaker)
    services.submission_withdraw(submission=submission, user=speaker)
    page = client.get(url("proposals")).content.decode()
    assert "Voorstel" in page and "Ingetrokken" in page


def test_edit_after_the_deadline_changes_nothing(client, call, speaker):
    submission = submitted(call, speaker)
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.post(
        url("proposal", pk=submission.pk), form_data(call, title="Nieuw"), follow=True
    )
    submission.refresh_from_db()
    assert submission.title == "Voorstel"
    assert "kan niet meer worden gewijzigd" in response.content.decode()


def test_edit_before_the_deadline(client, call, speaker):
    submission = submitted(call, speaker)
    response = client.post(url("proposal", pk=submission.pk), form_data(call, title="Nieuw"))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Nieuw"


def test_withdraw_twice_is_harmless(client, call, speaker):
    submission = submitted(call, speaker)
    for _ in range(2):
        assert client.post(url("withdraw", pk=submission.pk)).status_code == 302
    submission.refresh_from_db()
    assert submission.state == Submission.State.WITHDRAWN


def test_forged_posts_for_someone_elses_submission_change_nothing(client, call, speaker):
    other = submitted(call, UserFactory())
    assert client.post(url("withdraw", pk=other.pk)).status_code == 404
    assert client.post(url("proposal", pk=other.pk), form_data(call, title="X")).status_code == 404
    assert client.post(url("invite", pk=other.pk), {"email": "a@example.org"}).status_code == 404
    other.refresh_from_db()
    assert (other.state, other.title) == (Submission.State.SUBMITTED, "Voorstel")


@pytest.mark.parametrize("pk", ["99999999999999999999", "1e3", "%C2%B2"])
def test_odd_ids_are_not_found(client, speaker, pk):
    assert client.get(f"/nl/voorstellen/{pk}/").status_code == 404
    assert client.post(f"/nl/voorstellen/{pk}/intrekken/").status_code == 404


def test_odd_format_value_is_a_form_error(client, call, speaker):
    response = client.post(
        url("submit", slug=call.meeting.slug), form_data(call, format="99999999999999999999")
    )
    assert response.status_code == 400
    assert not Submission.objects.filter(call=call).exists()


def test_invitation_accept_and_decline_by_link(
    client, call, speaker, django_capture_on_commit_callbacks
):
    submission = submitted(call, speaker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("invite", pk=submission.pk), {"email": "co@example.org"})
    assert response.status_code == 302
    invitation = submission.invitations.get()
    co = UserFactory(email="co@example.org")
    client.force_login(co)
    response = client.post(url("invitation", token=invitation.token), {"answer": "accept"})
    assert response["Location"] == url("proposal", pk=submission.pk)
    assert co in submission.speakers.all()


def test_invitation_to_a_declined_address_shows_a_message(client, call, speaker):
    submission = submitted(call, speaker)
    client.post(url("invite", pk=submission.pk), {"email": "no@example.org"})
    invitation = submission.invitations.get()
    client.logout()
    client.post(url("invitation", token=invitation.token), {"answer": "decline"})
    client.force_login(speaker)
    response = client.post(
        url("invite", pk=submission.pk), {"email": "no@example.org"}, follow=True
    )
    assert "wordt niet opnieuw uitgenodigd" in response.content.decode()
    assert submission.invitations.count() == 1


def test_unknown_invitation_token_is_404(client, demo):
    assert client.get(url("invitation", token="x" * 200)).status_code == 404
