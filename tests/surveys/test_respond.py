"""The respondent's pages: a personal link, no login, one page per section, saved as they go."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from pioneers.surveys import services
from pioneers.surveys.models import Answer, Invitation, Question, Response
from tests.surveys.conftest import survey_create

pytestmark = pytest.mark.django_db


def _url(invitation, language="nl"):
    with translation.override(language):
        return reverse("surveys:respond", kwargs={"token": invitation.token})


def _q(survey, code):
    return survey.questions.get(code=code)


def _first_page(survey, **values):
    data = {"section": "1", f"q{_q(survey, 'learned').pk}": "4"}
    data.update(values)
    return data


def test_respond_urls_are_translated(invitation):
    assert _url(invitation, "nl").startswith("/nl/enquetes/")
    assert _url(invitation, "en").startswith("/en/surveys/")


def test_respond_page_is_never_cached(client, invitation):
    for _ in range(2):
        answer = client.get(_url(invitation))
        assert "no-store" in answer["Cache-Control"]
        assert answer.get("X-Cache") != "hit"


def test_respond_shows_intro_and_first_section_in_the_language(client, invitation):
    page = client.get(_url(invitation, "en")).content.decode()
    assert "Welcome to the evaluation." in page
    assert "Section 1 of 2" in page
    assert "I learned a lot" in page
    assert "Strongly agree" in page
    page = client.get(_url(invitation)).content.decode()
    assert "Sectie 1 van 2" in page
    assert "Helemaal eens" in page


def test_respond_saves_each_kind(client, invitation):
    survey = invitation.survey
    url = _url(invitation)
    topics = f"q{_q(survey, 'topics').pk}"
    answer = client.post(
        url,
        {
            **_first_page(survey),
            f"q{_q(survey, 'often').pk}": "2",
            topics: ["1", "3"],
            "action": "next",
        },
    )
    assert answer.status_code == 302
    assert answer["Location"].endswith("?section=2")
    grid = _q(survey, "grid")
    answer = client.post(
        url,
        {
            "section": "2",
            f"q{_q(survey, 'count').pk}": "7",
            f"q{_q(survey, 'name').pk}": "Open Schiedam",
            f"q{_q(survey, 'story').pk}": "Een lang verhaal",
            f"q{grid.pk}_1": "5",
            f"q{grid.pk}_2": "1",
            "action": "submit",
        },
    )
    assert answer.status_code == 302
    response = Response.objects.get(survey=survey)
    values = {(a.question.code, a.item): a for a in response.answers.select_related("question")}
    assert values[("learned", 0)].number == 4
    assert values[("often", 0)].number == 2
    assert values[("topics", 0)].choices == [1, 3]
    assert values[("count", 0)].number == Decimal("7")
    assert values[("name", 0)].text == "Open Schiedam"
    assert values[("story", 0)].text == "Een lang verhaal"
    assert values[("grid", 1)].number == 5 and values[("grid", 2)].number == 1
    assert response.submitted_on == timezone.localdate()
    invitation.refresh_from_db()
    assert invitation.answered
    page = client.get(url).content.decode()
    assert "Bedankt" in page or "Dank" in page
    assert "Wijzig mijn antwoorden" in page or "?section=1" in page


def test_respond_in_two_sittings(client, invitation):
    survey = invitation.survey
    url = _url(invitation)
    client.post(url, {**_first_page(survey), "action": "save"})
    # Later, another browser: the same link finds the answers again.
    client.cookies.clear()
    page = client.get(url).content.decode()
    field = f"q{_q(survey, 'learned').pk}"
    assert f'name="{field}" value="4" id="id_{field}_3" checked' in page
    answer = client.post(url, {**_first_page(survey), "action": "next"})
    assert answer.status_code == 302
    client.post(url, {"section": "2", "action": "submit"})
    assert Response.objects.filter(survey=survey).count() == 1
    assert Response.objects.get(survey=survey).is_submitted


def test_required_question_is_checked_on_next_and_submit(client, invitation):
    survey = invitation.survey
    url = _url(invitation)
    answer = client.post(url, {"section": "1", "action": "next"})
    assert answer.status_code == 200
    assert "Beantwoord deze vraag" in answer.content.decode()
    # Submitting from the last page names the section with a required question left open.
    answer = client.post(url, {"section": "2", "action": "submit"})
    assert answer.status_code == 200
    assert "?section=1" in answer.content.decode()
    assert not Response.objects.get(survey=survey).is_submitted
    invitation.refresh_from_db()
    assert not invitation.answered


@pytest.mark.parametrize(
    ("code", "value"),
    [("learned", "7"), ("often", "99"), ("count", "11"), ("count", "-1"), ("name", "x" * 301)],
)
def test_out_of_scale_answers_save_nothing(client, invitation, code, value):
    survey = invitation.survey
    section = "1" if code in ("learned", "often") else "2"
    data = {"section": section, f"q{_q(survey, code).pk}": value, "action": "save"}
    if section == "2":
        data[f"q{_q(survey, 'name').pk}"] = data.get(f"q{_q(survey, 'name').pk}", "Kept")
    answer = client.post(_url(invitation), data)
    assert answer.status_code == 200
    assert "utrecht-form-field-error-message" in answer.content.decode()
    assert not Answer.objects.filter(response__survey=invitation.survey).exists()


def test_a_matrix_answer_out_of_scale_saves_nothing(client, invitation):
    grid = _q(invitation.survey, "grid")
    answer = client.post(
        _url(invitation), {"section": "2", f"q{grid.pk}_1": "6", f"q{grid.pk}_2": "3"}
    )
    assert answer.status_code == 200
    assert not Answer.objects.filter(response__survey=invitation.survey).exists()


def test_typed_text_is_kept_on_an_error(client, invitation):
    survey = invitation.survey
    answer = client.post(
        _url(invitation),
        {
            "section": "2",
            f"q{_q(survey, 'count').pk}": "99",
            f"q{_q(survey, 'story').pk}": "Mijn verhaal",
        },
    )
    assert "Mijn verhaal" in answer.content.decode()


@pytest.mark.parametrize("token", ["forged", "99999999999999999999", "x" * 300, "%00"])
def test_unknown_link_is_404_in_the_language(client, survey, token):
    answer = client.get(f"/en/surveys/{token}/")
    assert answer.status_code == 404
    assert "Page not found" in answer.content.decode()
    assert client.post(f"/nl/enquetes/{token}/", {"section": "1"}).status_code == 404


def test_section_number_out_of_range_shows_a_page(client, invitation):
    for value in ("0", "99999999999999999999", "abc", "-1"):
        assert client.get(_url(invitation) + f"?section={value}").status_code == 200


def test_after_closing_nothing_is_saved(client, invitation):
    survey = invitation.survey
    survey.opens_at = timezone.now() - timedelta(days=10)
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save()
    assert "gesloten" in client.get(_url(invitation)).content.decode()
    answer = client.post(_url(invitation), {**_first_page(survey), "action": "save"})
    assert answer.status_code == 409
    assert "niet opgeslagen" in answer.content.decode()
    assert not Response.objects.filter(survey=invitation.survey).exists()
    autosave = client.post(
        reverse("surveys:autosave", kwargs={"token": invitation.token}), _first_page(survey)
    )
    assert autosave.status_code == 409
    assert not Response.objects.filter(survey=invitation.survey).exists()


def test_before_opening_says_when(client, demo):
    survey = survey_create(opens_in=2)
    invitation = Invitation.objects.create(
        survey=survey, organisation=survey_org(), email="a@example.org"
    )
    page = client.get(_url(invitation, "en")).content.decode()
    assert "not open yet" in page
    client.post(_url(invitation), {**_first_page(survey), "action": "save"})
    assert not Response.objects.filter(survey=invitation.survey).exists()


def survey_org():
    from tests.factories import OrganisationFactory

    return OrganisationFactory()


def test_autosave_saves_a_changed_answer(client, invitation):
    survey = invitation.survey
    answer = client.post(
        reverse("surveys:autosave", kwargs={"token": invitation.token}),
        _first_page(survey),
        HTTP_HX_REQUEST="true",
    )
    assert answer.status_code == 200
    assert "Opgeslagen" in answer.content.decode()
    assert Answer.objects.get(response__survey=invitation.survey).number == 4


def test_autosave_of_a_bad_value_saves_nothing(client, invitation):
    survey = invitation.survey
    answer = client.post(
        reverse("surveys:autosave", kwargs={"token": invitation.token}),
        _first_page(survey, **{f"q{_q(survey, 'learned').pk}": "9"}),
    )
    assert answer.status_code == 200
    assert not Answer.objects.filter(response__survey=invitation.survey).exists()


def test_an_emptied_answer_is_removed(client, invitation):
    survey = invitation.survey
    url = _url(invitation)
    name = f"q{_q(survey, 'name').pk}"
    client.post(url, {"section": "2", name: "Iets"})
    client.post(url, {"section": "2", name: ""})
    assert not Answer.objects.filter(question__code="name").exists()


def test_submitted_answers_can_change_until_closing(client, invitation):
    survey = invitation.survey
    url = _url(invitation)
    client.post(url, {**_first_page(survey), "action": "next"})
    client.post(url, {"section": "2", "action": "submit"})
    day = Response.objects.get(survey=invitation.survey).submitted_on
    client.post(
        url, {**_first_page(survey, **{f"q{_q(survey, 'learned').pk}": "2"}), "action": "save"}
    )
    answer = Answer.objects.get(response__survey=invitation.survey, question__code="learned")
    assert answer.number == 2
    assert Response.objects.get(survey=invitation.survey).submitted_on == day


def test_anonymous_response_holds_organisation_and_role_only(client, invitation):
    survey = invitation.survey
    assert survey.anonymous
    client.post(_url(invitation), {**_first_page(survey), "action": "save"})
    response = Response.objects.get(survey=invitation.survey)
    assert response.person is None and response.invitation is None
    assert response.organisation == invitation.organisation
    assert response.role == "alderman"
    assert response.key == services.response_key(invitation.token)
    assert invitation.token not in response.key


def test_named_response_links_person_and_invitation(client, invitation):
    survey = invitation.survey
    survey.anonymous = False
    survey.save()
    client.post(_url(invitation), {**_first_page(survey), "action": "save"})
    response = Response.objects.get(survey=invitation.survey)
    assert response.person == invitation.person
    assert response.invitation == invitation
    assert response.key is None


def test_hidden_questions_are_not_asked(client, invitation):
    survey = invitation.survey
    question = _q(survey, "often")
    question.hidden = True
    question.save()
    page = client.get(_url(invitation)).content.decode()
    assert "Hoe vaak?" not in page
    # A posted value for it is ignored.
    client.post(_url(invitation), {**_first_page(survey), f"q{question.pk}": "1", "action": "save"})
    assert not Answer.objects.filter(question=question).exists()


def test_a_double_click_makes_one_response(invitation):
    questions = list(invitation.survey.questions.filter(kind=Question.Kind.LIKERT))
    name = f"q{questions[0].pk}"
    for _ in range(2):
        services.answers_save(invitation=invitation, questions=questions, cleaned={name: 3})
    assert Response.objects.filter(survey=invitation.survey).count() == 1
    assert Answer.objects.filter(response__survey=invitation.survey).count() == 1


def test_a_response_made_meanwhile_is_found(invitation, monkeypatch):
    """Two tabs: the other tab made the response between this one's look-up and insert."""
    other = Response.objects.create(
        survey=invitation.survey, key=services.response_key(invitation.token)
    )
    real = Response.objects.get_or_create

    def racing_get_or_create(**kwargs):
        from django.db import IntegrityError

        raise IntegrityError("duplicate key")

    monkeypatch.setattr(Response.objects, "get_or_create", racing_get_or_create)
    assert services._response_get_or_create(invitation) == other
    monkeypatch.setattr(Response.objects, "get_or_create", real)


def test_respond_page_queries_do_not_grow_with_questions(client, demo, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for extra in (0, 20):
        survey = survey_create(extra_questions=extra)
        invitation = Invitation.objects.create(
            survey=survey, organisation=survey_org(), email="b@example.org"
        )
        url = _url(invitation)
        client.post(url, {**_first_page(survey), "action": "save"})
        client.get(url + "?section=2")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url + "?section=2").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[0]):
        client.get(url + "?section=2")


def test_dutch_text_on_an_english_page_is_marked_dutch(client, invitation):
    from django.utils.translation import override

    survey = invitation.survey
    Question.objects.filter(survey=survey, code="learned").update(text_en="")
    with override("en"):
        url = reverse("surveys:respond", kwargs={"token": invitation.token})
    page = client.get(url).content.decode()
    assert '<h1 class="utrecht-heading-1">Evaluation</h1>' in page  # English where given
    assert '<span lang="nl">Ik heb veel geleerd</span>' in page  # no English text: Dutch
    assert '<span lang="nl">Participatie</span>' in page  # a choice without English
    assert "How often?" in page and '<span lang="nl">Soms</span>' not in page
