"""The surveys' rules: what a coordinator may change once answers arrived, inviting and reminding,
saving a respondent's answers as they go, submitting, closing, and a person's data.

Every entry point (the admin's builder, the respondent's pages, housekeeping) goes through these
functions. A few reads that only these flows need (the respondent's pages, who to invite) live
here too; the results' reads are in ``selectors``.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from pioneers.core.cache import tags_changed_on_commit
from pioneers.core.email import EmailParts, email_send
from pioneers.core.links import absolute_url
from pioneers.network.models import JoinRequest, Membership, Organisation, Person
from pioneers.surveys.caching import survey_tag
from pioneers.surveys.models import Answer, Invitation, Question, Response, Survey

K = Question.Kind
CHOICE_KINDS = (K.SINGLE, K.MULTIPLE, K.MATRIX)
REMINDER_BEFORE = timedelta(days=7)
SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 5000


class SurveyError(Exception):
    """A change the rules refuse; the message says why, in the user's language."""


# --- The builder's rules -------------------------------------------------------------------


@dataclass
class QuestionDraft:
    """A question as the builder's form holds it: ``pk`` None for a new one."""

    pk: int | None
    kind: str
    code: str
    choices: str = ""
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    deleted: bool = False
    errors: dict = field(default_factory=dict)  # field name (or None) -> messages


def choice_lines(text: str) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def survey_check(
    *, survey: Survey, opens_at, closes_at, anonymous: bool, drafts: list[QuestionDraft]
) -> list[str]:
    """Check a survey's new state against the rules; returns the survey's own errors and puts
    each question's on its draft. Nothing is saved here.

    Once answers arrived: a question with answers cannot be removed (hide it instead), change
    its kind or lose choices; the survey cannot change between anonymous and not.
    """
    errors = []
    if opens_at and closes_at and closes_at <= opens_at:
        errors.append(_("The survey must close after it opens."))
    if survey.pk and survey.closed_at and closes_at and closes_at > survey.closed_at:
        errors.append(
            _("This survey has closed and its anonymous links were erased; it cannot reopen.")
        )
    answered = _answered_questions(survey)
    # The form has already put the new values on ``survey``: compare with the saved row.
    saved = Survey.objects.filter(pk=survey.pk).values("anonymous").first() if survey.pk else None
    # Any response counts, an empty one too: it may hold a person and an invitation.
    if saved and anonymous != saved["anonymous"] and survey.responses.exists():
        errors.append(_("Answers have arrived: whether the survey is anonymous cannot change."))
    old = {q.pk: q for q in Question.objects.filter(survey_id=survey.pk)} if survey.pk else {}
    codes: dict[str, QuestionDraft] = {}
    for draft in drafts:
        previous = old.get(draft.pk)
        has_answers = draft.pk in answered
        if draft.deleted:
            if has_answers:
                errors.append(
                    _(
                        "The question “%(text)s” has answers and cannot be removed; hide it "
                        "instead (tick “hidden”)."
                    )
                    % {"text": previous.text}
                )
            continue
        if draft.code:
            if draft.code in codes:
                draft.errors.setdefault("code", []).append(
                    _("Another question has this code; each code is used once.")
                )
            codes[draft.code] = draft
        lines = choice_lines(draft.choices)
        if draft.kind in CHOICE_KINDS and not lines:
            draft.errors.setdefault("choices", []).append(
                _("Give at least one choice (for a matrix: a statement), one a line.")
            )
        if (
            draft.kind == K.NUMBER
            and draft.minimum is not None
            and draft.maximum is not None
            and draft.maximum < draft.minimum
        ):
            draft.errors.setdefault("maximum", []).append(
                _("The maximum must not be below the minimum.")
            )
        if has_answers and previous is not None:
            if draft.kind != previous.kind:
                draft.errors.setdefault("kind", []).append(
                    _(
                        "This question has answers: its kind cannot change. Hide it and add a "
                        "new one."
                    )
                )
            elif previous.kind in CHOICE_KINDS and len(lines) < len(choice_lines(previous.choices)):
                draft.errors.setdefault("choices", []).append(
                    _(
                        "This question has answers: its choices can be reworded or added to, "
                        "not removed (answers point to them by their place)."
                    )
                )
    return errors


def _answered_questions(survey: Survey) -> set[int]:
    if not survey.pk:
        return set()
    return set(Answer.objects.filter(question__survey=survey).values_list("question_id", flat=True))


def survey_delete(*, survey: Survey) -> None:
    """Delete a survey with its responses and answers (answers protect their questions, so
    they go first)."""
    with transaction.atomic():
        survey_answers_delete(surveys=[survey])
        survey.delete()


