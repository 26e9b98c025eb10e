"""What changes to the knowledge base make stale in the caches, besides its pages (core: "site")."""

from pioneers.core.cache import SITE


def reuse_tags(reuse) -> set[str]:
    # The practice's page counts the organisations that try it too; the home page ranks the
    # practices most taken up ("practices").
    return {f"practice:{reuse.practice_id}", "practices"}


def person_tags(person) -> set[str]:
    """A person's name is on the practices that name them as contact, with their consent."""
    if person.pk and person.practices.filter(contact_consent=True).exists():
        return {SITE}
    return set()
