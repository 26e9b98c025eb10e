"""WSGI entry point for gunicorn (`pioneers serve`) and other WSGI servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pioneers.settings")
application = get_wsgi_application()