def survey_answers_delete(*, surveys) -> None:
    """The answers of surveys that are being deleted."""
    Answer.objects.filter(response__survey__in=surveys).delete()


def question_delete(*, question: Question) -> None:
    """Remove a question that has no answers; one with answers is hidden instead."""
    if question.answers.exists():
        raise SurveyError(_("This question has answers and cannot be removed; hide it instead."))
    question.delete()


# --- Invitations -----------------------------------------------------------------------------


PER_PERSON = "people"
PER_ORGANISATION = "organisations"


@dataclass(frozen=True)
class Target:
    organisation: Organisation
    person: Person | None
    email: str
    language: str


def _member_organisations():
    return Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY,
        memberships__status=Membership.Status.MEMBER,
        memberships__left_on__isnull=True,
    ).distinct()


def _languages(people) -> dict[int, str]:
    """Each person's language: that of their latest join request, else the network's."""
    found = {}
    for person_id, language in (
        JoinRequest.objects.filter(person__in=[p.pk for p in people])
        .order_by("created_at")
        .values_list("person_id", "language")
    ):
        found[person_id] = language
    return {p.pk: found.get(p.pk, settings.LANGUAGE_CODE) for p in people}


def invitation_targets(*, survey: Survey, per: str) -> list[Target]:
    """Who an invitation would go to: every pioneer of a member municipality (``people``), or
    one contact per member municipality (``organisations``: its first pioneer, the one who has
    been in the network longest, since organisations keep no contact address of their own)."""
    people = list(
        Person.objects.filter(organisation__in=_member_organisations(), user__is_active=True)
        .exclude(user__email="")
        .select_related("organisation", "user")
        .order_by("organisation__name", "pk")
    )
    languages = _languages(people)
    targets = []
    seen = set()
    for person in people:
        if per == PER_ORGANISATION:
            if person.organisation_id in seen:
                continue
            seen.add(person.organisation_id)
        targets.append(
            Target(
                organisation=person.organisation,
                person=person if per == PER_PERSON else None,
                email=person.user.email,
                language=languages[person.pk],
            )
        )
    return targets


def _already_invited(survey: Survey, per: str) -> set:
    if per == PER_PERSON:
        return set(
            survey.invitations.filter(person__isnull=False).values_list("person_id", flat=True)
        )
    return set(
        survey.invitations.filter(person__isnull=True).values_list("organisation_id", flat=True)
    )


def _target_key(target: Target, per: str) -> int:
    return target.person.pk if per == PER_PERSON else target.organisation.pk


def invitations_preview(*, survey: Survey, per: str) -> dict:
    """How many invitations ``invitations_send`` would send now, and how many went before."""
    targets = invitation_targets(survey=survey, per=per)
    invited = _already_invited(survey, per)
    new = [t for t in targets if _target_key(t, per) not in invited]
    return {"new": len(new), "already": len(targets) - len(new), "targets": new}


def invitations_send(*, survey: Survey, per: str, now=None) -> int:
    """Invite everyone not yet invited and email them their personal link; returns how many.

    Inviting again creates no second invitation and sends nothing twice, also when two
    coordinators press the button at once: the unique constraints decide who made it.
    """
    if per not in (PER_PERSON, PER_ORGANISATION):
        raise SurveyError(_("Choose whom to invite."))
    now = now or timezone.now()
    if survey.closes_at <= now:
        raise SurveyError(_("This survey has closed; nobody can be invited any more."))
    sent = 0
    for target in invitations_preview(survey=survey, per=per)["targets"]:
        lookup = (
            {"person": target.person}
            if per == PER_PERSON
            else {"organisation": target.organisation, "person": None}
        )
        try:
            with transaction.atomic():
                invitation, created = Invitation.objects.get_or_create(
                    survey=survey,
                    **lookup,
                    defaults={
                        "organisation": target.organisation,
                        "email": target.email,
                        "language": target.language,
                    },
                )
        except IntegrityError:  # someone else invited them at the same moment
            continue
        if not created:
            continue
        with transaction.atomic():
            claimed = Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(
                sent_at=now
            )
            if claimed:
                _email(invitation, "invitation")
                sent += 1
    return sent


def _email(invitation: Invitation, kind: str) -> None:
    email_send(
        template=f"surveys/email/{kind}",
        to=[invitation.email],
        language=invitation.language,
        context={"invitation": invitation},
    )


