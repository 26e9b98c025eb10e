"""Pages of the call for papers: the call, submitting, a speaker's proposals, invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pioneers.cfp import rendered, selectors, services
from pioneers.cfp.forms import InvitationForm, SubmissionForm, draft_from_post
from pioneers.cfp.models import Call, Invitation, Submission
from pioneers.core.cache import page_depends_on
from pioneers.core.languages import current_language
from pioneers.core.roles import is_coordinator


def _call(request, slug) -> Call:
    call = selectors.call_for_page(slug, include_unpublished=is_coordinator(request.user))
    if call is None:
        raise Http404
    return call


def _messages_of(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return list(error.messages)


def call(request, slug):
    """The call: introduction, formats, tracks, deadline and review criteria, for everyone."""
    page = rendered.call_page(slug, coordinator=is_coordinator(request.user))
    if page is None:
        raise Http404
    page_depends_on(request, f"meeting:{page['meeting_id']}")
    return TemplateResponse(request, "cfp/call.html", page)


def _draft_key(call: Call) -> str:
    return f"cfp_draft_{call.pk}"


@never_cache
def submit(request, slug):
    """The submission form. A visitor without an account may fill it in: what they typed is
    kept in the session while they log in or sign up, and the form comes back filled in."""
    call = _call(request, slug)
    if call.state() != "open":
        messages.error(
            request,
            _("This call for papers is not open yet.")
            if call.state() == "not_yet"
            else _("The deadline of this call for papers has passed; nothing was changed."),
        )
        return redirect("cfp:call", slug=slug)
    if request.method == "POST" and not request.user.is_authenticated:
        request.session[_draft_key(call)] = draft_from_post(request.POST, call)
        messages.info(
            request,
            _(
                "Log in or create an account to send your proposal; what you typed is kept. "
                "Slides must be attached again."
            ),
        )
        return redirect_to_login(request.path)
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, call=call)
        if form.is_valid():
            try:
                submission = services.submission_create(
                    call=call,
                    user=request.user,
                    slides=form.cleaned_data["slides"],
                    **form.submission_fields(),
                )
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                request.session.pop(_draft_key(call), None)
                messages.success(request, _("Thank you: your proposal has been submitted."))
                return redirect("cfp:proposal", pk=submission.pk)
        status = 400
    else:
        draft = request.session.get(_draft_key(call)) if request.user.is_authenticated else None
        # A draft kept while logging in shows its values, checked, as if just sent.
        form = SubmissionForm(draft, call=call) if draft else SubmissionForm(call=call)
        status = 200
    return TemplateResponse(
        request,
        "cfp/submit.html",
        {"call": call, "meeting": call.meeting, "form": form},
        status=status,
    )


@login_required
def proposals(request):
    """My proposals: each with its meeting and state."""
    return TemplateResponse(
        request, "cfp/proposals.html", {"submissions": selectors.proposals_of(request.user)}
    )


def _proposal(request, pk) -> Submission:
    submission = selectors.proposal_detail(pk, request.user)
    if submission is None:
        raise Http404  # someone else's, or none: the same answer
    return submission


@never_cache
@login_required
def proposal(request, pk):
    """One proposal: its state, the form to change it until the deadline, co-speakers."""
    submission = _proposal(request, pk)
    call = submission.call
    editable = submission.state in services.EDITABLE and call.is_open()
    status = 200
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, call=call)
        if not editable:
            messages.error(
                request, _("This proposal can no longer be changed; nothing was changed.")
            )
            return redirect("cfp:proposal", pk=pk)
        if form.is_valid():
            try:
                services.submission_update(
                    submission=submission,
                    user=request.user,
                    slides=form.cleaned_data["slides"],
                    remove_slides=request.POST.get("slides-clear") == "on",
                    **form.submission_fields(),
                )
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect("cfp:proposal", pk=pk)
        status = 400
    else:
        form = SubmissionForm(initial=SubmissionForm.initial_from(submission), call=call)
    answers = {str(q.pk): q for q in call.questions.all()}
    return TemplateResponse(
        request,
        "cfp/proposal.html",
        {
            "submission": submission,
            "call": call,
            "meeting": call.meeting,
            "form": form,
            "editable": editable,
            "invitation_form": InvitationForm(),
            "answers": [
                (answers[key], value) for key, value in submission.answers.items() if key in answers
            ],
        },
        status=status,
    )


@require_POST
@login_required
def withdraw(request, pk):
    submission = _proposal(request, pk)
    try:
        services.submission_withdraw(submission=submission, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(_messages_of(error)))
    else:
        messages.success(request, _("Your proposal has been withdrawn."))
    return redirect("cfp:proposal", pk=pk)


@require_POST
@login_required
def invite(request, pk):
    submission = _proposal(request, pk)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid email address."))
        return redirect("cfp:proposal", pk=pk)
    try:
        services.invitation_create(
            submission=submission,
            by=request.user,
            email=form.cleaned_data["email"],
            language=current_language(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(_messages_of(error)))
    else:
        messages.success(
            request,
            _("%(email)s has been invited to speak with you.")
            % {"email": form.cleaned_data["email"]},
        )
    return redirect("cfp:proposal", pk=pk)


@never_cache
def invitation(request, token):
    """A co-speaker's answer: accepting needs an account, declining does not."""
    found = (
        Invitation.objects.select_related("submission__call__meeting", "invited_by")
        .filter(token=token[:40])
        .first()
    )
    if found is None:
        raise Http404
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        if accept and not request.user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            found = services.invitation_answer(token=found.token, user=request.user, accept=accept)
        except ValidationError as error:
            messages.error(request, " ".join(_messages_of(error)))
        else:
            if found.state == Invitation.State.ACCEPTED and accept:
                messages.success(request, _("You are now a speaker of this proposal."))
                return redirect("cfp:proposal", pk=found.submission_id)
            messages.info(request, _("Thank you for your answer."))
        return redirect("cfp:invitation", token=found.token)
    return TemplateResponse(
        request,
        "cfp/invitation.html",
        {
            "invitation": found,
            "submission": found.submission,
            "meeting": found.submission.call.meeting,
        },
    )


@login_required
def slides(request, pk):
    """The slides, to the proposal's speakers and the coordinators; anyone else gets 404."""
    submission = (
        Submission.objects.filter(pk=pk).first()
        if is_coordinator(request.user)
        else selectors.proposal_detail(pk, request.user)
    )
    if submission is None or not submission.slides:
        raise Http404
    try:
        handle = submission.slides.storage.open(submission.slides.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="application/pdf", filename="slides.pdf")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
