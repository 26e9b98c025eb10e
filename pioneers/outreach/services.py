"""Writes of the outreach app: campaigns written, queued and sent; replies; unsubscribes.

Sending is idempotent under double clicks and several workers: queueing claims the campaign
with a conditional update (draft → queued), a worker holds the campaign's lease while it sends
(so the rate holds), and each email is claimed with a conditional update before it leaves.
"""

import hashlib
import logging
import re
import secrets
import time
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from pioneers.core.email import EmailParts, email_deliver
from pioneers.core.links import base_url
from pioneers.core.translations import default_language
from pioneers.network.models import ContactLog, JoinRequest
from pioneers.outreach.models import (
    MAX_ATTEMPTS,
    Campaign,
    Recipient,
    Unsubscribe,
    merge,
)
from pioneers.topics.services import (
    TopicError,
    topic_proposal_withdraw,
    topic_propose_for_organisation,
    topic_ranking_set,
)

logger = logging.getLogger(__name__)

TEMPLATE = "outreach/email/campaign"
TOKEN = re.compile(r"[0-9a-f]{32}")
UNSUBSCRIBE_SALT = "pioneers.outreach.unsubscribe"
LEASE = timedelta(minutes=2)
RETRY_AFTER = timedelta(minutes=5)
CAMPAIGN_FIELDS = (
    "title",
    "subject",
    "body",
    "subject_en",
    "body_en",
    "channel",
    "kind",
    "province",
    "membership",
    "purpose",
    "interest",
    "organisation",
    "role",
    "topic_questionnaire",
)


class OutreachError(Exception):
    """A change to a campaign that its state does not allow."""


# Campaigns -------------------------------------------------------------------------------------


def campaign_create(*, user, **fields) -> Campaign:
    campaign = Campaign(created_by=user if user and user.is_authenticated else None)
    return _campaign_save(campaign, fields)


def campaign_update(*, campaign: Campaign, **fields) -> Campaign:
    """Change a draft; a queued or sent campaign stays as it went out."""
    if Campaign.objects.filter(pk=campaign.pk).exclude(status=Campaign.Status.DRAFT).exists():
        raise OutreachError(_("This campaign has been sent; it can no longer be changed."))
    return _campaign_save(campaign, fields)


def _campaign_save(campaign: Campaign, fields: dict) -> Campaign:
    for name in CAMPAIGN_FIELDS:
        if name in fields:
            setattr(campaign, name, fields[name])
    campaign.full_clean()
    campaign.save()
    return campaign


def reply_token(nonce: str) -> str:
    """The reply link's token of a recipient, derived from its nonce with the secret key."""
    return salted_hmac("pioneers.outreach.reply", nonce, algorithm="sha256").hexdigest()[:32]


def token_key(token: str) -> str:
    """The keyed hash of a reply token that finds its recipient; the token itself is not kept."""
    return salted_hmac("pioneers.outreach.reply.key", token, algorithm="sha256").hexdigest()


def recipient_build(campaign: Campaign, **fields) -> Recipient:
    """An unsaved recipient with a fresh reply token (for ``bulk_create``)."""
    nonce = secrets.token_hex(16)
    return Recipient(
        campaign=campaign, nonce=nonce, token_hash=token_key(reply_token(nonce)), **fields
    )


def campaign_queue(*, campaign: Campaign) -> int:
    """Make the campaign's recipients and start sending; returns how many were made.

    A second call (a double click, a second coordinator) finds the campaign queued already and
    makes nothing. Unsubscribed addresses and organisations without an email address get no
    email: a letter when the campaign also goes on paper, else nothing. A selection with
    nobody to send to is refused (ValidationError) and the campaign stays a draft.
    """
    campaign.full_clean()  # a rule added since the draft was saved
    now = timezone.now()
    with transaction.atomic():
        claimed = Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.DRAFT).update(
            status=Campaign.Status.QUEUED, queued_at=now
        )
        if not claimed:
            return 0
        if campaign.is_newsletter:
            rows = _newsletter_recipients(campaign)
        else:
            rows = _letter_recipients(campaign, now)
        if not rows:  # the claim above is rolled back: the draft stays a draft
            raise ValidationError(
                _(
                    "No recipients: the selection holds nobody to send to (or every address "
                    "unsubscribed). Nothing was sent; change the selection."
                ),
                code="no_recipients",
            )
        Recipient.objects.bulk_create(rows, batch_size=500)
        if campaign.by_letter:  # the printable letters are ready by the time they are wanted
            letters_pdf_request(campaign=campaign)
        if any(row.status == Recipient.Status.PENDING for row in rows):
            transaction.on_commit(partial(_enqueue, campaign.pk))
        else:
            Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.DONE, done_at=now)
    campaign.refresh_from_db()
    return len(rows)