def invitation_email_parts(*, template: str, context: dict) -> EmailParts | None:
    """The personal link of an invitation email, made in the task in the recipient's language
    (the queue holds no token). Nothing is sent once the survey closed or was answered before a
    reminder left."""
    invitation = context["invitation"]
    survey = invitation.survey
    if survey.closes_at <= timezone.now():
        return None
    if template.endswith("/reminder") and invitation.answered:
        return None
    return EmailParts(
        context={
            "survey": survey,
            "survey_url": absolute_url(
                reverse("surveys:respond", kwargs={"token": invitation.token})
            ),
        }
    )


def reminders_send(now=None) -> int:
    """Remind once the invitations not answered a week before their survey closes; run by
    ``pioneers housekeeping`` every minute."""
    now = now or timezone.now()
    due = Invitation.objects.filter(
        answered=False,
        reminded_at__isnull=True,
        sent_at__isnull=False,
        survey__opens_at__lte=now,
        survey__closes_at__gt=now,
        survey__closes_at__lte=now + REMINDER_BEFORE,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due[:500]):
        with transaction.atomic():
            if Invitation.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now):
                _email(Invitation.objects.get(pk=pk), "reminder")
                sent += 1
    return sent


def surveys_close(now=None) -> int:
    """Close the surveys past their closing time: erase the keys that linked anonymous
    responses to their links, and note when. Returns how many closed."""
    now = now or timezone.now()
    closed = 0
    for survey in Survey.objects.filter(closes_at__lte=now, closed_at__isnull=True):
        with transaction.atomic():
            Response.objects.filter(survey=survey, key__isnull=False).update(key=None)
            closed += Survey.objects.filter(pk=survey.pk, closed_at__isnull=True).update(
                closed_at=now
            )
    return closed


# --- The respondent's flow -------------------------------------------------------------------


def response_key(token: str) -> str:
    """The keyed hash of a personal link that finds an anonymous response again."""
    return salted_hmac("pioneers.surveys.response", token, algorithm="sha256").hexdigest()


