"""Response rules that hold on every page: security headers, honest status codes, page cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.forms import BaseForm, BaseFormSet
from django.http import HttpResponse
from django.utils.translation import get_language
from wagtail.models import Site

from pioneers.core.access import CoordinatorsOnly
from pioneers.core.cache import (
    ALL,
    SITE,
    cached,
    page_tags_end,
    page_tags_start,
    version_key,
    versions,
)
from pioneers.core.live import PREFIX, fill
from pioneers.core.views import permission_denied

PUBLIC_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
# Wagtail's editing interface still writes inline scripts and styles, so /admin/ gets a policy
# that allows those but keeps every other restriction.
ADMIN_POLICY = PUBLIC_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'unsafe-inline'"
).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy without 'unsafe-inline' on every public page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith("/admin/")
            response["Content-Security-Policy"] = ADMIN_POLICY if admin else PUBLIC_POLICY
        return response


def _forms(value, depth: int = 2):
    """The forms and formsets in a context value: itself, or inside lists and tuples (rows)."""
    if isinstance(value, BaseForm | BaseFormSet):
        yield value
    elif depth and isinstance(value, list | tuple):
        for item in value:
            yield from _forms(item, depth - 1)


class StatusCodeMiddleware:
    """The one place that sets the status of a refused form: 422, and 404 for a dead link.

    Django and allauth answer a rejected form and a dead confirmation link with 200. A POST
    answered with a page whose context holds a submitted form (or formset, also in a list of
    rows) with errors answers 422, so browsers' tools, monitoring and tests see what happened;
    the page itself is unchanged. Views therefore return a TemplateResponse and put a service's
    refusal on the form (``form.add_error(None, str(error))``); they pass no 422 themselves.
    Other statuses (429 for a rate limit) a view sets itself, and they are kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        context = response.context_data or {}
        # Wagtail's admin reads its own status codes; leave it alone.
        if response.status_code != 200 or request.path.startswith("/admin/"):
            return response
        if request.method == "POST" and any(
            form.is_bound and not form.is_valid()
            for value in context.values()
            for form in _forms(value)
        ):
            response.status_code = 422
        match = request.resolver_match
        if match and match.url_name == "account_confirm_email" and not context.get("confirmation"):
            response.status_code = 404
        return response


class AnonymousPageCacheMiddleware:
    """Serve public pages to visitors without a session from a cache, and fill in live fragments.

    Only GET and HEAD requests without a query string and without session or message cookies are
    served from it, and only 200 HTML responses that set no cookie (a page with a form sets the
    CSRF cookie) are stored. A stored page keeps the versions of the tags it was rendered under
    ("site" always; a view adds its own with ``page_depends_on``, a cached fragment its tags); a
    hit whose tags have moved on since is a miss. PAGE_CACHE_SECONDS bounds staleness for changes
    that bypass signals. Every HTML response, cached or not, gets its live fragments filled in.
    """

    # The API (/api/) keeps its own cache, with ETags.
    SKIP_PREFIXES = (
        "/admin/",
        "/healthz",
        "/static/",
        "/media/",
        "/private/",
        "/documents/",
        "/api/",
    )
    SKIP_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
    # Never stored with the page: the length changes when live fragments are filled in.
    UNSTORED_HEADERS = {"x-cache", "content-length"}

    def __init__(self, get_response):
        self.get_response = get_response

    def _key(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return None
        if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
            return None
        if request.path.startswith(self.SKIP_PREFIXES) or "/accounts/" in request.path:
            return None
        if any(name in request.COOKIES for name in self.SKIP_COOKIES):
            return None
        if "HTTP_HX_REQUEST" in request.META:
            return None  # an HTMX request gets a fragment, not the page
        # get_host() also enforces ALLOWED_HOSTS, which a cache hit would otherwise skip. The
        # address is hashed: any length and character a visitor types makes a valid key.
        address = f"{request.get_host()}:{request.path}".encode()
        return f"page:{hashlib.sha256(address).hexdigest()}"

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            # Not cached, but its fragments still share the tag versions they read.
            _page_tags, token = page_tags_start({})
            try:
                response = self.get_response(request)
            finally:
                page_tags_end(token)
            return _with_live_fragments(response)
        default = [version_key(ALL), version_key(SITE)]
        # One round trip for the page and the versions every page depends on.
        found = cache.get_many([key, *default])
        entry = found.get(key)
        if entry is not None:
            content, headers, stored = entry
            if versions(stored, known=found) == stored:
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                response["X-Cache"] = "hit"
                response = _with_live_fragments(response)
                response["Content-Length"] = str(len(response.content))
                if request.method == "HEAD":
                    response.content = b""
                return response
        page_tags, token = page_tags_start(versions({ALL, SITE}, known=found))
        request.cache_tags = page_tags
        try:
            response = self.get_response(request)
        finally:
            page_tags_end(token)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith("text/html")
            and "no-store" not in response.get("Cache-Control", "")
            and "private" not in response.get("Cache-Control", "")
        ):
            headers = [
                (k, v) for k, v in response.items() if k.lower() not in self.UNSTORED_HEADERS
            ]
            entry = (response.content, headers, page_tags.versions)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        response["X-Cache"] = "miss"
        return _with_live_fragments(response)


def _with_live_fragments(response):
    if (
        response.streaming
        or not response.get("Content-Type", "").startswith("text/html")
        or PREFIX not in response.content
    ):
        return response
    language = response.get("Content-Language") or get_language()
    response.content = fill(response.content, language)
    response["Content-Length"] = str(len(response.content))
    return response


class AdminAccessMiddleware:
    """Someone logged in without access to Wagtail's admin gets 403 there, not a login loop.

    Wagtail sends them to the login page, and the login page sends a logged-in person straight
    back. Visitors who are not logged in still go to the login page (Wagtail does that).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return permission_denied(request, CoordinatorsOnly())
        return self.get_response(request)


class WagtailSiteMiddleware:
    """Wagtail looks up the site of every request in the database; keep the answer cached.

    The site and its root page are cached under the "site" tag like every other fragment, so a
    change to a site or a page takes effect at once. The admin keeps its own lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/"):
            try:
                host = request.get_host()
            except DisallowedHost:
                return self.get_response(request)  # Django answers 400 further on
            request._wagtail_site = cached(f"wagtail-site:{host}", lambda: _find_site(request))
        return self.get_response(request)


def _find_site(request):

    site = Site._find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 - loaded now, so it is cached with the site
    return site
