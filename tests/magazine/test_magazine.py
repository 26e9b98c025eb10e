"""The magazine: editions published with their articles, member submissions through the
editors' workflow, the edition PDF, the Atom feed, and what happens on bad input."""

import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from wagtail.models import Locale, WorkflowState

from pioneers.core.models import User
from pioneers.magazine import services
from pioneers.magazine.models import ArticleAuthor, ArticlePage, EditionPage, EditionPDF
from pioneers.magazine.selectors import member_submissions
from pioneers.magazine.wagtail_hooks import article_not_into_a_closed_edition
from pioneers.network.models import Person
from tests.factories import article_create, edition_create

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def member(demo):
    return User.objects.get(email="member@example.org")


@pytest.fixture
def coordinator(demo):
    return User.objects.get(email="coordinator@example.org")


@pytest.fixture
def open_edition(demo):
    return edition_create(number=3, live=False, accepts_submissions=True)


def submission_data(edition, **changes):
    data = {
        "edition": edition.pk,
        "title": "Open data in Schiedam",
        "intro": "Hoe wij begonnen.",
        "body": "Eerste alinea.\n\nTweede alinea.",
        "lessons": "Begin klein.",
        "practical_experience": "",
    }
    data.update(changes)
    return data


def approve(article, user, times=1):
    for _ in range(times):
        state = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, user, "approve")


# The demo


def test_demo_has_two_editions_of_five_articles_in_dutch_and_english(demo):
    for language in ("nl", "en"):
        editions = EditionPage.objects.live().filter(locale__language_code=language)
        assert sorted(editions.values_list("season", flat=True)) == ["Q2 2019", "Q2 2020"]
        for edition in editions:
            assert ArticlePage.objects.live().child_of(edition).count() == 5
            assert edition.cover_image is not None and edition.cover_alt_text
    assert ArticleAuthor.objects.exclude(guest_name="").exists()


@pytest.mark.parametrize(("url", "title"), [("/nl/", "Magazine"), ("/en/", "Magazine")])
def test_magazine_is_in_the_main_menu(client, demo, url, title):
    html = client.get(url).content.decode()
    link = f'href="{url}magazine/">{title}</a>'
    assert link in html


def test_index_lists_editions_newest_first_with_cover_alt_text(client, demo):
    html = client.get("/nl/magazine/").content.decode()
    assert html.index("Pioniersmagazine nr. 2") < html.index("Pioniersmagazine nr. 1")
    assert 'alt="Omslag van Pioniersmagazine nr. 2' in html


def test_edition_page_has_contents_articles_and_its_pdf(client, demo):
    edition = EditionPage.objects.get(locale__language_code="nl", number=1)
    html = client.get(edition.url).content.decode()
    assert '<h2 class="utrecht-heading-2" id="contents">Inhoud</h2>' in html
    assert html.count("Besluiten per wijk") == 2  # contents and the article list
    pdf = EditionPDF.objects.get(edition=edition)
    assert pdf.status == "done" and pdf.file.name.endswith(".pdf")
    assert f'href="{pdf.file.url}"' in html and "Download deze editie als pdf" in html


def test_article_page_shows_authors_lessons_and_practice(client, demo):
    article = ArticlePage.objects.get(title="Wat de raad echt wil weten")
    html = client.get(article.url).content.decode()
    assert "Geleerde lessen" in html and "Begin bij de vraag" in html
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "In de praktijk" in main and "Zwolle" in main and "@example.org" not in main


def test_english_article_is_a_translation(client, demo):
    article = ArticlePage.objects.get(title="Wat de raad echt wil weten")
    english = article.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(english.url)
    assert response.status_code == 200
    assert "What the council really wants to know" in response.content.decode()


def test_article_shows_its_illustration_with_alt_text_in_each_language(client, demo):
    article = ArticlePage.objects.get(title="Wat de raad echt wil weten")
    english = article.get_translation(Locale.objects.get(language_code="en"))
    assert english.image_id == article.image_id is not None
    for page, words in ((article, "Illustratie van een staafdiagram"), (english, "bar chart")):
        main = client.get(page.url).content.decode().split("<main", 1)[1]
        figure = main.split('<figure class="pioneers-figure-photo">', 1)[1].split("</figure>")[0]
        assert f'alt="{page.image_alt_text}"' in figure and words in page.image_alt_text


def test_demo_articles_are_of_realistic_length_with_subheadings(demo):
    for article in ArticlePage.objects.live():
        text = article.body.replace("<", " <")
        assert len(text.split()) > 380 and "<h2>" in article.body
        assert article.image_id and article.image_alt_text


