"""Views of the core: health, the site theme's colours, the language switch, the error pages."""

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

from pioneers.core.access import CoordinatorsOnly
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
