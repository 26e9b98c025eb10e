"""Reads of the call for papers: a call with everything its page shows, a speaker's proposals."""

from django.db.models import Prefetch

from pioneers.cfp.models import Call, Invitation, Submission, SubmissionSpeaker
from pioneers.core.translations import with_translations


def call_for_page(slug: str, *, include_unpublished: bool = False) -> Call | None:
    """The call of the meeting with this slug, with its formats, tracks, questions and criteria:
    a fixed number of queries whatever their number."""
    calls = Call.objects.select_related("meeting").prefetch_related(
        "formats", "tracks", "questions", "criteria"
    )
    if not include_unpublished:
        calls = calls.filter(meeting__live=True)
    call = calls.filter(meeting__slug=slug).first()
    if call is not None:
        with_translations([call.meeting])
    return call


def open_call_of(meeting) -> Call | None:
    """The meeting's call, for its page's block (which shows it while it is open)."""
    return Call.objects.filter(meeting_id=meeting.pk).first()


def proposals_of(user) -> list[Submission]:
    """The submissions this user speaks on, newest first, with their call and meeting."""
    return list(
        Submission.objects.filter(speaker_rows__user=user)
        .select_related("call__meeting", "format", "track")
        .order_by("-submitted_at", "-pk")
    )


def proposal_detail(pk: int, user) -> Submission | None:
    """One submission, for one of its speakers only (anyone else: None, as for no such one)."""
    if not user.is_authenticated:
        return None
    return (
        Submission.objects.filter(pk=pk, speaker_rows__user=user)
        .select_related("call__meeting", "format", "track")
        .prefetch_related(
            Prefetch(
                "speaker_rows",
                queryset=SubmissionSpeaker.objects.select_related("user").order_by("position"),
            ),
            Prefetch("invitations", queryset=Invitation.objects.order_by("created_at")),
            "call__formats",
            "call__tracks",
            "call__questions",
        )
        .first()
    )
