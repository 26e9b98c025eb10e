"""A practice as schema.org data: a creative work by its municipality, about its topics."""

from pioneers.core.linked_data import creative_work
from pioneers.network.linked_data import organisation_ref


def practice_json_ld(practice) -> dict:
    data = creative_work(practice, "CreativeWork", description=practice.summary)
    data["creativeWorkStatus"] = str(practice.get_status_display())
    if practice.municipality_id:
        data["creator"] = organisation_ref(practice.municipality)
    topics = [topic.label for topic in practice.topics.all()]
    if topics:
        data["about"] = topics
    return data