def _newsletter_recipients(campaign: Campaign) -> list[Recipient]:
    """One email per member's person, in their language; unsubscribed ones are left out.

    A person's language is the one they asked to join the network in (their latest join
    request); the network's language for anyone without one."""
    joined_in = (
        JoinRequest.objects.filter(person=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values("language")[:1]
    )
    found = list(
        campaign.selection.people()
        .annotate(joined_in=Subquery(joined_in))
        .values_list("pk", "user__email", "joined_in")
    )
    unsubscribed = _unsubscribed({email.strip().lower() for _pk, email, _language in found})
    languages = {code for code, _name in settings.LANGUAGES}
    default = default_language()[:2]
    rows = []
    for pk, email, joined in found:
        email = email.strip().lower()
        language = (joined or "")[:2] if (joined or "")[:2] in languages else default
        if email not in unsubscribed:
            rows.append(recipient_build(campaign, person_id=pk, email=email, language=language))
    return rows


def _letter_recipients(campaign: Campaign, now) -> list[Recipient]:
    """One letter per organisation: by email when it has an address, on paper when asked."""
    found = list(campaign.selection.organisations().values_list("pk", "public_email"))
    addresses = {email.strip().lower() for _pk, email in found if email}
    unsubscribed = _unsubscribed(addresses)
    rows = []
    for pk, email in found:
        email = (email or "").strip().lower()
        if email in unsubscribed or not campaign.by_email:
            email = ""
        if not email and not campaign.by_letter:
            continue
        by_email = bool(email)
        rows.append(
            recipient_build(
                campaign,
                organisation_id=pk,
                email=email,
                status=Recipient.Status.PENDING if by_email else Recipient.Status.SENT,
                sent_at=None if by_email else now,
            )
        )
    return rows


def _enqueue(campaign_id: int) -> None:
    from pioneers.outreach.tasks import send_campaign  # the task calls back into this module

    send_campaign.enqueue(campaign_id=campaign_id)


def _unsubscribed(addresses: set[str]) -> set[str]:
    found = set()
    chunk = sorted(addresses)
    for start in range(0, len(chunk), 500):
        found.update(
            Unsubscribe.objects.filter(email__in=chunk[start : start + 500]).values_list(
                "email", flat=True
            )
        )
    return found


# Sending ---------------------------------------------------------------------------------------


def _due(now) -> Q:
    return Q(status=Recipient.Status.PENDING) | Q(
        status=Recipient.Status.FAILED, attempts__lt=MAX_ATTEMPTS, retry_at__lte=now
    )


CLAIM_BATCH = 10


def _claim_batch(campaign_id: int) -> list[Recipient]:
    """The next few recipients to email, claimed so that no other worker sends them too.

    Claimed in small batches, so that claiming costs little per email; a worker that stops
    leaves at most a batch claimed, which ``campaigns_resume`` hands out again.
    """
    now = timezone.now()
    candidates = list(
        Recipient.objects.filter(campaign_id=campaign_id)
        .filter(_due(now))
        .order_by("pk")
        .values_list("pk", flat=True)[:CLAIM_BATCH]
    )
    if not candidates:
        return []
    token = secrets.token_hex(8)  # marks this claim's rows
    Recipient.objects.filter(pk__in=candidates).filter(_due(now)).update(
        status=Recipient.Status.SENDING, attempts=F("attempts") + 1, claim=token
    )
    claimed = list(
        Recipient.objects.select_related("campaign", "organisation", "person")
        .filter(pk__in=candidates, status=Recipient.Status.SENDING, claim=token)
        .order_by("pk")
    )
    unsubscribed = _unsubscribed({recipient.email for recipient in claimed})
    for recipient in claimed:
        recipient.unsubscribed = recipient.email in unsubscribed
    return claimed


def _take_lease(campaign_id: int) -> bool:
    now = timezone.now()
    return bool(
        Campaign.objects.filter(
            pk=campaign_id, status__in=[Campaign.Status.QUEUED, Campaign.Status.SENDING]
        )
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(status=Campaign.Status.SENDING, lease_until=now + LEASE)
    )


def campaign_send(*, campaign_id: int, sleep=time.sleep, clock=time.monotonic) -> int:
    """Send the campaign's due emails, at most ``OUTREACH_RATE`` a second; returns how many
    were sent. Nothing happens while another worker holds the campaign's lease."""
    if not _take_lease(campaign_id):
        return 0
    interval = 1 / settings.OUTREACH_RATE
    connection = get_connection()
    sent = 0
    next_at = clock()
    lease_renewed = clock()
    try:
        while batch := _claim_batch(campaign_id):
            for recipient in batch:
                wait = next_at - clock()
                if wait > 0:
                    sleep(wait)
                # The next email leaves an interval after this one starts, never sooner.
                next_at = max(next_at, clock()) + interval
                sent += _deliver(recipient, connection)
            if clock() - lease_renewed > LEASE.total_seconds() / 4:
                Campaign.objects.filter(pk=campaign_id).update(lease_until=timezone.now() + LEASE)
                lease_renewed = clock()
    finally:
        connection.close()
        _finish(campaign_id)
    return sent


def _deliver(recipient: Recipient, connection) -> int:
    """Send one claimed email and record the outcome; returns 1 when it left."""
    now = timezone.now()
    row = Recipient.objects.filter(pk=recipient.pk)
    if recipient.unsubscribed:  # unsubscribed since the campaign was queued
        row.update(status=Recipient.Status.SKIPPED)
        return 0
    try:
        connection.open()  # once: an open connection stays open (a broken one is reopened)
        count = email_deliver(
            template=TEMPLATE,
            to=[recipient.email],
            language=recipient.language,
            context={"recipient": recipient},
            reply_to="",
            connection=connection,
        )
    except Exception as error:  # noqa: BLE001 - any refusal of the mail server is recorded
        logger.warning("Campaign email to %s failed: %s", recipient.email, error)
        connection.close()  # a broken connection is opened again for the next email
        row.update(
            status=Recipient.Status.FAILED,
            last_error=str(error)[:1000] or error.__class__.__name__,
            retry_at=now + RETRY_AFTER * recipient.attempts,
        )
        return 0
    row.update(status=Recipient.Status.SENT, sent_at=now, last_error="", retry_at=None)
    return count


def _finish(campaign_id: int) -> None:
    """Give the lease back; the campaign is done once nothing is left to send or retry."""
    left = Recipient.objects.filter(campaign_id=campaign_id).filter(
        Q(status__in=[Recipient.Status.PENDING, Recipient.Status.SENDING])
        | Q(status=Recipient.Status.FAILED, attempts__lt=MAX_ATTEMPTS)
    )
    if left.exists():
        Campaign.objects.filter(pk=campaign_id).update(lease_until=None)
    else:
        Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).update(
            status=Campaign.Status.DONE, done_at=timezone.now(), lease_until=None
        )


