"""Progress reports of a commitment: issued by coordinators, frozen in both languages, public as
a page, Markdown and PDF."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from pioneers.commitments import reports
from pioneers.commitments.models import (
    ActionPlan,
    Commitment,
    Evidence,
    Milestone,
    ProgressReport,
    Status,
)
from pioneers.core.models import NetworkSettings
from pioneers.core.translations import translation_save
from pioneers.reports.models import ReportPage
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("demo", "no_page_cache")

MEETINGS_NL = "Acht bijeenkomsten met gepubliceerd *verslag* #1"
MEETINGS_EN = "Eight meetings with a published *report* #1"
HANDBOOK_NL = "Handboek voor [pioniers] _v2_"
HANDBOOK_EN = "Handbook for [pioneers] _v2_"


@pytest.fixture
def commitment():
    plan = ActionPlan.objects.create(
        title="Testplan 2030–2031", country="XX", start_year=2030, end_year=2031
    )
    ours = Commitment.objects.create(
        action_plan=plan,
        code="XX0099",
        title="# Open *overheid* in gemeenten",
        description="Gemeenten leren van elkaar.",
        is_ours=True,
        starts_on=datetime.date(2018, 9, 1),
        ends_on=datetime.date(2020, 8, 31),
    )
    meetings = Milestone.objects.create(
        commitment=ours,
        number="1",
        title=MEETINGS_NL,
        starts_on=datetime.date(2000, 1, 1),
        ends_on=datetime.date(2040, 6, 30),
        computation="meetings_reported",
        target=500,
        what_happened="Bijeenkomsten in het hele land.",
        next_steps="Nog meer bijeenkomsten.",
    )
    translation_save(
        meetings,
        language="en",
        title=MEETINGS_EN,
        what_happened="Meetings all over the country.",
        next_steps="More meetings.",
    )
    handbook = Milestone.objects.create(
        commitment=ours,
        number="2",
        title=HANDBOOK_NL,
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2019, 12, 31),
        status=Status.LIMITED,
        override_status=Status.COMPLETED,
        override_reason="Buiten het platform afgerond.",
    )
    translation_save(
        handbook,
        language="en",
        title=HANDBOOK_EN,
        override_reason="Finished outside the platform.",
    )
    Evidence.objects.create(
        milestone=handbook,
        label="Het handboek (pdf)",
        url="https://example.org/handboek.pdf",
        date=datetime.date(2019, 11, 1),
    )
    return ours


@pytest.fixture
def coordinator_user():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def url(name, commitment, number, language="nl"):
    with translation.override(language):
        return reverse(f"commitments:{name}", args=[commitment.code.lower(), number])


def issue_url(commitment):
    return reverse("commitments_issue_report", args=[commitment.pk])


def held_reports() -> list[ReportPage]:
    return list(
        ReportPage.objects.live()
        .public()
        .filter(locale__language_code="nl", meeting__status="held")
        .select_related("meeting")
    )


# --- issuing ------------------------------------------------------------------------------------


def test_issuing_numbers_the_report_and_keeps_both_languages(commitment, coordinator_user):
    report = reports.issue_progress_report(commitment, coordinator_user)
    assert report.number == 1
    assert report.issued_by == coordinator_user
    assert set(report.content) == {"nl", "en"}
    nl, en = report.content["nl"], report.content["en"]
    assert [m["title"] for m in nl["milestones"]] == [MEETINGS_NL, HANDBOOK_NL]
    assert [m["title"] for m in en["milestones"]] == [MEETINGS_EN, HANDBOOK_EN]
    assert nl["network"] == NetworkSettings.load().name_nl
    assert en["network"] == NetworkSettings.load().name_en
    # The computed milestone counts the demo's held meetings with a published report.
    meetings = nl["milestones"][0]
    count = len({page.meeting_id for page in held_reports()})
    assert count > 0
    assert meetings["count"] == str(count)
    assert meetings["status"] in (Status.LIMITED, Status.SUBSTANTIAL)
    assert {item["url"] for item in meetings["evidence"]} == {p.url for p in held_reports()}
    # The overridden one: what counts, what was computed, and why.
    handbook = en["milestones"][1]
    assert (handbook["status_label"], handbook["overridden"]) == ("completed", True)
    assert handbook["computed"] == ""  # set by hand: nothing computed
    assert handbook["reason"] == "Finished outside the platform."
    assert nl["milestones"][1]["status_label"] == "voltooid"
    # The network's own commitment reports the indicators too.
    assert nl["indicators"] and {"name", "shown_value", "target", "status_label"} <= set(
        nl["indicators"][0]
    )
    assert nl["summary"]["total"] == "2"


def test_a_second_issue_after_a_change_is_number_2_and_number_1_stays(
    client, commitment, coordinator_user
):
    first = reports.issue_progress_report(commitment, coordinator_user)
    milestone = commitment.milestones.get(number="2")
    milestone.override_status = ""
    milestone.override_reason = ""
    milestone.what_happened = "Het handboek is herschreven."
    milestone.save()
    second = reports.issue_progress_report(commitment, coordinator_user)
    assert second.number == 2
    first.refresh_from_db()
    assert first.content["nl"]["milestones"][1]["status_label"] == "voltooid"
    assert first.content["nl"]["milestones"][1]["what_happened"] == ""
    assert second.content["nl"]["milestones"][1]["status_label"] == "beperkt"
    # Both are public; each lists the other.
    old = client.get(url("report", commitment, 1)).content.decode()
    new = client.get(url("report", commitment, 2)).content.decode()
    assert "Het handboek is herschreven." in new
    assert "Het handboek is herschreven." not in old
    assert url("report", commitment, 2) in old
    assert url("report", commitment, 1) in new


def test_issuing_twice_without_a_change_gives_the_same_report(commitment, coordinator_user):
    first = reports.issue_progress_report(commitment, coordinator_user)
    again = reports.issue_progress_report(commitment, UserFactory())
    assert again.pk == first.pk
    assert ProgressReport.objects.filter(commitment=commitment).count() == 1


def test_a_lost_race_for_a_number_takes_the_next_one(commitment, coordinator_user, monkeypatch):
    """Another coordinator's issue took number 1 after we looked: we become number 2."""
    other = ProgressReport.objects.create(commitment=commitment, number=1, content={"nl": {}})
    real = reports.latest_report
    looks = []

    def stale(commitment):
        looks.append(commitment)
        return None if len(looks) == 1 else real(commitment)

    monkeypatch.setattr(reports, "latest_report", stale)
    report = reports.issue_progress_report(commitment, coordinator_user)
    assert (report.number, len(looks)) == (2, 2)
    other.refresh_from_db()
    assert other.content == {"nl": {}}


