"""Reads about the network."""

from pioneers.core.cache import cached
from pioneers.network.models import Membership, Organisation


def current_members():
    """Organisations that are members of the network now."""
    return Organisation.objects.filter(memberships__status=Membership.Status.MEMBER).distinct()


def member_municipality_count() -> int:
    return cached(
        "network:member-municipalities",
        lambda: current_members().filter(kind=Organisation.Kind.MUNICIPALITY).count(),
    )
