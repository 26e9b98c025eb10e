"""The commitments' public pages: the index of action plans, and a commitment's page with its
milestones' progress and evidence, timeline, linked work, synergies, budget and indicators."""

import datetime
import itertools
from decimal import Decimal

import pytest

from pioneers.commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentLink,
    Cost,
    Evidence,
    Milestone,
    ProgressReport,
    Status,
)
from pioneers.commitments.selectors import commitment_overview
from pioneers.meetings.models import Meeting, Programme
from pioneers.reports.models import ReportIndexPage, ReportPage
from pioneers.surveys.models import Survey
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.usefixtures("demo", "no_page_cache")

START = datetime.date(2031, 1, 1)  # after every meeting of the demo: only ours count
_numbers = itertools.count(1)


def plan() -> ActionPlan:
    found = ActionPlan.objects.filter(country="TS").first()
    return found or ActionPlan.objects.create(
        title="Testplan 2031–2033", country="TS", start_year=2031, end_year=2033
    )


def commitment(code="TS0001", **fields) -> Commitment:
    fields = {
        "title": f"Actiepunt {code}",
        "description": "Wat we gaan doen.",
        "policy_areas": "Open data, Participatie",
        "lead_institution": OrganisationFactory(name=f"Gemeente {code}"),
        "starts_on": START,
        "ends_on": datetime.date(2033, 12, 31),
        **fields,
    }
    return Commitment.objects.create(action_plan=plan(), code=code, **fields)


def ours(**fields) -> Commitment:
    Commitment.objects.filter(is_ours=True).update(is_ours=False)
    return commitment("TS0037", is_ours=True, **fields)


def milestone(owner, number="1", **fields) -> Milestone:
    fields = {
        "title": f"Mijlpaal {number}",
        "starts_on": START,
        "ends_on": datetime.date(2032, 12, 31),
        **fields,
    }
    return Milestone.objects.create(commitment=owner, number=number, **fields)


def meeting(date=START + datetime.timedelta(days=60), *, live=True, title=None, **fields):
    n = next(_numbers)
    programme, _created = Programme.objects.get_or_create(
        slug="actiepunten-test",
        defaults={"name": "Actiepunten", "start_date": START, "end_date": "2035-12-31"},
    )
    return Meeting.objects.create(
        programme=programme,
        number=n,
        title=title or f"Bijeenkomst {n}",
        slug=f"actiepunten-test-{n}",
        format="lab",
        date=date,
        host=Meeting.objects.first().host,
        venue_name="Stadhuis",
        city="Schiedam",
        status=Meeting.Status.HELD,
        live=live,
        **fields,
    )


def report(of: Meeting, *, live=True) -> ReportPage:
    index = ReportIndexPage.objects.filter(locale__language_code="nl").first()
    page = ReportPage(
        title=f"Verslag van {of.title}", slug=of.slug, meeting=of, summary="Kort.", live=live
    )
    index.add_child(instance=page)
    return page


def get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- progress ---------------------------------------------------------------------------------


def test_a_count_shows_its_progress_and_evidence_and_follows_the_data(
    client, django_capture_on_commit_callbacks
):
    owner = commitment()
    milestone(owner, computation="meetings_reported", target=2, title="Twee bijeenkomsten")
    first = meeting(title="Eerste lab")
    first_report = report(first)
    second = meeting(title="Tweede lab")
    url = "/en/commitments/ts0001/"
    page = get(client, url)
    assert "<strong>limited</strong>" in page
    assert "limited: 1 of 2" in page
    assert f'href="{first_report.url}"' in page
    assert '<span lang="nl">Verslag van Eerste lab</span>' in page

    # Publishing the second meeting's report completes the milestone; the cached page follows.
    with django_capture_on_commit_callbacks(execute=True):
        report(second)
    page = get(client, url)
    assert "<strong>completed</strong>" in page
    assert "completed: 2 of 2" in page
    assert "Verslag van Tweede lab" in page


