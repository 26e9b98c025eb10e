"""Wagtail's publishing of a meeting's revision, through the meetings' services.

``Meeting.publish`` uses this action wherever Wagtail publishes: the admin's Publish, a
scheduled time reached by `pioneers housekeeping` (Wagtail's ``publish_scheduled``), and
reverting to an older revision. The revision's version of the meeting is saved by
``services.meeting_publish`` under the meeting's lock, so the capacity is checked, the
waiting list moves up, and registrants hear of a new time, place or cancellation.
"""

import logging
from functools import partial

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.actions.publish_revision import PublishRevisionAction

from pioneers.meetings.services import meeting_publish

logger = logging.getLogger(__name__)

SCHEDULED = "wagtail.publish.scheduled"


class MeetingPublishAction(PublishRevisionAction):
    def _publish_revision(
        self, revision, object, user, changed, log_action, previous_revision=None
    ):
        publish = partial(
            super()._publish_revision,
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        )
        # Wagtail saves the meeting unless the revision of a live meeting waits for its time.
        later = bool(object.go_live_at and object.go_live_at > timezone.now() and object.live)
        if later and object.live_revision_id is None:
            # Wagtail knows a live object by its live revision; a meeting that went live before
            # meetings had revisions (the migration, the demo) has none and would go offline
            # until the time. This only steers Wagtail: a scheduled revision saves no meeting.
            object.live_revision = revision
        try:
            meeting_publish(meeting=object, by=user, publish=publish, later=later)
        except ValidationError as error:
            if log_action != SCHEDULED:
                raise  # the admin shows it on the form
            # Nobody is there to read it: the revision stays a draft instead of failing the
            # housekeeping every minute.
            revision.approved_go_live_at = None
            revision.save(update_fields=["approved_go_live_at"])
            logger.warning(
                "Scheduled publication of meeting %s refused: %s", object.pk, error.messages
            )
