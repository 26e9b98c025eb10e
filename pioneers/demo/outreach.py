"""Demo outreach: the 2018 letter to every municipality, sent, with about 60 replies, and two
newsletters (2018 and 2019) to the members' people.

The content is in ``data/outreach.toml``; the demo network's members answered "interested"
and joined afterwards, so the campaign's funnel runs to the end.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from pioneers.demo.files import read
from pioneers.network.models import ContactLog, Organisation
from pioneers.outreach import services
from pioneers.outreach.models import Campaign, Recipient
from pioneers.topics.services import ranking_topics

TEAM = "Team open overheid"  # contact_me replies name a team: the demo has no contact persons


def load(stdout) -> None:
    data = read("outreach")
    letter(data["campaign"], stdout)
    for spec in data["newsletters"]:
        newsletter(spec, stdout)


def _sent_at(spec) -> datetime:
    return timezone.make_aware(datetime.combine(spec["sent_on"], datetime.min.time())) + timedelta(
        hours=9
    )


def newsletter(spec, stdout) -> None:
    """A newsletter to every member's people, recorded as sent (the demo sends no email)."""
    if Campaign.objects.filter(title=spec["title"]).exists():
        return
    sent_at = _sent_at(spec)
    campaign = services.campaign_create(
        user=None,
        purpose=Campaign.Purpose.NEWSLETTER,
        **{name: spec[name] for name in ("title", "subject", "body", "subject_en", "body_en")},
    )
    people = list(campaign.selection.people().select_related("user"))
    Recipient.objects.bulk_create(
        services.recipient_build(
            campaign,
            person=person,
            email=person.user.email.lower(),
            status=Recipient.Status.SENT,
            attempts=1,
            sent_at=sent_at,
        )
        for person in people
    )
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.DONE, queued_at=sent_at, done_at=sent_at + timedelta(minutes=5)
    )
    stdout.write(f"  outreach: newsletter “{spec['title']}”, {len(people)} recipients\n")


def _questionnaire(campaign, choices, day: int, *, member: bool) -> dict:
    """A made-up, varied answer to the topic questionnaire for the ``day``-th reply; members
    answer with their votes (``topics.toml``), so they leave it empty."""
    if not campaign.topic_questionnaire or member or not choices:
        return {}
    # A few topics most want, and a spread after them: a map with a clear top.
    picks = [choices[day % 3], choices[(day * 7 + 3) % len(choices)], choices[day % len(choices)]]
    proposals = ["Toegankelijke gemeentelijke websites"] if day % 13 == 4 else []
    return {"ranking": list(dict.fromkeys(picks)), "proposals": proposals}


def letter(spec, stdout) -> None:
    if Campaign.objects.filter(title=spec["title"]).exists():
        return
    sent_at = _sent_at(spec)
    campaign = services.campaign_create(
        user=None,
        title=spec["title"],
        subject=spec["subject"],
        body=spec["body"],
        subject_en=spec["subject_en"],
        body_en=spec["body_en"],
        channel=spec["channel"],
        kind=Organisation.Kind.MUNICIPALITY,
        province=None,
        membership=Campaign.Membership.ANY,
        topic_questionnaire=spec.get("topic_questionnaire", False),
    )
    municipalities = list(
        Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)
        .exclude(cbs_code__in=spec["senders"])
        .order_by("name")
    )
    Recipient.objects.bulk_create(
        services.recipient_build(
            campaign,
            organisation=organisation,
            email=organisation.public_email,
            status=Recipient.Status.SENT,
            attempts=1,
            sent_at=sent_at,
        )
        for organisation in municipalities
    )
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.DONE, queued_at=sent_at, done_at=sent_at + timedelta(minutes=20)
    )
    members = [m["code"] for m in read("network")["members"] if m["code"] not in spec["senders"]]
    answers = [(code, "interested") for code in members]
    answers += [(reply["code"], reply["answer"]) for reply in spec["replies"]]
    recipients = {
        r.organisation.cbs_code: r
        for r in campaign.recipients.select_related("organisation", "campaign")
    }
    choices = list(ranking_topics().order_by("slug"))
    for day, (code, answer) in enumerate(answers):
        recipient = recipients.pop(code)
        slug = recipient.organisation.slug
        contact = answer == Recipient.Answer.CONTACT_ME
        recipient = services.reply_save(
            recipient=recipient,
            answer=answer,
            contact_name=TEAM if contact else "",
            contact_email=f"openoverheid@{slug}.example.org" if contact else "",
            **_questionnaire(campaign, choices, day, member=code in members),
        )
        answered_at = sent_at + timedelta(days=1 + day % 30, hours=day % 7)
        Recipient.objects.filter(pk=recipient.pk).update(
            opened_at=answered_at - timedelta(minutes=5), responded_at=answered_at
        )
        ContactLog.objects.filter(pk=recipient.contact_log_id).update(date=answered_at.date())
    opened = sorted(recipients.values(), key=lambda r: r.organisation.name)[::7]
    Recipient.objects.filter(pk__in=[r.pk for r in opened[: spec["opened_only"]]]).update(
        opened_at=sent_at + timedelta(days=2)
    )
    stdout.write(f"  outreach: the 2018 campaign, {len(answers)} replies\n")
