"""A topic's page: its meetings, their reports, practices and articles, in both languages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from pioneers.magazine.models import ArticlePage
from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation
from pioneers.practices.models import PracticePage
from pioneers.reports.models import ReportPage
from pioneers.topics.models import Topic
from pioneers.topics.services import topic_get_or_create

pytestmark = pytest.mark.django_db


def _topic_of_a_report() -> Topic:
    """A demo topic with a reported meeting, and a practice and an article on it."""
    report = ReportPage.objects.live().public().select_related("meeting").first()
    topic = report.meeting.topic or topic_get_or_create(name=report.meeting.title)
    if report.meeting.topic is None:
        Meeting.objects.filter(pk=report.meeting_id).update(topic=topic)
    through = {PracticePage: PracticePage.topics.through, ArticlePage: ArticlePage.topics.through}
    for model, rows in through.items():
        page = model.objects.live().public().first()
        if not rows.objects.filter(topic=topic, **{f"{model._meta.model_name}_id": page.pk}):
            rows.objects.create(topic=topic, **{f"{model._meta.model_name}_id": page.pk})
    return topic


def test_the_topic_page_lists_meetings_reports_practices_and_articles(client, demo):
    topic = _topic_of_a_report()
    response = client.get(f"/nl/onderwerpen/{topic.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="utrecht-heading-1">{topic.name}</h1>' in html
    for section in ("topic-meetings", "topic-reports", "topic-practices", "topic-articles"):
        assert f'id="{section}"' in html
    report = ReportPage.objects.live().filter(meeting__topic=topic).first()
    practice = PracticePage.objects.live().filter(topics=topic).first()
    article = ArticlePage.objects.live().filter(topics=topic).first()
    for page in (report, practice, article):
        assert page.url in html
    assert report.meeting.get_absolute_url() in html
    assert 'class="utrecht-breadcrumb-nav"' in html


def test_meetings_to_come_come_first_and_unpublished_ones_not_at_all(client, demo):
    topic = topic_get_or_create(name="Burgerberaad")
    template = Meeting.objects.filter(live=True).first()
    today = timezone.localdate()
    for number, (title, days, published) in enumerate(
        [
            ("Lang geleden", -400, True),
            ("Onlangs", -10, True),
            ("Straks", 30, True),
            ("Later", 200, True),
            ("Nog geheim", 60, False),
        ]
    ):
        Meeting.objects.create(
            programme=template.programme,
            number=200 + number,
            title=title,
            slug=f"burgerberaad-{number}",
            topic=topic,
            format="lab",
            date=today + timedelta(days=days),
            host=template.host,
            venue_name="Stadhuis",
            street_address="Markt 1",
            city="Delft",
            live=published,
        )
    html = client.get(f"/nl/onderwerpen/{topic.slug}/").content.decode()
    order = [html.index(title) for title in ("Straks", "Later", "Onlangs", "Lang geleden")]
    assert order == sorted(order)
    assert "Nog geheim" not in html
    assert 'id="topic-practices"' not in html


def test_the_english_page_shows_the_english_name_and_marks_dutch_text(client, demo):
    topic = _topic_of_a_report()
    english = topic.get_translations().filter(locale__language_code="en").first()
    response = client.get(f"/en/topics/{topic.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    if english:
        assert f'<h1 class="utrecht-heading-1">{english.name}</h1>' in html
    else:
        assert f'<h1 class="utrecht-heading-1"><span lang="nl">{topic.name}</span></h1>' in html
    practice = PracticePage.objects.live().filter(topics=topic, locale__language_code="nl").first()
    assert f'<span lang="nl">{practice.title}</span>' in html
    untranslated = topic_get_or_create(name="Burgerberaad")
    html = client.get(f"/en/topics/{untranslated.slug}/").content.decode()
    assert '<h1 class="utrecht-heading-1"><span lang="nl">Burgerberaad</span></h1>' in html
    assert "Nothing has been published on this topic yet." in html


@pytest.mark.parametrize("slug", ["geen-onderwerp", "x" * 200, "%C3%A9"])
def test_an_unknown_topic_is_not_found(client, demo, slug):
    assert client.get(f"/nl/onderwerpen/{slug}/").status_code == 404


def test_a_translation_row_has_no_page_of_its_own(client, demo):
    """Only originals have pages: the English row's slug leads to its original."""
    topic = Topic.objects.originals().get(slug="open-overheid")
    assert client.get(f"/en/topics/{topic.slug}/").context["topic"] == topic


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_topic_page_uses_a_fixed_number_of_queries(demo, queries_of, cold_queries_of, language):
    topic = _topic_of_a_report()
    path = {"nl": "onderwerpen", "en": "topics"}[language]
    url = f"/{language}/{path}/{topic.slug}/"
    before, warm = cold_queries_of(url), queries_of(url)
    assert warm < before  # the body comes from the cache
    # Every published meeting, practice and article gets the topic: many more of each.
    Meeting.objects.filter(live=True).update(topic=topic)
    for model in (PracticePage, ArticlePage):
        rows = model.topics.through
        column = f"{model._meta.model_name}_id"
        tagged = set(rows.objects.filter(topic=topic).values_list(column, flat=True))
        rows.objects.bulk_create(
            rows(topic=topic, **{column: pk})
            for pk in model.objects.live().values_list("pk", flat=True)
            if pk not in tagged
        )
    assert Meeting.objects.filter(topic=topic).count() > 5
    assert cold_queries_of(url) == before
    assert queries_of(url) == warm


