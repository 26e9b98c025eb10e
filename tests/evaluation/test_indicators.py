"""Indicators: the catalogue of computations, their history, the results page, the admin."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from pioneers.core import chores
from pioneers.core.models import User
from pioneers.evaluation import services
from pioneers.evaluation.catalogue import CATALOGUE, members_on
from pioneers.evaluation.models import Indicator, IndicatorValue
from pioneers.meetings.models import Meeting, Registration
from pioneers.network.models import Membership, Person
from pioneers.practices.models import PracticePage, PracticeReuse
from pioneers.surveys.models import Answer, Question, Response, Survey
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.usefixtures("demo")
TODAY = timezone.localdate()


def indicator(computation, **fields):
    fields = {
        "name": f"Indicator {computation}",
        "computation": computation,
        "target": Decimal(10),
        "deadline": datetime.date(2030, 1, 1),
        "starts_on": datetime.date(2018, 10, 1),
        **fields,
    }
    return Indicator.objects.create(**fields)


def value(computation, day=TODAY, **fields):
    return services.indicator_compute(indicator(computation, **fields), day)


# --- the catalogue ------------------------------------------------------------------------------


def test_members_are_counted_with_their_history():
    day = datetime.date(2019, 6, 1)
    before = value("member_municipalities", day)
    MembershipFactory(member_since=datetime.date(2019, 1, 1))  # joined before: counts
    MembershipFactory(member_since=datetime.date(2019, 7, 1))  # joined after: not yet
    MembershipFactory(  # left before the day
        status=Membership.Status.LEFT,
        member_since=datetime.date(2018, 11, 1),
        left_on=datetime.date(2019, 3, 1),
    )
    MembershipFactory(  # left after the day: still a member then
        status=Membership.Status.LEFT,
        member_since=datetime.date(2018, 11, 1),
        left_on=datetime.date(2019, 12, 1),
    )
    MembershipFactory(status=Membership.Status.APPLIED, member_since=None)
    partner = MembershipFactory(member_since=datetime.date(2019, 1, 1))
    partner.organisation.kind = "civil_society"
    partner.organisation.save()
    assert value("member_municipalities", day) == before + 2


def test_a_municipality_that_rejoined_counts_once():
    membership = MembershipFactory(
        status=Membership.Status.LEFT,
        member_since=datetime.date(2018, 11, 1),
        left_on=datetime.date(2020, 1, 1),
    )
    before = value("member_municipalities")
    MembershipFactory(organisation=membership.organisation, member_since=datetime.date(2019, 6, 1))
    assert value("member_municipalities") == before + 1


def test_nothing_to_count_from_is_no_value_not_zero():
    # Before the first meeting: no attendance and no reports due, rather than 0%.
    day = datetime.date(2018, 10, 2)
    assert value("attendance", day) is None
    assert value("reports_on_time", day) is None
    assert value("survey_score", day, question_code="geleerd") is None
    assert value("survey_score", question_code="no-such-question") is None
    assert value("meetings_held", day) == 0


def test_attendance_counts_members_that_came_to_enough_meetings():
    held = list(Meeting.objects.filter(status=Meeting.Status.HELD).order_by("date"))
    assert len(held) >= 4
    day = held[-1].date
    members = members_on(day).count()
    base = value("attendance", day, parameter=Decimal(50))
    newcomer = MembershipFactory(member_since=datetime.date(2018, 9, 1)).organisation
    person = Person.objects.create(
        user=UserFactory(), name="Nieuw", organisation=newcomer, role="official"
    )
    # Checked in at exactly half the meetings: counts at 50%, not at 75%.
    for meeting in held[: (len(held) + 1) // 2]:
        Registration.objects.create(
            meeting=meeting,
            person=person,
            name=person.name,
            email=f"nieuw{meeting.pk}@example.org",
            status=Registration.Status.CONFIRMED,
            checked_in_at=timezone.now(),
        )
    counted = base * members / 100  # members that attended enough, before the newcomer
    expected = (counted + 1) * 100 / (members + 1)
    found = value("attendance", day, parameter=Decimal(50))
    assert found == pytest.approx(expected, abs=Decimal("0.01"))
    assert value("attendance", day, parameter=Decimal(75)) < value(
        "attendance", day, parameter=Decimal(50)
    )


def test_reports_on_time_count_only_meetings_whose_time_is_up():
    meeting = Meeting.objects.filter(status=Meeting.Status.HELD).order_by("-date").first()
    report = meeting.reports.get(locale__language_code="nl")
    day = meeting.date + datetime.timedelta(days=40)
    on_time = value("reports_on_time", day)
    early = meeting.date + datetime.timedelta(days=10)
    before_due = value("reports_on_time", early)
    # Published 30 days after the meeting: late within 28 days, on time within 35.
    published = timezone.make_aware(
        datetime.datetime.combine(meeting.date + datetime.timedelta(days=30), datetime.time(9))
    )
    type(report).objects.filter(pk=report.pk).update(first_published_at=published)
    assert value("reports_on_time", day) < on_time
    assert value("reports_on_time", day, parameter=Decimal(35)) == on_time
    # Ten days after the meeting its 28 days were not up: late or not, it did not count yet.
    assert value("reports_on_time", early) == before_due


def test_practices_taken_up_by_another_organisation_only():
    practice = PracticePage.objects.live().filter(locale__language_code="nl").first()
    PracticeReuse.objects.filter(practice=practice).delete()
    yesterday = TODAY - datetime.timedelta(days=1)
    before, before_yesterday = value("practices_taken_up"), value("practices_taken_up", yesterday)
    PracticeReuse.objects.create(practice=practice, organisation=practice.municipality)
    assert value("practices_taken_up") == before
    other = MembershipFactory().organisation
    PracticeReuse.objects.create(practice=practice, organisation=other)
    assert value("practices_taken_up") == before + 1
    assert value("practices_taken_up", yesterday) == before_yesterday  # taken up today


def test_survey_score_is_the_mean_of_the_latest_closed_and_published_survey():
    # The demo's two rounds: the mid-term round scores higher than the baseline.
    baseline = value("survey_score", datetime.date(2019, 1, 1), question_code="geleerd")
    midterm = value("survey_score", datetime.date(2020, 1, 1), question_code="geleerd")
    assert baseline is not None and midterm is not None
    assert Decimal(1) <= baseline < midterm <= Decimal(5)
    survey = Survey.objects.create(
        title="Later",
        slug="later",
        opens_at=timezone.now() - datetime.timedelta(days=2),
        closes_at=timezone.now() + datetime.timedelta(days=2),
    )
    question = Question.objects.create(survey=survey, kind="likert", code="geleerd", text="?")

    def answer(*scores, submitted=TODAY):
        for score in scores:
            response = Response.objects.create(survey=survey, submitted_on=submitted)
            Answer.objects.create(response=response, question=question, number=score)

    answer(2, 3, 2, 3)
    answer(5, submitted=None)  # not submitted: does not count
    # Open, unpublished: a score changing with each answer would tell each answer.
    assert value("survey_score", question_code="geleerd") == midterm
    survey.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    survey.save()
    assert value("survey_score", question_code="geleerd") == midterm  # not published
    survey.results_published = True
    survey.save()
    assert value("survey_score", question_code="geleerd") is None  # four respondents
    answer(2)
    assert value("survey_score", question_code="geleerd") == Decimal("2.40")


def test_every_computation_explains_itself_in_both_languages():
    for entry in CATALOGUE.values():
        item = Indicator(computation=entry.key, question_code="geleerd")
        with override("nl"):
            dutch = item.explanation()
        with override("en"):
            english = item.explanation()
        assert dutch and english and dutch != english, entry.key
        assert "{" not in dutch + english


# --- history ------------------------------------------------------------------------------------


def test_backfill_records_the_first_of_each_month_and_today():
    item = indicator("meetings_held", starts_on=datetime.date(2019, 11, 15))
    assert services.indicator_backfill(item, datetime.date(2020, 2, 10)) == 5
    days = list(item.values.values_list("date", flat=True))
    assert days == [
        datetime.date(2019, 11, 15),
        datetime.date(2019, 12, 1),
        datetime.date(2020, 1, 1),
        datetime.date(2020, 2, 1),
        datetime.date(2020, 2, 10),
    ]


def test_the_daily_snapshot_writes_only_what_changed():
    item = indicator("meetings_held")
    chores.run_all([("indicators_snapshot", services.indicators_snapshot)])
    assert item.values.filter(date=TODAY).exists()
    assert item.values.count() > 24  # the history from the start, filled in at once
    recorded = item.values.get(date=TODAY).recorded_at
    chores.run_all([("indicators_snapshot", services.indicators_snapshot)])
    assert item.values.get(date=TODAY).recorded_at == recorded
    meeting = Meeting.objects.filter(status=Meeting.Status.HELD).order_by("-date").first()
    Meeting.all_locales.filter(translation_key=meeting.translation_key).update(
        status=Meeting.Status.CANCELLED
    )
    services.indicators_snapshot()
    latest = item.values.get(date=TODAY)
    assert latest.recorded_at > recorded
    assert latest.value == services.indicator_compute(item, TODAY)


def test_entered_indicators_are_not_computed():
    item = indicator("entered")
    assert services.indicator_backfill(item) == 0
    services.indicators_snapshot()
    assert not item.values.exists()


# --- the results page ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_results_page_shows_value_target_trend_and_figures(client, language):
    with override(language):
        url = reverse("evaluation:results")
    assert url == {"nl": "/nl/resultaten/", "en": "/en/results/"}[language]
    page = client.get(url).content.decode()
    demo = Indicator.objects.get(computation="meetings_held")
    name = demo.name if language == "nl" else demo.get_translations().get().name
    assert name in page
    assert page.count('class="pioneers-chart" role="img"') == Indicator.objects.count()
    assert "<table" in page and ("Doel" if language == "nl" else "Target") in page
    # The demo's entered indicator shows its source.
    assert "Eindinventarisatie van de coördinatoren (fictief)" in page


def test_an_untranslated_indicator_on_english_pages_says_it_is_dutch(client):
    indicator("meetings_held", name="Alleen in het Nederlands")
    page = client.get("/en/results/").content.decode()
    assert 'lang="nl">Alleen in het Nederlands</h2>' in page


def test_status_counts_the_value_on_the_deadline():
    from pioneers.evaluation.selectors import Result

    def status(points, on=None):
        fields = {"name": "", "name_language": "nl", "description": "", "explanation": ""}
        return Result(
            pk=1,
            unit="count",
            target=Decimal(10),
            direction="at_least",
            deadline=datetime.date(2020, 1, 1),
            is_computed=True,
            points=[(datetime.date.fromisoformat(d), Decimal(v)) for d, v in points],
            on=on,
            **fields,
        ).status

    late = [("2019-06-01", 5), ("2020-01-01", 8), ("2021-01-01", 12)]
    assert status(late) == "missed"  # reached, but after the deadline
    assert status(late[:2], on=datetime.date(2019, 12, 1)) == "open"
    assert status([("2019-12-01", 10)]) == "met"
    assert status([]) == "empty"


def test_a_target_reached_mid_month_before_the_deadline_is_met():
    """The eighth meeting was held on 18 June 2020, the deadline is 30 June: the value on the
    deadline is recorded and judged, not the first of June's."""
    from pioneers.evaluation.selectors import _results

    item = indicator(
        "meetings_held", target=Decimal(8), deadline=datetime.date(2020, 6, 30), name="Acht"
    )
    services.indicator_backfill(item)
    assert item.values.filter(date=datetime.date(2020, 6, 30), value=8).exists()
    assert item.values.get(date=datetime.date(2020, 6, 1)).value == 7
    [result] = _results([item])
    assert (datetime.date(2020, 6, 30), Decimal(8)) in result.points
    assert result.status == "met"


