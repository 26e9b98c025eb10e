"""Live polls, the pages: the host's list of a meeting's polls, the projector screen with its
live results, the short link and the attendee's answer page on their phone."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from pioneers.core.translations import with_translations
from pioneers.surveys import polls, polls_services
from pioneers.surveys.models_polls import Poll
from pioneers.surveys.polls_forms import PollForm, VoteForm

VOTER_COOKIE = "pioneers_poll_voter"
VOTER_SALT = "pioneers.surveys.polls.voter"
VOTER_MAX_AGE = 60 * 60 * 24 * 30


def _meeting(request, slug, *, translated: bool = True):
    meeting = polls.meeting_for_polls(request.user, slug, translated=translated)
    if meeting is None:
        raise Http404
    if not polls.can_run_polls(request.user, meeting):
        raise PermissionDenied
    return meeting


def _poll(meeting, pk) -> Poll:
    poll = Poll.objects.filter(meeting=meeting, pk=pk).first()
    if poll is None:
        raise Http404
    poll.meeting = meeting
    return poll


def short_url(request, poll: Poll) -> str:
    return request.build_absolute_uri(reverse("poll_short", kwargs={"code": poll.code}))


@never_cache
@login_required
def manage(request, slug):
    meeting = _meeting(request, slug)
    form = PollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            polls_services.poll_create(meeting=meeting, **form.cleaned_data)
        except (ValidationError, polls_services.PollError) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("The poll is ready; open it when the room may answer."))
            return redirect("polls:manage", slug=meeting.slug)
    return TemplateResponse(
        request,
        "surveys/poll_manage.html",
        {"meeting": meeting, "polls": list(polls.meeting_polls(meeting)), "form": form},
    )


@require_POST
@login_required
def change(request, slug, pk):
    """Open, close or delete a poll, or choose whether its results go into the report."""
    meeting = _meeting(request, slug, translated=False)
    poll = _poll(meeting, pk)
    action = request.POST.get("action")
    try:
        if action == "open":
            polls_services.poll_open(poll=poll)
            messages.success(request, _("The poll is open."))
        elif action == "close":
            polls_services.poll_close(poll=poll)
            messages.success(request, _("The poll is closed."))
        elif action == "delete":
            polls_services.poll_delete(poll=poll)
            messages.success(request, _("The poll is deleted."))
        elif action in ("show", "hide"):
            polls_services.poll_show_in_report(poll=poll, show=action == "show")
            messages.success(
                request,
                _("The results will be shown in the report.")
                if action == "show"
                else _("The results will not be shown in the report."),
            )
        else:
            messages.error(request, _("That is not something a poll can do."))
    except polls_services.PollError as error:
        messages.error(request, str(error))
    if request.POST.get("next") == "screen" and action != "delete":
        return redirect("polls:screen", slug=meeting.slug, pk=poll.pk)
    return redirect("polls:manage", slug=meeting.slug)


@never_cache
@require_safe
@login_required
def screen(request, slug, pk):
    """For the projector: the question, the short link and its QR code, the live results."""
    meeting = _meeting(request, slug)
    poll = _poll(meeting, pk)
    url = short_url(request, poll)
    return TemplateResponse(
        request,
        "surveys/poll_screen.html",
        {
            "meeting": meeting,
            "poll": poll,
            "short_url": url,
            "qr_code": _qr_code(url),
            "results": polls.poll_result(poll),
        },
    )


@never_cache
@require_safe
@login_required
def screen_results(request, slug, pk):
    """The projector's results, fetched again every two seconds while the poll is open."""
    meeting = _meeting(request, slug, translated=False)
    poll = _poll(meeting, pk)
    response = TemplateResponse(
        request, "surveys/_poll_results.html", {"results": polls.poll_result(poll)}
    )
    if poll.is_closed and request.htmx:
        response.status_code = 286  # HTMX stops polling: the figures are final
    return response


def _qr_code(url: str) -> str:
    import segno  # heavy: loaded only when a projector page is shown

    return segno.make(url, error="m").svg_data_uri(scale=8, border=2)


@never_cache
@require_safe
def short_link(request, code):
    """/p/<code>/: to the answer page in the language the phone asks for (or the network's)."""
    language = translation.get_language_from_request(request)
    code = code.strip().upper()
    with translation.override(language):
        if not code or "/" in code:  # /p/%20/: no code to go to
            return TemplateResponse(
                request, "surveys/poll_unknown.html", {"code": code[:20]}, status=404
            )
        return redirect(reverse("polls:answer", kwargs={"code": code}))


def _voter(request) -> str | None:
    return request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_SALT)


@never_cache
def answer(request, code):
    """The attendee's page: the question and its form while the poll is open, their saved
    answer to change, or the results once it is closed."""
    poll = polls.poll_by_code(code)
    if poll is None:
        return TemplateResponse(
            request, "surveys/poll_unknown.html", {"code": code[:20]}, status=404
        )
    voter = _voter(request)
    known_voter = voter is not None
    if not known_voter:
        voter = secrets.token_urlsafe(18)
    form = VoteForm(request.POST if request.method == "POST" else None, poll=poll)
    refusal = ""
    status = 200
    if request.method == "POST":
        if not poll.is_open:
            refusal = _("This poll is closed; your answer was not saved.")
            status = 409
        elif form.is_valid():
            try:
                polls_services.vote_cast(poll=poll, voter=voter, answer=form.cleaned_data["answer"])
            except polls_services.PollError as error:
                refusal = str(error)
                status = 409
                poll.refresh_from_db(fields=["status"])
            else:
                response = redirect("polls:answer", code=poll.code)
                response.status_code = 303
                _remember(response, voter, known_voter, request)
                return response
    vote = polls.voter_vote(poll, voter) if known_voter else None
    with_translations([poll.meeting])
    if request.method != "POST":
        form.initial_from(vote)
    response = TemplateResponse(
        request,
        "surveys/poll_answer.html",
        {
            "poll": poll,
            "form": form,
            "vote": vote,
            "refusal": refusal,
            "results": polls.poll_result(poll) if poll.is_closed else None,
        },
        status=status,
    )
    _remember(response, voter, known_voter, request)
    return response


def _remember(response, voter: str, known: bool, request) -> None:
    """The voter key on the phone, in a signed cookie: only this site reads it, it names no one."""
    if not known:
        response.set_signed_cookie(
            VOTER_COOKIE,
            voter,
            salt=VOTER_SALT,
            max_age=VOTER_MAX_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
