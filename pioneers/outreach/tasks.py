"""Background tasks of the outreach app: sending a campaign's emails, building its letters."""

from django_tasks import task

from pioneers.outreach.services import campaign_send, letters_pdf_build


@task()
def send_campaign(*, campaign_id: int) -> int:
    """Send a campaign's due emails at the configured rate; returns how many were sent."""
    return campaign_send(campaign_id=campaign_id)


@task()
def build_letters(*, campaign_id: int) -> str:
    """Build a campaign's printable letters (one PDF) and keep it; returns the status."""
    return letters_pdf_build(campaign_id=campaign_id)
