"""WSGI entry point for gunicorn (`pioneers serve`) and other WSGI servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pioneers.settings")
application = get_wsgi_application()

# Django imports the URL configuration (and with it every view, form and the admin's URLs) on
# the first request. Importing it here puts those modules in the gunicorn master, which loads
# this module before it forks (preload_app), so the workers share them instead of each
# importing its own copy.
from pioneers import urls  # noqa: E402, F401