def test_an_article_image_without_alternative_text_is_refused(demo):
    article = ArticlePage.objects.get(title="Wat de raad echt wil weten")
    article.image_alt_text = " "
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "image_alt_text" in error.value.message_dict


# Published with the edition


def test_live_article_of_a_draft_edition_is_hidden_until_the_edition_is_published(client, demo):
    edition = edition_create(number=4, live=False)
    article = article_create(edition, title="Nog geheim")
    assert article.live
    url = "/nl/magazine/nr-4/nog-geheim/"
    assert client.get(url).status_code == 404
    assert "Nog geheim" not in client.get("/nl/magazine/").content.decode()
    assert "Nog geheim" not in client.get("/nl/magazine/artikelen.atom").content.decode()

    edition.get_latest_revision().publish()

    assert client.get(url).status_code == 200
    assert "Nog geheim" in client.get(edition.url).content.decode()
    assert "Nog geheim" in client.get("/nl/magazine/artikelen.atom").content.decode()


def test_unpublishing_an_edition_hides_its_articles(client, demo, no_page_cache):
    edition = EditionPage.objects.get(locale__language_code="nl", number=1)
    article = ArticlePage.objects.child_of(edition).first()
    assert client.get(article.url).status_code == 200
    edition.unpublish()
    assert client.get(article.url).status_code == 404


# The Atom feed


def test_feed_is_announced_on_every_page(client, demo):
    for url in ("/nl/", "/en/reports/", "/nl/bijeenkomsten/"):
        html = client.get(url).content.decode()
        language = url[1:3]
        feed = "/nl/magazine/artikelen.atom" if language == "nl" else "/en/magazine/articles.atom"
        assert '<link rel="alternate" type="application/atom+xml" title=' in html
        assert f'href="{feed}"' in html


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [
        ("/nl/magazine/artikelen.atom", "nl", "Besluiten per wijk"),
        ("/en/magazine/articles.atom", "en", "Decisions by neighbourhood"),
    ],
)
def test_feed_parses_with_an_entry_per_article(client, demo, url, language, title, settings):
    settings.BASE_URL = "https://pioneers.example.org"
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, parsed in a test
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}updated").text
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 10
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == 10 and all(i.startswith("urn:uuid:") for i in ids)
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert any(t.startswith(title) for t in titles)
    assert root.find(f"{ATOM}link").get("href").startswith("https://pioneers.example.org/")
    for entry in entries:
        # Each entry links to the configured address, like the feed's own link.
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(f"https://pioneers.example.org/{language}/magazine/"), href
        link = urlsplit(href)
        # Dated the day its edition appeared, not the day the site was filled.
        article = ArticlePage.objects.get(
            title=entry.find(f"{ATOM}title").text, locale__language_code=language
        )
        appeared = article.get_parent().specific.publication_date
        assert date.fromisoformat(entry.find(f"{ATOM}published").text[:10]) == appeared
        assert date.fromisoformat(entry.find(f"{ATOM}updated").text[:10]) == appeared
        assert client.get(link.path).status_code == 200
        assert "@" not in (entry.findtext(f"{ATOM}author/{ATOM}name") or "")
    # Newest edition first.
    assert titles.index(next(t for t in titles if t.startswith(title))) >= 5


# Submitting an article


