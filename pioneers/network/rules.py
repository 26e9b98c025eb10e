"""The network's roles and permissions (django-rules), registered when the app is ready.

A member of an organisation is a pioneer (Person) of an approved member organisation; a
pending request to join is not enough, a coordinator decides first.
"""

import rules

from pioneers.core.roles import is_coordinator
from pioneers.network.selectors import member_organisation


@rules.predicate
def is_organisation_member(user) -> bool:
    return user is not None and member_organisation(user) is not None


# The contact log and the join requests are for coordinators only.
rules.add_perm("network.see_contact_log", is_coordinator)
rules.add_perm("network.decide_join_requests", is_coordinator)
