"""URLs of the outreach app: coordinators' campaign pages, the reply form and unsubscribing."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.outreach import views

app_name = "outreach"
urlpatterns = [
    path(pgettext_lazy("URL", "outreach/campaigns/"), views.campaigns, name="campaigns"),
    path(
        pgettext_lazy("URL", "outreach/campaigns/new/"),
        views.campaign_new,
        name="campaign_new",
    ),
    path(
        pgettext_lazy("URL", "outreach/campaigns/new-newsletter/"),
        views.campaign_new,
        {"purpose": "newsletter"},
        name="newsletter_new",
    ),
    path(pgettext_lazy("URL", "outreach/campaigns/<id:pk>/"), views.campaign, name="campaign"),
    path(
        pgettext_lazy("URL", "outreach/campaigns/<id:pk>/edit/"),
        views.campaign_edit,
        name="campaign_edit",
    ),
    path(
        pgettext_lazy("URL", "outreach/campaigns/<id:pk>/send/"),
        views.campaign_send,
        name="campaign_send",
    ),
    path(
        pgettext_lazy("URL", "outreach/campaigns/<id:pk>/progress/"),
        views.campaign_progress,
        name="campaign_progress",
    ),
    path(
        pgettext_lazy("URL", "outreach/campaigns/<id:pk>/letters.pdf"),
        views.campaign_letters,
        name="campaign_letters",
    ),
    path(
        pgettext_lazy("URL", "outreach/campaigns/<id:pk>/letters/"),
        views.campaign_letters_status,
        name="campaign_letters_status",
    ),
    path(pgettext_lazy("URL", "reply/<str:token>/"), views.reply, name="reply"),
    path(pgettext_lazy("URL", "unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
