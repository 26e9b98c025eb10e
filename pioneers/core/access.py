"""Pages for the network's coordinators: others get a page that says why, never a login loop."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class CoordinatorsOnly(PermissionDenied):
    """A coordinators' page asked for by someone logged in without that role."""


def coordinator_required(view):
    """Coordinators only (``core.coordinate``): a visitor is sent to the login page once,
    anyone else logged in gets 403.

    Django's staff_member_required sends a logged-in non-coordinator to the login page, which
    sends them back because they are logged in: the browser loops until it gives up.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("core.coordinate"):
            raise CoordinatorsOnly
        return view(request, *args, **kwargs)

    wrapped.coordinators_only = True  # tests find every coordinators' page by this
    return wrapped
