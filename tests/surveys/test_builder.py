"""The survey builder in the admin: the rules hold before and after answers arrived."""

import pytest
from django.contrib.auth.models import Group

from pioneers.core.models import User
from pioneers.surveys import services
from pioneers.surveys.models import Answer, Question, Response, Survey
from tests.admin_forms import admin_form
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

K = Question.Kind


@pytest.fixture
def coordinator(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


def _edit_url(survey):
    return f"/admin/snippets/surveys/survey/edit/{survey.pk}/"


def _question_index(data, code):
    for key, value in data.items():
        if key.startswith("questions-") and key.endswith("-code") and value == code:
            return key.split("-")[1]
    raise KeyError(code)


def _answer(survey, code, **fields):
    response = Response.objects.create(survey=survey)
    question = survey.questions.get(code=code)
    return Answer.objects.create(response=response, question=question, **fields)


def _post(client, survey, data):
    return client.post(_edit_url(survey), data)


def test_builder_saves_a_valid_change(coordinator, survey):
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'often')}-text"] = "Hoe vaak eigenlijk?"
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 302
    assert survey.questions.get(code="often").text == "Hoe vaak eigenlijk?"


@pytest.mark.parametrize("kind", ["single", "multiple", "matrix"])
def test_choices_are_required_for_choice_kinds(coordinator, survey, kind):
    data = admin_form(coordinator, _edit_url(survey))
    index = _question_index(data, "name")
    data[f"questions-{index}-kind"] = kind
    data[f"questions-{index}-choices"] = ""
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "Geef ten minste één keuze" in answer.content.decode()
    assert survey.questions.get(code="name").kind == K.SHORT_TEXT


def test_likert_needs_no_choices(coordinator, survey):
    data = admin_form(coordinator, _edit_url(survey))
    index = _question_index(data, "name")
    data[f"questions-{index}-kind"] = "likert"
    assert _post(coordinator, survey, data).status_code == 302


def test_codes_are_unique(coordinator, survey):
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'name')}-code"] = "story"
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert survey.questions.filter(code="name").exists()


def test_codes_are_unique_in_the_service(survey):
    drafts = [
        services.QuestionDraft(pk=None, kind="likert", code="same"),
        services.QuestionDraft(pk=None, kind="likert", code="same"),
    ]
    services.survey_check(
        survey=survey,
        opens_at=survey.opens_at,
        closes_at=survey.closes_at,
        anonymous=True,
        drafts=drafts,
    )
    assert drafts[1].errors["code"]


def test_closes_after_it_opens(coordinator, survey):
    data = admin_form(coordinator, _edit_url(survey))
    data["closes_at"] = data["opens_at"]
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "moet sluiten nadat" in answer.content.decode()


def test_a_question_with_answers_cannot_be_removed(coordinator, survey):
    _answer(survey, "learned", number=4)
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'learned')}-DELETE"] = "1"
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "verberg hem in plaats daarvan" in answer.content.decode()
    assert survey.questions.filter(code="learned").exists()


def test_a_question_without_answers_can_be_removed(coordinator, survey):
    _answer(survey, "learned", number=4)
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'name')}-DELETE"] = "1"
    assert _post(coordinator, survey, data).status_code == 302
    assert not survey.questions.filter(code="name").exists()


def test_a_question_with_answers_can_be_hidden(coordinator, survey):
    _answer(survey, "learned", number=4)
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'learned')}-hidden"] = "on"
    assert _post(coordinator, survey, data).status_code == 302
    assert survey.questions.get(code="learned").hidden


def test_kind_of_an_answered_question_cannot_change(coordinator, survey):
    _answer(survey, "learned", number=4)
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'learned')}-kind"] = "number"
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "de soort kan niet veranderen" in answer.content.decode()
    assert survey.questions.get(code="learned").kind == K.LIKERT


