"""Pages of the magazine outside the page tree: members submit articles and follow them,
editors follow an edition's PDF build, and the magazine's Atom feed."""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from pioneers.core.access import coordinator_required
from pioneers.core.feeds import PageFeed, sections_html
from pioneers.core.languages import current_language
from pioneers.core.models import NetworkSettings
from pioneers.magazine import services
from pioneers.magazine.forms import ArticleSubmissionForm
from pioneers.magazine.models import EditionPage, EditionPDF, MagazineIndexPage
from pioneers.magazine.selectors import (
    editions_open_for_submissions,
    feed_articles,
    member_submissions,
)
from pioneers.network.selectors import member_organisation


@login_required
def magazine_submit(request):
    """A pioneer of a member organisation submits an article to an edition open for it."""
    if member_organisation(request.user) is None:
        return TemplateResponse(request, "magazine/magazine_not_member.html", status=403)
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
                language=current_language(),
            )
        except services.SubmissionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Thank you: “%(title)s” is with the editors. You get an email when they decide.")
                % {"title": article.title},
            )
            return redirect("magazine:magazine_submissions")
    return TemplateResponse(
        request,
        "magazine/magazine_submit.html",
        {"form": form, "open_editions": editions.exists()},
    )


@login_required
def magazine_submissions(request):
    """The member's own submissions and where each one is."""
    return TemplateResponse(
        request,
        "magazine/magazine_submissions.html",
        {
            "submissions": member_submissions(request.user),
            "can_submit": member_organisation(request.user) is not None,
        },
    )


@coordinator_required
def edition_pdf(request, pk):
    """Editors build an edition's PDF and watch its progress (HTMX polls while it builds)."""
    edition = get_object_or_404(EditionPage, pk=pk)
    if not edition.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        services.edition_pdf_request(edition)
        messages.success(request, _("The PDF is being built."))
        return redirect("magazine:edition_pdf", pk=pk)
    context = {"edition": edition, "pdf": EditionPDF.objects.filter(edition=edition).first()}
    if request.htmx:
        return TemplateResponse(request, "magazine/_edition_pdf_status.html", context)
    return TemplateResponse(request, "magazine/edition_pdf.html", context)


class MagazineFeed(PageFeed):
    """Atom feed of the magazine's articles in the reader's language, newest edition first."""

    index_model = MagazineIndexPage

    def title(self, request):
        return _("%(network)s: magazine") % {"network": NetworkSettings.load().name}

    def subtitle(self, request):
        return _("Articles of the magazine: lessons learned by municipalities opening up.")

    def pages(self, request):
        return feed_articles(current_language())

    def item_description(self, article):
        return article.intro

    def item_content(self, article):
        return sections_html(
            article.intro,
            ("", article.body),
            (_("Lessons learned"), article.lessons),
            (_("Practical experience"), article.practical_experience),
        )

    def item_pubdate(self, article):
        """When readers got the article: the day its edition appeared."""
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