def campaigns_resume() -> int:
    """Housekeeping: resend failed emails whose retry is due, and record emails a stopped
    worker left half-sent as failed (they are retried; the server may have had them).
    Returns how many campaigns were started again."""
    now = timezone.now()
    stalled = Campaign.objects.filter(status=Campaign.Status.SENDING).filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    )
    Recipient.objects.filter(campaign__in=stalled, status=Recipient.Status.SENDING).update(
        status=Recipient.Status.FAILED,
        last_error=_("Sending was interrupted."),
        retry_at=now,
    )
    due = list(
        Recipient.objects.filter(campaign__in=stalled)
        .filter(_due(now))
        .order_by()  # no default ordering: one row per campaign
        .values_list("campaign_id", flat=True)
        .distinct()
    )
    for campaign_id in due:
        transaction.on_commit(partial(_enqueue, campaign_id))
    for campaign_id in stalled.exclude(pk__in=due).values_list("pk", flat=True):
        _finish(campaign_id)
    return len(due)


def email_prepare(*, template: str, context: dict) -> EmailParts | None:
    """The campaign's letter for one recipient, in its language, with its links and the
    one-click unsubscribe headers (RFC 8058)."""
    recipient = context.get("recipient")
    if not isinstance(recipient, Recipient):
        return None
    values = merge_values(recipient)
    subject, body = recipient.campaign.text(translation.get_language())
    unsubscribe = values["unsubscribe_link"]
    return EmailParts(
        context={
            "subject": merge(subject, values),
            "letter": merge(body, values),
            "unsubscribe_link": unsubscribe,
            "newsletter": recipient.campaign.is_newsletter,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def merge_values(recipient: Recipient) -> dict:
    """The merge fields' values for one recipient, in the active language."""
    organisation = recipient.organisation or getattr(recipient.person, "organisation", None)
    person_name = recipient.person.name if recipient.person_id else ""
    return {
        "municipality": organisation.name if organisation else "",
        "contact_name": person_name or recipient.contact_name or _("colleagues"),
        "name": person_name or _("colleagues"),
        "reply_link": base_url() + reverse("outreach:reply", args=[reply_token(recipient.nonce)]),
        "unsubscribe_link": unsubscribe_link(recipient.email) if recipient.email else "",
    }


# Printable letters -----------------------------------------------------------------------------


def letters_fingerprint(campaign: Campaign) -> str:
    """What the printable letters are made of (the text, the organisations' names and postal
    addresses): when it changes, the PDF is stale. One query."""
    digest = hashlib.sha256()
    for part in (campaign.subject, campaign.body, str(campaign.queued_at)):
        digest.update(part.encode() + b"\0")
    rows = (
        Recipient.objects.filter(campaign=campaign)
        .order_by("pk")
        .values_list("organisation__name", "organisation__postal_address")
    )
    for name, address in rows:
        digest.update(f"{name}\0{address}\0".encode())
    return digest.hexdigest()


def letters_pdf_request(*, campaign: Campaign, force: bool = False) -> Campaign:
    """Queue a build of the campaign's printable letters; a build that is waiting or running
    is not doubled (double clicks, two coordinators)."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if not campaign.by_letter or campaign.status == Campaign.Status.DRAFT:
            raise OutreachError(_("Letters are printed for a sent campaign that goes on paper."))
        if campaign.letters_in_progress and not force:
            return campaign
        Campaign.objects.filter(pk=campaign.pk).update(
            letters_status=Campaign.LettersStatus.QUEUED, letters_error=""
        )
        campaign.letters_status = Campaign.LettersStatus.QUEUED
        from pioneers.outreach.tasks import build_letters  # the task calls back into this module

        transaction.on_commit(partial(build_letters.enqueue, campaign_id=campaign.pk))
    return campaign


def letters_pdf_ensure(*, campaign: Campaign) -> Campaign:
    """The campaign, with a build of its letters queued when they are missing or stale."""
    if not campaign.by_letter or campaign.status == Campaign.Status.DRAFT:
        return campaign
    if campaign.letters_in_progress or campaign.letters_status == Campaign.LettersStatus.FAILED:
        return campaign  # a failed build waits for the coordinator's "try again"
    if campaign.letters_file and campaign.letters_fingerprint == letters_fingerprint(campaign):
        return campaign
    return letters_pdf_request(campaign=campaign)


def letters_pdf_build(*, campaign_id: int) -> str:
    """Render the letters and keep the PDF privately; never raises (a failure is recorded for
    the coordinator). Returns the status."""
    from pioneers.outreach.letters import campaign_letters_pdf  # heavy: WeasyPrint

    rows = Campaign.objects.filter(pk=campaign_id)
    campaign = rows.first()
    if campaign is None:
        return "gone"
    rows.update(letters_status=Campaign.LettersStatus.BUILDING)
    fingerprint = letters_fingerprint(campaign)  # before rendering: a change meanwhile is seen
    try:
        content = campaign_letters_pdf(campaign)
    except Exception as error:  # noqa: BLE001 - shown to the coordinator, never a 500
        logger.exception("Letters of campaign %s failed", campaign_id)
        rows.update(
            letters_status=Campaign.LettersStatus.FAILED,
            letters_error=f"{type(error).__name__}: {error}"[:1000],
        )
        return Campaign.LettersStatus.FAILED
    old_name = campaign.letters_file.name
    campaign.letters_file.save(f"campaign-{campaign_id}.pdf", ContentFile(content), save=False)
    rows.update(
        letters_file=campaign.letters_file.name,
        letters_status=Campaign.LettersStatus.DONE,
        letters_fingerprint=fingerprint,
        letters_built_at=timezone.now(),
        letters_error="",
    )
    if old_name and old_name != campaign.letters_file.name:
        campaign.letters_file.storage.delete(old_name)
    return Campaign.LettersStatus.DONE


# Replies ---------------------------------------------------------------------------------------


def recipient_by_token(token) -> Recipient | None:
    """The recipient of a reply link, or None for a link that is not one of ours."""
    if not isinstance(token, str) or not TOKEN.fullmatch(token):
        return None
    return (
        Recipient.objects.select_related("campaign", "organisation")
        .filter(token_hash=token_key(token))
        .first()
    )


def reply_opened(*, recipient: Recipient) -> None:
    """Note the first time the reply link was opened (for the funnel)."""
    if recipient.opened_at is None:
        now = timezone.now()
        Recipient.objects.filter(pk=recipient.pk, opened_at__isnull=True).update(opened_at=now)
        recipient.opened_at = now


def reply_save(
    *,
    recipient: Recipient,
    answer: str,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    message: str = "",
    ranking: list | None = None,
    proposals: list[str] | None = None,
) -> Recipient:
    """Record the organisation's answer; answering again changes the same answer and the same
    entry in the organisation's contact log. With a campaign that asks for topics, ``ranking``
    (topics, first choice first) and ``proposals`` (titles) replace the organisation's earlier
    questionnaire answer and the topics it proposed in it."""
    if answer not in Recipient.Answer.values:
        raise ValidationError({"answer": _("Choose one of the answers.")})
    if answer == Recipient.Answer.CONTACT_ME and not (contact_email or contact_phone):
        raise ValidationError(
            {"contact_email": _("Give an email address or phone number so that we can reach you.")}
        )
    now = timezone.now()
    with transaction.atomic():
        recipient = (
            # Only the recipient's row: PostgreSQL locks no row of an outer join (a newsletter's
            # recipient has no organisation).
            Recipient.objects.select_for_update(of=("self",))
            .select_related("campaign", "organisation")
            .get(pk=recipient.pk)
        )
        recipient.answer = answer
        recipient.contact_name = contact_name.strip()
        recipient.contact_email = contact_email.strip()
        recipient.contact_phone = contact_phone.strip()
        recipient.message = message.strip()
        recipient.responded_at = now
        recipient.opened_at = recipient.opened_at or now
        recipient.full_clean(exclude=["campaign", "organisation", "person", "contact_log"])
        asks_topics = recipient.campaign.topic_questionnaire and recipient.organisation_id
        if asks_topics and (ranking is not None or proposals is not None):
            _topics_save(recipient, ranking or [], proposals or [])
        if recipient.organisation_id:
            recipient.contact_log = _contact_log_save(recipient, now)
        recipient.save()
    return recipient


def _topics_save(recipient: Recipient, ranking: list, proposals: list[str]) -> None:
    """The topic questionnaire's answer: the ranking, and the proposals (the earlier reply's
    proposals that are no longer made are withdrawn while nothing points to them)."""
    organisation = recipient.organisation
    try:
        topic_ranking_set(organisation=organisation, topics=ranking)
        proposed = [
            topic_propose_for_organisation(organisation=organisation, name=name)
            for name in proposals
        ]
    except TopicError as error:
        raise ValidationError(str(error)) from None
    earlier = list(recipient.proposed_topics.all())
    recipient.proposed_topics.set(proposed)
    for topic in earlier:
        if topic not in proposed:
            topic_proposal_withdraw(topic=topic, organisation=organisation)


def _contact_log_save(recipient: Recipient, now) -> ContactLog:
    with translation.override(settings.LANGUAGE_CODE):
        summary = _("Reply to the campaign “%(campaign)s”: %(answer)s.") % {
            "campaign": recipient.campaign.title,
            "answer": recipient.get_answer_display(),
        }
        contact = ", ".join(
            part
            for part in (recipient.contact_name, recipient.contact_email, recipient.contact_phone)
            if part
        )
        follow_up = "\n".join(
            part
            for part in (
                _("Contact person: %(contact)s") % {"contact": contact} if contact else "",
                recipient.message,
            )
            if part
        )
    log = recipient.contact_log or ContactLog(organisation_id=recipient.organisation_id)
    log.date = timezone.localdate(now)
    log.kind = ContactLog.Kind.REPLY
    log.summary = summary
    log.follow_up = follow_up
    log.save()
    return log


# Unsubscribing ---------------------------------------------------------------------------------


def unsubscribe_token(email: str) -> str:
    return signing.dumps(email.strip().lower(), salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_link(email: str) -> str:
    return base_url() + reverse("outreach:unsubscribe", args=[unsubscribe_token(email)])


def unsubscribe_email(token) -> str | None:
    """The address of an unsubscribe link, or None for a tampered or unknown one."""
    if not isinstance(token, str) or len(token) > 500:
        return None
    try:
        email = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(email, str) or not Recipient.objects.filter(email=email).exists():
        return None
    return email


def is_unsubscribed(email: str) -> bool:
    return bool(email) and Unsubscribe.objects.filter(email=email.strip().lower()).exists()


def unsubscribe(*, email: str) -> bool:
    """No campaign mails the address any more; returns False when it had unsubscribed before."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            _row, created = Unsubscribe.objects.get_or_create(email=email)
    except IntegrityError:  # the same link clicked twice at once
        return False
    if created:
        # Emails queued and not yet sent are not sent.
        Recipient.objects.filter(email=email, status=Recipient.Status.PENDING).update(
            status=Recipient.Status.SKIPPED
        )
    return created


# A person's own data (see pioneers.core.personal_data) -----------------------------------------


def _named_in_replies(user):
    """Replies that name the account's address as the organisation's contact person."""
    email = (user.email or "").strip()
    if not email:
        return Recipient.objects.none()
    return Recipient.objects.filter(contact_email__iexact=email)


def outreach_export(user) -> dict:
    """Replies to campaigns that name the person as contact (matched by the account's email
    address), and whether that address unsubscribed from campaigns."""
    replies = _named_in_replies(user).select_related("campaign", "organisation").order_by("pk")
    return {
        "named_as_contact_in_replies": [
            {
                "campaign": reply.campaign.title,
                "organisation": reply.organisation.name if reply.organisation else "",
                "name": reply.contact_name,
                "email": reply.contact_email,
                "phone": reply.contact_phone,
                "message": reply.message,
                "answered_at": reply.responded_at.isoformat() if reply.responded_at else None,
            }
            for reply in replies
        ],
        "unsubscribed_from_campaigns": is_unsubscribed(user.email or ""),
    }


def outreach_erase(user) -> None:
    """The person's name, address, phone and message go from the replies that name them (the
    organisation's answer stays), from those replies' contact log entries, and their address
    from the unsubscribe list (with the account gone, nothing is sent to it any more)."""
    with transaction.atomic():
        for reply in _named_in_replies(user).select_related("campaign", "contact_log"):
            reply.contact_name = reply.contact_email = reply.contact_phone = reply.message = ""
            if reply.contact_log_id:
                reply.contact_log = _contact_log_save(reply, reply.responded_at or timezone.now())
            reply.save()
        if user.email:
            Unsubscribe.objects.filter(email=user.email.strip().lower()).delete()
            Recipient.objects.filter(person__user=user).update(email="")