def test_reports_of_unpublished_meetings_and_draft_reports_do_not_count(client):
    owner = commitment()
    milestone(owner, computation="meetings_reported", target=2)
    report(meeting(title="Verborgen lab", live=False))
    report(meeting(title="Lab met concept"), live=False)
    page = get(client, "/en/commitments/ts0001/")
    assert "not started" in page
    assert "Verborgen lab" not in page and "Lab met concept" not in page


def test_an_override_is_shown_with_the_computed_status_and_its_reason(client):
    owner = commitment()
    milestone(
        owner,
        computation="meetings_reported",
        target=2,
        override_status=Status.SUBSTANTIAL,
        override_reason="Twee labs zijn buiten het platform gehouden.",
    )
    page = get(client, "/en/commitments/ts0001/")
    assert "Set by the coordinators to substantial (computed: not started)." in page
    assert 'Reason: <span lang="nl">Twee labs zijn buiten het platform gehouden.</span>' in page
    page = get(client, "/nl/actiepunten/ts0001/")
    assert "Aangepast door de coördinatoren naar aanzienlijk (berekend: niet begonnen)." in page


def test_a_late_milestone_says_so_in_words(client):
    owner = commitment()
    milestone(
        owner,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 6, 30),
        status=Status.LIMITED,
    )
    page = get(client, "/en/commitments/ts0001/")
    assert "late: planned to be done by 30 June 2020" in page
    assert "limited (late)" in page


def test_entered_evidence_is_listed_but_never_a_draft_meeting(client):
    owner = commitment()
    item = milestone(owner, status=Status.SUBSTANTIAL)
    Evidence.objects.create(milestone=item, url="https://example.org/plan", label="Het plan")
    Evidence.objects.create(milestone=item, meeting=meeting(title="Open lab"))
    Evidence.objects.create(milestone=item, meeting=meeting(title="Concept lab", live=False))
    page = get(client, "/nl/actiepunten/ts0001/")
    assert '<a class="utrecht-link" href="https://example.org/plan">Het plan</a>' in page
    assert "Open lab" in page
    assert "Concept lab" not in page


def test_the_timeline_is_a_labelled_image_with_its_dates_in_a_table(client):
    owner = commitment()
    milestone(owner, number="1", title="Eerste")
    milestone(owner, number="2", title="Tweede", ends_on=datetime.date(2033, 6, 30))
    page = get(client, "/en/commitments/ts0001/")
    svg = page[page.index('id="timeline-heading"') :]
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="pioneers-chart" role="img"' in svg
    assert "<title>Timeline of TS0001: planned and actual dates of each milestone</title>" in svg
    assert "<desc>" in svg
    assert "30 June 2033" in svg[svg.index("<table") :]


def test_milestones_are_in_order_of_their_number(client):
    owner = commitment()
    for number in ("10", "2", "1"):
        milestone(owner, number=number, title=f"Stap {number}")
    page = get(client, "/nl/actiepunten/ts0001/")
    assert page.index("Stap 1<") < page.index("Stap 2<") < page.index("Stap 10<")


# --- linked work and synergy --------------------------------------------------------------------


def test_linked_work_is_grouped_by_kind_without_drafts(client):
    owner = commitment()
    for title in ("Lab een", "Lab twee"):
        CommitmentLink.objects.create(commitment=owner, meeting=meeting(title=title))
    CommitmentLink.objects.create(commitment=owner, meeting=meeting(title="Lab drie", live=False))
    hidden = report(meeting(title="Lab vier"), live=False)
    CommitmentLink.objects.create(commitment=owner, page=hidden)
    page = get(client, "/en/commitments/ts0001/")
    assert "Meetings (2)" in page
    assert "Lab een" in page and "Lab twee" in page
    assert "Lab drie" not in page and "Verslag van Lab vier" not in page


