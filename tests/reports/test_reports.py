"""Meeting reports: the overview, one report with its Woo metadata, and their rules."""

import pytest
from django.core.exceptions import ValidationError

from pioneers.meetings.models import Meeting
from pioneers.reports.models import ReportPage, ReportPhoto, woo_categories

SLUG = "2019-lab-actief-openbaar-maken"


def test_demo_has_a_report_for_every_seed_meeting(demo):
    reports = ReportPage.objects.live()
    assert reports.count() == 8
    assert set(reports.values_list("meeting__programme__slug", flat=True)) == {"2018-2020"}


@pytest.mark.parametrize("url", ["/nl/verslagen/", "/en/reports/"])
def test_overview_lists_every_report_in_both_languages(client, demo, url):
    html = client.get(url).content.decode()
    assert html.count("pioneers-meeting-card") == 8
    assert 'lang="nl"' in html and "Verslag: Pioniersconferentie 2019" in html


def test_report_page_shows_the_meeting_participants_and_follow_up(client, demo):
    meeting = Meeting.objects.get(slug=SLUG)
    attended = meeting.registrations.filter(checked_in_at__isnull=False).count()
    html = client.get(f"/nl/verslagen/{SLUG}/").content.decode()
    assert "Verslag: Lab: actief openbaar maken" in html
    assert f"<dt>Deelnemers</dt>\n      <dd>{attended}</dd>" in html
    assert "een overzicht van besluiten per wijk" in html and "Gemeente Utrecht" in html


def test_demo_reports_are_a_page_long_with_illustrations_that_have_alt_text(client, demo):
    for report in ReportPage.objects.live():
        text = " ".join([report.summary, report.insights, report.agreements, report.lessons])
        assert len(text.replace("<", " <").split()) > 450
        assert 3 <= report.actions.count() <= 5
        photos = list(report.photos.all())
        assert 1 <= len(photos) <= 2 and all(p.alt_text and p.caption for p in photos)
    html = client.get(f"/nl/verslagen/{SLUG}/").content.decode()
    photo = ReportPage.objects.get(slug=SLUG).photos.first()
    assert f'alt="{photo.alt_text}"' in html and photo.caption in html


def test_report_carries_the_metadata_of_active_publication(client, demo):
    html = client.get(f"/nl/verslagen/{SLUG}/").content.decode()
    uri = "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3"  # vergaderstukken
    utrecht = "https://identifier.overheid.nl/tooi/id/gemeente/gm0344"  # the meeting's host
    assert f'<meta name="DCTERMS.type" content="{uri}">' in html
    assert f'<meta name="DCTERMS.publisher" content="{utrecht}">' in html
    assert f'<meta name="OVERHEID.authority" content="{utrecht}">' in html
    assert '<meta name="DCTERMS.title" content="Verslag: Lab: actief openbaar maken">' in html
    assert (
        f'<meta name="DCTERMS.identifier" content="http://127.0.0.1:8000/nl/verslagen/{SLUG}/">'
        in html
    )
    assert '<meta name="DCTERMS.created" content="2019-01-24">' in html
    assert '<meta name="DCTERMS.issued" content="2019-02-14">' in html
    language = "http://publications.europa.eu/resource/authority/language/NLD"
    assert f'<meta name="DCTERMS.language" content="{language}">' in html
    assert "vergaderstuk decentrale overheid" in html  # the category's name, shown to readers
    assert "<dt>Vastgesteld</dt>" in html and "<dt>Documentsoort</dt>" in html


def test_woo_categories_are_the_seventeen_plus_the_effort_obligation():
    categories = woo_categories()
    assert len(categories) == 18
    assert all(uri.startswith("https://identifier.overheid.nl/tooi/") for uri, _ in categories)


def test_a_meeting_has_one_report_per_language(demo):
    existing = ReportPage.objects.get(meeting__slug=SLUG)
    second = ReportPage(
        title="Nog een verslag", slug="nog-een", locale=existing.locale, meeting=existing.meeting
    )
    second.summary = "x"
    with pytest.raises(ValidationError) as error:
        existing.get_parent().add_child(instance=second)
    assert "meeting" in error.value.message_dict


def test_a_photo_needs_alternative_text(demo):
    photo = ReportPhoto(report=ReportPage.objects.first(), alt_text="")
    with pytest.raises(ValidationError) as error:
        photo.full_clean(exclude=["image"])
    assert "alt_text" in error.value.message_dict


def test_meeting_page_links_to_its_report(client, demo):
    html = client.get(f"/nl/bijeenkomsten/{SLUG}/").content.decode()
    assert f'href="/nl/verslagen/{SLUG}/"' in html and "Lees het verslag" in html