# --- the public report ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "words"),
    [
        ("nl", MEETINGS_NL, ("voltooid", "Bewijs", "Wat er gebeurde", "Vervolgstappen")),
        ("en", MEETINGS_EN, ("completed", "Evidence", "What happened", "Next steps")),
    ],
)
def test_the_report_page_in_each_language(
    client, commitment, coordinator_user, language, title, words
):
    reports.issue_progress_report(commitment, coordinator_user)
    response = client.get(url("report", commitment, 1, language))
    assert response.status_code == 200
    page = response.content.decode()
    # Autoescaped once: the title's characters show as written, never as markup.
    assert f"1 {title}" in page
    assert "&amp;amp;" not in page
    assert "Het handboek (pdf)" in page
    assert 'href="https://example.org/handboek.pdf"' in page
    for word in words:
        assert word in page
    assert url("report_pdf", commitment, 1, language) in page
    assert url("report_markdown", commitment, 1, language) in page
    # The evidence label is Dutch: on the English page it says so.
    if language == "en":
        assert '<span lang="nl">Het handboek (pdf)</span>' in page


def test_html_in_a_title_is_escaped_once(client, commitment, coordinator_user):
    milestone = commitment.milestones.get(number="2")
    milestone.title = "<b>Vet</b> & co"
    milestone.save()
    reports.issue_progress_report(commitment, coordinator_user)
    page = client.get(url("report", commitment, 1)).content.decode()
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; co" in page
    assert "<b>Vet</b>" not in page


