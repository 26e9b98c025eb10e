"""The coordinators' CSV import of an action plan's commitments, in the admin: upload, a preview
of every row, then a confirmation that writes them all (``services``).

Between the preview and the confirmation the rows wait in the session under a token, so the
file is neither uploaded twice nor sent in a URL; a confirmation takes the token out, so a
second click writes nothing (and the import updates by code anyway).
"""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pioneers.commitments import services
from pioneers.commitments.forms import CommitmentsImportForm, ConfirmForm
from pioneers.commitments.models import ActionPlan

SESSION_KEY = "commitments_import"
PERMISSIONS = (
    "commitments.add_commitment",
    "commitments.change_commitment",
    "commitments.add_actionplan",
)


def may_import(user) -> bool:
    return user.has_perms(PERMISSIONS)


class ImportView(WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Import commitments (CSV)")
    header_icon = "upload"
    template_name = "commitments/admin/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_commitments_commitment:list"),
                "label": _("Commitments"),
            },
            {"url": "", "label": self.page_title},
        ]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=CommitmentsImportForm()))

    def post(self, request):
        form = CommitmentsImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=422)
        action_plan = form.chosen_plan()
        rows, errors = services.read_commitments_csv(form.cleaned_data["file"].read())
        preview = []
        if rows and not any(error.line == 0 for error in errors):
            preview, more = services.commitments_preview(action_plan, rows)
            errors = sorted([*errors, *more], key=lambda error: error.line)
        context = self.get_context_data(form=form, action_plan=action_plan, preview=preview)
        context.update(_with_errors(preview, errors))
        if errors:
            return self.render_to_response(context, status=422)
        token = uuid.uuid4().hex
        request.session[SESSION_KEY] = {
            "token": token,
            "action_plan": _plan_to_session(action_plan),
            "rows": rows,
        }
        context["confirm"] = ConfirmForm(initial={"token": token})
        return self.render_to_response(context)


class ConfirmView(ImportView):
    def get(self, request):
        return redirect("commitments_import")

    def post(self, request):
        form = ConfirmForm(request.POST)
        pending = request.session.get(SESSION_KEY) or {}
        if not form.is_valid() or pending.get("token") != form.cleaned_data["token"]:
            messages.warning(
                request,
                _(
                    "This import is done already, or its preview is no longer kept. Upload the "
                    "file again to see a new preview."
                ),
            )
            return redirect("commitments_import")
        action_plan = _plan_from_session(pending["action_plan"])
        if action_plan is None:
            del request.session[SESSION_KEY]
            messages.error(request, _("The action plan was removed. Upload the file again."))
            return redirect("commitments_import")
        try:
            created, updated = services.import_commitments(action_plan, pending["rows"])
        except services.CommitmentsImportError as error:
            # Changed since the preview (an institution removed, a code taken): nothing written.
            context = self.get_context_data(form=CommitmentsImportForm(), preview=[])
            context.update(_with_errors([], error.row_errors))
            return self.render_to_response(context, status=422)
        except IntegrityError:
            # The same import confirmed twice at once: the other one wrote the rows.
            created = updated = 0
        request.session.pop(SESSION_KEY, None)
        messages.success(
            request,
            _("Import done: %(created)s commitments added, %(updated)s changed.")
            % {"created": created, "updated": updated},
        )
        return redirect("wagtailsnippets_commitments_commitment:list")


def _with_errors(preview, errors) -> dict:
    by_line = {}
    for error in errors:
        by_line.setdefault(error.line, []).append(error.message)
    rows = [(row, by_line.pop(row.line, [])) for row in preview]
    # Errors of the file, of its column names and of lines not in the preview.
    general = [error for error in errors if error.line in by_line]
    return {"rows": rows, "errors": errors, "general_errors": general}


def _plan_to_session(action_plan: ActionPlan) -> dict:
    if action_plan.pk:
        return {"pk": action_plan.pk}
    return {
        "country": action_plan.country,
        "start_year": action_plan.start_year,
        "end_year": action_plan.end_year,
    }


def _plan_from_session(data: dict) -> ActionPlan | None:
    if "pk" in data:
        return ActionPlan.objects.filter(pk=data["pk"]).first()
    existing = ActionPlan.objects.filter(
        country=data["country"], start_year=data["start_year"]
    ).first()
    return existing or services.action_plan_new(
        data["country"], data["start_year"], data["end_year"]
    )
