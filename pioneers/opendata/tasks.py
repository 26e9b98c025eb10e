"""Background tasks of open data: building the full dump."""

from django_tasks import task

from pioneers.opendata.exports import build_dump


@task()
def build_dump_task() -> str:
    """Build the zip of every dataset and keep it in storage; returns its storage name."""
    return build_dump()
