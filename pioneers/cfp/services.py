"""Writes of the call for papers: calls, submissions, withdrawals and co-speaker invitations.

Every entry point (the site's forms, the admin) goes through these functions, which refuse with a
``ValidationError`` in the reader's language and change nothing then.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pioneers.cfp.models import (
    Call,
    ExtraQuestion,
    Invitation,
    ReviewCriterion,
    SessionFormat,
    Submission,
    SubmissionSpeaker,
    Track,
)
from pioneers.core.email import email_send
from pioneers.core.languages import current_language
from pioneers.meetings.models import Format

PDF_MAGIC = b"%PDF-"
# Submissions that speakers may still change: the organisers have not decided on them yet.
EDITABLE = (Submission.State.SUBMITTED, Submission.State.IN_REVIEW)


# --- calls ----------------------------------------------------------------------------------


def call_rules(*, call: Call, formats: int) -> dict[str, list[str]]:
    """What is wrong beyond the call's own fields: it belongs to a conference and asks for at
    least one session format (``formats`` is how many it will have)."""
    errors = {}
    if call.meeting_id is not None and call.meeting.format != Format.CONFERENCE:
        errors.setdefault("meeting", []).append(
            _("A call for papers belongs to a meeting in the conference format.")
        )
    if formats < 1:
        errors.setdefault("__all__", []).append(
            _("Add at least one session format (a talk, a workshop, …).")
        )
    return errors


def call_check(*, call: Call, formats: int) -> None:
    """The rules a call keeps, whoever saves it: closes after it opens, belongs to a conference,
    asks for at least one session format."""
    errors = {}
    try:
        call.full_clean(exclude=["meeting"] if call.meeting_id is None else None)
    except ValidationError as error:
        errors.update(error.message_dict)
    for field, messages in call_rules(call=call, formats=formats).items():
        errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class FormatSpec:
    name_nl: str
    duration_minutes: int
    name_en: str = ""


def call_create(
    *,
    meeting,
    opens_at,
    closes_at,
    formats: list[FormatSpec],
    tracks: list[tuple[str, str]] = (),
    questions: list[tuple[str, str, bool]] = (),
    criteria: list[tuple[str, str]] = (),
    introduction_nl: str = "",
    introduction_en: str = "",
    hide_reviewer_names: bool = True,
) -> Call:
    """A call with its formats, tracks (nl, en), extra questions (nl, en, required) and review
    criteria (nl, en)."""
    call = Call(
        meeting=meeting,
        opens_at=opens_at,
        closes_at=closes_at,
        introduction_nl=introduction_nl,
        introduction_en=introduction_en,
        hide_reviewer_names=hide_reviewer_names,
    )
    call_check(call=call, formats=len(formats))
    if Call.objects.filter(meeting=meeting).exists():
        raise ValidationError({"meeting": _("This meeting has a call for papers already.")})
    children = []
    for order, spec in enumerate(formats):
        children.append(
            SessionFormat(
                call=call,
                sort_order=order,
                name_nl=spec.name_nl,
                name_en=spec.name_en,
                duration_minutes=spec.duration_minutes,
            )
        )
    children += [
        Track(call=call, sort_order=order, name_nl=nl, name_en=en)
        for order, (nl, en) in enumerate(tracks)
    ]
    children += [
        ExtraQuestion(call=call, sort_order=order, text_nl=nl, text_en=en, required=required)
        for order, (nl, en, required) in enumerate(questions)
    ]
    children += [
        ReviewCriterion(call=call, sort_order=order, name_nl=nl, name_en=en)
        for order, (nl, en) in enumerate(criteria)
    ]
    for child in children:
        child.full_clean(exclude=["call"])
    with transaction.atomic():
        call.save()
        for child in children:
            child.call = call
            child.save()
    return call


# --- submissions ----------------------------------------------------------------------------


def slides_check(upload) -> None:
    """A PDF (by its content, not only its name) no larger than the configured size."""
    if upload is None:
        return
    limit = settings.CFP_SLIDES_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(megabytes)s MB.")
            % {"megabytes": limit // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    start = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if start != PDF_MAGIC or not upload.name.lower().endswith(".pdf"):
        raise ValidationError(_("The slides must be a PDF file."), code="not_pdf")


def _open_or_refuse(call: Call, now) -> None:
    state = call.state(now)
    if state == "not_yet":
        raise ValidationError(_("The call for papers is not open yet."), code="not_yet")
    if state == "closed":
        raise ValidationError(
            _("The deadline of this call for papers has passed; nothing was changed."),
            code="closed",
        )


def _clean_answers(call: Call, answers: dict) -> dict:
    """Answers to this call's questions only, keyed by the question's id as text; a required
    question left empty is refused."""
    cleaned = {}
    missing = []
    for question in call.questions.all():
        answer = str(answers.get(str(question.pk), answers.get(question.pk, "")) or "").strip()
        if answer:
            cleaned[str(question.pk)] = answer[:5000]
        elif question.required:
            missing.append(question.text)
    if missing:
        raise ValidationError(
            _("Please answer: %(questions)s") % {"questions": "; ".join(missing)},
            code="required",
        )
    return cleaned


def _fill(submission: Submission, call: Call, fields: dict) -> None:
    for name in ("title", "abstract", "description", "language", "notes"):
        if name in fields:
            setattr(submission, name, fields[name])
    if "format" in fields:
        if fields["format"] is None or fields["format"].call_id != call.pk:
            raise ValidationError({"format": _("Choose one of this call's formats.")})
        submission.format = fields["format"]
    if "track" in fields:
        track = fields["track"]
        if track is not None and track.call_id != call.pk:
            raise ValidationError({"track": _("Choose one of this call's tracks.")})
        submission.track = track
    if "answers" in fields:
        submission.answers = _clean_answers(call, fields["answers"] or {})


def submission_create(*, call: Call, user, now=None, slides=None, **fields) -> Submission:
    """A new submission by ``user``, its first speaker; only while the call is open. Sending
    the same title twice (a double click) gives the first submission back.

    ``fields``: title, abstract, description, format, track, language, notes, answers.
    """
    now = now or timezone.now()
    _open_or_refuse(call, now)
    slides_check(slides)
    submission = Submission(call=call, submitted_at=now, updated_at=now, state_changed_at=now)
    _fill(submission, call, fields)
    if slides is not None:
        submission.slides = slides
    submission.full_clean(exclude=["slides"])
    with transaction.atomic():
        # The call's row lock makes a double click wait for the first, which it then finds.
        Call.objects.select_for_update().filter(pk=call.pk).first()
        same = Submission.objects.filter(
            call=call, speaker_rows__user=user, title__iexact=submission.title
        ).exclude(state=Submission.State.WITHDRAWN)
        if (existing := same.first()) is not None:
            return existing
        submission.save()
        SubmissionSpeaker.objects.create(
            submission=submission, user=user, position=0, language=current_language()
        )
    return submission


def is_speaker(user, submission: Submission) -> bool:
    return (
        user.is_authenticated
        and SubmissionSpeaker.objects.filter(submission=submission, user=user).exists()
    )


def _locked_for_speaker(submission_id: int, user) -> Submission:
    submission = (
        Submission.objects.select_for_update().select_related("call").filter(pk=submission_id)
    ).first()
    if submission is None or not is_speaker(user, submission):
        raise ValidationError(_("You are not a speaker of this proposal."), code="not_speaker")
    return submission


def submission_update(
    *, submission: Submission, user, now=None, slides=None, remove_slides=False, **fields
) -> Submission:
    """A speaker's changes, until the deadline and while the organisers have not decided."""
    now = now or timezone.now()
    slides_check(slides)
    with transaction.atomic():
        locked = _locked_for_speaker(submission.pk, user)
        if locked.state not in EDITABLE:
            raise ValidationError(
                _("This proposal can no longer be changed; nothing was changed."),
                code="decided",
            )
        _open_or_refuse(locked.call, now)
        _fill(locked, locked.call, fields)
        old_slides = locked.slides.name if (slides is not None or remove_slides) else ""
        if slides is not None:
            locked.slides = slides
        elif remove_slides:
            locked.slides = ""
        locked.updated_at = now
        locked.full_clean(exclude=["slides"])
        locked.save()
        if old_slides:
            storage = locked.slides.storage
            transaction.on_commit(lambda: storage.delete(old_slides))
    return locked


