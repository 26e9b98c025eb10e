"""The commitments app in the coordinators' admin."""

from pioneers.commitments import admin_reports  # noqa: F401
