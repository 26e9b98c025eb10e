"""Pages of reviewing and deciding: a reviewer's list and review form, the coordinators' list of
a call's submissions with their scores and decisions, and a speaker's confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pioneers.cfp import reviewing
from pioneers.cfp.review_forms import DecisionForm, ReviewForm, SubmissionFilterForm
from pioneers.cfp.views import _call, _messages_of, _proposal
from pioneers.core.roles import is_coordinator


@login_required
def reviews(request):
    """The submissions a reviewer may review, per call, with their own review state."""
    return TemplateResponse(
        request, "cfp/reviews.html", {"calls": reviewing.review_list(request.user)}
    )


@never_cache
@login_required
def review(request, pk):
    """A review: a score per criterion and a comment. The other reviewers' reviews show once
    one's own is saved, without their names when the call says so."""
    submission = reviewing.review_detail(pk, request.user)
    if submission is None:
        raise Http404  # not a reviewer of it, their own organisation's, or none: the same answer
    call = submission.call
    criteria = call.criteria.all()
    all_reviews = reviewing.reviews_of(submission)
    mine = next((r for r in all_reviews if r.reviewer_id == request.user.pk), None)
    status = 200
    if request.method == "POST":
        form = ReviewForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                reviewing.review_save(
                    submission=submission,
                    reviewer=request.user,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                for message in _messages_of(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your review has been saved."))
                return redirect("cfp:review", pk=pk)
        status = 400
    else:
        form = ReviewForm(
            initial=ReviewForm.initial_from(mine) if mine else None, criteria=criteria
        )
    others = []
    if mine is not None:
        number = 0
        for other in all_reviews:
            if other is mine:
                continue
            number += 1
            name = (
                _("Reviewer %(number)s") % {"number": number}
                if call.hide_reviewer_names
                else (other.reviewer.get_full_name() or other.reviewer.email)
            )
            others.append((name, other))
    answers = {str(q.pk): q for q in call.questions.all()}
    return TemplateResponse(
        request,
        "cfp/review.html",
        {
            "submission": submission,
            "call": call,
            "meeting": call.meeting,
            "form": form,
            "mine": mine,
            "others": others,
            "criteria": criteria,
            "editable": submission.state in reviewing.REVIEWABLE,
            "answers": [
                (answers[key], value) for key, value in submission.answers.items() if key in answers
            ],
        },
        status=status,
    )


def _coordinators_call(request, slug):
    if not request.user.is_authenticated:
        return None
    if not is_coordinator(request.user):
        raise PermissionDenied
    return _call(request, slug)


@never_cache
def submissions(request, slug):
    """The coordinators' list of a call's submissions: reviews, average and spread of the
    scores, sorted and filtered by the query string, with the decisions."""
    call = _coordinators_call(request, slug)
    if call is None:
        return redirect_to_login_here(request)
    form = SubmissionFilterForm(request.GET or None, call=call)
    filters = form.filters() if request.GET else {"sort": "avg"}
    if form.is_bound and form.errors:
        messages.warning(
            request, _("A sorting or filter value was not valid and has been left out.")
        )
    rows = reviewing.submissions_for_coordinators(call, **filters)
    return TemplateResponse(
        request,
        "cfp/submissions.html",
        {
            "call": call,
            "meeting": call.meeting,
            "form": form,
            "submissions": rows,
            "query": request.GET.urlencode(),
        },
    )


def redirect_to_login_here(request):
    return redirect_to_login(request.get_full_path())


@require_POST
def decide(request, slug, pk):
    """Accept, reject or waitlist one submission of this call; again the same changes nothing."""
    call = _coordinators_call(request, slug)
    if call is None:
        return redirect_to_login_here(request)
    submission = call.submissions.filter(pk=pk).first()
    if submission is None:
        raise Http404  # a submission of another call: a forged post
    form = DecisionForm(request.POST)
    back = request.POST.get("query", "")
    if not form.is_valid():
        messages.error(request, _("Choose accept, reject or waiting list."))
    else:
        try:
            decided = reviewing.decision_make(
                submission=submission, decision=form.cleaned_data["decision"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(_messages_of(error)))
        else:
            messages.success(
                request,
                _("“%(title)s”: %(state)s.")
                % {"title": decided.title, "state": decided.get_state_display()},
            )
    # Back to the list as it was sorted and filtered; only the list's own parameters.
    kept = QueryDict(mutable=True)
    for key, value in QueryDict(back).items():
        if key in SubmissionFilterForm.base_fields:
            kept[key] = value
    response = redirect("cfp:submissions", slug=slug)
    if kept:
        response["Location"] += "?" + kept.urlencode()
    return response


@require_POST
@login_required
def confirm(request, pk):
    """A speaker confirms their accepted proposal."""
    submission = _proposal(request, pk)
    try:
        reviewing.speaker_confirm(submission=submission, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(_messages_of(error)))
    else:
        messages.success(request, _("Thank you: you have confirmed your session."))
    return redirect("cfp:proposal", pk=pk)
