"""A person deleted anywhere (their account erased, a coordinator in the admin) takes their
survey invitations along: left behind without a person, one would collide with their
organisation's own invitation (one invitation per organisation without a person)."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from pioneers.network.models import Person
from pioneers.surveys.models import Invitation


@receiver(pre_delete, sender=Person, dispatch_uid="surveys_person_invitations")
def _person_deleted(sender, instance, **kwargs):
    Invitation.objects.filter(person=instance).delete()