def test_the_synergy_counts_the_public_work_per_commitment(client):
    mine = ours()
    other, third = commitment("TS0002"), commitment("TS0003")
    for _n in range(2):
        CommitmentLink.objects.create(commitment=other, meeting=meeting())
    CommitmentLink.objects.create(commitment=other, page=report(meeting()))
    CommitmentLink.objects.create(commitment=other, meeting=meeting(live=False))  # not counted
    CommitmentLink.objects.create(commitment=third, meeting=meeting())
    rows = {
        row.commitment.code: (row.total, row.counts) for row in commitment_overview(mine).synergies
    }
    assert rows["TS0002"] == (3, {"meeting": 2, "reportpage": 1})
    assert rows["TS0003"] == (1, {"meeting": 1})
    page = get(client, "/en/commitments/ts0037/")
    section = page[page.index('id="synergy-heading"') :]
    assert 'role="img"' in section and "<title>How often" in section
    assert section.index("TS0002") < section.index("TS0003")
    assert "Indicators: does it work?" in page
    # Another commitment's page has no synergy.
    assert 'id="synergy-heading"' not in get(client, "/en/commitments/ts0002/")


# --- budget -----------------------------------------------------------------------------------


def test_confidential_costs_are_left_out_with_their_reason(client):
    owner = commitment(budget=Decimal("75000"))
    day = datetime.date(2031, 3, 1)
    Cost.objects.create(
        commitment=owner, category="venue", description="Zaalhuur", planned=100, actual=80, date=day
    )
    Cost.objects.create(
        commitment=owner,
        category="speakers",
        description="Geheime spreker",
        planned=Decimal("777.77"),
        date=day,
        confidential=True,
        confidential_reason="Afspraak met de spreker",
    )
    page = get(client, "/en/commitments/ts0001/")
    assert "€ 75,000.00" in page
    assert "€ 100.00" in page and "€ 80.00" in page
    assert "Zaalhuur" in page
    assert "Geheime spreker" not in page and "777" not in page
    assert "1 cost is confidential and not included: Afspraak met de spreker" in page
    page = get(client, "/nl/actiepunten/ts0001/")
    assert "1 kostenpost is vertrouwelijk en niet meegeteld: Afspraak met de spreker" in page


# --- languages --------------------------------------------------------------------------------


def test_text_in_another_language_than_the_page_is_marked(client):
    commitment("TS0001", title="Open data voor iedereen")
    commitment("TS0002", title="Open contracting everywhere", written_in="en")
    english = get(client, "/en/commitments/ts0001/")
    assert '<span lang="nl">Open data voor iedereen</span>' in english
    dutch = get(client, "/nl/actiepunten/ts0002/")
    assert '<span lang="en">Open contracting everywhere</span>' in dutch
    index = get(client, "/nl/actiepunten/")
    assert '<span lang="en">Open contracting everywhere</span>' in index
    assert '<span lang="nl">Open data voor iedereen' not in index


# --- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["onbekend", "%C2%B2", "99999999999999999999", "-1", "x" * 300, "ts0001%00"]
)
def test_a_bad_code_is_not_found(client, code):
    commitment()
    assert client.get(f"/nl/actiepunten/{code}/").status_code == 404


def test_a_code_in_capitals_leads_to_the_page_in_lower_case(client):
    commitment()
    response = client.get("/nl/actiepunten/TS0001/")
    assert response.status_code == 301
    assert response["Location"] == "/nl/actiepunten/ts0001/"


def test_the_index_lists_the_plans_with_ours_first(client):
    mine = ours(title="Pioniers open overheid")
    commitment("TS0001", title="Open data voor iedereen")
    page = get(client, "/nl/actiepunten/")
    assert page.index("Pioniers open overheid") < page.index("Testplan 2031–2033")
    assert f'href="{mine.get_absolute_url()}"' in page
    assert "Open data voor iedereen" in page and "Gemeente TS0001" in page


def test_the_main_menu_leads_to_the_commitments(client):
    assert 'href="/nl/actiepunten/">Actiepunten</a>' in get(client, "/nl/")
    assert 'href="/en/commitments/">Commitments</a>' in get(client, "/en/")


def test_issued_reports_are_listed_only_where_their_address_exists(client):
    owner = commitment()
    ProgressReport.objects.create(commitment=owner, number=1, content={})
    page = get(client, "/en/commitments/ts0001/")
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("commitments:report", args=["ts0001", 1])
    except NoReverseMatch:
        assert 'id="reports-heading"' not in page
    else:
        assert f'href="{url}"' in page


# --- queries ----------------------------------------------------------------------------------


