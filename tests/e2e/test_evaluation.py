"""Evaluation in a real browser: a coordinator defines an indicator and sees it computed, builds
a survey as the next round of the baseline, invites the member municipalities; two respond (one
in two sittings) and the comparison with the baseline appears. Every new page is checked by
axe and the site's page checks."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in, log_out

pytestmark = pytest.mark.e2e


def _admin_datetime(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def test_indicator_survey_invitations_responses_and_comparison(
    site, page, audit, console, django_code
):
    problems = []
    with django_code():
        from pioneers.meetings.models import Meeting

        held = Meeting.objects.filter(status="held").count()

    # The public results page: the demo's indicators with their trend, in both languages.
    page.goto(f"{site}/nl/resultaten/")
    expect(page.get_by_role("heading", level=2, name="Aangesloten gemeenten")).to_be_visible()
    expect(page.locator("svg.pioneers-chart").first).to_be_visible()
    problems += audit("nl")
    page.goto(f"{site}/en/results/")
    expect(page.get_by_role("heading", level=2, name="Member municipalities")).to_be_visible()
    problems += audit("en")

    # A coordinator defines an indicator; it is computed at once, its history included.
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/admin/snippets/evaluation/indicator/add/")
    page.locator('[name="name"]').fill("Gehouden bijeenkomsten (proef)")
    page.locator('[name="computation"]').select_option("meetings_held")
    page.locator('[name="target"]').fill("8")
    page.locator('[name="deadline"]').fill("2020-06-30")
    page.locator('[name="starts_on"]').fill("2018-10-01")
    # The admin's date picker stays open over the save button until the focus moves on.
    page.locator('[name="name"]').click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    page.wait_for_load_state("networkidle")  # the admin's editing-session request (see meetings)
    with page.expect_navigation():
        page.locator("form button.action-save").first.click()
    console.take()  # Wagtail's admin is outside our checks (Gravatar avatars, blocked by CSP)
    page.goto(f"{site}/nl/resultaten/")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Gehouden bijeenkomsten (proef)")
    )
    expect(section.locator(".pioneers-result__value")).to_have_text(str(held))
    expect(section.locator("table tbody tr").first).to_be_attached()

    # ... builds a survey: the next round of the demo's baseline, asking the same question.
    with django_code():
        from pioneers.surveys.models import Survey

        baseline = Survey.objects.get(slug="nulmeting-2018")
        opens, closes = timezone.now() - timedelta(hours=1), timezone.now() + timedelta(days=30)
    page.goto(f"{site}/admin/snippets/surveys/survey/add/")
    page.locator('[name="title"]').fill("Eindmeting 2020")
    page.locator('[name="slug"]').fill("eindmeting-2020")
    page.locator('[name="opens_at"]').fill(_admin_datetime(opens))
    page.locator('[name="closes_at"]').fill(_admin_datetime(closes))
    # The previous round is Wagtail's chooser (a modal of its own): its hidden field is set.
    page.locator('[name="previous_round"]').evaluate(
        "(field, value) => { field.value = value; }", str(baseline.pk)
    )
    page.locator('[name="results_published"]').check()
    page.get_by_role("button", name=re.compile("vraag", re.IGNORECASE)).first.click()
    page.locator('[name="questions-0-kind"]').select_option("likert")
    page.locator('[name="questions-0-code"]').fill("geleerd")
    page.locator('[name="questions-0-text"]').fill(
        "Ik heb in het netwerk iets geleerd dat ik in mijn werk kan gebruiken."
    )
    page.locator('[name="questions-0-required"]').check()
    page.wait_for_load_state("networkidle")  # the admin's editing-session request (see meetings)
    with page.expect_navigation():
        page.locator("form button.action-save").first.click()
    console.take()
    with django_code():
        survey = Survey.objects.get(slug="eindmeting-2020")
        assert [q.code for q in survey.questions.all()] == ["geleerd"]

    # ... and invites one contact per member municipality, after seeing how many.
    page.goto(f"{site}/admin/snippets/surveys/survey/invite/{survey.pk}/")
    page.locator('input[name="per"][value="organisations"]').check()
    label = page.locator('label[for="per-organisations"]').inner_text()
    expected = int(re.search(r"(\d+) nieuwe? uitnodiging", label).group(1))
    assert expected > 2
    before = len(mail.outbox)
    page.get_by_role("button", name="Verstuur de uitnodigingen").click()
    expect(page.locator(".messages")).to_contain_text(f"{expected}")
    console.take()
    invitations = mail.outbox[before:]
    assert len(invitations) == expected
    links = [re.search(r"http://\S+/enquetes/\S+/", m.body).group(0) for m in invitations[:2]]
    page.goto(f"{site}/nl/")
    log_out(page)

    def open_link(link):
        page.goto(site + "/" + link.split("/", 3)[3])

    # The first respondent answers in two sittings: saves, leaves, comes back, sends.
    open_link(links[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("Eindmeting 2020")
    problems += audit("nl")
    page.get_by_label("Eens", exact=True).check()
    page.get_by_role("button", name="Opslaan en later verdergaan").click()
    expect(page.locator("main")).to_contain_text(re.compile("opgeslagen", re.IGNORECASE))
    problems += audit("nl")
    page.goto("about:blank")
    open_link(links[0])
    expect(page.get_by_label("Eens", exact=True)).to_be_checked()
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(page.locator("main")).to_contain_text("Bedankt")
    problems += audit("nl")

    # A required answer left out is asked for, nothing lost; then the second one sends.
    open_link(links[1])
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(page.locator(".utrecht-form-field-error-message").first).to_be_visible()
    problems += audit("nl")
    page.get_by_label("Helemaal eens", exact=True).check()
    page.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(page.locator("main")).to_contain_text("Bedankt")

    with django_code():
        from pioneers.surveys.models import Answer, Question, Response

        assert Response.objects.filter(survey=survey, submitted_on__isnull=False).count() == 2
        # Results of fewer than five respondents are not shown: three more answered by letter.
        question = Question.objects.get(survey=survey, code="geleerd")
        for score in (5, 4, 5):
            response = Response.objects.create(
                survey=survey,
                organisation=Response.objects.filter(survey=survey).first().organisation,
                submitted_on=timezone.localdate(),
            )
            Answer.objects.create(response=response, question=question, number=score)

    # The results and the comparison with the baseline.
    page.goto(f"{site}/nl/enquetes/eindmeting-2020/resultaten/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Eindmeting 2020")
    expect(page.locator("main")).to_contain_text("5")
    problems += audit("nl")
    page.goto(f"{site}/nl/enquetes/eindmeting-2020/resultaten/vergelijking/")
    expect(page.locator("main")).to_contain_text("Nulmeting Pioniersnetwerk 2018")
    expect(page.locator("main table").first).to_be_visible()
    problems += audit("nl")

    # The mid-term evaluation report, published among the reports.
    page.goto(f"{site}/nl/verslagen/")
    page.get_by_role("link", name="Tussentijdse evaluatie Pioniersnetwerk 2019").click()
    expect(page.get_by_role("link", name="Downloaden als pdf")).to_be_visible()
    problems += audit("nl")

    assert not problems, "\n".join(problems)
