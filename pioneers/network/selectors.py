"""Reads about the network: members, organisations, provinces."""

import re

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from pioneers.core.cache import cached
from pioneers.core.roles import is_coordinator
from pioneers.network.models import JoinRequest, Membership, Organisation, Person

PHOTO_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}\.jpg")
_CURRENT = Membership.objects.filter(organisation=OuterRef("pk"), status=Membership.Status.MEMBER)


def approved_organisations():
    """Organisations everyone may see: all but those proposed and not yet approved."""
    return Organisation.objects.filter(is_approved=True)


def current_members():
    """Organisations that are members of the network now."""
    return approved_organisations().filter(Exists(_CURRENT))


def member_municipality_count() -> int:
    return cached(
        "network:member-municipalities",
        lambda: current_members().filter(kind=Organisation.Kind.MUNICIPALITY).count(),
        tags=["network"],
    )


def member_municipalities(*, province: Organisation | None = None, query: str = ""):
    """Member municipalities by name, with their province and the date they joined; one query."""
    members = (
        current_members()
        .filter(kind=Organisation.Kind.MUNICIPALITY)
        .select_related("province")
        .annotate(
            member_since_date=Subquery(
                _CURRENT.order_by("member_since").values("member_since")[:1]
            ),
            pioneer_count=Coalesce(
                Subquery(
                    Person.objects.filter(organisation=OuterRef("pk"))
                    .order_by()
                    .values("organisation")
                    .annotate(n=Count("pk"))
                    .values("n")[:1],
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
        )
        .order_by("name")
    )
    if province is not None:
        members = members.filter(province=province)
    if query:
        members = members.filter(Q(name__icontains=query) | Q(province__name__icontains=query))
    return members


def invites_to_join(organisation: Organisation, *, membership: Membership | None) -> bool:
    """A municipality's page invites it to join while it is not a member (proposed
    organisations have their own way in: the coordinators' approval)."""
    return (
        membership is None
        and organisation.kind == Organisation.Kind.MUNICIPALITY
        and organisation.is_approved
    )


NON_MEMBERS_SHOWN = 20


def non_member_municipalities(*, query: str, province: Organisation | None = None) -> list:
    """Municipalities whose name matches and that are not members now, by name: the members
    search shows them with a link to their page, where they find how to join."""
    found = (
        approved_organisations()
        .filter(kind=Organisation.Kind.MUNICIPALITY, name__icontains=query)
        .exclude(Exists(_CURRENT))
        .select_related("province")
        .order_by("name")
    )
    if province is not None:
        found = found.filter(province=province)
    return found[:NON_MEMBERS_SHOWN]


def provinces():
    return Organisation.objects.filter(kind=Organisation.Kind.PROVINCE).order_by("name")


def member_codes() -> set[str]:
    """CBS codes of the member municipalities, for the map."""
    return set(
        current_members()
        .filter(kind=Organisation.Kind.MUNICIPALITY)
        .values_list("cbs_code", flat=True)
    )


def organisation_detail(slug: str, *, user) -> Organisation | None:
    """The organisation, if this user may see it: a proposed one only its proposer and the
    coordinators see until it is approved."""
    organisation = Organisation.objects.select_related("province").filter(slug=slug).first()
    if organisation is None or organisation.is_approved or is_coordinator(user):
        return organisation
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is not None and organisation.join_requests.filter(person=person).exists():
        return organisation
    return None


def membership_history(organisation: Organisation) -> list[Membership]:
    return list(organisation.memberships.order_by("-created_at"))


def public_people(organisation: Organisation):
    """People of an organisation who consented to a public profile: never their contact data."""
    return organisation.people.filter(public_profile=True).only(
        "name", "job_title", "role", "organisation_id"
    )


def organisation_names() -> list[str]:
    return cached(
        "network:organisation-names",
        lambda: list(approved_organisations().order_by("name").values_list("name", flat=True)),
        tags=["network"],
    )


def pending_join_requests():
    return (
        JoinRequest.objects.filter(status=JoinRequest.Status.PENDING)
        .select_related("person__user", "organisation")
        .order_by("created_at")
    )


def decided_join_requests():
    return (
        JoinRequest.objects.exclude(status=JoinRequest.Status.PENDING)
        .select_related("person", "organisation", "decided_by")
        .order_by("-decided_at")
    )


def partners():
    """Civil-society organisations and expertise centres that take part."""
    return (
        current_members()
        .filter(kind__in=[Organisation.Kind.CIVIL_SOCIETY, Organisation.Kind.EXPERTISE_CENTRE])
        .order_by("name")
    )


def people_directory(*, query: str = ""):
    """Consenting profiles only, for logged-in members; never contact data."""
    people = Person.objects.filter(public_profile=True).select_related("organisation")
    if query:
        people = people.filter(Q(name__icontains=query) | Q(organisation__name__icontains=query))
    return people.order_by("name")


def member_organisation(user):
    """The member organisation a logged-in user is a pioneer of, or None."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None or person.organisation_id is None:
        return None
    return current_members().filter(pk=person.organisation_id).first()


def visible_photo_owner(*, name: str, user) -> Person | None:
    """The person whose stored photo has this file name, if ``user`` may see it.

    A public profile's photo is for everyone; a private one for its owner and the coordinators.
    """
    if not PHOTO_NAME.fullmatch(name):
        return None  # not a name photo_upload_to makes; no query with whatever was sent
    person = Person.objects.exclude(photo="").filter(photo=f"people/{name}").first()
    if person is None:
        return None
    if person.public_profile:
        return person
    if user.is_authenticated and (is_coordinator(user) or user.pk == person.user_id):
        return person
    return None
