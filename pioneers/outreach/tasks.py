"""Background tasks of the outreach app: sending a campaign's emails."""

from django_tasks import task

from pioneers.outreach.services import campaign_send


@task()
def send_campaign(*, campaign_id: int) -> int:
    """Send a campaign's due emails at the configured rate; returns how many were sent."""
    return campaign_send(campaign_id=campaign_id)
