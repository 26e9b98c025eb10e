"""The home page's blocks: what each shows in both languages, its bounds, its queries."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pioneers.core.models import User
from pioneers.core.translations import translation_save
from pioneers.demo import home as demo_home
from pioneers.evaluation.models import Indicator
from pioneers.magazine.models import ArticlePage, EditionPage
from pioneers.meetings.models import Meeting, Registration
from pioneers.network.models import Organisation
from pioneers.practices.models import PracticeIndexPage, PracticePage, PracticeReuse
from pioneers.publications.blocks import HomeBodyBlock
from pioneers.publications.models import HomePage
from pioneers.reports.models import ReportIndexPage, ReportPage
from tests.factories import meeting_create

pytestmark = pytest.mark.django_db

ALL_TYPES = ["meetings", "reports", "practices", "taken_up", "magazine", "member_map", "results"]


def _body(*blocks) -> None:
    """The same blocks on the Dutch and the English home page, published."""
    for home in HomePage.objects.all():
        home.body = list(blocks)
        home.save_revision().publish()


def _all_blocks(count: int) -> list:
    uncounted = {"member_map", "results"}
    return [
        (kind, {"heading": ""} if kind in uncounted else {"heading": "", "count": count})
        for kind in ALL_TYPES
    ]


def _upcoming() -> list[Meeting]:
    return list(
        Meeting.objects.filter(live=True, date__gte=timezone.localdate()).order_by(
            "date", "start_time"
        )
    )


def _main(html: str) -> str:
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_the_demo_home_page_has_every_block_type_in_both_languages(demo):
    for home in HomePage.objects.all():
        kinds = {block.block_type for block in home.body}
        assert kinds == {*ALL_TYPES, "text"}


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        (
            "/nl/",
            [
                "Volgende bijeenkomsten",
                "Alle bijeenkomsten",
                "Alle verslagen",
                'href="/nl/verslagen/"',
                "overgenomen door",
                'href="/nl/kennisbank/"',
                'href="/nl/magazine/"',
                "Alle leden",
                'class="pioneers-map"',
                "Zelf iets delen?",
                "Pioniersmagazine nr. 2",
            ],
        ),
        (
            "/en/",
            [
                "Next meetings",
                "All meetings",
                "All reports",
                'href="/en/reports/"',
                "taken up by",
                'href="/en/knowledge-base/"',
                'href="/en/magazine/"',
                "All members",
                'class="pioneers-map"',
                "Share something yourself?",
                "Pioneer Magazine no. 2",
            ],
        ),
    ],
)
def test_every_block_shows_its_items_in_the_page_language(client, demo, url, texts):
    html = _main(client.get(url).content.decode())
    for text in texts:
        assert text in html, text
    assert html.count("<h1") == 1
    meeting = _upcoming()[0]
    english = Meeting.all_locales.filter(
        translation_key=meeting.translation_key, locale__language_code="en"
    ).first()
    assert (english.title if english and url == "/en/" else meeting.title) in html
    newest_report = ReportPage.objects.live().order_by("-meeting__date").first()
    assert newest_report.title in html
    newest_practice = PracticePage.objects.live().order_by("-first_published_at").first()
    assert newest_practice.title in html
    language = url.strip("/")
    edition = EditionPage.objects.live().filter(locale__language_code=language)
    edition = edition.order_by("-publication_date").first()
    article = ArticlePage.objects.live().child_of(edition).order_by("path").first()
    assert article.title in html
    picked = Indicator.objects.filter(is_public=True, home_position__isnull=False).count()
    assert picked == 3 and html.count('class="pioneers-result"') == picked
    # Every block is a section named by its heading; the joining section stays last.
    assert html.count('aria-labelledby="block-') == 8
    assert html.rindex("block-") < html.index('id="join-heading"')


def test_the_most_taken_up_practice_comes_first_with_its_count(client, demo, no_page_cache):
    practice = PracticePage.objects.live().order_by("first_published_at").first()
    takers = Organisation.objects.filter(kind="municipality").exclude(pk=practice.municipality_id)
    for organisation in takers[:7]:
        PracticeReuse.objects.get_or_create(practice=practice, organisation=organisation)
    _body(("taken_up", {"heading": "", "count": 1}))
    html = _main(client.get("/nl/").content.decode())
    assert practice.title in html
    count = practice.reuses.count()
    assert f"overgenomen door {count} organisaties" in html
    assert f"taken up by {count} organisations" in client.get("/en/").content.decode()


def test_a_heading_of_the_coordinators_replaces_the_standard_one(client, demo, no_page_cache):
    _body(("reports", {"heading": "Wat we leerden", "count": 2}))
    html = _main(client.get("/nl/").content.decode())
    assert "Wat we leerden" in html and "Nieuwste verslagen" not in html


@pytest.mark.parametrize("count", [1, 2])
def test_a_block_shows_its_number_of_items(client, demo, no_page_cache, count):
    _body(
        ("meetings", {"heading": "", "count": count}),
        ("reports", {"heading": "", "count": count}),
        ("practices", {"heading": "", "count": count}),
        ("magazine", {"heading": "", "count": count}),
    )
    html = _main(client.get("/nl/").content.decode())
    assert html.count('class="pioneers-meeting-card"') == 3 * count
    articles = html[html.index("pioneers-home-block__articles") :]
    assert articles[: articles.index("</ul>")].count("<li>") == count
    shown = [m.title for m in _upcoming()]
    assert shown[count - 1] in html and shown[count] not in html


@pytest.mark.parametrize("count", [0, -1, 13, 32768])
def test_a_number_of_items_out_of_bounds_is_refused(count):
    body = HomeBodyBlock()
    for kind in ["meetings", "reports", "practices", "taken_up", "magazine"]:
        block = body.child_blocks[kind]
        with pytest.raises(ValidationError):
            block.clean(block.to_python({"heading": "", "count": count}))


def test_a_number_of_items_within_bounds_is_accepted():
    block = HomeBodyBlock().child_blocks["meetings"]
    assert block.clean(block.to_python({"heading": "", "count": 12}))["count"] == 12


def test_the_places_left_are_filled_in_on_every_response(client, demo):
    meeting = _upcoming()[0]
    html = client.get("/nl/").content.decode()
    left = meeting.capacity - meeting.registrations.filter(status="confirmed").count()
    assert f"nog {left} plekken vrij" in html and "<!--live:" not in html
    Registration.objects.create(
        meeting=meeting, name="Test", email="home-test@example.org", status="confirmed"
    )
    # The page may come from the cache; the live fragment is current all the same.
    assert f"nog {left - 1} plekken vrij" in client.get("/nl/").content.decode()


def test_an_empty_body_shows_the_first_layout(client, demo, no_page_cache):
    _body()
    html = _main(client.get("/nl/").content.decode())
    assert 'id="next-meeting-heading"' in html and 'id="results-heading"' in html
    assert "block-" not in html
    assert "Maak een account aan" in html
    assert _upcoming()[0].title in html


def _grow(n: int) -> None:
    """n more upcoming meetings (half translated), reports, practices and take-ups."""
    host = Organisation.objects.get(slug="schiedam")
    report_index = ReportIndexPage.objects.get(locale__language_code="nl")
    practice_index = PracticeIndexPage.objects.get(locale__language_code="nl")
    takers = list(Organisation.objects.filter(kind="municipality").exclude(pk=host.pk)[:3])
    for i in range(n):
        meeting = meeting_create(
            number=200 + i,
            title=f"Groei {i}",
            slug=f"groei-{i}",
            date=timezone.localdate() + timedelta(days=1 + i),
        )
        if i % 2:
            translation_save(meeting, language="en", title=f"Growth {i}")
        report = ReportPage(title=f"Verslag groei {i}", slug=f"verslag-groei-{i}", meeting=meeting)
        report.summary = "Wat we leerden."
        report_index.add_child(instance=report)
        report.save_revision().publish()
        practice = PracticePage(
            title=f"Praktijk groei {i}",
            slug=f"praktijk-groei-{i}",
            summary="Een samenvatting.",
            problem="<p>Een probleem.</p>",
            approach="<p>Een aanpak.</p>",
            status=PracticePage.Status.PILOT,
            municipality=host,
        )
        practice_index.add_child(instance=practice)
        practice.save_revision().publish()
        for organisation in takers:
            PracticeReuse.objects.create(practice=practice, organisation=organisation)


@pytest.mark.parametrize("url", ["/nl/", "/en/"])
def test_the_home_page_makes_a_fixed_number_of_queries(demo, queries_of, cold_queries_of, url):
    _body(*_all_blocks(12))
    warm, cold = queries_of(url), cold_queries_of(url)
    _grow(10)
    assert (queries_of(url), cold_queries_of(url)) == (warm, cold)


def test_a_take_up_shows_at_once_on_a_cached_home_page(
    client, demo, django_capture_on_commit_callbacks
):
    _body(("taken_up", {"heading": "", "count": 1}))
    practice = PracticePage.objects.live().order_by("first_published_at").first()
    client.get("/nl/")  # now in the page cache
    takers = Organisation.objects.filter(kind="municipality").exclude(pk=practice.municipality_id)
    with django_capture_on_commit_callbacks(execute=True):
        for organisation in takers[:9]:
            PracticeReuse.objects.get_or_create(practice=practice, organisation=organisation)
    html = _main(client.get("/nl/").content.decode())
    assert practice.title in html
    assert f"overgenomen door {practice.reuses.count()} organisaties" in html


# --- the admin -------------------------------------------------------------------------------


def _edit_data(home, count: int) -> dict:
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": rich_text("<p>Welkom.</p>"),
            "join_heading": home.join_heading,
            "join_text": rich_text("<p>Doe mee.</p>"),
            "body": streamfield([("reports", {"heading": "Verslagen", "count": count})]),
        }
    )


def test_coordinators_edit_the_blocks_and_a_bad_number_is_refused(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    home = HomePage.objects.get(locale__language_code="nl")
    url = f"/admin/pages/{home.pk}/edit/"
    assert client.get(url).status_code == 200
    revisions = home.revisions.count()
    response = client.post(url, _edit_data(home, 13))
    assert response.status_code == 200
    assert "hoogstens 12" in response.content.decode()  # the block's message, in Dutch
    assert home.revisions.count() == revisions
    response = client.post(url, _edit_data(home, 2))
    assert response.status_code == 302
    draft = home.revisions.order_by("-pk").first().as_object()
    assert [(block.block_type, block.value["count"]) for block in draft.body] == [("reports", 2)]


def test_a_translated_report_shows_in_the_reader_language(client, demo, no_page_cache):
    _body(("reports", {"heading": "", "count": 3}))
    report = ReportPage.objects.live().order_by("-meeting__date").first()
    english = report.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Report: open and close by"
    english.save_revision().publish()
    html_en = _main(client.get("/en/").content.decode())
    assert "Report: open and close by" in html_en and report.title not in html_en
    assert 'lang="en"' in html_en
    html_nl = _main(client.get("/nl/").content.decode())
    assert report.title in html_nl and "Report: open and close by" not in html_nl


def test_loading_the_demo_again_keeps_the_blocks_as_they_are(demo):
    home = HomePage.objects.get(locale__language_code="nl")
    home.body = [("text", {"heading": "Eigen tekst", "text": "<p>Van de coördinatoren.</p>"})]
    home.save_revision().publish()
    revisions = home.revisions.count()
    demo_home.load(io.StringIO())
    home.refresh_from_db()
    assert [block.block_type for block in home.body] == ["text"]
    assert home.revisions.count() == revisions
    english = HomePage.objects.get(locale__language_code="en")
    assert len(english.body) == 8


def test_the_blocks_are_cached_and_a_new_meeting_shows_at_once(
    client, demo, queries_of, django_capture_on_commit_callbacks
):
    _body(("meetings", {"heading": "", "count": 12}))
    warm = queries_of("/nl/")
    soon = timezone.localdate() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_create(number=31001, title="Morgen al", slug="morgen-al", date=soon)
    html = client.get("/nl/").content.decode()
    assert meeting.get_absolute_url() in html
    assert queries_of("/nl/") == warm


def test_a_preview_shows_unsaved_blocks_and_leaves_the_cache_alone(rf, demo):
    from pioneers.publications.rendered import home_body_html

    _body(("text", {"heading": "", "text": rich_text("<p>Gepubliceerd</p>")}))
    home = HomePage.objects.get(locale__language_code="nl")
    assert "Gepubliceerd" in home_body_html(home)
    home.body = [("text", {"heading": "", "text": rich_text("<p>Nog niet opgeslagen</p>")})]
    assert "Nog niet opgeslagen" in home_body_html(home, preview=True)
    assert "Gepubliceerd" in home_body_html(home)  # what visitors get is unchanged
