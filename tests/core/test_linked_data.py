"""schema.org JSON-LD on the pages of practices, magazine editions and articles, organisations
and meetings: the right types, the language, the licence, and no escape from the script."""

import json
import re

from django.utils import timezone

from pioneers.magazine.models import ArticlePage, EditionPage
from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation
from pioneers.practices.models import PracticePage

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def _json_ld(client, url) -> dict:
    html = client.get(url).content.decode()
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1, url
    data = json.loads(re.sub(r"\{\{live:[^}]*\}\}", "0", found[0]))
    assert data["@context"] == "https://schema.org"
    return data


def test_a_practice_is_a_creative_work_of_its_municipality(client, demo):
    language = "nl"
    practice = PracticePage.objects.live().filter(locale__language_code=language).first()
    data = _json_ld(client, practice.url)
    assert data["@type"] == "CreativeWork" and data["name"] == practice.title
    assert data["inLanguage"] == language and data["license"] == LICENCE
    assert data["description"] == practice.summary
    assert data["creator"]["@type"] == "GovernmentOrganization"
    assert data["creator"]["@id"].endswith(
        f"{practice.municipality.get_absolute_url()}#organisation"
    )


def test_an_edition_and_its_articles(client, demo):
    edition = EditionPage.objects.live().filter(locale__language_code="en").first()
    data = _json_ld(client, edition.url)
    assert data["@type"] == "PublicationIssue" and data["issueNumber"] == str(edition.number)
    assert data["datePublished"] == edition.publication_date.isoformat()
    article = ArticlePage.objects.child_of(edition).live().first()
    data = _json_ld(client, article.url)
    assert data["@type"] == "Article" and data["inLanguage"] == "en"
    assert data["isPartOf"]["@id"].endswith(edition.url)
    assert data["datePublished"] == edition.publication_date.isoformat()
    assert all("@" not in author["name"] for author in data.get("author", []))


def test_an_organisation_is_a_government_organisation_with_an_id(client, demo):
    organisation = Organisation.objects.get(slug="schiedam")
    data = _json_ld(client, organisation.get_absolute_url())
    assert data["@type"] == "GovernmentOrganization" and data["name"] == organisation.name
    assert data["@id"] == f"{data['url']}#organisation"


def test_a_meeting_names_its_organizer_and_only_an_upcoming_one_its_places(client, demo):
    today = timezone.localdate()
    upcoming = Meeting.objects.filter(live=True, date__gt=today).order_by("date").first()
    data = _json_ld(client, upcoming.get_absolute_url())
    assert data["@type"] == "Event" and data["inLanguage"] == "nl"
    assert data["organizer"]["url"].endswith(upcoming.host.get_absolute_url())
    assert "remainingAttendeeCapacity" in data
    past = Meeting.objects.filter(live=True, date__lt=today).order_by("date").first()
    data = _json_ld(client, past.get_absolute_url())
    assert "remainingAttendeeCapacity" not in data


def test_no_text_can_close_the_script_element(client, demo):
    practice = PracticePage.objects.live().first()
    practice.summary = "</script><script>alert(1)</script> & more"
    practice.save_revision().publish()
    html = client.get(practice.url).content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(client, practice.url)["description"] == practice.summary


# --- reports ------------------------------------------------------------------------------------


def test_a_meeting_report_is_a_report_about_its_meeting_by_its_host(client, demo):
    from pioneers.reports.models import ReportPage

    report = ReportPage.objects.live().get(slug="2019-lab-actief-openbaar-maken")
    data = _json_ld(client, report.url)
    assert data["@type"] == "Report" and data["name"] == report.title
    assert data["url"] == data["@id"] == f"http://127.0.0.1:8000{report.url}"
    assert data["inLanguage"] == "nl" and data["license"] == LICENCE
    assert data["description"] == report.summary
    assert data["datePublished"] == "2019-02-14"
    assert data["dateModified"] == report.last_published_at.isoformat()
    # The meeting's host publishes its report, as its DCTERMS tags and DiWoo record say.
    host = report.meeting.host
    assert data["publisher"] == {
        "@type": "GovernmentOrganization",
        "@id": f"http://127.0.0.1:8000{host.get_absolute_url()}#organisation",
        "name": host.name,
        "url": f"http://127.0.0.1:8000{host.get_absolute_url()}",
    }
    meeting = report.meeting
    assert data["about"]["@type"] == "Event" and data["about"]["name"] == meeting.title
    assert data["about"]["url"] == f"http://127.0.0.1:8000{meeting.get_absolute_url()}"
    assert data["about"]["startDate"] == meeting.starts_at.isoformat()


def test_an_evaluation_report_is_a_report_the_lead_organisation_publishes(client, demo):
    from pioneers.evaluation.models import EvaluationReportPage
    from pioneers.reports.selectors import lead_organisation

    page = EvaluationReportPage.objects.live().get()
    data = _json_ld(client, page.url)
    assert data["@type"] == "Report" and data["name"] == page.title
    assert data["@id"] == f"http://127.0.0.1:8000{page.url}"
    assert data["publisher"]["name"] == lead_organisation().name
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert "about" not in data


def test_no_report_title_can_close_the_script_element(client, demo):
    from pioneers.reports.models import ReportPage

    report = ReportPage.objects.live().first()
    report.title = "</script><script>alert(1)</script> & more"
    report.save_revision().publish()
    html = client.get(report.url).content.decode()
    assert "<script>alert(1)" not in html
    data = _json_ld(client, report.url)
    assert data["name"] == report.title and data["@type"] == "Report"
