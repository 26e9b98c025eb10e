"""Pages of topic mapping: proposing a topic, voting (HTMX buttons with a plain form behind
them), commenting, and the topic map. A topic's own page is the search app's; it shows the
parts these views change (``rendered.proposal_html`` and the ballot)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pioneers.core.cache import page_depends_on
from pioneers.topics import caching, rendered, selectors, services
from pioneers.topics.forms import CommentForm, ProposalForm, VoteForm


def _refused(request, template: str, status: int = 403):
    return TemplateResponse(
        request,
        template,
        {
            "refused": _(
                "Only pioneers of a member municipality can propose, vote on and discuss topics."
            )
        },
        status=status,
    )


@login_required
def topic_propose(request):
    """A member proposes a topic; the coordinators accept, merge or decline it."""
    person = getattr(request.user, "person", None)
    if selectors.voting_organisation(request.user) is None:
        return _refused(request, "topics/propose.html")
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_propose(
                person=person,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                values=form.cleaned_data["values"],
            )
        except services.TopicError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your topic is on the map; other municipalities can vote for it "
                    "now, and the coordinators will look at it."
                ),
            )
            return redirect(topic.get_absolute_url())
    return TemplateResponse(request, "topics/propose.html", {"form": form})


def _ballot_response(request, topic, *, error: str = "", done: str = ""):
    organisation = selectors.voting_organisation(request.user)
    context = {
        "topic": topic,
        "ballot": selectors.ballot(organisation, topic) if organisation else None,
        "vote_total": selectors.topic_vote_total(topic),
        "error": error,
        "done": done,
    }
    return TemplateResponse(request, "topics/_ballot.html", context, status=422 if error else 200)


@require_POST
@login_required
def topic_vote(request, pk):
    """Set the votes of the member's municipality on a topic (the +/− buttons)."""
    topic = selectors.topic_by_id(pk)
    if topic is None:
        message = _("This topic does not exist (any more). Nothing was changed.")
        if request.htmx:
            return TemplateResponse(request, "topics/_ballot.html", {"error": message}, status=404)
        messages.error(request, message)
        return redirect("topics:map")
    form = VoteForm(request.POST)
    error = done = ""
    if not form.is_valid():
        error = _("Send a number of votes of 0 or more. Nothing was changed.")
    else:
        try:
            services.topic_vote_set(
                person=getattr(request.user, "person", None),
                topic=topic,
                votes=form.cleaned_data["votes"],
            )
        except services.TopicError as problem:
            error = str(problem)
        else:
            done = _("Your municipality's votes have been saved.")
    if request.htmx:
        return _ballot_response(request, topic, error=error, done=done)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(topic.get_absolute_url() + "#votes")


@require_POST
@login_required
def topic_comment(request, pk):
    """A member's comment; on a problem the text comes back on a page of its own."""
    topic = selectors.topic_by_id(pk)
    if topic is None:
        messages.error(request, _("This topic does not exist (any more). Nothing was changed."))
        return redirect("topics:map")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.topic_comment_create(
                person=getattr(request.user, "person", None),
                topic=topic,
                text=form.cleaned_data["text"],
            )
        except services.TopicError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your comment has been placed."))
            return redirect(topic.get_absolute_url() + "#comments")
    return TemplateResponse(request, "topics/comment.html", {"topic": topic, "form": form})


def topic_map(request):
    """Topics by votes, overall, per province and per size of municipality: chart and table."""
    page_depends_on(request, *caching.MAP_TAGS)
    province = request.GET.get("province", "")[:100]
    size = request.GET.get("size", "")[:20]
    error = ""
    if province and province not in rendered.province_slugs():
        error = _("There is no province with that name; here is the map of all members.")
        province = ""
    if size and size not in selectors.SIZE_LABELS:
        error = _("There is no such size of municipality; here is the map of all members.")
        size = ""
    if province and size:
        size = ""  # one grouping at a time: the province chosen
    return TemplateResponse(
        request,
        "topics/map.html",
        {
            "body": rendered.map_html(province=province, size=size),
            "error": error,
            "can_vote": selectors.voting_organisation(request.user) is not None,
        },
        status=400 if error else 200,
    )