def test_an_indicator_with_nothing_to_count_says_so(client):
    item = indicator("survey_score", question_code="nergens", name="Leeg")
    services.indicator_backfill(item)
    page = client.get("/nl/resultaten/").content.decode()
    assert "Nog geen waarde: er is tot nu toe niets om uit te tellen." in page


def test_private_indicators_are_not_shown(client):
    indicator("meetings_held", name="Alleen voor ons", is_public=False)
    assert "Alleen voor ons" not in client.get("/nl/resultaten/").content.decode()


def test_the_results_page_asks_a_fixed_number_of_queries(queries_of):
    few = queries_of("/nl/resultaten/")
    for number in range(6):
        services.indicator_backfill(indicator("meetings_held", name=f"Extra {number}"))
    assert queries_of("/nl/resultaten/") == few


def test_the_results_page_renders_a_fixed_number_of_queries_when_its_cache_is_cold(
    cold_queries_of,
):
    few = cold_queries_of("/en/results/")
    for number in range(6):
        services.indicator_backfill(indicator("meetings_held", name=f"Extra {number}"))
    assert cold_queries_of("/en/results/") == few


def test_the_home_page_shows_the_three_picked_results(client):
    page = client.get("/nl/").content.decode()
    picked = Indicator.objects.filter(home_position__isnull=False).order_by("home_position")
    assert len(picked) == 3
    positions = [page.index(item.name) for item in picked]
    assert positions == sorted(positions)
    assert 'href="/nl/resultaten/"' in page


