"""Reports as schema.org data: a meeting report or an evaluation report is a ``Report``, published
by the organisation its Woo metadata names, and a meeting report is about its meeting."""

from pioneers.core.linked_data import creative_work
from pioneers.core.links import absolute_url
from pioneers.network.linked_data import organisation_ref


def report_json_ld(page, metadata, *, meeting=None) -> dict:
    """``page``'s Report, with ``metadata`` (from pioneers.reports.woo) for its publisher and
    description; ``meeting`` is what it reports on."""
    data = creative_work(page, "Report", description=metadata.description)
    if metadata.publisher is not None:
        data["publisher"] = organisation_ref(metadata.publisher)
    if meeting is not None:
        data["about"] = {
            "@type": "Event",
            "name": meeting.title,
            "url": absolute_url(meeting.get_absolute_url()),
            "startDate": meeting.starts_at.isoformat(),
        }
    return data
