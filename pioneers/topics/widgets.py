"""Admin widgets for choosing topics: only topics that are decided on (accepted or scheduled)
are offered; a proposal, a declined or a merged topic is not, unless it is chosen already (so
saving a page never drops what it points to)."""

from django import forms

from pioneers.topics.models import Topic

PICKABLE = (Topic.Status.ACCEPTED, Topic.Status.SCHEDULED)


def pickable_topics():
    return Topic.objects.filter(status__in=PICKABLE)


class PickableTopicCheckboxes(forms.CheckboxSelectMultiple):
    def optgroups(self, name, value, attrs=None):
        keep = {str(pk) for pk in pickable_topics().values_list("pk", flat=True)}
        keep |= {str(chosen) for chosen in value}
        groups = []
        for group_name, options, index in super().optgroups(name, value, attrs):
            options = [option for option in options if str(option["value"]) in keep]
            if options:
                groups.append((group_name, options, index))
        return groups
