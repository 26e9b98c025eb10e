"""What changes to the network make stale in the caches: the map, the directory, member figures."""

from pioneers.core.cache import SITE


def organisation_tag(pk) -> str:
    """One organisation's activity block: changed by what counts for it alone (a check-in of
    one of its people, a practice taken up by or from it)."""
    return f"organisation:{pk}"


def organisation_tags(organisation) -> set[str]:
    # Names of organisations are everywhere: hosts of meetings, publishers of reports,
    # municipalities of practices and articles. They change rarely.
    return {SITE, "network", "meetings"}


def membership_tags(membership) -> set[str]:
    # The lead organisation publishes the reports that name no publisher.
    return {"network", SITE} if membership.is_lead else {"network"}


def person_tags(person) -> set[str]:
    # A public profile shows on its organisation's page; everyone counts on the members list.
    return {"network"}
