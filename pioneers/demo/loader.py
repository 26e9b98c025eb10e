"""Loading the demo network: each domain's module in turn, inside one transaction.

Everything here is demo data; no other module knows about one particular network. Loading is
idempotent: what exists already is left as it is, so edits made in the admin survive. It
refuses a database that has real accounts, unless forced, so a real site never gets the
demo's accounts and their published password.
"""

from django.db import transaction
from django.utils.translation import ngettext

from pioneers.core.models import User
from pioneers.demo import (
    cfp,
    commitments,
    evaluation,
    home,
    magazine,
    meetings,
    network,
    outreach,
    practices,
    reports,
    topics,
)
from pioneers.demo.network import COORDINATOR_EMAIL, DEMO_PASSWORD, MEMBER_EMAIL

__all__ = ["COORDINATOR_EMAIL", "DEMO_PASSWORD", "MEMBER_EMAIL", "DemoRefused", "load_demo"]


class DemoRefused(Exception):
    """The database has accounts of real people; the demo would add accounts anyone can use."""


def real_accounts() -> list[str]:
    """Email addresses of active accounts that the demo did not make."""
    return sorted(
        User.objects.filter(is_active=True)
        .exclude(email__in=network.demo_emails())
        .values_list("email", flat=True)
    )


def demo_accounts_exist() -> bool:
    """True when the demo accounts still have the demo password (so the banner may show it)."""
    user = User.objects.filter(email=COORDINATOR_EMAIL).first()
    return user is not None and user.check_password(DEMO_PASSWORD)


@transaction.atomic
def load_demo(stdout, *, force: bool = False) -> None:
    if not force and (accounts := real_accounts()):
        raise DemoRefused(
            ngettext(
                "This database has %(count)d active account that is not the demo's: %(email)s. "
                "The demo adds accounts with a published password, so it is not loaded here. "
                "Use --force to load it anyway.",
                "This database has %(count)d active accounts that are not the demo's, such as "
                "%(email)s. The demo adds accounts with a published password, so it is not "
                "loaded here. Use --force to load it anyway.",
                len(accounts),
            )
            % {"count": len(accounts), "email": accounts[0]}
        )
    network.network(stdout)
    network.site_tree(stdout)
    network.accounts(stdout)
    network.pioneers(stdout)
    topics.load(stdout)
    meetings.load(stdout)
    cfp.load(stdout)
    reports.load(stdout)
    practices.load(stdout)
    magazine.load(stdout)
    evaluation.load(stdout)
    commitments.load(stdout)
    outreach.load(stdout)
    home.load(stdout)
