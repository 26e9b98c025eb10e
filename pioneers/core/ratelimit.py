"""Limits on the forms that send email, counted in the cache, so nobody floods an inbox.

Each form counts per address and per client (the account when logged in, else the IP address)
in fixed windows of an hour: one counter per window that ``cache.add`` creates and
``cache.incr`` raises, both atomic on the local-memory cache, the file cache (core/filebased.py)
and Redis. django-allauth limits its own forms (sign-up, login codes, password resets) with the
same numbers, set in settings.py.
"""

import hashlib
import ipaddress
import math
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import ngettext

WINDOW_SECONDS = 3600


class RateLimited(Exception):
    """Too many emails asked for; the message says when to try again."""

    def __init__(self, retry_after: float):
        self.retry_after = retry_after
        minutes = max(1, math.ceil(retry_after / 60))
        super().__init__(
            ngettext(
                "Too many requests from this connection or for this email address. "
                "Try again in %(minutes)d minute.",
                "Too many requests from this connection or for this email address. "
                "Try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes}
        )


def _digest(value: str) -> str:
    # Keys carry no email address or IP address in the clear.
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def client_of(request) -> str:
    """Who sends: the account when logged in, else the IP address (IPv6 by its /64 network).

    The IP address is allauth's, so its settings for trusted proxies count here too.
    """
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return address_of(request)


def address_of(request) -> str:
    """The client's IP address (IPv6 by its /64 network), without looking at the session: the
    public API counts per address and asks no query for it."""
    try:
        ip = get_adapter().get_client_ip(request)
    except PermissionDenied:
        return "ip:unknown"
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return f"ip:{ip}"
    if address.version == 6:
        return f"ip:{ipaddress.ip_network(f'{address}/64', strict=False).network_address}"
    return f"ip:{address}"


def count(key: str, limit: int, window: int = WINDOW_SECONDS) -> None:
    """Count one use of ``key`` in this window; raise RateLimited when it is over ``limit``."""
    now = time.time()
    start = int(now // window) * window
    counter = f"ratelimit:{key}:{start}"
    left = start + window - now
    cache.add(counter, 0, math.ceil(left) + 1)
    try:
        used = cache.incr(counter)
    except ValueError:  # the window ended between add and incr: this is the next one's first
        used = 1
    if used > limit:
        raise RateLimited(left)


def email_rate_limit(request, *, action: str, address: str | None) -> None:
    """One more email from the form ``action`` to or for ``address``; raise RateLimited if over.

    The client is counted first, so a client over its limit does not use up an address's.
    ``address=None``: the email goes to the logged-in account's own address, which nobody else
    can make the form send to; only the client (the account) is counted.
    """
    count(f"{action}:client:{_digest(client_of(request))}", settings.EMAIL_RATE_PER_CLIENT)
    if address is not None:
        key = f"{action}:address:{_digest(address.strip().lower())}"
        count(key, settings.EMAIL_RATE_PER_ADDRESS)


def first_time(key: str, seconds: int) -> bool:
    """True once per ``seconds`` for a key, to whichever request asks first."""
    return cache.add(f"once:{_digest(key)}", 1, seconds)


# Counts not yet added to the shared counter, per process: {key: [window start, unsent, shared]}.
_unsent: dict[str, list[int]] = {}


def count_in_batches(key: str, limit: int, window: int) -> None:
    """count() for limits in the hundreds a minute (the API): each process adds its uses to the
    shared counter in batches of a twentieth of the limit, so most requests cost no cache write.
    Processes together may let through one batch each beyond the limit; a limit under 20 is
    counted exactly."""
    now = time.time()
    start = int(now // window) * window
    left = start + window - now
    entry = _unsent.get(key)
    if entry is None or entry[0] != start:
        if len(_unsent) > 10_000:  # many clients: forget the old windows
            _unsent.clear()
        entry = _unsent[key] = [start, 0, 0]
    entry[1] += 1
    if entry[1] >= max(1, limit // 20):
        counter = f"ratelimit:{key}:{start}"
        cache.add(counter, 0, math.ceil(left) + 1)
        try:
            entry[2] = cache.incr(counter, entry[1])
        except ValueError:  # the window ended between add and incr
            entry[2] = entry[1]
        entry[1] = 0
    if entry[2] + entry[1] > limit:
        raise RateLimited(left)
