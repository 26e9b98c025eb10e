"""Public pages of the network: the members directory with its map, and organisation pages."""

from django.http import Http404
from django.shortcuts import render

from pioneers.network import selectors
from pioneers.network.forms import MemberFilterForm
from pioneers.network.map import network_map_svg


def members(request):
    form = MemberFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    members = list(
        selectors.member_municipalities(
            province=filters.get("province"), query=filters.get("q", "").strip()
        )
    )
    context = {
        "form": form,
        "members": members,
        "filtered": bool(filters and any(filters.values())),
    }
    if request.htmx:
        return render(request, "network/_member_list.html", context)
    context["map_svg"] = network_map_svg()
    return render(request, "network/members.html", context)


def organisation(request, slug):
    organisation = selectors.organisation_detail(slug)
    if organisation is None:
        raise Http404
    history = selectors.membership_history(organisation)
    current = next((m for m in history if m.status == m.Status.MEMBER), None)
    return render(
        request,
        "network/organisation.html",
        {"organisation": organisation, "membership": current, "history": history},
    )