TOKEN = re.compile(r"[A-Za-z0-9_-]{1,40}")


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation of a personal link; None for anything that cannot be one (PostgreSQL
    would refuse a NUL character, for one)."""
    if not isinstance(token, str) or not TOKEN.fullmatch(token):
        return None
    return Invitation.objects.select_related("survey", "person").filter(token=token).first()


def _response_lookup(invitation: Invitation) -> dict:
    if invitation.survey.anonymous:
        return {"key": response_key(invitation.token)}
    return {"invitation": invitation}


def response_find(invitation: Invitation) -> Response | None:
    return Response.objects.filter(
        survey_id=invitation.survey_id, **_response_lookup(invitation)
    ).first()


def _response_get_or_create(invitation: Invitation) -> Response:
    """The response of a link, made on its first save; two tabs or a double click find the
    same one (the key and the invitation are unique)."""
    survey = invitation.survey
    lookup = _response_lookup(invitation)
    defaults = {
        "organisation_id": invitation.organisation_id,
        "role": invitation.person.role if invitation.person else "",
    }
    if not survey.anonymous:
        defaults["person"] = invitation.person
    try:
        with transaction.atomic():
            response, _created = Response.objects.get_or_create(
                survey=survey, **lookup, defaults=defaults
            )
    except IntegrityError:
        response = Response.objects.get(survey=survey, **lookup)
    return response


def survey_pages(questions: list[Question]) -> list[dict]:
    """The questions that are asked (not hidden), in pages: a section heading starts one."""
    pages: list[dict] = []
    for question in questions:
        if question.hidden:
            continue
        if question.kind == K.SECTION:
            pages.append({"section": question, "questions": []})
            continue
        if not pages:
            pages.append({"section": None, "questions": []})
        pages[-1]["questions"].append(question)
    return [page for page in pages if page["questions"]] or [{"section": None, "questions": []}]


def answer_values(answers) -> dict:
    """The form values of saved answers, by field name (see ``forms.field_name``)."""
    from pioneers.surveys.forms import field_name

    values = {}
    for answer in answers:
        question = answer.question
        name = field_name(question, answer.item)
        if question.kind in (K.LIKERT, K.SINGLE, K.MATRIX):
            values[name] = int(answer.number) if answer.number is not None else None
        elif question.kind == K.MULTIPLE:
            values[name] = list(answer.choices)
        elif question.kind == K.NUMBER:
            values[name] = answer.number
        else:
            values[name] = answer.text
    return values


def _is_empty(value) -> bool:
    return value is None or value == "" or value == []


def missing_required(questions: list[Question], values: dict) -> list[Question]:
    """The required questions among ``questions`` without an answer in ``values`` (a matrix
    needs an answer to each statement)."""
    from pioneers.surveys.forms import field_names

    return [
        q
        for q in questions
        if q.required and any(_is_empty(values.get(name)) for name in field_names(q))
    ]


def answers_save(
    *, invitation: Invitation, questions: list[Question], cleaned: dict, now=None
) -> Response:
    """Save the answers of one page (partial is fine); an emptied field removes its answer.

    Refused when the survey is not open: nothing is saved after closing.
    """
    from pioneers.surveys.forms import field_name

    survey = invitation.survey
    if not survey.is_open(now):
        raise SurveyError(_("This survey is not open; your answers were not saved."))
    with transaction.atomic():
        response = _response_get_or_create(invitation)
        existing = {
            (answer.question_id, answer.item): answer
            for answer in Answer.objects.filter(response=response, question__in=questions)
        }
        removed, changed = [], []
        for question in questions:
            items = [n for n, _label in question.options()] if question.kind == K.MATRIX else [0]
            for item in items:
                name = field_name(question, item)
                if name not in cleaned:
                    continue
                current = existing.get((question.pk, item))
                value = cleaned[name]
                if _is_empty(value):
                    if current is not None:
                        removed.append(current.pk)
                    continue
                fields = {"number": None, "choices": [], "text": ""}
                if question.kind == K.MULTIPLE:
                    fields["choices"] = sorted(int(v) for v in value)
                elif question.kind in (K.LIKERT, K.SINGLE, K.MATRIX, K.NUMBER):
                    fields["number"] = Decimal(value)
                else:
                    fields["text"] = value
                if current is None or any(getattr(current, k) != v for k, v in fields.items()):
                    changed.append(
                        Answer(response=response, question=question, item=item, **fields)
                    )
        if removed:
            Answer.objects.filter(pk__in=removed).delete()
        if changed:
            # An upsert: a second tab saving the same answer at the same moment updates it.
            Answer.objects.bulk_create(
                changed,
                update_conflicts=True,
                unique_fields=["response", "question", "item"],
                update_fields=["number", "choices", "text"],
            )
            if response.submitted_on is not None:
                # A submitted response changed: its results (an upsert sends no signals).
                tags_changed_on_commit(survey_tag(response.survey_id))
    return response


def response_submit(*, invitation: Invitation, response: Response, now=None) -> None:
    """Mark a response as given: the day (not the time) and, on the invitation, only that it
    was answered. Submitting again keeps the first day."""
    if not invitation.survey.is_open(now):
        raise SurveyError(_("This survey is not open; your answers were not saved."))
    with transaction.atomic():
        if response.submitted_on is None:
            response.submitted_on = timezone.localdate(now)
            response.save(update_fields=["submitted_on"])
        if not invitation.answered:
            Invitation.objects.filter(pk=invitation.pk).update(answered=True)
            invitation.answered = True


# --- Personal data ---------------------------------------------------------------------------


def personal_data_export(user) -> list[dict]:
    """A person's invitations and their answers to surveys that are not anonymous."""
    exported = []
    invitations = _invitations_of(user).select_related("survey")
    for invitation in invitations:
        exported.append(
            {
                "survey": invitation.survey.title,
                "email": invitation.email,
                "sent_at": invitation.sent_at.isoformat() if invitation.sent_at else None,
                "answered": invitation.answered,
            }
        )
    responses = (
        Response.objects.filter(person__user=user, survey__anonymous=False)
        .select_related("survey")
        .prefetch_related("answers__question")
    )
    for response in responses:
        exported.append(
            {
                "survey": response.survey.title,
                "submitted_on": response.submitted_on.isoformat()
                if response.submitted_on
                else None,
                "answers": [
                    {
                        "question": answer.question.code,
                        "item": answer.item,
                        "number": str(answer.number) if answer.number is not None else None,
                        "choices": answer.choices,
                        "text": answer.text,
                    }
                    for answer in response.answers.all()
                ],
            }
        )
    return exported


def personal_data_erase(user) -> None:
    """Remove a person's invitations and their responses to surveys that are not anonymous
    (anonymous responses hold nothing that points to them)."""
    with transaction.atomic():
        Response.objects.filter(
            Q(person__user=user) | Q(invitation__in=_invitations_of(user)),
            survey__anonymous=False,
        ).delete()
        _invitations_of(user).delete()


def _invitations_of(user):
    """A person's own invitations and those sent to them as their organisation's contact."""
    return Invitation.objects.filter(Q(person__user=user) | Q(email__iexact=user.email))


def survey_counts(survey: Survey) -> dict:
    """Invited and answered, for the coordinator's invitation page."""
    return survey.invitations.aggregate(
        invited=Count("pk"), answered=Count("pk", filter=Q(answered=True))
    )
