"""What changes to the magazine make stale in the caches, besides its pages (core: "site")."""

from pioneers.core.cache import SITE


def person_tags(person) -> set[str]:
    """A person's name is on the articles they wrote."""
    if person.pk and person.magazine_authorships.exists():
        return {SITE}
    return set()
