"""`pioneers site_defaults`: a new installation gets a home page and a privacy statement.

Run by `pioneers setup`. What exists stays as it is (the demo's pages, or what coordinators
made); the privacy statement has placeholders in square brackets for them to fill in.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from pioneers.core.models import NetworkSettings
from pioneers.network.models import Membership
from pioneers.publications.privacy import PLACEHOLDERS, privacy_page
from pioneers.publications.services import site_tree_ensure

HOME_TEXT = {
    "nl": {
        "slug": "home",
        "intro": "<p>[Wat het netwerk is, voor wie en wat het doet. Pas deze tekst aan in het "
        "beheer.]</p>",
        "join_heading": "Meedoen",
        "join_text": "<p>Maak een account aan en meld je aan bij je organisatie. Is je "
        "organisatie nog geen lid, dan kun je haar aanmelden.</p>",
    },
    "en": {
        "slug": "home-en",
        "intro": "<p>[What the network is, who it is for and what it does. Edit this text in "
        "the admin.]</p>",
        "join_heading": "Join",
        "join_text": "<p>Create an account and join your organisation. If your organisation "
        "is not a member yet, you can propose it.</p>",
    },
}


def default_pages(network: NetworkSettings) -> tuple[dict, list[dict]]:
    home = {
        language: {"title": getattr(network, f"name_{language}"), **HOME_TEXT[language]}
        for language in ("nl", "en")
    }
    privacy = {"menu": False, "footer": True}
    # The controller is the organisation that leads the network, when one is known already.
    lead = (
        Membership.objects.filter(is_lead=True, status=Membership.Status.MEMBER)
        .select_related("organisation")
        .first()
    )
    for language in ("nl", "en"):
        facts = dict(PLACEHOLDERS[language])
        if network.contact_email:
            facts["contact"] = network.contact_email
        if lead is not None:
            facts["controller"] = lead.organisation.name
        privacy[language] = privacy_page(
            language, network=getattr(network, f"name_{language}"), **facts
        )
    return home, [privacy]


class Command(BaseCommand):
    help = "Give a new installation a home page and a privacy statement to edit."

    @transaction.atomic
    def handle(self, *args, **options):
        home, pages = default_pages(NetworkSettings.load())
        made = site_tree_ensure(home=home, pages=pages)
        if made and options["verbosity"]:
            self.stdout.write(f"Pages made: {', '.join(made)}. Edit them in the admin.")
