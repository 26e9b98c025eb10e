"""Background tasks of meetings: they take IDs and call the service that does the work."""

from django_tasks import task


@task()
def send_registration_email(*, registration_id: int, kind: str) -> int:
    """Render and send one email about a registration (confirm link, place, reminder, ...)."""
    from pioneers.meetings.models import Registration
    from pioneers.meetings.services import registration_email

    registration = (
        Registration.objects.select_related("meeting__host").filter(pk=registration_id).first()
    )
    if registration is None or registration.is_erased:
        return 0
    return registration_email(registration, kind).send()
