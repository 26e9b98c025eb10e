"""URL configuration: language-independent endpoints first, then everything under /nl/ and /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from pioneers.core import views as core_views
from pioneers.network import views as network_views
from pioneers.surveys import polls_views

handler400 = "pioneers.core.views.bad_request"
handler403 = "pioneers.core.views.permission_denied"
handler404 = "pioneers.core.views.page_not_found"
handler500 = "pioneers.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("theme.css", core_views.theme_css, name="theme_css"),
    path("language/<str:code>/", core_views.untranslated, name="untranslated"),
    # Everyone logs in through the accounts pages (verified email, one place to harden); the
    # admin's own login form is not offered.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Private files (STORAGES["private"]) are served only by views that check who asks.
    path("private/people/<str:name>", network_views.photo, name="person_photo"),
    # The short link to a live poll, shown on the projector: the same in every language.
    path("p/<str:code>/", polls_views.short_link, name="poll_short"),
    path("", include("pioneers.opendata.urls")),
]

if isinstance(default_storage, FileSystemStorage):
    # Media files on local disk (the embedded profile) are served by the application itself;
    # with object storage they are served from there.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", core_views.media, name="media"))

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("pioneers.network.urls")),
    path("", include("pioneers.meetings.urls")),
    path("", include("pioneers.cfp.urls")),
    path("", include("pioneers.surveys.polls_urls")),
    path("", include("pioneers.reports.urls")),
    path("", include("pioneers.practices.urls")),
    path("", include("pioneers.topics.urls")),
    path("", include("pioneers.search.urls")),
    path("", include("pioneers.publications.urls")),
    path("", include("pioneers.magazine.urls")),
    path("", include("pioneers.evaluation.urls")),
    path("", include("pioneers.commitments.urls")),
    path("", include("pioneers.outreach.urls")),
    path("", include("pioneers.surveys.urls_results")),
    path("", include("pioneers.surveys.urls")),
    path("", include("pioneers.opendata.widget_urls")),
    # Wagtail's own URLs, its page view replaced by one that caches the root page (same
    # pattern, same name).
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, core_views.serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)
