"""Pages of the knowledge base outside the page tree: sharing a practice, similar practices
while typing, taking one up, nominating an initiative and triaging nominations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pioneers.core.access import coordinator_required
from pioneers.core.ratelimit import RateLimited, email_rate_limit
from pioneers.network.selectors import member_organisation
from pioneers.practices import selectors, services
from pioneers.practices.forms import NominationForm, PracticeForm, ReuseForm, TriageForm
from pioneers.practices.models import Nomination, PracticePage


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
            "practices/practice_share.html",
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
        "practices/practice_share.html",
        {"form": form, "similar": selectors.similar_practices(text) if form.is_bound else []},
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
        "practices/_similar_practices.html",
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
    status = 200  # 422 for a form with errors comes from the core's status middleware
    if request.method == "POST" and form.is_valid():
        fields = NominationForm.Meta.fields
        try:
            email_rate_limit(request, action="nomination", address=form.cleaned_data["email"])
        except RateLimited as error:
            form.add_error(None, str(error))
            status = 429
        else:
            services.nomination_create(data={name: form.cleaned_data[name] for name in fields})
            return TemplateResponse(request, "practices/nominate.html", {"sent": True})
    form.renew_token()
    return TemplateResponse(request, "practices/nominate.html", {"form": form}, status=status)


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
                return redirect("practices:nomination_triage", pk=pk)
            if form.is_valid():
                practice = services.nomination_to_practice(
                    nomination=nomination,
                    municipality=form.cleaned_data["municipality"],
                    by=request.user,
                )
                messages.success(request, _("A draft practice has been made. Complete it here."))
                return redirect("wagtailadmin_pages:edit", practice.pk)
        except services.PracticeError as error:
            # On the form (the page then answers 422), and as a message: a triaged nomination's
            # page no longer shows the form.
            form.add_error(None, str(error))
            messages.error(request, str(error))
    return TemplateResponse(
        request,
        "practices/nomination_triage.html",
        {"nomination": nomination, "form": form},
    )
