"""Fixtures of the network tests."""

import pytest


@pytest.fixture
def media(settings, tmp_path):
    """Media and private files in a temporary folder; returns the private folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    private = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": private, "base_url": "/private/"},
        },
    }
    return private
