"""Demo accountability: the Dutch action plans and their commitments (imported from the CSV
that ships with the commitments app, as a coordinator would), the network's own commitment
NL0037 with its five milestones, evidence, links to the other commitments and its budget
(``data/commitments.toml``). Progress is computed from the demo's meetings, reports, magazine
editions and mid-term evaluation."""

import datetime
from decimal import Decimal
from pathlib import Path

from wagtail.models import Page

from pioneers.commitments import services
from pioneers.commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentLink,
    Cost,
    Evidence,
    Milestone,
    ProgressReport,
)
from pioneers.commitments.reports import issue_progress_report
from pioneers.core.translations import translation_save
from pioneers.demo.files import read
from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation
from pioneers.surveys.models import Survey

CSV = Path(services.__file__).resolve().parent / "data" / "nl-ogp-commitments.csv"


def _page(slug: str) -> Page:
    return Page.objects.get(slug=slug, locale__language_code="nl")


def _meeting(slug: str) -> Meeting:
    return Meeting.objects.get(slug=slug)


def plans(stdout) -> None:
    """The Dutch action plan of the network's commitment, then every Dutch commitment from the
    CSV through the import (which makes the earlier plans)."""
    if Commitment.objects.exists():
        return
    plan = ActionPlan.objects.create(
        title="Actieplan Open Overheid 2018–2020",
        country="NL",
        start_year=2018,
        end_year=2020,
        url="https://www.opengovpartnership.org/members/netherlands/",
    )
    translation_save(plan, language="en", title="Open Government Action Plan 2018–2020")
    rows, errors = services.read_commitments_csv(CSV.read_bytes())
    if errors:
        raise ValueError(f"The demo's commitments do not import: {errors}")
    services.import_commitments(plan, rows)
    stdout.write(
        f"  commitments: {Commitment.objects.count()} in {ActionPlan.objects.count()} plans\n"
    )


def network_commitment(stdout) -> None:
    data = read("commitments")
    row = data["commitment"]
    commitment = Commitment.objects.get(code=row["code"])
    if commitment.is_ours:
        return
    for field in ("title", "description", "policy_areas"):
        setattr(commitment, field, row[field])
    commitment.written_in = "nl"
    commitment.is_ours = True
    commitment.lead_institution = Organisation.objects.get(slug=row["lead"])
    for field in (
        "ogp_values",
        "starts_on",
        "ends_on",
        "verifiable",
        "relevant",
        "potential_impact",
    ):
        setattr(commitment, field, row[field])
    commitment.budget = Decimal(row["budget"])
    commitment.full_clean()
    commitment.save()
    commitment.supporting_institutions.set(Organisation.objects.filter(slug__in=row["supporting"]))
    translation_save(
        commitment,
        language="en",
        title=row["title_en"],
        description=row["description_en"],
        policy_areas=row["policy_areas_en"],
    )
    for item in data["milestones"]:
        milestone = Milestone(
            commitment=commitment,
            number=item["number"],
            title=item["title"],
            starts_on=item["starts_on"],
            ends_on=item["ends_on"],
            computation=item["computation"],
            target=item.get("target"),
            status=item.get("status", "not_started"),
            actual_start=item.get("actual_start"),
            actual_end=item.get("actual_end"),
            what_happened=item["what_happened"],
            next_steps=item["next_steps"],
        )
        if "survey" in item:
            milestone.survey = Survey.objects.get(slug=item["survey"])
        milestone.full_clean()
        milestone.save()
        translation_save(
            milestone,
            language="en",
            title=item["title_en"],
            what_happened=item["what_happened_en"],
            next_steps=item["next_steps_en"],
        )
        for proof in item.get("evidence", []):
            evidence = Evidence(
                milestone=milestone, label=proof.get("label", ""), date=proof.get("date")
            )
            if "page" in proof:
                evidence.page = _page(proof["page"])
            if "meeting" in proof:
                evidence.meeting = _meeting(proof["meeting"])
            evidence.full_clean()
            evidence.save()
    stdout.write(f"  commitments: {row['code']} with {len(data['milestones'])} milestones\n")


def links(stdout) -> None:
    if CommitmentLink.objects.exists():
        return
    made = []
    for row in read("commitments")["links"]:
        commitment = Commitment.objects.get(code=row["code"])
        made += [
            CommitmentLink(commitment=commitment, meeting=_meeting(slug))
            for slug in row.get("meetings", [])
        ]
        made += [
            CommitmentLink(commitment=commitment, page=_page(slug)) for slug in row.get("pages", [])
        ]
    CommitmentLink.objects.bulk_create(made)
    stdout.write(f"  commitments: {len(made)} links from the network's work\n")


def costs(stdout) -> None:
    if Cost.objects.exists():
        return
    commitment = Commitment.objects.get(is_ours=True)
    for row in read("commitments")["costs"]:
        cost = Cost(
            commitment=commitment,
            category=row["category"],
            description=row["description"],
            meeting=_meeting(row["meeting"]) if "meeting" in row else None,
            planned=Decimal(str(row["planned"])),
            actual=Decimal(str(row["actual"])) if "actual" in row else None,
            date=row["date"],
            confidential=row.get("confidential", False),
            confidential_reason=row.get("reason", ""),
        )
        cost.full_clean()
        cost.save()


def progress_report(stdout) -> None:
    """The self-assessment issued at the end of the commitment's term."""
    commitment = Commitment.objects.get(is_ours=True)
    if ProgressReport.objects.filter(commitment=commitment).exists():
        return
    report = issue_progress_report(commitment, None)
    ProgressReport.objects.filter(pk=report.pk).update(issued_on=datetime.date(2020, 8, 31))
    stdout.write(f"  commitments: progress report {report.number} of {commitment.code}\n")


def load(stdout) -> None:
    plans(stdout)
    network_commitment(stdout)
    links(stdout)
    costs(stdout)
    progress_report(stdout)
