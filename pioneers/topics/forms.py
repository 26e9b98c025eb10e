"""Forms of topics: a member's proposal, a vote, a comment, the map's filter, the admin's form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.core.ogp import OGP_VALUES
from pioneers.core.translations import TranslatableContentForm
from pioneers.topics.models import Topic

MAX_VOTES_FIELD = 1000


class ProposalForm(forms.Form):
    name = forms.CharField(label=_("Title of the topic"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What should the network work on, and why does it matter to you?"),
    )
    values = forms.MultipleChoiceField(
        label=_("Open-government values"),
        choices=OGP_VALUES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class VoteForm(forms.Form):
    """The number of votes the municipality wants on the topic (not "one more": a double click
    sends the same number twice)."""

    votes = forms.IntegerField(label=_("Votes"), min_value=0, max_value=MAX_VOTES_FIELD)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class TopicAdminForm(TranslatableContentForm):
    """Wagtail's form for a topic: a change of status goes through the same rules as anywhere
    (``services.topic_status_check``), and its consequences through ``topic_set_status``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._previous = (self.instance.status, self.instance.merged_into_id)

    def clean(self):
        from pioneers.topics import services

        cleaned = super().clean()
        instance = self.instance
        name = cleaned.get("name")
        if name:
            existing = services.topic_with_name(name, exclude=instance if instance.pk else None)
            if existing is not None:
                self.add_error("name", services.duplicate_message(existing))
        if instance.pk and not instance.is_original:
            return cleaned
        status = cleaned.get("status", instance.status)
        merged_into = cleaned.get("merged_into")
        if instance.pk and (status, getattr(merged_into, "pk", None)) != self._previous:
            current = Topic.all_locales.get(pk=instance.pk)
            try:
                services.topic_status_check(topic=current, status=status, merged_into=merged_into)
            except services.TopicError as error:
                self.add_error("status", str(error))
        elif not instance.pk and (status == Topic.Status.MERGED or merged_into is not None):
            self.add_error("status", _("Merge a topic once it exists."))
        return cleaned

    def save(self, commit=True):
        from pioneers.topics import services

        instance = self.instance
        status, merged_into = instance.status, instance.merged_into
        if instance.pk and instance.is_original:
            # Saved with its old status; the decision follows through the service.
            instance.status, instance.merged_into_id = self._previous
        saved = super().save(commit=commit)
        if (
            commit
            and saved.is_original
            and (status, getattr(merged_into, "pk", None)) != (self._previous)
        ):
            saved = services.topic_set_status(topic=saved, status=status, merged_into=merged_into)
            self.instance = saved
        return saved
