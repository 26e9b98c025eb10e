"""Demo reports of the seed's eight meetings, in Dutch (``data/reports.toml``)."""

from datetime import timedelta

from pioneers.core.pages import publish
from pioneers.demo.files import read
from pioneers.demo.pages import backdate, index_page
from pioneers.meetings.models import Meeting
from pioneers.publications.models import HomePage
from pioneers.reports.models import FollowUpAction, ReportIndexPage, ReportPage


def load(stdout) -> None:
    homes = {p.locale.language_code: p for p in HomePage.objects.select_related("locale")}
    if "nl" not in homes or ReportIndexPage.objects.exists():
        return
    data = read("reports")
    index = index_page(ReportIndexPage, data["index"], homes)
    slugs = [row["meeting"] for row in data["reports"]]
    meetings = {m.slug: m for m in Meeting.objects.filter(slug__in=slugs)}
    for row in data["reports"]:
        meeting = meetings.get(row["meeting"])
        if meeting is None:
            continue
        report = ReportPage(
            title=f"Verslag: {meeting.title}",
            slug=meeting.slug,
            locale=index.locale,
            meeting=meeting,
            summary=row["summary"],
            insights=f"<p>{row['insights']}</p>",
            agreements=f"<p>{row['agreements']}</p>",
            lessons=f"<p>{row['lessons']}</p>",
        )
        for order, action in enumerate(row["actions"]):
            report.actions.add(FollowUpAction(sort_order=order, **action))
        index.add_child(instance=report)
        publish(report)
        # The report appeared a few weeks after the meeting.
        backdate([report], meeting.date + timedelta(days=21))
    stdout.write(f"  reports: {len(data['reports'])} meeting reports in Dutch\n")
