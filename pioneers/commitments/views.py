"""The commitments' public pages: the action plans with their commitments, and a commitment's
page. Their bodies are rendered and cached in ``rendered``."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pioneers.commitments import rendered, selectors
from pioneers.core.cache import page_depends_on


def index(request):
    html, tags = rendered.index_html()
    page_depends_on(request, *tags)
    return render(request, "commitments/index.html", {"body": html})


def commitment(request, code):
    found = selectors.commitment_by_code(code)
    if found is None:
        raise Http404(_("There is no commitment with this code."))
    if code != found.code.lower():
        return redirect(found, permanent=True)
    html, tags = rendered.commitment_html(found)
    page_depends_on(request, *tags)
    return render(request, "commitments/commitment.html", {"commitment": found, "body": html})