def test_member_submits_and_the_editors_workflow_publishes_with_the_edition(
    client, member, coordinator, open_edition, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = client.post("/nl/magazine/insturen/", submission_data(open_edition))
    assert response.status_code == 302
    article = ArticlePage.objects.get(title="Open data in Schiedam")
    assert not article.live and article.owner == member
    assert article.get_parent().pk == open_edition.pk
    assert [a.person for a in article.authors.all()] == [member.person]
    assert article.body == "<p>Eerste alinea.</p><p>Tweede alinea.</p>"
    html = client.get("/nl/magazine/mijn-artikelen/").content.decode()
    assert "Open data in Schiedam" in html and "Ingestuurd" in html

    approve(article, coordinator)
    assert member_submissions(member)[0].status == "in_review"
    with django_capture_on_commit_callbacks(execute=True):
        approve(article, coordinator)
    article.refresh_from_db()
    assert article.live
    [message] = [m for m in mail.outbox if m.to == ["member@example.org"]]  # not Wagtail's too
    assert message.subject.startswith("Je artikel")
    assert message.subject == "Je artikel „Open data in Schiedam” is goedgekeurd"
    assert "/nl/magazine/mijn-artikelen/" in message.body
    # Approved but hidden until the edition appears.
    assert client.get(article.url).status_code == 404
    assert member_submissions(member)[0].status == "approved"

    open_edition.get_latest_revision().publish()
    assert client.get(article.url).status_code == 200
    html = client.get("/en/magazine/my-submissions/").content.decode()
    assert "Published" in html


def test_rejection_asks_for_changes_by_email_in_the_members_language(
    client, member, coordinator, open_edition, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post("/en/magazine/submit/", submission_data(open_edition, title="Too long"))
    article = ArticlePage.objects.get(title="Too long")
    state = WorkflowState.objects.get(object_id=str(article.pk), status="in_progress")
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(
            task_state, coordinator, "reject", comment="Please cut it in half."
        )
    [message] = [m for m in mail.outbox if m.to == ["member@example.org"]]  # not Wagtail's too
    assert message.subject.startswith("The editors")
    assert message.subject == "The editors ask for changes to “Too long”"
    assert "Please cut it in half." in message.body
    assert member_submissions(member)[0].status_label == "changes requested"


def test_script_and_javascript_links_do_not_survive_a_submission(client, member, open_edition):
    client.force_login(member)
    evil = '<script>alert(1)</script> <a href="javascript:alert(2)">klik</a>'
    client.post(
        "/nl/magazine/insturen/",
        submission_data(open_edition, body=evil, lessons=evil, intro="<script>x</script>"),
    )
    article = ArticlePage.objects.get(title="Open data in Schiedam")
    for html in (article.body, article.lessons):
        assert "<script" not in html and "<a " not in html
        assert "&lt;script&gt;" in html
    article.save_revision().publish()
    open_edition.save_revision().publish()
    page = client.get(article.url).content.decode()
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert "<script>x" not in page


def test_empty_required_fields_answer_422_and_keep_the_text(client, member, open_edition):
    client.force_login(member)
    response = client.post(
        "/nl/magazine/insturen/", submission_data(open_edition, title="", body="Mijn tekst")
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Dit is een verplicht veld." in html and "Mijn tekst" in html
    assert not ArticlePage.objects.filter(intro="Hoe wij begonnen.").exists()


def test_someone_without_a_member_organisation_cannot_submit(client, demo, open_edition):
    person = Person.objects.filter(organisation__isnull=False).first()
    person.organisation = None
    person.save()
    client.force_login(person.user)
    response = client.post("/nl/magazine/insturen/", submission_data(open_edition))
    assert response.status_code == 403
    assert "Alleen pioniers van een aangesloten organisatie" in response.content.decode()
    assert not ArticlePage.objects.filter(title="Open data in Schiedam").exists()


def test_anonymous_visitors_are_sent_to_log_in(client, demo):
    response = client.get("/nl/magazine/insturen/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_edition_that_does_not_accept_articles_is_refused(client, member, open_edition):
    closed = EditionPage.objects.get(locale__language_code="nl", number=2)
    client.force_login(member)
    response = client.post("/nl/magazine/insturen/", submission_data(closed))
    assert response.status_code == 422
    assert (
        "Selecteer een geldige keuze. Deze keuze is niet beschikbaar." in response.content.decode()
    )
    with pytest.raises(services.SubmissionError):
        services.article_submit(
            user=member, edition=closed, title="x", intro="y", body="z", language="nl"
        )


def test_without_open_editions_the_form_says_so(client, member):
    client.force_login(member)
    html = client.get("/nl/magazine/insturen/").content.decode()
    assert "Op dit moment neemt geen editie artikelen aan." in html and "<main" in html
    assert "<form class" not in html.split("<main", 1)[1]


# Model rules


def test_an_author_is_a_person_or_a_guest_not_both_nor_neither(demo):
    article = ArticlePage.objects.first()
    person = Person.objects.first()
    for author in (
        ArticleAuthor(article=article),
        ArticleAuthor(article=article, person=person, guest_name="Gast"),
    ):
        with pytest.raises(ValidationError):
            author.full_clean()
    ArticleAuthor(article=article, person=person).full_clean()
    ArticleAuthor(article=article, guest_name="Gast", guest_affiliation="Elders").full_clean()


def test_a_cover_without_alternative_text_is_refused(demo):
    edition = EditionPage.objects.get(locale__language_code="nl", number=1)
    edition.cover_alt_text = ""
    with pytest.raises(ValidationError) as error:
        edition.full_clean()
    assert "cover_alt_text" in error.value.message_dict


def test_the_admin_refuses_to_publish_an_edition_without_cover_alt_text(client, coordinator):
    edition = EditionPage.objects.get(locale__language_code="nl", number=1)
    client.force_login(coordinator)
    form = client.get(f"/admin/pages/{edition.pk}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "title": edition.title,
            "slug": edition.slug,
            "number": "1",
            "season": "Q2 2019",
            "publication_date": "2019-06-14",
            "cover_image": str(edition.cover_image_id),
            "cover_alt_text": "",
            "editorial": form["editorial"].field.widget.format_value(form["editorial"].value()),
            "action-publish": "action-publish",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        }
    )
    response = client.post(f"/admin/pages/{edition.pk}/edit/", data)
    assert response.status_code in (200, 422)
    assert "cover_alt_text" in response.context["form"].errors
    edition.refresh_from_db()
    assert edition.cover_alt_text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"not an image", "Upload een geldige afbeelding."),
        ("big.png", None, "Dit bestand is te groot"),
    ],
)
def test_a_wrong_or_oversized_image_upload_is_refused(demo, settings, name, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.forms import get_image_form
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    if content is None:
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
        content = get_test_image_file(size=(200, 200)).file.getvalue()
    form_class = get_image_form(Image)
    form = form_class(
        {"title": "x"},
        {"file": SimpleUploadedFile(name, content)},
        user=User.objects.get(email="coordinator@example.org"),
    )
    assert not form.is_valid()
    assert message in str(form.errors["file"])


# The edition's PDF


def _inflated(content: bytes) -> bytes:
    """The PDF with its compressed object streams inflated, to look for structure keys."""
    import re
    import zlib

    parts = [content]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_pdf_task_builds_a_tagged_pdf_with_every_article_and_reports_progress(demo):
    from pioneers.magazine.pdf import edition_document
    from pioneers.magazine.tasks import build_edition_pdf

    edition = EditionPage.objects.get(locale__language_code="nl", number=1)
    titles = list(ArticlePage.objects.live().child_of(edition).values_list("title", flat=True))
    steps = []
    document = edition_document(edition, progress=lambda done, total: steps.append((done, total)))
    assert steps == [(i, 5) for i in range(6)]
    bookmarks = [label for label, *_rest in document.make_bookmark_tree()]
    for title in titles:
        assert title in bookmarks

    pdf = EditionPDF.objects.get(edition=edition)
    result = build_edition_pdf.enqueue(pdf_id=pdf.pk)
    assert result.return_value == "done"
    pdf.refresh_from_db()
    with pdf.file.open("rb") as file:
        content = file.read()
    assert content.startswith(b"%PDF-1.7")
    assert b"/StructTreeRoot" in _inflated(content)  # tagged (PDF/UA-1)
    assert pdf.pages == len(document.pages) >= 7
    assert (pdf.rendered, pdf.total, pdf.size) == (5, 5, len(content))


def test_pdf_fetches_no_file_outside_media_and_static(demo, media, tmp_path_factory):
    from pioneers.core import pdf

    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text("geheim")
    fetcher = pdf.fetcher()
    for url in (secret.as_uri(), "http://127.0.0.1/x.png", "https://example.org/x.png"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    inside = media / "ok.txt"
    inside.write_text("ok")
    assert fetcher.fetch(inside.as_uri()).read() == b"ok"


def test_a_failing_pdf_build_is_shown_to_the_editor_not_a_500(
    client, coordinator, media, monkeypatch
):
    from pioneers.magazine import pdf as pdf_module

    def broken(edition, progress):
        raise OSError("no space left on device")

    monkeypatch.setattr(pdf_module, "render_edition_pdf", broken)
    edition = EditionPage.objects.get(locale__language_code="nl", number=2)
    client.force_login(coordinator)
    response = client.post(f"/nl/magazine/editie-pdf/{edition.pk}/")
    assert response.status_code == 302
    pdf = EditionPDF.objects.get(edition=edition)
    services.edition_pdf_build(pdf)  # the queued task, run now (on_commit does not fire here)
    pdf.refresh_from_db()
    assert pdf.status == "failed" and "no space left on device" in pdf.error
    response = client.get(f"/nl/magazine/editie-pdf/{edition.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het maken van de pdf is mislukt:" in html and "no space left on device" in html


def test_pdf_progress_page_polls_while_building_and_is_for_editors_only(
    client, coordinator, member
):
    edition = EditionPage.objects.get(locale__language_code="nl", number=2)
    url = f"/nl/magazine/editie-pdf/{edition.pk}/"
    EditionPDF.objects.filter(edition=edition).update(status="building", rendered=2, total=5)
    client.force_login(member)
    assert client.get(url).status_code == 403  # not staff: a page saying so, no login loop
    client.force_login(coordinator)
    html = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert (
        html.startswith('<div id="pdf-status" data-hx-get="')
        and 'data-hx-trigger="every 2s"' in html
    )
    assert "2 van 5 artikelen opgemaakt" in html
    EditionPDF.objects.filter(edition=edition).update(status="done")
    html = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in html and "Download de pdf" in html


def test_admin_offers_build_pdf_on_an_edition(client, coordinator):
    edition = EditionPage.objects.get(locale__language_code="nl", number=2)
    client.force_login(coordinator)
    html = client.get(f"/admin/pages/{edition.pk}/edit/").content.decode()
    assert f"/nl/magazine/editie-pdf/{edition.pk}/" in html


def test_publishing_an_edition_queues_its_pdf(demo, django_capture_on_commit_callbacks, media):
    edition = edition_create(number=5, live=False)
    article_create(edition, title="In de pdf")
    with django_capture_on_commit_callbacks(execute=True):
        edition.get_latest_revision().publish()
    pdf = EditionPDF.objects.get(edition=edition)
    assert pdf.status == "done" and pdf.total == 1


# Query counts at two sizes


def _grow(number, articles):
    edition = edition_create(number=number, live=True)
    person = Person.objects.filter(public_profile=True).first()
    for index in range(articles):
        article_create(edition, title=f"Artikel {number}-{index}", person=person)
    return edition


def test_magazine_index_queries_do_not_grow_with_editions(queries_of, demo):
    base = queries_of("/nl/magazine/")
    for number in (6, 7, 8):
        _grow(number, 1)
    assert queries_of("/nl/magazine/") == base


def test_edition_page_queries_do_not_grow_with_articles(queries_of, demo):
    edition = _grow(6, 1)
    base = queries_of(edition.url)
    for index in range(5):
        article_create(edition, title=f"Meer {index}", person=Person.objects.first())
    assert queries_of(edition.url) == base


def test_feed_queries_do_not_grow_with_articles(queries_of, demo):
    base = queries_of("/nl/magazine/artikelen.atom")
    edition = _grow(6, 4)
    assert queries_of("/nl/magazine/artikelen.atom") == base
    assert edition.live


# Closing an edition


def test_an_edition_closes_when_it_appears_and_late_articles_wait(
    client, member, coordinator, open_edition, django_capture_on_commit_callbacks
):
    client.force_login(member)
    assert client.post("/nl/magazine/insturen/", submission_data(open_edition)).status_code == 302
    article = ArticlePage.objects.get(title="Open data in Schiedam")
    approve(article, coordinator)  # intake; the review is still to come

    # The edition appears: closed to new articles, in the editor's form too.
    with django_capture_on_commit_callbacks(execute=True):
        open_edition.get_latest_revision().publish()
    open_edition.refresh_from_db()
    assert open_edition.live and not open_edition.accepts_submissions
    assert not open_edition.get_latest_revision_as_object().accepts_submissions
    html = client.get("/nl/magazine/insturen/").content.decode()
    assert open_edition.title not in html
    assert client.post("/nl/magazine/insturen/", submission_data(open_edition)).status_code == 422

    # The editors approve the article under review: it waits, outside the published edition.
    with django_capture_on_commit_callbacks(execute=True):
        approve(article, coordinator)
    article.refresh_from_db()
    assert not article.live
    assert "Open data in Schiedam" not in client.get(open_edition.url).content.decode()
    pdf = EditionPDF.objects.get(edition=open_edition)
    assert pdf.total == 0  # the PDF has no article of it either
    assert services.article_closed_edition(article) == open_edition
    assert "is verschenen en neemt geen nieuwe artikelen meer aan" in str(
        services.closed_edition_message(open_edition)
    )

    # Publishing it by hand from the editor is refused with the reason.
    request = RequestFactory().post("/admin/")
    request.user = coordinator
    request.session = {}
    request._messages = FallbackStorage(request)
    response = article_not_into_a_closed_edition(request, article)
    assert response.status_code == 302
    [message] = [str(m) for m in request._messages]
    assert "is verschenen en neemt geen nieuwe artikelen meer aan" in message

    # An editor reopens the edition: publishing again keeps it open, and the article may go in.
    open_edition.accepts_submissions = True
    open_edition.save_revision().publish()
    open_edition.refresh_from_db()
    assert open_edition.accepts_submissions
    assert services.article_closed_edition(article) is None