def test_a_new_value_shows_at_once(client, django_capture_on_commit_callbacks):
    item = Indicator.objects.get(computation="entered")
    client.get("/nl/resultaten/")
    with django_capture_on_commit_callbacks(execute=True):
        IndicatorValue.objects.create(indicator=item, date=TODAY, value=17, source="Telling (test)")
    assert "Telling (test)" in client.get("/nl/resultaten/").content.decode()


# --- the admin ----------------------------------------------------------------------------------


@pytest.fixture
def coordinator(client):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


FORM = {
    "name": "Bijeenkomsten",
    "description": "",
    "computation": "meetings_held",
    "parameter": "",
    "question_code": "",
    "target": "8",
    "direction": "at_least",
    "deadline": "2020-06-30",
    "starts_on": "2018-10-01",
    "is_public": "on",
    "home_position": "",
    "sort_order": "0",
}


def test_a_coordinator_defines_an_indicator_and_it_is_computed_at_once(coordinator):
    response = coordinator.post("/admin/snippets/evaluation/indicator/add/", FORM)
    assert response.status_code == 302, response.content[:3000]
    item = Indicator.objects.get(name="Bijeenkomsten")
    assert item.values.count() > 24
    assert item.values.get(date=TODAY).value == Meeting.objects.filter(status="held").count()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"computation": "survey_score"}, "question_code"),
        ({"parameter": "5"}, "parameter"),
        ({"computation": "attendance", "parameter": "-3"}, "parameter"),
        ({"deadline": "2017-01-01"}, "deadline"),
        ({"home_position": "1"}, "home_position"),
        ({"computation": "a-formula"}, "computation"),
        ({"target": "veel"}, "target"),
    ],
)
def test_a_wrong_indicator_is_refused_and_nothing_is_saved(coordinator, change, field):
    count = Indicator.all_locales.count()
    response = coordinator.post("/admin/snippets/evaluation/indicator/add/", {**FORM, **change})
    assert response.status_code in (200, 422)
    assert field in response.context["form"].errors
    assert Indicator.all_locales.count() == count
    assert 'value="Bijeenkomsten"' in response.content.decode()  # nothing typed is lost


