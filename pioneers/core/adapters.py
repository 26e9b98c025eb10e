"""django-allauth adapter: account emails carry the network's name and go through the task queue."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context

from pioneers.core.email import email_enqueue
from pioneers.core.languages import current_language
from pioneers.core.models import NetworkSettings


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        site = SimpleNamespace(
            name=NetworkSettings.load(request_or_site=request).name,
            domain=request.get_host() if request else "",
        )
        full_context = {"request": request, "email": email, "current_site": site}
        full_context.update(context)
        email_enqueue(self.render_mail(template_prefix, email, full_context))

    def get_login_redirect_url(self, request):
        # After logging in or out, stay in the language the visitor was reading.
        return f"/{current_language()}/"

    def get_logout_redirect_url(self, request):
        return f"/{current_language()}/"
