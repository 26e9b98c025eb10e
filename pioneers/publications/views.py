"""Pages of publications outside the page tree: report comments, practices, nominations,
site-wide search, magazine submissions, the editors' PDF builds and the magazine's Atom feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pioneers.core.access import coordinator_required
from pioneers.core.ratelimit import RateLimited, email_rate_limit
from pioneers.network.selectors import member_organisation
from pioneers.publications import selectors, services
from pioneers.publications.forms import (
    AnswerForm,
    ArticleSubmissionForm,
    CommentRoundForm,
    DraftCommentForm,
    NominationForm,
    PracticeForm,
    ReuseForm,
    TriageForm,
)
from pioneers.publications.models import (
    CommentRound,
    EditionPDF,
    Nomination,
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
    return request.user.person if member_organisation(request.user) else None


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
                _(
                    "Thank you. The coordinators review your practice before it is published; "
                    "here you see where it is."
                ),
            )
            return redirect("publications:mine")
    text = " ".join(form.data.get(name, "") for name in ("title", "summary", "problem"))
    return TemplateResponse(
        request,
        "publications/practice_share.html",
        {"form": form, "similar": selectors.similar_practices(text) if form.is_bound else []},
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def practice_similar(request):
    """The "already done elsewhere" box of the share form, refreshed while someone types.

    The share form sends what was typed by POST (it changes nothing): in a URL, a few paragraphs
    are too long for servers and proxies, and the text would end up in their logs.
    """
    data = request.POST if request.method == "POST" else request.GET
    text = " ".join(data.get(name, "")[:2000] for name in ("title", "summary", "problem"))
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
        email_rate_limit(request, action="reuse", address=request.user.email)
    except RateLimited as error:
        # The practice's page again, with the message typed and why it was not sent.
        form.add_error(None, str(error))
        context = {**practice.get_context(request), "reuse_form": form}
        return TemplateResponse(request, practice.get_template(request), context, status=429)
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
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        fields = NominationForm.Meta.fields
        try:
            email_rate_limit(request, action="nomination", address=form.cleaned_data["email"])
        except RateLimited as error:
            form.add_error(None, str(error))
            status = 429
        else:
            services.nomination_create(data={name: form.cleaned_data[name] for name in fields})
            return TemplateResponse(request, "publications/nominate.html", {"sent": True})
    form.renew_token()
    return TemplateResponse(request, "publications/nominate.html", {"form": form}, status=status)


@coordinator_required
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


# The magazine: members submit articles and follow them; editors follow the PDF build; feed.


def _language() -> str:
    from django.conf import settings
    from django.utils.translation import get_language

    return (get_language() or settings.LANGUAGE_CODE)[:2]


@login_required
def magazine_submit(request):
    """A pioneer of a member organisation submits an article to an edition open for it."""
    from pioneers.publications.selectors import editions_open_for_submissions

    if member_organisation(request.user) is None:
        return TemplateResponse(request, "publications/magazine_not_member.html", status=403)
    editions = editions_open_for_submissions()
    form = ArticleSubmissionForm(request.POST or None, editions=editions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            article = services.article_submit(
                user=request.user,
                edition=data["edition"],
                title=data["title"],
                intro=data["intro"],
                body=data["body"],
                lessons=data["lessons"],
                practical_experience=data["practical_experience"],
                topics=data["topics"],
                municipalities=data["municipalities"],
                language=_language(),
            )
        except services.SubmissionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Thank you: “%(title)s” is with the editors. You get an email when they decide.")
                % {"title": article.title},
            )
            return redirect("publications:magazine_submissions")
    return TemplateResponse(
        request,
        "publications/magazine_submit.html",
        {"form": form, "open_editions": editions.exists()},
    )


@login_required
def mine(request):
    """The reader's own page: registrations, practices, articles, comments, join requests."""
    return TemplateResponse(request, "publications/mine.html", selectors.my_overview(request.user))


@login_required
def magazine_submissions(request):
    """The member's own submissions and where each one is."""
    from pioneers.publications.selectors import member_submissions

    return TemplateResponse(
        request,
        "publications/magazine_submissions.html",
        {
            "submissions": member_submissions(request.user),
            "can_submit": member_organisation(request.user) is not None,
        },
    )


@coordinator_required
def edition_pdf(request, pk):
    """Editors build an edition's PDF and watch its progress (HTMX polls while it builds)."""
    from pioneers.publications.models import EditionPage

    edition = get_object_or_404(EditionPage, pk=pk)
    if not edition.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        services.edition_pdf_request(edition)
        messages.success(request, _("The PDF is being built."))
        return redirect("publications:edition_pdf", pk=pk)
    context = {"edition": edition, "pdf": EditionPDF.objects.filter(edition=edition).first()}
    if request.htmx:
        return TemplateResponse(request, "publications/_edition_pdf_status.html", context)
    return TemplateResponse(request, "publications/edition_pdf.html", context)


class MagazineFeed(Feed):
    """Atom feed of the magazine's articles in the reader's language, newest edition first."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        from pioneers.core.models import NetworkSettings

        return _("%(network)s: magazine") % {"network": NetworkSettings.load().name}

    def subtitle(self, request):
        return _("Articles of the magazine: lessons learned by municipalities opening up.")

    def link(self, request):
        from pioneers.publications.models import MagazineIndexPage

        index = MagazineIndexPage.objects.live().filter(locale__language_code=_language()).first()
        return index.get_url(request) if index else f"/{_language()}/"

    def items(self, request):
        from pioneers.publications.selectors import feed_articles

        articles = feed_articles(_language())
        for article in articles:
            # A path: the feed makes it absolute with the request's host, as it does its own
            # link (the Wagtail site's hostname may be an internal one such as localhost).
            article.feed_url = article.get_url(request)
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.feed_url

    def item_guid(self, article):
        import uuid

        return uuid.uuid5(article.translation_key, article.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        """When readers got the article: the day its edition appeared."""
        from datetime import datetime, time

        from django.utils import timezone

        return timezone.make_aware(datetime.combine(article.edition_date, time()))

    def item_updateddate(self, article):
        """The edition's day, or a correction published after it."""
        published = self.item_pubdate(article)
        changed = article.last_published_at
        return changed if changed and changed > published else published

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors.all()) or None

    def item_categories(self, article):
        return [topic.label for topic in article.topics.all()]
