"""Demo calls for papers (``data/cfp.toml``): an open call on the first upcoming conference,
dated from the day the demo is loaded, and the 2019 conference's closed call with its
submissions, decisions and programme."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from pioneers.cfp.models import Call, Review, Reviewer, Room, Score, Submission, SubmissionSpeaker
from pioneers.cfp.programme import SlotEntry, slots_save
from pioneers.cfp.services import FormatSpec, call_create
from pioneers.core.translations import originals_only
from pioneers.demo.files import read
from pioneers.demo.network import COORDINATOR_EMAIL, MEMBER_EMAIL
from pioneers.meetings.models import Format, Meeting
from pioneers.network.models import Person


def load(stdout, today: date | None = None) -> None:
    load_closed_call(stdout)
    load_open_call(stdout, today)


def _call_from(data: dict, **fields) -> Call:
    """A call with the introduction, formats, tracks and criteria of its part of cfp.toml."""
    return call_create(
        introduction_nl=data["introduction_nl"].strip(),
        introduction_en=data["introduction_en"].strip(),
        hide_reviewer_names=data["hide_reviewer_names"],
        formats=[
            FormatSpec(
                name_nl=row["name_nl"], name_en=row["name_en"], duration_minutes=row["minutes"]
            )
            for row in data["formats"]
        ],
        tracks=[(row["name_nl"], row["name_en"]) for row in data["tracks"]],
        criteria=[(row["name_nl"], row["name_en"]) for row in data["criteria"]],
        **fields,
    )


def load_open_call(stdout, today: date | None = None) -> None:
    today = today or timezone.localdate()
    meeting = (
        Meeting.objects.filter(format=Format.CONFERENCE, live=True, date__gt=today)
        .order_by("date")
        .first()
    )
    if meeting is None or Call.objects.filter(meeting=meeting).exists():
        return
    data = read("cfp")["open_call"]
    noon = timezone.make_aware(datetime.combine(today, time(12, 0)))
    closes = noon + timedelta(days=data["closes_in_days"])
    # Never after the conference itself: a call closes well before its meeting.
    latest = timezone.make_aware(datetime.combine(meeting.date, time(0, 0))) - timedelta(days=14)
    call = _call_from(
        data,
        meeting=meeting,
        opens_at=noon - timedelta(days=data["opens_days_ago"]),
        closes_at=max(min(closes, latest), noon + timedelta(days=1)),
        questions=[(row["text_nl"], row["text_en"], row["required"]) for row in data["questions"]],
    )
    closes_on = timezone.localdate(call.closes_at)
    stdout.write(f"  call for papers: open until {closes_on:%Y-%m-%d} for {meeting.title}\n")


def load_closed_call(stdout) -> None:
    """The 2019 conference: closed call, 30 submissions in every state, a full programme."""
    data = read("cfp")["closed_call"]
    meeting = (
        Meeting.objects.filter(
            originals_only(), format=Format.CONFERENCE, date=data["meeting_date"]
        )
        .order_by("pk")
        .first()
    )
    if meeting is None or Call.objects.filter(meeting=meeting).exists():
        return
    people = list(Person.objects.select_related("user").order_by("pk"))
    if not people:
        return
    call = _call_from(data, meeting=meeting, opens_at=data["opens"], closes_at=data["closes"])
    formats, tracks = list(call.formats.all()), list(call.tracks.all())
    rooms = [
        Room.objects.create(
            call=call, sort_order=order, name_nl=row["name_nl"], name_en=row["name_en"]
        )
        for order, row in enumerate(data["rooms"])
    ]
    entries = []
    # Submitted in the weeks before the deadline; decided in the summer.
    submitted = call.closes_at - timedelta(days=len(data["submissions"]))
    decided = call.closes_at + timedelta(days=30)
    for index, row in enumerate(data["submissions"]):
        format = formats[row["format"]]
        at = submitted + timedelta(days=index)
        submission = Submission.objects.create(
            call=call,
            title=row["title"],
            abstract=f"{row['title']}: wat we deden, wat werkte en wat niet.",
            format=format,
            track=tracks[row["track"]],
            state=row["state"],
            submitted_at=at,
            updated_at=at,
            state_changed_at=at if row["state"] == Submission.State.SUBMITTED else decided,
            withdrawn_at=decided if row["state"] == Submission.State.WITHDRAWN else None,
        )
        for position, number in enumerate(row["speakers"]):
            SubmissionSpeaker.objects.create(
                submission=submission,
                user=people[(number - 1) % len(people)].user,
                position=position,
            )
        if "slot" in row:
            room, start = row["slot"]
            hour, minute = (int(part) for part in start.split(":"))
            entries.append(
                SlotEntry(
                    submission_id=submission.pk,
                    start=timezone.make_aware(datetime.combine(meeting.date, time(hour, minute))),
                    duration_minutes=format.duration_minutes,
                    room_id=rooms[room].pk,
                )
            )
    slots_save(call=call, entries=entries)
    reviews = _reviews(call, people, data["review_comments"], decided - timedelta(days=14))
    stdout.write(
        f"  call for papers: {meeting.title}, closed, {len(data['submissions'])} submissions, "
        f"{len(entries)} talks on the programme, {reviews} reviews\n"
    )


# What reviewers thought of a proposal in each state: scores per criterion, from good to poor.
STATE_SCORES = {
    Submission.State.CONFIRMED: (5, 4, 5),
    Submission.State.ACCEPTED: (4, 4, 3),
    Submission.State.WAITLISTED: (3, 3, 4),
    Submission.State.REJECTED: (2, 1, 3),
}


def _reviews(call: Call, people: list, comments: list[str], at) -> int:
    """Three reviewers of three other organisations score every proposal that was decided, as
    the rules have it: never one with a speaker of their own organisation."""
    reviewers = []
    for person in reversed(people):
        if person.user.email in (COORDINATOR_EMAIL, MEMBER_EMAIL):
            continue  # the demo's own logins stay what they are: a coordinator, a member
        if person.organisation_id not in {r.organisation_id for r in reviewers}:
            reviewers.append(person)
        if len(reviewers) == 3:
            break
    for order, person in enumerate(reviewers):
        Reviewer.objects.create(call=call, user=person.user, sort_order=order)
    criteria = list(call.criteria.all())
    speakers = {}
    for speaker in SubmissionSpeaker.objects.filter(submission__call=call).select_related(
        "user__person"
    ):
        person = getattr(speaker.user, "person", None)
        speakers.setdefault(speaker.submission_id, set()).add(person and person.organisation_id)
    count = 0
    for index, submission in enumerate(call.submissions.order_by("pk")):
        scores = STATE_SCORES.get(submission.state)
        if scores is None:
            continue  # withdrawn before anyone reviewed it
        for number, person in enumerate(reviewers):
            if person.organisation_id in speakers.get(submission.pk, set()):
                continue
            review = Review.objects.create(
                submission=submission,
                reviewer=person.user,
                comment=comments[(index + number) % len(comments)],
                created_at=at,
                updated_at=at,
            )
            Score.objects.bulk_create(
                Score(
                    review=review,
                    criterion=criterion,
                    value=scores[(number + position) % len(scores)],
                )
                for position, criterion in enumerate(criteria)
            )
            count += 1
    return count
