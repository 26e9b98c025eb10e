"""Reads about campaigns: whom a selection reaches, a campaign's progress and its funnel."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from pioneers.network.models import JoinRequest, Membership, Organisation, Person
from pioneers.network.selectors import approved_organisations
from pioneers.outreach.models import MAX_ATTEMPTS, Campaign, Recipient, Unsubscribe
from pioneers.topics.models import TopicRanking

_MEMBER_NOW = Membership.objects.filter(
    organisation=OuterRef("pk"), status=Membership.Status.MEMBER
)


@dataclass(frozen=True)
class Selection:
    """Whom a campaign reaches: organisations of a kind, in a province (or any), by membership.

    A newsletter's selection reads ``people()``: active accounts with a profile in a member
    organisation, by interest, organisation, province and role (none of them: every member).
    """

    kind: str = Organisation.Kind.MUNICIPALITY
    province_id: int | None = None
    membership: str = Campaign.Membership.NON_MEMBERS
    interest: str = ""
    organisation_id: int | None = None
    role: str = ""

    def people(self):
        member = Membership.objects.filter(
            organisation=OuterRef("organisation"), status=Membership.Status.MEMBER
        )
        found = (
            Person.objects.filter(user__is_active=True, organisation__isnull=False)
            .filter(Exists(member))
            .exclude(user__email="")
        )
        if self.interest.strip():
            found = found.filter(interests__icontains=self.interest.strip())
        if self.organisation_id:
            found = found.filter(organisation_id=self.organisation_id)
        if self.province_id:
            found = found.filter(
                Q(organisation__province_id=self.province_id) | Q(organisation_id=self.province_id)
            )
        if self.role:
            found = found.filter(role=self.role)
        return found.order_by("name", "pk")

    def organisations(self):
        found = approved_organisations().filter(kind=self.kind)
        if self.province_id:
            found = found.filter(province_id=self.province_id)
        if self.membership == Campaign.Membership.NON_MEMBERS:
            found = found.exclude(Exists(_MEMBER_NOW))
        elif self.membership == Campaign.Membership.MEMBERS:
            found = found.filter(Exists(_MEMBER_NOW))
        return found.order_by("name")


def newsletter_preview(campaign: Campaign) -> dict:
    """How many people a newsletter reaches, and how many of them unsubscribed (one query)."""
    unsubscribed = Unsubscribe.objects.filter(email__iexact=OuterRef("user__email"))
    counts = campaign.selection.people().aggregate(
        total=Count("pk"), unsubscribed=Count("pk", filter=Q(Exists(unsubscribed)))
    )
    counts["by_email"] = counts["total"] - counts["unsubscribed"]
    return counts


def selection_preview(campaign: Campaign) -> dict:
    """How many organisations the selection reaches, with and without an email address."""
    if campaign.is_newsletter:
        return newsletter_preview(campaign)
    found = campaign.selection.organisations()
    unsubscribed = Unsubscribe.objects.filter(email__iexact=OuterRef("public_email"))
    counts = found.aggregate(
        total=Count("pk"),
        no_email=Count("pk", filter=Q(public_email="")),
        unsubscribed=Count("pk", filter=Q(Exists(unsubscribed)) & ~Q(public_email="")),
        no_address=Count("pk", filter=Q(postal_address="")),
    )
    counts["by_email"] = counts["total"] - counts["no_email"] - counts["unsubscribed"]
    return counts


def campaigns():
    """Every campaign, newest first, with its recipients counted (one query)."""
    return Campaign.objects.select_related("province", "organisation").annotate(
        recipient_count=Count("recipients"),
        responded_count=Count("recipients", filter=Q(recipients__responded_at__isnull=False)),
    )


def campaign_progress(campaign: Campaign) -> dict:
    """The campaign's emails by status, read from the database (so it survives a reload)."""
    counts = Recipient.objects.filter(campaign=campaign).aggregate(
        total=Count("pk"),
        by_email=Count("pk", filter=~Q(email="")),
        pending=Count("pk", filter=Q(status=Recipient.Status.PENDING)),
        sending=Count("pk", filter=Q(status=Recipient.Status.SENDING)),
        sent_email=Count("pk", filter=Q(status=Recipient.Status.SENT) & ~Q(email="")),
        failed=Count("pk", filter=Q(status=Recipient.Status.FAILED)),
        retrying=Count("pk", filter=Q(status=Recipient.Status.FAILED, attempts__lt=MAX_ATTEMPTS)),
        skipped=Count("pk", filter=Q(status=Recipient.Status.SKIPPED)),
    )
    emails = counts["by_email"]
    handled = counts["sent_email"] + counts["failed"] - counts["retrying"] + counts["skipped"]
    counts["handled"] = handled
    counts["percent"] = round(100 * handled / emails) if emails else 100
    return counts


