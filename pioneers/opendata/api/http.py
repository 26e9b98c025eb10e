"""The API's rules of HTTP around every endpoint: problem details, CORS for GET, a rate limit per
client, unknown parameters refused, and answers cached under the tags of what they show, with an
ETag and Last-Modified, so that a revalidation (304) asks the database nothing."""

import hashlib
import json
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.translation import gettext

from pioneers.core.cache import ALL, FRAGMENT_SECONDS, version_key, versions
from pioneers.core.ratelimit import RateLimited, address_of, count_in_batches

PROBLEM = "application/problem+json"
RATE_WINDOW = 60
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
# Which HTTP status has which title (RFC 9457: with type "about:blank" the title is the phrase).
TITLES = {
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


def problem(status: int, detail: str, **extra) -> HttpResponse:
    """An RFC 9457 problem details answer; ``detail`` in the reader's language."""
    body = {"type": "about:blank", "title": TITLES.get(status, ""), "status": status}
    body["detail"] = str(detail)
    body.update(extra)
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM)
    response["Cache-Control"] = "no-store"
    return response


def with_cors(response: HttpResponse) -> HttpResponse:
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def api_view(view):
    """Wraps each URL of the API: CORS on every answer, preflights answered here, and the rate
    limit counted before anything else runs (a client over it costs no query)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            for name, value in PREFLIGHT_HEADERS.items():
                response[name] = value
            return with_cors(response)
        try:
            count_in_batches(
                f"api:{hashlib.sha256(address_of(request).encode()).hexdigest()[:32]}",
                settings.API_RATE_PER_MINUTE,
                window=RATE_WINDOW,
            )
        except RateLimited as limited:
            seconds = max(1, math.ceil(limited.retry_after))
            response = problem(
                429,
                gettext("Too many requests from this client. Try again in %(seconds)d s.")
                % {"seconds": seconds},
            )
            response["Retry-After"] = str(seconds)
            return with_cors(response)
        if request.method not in ("GET", "HEAD"):
            response = problem(405, gettext("The API can only be read: use GET."))
            response["Allow"] = "GET, HEAD, OPTIONS"
            return with_cors(response)
        return with_cors(view(request, *args, **kwargs))

    wrapped.csrf_exempt = True
    return wrapped


def _entry_key(request) -> str:
    # Not the host: every address in an answer is on BASE_URL, whichever host was asked.
    address = f"{request.path}|{request.META.get('QUERY_STRING', '')}"
    return f"api:{hashlib.sha256(address.encode()).hexdigest()}"


def _not_modified(request, etag: str, last_modified: int) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = parse_etags(if_none_match)
        return "*" in tags or etag in tags or f"W/{etag}" in tags
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified <= since


def _answer(request, entry) -> HttpResponse:
    _versions, etag, last_modified, body = entry
    if _not_modified(request, etag, last_modified):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=60"
    return response


def cached_answer(*, tags: set[str], parameters: set[str]):
    """A list endpoint's answer, cached until one of ``tags`` changes, keyed by its address.

    Unknown query parameters answer 400 (a misspelt filter must not quietly return everything).
    The entry and the tags' versions come in one cache round trip; when they match, the answer
    (or a 304) is served without a query. Only 200 answers are stored.
    """
    tags = {ALL, *tags}

    def decorator(run):
        @wraps(run)
        def wrapped(request, *args, **kwargs):
            unknown = sorted(set(request.GET) - parameters)
            if unknown:
                return problem(
                    400,
                    gettext("Unknown parameter: %(names)s. Known: %(known)s.")
                    % {"names": ", ".join(unknown)[:200], "known": ", ".join(sorted(parameters))},
                )
            key = _entry_key(request)
            found = cache.get_many([key, *(version_key(tag) for tag in tags)])
            current = versions(tags, known=found)
            entry = found.get(key)
            if entry is not None and entry[0] == current:
                return _answer(request, entry)
            response = run(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            body = response.content
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
            entry = (current, etag, int(time.time()), body)
            cache.set(key, entry, FRAGMENT_SECONDS)
            return _answer(request, entry)

        return wrapped

    return decorator
