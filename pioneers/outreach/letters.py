"""A campaign's printable letters: one PDF, each letter on its own pages with an address block
for a window envelope, in the campaign's Dutch (letters go to the municipalities' general
address)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from pioneers.core.models import NetworkSettings
from pioneers.outreach import selectors
from pioneers.outreach.models import Campaign, merge
from pioneers.outreach.services import merge_values


def campaign_letters(campaign: Campaign) -> list[dict]:
    """Each recipient's letter: address block, subject and paragraphs, merged."""
    letters = []
    for recipient in selectors.letters(campaign):
        values = merge_values(recipient)
        values["unsubscribe_link"] = ""  # on paper, replying "not now" is the way to opt out
        subject, body = campaign.text(translation.get_language())
        paragraphs = [p.strip() for p in merge(body, values).split("\n\n") if p.strip()]
        letters.append(
            {
                "name": recipient.organisation.name,
                "address": [
                    line.strip()
                    for line in recipient.organisation.postal_address.splitlines()
                    if line.strip()
                ],
                "subject": merge(subject, values),
                "paragraphs": paragraphs,
                "reply_link": values["reply_link"],
            }
        )
    return letters


def campaign_letters_document(campaign: Campaign):
    """The letters laid out (a WeasyPrint document), each starting on a new page."""
    from pioneers.core.pdf import layout  # heavy: WeasyPrint loads only here

    language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "campaign": campaign,
            "letters": campaign_letters(campaign),
            "network": NetworkSettings.load(),
            "date": timezone.localdate(campaign.queued_at or timezone.now()),
            "language": language,
        }
        html = render_to_string("outreach/pdf/letters.html", context)
        stylesheet = render_to_string("outreach/pdf/letters.css", context)
    return layout(html, stylesheet)


def campaign_letters_pdf(campaign: Campaign) -> bytes:
    from pioneers.core.pdf import write_options

    return campaign_letters_document(campaign).write_pdf(**write_options())
