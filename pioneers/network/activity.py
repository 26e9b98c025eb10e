"""What an organisation did in the network, for its page: meetings it hosted and chaired, its
people's attendance (counts only), its practices and who took them up, what it took up from
others, the reports and articles it features in, and all of that per year as a chart and table.
Rendered once per organisation and language and cached until one of its sources changes."""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from pioneers.core.cache import SITE, cached_render
from pioneers.core.charts import bar_chart
from pioneers.core.languages import current_language
from pioneers.core.translations import with_translations
from pioneers.magazine.selectors import searchable_articles
from pioneers.meetings.models import Meeting
from pioneers.meetings.selectors import attendance_per_year
from pioneers.network.caching import organisation_tag
from pioneers.network.models import Organisation
from pioneers.practices.models import PracticePage, PracticeReuse
from pioneers.search.selectors import in_reader_language, reports_of


def activity_tags(organisation: Organisation) -> tuple[str, ...]:
    # Pages (practices, reports, articles) are "site"; meetings, hosts and chairs "meetings";
    # organisations' names "network".
    return (SITE, "meetings", "network", organisation_tag(organisation.pk))


def organisation_activity(organisation: Organisation) -> dict:
    """Everything the activity block shows, in a fixed number of queries."""
    meetings = with_translations(
        Meeting.objects.filter(live=True)
        .filter(Q(host=organisation) | Q(guest_chair=organisation))
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-date", "-start_time")
    )
    hosted = [m for m in meetings if m.host_id == organisation.pk]
    chaired = [m for m in meetings if m.guest_chair_id == organisation.pk]
    public_practices = PracticePage.objects.live().public()
    practices = in_reader_language(
        public_practices.filter(municipality=organisation)
        .select_related("locale")
        .prefetch_related(
            Prefetch(
                "reuses",
                queryset=PracticeReuse.objects.select_related("organisation").order_by(
                    "organisation__name"
                ),
            )
        )
        .order_by("title")
    )
    taken_up = list(
        PracticeReuse.objects.filter(organisation=organisation, practice__in=public_practices)
        .select_related("practice__municipality", "practice__locale")
        .order_by("practice__title")
    )
    articles = in_reader_language(
        searchable_articles()
        .filter(municipalities=organisation)
        .select_related("locale")
        .order_by("-first_published_at", "title")
    )
    attended = attendance_per_year(organisation)
    years = per_year(meetings, practices, attended)
    return {
        "organisation": organisation,
        "hosted": hosted,
        "chaired": chaired,
        "attended_total": sum(attended.values()),
        "practices": practices,
        "taken_up": taken_up,
        "reports": reports_of(meetings),
        "articles": articles,
        "years": years,
        "chart": activity_chart(years),
    }


def per_year(meetings: list, practices: list, attended: dict[int, int]) -> list[dict]:
    """Rows of the activity table, oldest year first: meetings hosted or chaired, practices
    shared (by the year they were first published), meeting places attended."""
    rows: dict[int, dict] = {}

    def row(year: int) -> dict:
        return rows.setdefault(year, {"year": year, "meetings": 0, "practices": 0, "attended": 0})

    for meeting in meetings:
        row(meeting.date.year)["meetings"] += 1
    for practice in practices:
        if practice.first_published_at:
            row(practice.first_published_at.year)["practices"] += 1
    for year, count in attended.items():
        row(year)["attended"] = count
    for counts in rows.values():
        counts["total"] = counts["meetings"] + counts["practices"] + counts["attended"]
    return [rows[year] for year in sorted(rows)]


def activity_chart(years: list[dict]) -> str:
    if not years:
        return ""
    title = _(
        "Activity per year, from %(first)s to %(last)s: meetings hosted or chaired, practices "
        "shared and meetings attended together. The table gives every number."
    ) % {"first": years[0]["year"], "last": years[-1]["year"]}
    return bar_chart([(str(row["year"]), row["total"]) for row in years], title=title)


def activity_html(organisation: Organisation) -> str:
    language = current_language()
    return cached_render(
        f"organisation-activity:{organisation.pk}:{language}",
        "network/_organisation_activity.html",
        lambda: {**organisation_activity(organisation), "LANGUAGE_CODE": language},
        tags=activity_tags(organisation),
    )
