"""Reviewing and deciding on submissions: the writes (``review_save``, ``decision_make``,
``speaker_confirm``) and the reads behind the reviewers' and coordinators' lists.

Kept apart from ``services``/``selectors`` (submitting) because the rules are their own: who may
review what, the scores, the decisions and their emails. Refusals raise a ``ValidationError``
in the reader's language and change nothing.
"""

import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Exists, F, FloatField, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pioneers.cfp.models import (
    Call,
    DecisionTemplate,
    Review,
    ReviewCriterion,
    Reviewer,
    Score,
    Submission,
    SubmissionSpeaker,
)
from pioneers.core.email import email_send

State = Submission.State
# A reviewer scores a proposal while the organisers have not decided on it.
REVIEWABLE = (State.SUBMITTED, State.IN_REVIEW)
# A decision can still change (a waitlisted proposal accepted later) until the speaker has
# confirmed or withdrawn it.
DECIDABLE = (State.SUBMITTED, State.IN_REVIEW, State.ACCEPTED, State.REJECTED, State.WAITLISTED)
DECISIONS = {
    "accepted": State.ACCEPTED,
    "rejected": State.REJECTED,
    "waitlisted": State.WAITLISTED,
}


# --- who reviews what -------------------------------------------------------------------------


def is_reviewer(user) -> bool:
    """Whether the user reviews for any call (for the account menu), asked once per user
    object."""
    if user is None or not user.is_authenticated:
        return False
    known = getattr(user, "_cfp_is_reviewer", None)
    if known is None:
        known = Reviewer.objects.filter(user=user).exists()
        user._cfp_is_reviewer = known
    return known


def _organisation_id(user) -> int | None:
    from pioneers.network.models import Person  # network sits below cfp

    return Person.objects.filter(user=user).values_list("organisation_id", flat=True).first()


def _own_organisation(submission_ids, organisation_id) -> Q:
    """Submissions with a speaker of this organisation."""
    return Q(
        pk__in=SubmissionSpeaker.objects.filter(
            submission_id__in=submission_ids, user__person__organisation_id=organisation_id
        ).values("submission_id")
    )


def may_review(user, submission: Submission) -> bool:
    """An appointed reviewer of the submission's call, not of a speaker's organisation."""
    if not user.is_authenticated:
        return False
    if not Reviewer.objects.filter(call_id=submission.call_id, user=user).exists():
        return False
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return True
    return not SubmissionSpeaker.objects.filter(
        submission=submission, user__person__organisation_id=organisation_id
    ).exists()


# --- reviews ----------------------------------------------------------------------------------


def review_save(
    *, submission: Submission, reviewer, scores: dict, comment: str = "", now=None
) -> Review:
    """Save ``reviewer``'s review: a score 1–5 for every criterion of the call (``scores``:
    criterion id → value) and a comment. Saving again changes the review; the submission goes
    from *submitted* to *in review* at its first review."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if locked is None or not may_review(reviewer, locked):
            raise ValidationError(
                _("You cannot review this proposal; nothing was saved."), code="not_reviewer"
            )
        if locked.state not in REVIEWABLE:
            raise ValidationError(
                _("The organisers have decided on this proposal; the review was not saved."),
                code="decided",
            )
        criteria = list(ReviewCriterion.objects.filter(call_id=locked.call_id))
        values = {}
        for criterion in criteria:
            value = scores.get(criterion.pk, scores.get(str(criterion.pk)))
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = None
            if value is None or not 1 <= value <= 5:
                raise ValidationError(
                    _("Give a score from 1 to 5 for “%(criterion)s”.")
                    % {"criterion": criterion.name},
                    code="score",
                )
            values[criterion.pk] = value
        review = Review.objects.filter(submission=locked, reviewer=reviewer).first()
        if review is None:
            review = Review(submission=locked, reviewer=reviewer, created_at=now)
        review.comment = (comment or "").strip()
        review.updated_at = now
        review.full_clean(exclude=["submission", "reviewer"])
        review.save()
        for criterion_pk, value in values.items():
            Score.objects.update_or_create(
                review=review, criterion_id=criterion_pk, defaults={"value": value}
            )
        if locked.state == State.SUBMITTED:
            locked.state = State.IN_REVIEW
            locked.state_changed_at = now
            locked.save(update_fields=["state", "state_changed_at"])
    return review


@dataclass
class ReviewRow:
    """A submission in a reviewer's list with whether they reviewed it."""

    submission: Submission
    reviewed: bool


def review_list(user) -> list[tuple[Call, list[ReviewRow]]]:
    """Per call the user reviews for: the submissions they may review (not withdrawn, none of
    their own organisation), with their own review state. A fixed number of queries."""
    calls = list(
        Call.objects.filter(reviewers__user=user)
        .select_related("meeting")
        .order_by("-closes_at", "pk")
        .distinct()
    )
    if not calls:
        return []
    submissions = (
        Submission.objects.filter(call__in=calls)
        .exclude(state=State.WITHDRAWN)
        .select_related("format", "track")
        .annotate(reviewed=Exists(Review.objects.filter(submission=OuterRef("pk"), reviewer=user)))
        .order_by("title", "pk")
    )
    organisation_id = _organisation_id(user)
    if organisation_id is not None:
        submissions = submissions.exclude(
            pk__in=SubmissionSpeaker.objects.filter(
                user__person__organisation_id=organisation_id
            ).values("submission_id")
        )
    by_call = {call.pk: [] for call in calls}
    for submission in submissions:
        by_call[submission.call_id].append(ReviewRow(submission, submission.reviewed))
    return [(call, by_call[call.pk]) for call in calls]


