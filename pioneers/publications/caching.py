"""What changes to publications make stale in the caches, besides their pages (core: "site")."""

from pioneers.core.cache import SITE


def reuse_tags(reuse) -> set[str]:
    # The practice's page counts the organisations that try it too.
    return {f"practice:{reuse.practice_id}"}


def person_tags(person) -> set[str]:
    """A person's name is on the articles they wrote and on practices that name them."""
    if person.pk and (
        person.magazine_authorships.exists()
        or person.practices.filter(contact_consent=True).exists()
    ):
        return {SITE}
    return set()
