"""Pages of reports outside the page tree: attendees comment on a draft, editors answer."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from pioneers.core.access import coordinator_required
from pioneers.reports import services
from pioneers.reports.forms import AnswerForm, CommentRoundForm, DraftCommentForm
from pioneers.reports.models import CommentRound, ReportPage


def comment(request, token):
    """An attendee reads the draft and comments, through the link in their invitation."""
    try:
        report, registration = services.comment_access(token)
    except services.ReportError as error:
        return TemplateResponse(request, "reports/comment.html", {"error": str(error)}, status=404)
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
            return redirect("reports:comment", token=token)
    comment_round = CommentRound.objects.filter(report=report).first()
    return TemplateResponse(
        request,
        "reports/comment.html",
        {
            "draft": report.get_latest_revision_as_object(),
            "report": report,
            "comment_round": comment_round,
            "form": form,
            "comments": report.draft_comments.filter(registration=registration),
        },
    )


@coordinator_required
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
                return redirect("reports:comments_manage", pk=pk)
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
                return redirect("reports:comments_manage", pk=pk)
        except services.ReportError as error:
            # On the submitted form (the page then answers 422).
            if "invite" in request.POST:
                round_form.add_error(None, str(error))
            else:
                # The answers' fields are written out per comment: a message shows the error.
                answer_form.add_error(None, str(error))
                messages.error(request, str(error))
    return TemplateResponse(
        request,
        "reports/comments_manage.html",
        {
            "report": report,
            "comment_round": comment_round,
            "round_form": round_form,
            "answer_form": answer_form,
            "comments": report.draft_comments.select_related("answered_by"),
            "attendee_count": services.attendees(report).count(),
        },
    )
