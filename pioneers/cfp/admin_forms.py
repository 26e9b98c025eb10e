"""The call's form in the admin, kept apart from the models it serves (they name it)."""

from wagtail.admin.forms import WagtailAdminModelForm


class CallAdminForm(WagtailAdminModelForm):
    """The call in the admin: the services' rules, with the formats counted from the form."""

    def _post_clean(self):
        # After the model's own validation (closes after opens), with the instance built.
        from pioneers.cfp.services import call_rules  # circular: services import the models

        super()._post_clean()
        formats = self.formsets.get("formats")
        count = 0
        if formats is not None:
            formats.is_valid()  # cleans its forms once, so deletions can be told apart
            count = sum(
                1
                for form in formats.forms
                if (form.instance.pk or form.has_changed())
                and not formats._should_delete_form(form)
            )
        for field, messages in call_rules(call=self.instance, formats=count).items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