def test_the_most_active_organisations_on_a_topic_by_what_they_did(client, demo):
    topic = topic_get_or_create(name="Wijkbudgetten")
    template = Meeting.objects.filter(live=True, host__isnull=False).first()
    host, chair = template.host, Organisation.objects.exclude(pk=template.host_id).first()
    for number, status in enumerate(["planned", "held", "cancelled"]):
        Meeting.objects.create(
            programme=template.programme,
            number=300 + number,
            title=f"Wijkbudget {number}",
            slug=f"wijkbudget-{number}",
            topic=topic,
            format="lab",
            date=timezone.localdate() + timedelta(days=10 * number - 10),
            host=host,
            guest_chair=chair if number != 1 else None,
            venue_name="Stadhuis",
            street_address="Markt 1",
            city="Delft",
            status=status,
            live=True,
        )
    html = client.get(f"/nl/onderwerpen/{topic.slug}/").content.decode()
    section = html[html.index('id="topic-active"') :]
    rows = re.findall(
        r'<th class="utrecht-table__header-cell" scope="row">(.*?)</tr>', section, re.S
    )
    cells = [re.findall(r">(\d+)</td>", row) for row in rows]
    # The cancelled meeting counts for nobody; the host first (two hosted), then the chair.
    assert f">{escape(host.name)}</a>" in rows[0] and cells[0] == ["0", "2", "0"]
    assert f">{escape(chair.name)}</a>" in rows[1] and cells[1] == ["0", "0", "1"]
    assert f'href="{host.get_absolute_url()}"' in rows[0]
    english = client.get(f"/en/topics/{topic.slug}/").content.decode()
    assert "Most active on this topic" in english and "Meetings chaired" in english


def test_a_change_shows_on_the_topic_page_at_once(
    client, demo, no_page_cache, django_capture_on_commit_callbacks
):
    topic = topic_get_or_create(name="Participatiebegroting")
    url = f"/nl/onderwerpen/{topic.slug}/"
    assert "Over dit onderwerp is nog niets gepubliceerd." in client.get(url).content.decode()
    meeting = Meeting.objects.filter(live=True).first()
    meeting.topic = topic
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    html = client.get(url).content.decode()
    assert meeting.get_absolute_url() in html and 'id="topic-active"' in html


def test_topic_labels_link_to_the_topic_page(client, demo):
    topic = _topic_of_a_report()
    practice = PracticePage.objects.live().filter(topics=topic).first()
    meeting = Meeting.objects.filter(topic=topic, live=True).first()
    link = f'<a class="utrecht-link" href="/nl/onderwerpen/{topic.slug}/">{topic.name}</a>'
    assert link in client.get(practice.url).content.decode()
    assert link in client.get(meeting.get_absolute_url()).content.decode()
    article = ArticlePage.objects.live().filter(topics=topic).first()
    assert link in client.get(article.url).content.decode()


def test_site_search_finds_a_meeting_by_its_topic(client, demo):
    meeting = Meeting.objects.filter(live=True).first()
    meeting.topic = topic_get_or_create(name="Kwispelbeleid")
    meeting.save()
    html = client.get("/nl/zoeken/", {"q": "kwispelbeleid", "kind": "meeting"}).content.decode()
    assert meeting.get_absolute_url() in html
