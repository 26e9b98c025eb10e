"""Views of the core: health, the site theme's colours, the language switch, the error pages, and
Wagtail's page view with its root page cached."""

import errno

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve
from wagtail import views as wagtail_views
from wagtail.models import PageViewRestriction, Site

from pioneers.core.access import CoordinatorsOnly
from pioneers.core.cache import cached
from pioneers.core.health import run_checks
from pioneers.core.models import NetworkSettings


@never_cache
@require_safe
def healthz(request):
    report = run_checks()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


@require_safe
@cache_control(max_age=300, public=True)
def theme_css(request):
    """The network's own colours as CSS custom properties, so no page needs an inline style."""
    network = NetworkSettings.load(request_or_site=request)
    css = (
        ":root {\n"
        f"  --pioneers-primary: {network.primary_colour};\n"
        f"  --pioneers-header: {network.header_colour};\n"
        "}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@never_cache
@require_safe
def untranslated(request, code):
    """The language switch from a page that has no translation: to a listing, saying so.

    The switcher links here with the nearest listing in that language as ``next``; the message
    is in the language the reader chose.
    """
    languages = dict(settings.LANGUAGES)
    if code not in languages:
        code = settings.LANGUAGE_CODE
    home = f"/{code}/"
    target = request.GET.get("next", "")
    if not target.startswith(home) or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = home
    with translation.override(code):
        if target == home:
            text = gettext("This page is not available in English; you are on the home page.")
        else:
            text = gettext("This page is not available in English; you are on the overview.")
    messages.info(request, text)
    return redirect(target)


def media(request, path):
    """A media file from local disk (the embedded profile)."""
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404 from error  # a name longer than the file system allows names nothing


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Kept free of database access: the failure may be the database itself.
    return render(request, "500.html", {"minimal_chrome": True}, status=500)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    context = {"coordinators_only": isinstance(exception, CoordinatorsOnly)}
    return render(request, "403.html", context, status=403)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token, e.g. after the session expired."""
    return render(request, "403_csrf.html", status=403)


def serve_page(request, path):
    """Wagtail's page view, starting from a cached copy of the site's root page in the reader's
    language.

    Wagtail finds the root page's translation and its specific type on every request (two
    queries, a third of the home page's time); the copy is cached under the "site" tag like the
    site itself (see ``WagtailSiteMiddleware``), so any page change drops it. The route found is
    handed to Wagtail as its own per-request result, so everything else is Wagtail's.
    """
    site = Site.find_for_request(request)
    if site is not None:
        language = translation.get_language()
        root = cached(
            f"wagtail-root:{site.pk}:{language}", lambda: site.root_page.localized.specific
        )
        try:
            route = root.route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        if route is not None and not cached("view-restrictions", _any_view_restriction):
            # Read by Wagtail's check_view_restrictions hook: no restriction, no query.
            route.page.get_view_restrictions = PageViewRestriction.objects.none
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


def _any_view_restriction() -> bool:
    return PageViewRestriction.objects.exists()
