"""Writes in the network: loading municipalities, join requests and their decisions."""

import csv
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pioneers.core import personal_data
from pioneers.core.email import coordinator_emails, email_send
from pioneers.core.models import User
from pioneers.core.slugs import unique_slug
from pioneers.network.models import JoinRequest, Membership, Organisation, Person
from pioneers.network.names import name_skeleton, normalise_name, scripts

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _unique_slug(name: str, taken: set[str]) -> str:
    """A free organisation slug, reserved in ``taken`` for the next row of the same load."""
    slug = unique_slug(name, taken=taken, fallback="organisatie")
    taken.add(slug)
    return slug


@transaction.atomic
def municipalities_load() -> dict[str, int]:
    """Create or update every province and municipality from the shipped files; idempotent.

    Rows are matched on their CBS code, so names and provinces follow the data while slugs, and
    everything coordinators added (websites, email domains, memberships), stay as they are.
    """
    existing = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    taken = set(Organisation.objects.values_list("slug", flat=True))
    created = updated = 0

    def upsert(code, name, kind, latitude, longitude, province=None, slug_base=None):
        nonlocal created, updated
        organisation = existing.get(code)
        values = {
            "name": name,
            "kind": kind,
            "latitude": float(latitude),
            "longitude": float(longitude),
            "province": province,
        }
        if organisation is None:
            organisation = Organisation.objects.create(
                cbs_code=code, slug=_unique_slug(slug_base or name, taken), **values
            )
            existing[code] = organisation
            created += 1
        elif any(getattr(organisation, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(organisation, key, value)
            organisation.save()
            updated += 1
        return organisation

    provinces = {}
    for row in _read("provinces.csv"):
        provinces[row["province_code"]] = upsert(
            row["province_code"],
            row["name"],
            Organisation.Kind.PROVINCE,
            row["lat"],
            row["lon"],
            # "provincie-utrecht", so the municipality of the same name keeps "utrecht".
            slug_base=f"provincie {row['name']}",
        )
    for row in _read("municipalities-2025.csv"):
        upsert(
            row["cbs_code"],
            row["name"],
            Organisation.Kind.MUNICIPALITY,
            row["lat"],
            row["lon"],
            province=provinces[row["province_code"]],
        )
    return {"created": created, "updated": updated}


class JoinError(Exception):
    """A join request or decision that cannot be made; the message says why, translated."""


class NameTaken(JoinError):
    """A name that looks like the name of an organisation the platform already has."""

    def __init__(self, message: str, existing: Organisation):
        super().__init__(message)
        self.existing = existing


# Organisations one person may have waiting for approval at a time.
MAX_PENDING_REGISTRATIONS = 3


def organisation_lookalike(*, name: str, exclude: Organisation | None = None):
    """The organisation whose name looks the same as ``name`` (see ``names``), or None."""
    skeleton = name_skeleton(name)
    candidates = Organisation.objects.only("pk", "name", "slug", "is_approved")
    if exclude is not None and exclude.pk:
        candidates = candidates.exclude(pk=exclude.pk)
    # Approved organisations first, so the message names the one people know.
    for candidate in candidates.order_by("-is_approved", "name"):
        if name_skeleton(candidate.name) == skeleton:
            return candidate
    return None


def organisation_name_clean(*, name: str, organisation: Organisation | None = None) -> str:
    """The name normalised for storing; JoinError when it is empty, mixes alphabets or looks like
    the name of another organisation (NameTaken). Renaming keeps a name that looks the same."""

    name = normalise_name(name)
    if not name_skeleton(name):
        raise JoinError(_("Give the name of the organisation, in letters or digits."))
    longest = Organisation._meta.get_field("name").max_length
    if len(name) > longest:  # NFKC writes some characters out in full: "ﷺ" becomes 18
        raise JoinError(_("Make the name shorter: at most %(max)d characters.") % {"max": longest})
    if organisation is not None and organisation.pk:
        stored = Organisation.objects.filter(pk=organisation.pk).values_list("name", flat=True)
        # Unchanged to the eye: existing names that share a skeleton (the province and the
        # municipality of Utrecht) stay editable.
        if stored and name_skeleton(stored[0]) == name_skeleton(name):
            return name
    existing = organisation_lookalike(name=name, exclude=organisation)
    if existing is not None:
        raise NameTaken(
            _(
                "There is already an organisation called %(name)s; a name that looks the same "
                "cannot be used."
            )
            % {"name": existing.name},
            existing,
        )
    if len(scripts(name)) > 1:
        raise JoinError(
            _(
                "“%(name)s” mixes letters of different alphabets, such as Latin and Cyrillic. "
                "Write the name in one alphabet."
            )
            % {"name": name}
        )
    return name


def _email(template: str, to: list, language: str, context: dict) -> None:
    email_send(template=f"network/email/{template}", to=to, language=language, context=context)


def current_membership(organisation: Organisation) -> Membership | None:
    return organisation.memberships.filter(status=Membership.Status.MEMBER).first()


def _proposal_pending(organisation: Organisation) -> bool:
    return organisation.join_requests.filter(status=JoinRequest.Status.PENDING).exists()


@transaction.atomic
def join_request_create(
    *, person: Person, organisation: Organisation, kind: str, motivation: str, language: str
) -> JoinRequest:
    """Ask to join a member organisation, or propose an organisation as member."""

    if person.organisation_id == organisation.pk and kind == JoinRequest.Kind.JOIN:
        raise JoinError(_("You already belong to %(name)s.") % {"name": organisation.name})
    if JoinRequest.objects.filter(
        person=person, organisation=organisation, status=JoinRequest.Status.PENDING
    ).exists():
        raise JoinError(
            _("You already asked about %(name)s; the coordinators will decide soon.")
            % {"name": organisation.name}
        )
    if not organisation.is_approved and _proposal_pending(organisation):
        # Someone registered it and the coordinators have not decided yet.
        raise JoinError(
            _("%(name)s has already been proposed; the coordinators will decide soon.")
            % {"name": organisation.name}
        )
    membership = current_membership(organisation)
    if kind == JoinRequest.Kind.JOIN and membership is None:
        latest = organisation.memberships.order_by("-created_at").first()
        if latest is not None and latest.status == Membership.Status.LEFT:
            raise JoinError(
                _(
                    "%(name)s left the network, so you cannot join it as a pioneer. "
                    "Propose it as a member again instead."
                )
                % {"name": organisation.name}
            )
        raise JoinError(
            _("%(name)s is not a member of the network yet. Propose it as a member instead.")
            % {"name": organisation.name}
        )
    if kind == JoinRequest.Kind.PROPOSE:
        if membership is not None:
            raise JoinError(
                _("%(name)s is already a member. Ask to join it instead.")
                % {"name": organisation.name}
            )
        if not motivation.strip():
            raise JoinError(
                _("Tell the coordinators why %(name)s should join.") % {"name": organisation.name}
            )
        if organisation.memberships.filter(status=Membership.Status.APPLIED).exists():
            raise JoinError(
                _("%(name)s has already been proposed; the coordinators will decide soon.")
                % {"name": organisation.name}
            )
    domain = person.user.email.rsplit("@", 1)[-1].lower()
    join_request = JoinRequest.objects.create(
        person=person,
        organisation=organisation,
        kind=kind,
        motivation=motivation.strip(),
        email_on_domain=domain in organisation.domains,
        language=language,
    )
    if kind == JoinRequest.Kind.PROPOSE:
        Membership.objects.create(organisation=organisation, status=Membership.Status.APPLIED)
    context = {"join_request": join_request}
    _email("join_request_received", [person.user], language, context)
    _email("join_request_to_coordinators", coordinator_emails(), settings.LANGUAGE_CODE, context)
    return join_request


@transaction.atomic
def join_request_decide(*, join_request: JoinRequest, decided_by, approve: bool, reason: str):
    """Approve or decline a pending request; the person and the coordinators are emailed."""

    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequest.Status.PENDING:
        raise JoinError(_("This request has already been decided."))
    if not approve and not reason.strip():
        raise JoinError(_("Give a reason when you decline; the person will read it."))
    now = timezone.now()
    organisation = join_request.organisation
    applied = organisation.memberships.filter(status=Membership.Status.APPLIED).first()
    if approve:
        if not organisation.is_approved:
            # Approving the registration of an organisation publishes its page.
            organisation.is_approved = True
            organisation.save(update_fields=["is_approved"])
        if join_request.kind == JoinRequest.Kind.PROPOSE:
            membership = applied or Membership(organisation=organisation)
            membership.status = Membership.Status.MEMBER
            membership.member_since = now.date()
            membership.decided_by = decided_by
            membership.reason = reason.strip()
            membership.save()
        person = join_request.person
        person.organisation = organisation
        person.save(update_fields=["organisation"])
    elif join_request.kind == JoinRequest.Kind.PROPOSE and applied is not None:
        applied.status = Membership.Status.DECLINED
        applied.decided_by = decided_by
        applied.reason = reason.strip()
        applied.save()
    join_request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
    join_request.decided_at = now
    join_request.decided_by = decided_by
    join_request.reason = reason.strip()
    join_request.save()
    context = {"join_request": join_request}
    _email("join_request_decided", [join_request.person.user], join_request.language, context)
    _email(
        "join_request_decided_to_coordinators",
        coordinator_emails(),
        settings.LANGUAGE_CODE,
        context,
    )
    return join_request


@transaction.atomic
def organisation_register(
    *, person: Person, name: str, website: str, motivation: str, language: str
) -> JoinRequest:
    """Register a civil-society organisation that the platform does not know yet, and propose it
    as a partner of the network. It stays hidden from others until a coordinator approves it
    (with the proposal, or in the admin); a person has at most a few waiting at a time."""

    person = Person.objects.select_for_update().get(pk=person.pk)  # one registration at a time
    waiting = JoinRequest.objects.filter(
        person=person,
        kind=JoinRequest.Kind.PROPOSE,
        status=JoinRequest.Status.PENDING,
        organisation__is_approved=False,
    ).count()
    if waiting >= MAX_PENDING_REGISTRATIONS:
        raise JoinError(
            ngettext(
                "You already have %(count)d registered organisation waiting for the "
                "coordinators' decision. You can register another once they have decided.",
                "You already have %(count)d registered organisations waiting for the "
                "coordinators' decision. You can register another once they have decided.",
                waiting,
            )
            % {"count": waiting}
        )
    try:
        name = organisation_name_clean(name=name)
    except NameTaken as error:
        organisation = error.existing
        if organisation.is_approved:
            message = _("%(name)s is already known. Choose it from the list on the join page.")
            raise JoinError(message % {"name": organisation.name}) from None
        if _proposal_pending(organisation):
            message = _("%(name)s has already been proposed; the coordinators will decide soon.")
            raise JoinError(message % {"name": organisation.name}) from None
        # Proposed before and declined: the name is not reserved, it may be proposed again.
        organisation.website = website
        organisation.save(update_fields=["website"])
    else:
        taken = set(Organisation.objects.values_list("slug", flat=True))
        try:
            with transaction.atomic():
                organisation = Organisation.objects.create(
                    name=name,
                    slug=_unique_slug(name, taken),
                    kind=Organisation.Kind.CIVIL_SOCIETY,
                    website=website,
                    is_approved=False,
                )
        except IntegrityError:  # someone registered the same name at the same moment
            raise JoinError(
                _("%(name)s has already been proposed; the coordinators will decide soon.")
                % {"name": name}
            ) from None
    return join_request_create(
        person=person,
        organisation=organisation,
        kind=JoinRequest.Kind.PROPOSE,
        motivation=motivation,
        language=language,
    )


# A person's own data: export and erasure ---------------------------------------------------


def _when(value) -> str | None:
    return value.isoformat() if value else None


def account_export(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.all()
        ],
    }


def profile_export(user) -> dict | None:
    person = Person.objects.filter(user=user).select_related("organisation").first()
    if person is None:
        return None
    return {
        "name": person.name,
        "organisation": person.organisation.name if person.organisation_id else None,
        "job_title": person.job_title,
        "role": person.role,
        "seniority": person.seniority,
        "interests": person.interests,
        "photo": person.photo.name or None,
        "public_profile": person.public_profile,
        "join_requests": [
            {
                "organisation": join_request.organisation.name,
                "kind": join_request.kind,
                "motivation": join_request.motivation,
                "status": join_request.status,
                "created_at": _when(join_request.created_at),
                "decided_at": _when(join_request.decided_at),
                "reason": join_request.reason,
            }
            for join_request in person.join_requests.select_related("organisation")
        ],
    }


def profile_erase(user) -> None:
    """Remove the profile, its photo file (once the removal is committed) and join requests."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        return
    if person.photo:
        storage, name = person.photo.storage, person.photo.name
        transaction.on_commit(lambda: storage.delete(name))
    person.join_requests.all().delete()
    person.delete()


def person_export(*, user) -> dict:
    """Everything the platform holds on one account, for the person to download."""

    return {"exported_at": timezone.now().isoformat(), **personal_data.export_all(user)}


def person_erase(*, user, language: str = settings.LANGUAGE_CODE) -> bool:
    """Erase a person: what they wrote stays without their name, everything else goes.

    Registrations of past meetings keep their status and attendance (so counts stay right)
    but lose name, address and needs; places for upcoming meetings are given up; comments,
    practices and articles stay without a personal link; profile, photo, join requests and
    the account are removed, and the old address gets a confirmation. Erasing an account
    that is already gone changes nothing and returns False.
    """

    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user.pk).first()
        if user is None:
            return False
        email = user.email
        personal_data.erase_all(user)
        user.delete()
        _email("account_erased", [email], language, {"email": email})
    return True