def failed_recipients(campaign: Campaign):
    return (
        Recipient.objects.filter(campaign=campaign, status=Recipient.Status.FAILED)
        .select_related("organisation", "person")
        .order_by("organisation__name", "person__name")
    )


STAGES = ("sent", "opened", "responded", "applied", "member")


def _funnel_counts() -> dict:
    """The funnel's stages as aggregates over a campaign's recipients (organisations only).

    Applied: a join request for the organisation, or a membership of it, made after the letter
    was sent; member: a member now, since the letter was sent.
    """
    applied = Exists(
        JoinRequest.objects.filter(
            organisation=OuterRef("organisation"), created_at__gte=OuterRef("sent_at")
        )
    ) | Exists(
        Membership.objects.filter(
            organisation=OuterRef("organisation"), created_at__gte=OuterRef("sent_at")
        )
    )
    member = Exists(
        Membership.objects.filter(
            organisation=OuterRef("organisation"),
            status=Membership.Status.MEMBER,
            created_at__gte=OuterRef("sent_at"),
        )
    )
    sent = Q(status=Recipient.Status.SENT)
    return {
        "recipients": Count("pk"),
        "sent": Count("pk", filter=sent),
        "opened": Count("pk", filter=sent & Q(opened_at__isnull=False)),
        "responded": Count("pk", filter=sent & Q(responded_at__isnull=False)),
        "applied": Count("pk", filter=sent & Q(applied)),
        "member": Count("pk", filter=sent & Q(member)),
    }


def campaign_funnel(campaign: Campaign) -> dict:
    """The funnel overall and per province, as organisations counted: two queries."""
    recipients = Recipient.objects.filter(campaign=campaign, organisation__isnull=False)
    overall = recipients.aggregate(**_funnel_counts())
    provinces = list(
        recipients.values("organisation__province__name")
        .annotate(**_funnel_counts())
        .order_by("organisation__province__name")
    )
    for row in provinces:
        row["province"] = row.pop("organisation__province__name") or ""
    return {"overall": overall, "provinces": provinces, "stages": STAGES}


def campaign_replies(campaign: Campaign):
    """The organisations that answered, with their answer: for coordinators only."""
    return (
        Recipient.objects.filter(campaign=campaign, responded_at__isnull=False)
        .select_related("organisation__province")
        .order_by("-responded_at")
    )


def letters(campaign: Campaign):
    """The recipients that get a printed letter, by name."""
    return (
        Recipient.objects.filter(campaign=campaign, organisation__isnull=False)
        .select_related("organisation", "campaign")
        .order_by("organisation__name")
    )


def questionnaire_initial(recipient: Recipient) -> dict:
    """The organisation's topic questionnaire answer as it stands, to fill the form again."""
    initial = {
        f"choice_{ranking.rank}": ranking.topic_id
        for ranking in TopicRanking.objects.filter(organisation_id=recipient.organisation_id)
    }
    initial["proposals"] = "\n".join(topic.name for topic in recipient.proposed_topics.all())
    return initial