def test_choices_of_an_answered_question_can_be_reworded_and_added_not_removed(coordinator, survey):
    _answer(survey, "often", number=2)
    data = admin_form(coordinator, _edit_url(survey))
    field = f"questions-{_question_index(data, 'often')}-choices"
    data[field] = "Nooit|Never"
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "niet verwijderd" in answer.content.decode()
    data[field] = "Nooit|Never\nAf en toe|Now and then\nVaak|Often"
    assert _post(coordinator, survey, data).status_code == 302
    assert len(survey.questions.get(code="often").options()) == 3


def test_anonymous_cannot_change_once_answered(coordinator, survey):
    _answer(survey, "learned", number=4)
    data = admin_form(coordinator, _edit_url(survey))
    data.pop("anonymous", None)
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "anoniem is, kan niet meer" in answer.content.decode()
    survey.refresh_from_db()
    assert survey.anonymous


def test_question_delete_service_refuses_with_answers(survey):
    _answer(survey, "learned", number=4)
    with pytest.raises(services.SurveyError):
        services.question_delete(question=survey.questions.get(code="learned"))


def test_surveys_menu_is_for_coordinators_only(client, demo):
    member = UserFactory()
    member.groups.add(Group.objects.get(name="Editors"))
    client.force_login(member)
    assert client.get("/admin/snippets/surveys/survey/").status_code in (302, 403)
    assert "/admin/snippets/surveys/survey/" not in client.get("/admin/").content.decode()
    coordinator = UserFactory()
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(coordinator)
    assert "/admin/snippets/surveys/survey/" in client.get("/admin/").content.decode()
    assert client.get("/admin/snippets/surveys/survey/").status_code == 200


def test_a_new_survey_through_the_admin(coordinator, demo):
    data = admin_form(coordinator, "/admin/snippets/surveys/survey/add/")
    data.update(
        {
            "title": "Nulmeting",
            "slug": "nulmeting",
            "opens_at": "2026-01-01 09:00",
            "closes_at": "2026-02-01 09:00",
            "questions-TOTAL_FORMS": "2",
            "questions-0-kind": "section",
            "questions-0-code": "start",
            "questions-0-text": "Begin",
            "questions-0-ORDER": "1",
            "questions-0-id": "",
            "questions-0-DELETE": "",
            "questions-1-kind": "likert",
            "questions-1-code": "learned",
            "questions-1-text": "Ik heb geleerd",
            "questions-1-ORDER": "2",
            "questions-1-id": "",
            "questions-1-DELETE": "",
        }
    )
    answer = coordinator.post("/admin/snippets/surveys/survey/add/", data)
    assert answer.status_code == 302, answer.content.decode()[:3000]
    survey = Survey.objects.get(slug="nulmeting")
    assert [q.code for q in survey.questions.all()] == ["start", "learned"]


def test_an_answer_arriving_during_the_edit_is_no_500(coordinator, survey, monkeypatch):
    """The answer arrives after the form's check and before the save."""
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'name')}-DELETE"] = "1"
    real_check = services.survey_check
    calls = []

    def check_then_answer(**kwargs):
        errors = real_check(**kwargs)
        calls.append(1)
        if len(calls) == 2:  # Wagtail's save checks the form a second time
            _answer(survey, "name", text="Net op tijd")
        return errors

    monkeypatch.setattr(services, "survey_check", check_then_answer)
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "zojuist beantwoord" in answer.content.decode()
    assert survey.questions.filter(code="name").exists()


def test_an_answer_arriving_between_the_checks_is_refused(coordinator, survey, monkeypatch):
    data = admin_form(coordinator, _edit_url(survey))
    data[f"questions-{_question_index(data, 'name')}-DELETE"] = "1"
    real_check = services.survey_check

    def check_then_answer(**kwargs):
        errors = real_check(**kwargs)
        if not Answer.objects.filter(question__code="name").exists():
            _answer(survey, "name", text="Net op tijd")
        return errors

    monkeypatch.setattr(services, "survey_check", check_then_answer)
    answer = _post(coordinator, survey, data)
    assert answer.status_code == 200
    assert "verberg" in answer.content.decode()
    assert survey.questions.filter(code="name").exists()
