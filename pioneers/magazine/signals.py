"""Reactions of the magazine to Wagtail's events: PDFs of published editions, editors' decisions."""

from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from pioneers.magazine.models import ArticlePage, EditionPage
from pioneers.magazine.services import (
    article_decision_notify,
    edition_close,
    edition_pdf_request,
    is_member_article,
)


def _on_page_published(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, EditionPage):
        if page.first_published_at == page.last_published_at:  # it appears for the first time
            edition_close(page)
        edition_pdf_request(page)
    elif isinstance(page, ArticlePage):
        # An article approved after its edition appeared joins the edition's PDF.
        edition = page.get_parent().specific
        if edition.live:
            edition_pdf_request(edition)


def _on_workflow_approved(sender, instance, **kwargs):
    article_decision_notify(instance, "approved")


def _on_workflow_rejected(sender, instance, **kwargs):
    article_decision_notify(instance, "rejected")


class _NotTheMember:
    """Wagtail's email to whoever submitted, except a member for their article.

    The magazine's own email tells the member, in the language they wrote in and with a link to
    their submissions (article_decision_notify); Wagtail's would come too, linking into an admin
    they cannot open.
    """

    def get_recipient_users(self, workflow_state, **kwargs):
        if is_member_article(workflow_state):
            return set()
        return super().get_recipient_users(workflow_state, **kwargs)


class _ApprovalNotifier(_NotTheMember, WorkflowStateApprovalEmailNotifier):
    pass


class _RejectionNotifier(_NotTheMember, WorkflowStateRejectionEmailNotifier):
    pass


# Module-level: signals hold their receivers weakly.
approval_notifier = _ApprovalNotifier()


rejection_notifier = _RejectionNotifier()


def connect_signals() -> None:
    page_published.connect(_on_page_published, dispatch_uid="magazine-page-published")
    workflow_approved.connect(_on_workflow_approved, dispatch_uid="magazine-workflow-approved")
    workflow_rejected.connect(_on_workflow_rejected, dispatch_uid="magazine-workflow-rejected")
    # In place of Wagtail's own notifiers (wagtail.admin.signal_handlers), under their names:
    # whichever app is ready first, Wagtail's connecting under a taken name does nothing.
    for signal, notifier, name in (
        (workflow_approved, approval_notifier, "workflow_state_approved_email_notification"),
        (workflow_rejected, rejection_notifier, "workflow_state_rejected_email_notification"),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=name)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=name)
