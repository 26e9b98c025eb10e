"""The registry of the network's open datasets (issue 17): what each is, under which licence,
its fields, and its public rows.

The rows are the API's own answers (its endpoints read page by page, unthrottled, through the
same selectors, serialisation and cache), so a CSV or JSON download equals what /api/v1/ gives.
"""

import json
from dataclasses import dataclass
from functools import cache

from django.test import RequestFactory
from django.urls import resolve
from django.utils.translation import gettext_lazy as _

from pioneers.core.licences import DATA_LICENCE, Licence
from pioneers.opendata.api import schemas

PAGE_SIZE = 100


@cache
def _fields(schema) -> list[tuple[str, str]]:
    # Made once per process: building a JSON schema costs milliseconds, and the open-data page
    # lists every dataset's fields.
    properties = schema.model_json_schema()["properties"]
    return [(name, prop.get("description", "")) for name, prop in properties.items()]


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    schema: type
    # Where the API lists it, under /api/v1/ (the slug unless given).
    api_path: str = ""
    # Data (facts about public bodies) is CC0; a dataset with texts people wrote is under the
    # network's text licence.
    has_texts: bool = False

    @property
    def path(self) -> str:
        return self.api_path or self.slug

    def licence(self) -> Licence:
        if not self.has_texts:
            return DATA_LICENCE
        from pioneers.core.models import NetworkSettings

        return NetworkSettings.load().licence

    def fields(self) -> list[tuple[str, str]]:
        """Each field's name and description (from the API's schema)."""
        return _fields(self.schema)

    def rows(self) -> list[dict]:
        """Every public row, as the API answers it (addresses on the platform's BASE_URL)."""
        return list(api_rows(self.path))


DATASETS = {
    dataset.slug: dataset
    for dataset in (
        Dataset(
            "organisations",
            _("Organisations"),
            _("Municipalities, provinces and partners, with their membership of the network."),
            schemas.OrganisationOut,
        ),
        Dataset(
            "meetings",
            _("Meetings"),
            _("Published meetings, past and to come, with their agenda."),
            schemas.MeetingOut,
            has_texts=True,
        ),
        Dataset(
            "topics",
            _("Topics"),
            _("The topics meetings, practices and articles are about."),
            schemas.TopicOut,
            has_texts=True,
        ),
        Dataset(
            "reports",
            _("Reports"),
            _("Published reports of meetings."),
            schemas.ReportOut,
            has_texts=True,
        ),
        Dataset(
            "practices",
            _("Practices"),
            _("What municipalities did, and how many others took it up."),
            schemas.PracticeOut,
            has_texts=True,
        ),
        Dataset(
            "programmes",
            _("Programmes"),
            _("The programmes of meetings: talks and workshops with their times and rooms."),
            schemas.ProgrammeOut,
            has_texts=True,
        ),
        Dataset(
            "magazine-editions",
            _("Magazine editions"),
            _("The editions of the network's magazine."),
            schemas.EditionOut,
            api_path="magazine/editions",
            has_texts=True,
        ),
        Dataset(
            "magazine-articles",
            _("Magazine articles"),
            _("The articles of the network's magazine, with their authors."),
            schemas.ArticleOut,
            api_path="magazine/articles",
            has_texts=True,
        ),
        Dataset(
            "commitments",
            _("Commitments"),
            _("What members committed to, with their milestones and progress."),
            schemas.CommitmentOut,
            has_texts=True,
        ),
        Dataset(
            "indicators",
            _("Indicators"),
            _("The network's indicators and their values over time."),
            schemas.IndicatorOut,
        ),
        Dataset(
            "people",
            _("Pioneers"),
            _(
                "Pioneers who chose a public profile: name, role, job title and organisation. "
                "No contact details."
            ),
            schemas.PersonOut,
        ),
        Dataset(
            "nominations",
            _("Nominations"),
            _(
                "Nominated initiatives accepted for the knowledge base, and the practice they "
                "became."
            ),
            schemas.NominationOut,
            has_texts=True,
        ),
        Dataset(
            "survey-results",
            _("Survey results"),
            _(
                "Published results of the network's surveys per question; groups of fewer than "
                "five respondents and written answers are left out."
            ),
            schemas.SurveyResultOut,
            has_texts=True,
        ),
    )
}


def api_rows(api_path: str):
    """The rows of the API's list endpoint ``api_path``, all pages (unthrottled: the rate limit is
    for clients, not for the platform itself)."""
    path = f"/api/v1/{api_path}"
    view = resolve(path).func
    view = getattr(view, "__wrapped__", view)
    cursor = None
    while True:
        query = {"limit": PAGE_SIZE, **({"cursor": cursor} if cursor else {})}
        response = view(RequestFactory().get(path, query))
        page = json.loads(response.content)
        yield from page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return
