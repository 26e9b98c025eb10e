"""Demo reports of the seed's eight meetings, in Dutch (``data/reports.toml``), each with one or
two generated illustrations (``images.py``) as its photos."""

from datetime import timedelta

from pioneers.core.pages import publish
from pioneers.demo.files import read
from pioneers.demo.images import illustration
from pioneers.demo.pages import backdate, index_page
from pioneers.meetings.models import Meeting
from pioneers.publications.models import HomePage
from pioneers.reports.models import FollowUpAction, ReportIndexPage, ReportPage, ReportPhoto


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
            insights=row["insights"],
            agreements=row["agreements"],
            lessons=row["lessons"],
        )
        for order, action in enumerate(row["actions"]):
            report.actions.add(FollowUpAction(sort_order=order, **action))
        for order, photo in enumerate(row.get("photos", []), start=1):
            image = illustration(photo["kind"], f"Illustratie: {meeting.title} ({order})")
            report.photos.add(
                ReportPhoto(
                    sort_order=order,
                    image=image,
                    alt_text=photo["alt"],
                    caption=photo["caption"],
                )
            )
        index.add_child(instance=report)
        publish(report)
        # The report appeared a few weeks after the meeting.
        backdate([report], meeting.date + timedelta(days=21))
    stdout.write(f"  reports: {len(data['reports'])} meeting reports in Dutch\n")
