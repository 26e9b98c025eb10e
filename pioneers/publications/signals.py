"""Reactions of the magazine to Wagtail's events: PDFs of published editions, editors' decisions."""

from wagtail.signals import page_published, workflow_approved, workflow_rejected


def _on_page_published(sender, instance, **kwargs):
    from pioneers.publications.models import ArticlePage, EditionPage
    from pioneers.publications.services import edition_pdf_request

    page = instance.specific
    if isinstance(page, EditionPage):
        edition_pdf_request(page)
    elif isinstance(page, ArticlePage):
        # An article approved after its edition appeared joins the edition's PDF.
        edition = page.get_parent().specific
        if edition.live:
            edition_pdf_request(edition)


def _on_workflow_approved(sender, instance, **kwargs):
    from pioneers.publications.services import article_decision_notify

    article_decision_notify(instance, "approved")


def _on_workflow_rejected(sender, instance, **kwargs):
    from pioneers.publications.services import article_decision_notify

    article_decision_notify(instance, "rejected")


def connect_signals() -> None:
    page_published.connect(_on_page_published, dispatch_uid="magazine-page-published")
    workflow_approved.connect(_on_workflow_approved, dispatch_uid="magazine-workflow-approved")
    workflow_rejected.connect(_on_workflow_rejected, dispatch_uid="magazine-workflow-rejected")
