"""The public API (/api/v1/): datasets, pages, filters, problem details, ETag/304, CORS, rate
limit, and nothing personal without consent."""

import json
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pioneers.commitments.models import Commitment, Milestone
from pioneers.commitments.selectors import commitment_overview
from pioneers.core import ratelimit
from pioneers.evaluation.models import Indicator
from pioneers.evaluation.selectors import public_results
from pioneers.magazine.models import ArticlePage
from pioneers.meetings.models import Meeting
from pioneers.practices.models import PracticePage

LISTS = (
    "organisations",
    "meetings",
    "topics",
    "reports",
    "practices",
    "programmes",
    "magazine/editions",
    "magazine/articles",
    "commitments",
    "indicators",
)


def get(client, path, **headers):
    return client.get(f"/api/v1/{path}", headers=headers)


def all_items(client, name, query=""):
    items, cursor, pages = [], None, 0
    while True:
        address = f"{name}?limit=7{query}" + (f"&cursor={cursor}" if cursor else "")
        body = get(client, address).json()
        items += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items, pages


@pytest.mark.parametrize("name", LISTS)
def test_every_list_answers_json_with_items_and_a_cursor(client, demo, name):
    response = get(client, f"{name}?limit=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert len(body["items"]) == 1
    assert body["next_cursor"]


def test_cursor_pages_give_every_meeting_once(client, demo):
    items, pages = all_items(client, "meetings")
    ids = [item["id"] for item in items]
    assert sorted(ids) == sorted(Meeting.objects.filter(live=True).values_list("pk", flat=True))
    assert len(ids) == len(set(ids))
    assert pages > 1


def test_a_meeting_comes_with_its_agenda_in_the_language_asked(client, demo, settings):
    nl = get(client, "meetings?limit=100").json()["items"]
    en = get(client, "meetings?limit=100&lang=en").json()["items"]
    assert any(item["agenda"] for item in nl)
    translated = [item for item in en if item["language"] == "en"]
    assert translated, "the demo has English meetings"
    base = settings.BASE_URL.rstrip("/")
    assert all(item["url"].startswith(f"{base}/en/") for item in en)
    original = {item["id"]: item for item in nl}
    assert any(item["title"] != original[item["id"]]["title"] for item in translated)


def test_filters_narrow_the_lists(client, demo):
    meetings = get(client, "meetings?limit=100&date_from=2019-01-01&date_to=2019-12-31").json()
    assert meetings["items"]
    assert all(item["date"].startswith("2019") for item in meetings["items"])
    everything = get(client, "meetings?limit=100").json()["items"]
    assert len(meetings["items"]) < len(everything)
    reports = get(client, "reports?limit=100&lang=nl").json()["items"]
    assert reports and all(item["language"] == "nl" for item in reports)
    assert all(item["language"] == "en" for item in get(client, "reports?lang=en").json()["items"])
    members = get(client, "organisations?limit=100&member=true").json()["items"]
    assert members and all(
        any(m["status"] == "member" for m in item["memberships"]) for item in members
    )
    assert get(client, "meetings?updated_since=2999-01-01T00:00:00Z").json()["items"] == []


def test_no_email_address_and_no_contact_without_consent(client, demo):
    practice = PracticePage.objects.live().filter(contact__isnull=False).first()
    practice.contact_consent = False
    practice.save()
    cache.clear()
    for name in LISTS:
        text = get(client, f"{name}?limit=100").content.decode()
        assert "@" not in text, name
        assert "accessibility" not in text, name
    items, _pages = all_items(client, "practices")
    item = next(item for item in items if item["id"] == practice.pk)
    assert item["contact_name"] is None
    practice.contact_consent = True
    practice.save()
    cache.clear()
    items, _pages = all_items(client, "practices")
    assert next(i for i in items if i["id"] == practice.pk)["contact_name"] == practice.contact.name


@pytest.mark.parametrize(
    "address",
    [
        "meetings?colour=red",
        "meetings?limit=101",
        "meetings?limit=0",
        "meetings?limit=99999999999999999999",
        "meetings?cursor=bm9uc2Vuc2U",
        "meetings?cursor=%00",
        "meetings?cursor=99999999999999999999",
        "meetings?cursor=-1",
        "meetings?date_from=2019-02-30",
        "meetings?updated_since=yesterday",
        "meetings?topic=%00",
        "meetings?topic=%C2%B2",
        "meetings?format=party",
        "reports?lang=de",
        "organisations?member=perhaps",
        "practices?status=%00",
        "programmes?lang=de",
        "magazine/editions?updated_since=1700000000",
        "magazine/articles?topic=%C2%B2",
        "commitments?action_plan=99999999999999999999",
        "commitments?action_plan=%C2%B2",
        "commitments?ours=perhaps",
    ],
)
def test_bad_input_answers_400_problem_details(client, demo, address):
    response = get(client, address, accept_language="en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request" and problem["detail"]


def test_a_cursor_beyond_every_row_and_an_empty_range_give_empty_pages(client, demo):
    assert get(client, "meetings?cursor=zzzzzzzzzzzzz").json() == {
        "next_cursor": None,
        "items": [],
    }
    assert get(client, "meetings?date_from=2020-01-01&date_to=2019-01-01").json()["items"] == []


def test_problem_details_speak_the_readers_language(client, demo):
    assert (
        "Onbekende parameter" in get(client, "meetings?x=1", accept_language="nl").json()["detail"]
    )
    assert "Unknown parameter" in get(client, "meetings?x=1", accept_language="en").json()["detail"]


def test_revalidation_answers_304_without_a_query(client, demo, django_assert_num_queries):
    first = get(client, "meetings?limit=3")
    etag, modified = first["ETag"], first["Last-Modified"]
    with django_assert_num_queries(0):
        again = get(client, "meetings?limit=3", if_none_match=etag)
    assert again.status_code == 304 and again.content == b""
    with django_assert_num_queries(0):
        since = get(client, "meetings?limit=3", if_modified_since=modified)
    assert since.status_code == 304
    with django_assert_num_queries(0):
        assert get(client, "meetings?limit=3").content == first.content


def test_a_change_makes_a_new_etag(client, demo, django_capture_on_commit_callbacks):
    etag = get(client, "meetings?limit=1")["ETag"]
    meeting = Meeting.objects.filter(live=True).order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "Een nieuwe titel"
        meeting.save()
    response = get(client, "meetings?limit=1", if_none_match=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["items"][0]["title"] == "Een nieuwe titel"


def test_cors_preflight_and_read_only(client, demo):
    preflight = client.options("/api/v1/meetings", headers={"origin": "https://example.org"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    posted = client.post("/api/v1/meetings", {"title": "x"})
    assert posted.status_code == 405
    assert posted["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("limit", [3, 45])  # 45: counted in the shared cache in batches of 2
def test_rate_limit_answers_429_with_retry_after(client, demo, settings, monkeypatch, limit):
    settings.API_RATE_PER_MINUTE = limit
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_030.0)  # mid-minute
    for _ in range(limit):
        assert get(client, "topics").status_code == 200
    response = get(client, "topics")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["status"] == 429


@pytest.mark.parametrize(
    "address",
    [
        "organisations?",
        "organisations?member=true",
        "meetings?lang=nl",
        "meetings?lang=en",
        "topics?lang=nl",
        "topics?lang=en",
        "reports?",
        "practices?",
        "practices?lang=nl",
        "programmes?lang=nl",
        "programmes?lang=en",
        "magazine/editions?",
        "magazine/articles?",
        "magazine/articles?lang=en",
        "indicators?lang=nl",
        "indicators?lang=en",
    ],
)
def test_a_list_takes_the_same_queries_for_1_and_100_rows(client, demo, address):
    counts = []
    for limit in (1, 100):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            items = get(client, f"{address}&limit={limit}").json()["items"]
        assert len(items) == 1 if limit == 1 else len(items) > 1
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_openapi_document_and_docs_page(client, demo):
    document = get(client, "openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert {f"/api/v1/{name}" for name in LISTS} <= set(document["paths"])
    for language, heading in (("nl", "Open-data-API"), ("en", "Open data API")):
        page = client.get("/api/v1/docs", headers={"accept-language": language})
        assert page.status_code == 200
        assert heading in page.content.decode()
        assert "/api/v1/meetings" in page.content.decode()


def test_pages_announce_the_api(client, demo):
    html = client.get("/nl/").content.decode()
    assert 'rel="service-desc" href="/api/v1/openapi.json"' in html


def test_api_json_is_parseable_and_has_no_server_error_on_every_filter(client, demo):
    document = get(client, "openapi.json").json()
    for path, methods in document["paths"].items():
        for parameter in methods["get"]["parameters"]:
            response = client.get(path, {parameter["name"]: "\x00"})
            assert response.status_code == 400, (path, parameter["name"])
            json.loads(response.content)


def test_programmes_count_their_published_meetings(client, demo):
    items = get(client, "programmes?limit=100").json()["items"]
    published = Meeting.objects.filter(live=True)
    for item in items:
        assert item["published_meetings"] == published.filter(programme_id=item["id"]).count()
        assert item["url"].endswith(f"/{item['slug']}.ics")
    assert sum(item["published_meetings"] for item in items) == published.count()


def test_articles_only_of_live_editions_with_their_edition_and_authors(client, demo):
    article = ArticlePage.objects.live().public().first()
    edition = article.get_parent()
    items = {i["id"]: i for i in all_items(client, "magazine/articles")[0]}
    assert items[article.pk]["edition"] == edition.pk
    assert items[article.pk]["authors"][0]["name"] == article.authors.first().name
    assert edition.pk in {i["id"] for i in all_items(client, "magazine/editions")[0]}
    edition.unpublish()
    cache.clear()
    assert article.pk not in {i["id"] for i in all_items(client, "magazine/articles")[0]}
    assert edition.pk not in {i["id"] for i in all_items(client, "magazine/editions")[0]}
    english = get(client, "magazine/articles?lang=en&limit=100").json()["items"]
    assert english and all(i["language"] == "en" for i in english)


def test_commitments_come_with_their_milestones_as_their_pages_show_them(client, demo):
    ours = Commitment.objects.get(is_ours=True)
    [item] = get(client, "commitments?ours=true").json()["items"]
    assert item["id"] == ours.pk and item["code"] == ours.code
    overview = commitment_overview(ours)
    shown = {row.milestone.pk: row.progress for row in overview.milestones}
    assert shown and {m["id"] for m in item["milestones"]} == set(shown)
    for milestone in item["milestones"]:
        assert milestone["status"] == shown[milestone["id"]].status
        assert milestone["actual_end"] == (
            shown[milestone["id"]].actual_end and shown[milestone["id"]].actual_end.isoformat()
        )
    assert get(client, "commitments?action_plan=999999").json()["items"] == []


def count_queries(address):
    from django.test import Client

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        body = Client().get(f"/api/v1/{address}").json()
    return len(queries), body["items"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_commitments_take_the_same_queries_for_twice_the_milestones(client, demo, lang):
    # Progress costs one query per kind of computation used, so sizes differ by milestones of
    # the kinds already there (what a first page of one commitment may not have).
    address = f"commitments?lang={lang}&limit=100"
    before, items = count_queries(address)
    for milestone in Milestone.all_locales.all():
        milestone.pk = milestone.id = None
        milestone.translation_key = uuid.uuid4()
        milestone.number = f"{milestone.number}b"
        milestone.save()
    after, more = count_queries(address)
    milestones = sum(len(item["milestones"]) for item in items)
    assert sum(len(item["milestones"]) for item in more) == 2 * milestones > 0
    assert after == before


def test_indicators_only_public_ones_with_their_history_as_the_results_page(client, demo):
    items = {i["id"]: i for i in all_items(client, "indicators")[0]}
    results = {r.pk: r for r in public_results()}
    assert set(items) == set(results) and items
    for pk, result in results.items():
        assert [p["date"] for p in items[pk]["history"]] == [
            d.isoformat() for d, _ in result.points
        ]
        assert items[pk]["status"] == result.status
    hidden = Indicator.objects.get(pk=next(iter(results)))
    hidden.is_public = False
    hidden.save()
    cache.clear()
    assert hidden.pk not in {i["id"] for i in all_items(client, "indicators")[0]}


@pytest.mark.parametrize("name", ["meetings", "magazine/articles", "magazine/editions"])
def test_updated_since_takes_any_offset_python_reads(client, demo, name):
    response = get(client, f"{name}?updated_since=0446-07-25T13:33:55%2B22:41")
    assert response.status_code == 200
    assert get(client, f"{name}?updated_since=0001-01-01T00:00:00%2B23:00").status_code == 400
