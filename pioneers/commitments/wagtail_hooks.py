"""Action plans, commitments, milestones with their evidence, and costs in the coordinators'
admin, and the CSV import of an action plan's commitments (``admin_views``).

The models' ``clean()`` holds the rules (an override needs a reason, evidence is one thing, a
link is a meeting or a page, a confidential cost says why); the admin's forms run them, so a
refusal shows on its field with what was typed kept.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from pioneers.commitments import admin_views
from pioneers.commitments.forms import CommitmentForm
from pioneers.commitments.models import ActionPlan, Commitment, Cost, Milestone
from pioneers.core.snippets import OriginalsIndexView
from pioneers.core.translations import TranslatableContentForm

MENU_HOOK = "register_commitments_menu_item"


class ActionPlanViewSet(SnippetViewSet):
    model = ActionPlan
    index_view_class = OriginalsIndexView
    icon = "folder-open-inverse"
    menu_label = _("Action plans")
    list_display = ["title", "country", "start_year", "end_year"]
    list_filter = ["country"]
    search_fields = ["title"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("country"),
            FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            FieldPanel("url"),
        ],
        base_form_class=TranslatableContentForm,
    )


class CommitmentIndexView(OriginalsIndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if admin_views.may_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import commitments (CSV)"),
                    url=reverse("commitments_import"),
                    icon_name="upload",
                )
            )
        return buttons


LINK_PANELS = [FieldPanel("meeting"), FieldPanel("page")]
EVIDENCE_PANELS = [
    FieldPanel("label"),
    FieldPanel("date"),
    FieldPanel("page"),
    FieldPanel("meeting"),
    FieldPanel("survey"),
    FieldPanel("document"),
    FieldPanel("url"),
]


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    index_view_class = CommitmentIndexView
    icon = "list-ul"
    menu_label = _("Commitments")
    list_display = ["code", "title", "action_plan", "is_ours"]
    list_filter = ["action_plan", "is_ours"]
    search_fields = ["code", "title"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("action_plan"),
            FieldPanel("code"),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("policy_areas"),
            FieldPanel("written_in"),
            FieldPanel("lead_institution"),
            FieldPanel("supporting_institutions"),
            FieldPanel("ogp_values"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            FieldPanel("is_ours"),
            FieldPanel("budget"),
            MultiFieldPanel(
                [
                    FieldPanel("verifiable"),
                    FieldPanel("relevant"),
                    FieldPanel("potential_impact"),
                    FieldPanel("completion"),
                    FieldPanel("starred"),
                ],
                heading=_("The independent review (IRM)"),
            ),
            InlinePanel(
                "links",
                heading=_("The network's work for this commitment"),
                label=_("link"),
                panels=LINK_PANELS,
                help_text=_("Each link is a meeting or a page (report, practice, article)."),
            ),
        ],
        base_form_class=CommitmentForm,
    )


class MilestoneIndexView(OriginalsIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("commitment")


class MilestoneViewSet(SnippetViewSet):
    model = Milestone
    index_view_class = MilestoneIndexView
    icon = "flag"
    menu_label = _("Milestones")
    list_display = ["commitment", "number", "title", "computation", "status"]
    list_filter = ["commitment"]
    search_fields = ["number", "title"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("commitment"),
            FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            MultiFieldPanel(
                [
                    FieldPanel("computation"),
                    FieldPanel("target"),
                    FieldPanel("survey"),
                    FieldPanel("status"),
                ],
                heading=_("Progress"),
            ),
            MultiFieldPanel(
                [FieldPanel("override_status"), FieldPanel("override_reason")],
                heading=_("Override"),
            ),
            FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
            FieldPanel("what_happened"),
            FieldPanel("next_steps"),
            InlinePanel(
                "evidence",
                heading=_("Evidence"),
                label=_("evidence"),
                panels=EVIDENCE_PANELS,
                help_text=_(
                    "Each piece of evidence is one thing: a page, a meeting, a survey, a "
                    "document or a web address."
                ),
            ),
        ],
        base_form_class=TranslatableContentForm,
    )


class CostIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("commitment")


class CostViewSet(SnippetViewSet):
    model = Cost
    index_view_class = CostIndexView
    icon = "table"
    menu_label = _("Costs")
    list_display = [
        "date",
        "commitment",
        "category",
        "description",
        "planned",
        "actual",
        "confidential",
    ]
    list_filter = ["commitment", "category", "confidential"]
    search_fields = ["description"]
    search_backend_name = None
    ordering = ["-date"]
    panels = [
        FieldPanel("commitment"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("description"),
        FieldPanel("meeting"),
        FieldRowPanel([FieldPanel("planned"), FieldPanel("actual")]),
        FieldPanel("receipt"),
        MultiFieldPanel(
            [FieldPanel("confidential"), FieldPanel("confidential_reason")],
            heading=_("Open data"),
            help_text=_("Costs are open data unless confidential, with a reason."),
        ),
    ]


class CommitmentsGroup(SnippetViewSetGroup):
    items = (ActionPlanViewSet, CommitmentViewSet, MilestoneViewSet, CostViewSet)
    menu_icon = "list-ul"
    menu_label = _("Commitments")
    menu_name = "commitments"
    menu_order = 230
    # Other items of the group (the CSV import, the progress reports) come through this hook.
    submenu_hook = MENU_HOOK


register_snippet(CommitmentsGroup)


class CoordinatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_import(request.user)


@hooks.register(MENU_HOOK)
def import_menu_item():
    return CoordinatorsMenuItem(
        _("Import commitments (CSV)"),
        reverse("commitments_import"),
        icon_name="upload",
        order=10,
    )


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("commitments/import/", admin_views.ImportView.as_view(), name="commitments_import"),
        path(
            "commitments/import/confirm/",
            admin_views.ConfirmView.as_view(),
            name="commitments_import_confirm",
        ),
    ]


from pioneers.commitments import admin_reports  # noqa: E402, F401  (progress reports: the issue action)
