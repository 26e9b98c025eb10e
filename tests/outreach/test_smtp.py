"""342 campaign emails through the task and real SMTP to a local sink (aiosmtpd): each arrives
exactly once, at no more than the configured rate. Timing figures are in bench/outreach.py."""

from collections import Counter

import pytest

from pioneers.outreach import services
from pioneers.outreach.models import Campaign, Recipient
from tests.outreach.conftest import make_campaign, make_municipalities
from tests.outreach.smtp_sink import smtp_sink, use_sink

pytestmark = pytest.mark.django_db

COUNT = 342
RATE = 150  # messages a second: the whole test stays within a few seconds


def test_342_emails_arrive_once_each_at_the_rate(
    settings, province, django_capture_on_commit_callbacks
):
    settings.OUTREACH_RATE = RATE
    organisations = make_municipalities(province, COUNT)
    campaign = make_campaign(province)
    with smtp_sink() as (sink, port):
        use_sink(settings, port)
        with django_capture_on_commit_callbacks(execute=True):  # the task runs on commit
            assert services.campaign_queue(campaign=campaign) == COUNT
            services.campaign_queue(campaign=campaign)  # a double click queues nothing more
        services.campaign_send(campaign_id=campaign.pk)  # a second worker sends nothing
        received = list(sink.received)
    arrivals = Counter(address for _time, recipients in received for address in recipients)
    assert arrivals == Counter(o.public_email for o in organisations)  # each exactly once
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE
    assert campaign.recipients.filter(status=Recipient.Status.SENT).count() == COUNT
    times = sorted(time for time, _recipients in received)
    # The rate holds: the n-th email leaves (n - 1) intervals after the first at the earliest,
    # and no second holds more than the rate (with a little slack for the sink's clock).
    assert times[-1] - times[0] >= (COUNT - 1) / RATE * 0.95
    most_in_a_second = max(
        sum(1 for later in times[i:] if later - start < 1.0) for i, start in enumerate(times)
    )
    assert most_in_a_second <= RATE * 1.05 + 2
