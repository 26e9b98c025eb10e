"""Woo metadata of reports: TOOI organisation URIs, who publishes, the category per kind."""

import datetime

import pytest

from pioneers.network.models import Organisation
from pioneers.reports.models import DEFAULT_WOO_CATEGORY, ReportPage, woo_categories
from pioneers.reports.woo import CATEGORY_BY_KIND, infocat_number, report_metadata, tooi_uri

SLUG = "2019-lab-actief-openbaar-maken"


@pytest.mark.parametrize(
    ("kind", "code", "uri"),
    [
        ("municipality", "GM0606", "https://identifier.overheid.nl/tooi/id/gemeente/gm0606"),
        ("municipality", " gm0344 ", "https://identifier.overheid.nl/tooi/id/gemeente/gm0344"),
        ("municipality", "", ""),
        ("municipality", "GM06", ""),
        ("municipality", "GM０６０６", ""),  # full-width digits are no CBS code
        ("expertise_centre", "GM0606", ""),
    ],
)
def test_tooi_uri_of_an_organisation(kind, code, uri):
    assert tooi_uri(Organisation(kind=kind, cbs_code=code)) == uri
    assert tooi_uri(None) == ""


def test_infocat_numbers_follow_article_3_3():
    categories = woo_categories()
    assert infocat_number(DEFAULT_WOO_CATEGORY, categories) == "008"
    assert infocat_number(CATEGORY_BY_KIND["evaluation.evaluationreportpage"], categories) == "015"
    effort = "https://identifier.overheid.nl/tooi/def/thes/kern/c_816e508d"
    assert infocat_number(effort, categories) is None
    assert infocat_number("https://example.org/other", categories) is None


def test_meeting_reports_are_meeting_documents_of_local_government(demo):
    categories = set(ReportPage.objects.values_list("information_category", flat=True))
    assert categories == {"https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3"}


def test_the_hosting_municipality_publishes_unless_the_editors_name_another(demo):
    report = ReportPage.objects.select_related("meeting__host").get(slug=SLUG)
    lead = Organisation.objects.get(slug="schiedam")
    meta = report_metadata(report, lead=lead)
    assert meta.publisher.name == "Utrecht" and meta.responsible_uri.endswith("/gm0344")
    report.publisher = lead
    assert report_metadata(report, lead=lead).publisher_uri.endswith("/gm0606")


def test_the_lead_publishes_what_no_municipality_hosted(demo):
    report = ReportPage.objects.select_related("meeting__host").get(slug=SLUG)
    report.meeting.host = Organisation(name="Kenniscentrum", kind="expertise_centre")
    lead = Organisation.objects.get(slug="schiedam")
    meta = report_metadata(report, lead=lead)
    assert meta.publisher == lead and meta.publisher_uri.endswith("/gm0606")


def test_actions_and_dates_of_a_report(demo):
    report = ReportPage.objects.select_related("meeting__host").get(slug=SLUG)
    meta = report_metadata(report, url="https://example.org/r/")
    assert (
        meta.created == datetime.date(2019, 1, 24) and meta.identifier == "https://example.org/r/"
    )
    assert [action["name"] for action in meta.actions] == ["vaststelling"]
    assert meta.actions[0]["at"] == report.first_published_at
    assert meta.language_uri.endswith("/language/NLD")
