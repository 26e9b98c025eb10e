"""Public pages of the network: the members directory with its map, and organisation pages."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from pioneers.core.access import coordinator_required
from pioneers.core.cache import page_depends_on
from pioneers.core.languages import current_language
from pioneers.core.ratelimit import RateLimited, email_rate_limit
from pioneers.network import activity, selectors, services
from pioneers.network.forms import (
    AccountDeleteForm,
    DecisionForm,
    JoinForm,
    MemberFilterForm,
    OrganisationRegisterForm,
    PeopleSearchForm,
    ProfileForm,
)
from pioneers.network.linked_data import organisation_json_ld
from pioneers.network.map import network_map_svg
from pioneers.network.models import JoinRequest


def members(request):
    page_depends_on(request, "network")
    form = MemberFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    query = filters.get("q", "").strip()
    province = filters.get("province")
    members = list(selectors.member_municipalities(province=province, query=query))
    context = {
        "form": form,
        "members": members,
        "filtered": bool(filters and any(filters.values())),
        # Searching a name that is not a member finds its page, and there the way in.
        "non_members": list(selectors.non_member_municipalities(query=query, province=province))
        if query
        else [],
    }
    if request.htmx:
        return render(request, "network/_member_list.html", context)
    context["map_svg"] = network_map_svg()
    context["partners"] = list(selectors.partners())
    return render(request, "network/members.html", context)


def organisation(request, slug):
    page_depends_on(request, "network")
    organisation = selectors.organisation_detail(slug, user=request.user)
    if organisation is None:
        raise Http404
    history = selectors.membership_history(organisation)
    current = next((m for m in history if m.status == m.Status.MEMBER), None)
    page_depends_on(request, *activity.activity_tags(organisation))
    return render(
        request,
        "network/organisation.html",
        {
            "organisation": organisation,
            "json_ld": organisation_json_ld(organisation) if organisation.is_approved else None,
            "membership": current,
            "history": history,
            "invite_to_join": selectors.invites_to_join(organisation, membership=current),
            "activity": activity.activity_html(organisation),
            "people": selectors.public_people(organisation),
            "contacts": organisation.contacts.all()
            if request.user.has_perm("network.see_contact_log", organisation)
            else None,
        },
    )


def photo(request, name):
    """A profile photo, to those who may see it; anyone else gets 404, as for no photo at all."""
    person = selectors.visible_photo_owner(name=name, user=request.user)
    if person is None:
        raise Http404
    try:
        handle = person.photo.storage.open(person.photo.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def profile(request):
    person = getattr(request.user, "person", None)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.user = request.user
        person.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("network:join" if person.organisation_id is None else "network:profile")
    return TemplateResponse(request, "network/profile.html", {"form": form, "person": person})


@login_required
def join(request):
    person = getattr(request.user, "person", None)
    if person is None:
        messages.info(request, _("First tell the network who you are."))
        return redirect("network:profile")
    form = JoinForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            email_rate_limit(request, action="join", address=request.user.email)
            services.join_request_create(
                person=person,
                organisation=form.cleaned_data["organisation"],
                kind=form.cleaned_data["kind"],
                motivation=form.cleaned_data["motivation"],
                language=current_language(),
            )
        except RateLimited as error:
            form.add_error(None, str(error))
            status = 429
        except services.JoinError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request has been sent to the coordinators."))
            return redirect("network:join")
    return TemplateResponse(
        request,
        "network/join.html",
        {
            "form": form,
            "person": person,
            "requests": person.join_requests.select_related("organisation"),
            "organisation_names": selectors.organisation_names(),
        },
        status=status,
    )


@coordinator_required
def join_requests(request):
    pending = selectors.pending_join_requests()
    return render(
        request,
        "network/join_requests.html",
        {"pending": pending, "decided": selectors.decided_join_requests()[:20]},
    )


@coordinator_required
def join_request_decide(request, pk):
    join_request = get_object_or_404(JoinRequest, pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_decide(
                join_request=join_request,
                decided_by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except services.JoinError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The decision has been recorded and emailed."))
            return redirect("network:join_requests")
    return TemplateResponse(
        request, "network/join_request_decide.html", {"join_request": join_request, "form": form}
    )


@login_required
def people(request):
    form = PeopleSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "").strip() if form.is_valid() else ""
    return TemplateResponse(
        request,
        "network/people.html",
        {"form": form, "people": list(selectors.people_directory(query=query)), "query": query},
    )


@login_required
def register_organisation(request):
    person = getattr(request.user, "person", None)
    if person is None:
        messages.info(request, _("First tell the network who you are."))
        return redirect("network:profile")
    form = OrganisationRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_register(
                person=person,
                name=form.cleaned_data["name"],
                website=form.cleaned_data["website"],
                motivation=form.cleaned_data["motivation"],
                language=current_language(),
            )
        except services.JoinError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request has been sent to the coordinators."))
            return redirect("network:join")
    return TemplateResponse(request, "network/register_organisation.html", {"form": form})


@login_required
def my_data(request):
    """Everything the platform holds on the reader, as a JSON download."""
    data = services.person_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def account_delete(request):
    """Delete one's own account after confirming; only a POST changes anything."""
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.person_erase(user=user, language=current_language())
        messages.success(
            request, _("Your account has been deleted. We sent a confirmation to your address.")
        )
        return redirect(f"/{current_language()}/")
    return TemplateResponse(request, "network/account_delete.html", {"form": form})