def review_detail(pk: int, user) -> Submission | None:
    """A submission the user may review, with its call's criteria; None otherwise (the same
    answer as for no such submission)."""
    submission = (
        Submission.objects.filter(pk=pk)
        .exclude(state=State.WITHDRAWN)
        .select_related("call__meeting", "format", "track")
        .prefetch_related("call__criteria", "call__questions")
        .first()
    )
    if submission is None or not may_review(user, submission):
        return None
    return submission


def reviews_of(submission: Submission) -> list[Review]:
    """The submission's reviews with their scores and reviewers, oldest first."""
    return list(
        Review.objects.filter(submission=submission)
        .select_related("reviewer")
        .prefetch_related(
            Prefetch(
                "scores",
                queryset=Score.objects.select_related("criterion").order_by(
                    "criterion__sort_order", "criterion_id"
                ),
            )
        )
        .order_by("created_at", "pk")
    )


# --- the coordinators' list ---------------------------------------------------------------------

SORTS = {
    "avg": (F("score_avg").desc(nulls_last=True), "title", "pk"),
    "spread": (F("score_variance").desc(nulls_last=True), "title", "pk"),
    "reviews": (F("review_count").desc(), "title", "pk"),
    "title": ("title", "pk"),
}


def submissions_for_coordinators(
    call: Call, *, sort: str = "avg", format_id=None, track_id=None, state: str = ""
) -> list[Submission]:
    """The call's submissions with their number of reviews and the average and spread
    (population standard deviation) of all their scores, sorted and filtered: two queries
    whatever their number.

    The spread comes from the average of the squares (the variance, by which it sorts), since
    SQLite's standard deviation fails on a submission without scores.
    """
    submissions = Submission.objects.filter(call=call)
    if format_id is not None:
        submissions = submissions.filter(format_id=format_id)
    if track_id is not None:
        submissions = submissions.filter(track_id=track_id)
    if state:
        submissions = submissions.filter(state=state)
    value = F("reviews__scores__value")
    rows = list(
        submissions.select_related("format", "track")
        .annotate(
            review_count=Count("reviews", distinct=True),
            score_avg=Avg(value, output_field=FloatField()),
            score_square_avg=Avg(value * value, output_field=FloatField()),
        )
        .annotate(score_variance=F("score_square_avg") - F("score_avg") * F("score_avg"))
        .prefetch_related(
            Prefetch(
                "speaker_rows",
                queryset=SubmissionSpeaker.objects.select_related("user").order_by("position"),
            )
        )
        .order_by(*SORTS.get(sort, SORTS["avg"]))
    )
    for row in rows:
        variance = row.score_variance
        row.score_spread = None if variance is None else math.sqrt(max(variance, 0.0))
    return rows


# --- decisions ----------------------------------------------------------------------------------


def decision_make(*, submission: Submission, decision: str, now=None) -> Submission:
    """Accept, reject or waitlist a submission and email its speakers, each in their language.
    Making the same decision again changes nothing and sends nothing."""
    now = now or timezone.now()
    state = DECISIONS.get(decision)
    if state is None:
        raise ValidationError(_("Choose accept, reject or waiting list."), code="decision")
    with transaction.atomic():
        locked = Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if locked is None:
            raise ValidationError(_("This proposal does not exist."), code="unknown")
        if locked.state == state:
            return locked
        if locked.state not in DECIDABLE:
            raise ValidationError(
                _("This proposal was %(state)s; the decision was not changed.")
                % {"state": locked.get_state_display()},
                code="final",
            )
        locked.state = state
        locked.state_changed_at = now
        locked.save(update_fields=["state", "state_changed_at"])
        for row in locked.speaker_rows.select_related("user"):
            email_send(
                template="cfp/email/decision",
                to=[row.user],
                language=row.language,
                context={"submission": locked, "speaker": row.user, "decision": decision},
            )
    return locked


def decision_template(call_id: int, decision: str, language: str) -> DecisionTemplate | None:
    """The coordinators' wording of a decision's email, when they wrote one."""
    return DecisionTemplate.objects.filter(
        call_id=call_id, kind=decision, language=language
    ).first()


def speaker_confirm(*, submission: Submission, user, now=None) -> Submission:
    """A speaker confirms their accepted proposal; confirming twice changes nothing."""
    from pioneers.cfp.services import is_speaker

    now = now or timezone.now()
    with transaction.atomic():
        locked = Submission.objects.select_for_update().filter(pk=submission.pk).first()
        if locked is None or not is_speaker(user, locked):
            raise ValidationError(_("You are not a speaker of this proposal."), code="not_speaker")
        if locked.state == State.CONFIRMED:
            return locked
        if locked.state != State.ACCEPTED:
            raise ValidationError(
                _("Only an accepted proposal can be confirmed; nothing was changed."),
                code="not_accepted",
            )
        locked.state = State.CONFIRMED
        locked.state_changed_at = now
        locked.save(update_fields=["state", "state_changed_at"])
    return locked


# --- personal data ------------------------------------------------------------------------------


def personal_data_export(user) -> list[dict]:
    """The reviews this account gave, with their scores and comments."""
    reviews = (
        Review.objects.filter(reviewer=user)
        .select_related("submission__call__meeting")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
    )
    return [
        {
            "meeting": review.submission.call.meeting.title,
            "proposal": review.submission.title,
            "comment": review.comment,
            "scores": {score.criterion.name_nl: score.value for score in review.scores.all()},
            "updated_at": review.updated_at.isoformat(),
        }
        for review in reviews
    ]


def personal_data_erase(user) -> None:
    """No longer a reviewer; the comments go, the scores stay (without a name they are no
    personal data, and the averages the decisions rested on keep). Running it again changes
    nothing."""
    Reviewer.objects.filter(user=user).delete()
    Review.objects.filter(reviewer=user).exclude(comment="").update(comment="")