def test_values_are_entered_only_for_indicators_counted_by_hand(coordinator):
    computed = Indicator.objects.get(computation="meetings_held")
    entered = Indicator.objects.get(computation="entered")
    url = "/admin/snippets/evaluation/indicatorvalue/add/"
    data = {"date": "2020-01-01", "value": "5", "source": "Telling"}
    response = coordinator.post(url, {**data, "indicator": computed.pk})
    assert "indicator" in response.context["form"].errors
    response = coordinator.post(url, {**data, "indicator": entered.pk, "source": " "})
    assert "source" in response.context["form"].errors
    response = coordinator.post(url, {**data, "indicator": entered.pk})
    assert response.status_code == 302
    saved = entered.values.get(date=datetime.date(2020, 1, 1))
    assert saved.entered_by.email == "coordinator@example.org"


# --- the evaluation report ----------------------------------------------------------------------


def test_the_evaluation_report_shows_indicators_as_on_its_date(client):
    from pioneers.evaluation.models import EvaluationReportPage

    report = EvaluationReportPage.objects.get()
    page = client.get(report.url).content.decode()
    assert "1 november 2019" in page
    members = Indicator.objects.get(computation="member_municipalities")
    as_of = members.values.filter(date__lte=report.as_of).last()
    assert f'{as_of.value:.0f}</span> <span class="pioneers-result__date">(op {as_of.date:%-d}' in (
        page
    )
    assert "De leden waarderen de bijeenkomsten." in page
    # Listed among the reports, in both languages.
    for index in ("/nl/verslagen/", "/en/reports/"):
        assert report.title in client.get(index).content.decode()