def _fill(owner, milestones: int, links: int):
    """Milestones of every kind of computation, entered evidence, linked work and costs."""
    survey = Survey.objects.first()
    kinds = ["entered", "meetings_reported", "editions_published", "survey"]
    for n in range(milestones):
        kind = kinds[n % len(kinds)]
        milestone(
            owner,
            number=str(n + 1),
            computation=kind,
            survey=survey if kind == "survey" else None,
            override_status=Status.LIMITED if n == 0 else "",
            override_reason="Reden." if n == 0 else "",
        )
    first = Milestone.objects.filter(commitment=owner).first()
    programme = Meeting.objects.first().programme
    host = Meeting.objects.first().host
    locale = Meeting.objects.first().locale
    # Meeting numbers are small integers (PostgreSQL refuses more than 32767).
    base = 1000 + 1000 * (next(_numbers) % 30)
    made = Meeting.all_locales.bulk_create(
        [
            Meeting(
                programme=programme,
                number=base + n,
                title=f"Massa {n}",
                slug=f"massa-{base + n}",
                format="lab",
                date=START,
                host=host,
                venue_name="Stadhuis",
                city="Schiedam",
                status=Meeting.Status.HELD,
                live=True,
                locale=locale,
            )
            for n in range(links - 2)
        ]
    )
    CommitmentLink.objects.bulk_create(
        [CommitmentLink(commitment=owner, meeting=item) for item in made]
    )
    pages = list(ReportPage.objects.live().filter(locale=locale)[:2])
    CommitmentLink.objects.bulk_create(
        [CommitmentLink(commitment=owner, page=page) for page in pages]
    )
    Evidence.objects.bulk_create(
        [Evidence(milestone=first, meeting=item) for item in made[: links // 5]]
        + [Evidence(milestone=first, page=page) for page in pages]
    )
    Cost.objects.bulk_create(
        [
            Cost(
                commitment=owner,
                category="venue",
                description=f"Zaal {n}",
                planned=10,
                meeting=made[n],
                date=START,
                confidential=n % 3 == 0,
                confidential_reason="Reden" if n % 3 == 0 else "",
            )
            for n in range(links // 5)
        ]
    )


@pytest.mark.parametrize("word", ["nl/actiepunten", "en/commitments"])
def test_a_commitment_page_asks_a_fixed_number_of_queries(queries_of, cold_queries_of, word):
    """The network's own commitment (the page that shows most) with 4 milestones and 10 links,
    then with 20 milestones and 500 links."""
    small, large = commitment("TS0001"), commitment("TS0002")
    _fill(small, milestones=4, links=10)
    _fill(large, milestones=20, links=500)
    Commitment.objects.filter(is_ours=True).update(is_ours=False)
    Commitment.objects.filter(pk=small.pk).update(is_ours=True)
    few_warm = queries_of(f"/{word}/ts0001/")
    few_cold = cold_queries_of(f"/{word}/ts0001/")
    Commitment.objects.filter(pk=small.pk).update(is_ours=False)
    Commitment.objects.filter(pk=large.pk).update(is_ours=True)
    for n in range(10):  # more rows in the synergy table
        CommitmentLink.objects.create(commitment=commitment(f"TS01{n:02}"), meeting=meeting())
    assert queries_of(f"/{word}/ts0002/") == few_warm
    assert cold_queries_of(f"/{word}/ts0002/") == few_cold


def test_the_index_asks_a_fixed_number_of_queries(client, queries_of, cold_queries_of):
    ours()
    few_warm, few_cold = queries_of("/en/commitments/"), cold_queries_of("/en/commitments/")
    other = ActionPlan.objects.create(
        title="Ander plan", country="TT", start_year=2034, end_year=2036
    )
    for n in range(30):
        Commitment.objects.create(
            action_plan=other,
            code=f"TT{n:04}",
            title=f"Ander {n}",
            lead_institution=OrganisationFactory(),
        )
    assert queries_of("/en/commitments/") == few_warm
    assert cold_queries_of("/en/commitments/") == few_cold
    assert "Ander 29" in get(client, "/en/commitments/")
