"""Reads about the network: members, organisations, provinces."""

from django.db.models import Exists, OuterRef, Q, Subquery

from pioneers.core.cache import cached
from pioneers.network.models import Membership, Organisation

_CURRENT = Membership.objects.filter(organisation=OuterRef("pk"), status=Membership.Status.MEMBER)


def current_members():
    """Organisations that are members of the network now."""
    return Organisation.objects.filter(Exists(_CURRENT))


def member_municipality_count() -> int:
    return cached(
        "network:member-municipalities",
        lambda: current_members().filter(kind=Organisation.Kind.MUNICIPALITY).count(),
    )


def member_municipalities(*, province: Organisation | None = None, query: str = ""):
    """Member municipalities by name, with their province and the date they joined; one query."""
    members = (
        current_members()
        .filter(kind=Organisation.Kind.MUNICIPALITY)
        .select_related("province")
        .annotate(
            member_since_date=Subquery(_CURRENT.order_by("member_since").values("member_since")[:1])
        )
        .order_by("name")
    )
    if province is not None:
        members = members.filter(province=province)
    if query:
        members = members.filter(Q(name__icontains=query) | Q(province__name__icontains=query))
    return members


def provinces():
    return Organisation.objects.filter(kind=Organisation.Kind.PROVINCE).order_by("name")


def member_codes() -> set[str]:
    """CBS codes of the member municipalities, for the map."""
    return set(
        current_members()
        .filter(kind=Organisation.Kind.MUNICIPALITY)
        .values_list("cbs_code", flat=True)
    )


def organisation_detail(slug: str) -> Organisation | None:
    return Organisation.objects.select_related("province").filter(slug=slug).first()


def membership_history(organisation: Organisation) -> list[Membership]:
    return list(organisation.memberships.order_by("-created_at"))