def test_the_evaluation_report_as_pdf_is_built_once_per_version(
    client, media, django_capture_on_commit_callbacks
):
    from pioneers.evaluation.models import EvaluationReportPage

    report = EvaluationReportPage.objects.get()
    folder = media / "evaluation" / "pdf"
    response = client.get(f"{report.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    [stored] = list(folder.iterdir())
    assert stored.name.startswith(f"{report.pk}-")
    assert client.get(f"{report.url}pdf/").content == response.content
    # A new version, or new figures, make a new PDF that replaces the old one.
    report.summary = "Een nieuwe samenvatting."
    report.save_revision().publish()
    assert client.get(f"{report.url}pdf/").status_code == 200
    [newer] = list(folder.iterdir())
    assert newer.name != stored.name
    with django_capture_on_commit_callbacks(execute=True):
        IndicatorValue.objects.create(
            indicator=Indicator.objects.get(computation="entered"), date=TODAY, value=15
        )
    client.get(f"{report.url}pdf/")
    [newest] = list(folder.iterdir())
    assert newest.name != newer.name


def test_earlier_versions_of_the_evaluation_report_stay_public(client):
    from pioneers.evaluation.models import EvaluationReportPage

    report = EvaluationReportPage.objects.get()
    first = report.live_revision_id
    report.summary = "Bijgewerkte samenvatting."
    report.save_revision().publish()
    report.as_of = datetime.date(2020, 6, 30)
    report.save_revision().publish()
    page = client.get(f"{report.url}?version={first}").content.decode()
    assert "Bijgewerkte samenvatting." not in page
    # The old version shows its own figures: as on its own date.
    assert 'datetime="2019-11-01"' in page and 'datetime="2020-06-30"' not in page
    assert '<span class="pioneers-result__date">(op 1 november 2019)' in page
    # Each version its own figures, whichever was rendered first.
    page = client.get(report.url).content.decode()
    assert '<span class="pioneers-result__date">(op 1 juni 2020)' in page
    for bad in ("99999999999999999999", "²", "-1"):
        assert client.get(f"{report.url}?version={bad}").status_code == 404
    assert client.get(f"{report.url}pdf/?version={first}").status_code == 404


def test_an_indicator_in_an_evaluation_report_cannot_be_deleted(coordinator):
    from pioneers.evaluation.models import EvaluationIndicator

    used = EvaluationIndicator.objects.first().indicator
    url = f"/admin/snippets/evaluation/indicator/delete/{used.pk}/"
    assert coordinator.get(url).status_code == 200
    response = coordinator.post(url)
    assert response.status_code < 500
    assert Indicator.objects.filter(pk=used.pk).exists()


def test_the_evaluation_report_has_the_dcterms_tags_of_a_research_report(client):
    from pioneers.evaluation.models import EvaluationReportPage

    report = EvaluationReportPage.objects.get()
    html = client.get(report.url).content.decode()
    research = "https://identifier.overheid.nl/tooi/def/thes/kern/c_fdaee95e"  # onderzoeksrapporten
    lead = "https://identifier.overheid.nl/tooi/id/gemeente/gm0606"  # the lead organisation
    assert f'<meta name="DCTERMS.type" content="{research}">' in html
    assert f'<meta name="DCTERMS.publisher" content="{lead}">' in html
    assert f'<meta name="OVERHEID.authority" content="{lead}">' in html
    assert f'<meta name="DCTERMS.identifier" content="http://127.0.0.1:8000{report.url}">' in html
    assert f'<meta name="DCTERMS.created" content="{report.as_of:%Y-%m-%d}">' in html
    language = "http://publications.europa.eu/resource/authority/language/NLD"
    assert f'<meta name="DCTERMS.language" content="{language}">' in html
    assert '<meta name="description" content="' in html
