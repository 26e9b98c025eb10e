"""gunicorn settings shared by `pioneers serve`, `make bench` and production deployments.

Load it with `gunicorn --config python:pioneers.gunicorn_conf pioneers.wsgi:application`.
"""

import gc

# Import the application once in the master, so the workers share its memory pages.
preload_app = True


def pre_fork(server, worker):
    # Objects that exist before the fork are never collected; freezing them keeps the garbage
    # collector from touching (and so copying) the pages the workers share.
    gc.freeze()