def submission_withdraw(*, submission: Submission, user, now=None) -> Submission:
    """Withdraw at any time; withdrawing a withdrawn submission changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked_for_speaker(submission.pk, user)
        if locked.state != Submission.State.WITHDRAWN:
            locked.state = Submission.State.WITHDRAWN
            locked.state_changed_at = now
            locked.withdrawn_at = now
            locked.save(update_fields=["state", "state_changed_at", "withdrawn_at"])
    return locked


# --- co-speakers ----------------------------------------------------------------------------


def invitation_create(*, submission: Submission, by, email: str, language: str) -> Invitation:
    """Invite a co-speaker by email; an address invited before is not invited again, and one
    that declined is refused."""
    email = (email or "").strip()
    with transaction.atomic():
        locked = _locked_for_speaker(submission.pk, by)
        if locked.state == Submission.State.WITHDRAWN:
            raise ValidationError(_("This proposal has been withdrawn."), code="withdrawn")
        existing = Invitation.objects.filter(submission=locked, email__iexact=email).first()
        if existing is not None:
            if existing.state == Invitation.State.DECLINED:
                raise ValidationError(
                    _("%(email)s declined to speak on this proposal; they are not invited again.")
                    % {"email": email},
                    code="declined",
                )
            return existing  # invited already (a double click): no second email
        if locked.speakers.filter(email__iexact=email).exists():
            raise ValidationError(
                _("%(email)s is a speaker of this proposal already.") % {"email": email},
                code="speaker",
            )
        invitation = Invitation(submission=locked, email=email, invited_by=by, language=language)
        invitation.full_clean(exclude=["submission", "invited_by"])
        try:
            with transaction.atomic():
                invitation.save()
        except IntegrityError:
            return Invitation.objects.get(submission=locked, email__iexact=email)
        email_send(
            template="cfp/email/invitation",
            to=[invitation.email],
            language=language,
            context={"invitation": invitation},
        )
    return invitation


def invitation_answer(*, token: str, user, accept: bool, now=None) -> Invitation:
    """Accept (the account becomes a speaker) or decline; answering twice changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("submission")
            .filter(token=token)
            .first()
        )
        if invitation is None:
            raise ValidationError(_("This invitation link is not valid."), code="unknown")
        if invitation.state != Invitation.State.PENDING:
            return invitation
        if invitation.submission.state == Submission.State.WITHDRAWN:
            raise ValidationError(_("This proposal has been withdrawn."), code="withdrawn")
        if accept:
            if user is None or not user.is_authenticated:
                raise ValidationError(_("Log in to accept."), code="log_in")
            position = invitation.submission.speaker_rows.count()
            SubmissionSpeaker.objects.get_or_create(
                submission=invitation.submission,
                user=user,
                defaults={"position": position, "language": current_language()},
            )
        invitation.state = Invitation.State.ACCEPTED if accept else Invitation.State.DECLINED
        invitation.answered_at = now
        invitation.save(update_fields=["state", "answered_at"])
    return invitation


