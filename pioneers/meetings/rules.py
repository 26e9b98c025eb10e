"""The meetings' roles and permissions (django-rules), registered when the app is ready.

The host of a meeting is a pioneer of the host organisation, until check-in closes (a day
after the meeting by default), so they can still record who came the next morning.
"""

import rules

from pioneers.core.roles import is_coordinator
from pioneers.network.rules import is_organisation_member


def hosts(user, meeting, now=None) -> bool:
    """The host predicate at a given moment (``now``; tests and the planner look ahead)."""
    if user is None or not user.is_authenticated:
        return False
    person = getattr(user, "person", None)
    return (
        person is not None
        and person.organisation_id == meeting.host_id
        and meeting.checkin_state(now) != "closed"
    )


@rules.predicate
def is_meeting_host(user, meeting) -> bool:
    return meeting is not None and hosts(user, meeting)


# Members' meetings are for pioneers of a member organisation, and for the coordinators.
attends_members_meetings = is_coordinator | is_organisation_member

rules.add_perm("meetings.manage_guests", is_coordinator | is_meeting_host)
# The registration form promises the address is never shown to others: hosts never see it.
rules.add_perm("meetings.see_guest_emails", is_coordinator)
# After check-in closes only coordinators correct the attendance.
rules.add_perm("meetings.correct_attendance", is_coordinator)
