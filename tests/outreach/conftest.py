import pytest

from pioneers.core.models import User
from pioneers.network.models import Organisation
from pioneers.outreach import services
from pioneers.outreach.models import Campaign

LETTER = (
    "Beste {contact_name},\n\nWil {municipality} meedoen met het netwerk?\n\n"
    "Antwoord via {reply_link}.\n\nAfmelden: {unsubscribe_link}"
)


@pytest.fixture
def coordinator(client, demo):
    """The demo's coordinator, logged in."""
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


@pytest.fixture
def province(demo):
    return Organisation.objects.create(name="Testland", slug="testland", kind="province")


def make_municipalities(province, count: int, *, start: int = 0) -> list[Organisation]:
    """Municipalities in the test province, with a general address and a postal address."""
    return Organisation.objects.bulk_create(
        Organisation(
            name=f"Testgemeente {n:03d}",
            slug=f"testgemeente-{n:03d}",
            kind=Organisation.Kind.MUNICIPALITY,
            province=province,
            public_email=f"info@testgemeente-{n:03d}.example.org",
            postal_address=f"Postbus {n}\n1234 AB Testgemeente {n:03d}",
        )
        for n in range(start, start + count)
    )


@pytest.fixture
def municipalities(province):
    return make_municipalities(province, 3)


def make_campaign(province, **fields) -> Campaign:
    values = {
        "title": "Uitnodiging 2018",
        "subject": "Doe mee, {municipality}",
        "body": LETTER,
        "channel": Campaign.Channel.EMAIL,
        "kind": Organisation.Kind.MUNICIPALITY,
        "province": province,
        "membership": Campaign.Membership.NON_MEMBERS,
        **fields,
    }
    return services.campaign_create(user=None, **values)


@pytest.fixture
def campaign(province, municipalities):
    return make_campaign(province)
