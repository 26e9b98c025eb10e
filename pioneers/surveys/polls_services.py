"""Live polls, the writes: create, open and close a poll, choose whether its results go into
the meeting's report, and cast (or change) a vote."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pioneers.surveys.models_polls import Poll, PollVote, new_poll_code


class PollError(Exception):
    """A refusal to show the person who asked, in their language."""


def poll_create(
    *,
    meeting,
    kind: str,
    text: str,
    text_en: str = "",
    choices: str = "",
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
    show_in_report: bool = True,
) -> Poll:
    if kind not in (Poll.Kind.SINGLE, Poll.Kind.MULTIPLE):
        choices = ""
    if kind != Poll.Kind.NUMBER:
        minimum = maximum = None
    poll = Poll(
        meeting=meeting,
        kind=kind,
        text=text,
        text_en=text_en,
        choices=choices,
        minimum=minimum,
        maximum=maximum,
        show_in_report=show_in_report,
    )
    poll.full_clean(exclude=["code"])
    for _attempt in range(5):
        # 31**6 codes: a clash is rare, and then another code is drawn.
        poll.code = new_poll_code()
        try:
            with transaction.atomic():
                poll.save()
        except IntegrityError:
            if Poll.objects.filter(code=poll.code).exists():
                continue
            raise
        return poll
    raise PollError(_("No free code was found for the poll; please try again."))


def _poll_move(poll: Poll, *, source: str, target: str, stamp: str, refusal: str) -> Poll:
    with transaction.atomic():
        current = Poll.objects.select_for_update().get(pk=poll.pk)
        if current.status != source:
            raise PollError(refusal)
        current.status = target
        setattr(current, stamp, timezone.now())
        current.save(update_fields=["status", stamp])  # save(): the page caches hear of it
    return current


def poll_open(*, poll: Poll) -> Poll:
    return _poll_move(
        poll,
        source=Poll.Status.DRAFT,
        target=Poll.Status.OPEN,
        stamp="opened_at",
        refusal=_("Only a poll that has not been opened yet can be opened."),
    )


def poll_close(*, poll: Poll) -> Poll:
    return _poll_move(
        poll,
        source=Poll.Status.OPEN,
        target=Poll.Status.CLOSED,
        stamp="closed_at",
        refusal=_("Only an open poll can be closed."),
    )


def poll_show_in_report(*, poll: Poll, show: bool) -> Poll:
    poll.show_in_report = show
    poll.save(update_fields=["show_in_report"])
    return poll


def poll_delete(*, poll: Poll) -> None:
    """Only a draft: once opened, people may have answered."""
    deleted, _rows = Poll.objects.filter(pk=poll.pk, status=Poll.Status.DRAFT).delete()
    if not deleted:
        raise PollError(_("Only a poll that has not been opened yet can be deleted."))


def vote_cast(*, poll: Poll, voter: str, answer) -> PollVote:
    """Record this phone's answer, or change it: one vote per voter, also when the same phone
    sends twice at once (a double tap). ``answer`` is the answer form's cleaned value."""
    if not voter:
        raise PollError(_("Your answer could not be saved; please reload the page."))
    values = {"number": None, "choices": [], "choice_bits": 0, "text": ""}
    if poll.kind == Poll.Kind.MULTIPLE:
        numbers = sorted({int(n) for n in answer})
        values["choices"] = numbers
        values["choice_bits"] = sum(1 << n for n in numbers)
    elif poll.kind == Poll.Kind.SHORT_TEXT:
        values["text"] = answer
    else:
        values["number"] = Decimal(answer)
    now = timezone.now()
    with transaction.atomic():
        # The poll's state now, not when the page was shown: no vote once it closed.
        # Locked, so that closing waits for this vote (and the report then counts it).
        if (
            not Poll.objects.select_for_update()
            .filter(pk=poll.pk, status=Poll.Status.OPEN)
            .exists()
        ):
            raise PollError(_("This poll is closed; your answer was not saved."))
        if PollVote.objects.filter(poll=poll, voter=voter).update(**values, updated_at=now):
            return PollVote(poll=poll, voter=voter, **values)
        try:
            with transaction.atomic():
                return PollVote.objects.create(
                    poll=poll, voter=voter, created_at=now, updated_at=now, **values
                )
        except IntegrityError:
            # The same phone's other request created it in between: this one changes it.
            PollVote.objects.filter(poll=poll, voter=voter).update(**values, updated_at=now)
            return PollVote(poll=poll, voter=voter, **values)
