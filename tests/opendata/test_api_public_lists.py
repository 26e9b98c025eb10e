"""The API's lists of people, nominations and survey results (issue 17): only public profiles,
accepted nominations and published results; never contact data, a nominator or a written answer;
a change (consent withdrawn, a nomination accepted, a response submitted) empties the cached
answer; a fixed number of queries at any size; hostile input answers 400."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from pioneers.core.links import absolute_url, page_url
from pioneers.network.models import Organisation, Person
from pioneers.practices.models import Nomination, PracticePage
from pioneers.surveys import selectors
from pioneers.surveys.models import Question, Survey
from tests.factories import OrganisationFactory, UserFactory
from tests.surveys.test_results import five_responses, questions_add, respond

K = Question.Kind
NEW_LISTS = ("people", "nominations", "survey-results")


def get(client, path, **headers):
    return client.get(f"/api/v1/{path}", headers=headers)


def all_items(client, name, query=""):
    items, cursor = [], None
    while True:
        address = f"{name}?limit=7{query}" + (f"&cursor={cursor}" if cursor else "")
        body = get(client, address).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


# --- making rows ---------------------------------------------------------------------------------


def person_create(*, public=True, organisation=None, **fields):
    user = UserFactory(email=f"{fields.pop('mailbox', 'someone')}@example.org")
    return Person.objects.create(
        user=user,
        name=fields.pop("name", user.get_full_name()),
        organisation=organisation,
        role=fields.pop("role", Person.Role.OFFICIAL),
        public_profile=public,
        **fields,
    )


def nomination_create(status=Nomination.Status.ACCEPTED, practice=None, **fields):
    return Nomination.objects.create(
        title=fields.pop("title", "Open raadsinformatie"),
        municipality_name="Gemeente Ergens",
        description="Alle stukken open, van begin af aan.",
        link="https://example.org/raad",
        name=fields.pop("name", "Noor Nominator"),
        email=fields.pop("email", "noor.nominator@example.org"),
        status=status,
        practice=practice,
        **fields,
    )


def survey_create(slug="api-enquete", *, published=True, **fields):
    now = timezone.now()
    survey = Survey.objects.create(
        slug=slug,
        title="Enquête voor de API",
        title_en="Survey for the API",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
        results_published=published,
        **fields,
    )
    questions_add(survey)
    return survey


def by_code(item, code):
    return next(q for q in item["questions"] if q["code"] == code)


# --- people ----------------------------------------------------------------------------------


def test_people_are_only_public_profiles_without_contact_data(client, demo):
    organisation = Organisation.objects.filter(is_approved=True).first()
    hidden = person_create(
        public=False,
        organisation=organisation,
        name="Verborgen Persoon",
        mailbox="verborgen",
        seniority=Person.Seniority.MANAGER,
        interests="geheime interesse",
    )
    shown = person_create(
        organisation=organisation,
        name="Zichtbare Pionier",
        mailbox="zichtbaar",
        job_title="Beleidsadviseur",
        seniority=Person.Seniority.EXECUTIVE,
        interests="kwallenonderzoek, zeewierbeleid",
    )
    items = all_items(client, "people")
    assert {i["id"] for i in items} == set(
        Person.objects.filter(public_profile=True).values_list("pk", flat=True)
    )
    assert hidden.pk not in {i["id"] for i in items}
    item = next(i for i in items if i["id"] == shown.pk)
    assert set(item) == {"id", "name", "role", "job_title", "organisation", "url"}
    assert item["name"] == "Zichtbare Pionier" and item["job_title"] == "Beleidsadviseur"
    assert item["role"] == {"code": "official", "label": "ambtenaar"}
    assert item["organisation"] == {
        "id": organisation.pk,
        "name": organisation.name,
        "slug": organisation.slug,
    }
    assert item["url"] == absolute_url(organisation.get_absolute_url())
    # The organisation's page shows this profile and only what the list shows of it.
    assert "Zichtbare Pionier" in client.get(organisation.get_absolute_url()).content.decode()
    for language in ("nl", "en"):
        cache.clear()
        text = get(client, f"people?limit=100&lang={language}").content.decode()
        assert "@" not in text
        for private in ("Verborgen", "executive", "zeewier", "kwallen", "photo", "seniority"):
            assert private not in text, private
    english = get(client, "people?limit=100&lang=en").json()["items"]
    item = next(i for i in english if i["id"] == shown.pk)
    assert item["role"]["label"] == "civil servant" and "/en/" in item["url"]


def test_withdrawing_consent_removes_the_person_from_the_cached_answer(
    client, demo, django_capture_on_commit_callbacks
):
    person = person_create(organisation=Organisation.objects.first(), name="Ex Pionier")
    assert person.pk in {i["id"] for i in all_items(client, "people")}
    first = get(client, "people?limit=100")
    assert "Ex Pionier" in first.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        person.public_profile = False
        person.save()
    # No cache.clear(): the change itself makes the stored answer stale.
    again = get(client, "people?limit=100", if_none_match=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert "Ex Pionier" not in again.content.decode()
    assert person.pk not in {i["id"] for i in all_items(client, "people")}


def test_people_of_an_organisation_and_of_one_not_approved(client, demo):
    approved = OrganisationFactory()
    proposed = OrganisationFactory(is_approved=False, slug="voorgesteld")
    one = person_create(organisation=approved, mailbox="een")
    other = person_create(organisation=proposed, mailbox="ander")
    lonely = person_create(organisation=None, mailbox="alleen")
    items = get(client, f"people?organisation={approved.slug}").json()["items"]
    assert [i["id"] for i in items] == [one.pk]
    # A proposed organisation is hidden from everyone: no one is found by it, nor shown with it.
    assert get(client, "people?organisation=voorgesteld").json()["items"] == []
    everyone = {i["id"]: i for i in all_items(client, "people")}
    assert everyone[other.pk]["organisation"] is None and everyone[other.pk]["url"] is None
    assert everyone[lonely.pk]["organisation"] is None
    assert "voorgesteld" not in get(client, "people?limit=100").content.decode()


# --- nominations -----------------------------------------------------------------------------


def test_only_accepted_nominations_and_never_the_nominator(client, demo):
    # The demo's accepted nominations, whose nominators are never named either.
    demo_accepted = Nomination.objects.filter(status=Nomination.Status.ACCEPTED)
    nominators = [n.name for n in demo_accepted] + [n.email for n in demo_accepted]
    assert nominators
    new = nomination_create(Nomination.Status.NEW, title="Nog niet bekeken")
    declined = nomination_create(Nomination.Status.DECLINED, title="Afgewezen idee")
    practice = PracticePage.objects.live().public().first()
    accepted = nomination_create(practice=practice, name="Vera Voordrager", email="vera@x.nl")
    draft = PracticePage.objects.live().public().last()
    draft.unpublish()
    waiting = nomination_create(practice=draft, title="Nog een concept")
    response = get(client, "nominations?limit=100")
    items = {i["id"]: i for i in response.json()["items"]}
    assert set(items) == {accepted.pk, waiting.pk, *(n.pk for n in demo_accepted)}
    assert new.pk not in items and declined.pk not in items
    text = response.content.decode()
    private_words = ("Vera", "Voordrager", "vera@x.nl", "@", "Nominator", "Afgewezen", "Nog niet")
    for private in (*private_words, *nominators):
        assert private not in text, private
    item = items[accepted.pk]
    assert set(item) == {
        "id",
        "title",
        "municipality_name",
        "description",
        "link",
        "created_at",
        "practice",
    }
    assert item["practice"] == {
        "id": practice.pk,
        "title": practice.title,
        "url": page_url(practice),
    }
    # The practice it became is not published (yet): not named.
    assert items[waiting.pk]["practice"] is None


def test_accepting_a_nomination_empties_the_cached_answer(
    client, demo, django_capture_on_commit_callbacks
):
    nomination = nomination_create(Nomination.Status.NEW)
    listed = [i["id"] for i in get(client, "nominations").json()["items"]]
    assert nomination.pk not in listed
    with django_capture_on_commit_callbacks(execute=True):
        nomination.status = Nomination.Status.ACCEPTED
        nomination.save()
    assert [i["id"] for i in get(client, "nominations").json()["items"]] == sorted(
        [*listed, nomination.pk]
    )


# --- survey results --------------------------------------------------------------------------


@pytest.fixture
def surveys(demo):
    """A published survey with five answers, and an unpublished one with as many."""
    published = survey_create()
    unpublished = survey_create("niet-gepubliceerd", published=False)
    five_responses(published)
    five_responses(unpublished)
    return published, unpublished


def test_only_published_results_without_written_answers(client, surveys):
    published, unpublished = surveys
    response = get(client, "survey-results?limit=100")
    items = {i["id"]: i for i in response.json()["items"]}
    assert published.pk in items and unpublished.pk not in items
    assert set(items) == set(
        Survey.objects.filter(results_published=True).values_list("pk", flat=True)
    )
    text = response.content.decode()
    for written in ("Heel nuttig", "HYPERLINK", "Te lang"):
        assert written not in text
    item = items[published.pk]
    assert item["respondents"] == 5 and item["shown"] is True
    assert item["title"] == "Enquête voor de API" and item["language"] == "nl"
    assert item["url"] == absolute_url(
        reverse("survey_results:results", kwargs={"slug": published.slug})
    )
    assert client.get(item["url"]).status_code == 200
    # As on the results page: section headings and hidden questions nobody answered ("gone")
    # are left out, a hidden question with answers stays ("old"); a text question only counts.
    assert [q["code"] for q in item["questions"]] == [
        "learned",
        "often",
        "topics",
        "hours",
        "remarks",
        "about",
        "old",
    ]
    remarks = by_code(item, "remarks")
    assert remarks["n"] == 3 and remarks["options"] == [] and remarks["statements"] == []
    learned = by_code(item, "learned")
    assert learned["n"] == 5 and learned["mean"] == 3.2
    assert [o["count"] for o in learned["options"]] == [1, 1, 0, 2, 1]
    hours = by_code(item, "hours")
    assert (hours["minimum"], hours["mean"], hours["maximum"]) == (2.0, 5.0, 8.0)
    assert [s["n"] for s in by_code(item, "about")["statements"]] == [5, 4]
    english = {i["id"]: i for i in get(client, "survey-results?lang=en&limit=100").json()["items"]}
    assert english[published.pk]["title"] == "Survey for the API"
    assert by_code(english[published.pk], "often")["options"][0]["label"] == "Never"


@pytest.mark.parametrize("group_by", [None, "role"])
def test_the_figures_are_those_of_the_results_page(client, surveys, group_by):
    published, _unpublished = surveys
    query = f"&by={group_by}" if group_by else ""
    [item] = [
        i
        for i in get(client, f"survey-results?limit=100&lang=en{query}").json()["items"]
        if i["id"] == published.pk
    ]
    page = selectors.survey_results(published, group_by=group_by, language="en")
    shown = page.questions
    with translation.override("en"):
        assert [q["text"] for q in item["questions"]] == [str(r.text) for r in shown]
    for question, result in zip(item["questions"], shown, strict=True):
        assert question["n"] == result.n and question["mean"] == result.mean
        assert [(o["label"], o["count"], o["percent"]) for o in question["options"]] == [
            (str(row.label), row.count, row.percent) for row in result.rows
        ]
        assert [g["label"] for g in question["groups"]] == [g.label for g in result.groups]


def test_a_small_group_and_a_small_survey_stay_hidden(client, surveys):
    published, _unpublished = surveys
    big = OrganisationFactory(name="Schiedam")
    small = OrganisationFactory(name="Kleindorp")
    Survey.objects.filter(pk=published.pk).update(results_published=False)
    fresh = survey_create("met-groepen")
    five_responses(fresh, organisation=big)
    for _n in range(2):
        respond(fresh, {fresh.questions.get(code="learned"): 5}, organisation=small)
    tiny = survey_create("klein")
    for _n in range(4):
        respond(tiny, {tiny.questions.get(code="learned"): 4}, organisation=big)
    cache.clear()
    items = {i["id"]: i for i in get(client, "survey-results?by=organisation").json()["items"]}
    # Schiedam alone would tell Kleindorp's two answers (everyone minus Schiedam): both hidden.
    assert items[fresh.pk]["groups_hidden"] == 2
    assert all(q["groups"] == [] for q in items[fresh.pk]["questions"])
    text = get(client, "survey-results?by=organisation").content.decode()
    assert "Kleindorp" not in text and "Schiedam" not in text
    assert items[tiny.pk]["respondents"] == 4 and items[tiny.pk]["shown"] is False
    assert items[tiny.pk]["questions"] == []
    for _n in range(3):
        respond(fresh, {fresh.questions.get(code="learned"): 1}, organisation=OrganisationFactory())
    cache.clear()
    items = {i["id"]: i for i in get(client, "survey-results?by=organisation").json()["items"]}
    groups = by_code(items[fresh.pk], "learned")["groups"]
    assert [(g["label"], g["key"], g["respondents"]) for g in groups] == [
        ("Schiedam", str(big.pk), 5)
    ]
    assert groups[0]["mean"] == 3.2
    assert items[fresh.pk]["groups_hidden"] == 4
    assert published.pk not in items


def test_a_submitted_response_empties_the_cached_answer(
    client, surveys, django_capture_on_commit_callbacks
):
    published, _unpublished = surveys
    first = get(client, "survey-results?limit=100")
    count = {i["id"]: i["respondents"] for i in first.json()["items"]}[published.pk]
    with django_capture_on_commit_callbacks(execute=True):
        respond(published, {published.questions.get(code="learned"): 2})
    again = get(client, "survey-results?limit=100", if_none_match=first["ETag"])
    assert again.status_code == 200
    assert {i["id"]: i["respondents"] for i in again.json()["items"]}[published.pk] == count + 1
    with django_capture_on_commit_callbacks(execute=True):
        survey = Survey.objects.get(pk=published.pk)
        survey.results_published = False
        survey.save()
    assert published.pk not in {i["id"] for i in get(client, "survey-results").json()["items"]}


# --- every new list --------------------------------------------------------------------------


def _grow(name, count):
    """At least ``count`` rows in the list ``name``."""
    if name == "people":
        organisation = Organisation.objects.filter(is_approved=True).first()
        for n in range(count):
            person_create(organisation=organisation, mailbox=f"groei{n}")
    elif name == "nominations":
        practices = list(PracticePage.objects.live().public()[:2])
        for n in range(count):
            nomination_create(practice=practices[n % 2], title=f"Initiatief {n}")
    else:
        organisations = [OrganisationFactory(), OrganisationFactory()]
        for n in range(count):
            survey = survey_create(f"groei-{n}")
            for organisation in organisations:
                for _n in range(5):
                    respond(
                        survey,
                        {survey.questions.get(code="learned"): 4},
                        organisation=organisation,
                        role=Person.Role.ALDERMAN if n % 2 else Person.Role.OFFICIAL,
                    )


def count_queries(address):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(f"/api/v1/{address}")
    assert response.status_code == 200, response.content
    return len(queries), response.json()["items"]


@pytest.mark.parametrize(
    "address",
    [
        "people?lang=nl",
        "people?lang=en",
        "nominations?",
        "survey-results?lang=nl",
        "survey-results?lang=en&by=organisation",
        "survey-results?by=province",
        "survey-results?by=role",
    ],
)
def test_a_new_list_takes_the_same_queries_for_3_and_30_rows(demo, address):
    _grow(address.split("?")[0], 30)
    counts = []
    for limit in (3, 30):
        count, items = count_queries(f"{address}&limit={limit}")
        assert len(items) == limit
        counts.append(count)
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("name", NEW_LISTS)
def test_a_new_list_pages_with_a_cursor_and_revalidates(client, demo, name):
    _grow(name, 3)
    response = get(client, f"{name}?limit=1")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert len(body["items"]) == 1 and body["next_cursor"]
    items = all_items(client, name)
    assert len(items) == len({i["id"] for i in items}) >= 3
    again = get(client, f"{name}?limit=1", if_none_match=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "address",
    [
        "people?cursor=bm9uc2Vuc2U",
        "people?cursor=%00",
        "people?cursor=-1",
        "people?limit=99999999999999999999",
        "people?limit=0",
        "people?organisation=%C2%B2",
        "people?organisation=%00",
        "people?lang=de",
        "people?email=x",
        "nominations?cursor=bm9uc2Vuc2U",
        "nominations?limit=99999999999999999999",
        "nominations?limit=-1",
        "nominations?status=new",
        "nominations?organisation=%C2%B2",
        "survey-results?cursor=%C2%B2",
        "survey-results?limit=99999999999999999999",
        "survey-results?by=person",
        "survey-results?by=%00",
        "survey-results?lang=%C2%B2",
        "survey-results?texts=true",
    ],
)
def test_bad_input_to_a_new_list_answers_400_problem_details(client, demo, address):
    response = get(client, address, accept_language="en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request" and problem["detail"]


def test_a_cursor_beyond_every_row_gives_an_empty_page(client, demo):
    for name in NEW_LISTS:
        assert get(client, f"{name}?cursor=zzzzzzzzzzzzz").json() == {
            "next_cursor": None,
            "items": [],
        }


def test_the_new_lists_are_documented_datasets(client, demo):
    document = get(client, "openapi.json").json()
    for name in NEW_LISTS:
        operation = document["paths"][f"/api/v1/{name}"]["get"]
        assert operation["summary"] and operation["tags"] and operation["description"]
        assert client.get(f"/open-data/{name}.json").status_code == 200
    schemas = document["components"]["schemas"]
    for schema in ("PersonOut", "NominationOut", "SurveyResultOut", "QuestionResultOut"):
        for field, prop in schemas[schema]["properties"].items():
            assert prop.get("description"), (schema, field)