@pytest.mark.parametrize(
    ("language", "name", "title", "words"),
    [
        ("nl", "xx0099-voortgang-1.md", MEETINGS_NL, ("voltooid", "## Mijlpalen", "#### Bewijs")),
        (
            "en",
            "xx0099-progress-1.md",
            MEETINGS_EN,
            ("completed", "## Milestones", "#### Evidence"),
        ),
    ],
)
def test_the_report_as_markdown(client, commitment, coordinator_user, language, name, title, words):
    reports.issue_progress_report(commitment, coordinator_user)
    response = client.get(url("report_markdown", commitment, 1, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == f'inline; filename="{name}"'
    text = response.content.decode()
    for word in words:
        assert word in text
    assert "[Het handboek (pdf)](<https://example.org/handboek.pdf>)" in text
    # The titles' "*", "#", "[" and "_" are literal, so they make no emphasis, heading or link.
    assert reports.md_escape(title) in text
    assert "\\*" in reports.md_escape(title) and "\\#" in reports.md_escape(title)
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert "\\# Open \\*overheid\\* in gemeenten" in lines[0]
    # Evidence of the meetings links to the reports, absolutely.
    assert f"(<http://testserver{held_reports()[0].url}>)" in text


def test_markdown_escape_keeps_text_readable():
    assert reports.md_escape("*#") == "\\*\\#"
    assert reports.md_escape("# Kop") == "\\# Kop"
    assert reports.md_escape("- lijst\n1. punt\n> citaat") == "\\- lijst\n1\\. punt\n\\> citaat"
    assert reports.md_escape("[tekst](https://x)") == "\\[tekst\\](https://x)"
    assert reports.md_escape("gewone tekst, 3.5 keer") == "gewone tekst, 3.5 keer"
    assert reports.md_escape("3.9") == "3.9"


@pytest.mark.parametrize(("language", "word"), [("nl", b"Mijlpalen"), ("en", b"Milestones")])
def test_the_report_as_pdf_is_built_once(
    client, commitment, coordinator_user, media, language, word
):
    reports.issue_progress_report(commitment, coordinator_user)
    response = client.get(url("report_pdf", commitment, 1, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    [stored] = list((media / "commitments" / "pdf").iterdir())
    assert stored.name.endswith(f"-{language}.pdf")
    assert client.get(url("report_pdf", commitment, 1, language)).content == response.content
    assert response["Content-Disposition"].startswith('inline; filename="xx0099-')


def test_the_pdf_holds_the_milestones_and_status_words(
    client, commitment, coordinator_user, media, monkeypatch
):
    """What WeasyPrint lays out: the report in the URL's language."""
    from pioneers.core import pdf

    laid_out = []
    real = pdf.render_pdf

    def render_pdf(html, stylesheet):
        laid_out.append(html)
        return real(html, stylesheet)

    monkeypatch.setattr(pdf, "render_pdf", render_pdf)
    reports.issue_progress_report(commitment, coordinator_user)
    for language, words in (
        ("nl", ("Mijlpalen", "voltooid", HANDBOOK_NL, "Het handboek (pdf)", 'lang="nl"')),
        ("en", ("Milestones", "completed", HANDBOOK_EN, "Het handboek (pdf)", 'lang="en"')),
    ):
        assert client.get(url("report_pdf", commitment, 1, language)).status_code == 200
        for word in words:
            assert word in laid_out[-1]
    assert len(laid_out) == 2


@pytest.mark.parametrize(
    "path",
    [
        "/nl/actiepunten/xx0099/voortgang/2/",
        "/nl/actiepunten/xx0099/voortgang/0/",
        "/nl/actiepunten/xx0099/voortgang/-1/",
        "/nl/actiepunten/xx0099/voortgang/²/",
        "/nl/actiepunten/xx0099/voortgang/99999999999999999999/",
        "/nl/actiepunten/xx0099/voortgang/99999999999999999999/pdf/",
        "/nl/actiepunten/xx0099/voortgang/99999999999999999999/markdown/",
        "/nl/actiepunten/onbekend/voortgang/1/",
        "/nl/actiepunten/²/voortgang/1/markdown/",
        f"/nl/actiepunten/{'x' * 300}/voortgang/1/",
        "/en/commitments/xx0099/progress/2/pdf/",
    ],
)
def test_unknown_reports_are_not_found(client, commitment, coordinator_user, path):
    reports.issue_progress_report(commitment, coordinator_user)
    assert client.get("/nl/actiepunten/xx0099/voortgang/1/").status_code == 200
    assert client.get(path).status_code == 404


def test_the_code_is_found_in_any_case(client, commitment, coordinator_user):
    reports.issue_progress_report(commitment, coordinator_user)
    assert client.get("/en/commitments/XX0099/progress/1/").status_code == 200


# --- the admin ----------------------------------------------------------------------------------


def test_a_coordinator_issues_a_report_from_the_admin(client, commitment, coordinator_user):
    client.force_login(coordinator_user)
    listing = client.get(reverse("commitments_progress_reports"))
    assert listing.status_code == 200
    assert issue_url(commitment) in listing.content.decode()
    assert reverse("commitments_progress_reports") in client.get("/admin/").content.decode()
    response = client.post(issue_url(commitment), follow=True)
    assert response.status_code == 200
    [report] = ProgressReport.objects.filter(commitment=commitment)
    assert report.number == 1
    page = response.content.decode()
    public = reverse("commitments:report", args=["xx0099", 1])
    assert public in page  # the success message links to it, and the list shows it
    # A double click: the second POST issues nothing new.
    client.post(issue_url(commitment))
    assert ProgressReport.objects.filter(commitment=commitment).count() == 1


def test_a_get_issues_nothing(client, commitment, coordinator_user):
    client.force_login(coordinator_user)
    assert client.get(issue_url(commitment)).status_code == 405
    assert not ProgressReport.objects.filter(commitment=commitment).exists()


def test_only_coordinators_issue_reports(client, commitment):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.post(issue_url(commitment)).status_code in (302, 403)
    assert client.get(reverse("commitments_progress_reports")).status_code in (302, 403)
    assert reverse("commitments_progress_reports") not in client.get("/admin/").content.decode()
    client.logout()
    assert client.post(issue_url(commitment)).status_code == 302
    assert not ProgressReport.objects.filter(commitment=commitment).exists()


def test_issuing_for_an_unknown_commitment_is_not_found(rf, coordinator_user):
    from django.http import Http404

    from pioneers.commitments.admin_reports import issue_report

    before = ProgressReport.objects.count()
    request = rf.post("/admin/commitments/99999999999999999999/issue-report/")
    request.user = coordinator_user
    request._dont_enforce_csrf_checks = True
    with pytest.raises(Http404):
        issue_report(request, pk=99999999999999999999)
    assert ProgressReport.objects.count() == before


def test_the_report_page_asks_a_fixed_number_of_queries(commitment, coordinator_user, queries_of):
    reports.issue_progress_report(commitment, coordinator_user)
    one = queries_of(url("report", commitment, 1))
    milestone = commitment.milestones.get(number="2")
    for text in ("Eerste stap.", "Tweede stap.", "Derde stap."):
        milestone.next_steps = text
        milestone.save()
        reports.issue_progress_report(commitment, coordinator_user)
    assert ProgressReport.objects.filter(commitment=commitment).count() == 4
    assert queries_of(url("report", commitment, 1)) == one
