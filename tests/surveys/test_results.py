"""Survey results: counts and averages per kind of question, groups under five hidden, two rounds
compared, who may see them, the exports, the page cache, and the charts they are drawn with."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from pioneers.core import charts
from pioneers.core.models import User
from pioneers.demo.loader import COORDINATOR_EMAIL, MEMBER_EMAIL
from pioneers.network.models import Organisation
from pioneers.surveys import selectors
from pioneers.surveys.models import Answer, Question, Response, Survey
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
K = Question.Kind


# --- making surveys and answers --------------------------------------------------------------


def survey_create(slug="evaluatie", **fields) -> Survey:
    now = timezone.now()
    defaults = {
        "title": "Evaluatie",
        "title_en": "Evaluation",
        "opens_at": now - timedelta(days=30),
        "closes_at": now + timedelta(days=30),
    }
    return Survey.objects.create(slug=slug, **{**defaults, **fields})


def question_add(survey, kind, code, choices="", **fields) -> Question:
    order = survey.questions.count()
    return Question.objects.create(
        survey=survey,
        kind=kind,
        code=code,
        text=f"Vraag {code}",
        text_en=f"Question {code}",
        choices=choices,
        sort_order=order,
        **fields,
    )


def respond(survey, answers: dict, *, organisation=None, role="official", person=None, done=True):
    """A response with answers: {question: value}; a matrix value is {statement: points}."""
    response = Response.objects.create(
        survey=survey,
        organisation=organisation,
        role=role,
        person=person,
        submitted_on=timezone.localdate() if done else None,
    )
    rows = []
    for question, value in answers.items():
        if question.kind == K.MATRIX:
            rows += [
                Answer(response=response, question=question, item=item, number=points)
                for item, points in value.items()
            ]
        elif question.kind == K.MULTIPLE:
            rows.append(Answer(response=response, question=question, choices=value))
        elif question.kind in (K.SHORT_TEXT, K.LONG_TEXT):
            rows.append(Answer(response=response, question=question, text=value))
        else:
            rows.append(Answer(response=response, question=question, number=Decimal(value)))
    Answer.objects.bulk_create(rows)
    return response


def questions_add(survey) -> None:
    """One question of each kind, a section heading and two hidden questions."""
    question_add(survey, K.SECTION, "intro")
    question_add(survey, K.LIKERT, "learned")
    question_add(survey, K.SINGLE, "often", "Nooit|Never\nSoms|Sometimes\nVaak|Often")
    question_add(survey, K.MULTIPLE, "topics", "Woo|FOI\nData|Data\nParticipatie|Participation")
    question_add(survey, K.NUMBER, "hours")
    question_add(survey, K.LONG_TEXT, "remarks")
    question_add(survey, K.MATRIX, "about", "Sfeer|Atmosphere\nInhoud|Content")
    question_add(survey, K.LIKERT, "old", hidden=True)
    question_add(survey, K.LIKERT, "gone", hidden=True)


@pytest.fixture
def survey():
    survey = survey_create()
    questions_add(survey)
    return survey


def q(survey, code) -> Question:
    return survey.questions.get(code=code)


def five_responses(survey, organisation=None):
    learned, often, topics = q(survey, "learned"), q(survey, "often"), q(survey, "topics")
    hours, remarks, about, old = (
        q(survey, "hours"),
        q(survey, "remarks"),
        q(survey, "about"),
        q(survey, "old"),
    )
    data = [
        (5, 1, [1, 2], 4, "Heel nuttig", {1: 5, 2: 4}),
        (4, 2, [1], 6, "", {1: 4, 2: 4}),
        (4, 2, [2, 3], 2, "=HYPERLINK(1)", {1: 3}),
        (2, 3, [], 8, "Te lang", {1: 2, 2: 1}),
        (1, 3, [3], 5, "", {1: 1, 2: 2}),
    ]
    for points, choice, chosen, number, text, matrix in data:
        answers = {learned: points, often: choice, topics: chosen, hours: number, about: matrix}
        if text:
            answers[remarks] = text
        answers[old] = 3
        respond(survey, answers, organisation=organisation)


def by_code(results, code):
    return next(r for r in results.questions if r.question.code == code)


# --- counts and averages ---------------------------------------------------------------------


def test_results_count_and_average_every_kind_of_question(survey):
    five_responses(survey)
    respond(survey, {q(survey, "learned"): 1}, done=False)  # not submitted: never counted
    results = selectors.survey_results(survey, language="en", texts=True)
    assert results.respondents == 5 and results.shown
    codes = [r.question.code for r in results.questions]
    # No section heading; a hidden question only when it has answers.
    assert codes == ["learned", "often", "topics", "hours", "remarks", "about", "old"]

    learned = by_code(results, "learned")
    assert [row.count for row in learned.rows] == [1, 1, 0, 2, 1]
    assert learned.rows[3].label == "Agree" and learned.rows[3].percent == 40.0
    assert learned.mean == 3.2 and learned.n == 5

    often = by_code(results, "often")
    assert [(row.label, row.count) for row in often.rows] == [
        ("Never", 1),
        ("Sometimes", 2),
        ("Often", 2),
    ]
    assert often.mean is None

    topics = by_code(results, "topics")
    # One respondent chose nothing: four answered, and shares are of those four.
    assert topics.n == 4
    assert [row.count for row in topics.rows] == [2, 2, 2]
    assert topics.rows[0].percent == 50.0

    hours = by_code(results, "hours")
    assert (hours.n, hours.mean, hours.minimum, hours.maximum) == (5, 5.0, 2, 8)

    remarks = by_code(results, "remarks")
    assert remarks.n == 3
    assert remarks.texts == ["Heel nuttig", "=HYPERLINK(1)", "Te lang"]

    about = by_code(results, "about")
    assert about.n == 5
    assert [item.label for item in about.items] == ["Atmosphere", "Content"]
    assert about.items[0].mean == 3.0 and about.items[0].n == 5
    assert about.items[1].mean == 2.75 and about.items[1].n == 4
    assert [row.count for row in about.items[1].rows] == [1, 1, 0, 2, 0]


def test_results_in_dutch_use_the_dutch_labels(survey):
    five_responses(survey)
    results = selectors.survey_results(survey, language="nl")
    assert [row.label for row in by_code(results, "often").rows] == ["Nooit", "Soms", "Vaak"]
    # Without texts=True (published pages), written answers are not listed.
    assert by_code(results, "remarks").texts == []


def test_results_of_fewer_than_five_respondents_are_not_shown(survey):
    for _n in range(4):
        respond(survey, {q(survey, "learned"): 4})
    results = selectors.survey_results(survey, language="nl")
    assert results.respondents == 4
    assert not results.shown and results.questions == []


def test_groups_of_fewer_than_five_are_left_out(survey):
    big = OrganisationFactory(name="Schiedam")
    small = OrganisationFactory(name="Utrecht")
    five_responses(survey, organisation=big)
    respond(survey, {q(survey, "learned"): 5}, organisation=small)
    respond(survey, {q(survey, "learned"): 5}, organisation=small)
    results = selectors.survey_results(survey, group_by="organisation", language="nl")
    learned = by_code(results, "learned")
    # Schiedam alone would tell Utrecht's two answers (everyone minus Schiedam): both hidden.
    assert learned.groups == [] and results.groups_hidden == 2
    # Everyone together still counts the small group.
    assert learned.n == 7
    for _n in range(3):
        respond(survey, {q(survey, "learned"): 1}, organisation=OrganisationFactory(name="Delft"))
    results = selectors.survey_results(survey, group_by="organisation", language="nl")
    learned = by_code(results, "learned")
    # The hidden groups now hold five together: Schiedam may be shown.
    assert [group.label for group in learned.groups] == ["Schiedam"]
    assert learned.groups[0].result.mean == 3.2
    assert results.groups_hidden == 4 and results.groups_shown == 1


def test_shown_keys_hide_one_more_group_when_the_hidden_ones_are_few():
    assert selectors.shown_keys({"a": (5,), "b": (6,), "c": (2,)}) == {"b"}
    assert selectors.shown_keys({"a": (5,), "b": (6,), "c": (2,), "d": (3,)}) == {"a", "b"}
    assert selectors.shown_keys({"a": (5,), "b": (9,)}) == {"a", "b"}
    # Two rounds: every round's hidden total counts.
    assert selectors.shown_keys({"a": (5, 5), "b": (5, 6), "c": (0, 5)}) == {"a", "b"}
    assert selectors.shown_keys({"a": (5, 5), "b": (5, 6), "c": (1, 5)}) == {"b"}


def test_groups_per_province_and_per_role(survey):
    province = OrganisationFactory(name="Zuid-Holland", kind=Organisation.Kind.PROVINCE)
    towns = [OrganisationFactory(province=province) for _n in range(5)]
    for index, town in enumerate(towns):
        respond(survey, {q(survey, "learned"): 4}, organisation=town, role="alderman")
        respond(survey, {q(survey, "learned"): 2}, organisation=town, role="official")
        if index < 2:
            respond(survey, {q(survey, "learned"): 2}, organisation=town, role="expert")
        if index < 3:
            respond(survey, {q(survey, "learned"): 3}, organisation=town, role="resident")
    per_province = selectors.survey_results(survey, group_by="province", language="en")
    groups = by_code(per_province, "learned").groups
    assert [(g.label, g.respondents) for g in groups] == [("Zuid-Holland", 15)]
    per_role = selectors.survey_results(survey, group_by="role", language="en")
    groups = by_code(per_role, "learned").groups
    assert [(g.label, g.result.mean) for g in groups] == [("alderman", 4.0), ("civil servant", 2.0)]
    assert per_role.groups_hidden == 2  # two experts and three residents: five together


def test_an_unknown_grouping_is_ignored(survey):
    five_responses(survey)
    results = selectors.survey_results(survey, group_by="person", language="nl")
    assert results.group_by is None and results.shown


# --- a fixed number of queries ---------------------------------------------------------------


def _grow(survey, questions: int, responses: int):
    extra = [
        question_add(survey, K.LIKERT, f"extra-{survey.questions.count()}")
        for _n in range(questions)
    ]
    organisation = OrganisationFactory()
    for index in range(responses):
        respond(
            survey,
            dict.fromkeys(extra, 1 + index % 5)
            | {q(survey, "topics"): [1, 3], q(survey, "remarks"): "Tekst"},
            organisation=organisation,
        )


@pytest.mark.parametrize("group_by", [None, "organisation", "province", "role"])
def test_results_take_a_fixed_number_of_queries(survey, django_assert_num_queries, group_by):
    province = OrganisationFactory(kind=Organisation.Kind.PROVINCE)
    five_responses(survey, organisation=OrganisationFactory(province=province))
    with django_assert_num_queries(8 if group_by in ("organisation", "province") else 7):
        selectors.survey_results(survey, group_by=group_by, language="nl", texts=True)
    _grow(survey, questions=4, responses=12)
    with django_assert_num_queries(8 if group_by in ("organisation", "province") else 7):
        results = selectors.survey_results(survey, group_by=group_by, language="nl", texts=True)
    assert results.respondents == 17


def test_results_page_takes_a_fixed_number_of_queries(
    survey, client, demo, queries_of, cold_queries_of
):
    survey.results_published = True
    survey.save()
    five_responses(survey, organisation=OrganisationFactory())
    url = f"/nl/enquetes/{survey.slug}/resultaten/"
    views = ("", "?by=organisation", "?by=role")
    before = queries_of(url)
    cold = [cold_queries_of(url + by) for by in views]
    _grow(survey, questions=3, responses=10)
    assert queries_of(url) == before
    assert [cold_queries_of(url + by) for by in views] == cold
    # Rendered once, the figures come from the cache whatever the breakdown.
    assert cold[1] == cold[2] + 1
    assert queries_of(url + "?by=organisation") == before


# --- two rounds ------------------------------------------------------------------------------


def _rounds(*, anonymous=True):
    baseline = survey_create("nulmeting", anonymous=anonymous)
    midterm = survey_create("tussenmeting", anonymous=anonymous, previous_round=baseline)
    for round_ in (baseline, midterm):
        question_add(round_, K.LIKERT, "learned")
        question_add(round_, K.SINGLE, "often", "Nooit|Never\nVaak|Often")
    question_add(midterm, K.NUMBER, "new")
    return baseline, midterm


def test_two_rounds_compared_per_question_organisation_and_both_rounds():
    baseline, midterm = _rounds()
    schiedam = OrganisationFactory(name="Schiedam")
    utrecht = OrganisationFactory(name="Utrecht")
    delft = OrganisationFactory(name="Delft")  # only in the baseline
    for _n in range(5):
        respond(
            baseline, {q(baseline, "learned"): 2, q(baseline, "often"): 1}, organisation=schiedam
        )
        respond(midterm, {q(midterm, "learned"): 4, q(midterm, "often"): 2}, organisation=schiedam)
        respond(baseline, {q(baseline, "learned"): 3, q(baseline, "often"): 1}, organisation=delft)
    for _n in range(5):
        respond(midterm, {q(midterm, "learned"): 5, q(midterm, "often"): 2}, organisation=utrecht)
        respond(
            baseline, {q(baseline, "learned"): 1, q(baseline, "often"): 2}, organisation=utrecht
        )
    comparison = selectors.survey_comparison(midterm, language="en")
    assert not comparison.by_person
    assert (comparison.respondents_before, comparison.respondents_after) == (15, 10)
    # Anonymous: the same organisation answered both rounds (Schiedam and Utrecht).
    assert comparison.panel == 2
    assert (comparison.panel_before, comparison.panel_after) == (10, 10)
    learned = next(c for c in comparison.questions if c.question.code == "learned")
    assert learned.mean.before == pytest.approx(2.0, abs=0.01)
    assert learned.mean.after == pytest.approx(4.5, abs=0.01)
    assert learned.panel.before == pytest.approx(1.5, abs=0.01)
    assert learned.panel.after == pytest.approx(4.5, abs=0.01)
    # Per organisation: Delft has none in the mid-term; the hidden ones hold 0 and 5.
    assert [(s.label, s.before, s.after, s.change) for s in learned.organisations] == [
        ("Schiedam", 2.0, 4.0, 2.0),
        ("Utrecht", 1.0, 5.0, 4.0),
    ]
    assert comparison.organisations_hidden == 1
    often = next(c for c in comparison.questions if c.question.code == "often")
    assert often.mean is None
    assert [(s.label, s.before, s.after, s.change) for s in often.distribution] == [
        ("Never", 66.7, 0.0, -66.7),
        ("Often", 33.3, 100.0, 66.7),
    ]
    assert [question.code for question in comparison.unmatched] == ["new"]


def test_both_rounds_are_the_same_person_when_not_anonymous(django_user_model):
    baseline, midterm = _rounds(anonymous=False)
    town = OrganisationFactory()
    people = _people(django_user_model, 7)
    for person in people[:6]:
        respond(baseline, {q(baseline, "learned"): 2}, organisation=town, person=person)
    for person in people[1:6]:
        respond(midterm, {q(midterm, "learned"): 4}, organisation=town, person=person)
    comparison = selectors.survey_comparison(midterm, language="nl")
    assert comparison.by_person
    # The five who answered both: in the baseline one more answered, whose answer everyone's
    # mean minus the five's would tell: not shown.
    assert comparison.panel == 5 and not comparison.panel_shown
    respond(midterm, {q(midterm, "learned"): 4}, organisation=town, person=people[6])
    for person in _people(django_user_model, 4):
        respond(baseline, {q(baseline, "learned"): 2}, organisation=town, person=person)
    for person in _people(django_user_model, 4):
        respond(midterm, {q(midterm, "learned"): 4}, organisation=town, person=person)
    comparison = selectors.survey_comparison(midterm, language="nl")
    assert comparison.panel == 5 and comparison.panel_shown
    learned = next(c for c in comparison.questions if c.question.code == "learned")
    assert (learned.panel.before, learned.panel.after, learned.panel.change) == (2.0, 4.0, 2.0)


def test_a_comparison_with_a_small_round_shows_nothing():
    baseline, midterm = _rounds()
    for _n in range(5):
        respond(midterm, {q(midterm, "learned"): 4})
    for _n in range(4):
        respond(baseline, {q(baseline, "learned"): 4})
    comparison = selectors.survey_comparison(midterm, language="nl")
    assert not comparison.shown and comparison.questions == []
    assert selectors.survey_comparison(baseline, language="nl") is None


def _people(django_user_model, count):
    from pioneers.network.models import Person

    start = Person.objects.count()
    return [
        Person.objects.create(
            user=django_user_model.objects.create(email=f"p{start + n}@example.org"),
            name=f"P {n}",
            role="official",
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("anonymous", [True, False])
def test_comparison_takes_a_fixed_number_of_queries(
    django_assert_num_queries, django_user_model, anonymous
):
    baseline, midterm = _rounds(anonymous=anonymous)

    def grow(people):
        town = OrganisationFactory()
        for person in people:
            for round_ in (baseline, midterm):
                answers = {q(round_, code): 3 for code in ("learned", "often")}
                respond(round_, answers, organisation=town, person=person)

    grow(_people(django_user_model, 5))
    midterm = Survey.objects.select_related("previous_round").get(pk=midterm.pk)
    with django_assert_num_queries(7 if anonymous else 12):
        selectors.survey_comparison(midterm, language="nl")
    for round_ in (baseline, midterm):
        question_add(round_, K.LIKERT, "more")
    grow(_people(django_user_model, 12))
    with django_assert_num_queries(7 if anonymous else 12):
        comparison = selectors.survey_comparison(midterm, language="nl")
    assert comparison.panel == (2 if anonymous else 17)


# --- pages and who sees them -----------------------------------------------------------------


def _login(client, email):
    client.force_login(User.objects.get(email=email))
    return client


def test_unpublished_results_exist_for_coordinators_only(survey, client, demo):
    five_responses(survey)
    url = "/nl/enquetes/evaluatie/resultaten/"
    assert client.get(url).status_code == 404
    assert client.get("/en/surveys/evaluatie/results/").status_code == 404
    assert _login(client, MEMBER_EMAIL).get(url).status_code == 404
    response = _login(client, COORDINATOR_EMAIL).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "only coordinators" in page or "alleen coördinatoren" in page
    assert "Heel nuttig" in page  # coordinators read the written answers
    assert 'role="img"' in page
    # What a coordinator saw is not what the cache gives a visitor once published.
    survey.results_published = True
    survey.save()
    assert "Heel nuttig" in client.get(url).content.decode()
    client.logout()
    page = client.get(url).content.decode()
    assert "Heel nuttig" not in page and "only coordinators" not in page
    assert "Nooit" in page  # the figures are there, in Dutch


def test_published_results_are_public_without_written_answers(survey, client, demo):
    five_responses(survey)
    survey.results_published = True
    survey.save()
    response = client.get("/en/surveys/evaluatie/results/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Question learned" in page and "Never" in page
    assert "Heel nuttig" not in page and "Te lang" not in page
    assert "results.csv" not in page  # no exports for visitors
    assert client.get("/nl/enquetes/evaluatie/resultaten/").status_code == 200


def test_a_small_survey_says_why_it_shows_nothing(survey, client, demo):
    survey.results_published = True
    survey.save()
    respond(survey, {q(survey, "learned"): 5})
    page = client.get("/en/surveys/evaluatie/results/").content.decode()
    assert "not shown to protect their anonymity" in page


def test_a_breakdown_says_groups_under_five_are_hidden(survey, client, demo):
    survey.results_published = True
    survey.save()
    five_responses(survey, organisation=OrganisationFactory(name="Schiedam"))
    respond(survey, {q(survey, "learned"): 5}, organisation=OrganisationFactory(name="Vlaardingen"))
    delft = OrganisationFactory(name="Delft")
    for _n in range(4):
        respond(survey, {q(survey, "learned"): 3}, organisation=delft)
    page = client.get("/en/surveys/evaluatie/results/?by=organisation").content.decode()
    assert "Schiedam" in page and "Vlaardingen" not in page and "Delft" not in page
    assert "fewer than 5 respondents are not shown to protect their anonymity" in page


@pytest.mark.parametrize("by", ["person", "", "<script>", "organisation\x00"])
def test_a_bad_breakdown_is_ignored_with_a_message(survey, client, demo, by):
    survey.results_published = True
    survey.save()
    five_responses(survey)
    response = client.get("/en/surveys/evaluatie/results/", {"by": by})
    assert response.status_code == 200
    if by:
        assert "There is no breakdown of that kind" in response.content.decode()


def test_comparison_page(client, demo):
    baseline, midterm = _rounds()
    for round_ in (baseline, midterm):
        for _n in range(5):
            respond(round_, {q(round_, "learned"): 3}, organisation=OrganisationFactory())
    url = "/nl/enquetes/tussenmeting/resultaten/vergelijking/"
    assert client.get(url).status_code == 404
    midterm.results_published = True
    midterm.save()
    # The earlier round's figures are public only once its own results are.
    assert client.get(url).status_code == 404
    baseline.results_published = True
    baseline.save()
    response = client.get("/en/surveys/tussenmeting/results/comparison/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "the same organisation" in page and "Question learned" in page
    # No previous round: no comparison.
    assert client.get("/nl/enquetes/nulmeting/resultaten/vergelijking/").status_code == 404
    assert _login(client, COORDINATOR_EMAIL).get(url).status_code == 200


def test_results_are_never_stale_after_a_response_is_submitted(
    survey, client, demo, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    survey.results_published = True
    survey.save()
    five_responses(survey)
    url = "/en/surveys/evaluatie/results/"
    assert "5 respondents submitted" in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        started = Response.objects.create(survey=survey)
        Answer.objects.create(response=started, question=q(survey, "learned"), number=5)
    assert client.get(url)["X-Cache"] == "hit"  # started answers change nothing yet
    with django_capture_on_commit_callbacks(execute=True):
        started.submitted_on = timezone.localdate()
        started.save()
    response = client.get(url)
    assert response["X-Cache"] == "miss"
    assert "6 respondents submitted" in response.content.decode()
    assert client.get(url)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        Answer.objects.create(response=started, question=q(survey, "hours"), number=3)
    assert client.get(url)["X-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        survey.results_published = False
        survey.save()
    assert client.get(url).status_code == 404


# --- exports ---------------------------------------------------------------------------------


def test_exports_are_for_coordinators_only(survey, client, demo):
    for url in ("/nl/enquetes/evaluatie/resultaten.csv", "/en/surveys/evaluatie/results.xlsx"):
        assert client.get(url).status_code == 302  # to the login page
        assert _login(client, MEMBER_EMAIL).get(url).status_code == 403
        client.logout()


def test_csv_export_has_a_row_per_response_and_no_personal_data(
    survey, client, demo, django_user_model
):
    from pioneers.network.models import Person

    survey.anonymous = False
    survey.save()
    province = OrganisationFactory(name="Zuid-Holland", kind=Organisation.Kind.PROVINCE)
    town = OrganisationFactory(name="Schiedam", province=province)
    five_responses(survey, organisation=town)
    person = Person.objects.create(
        user=django_user_model.objects.create(email="jan@example.org"),
        name="Jan Jansen",
        role="alderman",
    )
    respond(survey, {q(survey, "learned"): 5}, organisation=town, person=person, role="alderman")
    respond(survey, {q(survey, "learned"): 5}, done=False)
    response = _login(client, COORDINATOR_EMAIL).get("/en/surveys/evaluatie/results.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "Jan Jansen" not in text and "jan@example.org" not in text
    rows = list(csv.reader(io.StringIO(text)))
    heading, *rows = rows
    assert heading[:5] == ["Response", "Submitted on", "Organisation", "Province", "Role"]
    assert "about.2: Content" in heading and "learned: Question learned" in heading
    assert len(rows) == 6
    first = dict(zip(heading, rows[0], strict=True))
    assert first["Organisation"] == "Schiedam" and first["Province"] == "Zuid-Holland"
    assert first["Role"] == "civil servant"
    assert first["topics: Question topics"] == "FOI; Data"
    assert first["often: Question often"] == "Never"
    assert first["about.1: Atmosphere"] == "5"
    third = dict(zip(heading, rows[2], strict=True))
    assert third["remarks: Question remarks"] == "'=HYPERLINK(1)"  # no formula
    assert rows[5][4] == "alderman"


def test_xlsx_export_keeps_text_as_text(survey, client, demo):
    from openpyxl import load_workbook

    survey.anonymous = False
    survey.save()
    five_responses(survey, organisation=OrganisationFactory(name="Schiedam"))
    response = _login(client, COORDINATOR_EMAIL).get("/nl/enquetes/evaluatie/resultaten.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Inzending", "Ingediend op", "Organisatie")
    assert len(rows) == 6
    column = rows[0].index("remarks: Vraag remarks")
    cell = sheet.cell(row=4, column=column + 1)
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


# --- charts ----------------------------------------------------------------------------------


def test_bar_chart_is_a_labelled_image():
    svg = charts.bar_chart([("Eens", 40), ("Oneens", 60.5)], title="Antwoorden", maximum=100)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-label="Antwoorden"' in svg and "<title>Antwoorden</title>" in svg
    assert svg.count('fill-opacity="0.75"') == 2  # one bar per row
    assert "style=" not in svg and "<script" not in svg


def test_bar_chart_escapes_labels_and_titles():
    svg = charts.bar_chart([("<script>alert(1)</script>", 1)], title='"><b>')
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<b>" not in svg


def test_bar_chart_scales_bars_and_handles_missing_values():
    svg = charts.bar_chart([("a", 50), ("b", None), ("c", 200)], title="t", maximum=100)
    bars = [part for part in svg.split("<rect") if "fill-opacity" in part]
    full = charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_WIDTH
    assert f'width="{full / 2:.1f}"' in bars[0]
    assert f'width="{full:.1f}"' in bars[1]  # clipped at the maximum
    assert "–" in svg
    assert charts.bar_chart([], title="t") == ""
    assert 'fill-opacity="0.75"' not in charts.bar_chart([("a", 0)], title="t")


def test_bar_chart_writes_numbers_in_the_readers_language():
    from django.utils import translation

    with translation.override("nl"):
        assert ">2,5%<" in charts.bar_chart([("a", 2.5)], title="t", decimals=1, suffix="%")
    with translation.override("en"):
        assert ">2.5%<" in charts.bar_chart([("a", 2.5)], title="t", decimals=1, suffix="%")


def test_long_labels_are_shortened_in_the_chart():
    assert charts.shorten("x" * 50).endswith("…") and len(charts.shorten("x" * 50)) == 32
    assert charts.shorten("  kort  label ") == "kort label"


def test_an_anonymous_survey_exports_answers_only(survey):
    from pioneers.surveys.exports import response_table

    assert survey.anonymous
    town = OrganisationFactory(name="Kleindorp")
    five_responses(survey, organisation=town)
    headings, rows = response_table(survey, language="nl")
    assert "Organisatie" not in headings and "Rol" not in headings
    assert "Ingediend op" not in headings
    assert len(rows) == 5 and all("Kleindorp" not in map(str, row) for row in rows)
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
