"""What changes to the knowledge base make stale in the caches, besides its pages (core: "site")."""

from pioneers.core.cache import SITE
from pioneers.network.caching import organisation_tag

# The accepted nominations (the open-data API lists them).
NOMINATIONS = "nominations"


def reuse_tags(reuse) -> set[str]:
    # The practice's page counts the organisations that try it too; the page of the one that
    # takes it up and of the one that shared it list it; the home page ranks the practices most
    # taken up ("practices").
    from pioneers.practices.models import PracticePage  # apps.py imports this module early

    municipality = (
        PracticePage.objects.filter(pk=reuse.practice_id).values_list("municipality", flat=True)
    ).first()
    tags = {f"practice:{reuse.practice_id}", "practices", organisation_tag(reuse.organisation_id)}
    if municipality:
        tags.add(organisation_tag(municipality))
    return tags


def person_tags(person) -> set[str]:
    """A person's name is on the practices that name them as contact, with their consent."""
    if person.pk and person.practices.filter(contact_consent=True).exists():
        return {SITE}
    return set()
