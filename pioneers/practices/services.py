"""Writes for the knowledge base: shared practices, their take-up and public nominations."""

from django.conf import settings
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from pioneers.core.cache import SITE, tags_changed_on_commit
from pioneers.core.email import coordinator_emails, email_send
from pioneers.core.personal_data import removed_person
from pioneers.core.slugs import unique_slug
from pioneers.core.text import text_to_html
from pioneers.network.models import Organisation, Person
from pioneers.network.selectors import member_organisation
from pioneers.practices.models import Nomination, PracticeIndexPage, PracticePage, PracticeReuse
from pioneers.practices.selectors import own_practices

PRACTICE_TEXT_FIELDS = ["problem", "approach", "result", "lessons"]


class PracticeError(Exception):
    """A practice, reuse or nomination that cannot be made; the message is for the user."""


def practice_submit(*, person: Person, data: dict) -> PracticePage:
    """A pioneer's practice, as a draft under the knowledge base, submitted for moderation.

    The municipality is the pioneer's own member organisation; the pioneer is its contact
    person. It goes through the page's moderation workflow when one applies; otherwise the
    coordinators get an email. Either way they approve it in the admin, which publishes it.
    """
    organisation = member_organisation(person.user)
    if organisation is None:
        raise PracticeError(_("Only pioneers of a member organisation can share a practice."))
    if organisation.kind != Organisation.Kind.MUNICIPALITY:
        raise PracticeError(_("Practices belong to a municipality; yours is not one."))
    index = PracticeIndexPage.objects.filter(locale__language_code="nl").first()
    if index is None:
        index = PracticeIndexPage.objects.first()
    if index is None:
        raise PracticeError(_("The knowledge base has not been set up yet."))
    with transaction.atomic():
        practice = PracticePage(
            title=data["title"],
            slug=_free_slug(index, data["title"]),
            summary=data["summary"],
            status=data["status"],
            started_on=data.get("started_on"),
            municipality=organisation,
            contact=person,
            contact_consent=data.get("contact_consent", False),
            owner=person.user,
            live=False,
            **{field: text_to_html(data.get(field, "")) for field in PRACTICE_TEXT_FIELDS},
            **{field: field in data.get("values", []) for field, _label in PracticePage.VALUES},
        )
        practice.topics.set(data.get("topics", []))
        index.add_child(instance=practice)
        practice.save_revision(user=person.user)
        workflow = practice.get_workflow()
        if workflow is not None:
            workflow.start(practice, person.user)  # Wagtail tells the workflow's reviewers
        else:
            email_send(
                template="practices/email/practice_submitted",
                to=coordinator_emails(),
                language=settings.LANGUAGE_CODE,
                context={"practice": practice, "person": person},
            )
    return practice


def _free_slug(parent, title: str) -> str:
    return unique_slug(
        title,
        taken=lambda slug: parent.get_children().filter(slug=slug).exists(),
        max_length=70,
        fallback="praktijk",
    )


def practice_reuse(*, practice: PracticePage, person: Person, message: str) -> PracticeReuse:
    """ "We want to try this too": counted once per organisation; the contact person hears of it."""
    organisation = member_organisation(person.user)
    if organisation is None:
        raise PracticeError(_("Only pioneers of a member organisation can take up a practice."))
    if organisation.pk == practice.municipality_id:
        raise PracticeError(_("This is your own organisation's practice."))
    with transaction.atomic():
        reuse, created = PracticeReuse.objects.get_or_create(
            practice=practice,
            organisation=organisation,
            defaults={"person": person, "message": message},
        )
        if not created:
            raise PracticeError(_("Your organisation already said it wants to try this."))
        contact = practice.contact
        if contact is not None:
            email_send(
                template="practices/email/practice_reuse",
                to=[contact.user],
                language=settings.LANGUAGE_CODE,
                context={"practice": practice, "reuse": reuse, "email": person.user.email},
                reply_to=person.user.email,
            )
    return reuse


def nomination_create(*, data: dict) -> Nomination:
    """A public nomination; the coordinators get an email to triage it."""
    nomination = Nomination.objects.create(**data)
    email_send(
        template="practices/email/nomination_received",
        to=coordinator_emails(),
        language=settings.LANGUAGE_CODE,
        context={"nomination": nomination},
    )
    return nomination


def nomination_to_practice(
    *, nomination: Nomination, municipality: Organisation, by
) -> PracticePage:
    """Turn a nomination into a draft practice for the coordinators to complete and publish."""
    if nomination.status != Nomination.Status.NEW:
        raise PracticeError(_("This nomination has been triaged already."))
    index = PracticeIndexPage.objects.filter(locale__language_code="nl").first()
    if index is None:
        raise PracticeError(_("The knowledge base has not been set up yet."))
    description = nomination.description
    if nomination.link:
        description += "\n\n" + nomination.link
    with transaction.atomic():
        practice = PracticePage(
            title=nomination.title,
            slug=_free_slug(index, nomination.title),
            summary=Truncator(nomination.description).chars(390),
            problem=text_to_html(description),
            approach=text_to_html(description),
            status=PracticePage.Status.RUNNING,
            municipality=municipality,
            owner=by,
            live=False,
        )
        index.add_child(instance=practice)
        practice.save_revision(user=by)
        nomination.status = Nomination.Status.ACCEPTED
        nomination.practice = practice
        nomination.save(update_fields=["status", "practice"])
    return practice


def nomination_decline(*, nomination: Nomination) -> None:
    if nomination.status != Nomination.Status.NEW:
        raise PracticeError(_("This nomination has been triaged already."))
    nomination.status = Nomination.Status.DECLINED
    nomination.save(update_fields=["status"])


# A person's own data (see pioneers.core.personal_data) ------------------------------------


def practices_export(user) -> dict:
    return {
        "practices": [
            {"title": practice.title, "state": practice.state} for practice in own_practices(user)
        ],
        "practices_taken_up": [
            {"practice": reuse.practice.title, "message": reuse.message}
            for reuse in PracticeReuse.objects.filter(person__user=user).select_related("practice")
        ],
        "nominations": [
            {
                "initiative": nomination.title,
                "municipality_or_organisation": nomination.municipality_name,
                "description": nomination.description,
                "link": nomination.link,
                "name": nomination.name,
                "email": nomination.email,
                "nominated_at": nomination.created_at.isoformat(),
            }
            for nomination in Nomination.objects.filter(email__iexact=user.email)
        ],
    }


def practices_erase(user) -> None:
    """Nominations stay without name and address; practices and their saved revisions lose the
    person as contact, so publishing a draft later does not bring the link back."""
    Nomination.objects.filter(email__iexact=user.email).update(name=removed_person(), email="")
    person_id = Person.objects.filter(user=user).values_list("pk", flat=True).first()
    if person_id is None:
        return
    PracticePage.objects.filter(contact_id=person_id).update(contact=None, contact_consent=False)
    tags_changed_on_commit(SITE)  # the update sends no signal; practices lose the name
    for revision in Revision.objects.filter(content__contact=person_id).iterator():
        revision.content.update(contact=None, contact_consent=False)
        revision.save(update_fields=["content"])
