"""Demo call for papers: an open call on the first upcoming conference, dated from the day the
demo is loaded (``data/cfp.toml``)."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from pioneers.cfp.models import Call
from pioneers.cfp.services import FormatSpec, call_create
from pioneers.demo.files import read
from pioneers.meetings.models import Format, Meeting


def load(stdout, today: date | None = None) -> None:
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
    call = call_create(
        meeting=meeting,
        opens_at=noon - timedelta(days=data["opens_days_ago"]),
        closes_at=max(min(closes, latest), noon + timedelta(days=1)),
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
        questions=[(row["text_nl"], row["text_en"], row["required"]) for row in data["questions"]],
        criteria=[(row["name_nl"], row["name_en"]) for row in data["criteria"]],
    )
    closes_on = timezone.localdate(call.closes_at)
    stdout.write(f"  call for papers: open until {closes_on:%Y-%m-%d} for {meeting.title}\n")
