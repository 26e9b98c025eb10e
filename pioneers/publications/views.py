"""Pages of publications outside the page tree: report comments, practices, nominations, search."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pioneers.network.selectors import current_members
from pioneers.publications import selectors, services
from pioneers.publications.forms import (
    AnswerForm,
    CommentRoundForm,
    DraftCommentForm,
    NominationForm,
    PracticeForm,
    ReuseForm,
    TriageForm,
)
from pioneers.publications.models import (
    CommentRound,
    Nomination,
    PracticeIndexPage,
    PracticePage,
    ReportPage,
)


def comment(request, token):
    """An attendee reads the draft and comments, through the link in their invitation."""
    try:
        report, registration = services.comment_access(token)
    except services.ReportError as error:
        return TemplateResponse(
            request, "publications/comment.html", {"error": str(error)}, status=404
        )
    form = DraftCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_comment_create(
                report=report, registration=registration, body=form.cleaned_data["body"]
            )
        except services.ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you; the editors will answer your comment."))
            return redirect("publications:comment", token=token)
    comment_round = CommentRound.objects.filter(report=report).first()
    return TemplateResponse(
        request,
        "publications/comment.html",
        {
            "draft": report.get_latest_revision_as_object(),
            "report": report,
            "comment_round": comment_round,
            "form": form,
            "comments": report.draft_comments.filter(registration=registration),
        },
    )


@staff_member_required(login_url="account_login")
def comments_manage(request, pk):
    """Editors invite the attendees, then answer or resolve every comment."""
    report = get_object_or_404(ReportPage, pk=pk)
    comment_round = CommentRound.objects.filter(report=report).first()
    round_form = CommentRoundForm(request.POST if "invite" in request.POST else None)
    answer_form = AnswerForm(request.POST if "comment" in request.POST else None)
    if request.method == "POST":
        try:
            if "invite" in request.POST and round_form.is_valid():
                comment_round = services.comment_round_open(
                    report=report, closes_at=round_form.closes_at(), opened_by=request.user
                )
                messages.success(
                    request,
                    _("%(count)s attendees are invited to comment.")
                    % {"count": comment_round.invited},
                )
                return redirect("publications:comments_manage", pk=pk)
            if "comment" in request.POST and answer_form.is_valid():
                draft_comment = get_object_or_404(
                    report.draft_comments, pk=answer_form.cleaned_data["comment"]
                )
                services.draft_comment_answer(
                    comment=draft_comment,
                    answer=answer_form.cleaned_data["answer"],
                    resolve=answer_form.cleaned_data["resolve"],
                    by=request.user,
                )
                messages.success(request, _("Your answer has been saved."))
                return redirect("publications:comments_manage", pk=pk)
        except services.ReportError as error:
            messages.error(request, str(error))
    return TemplateResponse(
        request,
        "publications/comments_manage.html",
        {
            "report": report,
            "comment_round": comment_round,
            "round_form": round_form,
            "comments": report.draft_comments.select_related("answered_by"),
            "attendee_count": services.attendees(report).count(),
        },
        status=422 if request.method == "POST" else 200,
    )


# The knowledge base -------------------------------------------------------------------------


def _member_person(request):
    """The reader's profile when they are a pioneer of a member organisation, else None."""
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    if person is None or person.organisation_id is None:
        return None
    return person if current_members().filter(pk=person.organisation_id).exists() else None


@login_required
def practice_share(request):
    """A pioneer writes down a practice; similar ones show while they type."""
    person = _member_person(request)
    if person is None:
        return TemplateResponse(
            request,
            "publications/practice_share.html",
            {"refused": _("Only pioneers of a member organisation can share a practice.")},
            status=403,
        )
    form = PracticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_submit(person=person, data=form.cleaned_data)
        except services.PracticeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Thank you. The coordinators review your practice before it is published."),
            )
            return redirect(PracticeIndexPage.objects.live().first().url)
    text = " ".join(form.data.get(name, "") for name in ("title", "summary", "problem"))
    return TemplateResponse(
        request,
        "publications/practice_share.html",
        {"form": form, "similar": selectors.similar_practices(text) if form.is_bound else []},
        status=422 if request.method == "POST" else 200,
    )


def practice_similar(request):
    """The "already done elsewhere" box of the share form, refreshed while someone types."""
    text = " ".join(request.GET.get(name, "")[:2000] for name in ("title", "summary", "problem"))
    return TemplateResponse(
        request,
        "publications/_similar_practices.html",
        {"similar": selectors.similar_practices(text)},
    )


@require_POST
@login_required
def practice_reuse(request, pk):
    """ "We want to try this too", from a practice's page."""
    practice = get_object_or_404(PracticePage.objects.live().public(), pk=pk)
    person = getattr(request.user, "person", None)
    form = ReuseForm(request.POST)
    if person is None or not form.is_valid():
        messages.error(request, _("Only pioneers of a member organisation can take up a practice."))
        return redirect(practice.url)
    try:
        services.practice_reuse(
            practice=practice, person=person, message=form.cleaned_data["message"]
        )
    except services.PracticeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The contact person has been told. Good luck with it!"))
    return redirect(practice.url)


def nominate(request):
    """Anyone nominates a pioneering initiative; coordinators triage it."""
    form = NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = NominationForm.Meta.fields
        services.nomination_create(data={name: form.cleaned_data[name] for name in fields})
        return TemplateResponse(request, "publications/nominate.html", {"sent": True})
    return TemplateResponse(
        request,
        "publications/nominate.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


@staff_member_required(login_url="account_login")
def nomination_triage(request, pk):
    """A coordinator turns a nomination into a draft practice, or declines it."""
    nomination = get_object_or_404(Nomination, pk=pk)
    form = TriageForm(request.POST or None, nomination=nomination)
    if request.method == "POST":
        try:
            if "decline" in request.POST:
                services.nomination_decline(nomination=nomination)
                messages.success(request, _("The nomination has been declined."))
                return redirect("publications:nomination_triage", pk=pk)
            if form.is_valid():
                practice = services.nomination_to_practice(
                    nomination=nomination,
                    municipality=form.cleaned_data["municipality"],
                    by=request.user,
                )
                messages.success(request, _("A draft practice has been made. Complete it here."))
                return redirect("wagtailadmin_pages:edit", practice.pk)
        except services.PracticeError as error:
            messages.error(request, str(error))
    return TemplateResponse(
        request,
        "publications/nomination_triage.html",
        {"nomination": nomination, "form": form},
        status=422 if request.method == "POST" else 200,
    )


def search(request):
    """One search over meetings, reports, articles, practices and organisations."""
    return TemplateResponse(request, "publications/search.html", selectors.site_search(request.GET))
