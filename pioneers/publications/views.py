"""The reader's own page ("My overview"), gathered from the other apps."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from pioneers.publications import selectors


@login_required
def mine(request):
    """The reader's own page: registrations, practices, articles, comments, join requests."""
    return TemplateResponse(request, "publications/mine.html", selectors.my_overview(request.user))