# --- personal data --------------------------------------------------------------------------


def personal_data_export(user) -> list[dict]:
    """The proposals this account speaks on, with everything typed in them."""
    submissions = Submission.objects.filter(speaker_rows__user=user).select_related(
        "call__meeting", "format", "track"
    )
    return [
        {
            "meeting": submission.call.meeting.title,
            "title": submission.title,
            "abstract": submission.abstract,
            "description": submission.description,
            "format": submission.format.name_nl,
            "track": submission.track.name_nl if submission.track_id else None,
            "language": submission.language,
            "notes": submission.notes,
            "answers": submission.answers,
            "slides": bool(submission.slides),
            "state": submission.state,
            "submitted_at": submission.submitted_at.isoformat(),
        }
        for submission in submissions
    ]


def personal_data_erase(user) -> None:
    """Leave every proposal: one this account alone speaks on is withdrawn and emptied of
    notes, answers and slides; invitations to its address go. Running it again changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        rows = SubmissionSpeaker.objects.filter(user=user).select_related("submission")
        for row in rows:
            submission = row.submission
            if not submission.speaker_rows.exclude(user=user).exists():
                if submission.slides:
                    storage, name = submission.slides.storage, submission.slides.name
                    transaction.on_commit(lambda s=storage, n=name: s.delete(n))
                submission.state = Submission.State.WITHDRAWN
                submission.withdrawn_at = submission.withdrawn_at or now
                submission.notes, submission.answers, submission.slides = "", {}, ""
                submission.save()
            row.delete()
        if user.email:
            Invitation.objects.filter(email__iexact=user.email).delete()
