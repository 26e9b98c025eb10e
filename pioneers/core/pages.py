"""Writes to Wagtail pages that every app shares."""


def publish(page) -> None:
    """Save ``page`` as a new revision and publish it."""
    page.save_revision().publish()
