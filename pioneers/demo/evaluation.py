"""Demo evaluation: the seed network's indicators with their history computed from the demo's
memberships, meetings, reports and practices, and two rounds of the members' survey
(``data/evaluation.toml``)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from pioneers.core.pages import publish
from pioneers.core.text import text_to_html
from pioneers.core.translations import translation_save
from pioneers.demo.files import read
from pioneers.demo.pages import backdate
from pioneers.evaluation.models import (
    EvaluationIndicator,
    EvaluationReportPage,
    EvaluationSurvey,
    Indicator,
    IndicatorValue,
)
from pioneers.evaluation.services import indicator_backfill
from pioneers.meetings.models import Meeting
from pioneers.network.models import Membership, Person
from pioneers.reports.models import ReportIndexPage
from pioneers.surveys.models import (
    Answer,
    Invitation,
    Poll,
    PollVote,
    Question,
    Response,
    Survey,
)
from pioneers.surveys.polls_services import poll_create

START = datetime.date(2018, 10, 1)  # the seed programme's start
SEED_PROGRAMME = "2018-2020"


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def _score(seed: int, level: int) -> int:
    """A plausible answer on a 5-point scale: the mid-term round (level 1) scores higher."""
    return min(5, max(1, 2 + level + (seed * 7 + 3) % 3 - (1 if seed % 5 == 0 else 0)))


def surveys(stdout) -> None:
    data = read("evaluation")
    if Survey.objects.exists():
        return
    made = {}
    for row in data["surveys"]:
        survey = Survey.objects.create(
            slug=row["slug"],
            title=row["title"],
            title_en=row["title_en"],
            intro=row["intro"],
            intro_en=row["intro_en"],
            opens_at=_aware(row["opens"]),
            closes_at=_aware(row["closes"]),
            closed_at=_aware(row["closes"]),
            previous_round=made.get(row.get("previous")),
            results_published=row.get("results_published", False),
        )
        made[row["slug"]] = survey
        questions = {}
        for order, question in enumerate(data["questions"]):
            fields = {
                k: v for k, v in question.items() if k in {f.name for f in Question._meta.fields}
            }
            questions[question["code"]] = Question.objects.create(
                survey=survey, sort_order=order, **fields
            )
        _responses(survey, questions, row, data["comments"]["texts"])
    stdout.write(f"  evaluation: {len(made)} survey rounds\n")


def _responses(survey, questions, row, comments) -> None:
    opened = row["opens"]
    members = Membership.objects.filter(
        status__in=[Membership.Status.MEMBER, Membership.Status.LEFT], member_since__lte=opened
    ).values("organisation")
    people = list(
        Person.objects.filter(organisation__in=members).select_related("user").order_by("pk")
    )
    level = row["level"]
    answers = []
    for index, person in enumerate(people):
        answered = index < row["respondents"]
        Invitation.objects.create(
            survey=survey,
            organisation_id=person.organisation_id,
            person=person,
            email=person.user.email if person.user_id else f"demo-{person.pk}@example.org",
            sent_at=_aware(opened),
            answered=answered,
        )
        if not answered:
            continue
        response = Response.objects.create(
            survey=survey,
            organisation_id=person.organisation_id,
            role=person.role,
            submitted_on=opened + datetime.timedelta(days=3 + index % 20),
        )
        seed = index + 11 * level
        roles = {"official": 1, "alderman": 2, "council_member": 3}
        answers += [
            Answer(response=response, question=questions["rol"], number=roles.get(person.role, 4)),
            Answer(response=response, question=questions["geleerd"], number=_score(seed, level)),
            Answer(
                response=response, question=questions["contacten"], number=_score(seed + 2, level)
            ),
            *(
                Answer(
                    response=response,
                    question=questions["stand"],
                    item=item,
                    number=_score(seed + item, level // 2 + (item == 1) * level),
                )
                for item in (1, 2, 3)
            ),
            Answer(
                response=response,
                question=questions["uren"],
                number=Decimal(4 + (seed * 5) % 12 + 6 * level),
            ),
        ]
        if index % 3 == 0:
            answers.append(
                Answer(
                    response=response,
                    question=questions["verbeteren"],
                    text=comments[(index // 3 + level) % len(comments)],
                )
            )
    Answer.objects.bulk_create(answers)


def indicators(stdout) -> None:
    if Indicator.objects.exists():
        return
    for order, row in enumerate(read("evaluation")["indicators"]):
        indicator = Indicator.objects.create(
            name=row["name"],
            description=row["description"],
            computation=row["computation"],
            parameter=row.get("parameter"),
            question_code=row.get("question_code", ""),
            target=row["target"],
            deadline=row["deadline"],
            starts_on=START,
            home_position=row.get("home_position"),
            sort_order=order,
        )
        translation_save(
            indicator, language="en", name=row["name_en"], description=row["description_en"]
        )
        for value in row.get("values", []):
            IndicatorValue.objects.create(indicator=indicator, **value)
        indicator_backfill(indicator)
    stdout.write(f"  evaluation: {Indicator.objects.count()} indicators with their history\n")


def report(stdout) -> None:
    """The mid-term evaluation, published among the reports."""
    data = read("evaluation")["report"]
    index = ReportIndexPage.objects.filter(locale__language_code="nl").first()
    if index is None or EvaluationReportPage.objects.exists():
        return
    page = EvaluationReportPage(
        title=data["title"],
        slug=data["slug"],
        locale=index.locale,
        summary=data["summary"],
        as_of=data["as_of"],
        conclusions=text_to_html(data["conclusions"]),
    )
    indicators = {i.computation: i for i in Indicator.objects.all()}
    page.indicators = [
        EvaluationIndicator(indicator=indicators[key])
        for key in data["indicators"]
        if key in indicators
    ]
    page.surveys = [
        EvaluationSurvey(survey=survey)
        for survey in Survey.objects.filter(slug__in=data["surveys"])
    ]
    index.add_child(instance=page)
    publish(page)
    backdate([page], data["published"])
    stdout.write("  evaluation: the mid-term evaluation report\n")


def poll(stdout) -> None:
    """A live poll at a past meeting, closed, with its results in the meeting's report."""
    data = read("evaluation")["poll"]
    meeting = Meeting.objects.filter(
        programme__slug=SEED_PROGRAMME, number=data["meeting_number"]
    ).first()
    if meeting is None or Poll.objects.filter(meeting=meeting).exists():
        return
    held = _aware(meeting.date)
    made = poll_create(
        meeting=meeting,
        kind=data["kind"],
        text=data["text"],
        text_en=data["text_en"],
        choices=data["choices"],
    )
    votes = [
        PollVote(
            poll=made,
            voter=f"demo-{choice}-{n}",
            number=choice,
            created_at=held,
            updated_at=held,
        )
        for choice, count in enumerate(data["votes"], start=1)
        for n in range(count)
    ]
    PollVote.objects.bulk_create(votes)
    Poll.objects.filter(pk=made.pk).update(
        status=Poll.Status.CLOSED, opened_at=held, closed_at=held
    )
    stdout.write(f"  evaluation: a live poll with {len(votes)} answers at {meeting}\n")


def load(stdout) -> None:
    surveys(stdout)
    indicators(stdout)
    report(stdout)
    poll(stdout)
