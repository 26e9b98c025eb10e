"""URLs of the network's public pages; the path words are translated per language."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.network import views

app_name = "network"
urlpatterns = [
    path(pgettext_lazy("URL", "members/"), views.members, name="members"),
    path(
        pgettext_lazy("URL", "organisations/<slug:slug>/"),
        views.organisation,
        name="organisation",
    ),
    path(pgettext_lazy("URL", "pioneers/"), views.people, name="people"),
    path(pgettext_lazy("URL", "profile/"), views.profile, name="profile"),
    path(pgettext_lazy("URL", "join/"), views.join, name="join"),
    path(
        pgettext_lazy("URL", "join/organisation/"),
        views.register_organisation,
        name="register_organisation",
    ),
    path(pgettext_lazy("URL", "join-requests/"), views.join_requests, name="join_requests"),
    path(
        pgettext_lazy("URL", "join-requests/<id:pk>/"),
        views.join_request_decide,
        name="join_request_decide",
    ),
    path(pgettext_lazy("URL", "my/data.json"), views.my_data, name="my_data"),
    path(pgettext_lazy("URL", "my/delete-account/"), views.account_delete, name="account_delete"),
]
