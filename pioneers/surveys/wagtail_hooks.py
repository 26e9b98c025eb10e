"""Surveys in the coordinators' admin: the builder (a survey with its questions) and the page
that invites people to it.

The menu item shows to those with permissions on surveys: the coordinators (migration 0002
gives their group the model permissions) and superusers.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.actions.delete import DeleteAction
from wagtail.actions.registry import action_registry
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from pioneers.core.roles import is_coordinator
from pioneers.surveys import services
from pioneers.surveys.forms import SurveyForm
from pioneers.surveys.models import Survey

QUESTION_PANELS = [
    FieldRowPanel([FieldPanel("kind"), FieldPanel("code")]),
    FieldPanel("text"),
    FieldPanel("text_en"),
    FieldPanel("help_text"),
    FieldPanel("help_text_en"),
    FieldPanel("choices"),
    FieldRowPanel([FieldPanel("minimum"), FieldPanel("maximum")]),
    FieldRowPanel([FieldPanel("required"), FieldPanel("hidden")]),
]


class SurveyDeleteAction(DeleteAction):
    """The admin's delete goes through ``services.survey_delete`` (answers first)."""

    def _delete(self):
        with transaction.atomic():
            if self.log_action:
                log(instance=self.instance, action=self.log_action, user=self.user, deleted=True)
            services.survey_delete(survey=self.instance)


action_registry.register(Survey, SurveyDeleteAction)


class SurveyEditView(EditView):
    def form_valid(self, form):
        # The form refuses removing a question with answers; an answer that arrives between
        # that check and the save still protects its question: say so, save nothing.
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            form.add_error(
                None,
                _gettext("A question you removed has just been answered; hide it instead."),
            )
        except ValidationError:  # Wagtail's save validates the form again: errors are on it
            pass
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Invite"),
                url=reverse(self.invite_url_name, args=[self.object.pk]),
                icon_name="mail",
                priority=5,
            )
        )
        buttons.append(
            Button(
                _("Results"),
                url=reverse("survey_results:results", kwargs={"slug": self.object.slug}),
                icon_name="view",
                priority=6,
            )
        )
        return buttons


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "form"
    menu_label = _("Surveys")
    menu_name = "surveys"
    menu_order = 450
    add_to_admin_menu = True
    edit_view_class = SurveyEditView
    list_display = ["title", "opens_at", "closes_at", "anonymous", "results_published"]
    search_fields = ["title", "title_en"]
    search_backend_name = None
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("title_en"),
                    FieldPanel("slug"),
                    FieldPanel("intro"),
                    FieldPanel("intro_en"),
                ],
                heading=_("Survey"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                    FieldPanel("anonymous"),
                    FieldPanel("previous_round"),
                    FieldPanel("results_published"),
                ],
                heading=_("Opening and closing"),
            ),
            InlinePanel(
                "questions",
                heading=_("Questions"),
                label=_("question"),
                panels=QUESTION_PANELS,
            ),
        ],
        base_form_class=SurveyForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("invite/<id:pk>/", self.invite_view, name="invite"),
        ]

    def invite_view(self, request, pk):
        return survey_invite(request, pk, viewset=self)


SurveyEditView.invite_url_name = "wagtailsnippets_surveys_survey:invite"


def survey_invite(request, pk, *, viewset):
    """Invite the pioneers of member municipalities, or one contact per municipality, after
    seeing how many would get an email."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    survey = get_object_or_404(Survey, pk=pk)
    error = ""
    if request.method == "POST":
        per = request.POST.get("per", "")
        try:
            sent = services.invitations_send(survey=survey, per=per)
        except services.SurveyError as refusal:
            error = str(refusal)
        else:
            messages.success(
                request,
                _gettext("%(count)d invitations sent; nobody was invited twice.") % {"count": sent},
            )
            return redirect(viewset.get_url_name("invite"), pk=survey.pk)
    context = {
        "survey": survey,
        "error": error,
        "options": [
            (
                services.PER_PERSON,
                _("Every pioneer of a member municipality"),
                services.invitations_preview(survey=survey, per=services.PER_PERSON),
            ),
            (
                services.PER_ORGANISATION,
                _("One contact per member municipality"),
                services.invitations_preview(survey=survey, per=services.PER_ORGANISATION),
            ),
        ],
        "counts": services.survey_counts(survey),
        "edit_url": reverse(viewset.get_url_name("edit"), args=[survey.pk]),
        "header_title": _gettext("Invite to “%(survey)s”") % {"survey": survey},
        "page_title": _gettext("Invite to “%(survey)s”") % {"survey": survey},
        "header_icon": "mail",
    }
    return TemplateResponse(request, "surveys/admin/invite.html", context)


register_snippet(SurveyViewSet)


@hooks.register("before_bulk_action")
def surveys_bulk_delete(request, action_type, objects, action):
    """Wagtail's bulk delete deletes surveys as a queryset, past ``services.survey_delete``:
    their answers (which protect their questions) go first, in the same transaction."""
    if action_type == "delete" and objects and isinstance(objects[0], Survey):
        services.survey_answers_delete(surveys=objects)
