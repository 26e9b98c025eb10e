"""Organisations as schema.org data: on their own page, and as the object of other items."""

from pioneers.core.linked_data import CONTEXT
from pioneers.core.links import absolute_url
from pioneers.network.models import Organisation

PUBLIC_BODIES = {Organisation.Kind.MUNICIPALITY, Organisation.Kind.PROVINCE, "ministry"}


def organisation_ref(organisation: Organisation) -> dict:
    """An organisation as the object of another item: its type, name and the @id of its page."""
    url = absolute_url(organisation.get_absolute_url())
    kind = "GovernmentOrganization" if organisation.kind in PUBLIC_BODIES else "Organization"
    return {"@type": kind, "@id": f"{url}#organisation", "name": organisation.name, "url": url}


def organisation_json_ld(organisation: Organisation) -> dict:
    data = {"@context": CONTEXT, **organisation_ref(organisation)}
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if organisation.province_id:
        data["address"] = {
            "@type": "PostalAddress",
            "addressRegion": organisation.province.name,
            "addressCountry": "NL",
        }
    return data
