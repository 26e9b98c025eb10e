"""django-allauth adapter: account emails go through the one email task, with ids, not secrets.

allauth hands ``send_mail`` a context with the links and keys it made in the request; the
queue gets only the user, the address and plain values, and ``account_email_parts`` makes the
password reset link and the address confirmation link again in the task, on the site's address.
"""

from types import SimpleNamespace
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.urls import reverse

from pioneers.core.email import EmailParts, email_send
from pioneers.core.languages import current_language
from pioneers.core.links import absolute_url, site_host

# Values of allauth's contexts that never go to the queue: links and keys with a token, made
# again in the task, and links on the request's host, made again on the site's address.
NOT_QUEUED = {"request", "key", "uid", "code", "activate_url", "password_reset_url", "signup_url"}


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        values = {
            key: value
            for key, value in context.items()
            if key not in NOT_QUEUED and isinstance(value, str | int | bool | type(None))
        }
        if context.get("user") is not None:
            values["user"] = context["user"]
        if template_prefix == "account/email/login_code":
            # The one exception: a login code lives only in the visitor's session, so the task
            # cannot make it again; it is queued as it is. It is valid for minutes and for a
            # few tries only (ACCOUNT_LOGIN_BY_CODE_TIMEOUT, ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS).
            values["code"] = context["code"]
        email_send(
            template=template_prefix,
            to=[email],
            language=current_language(),
            context={**values, "email": email},
        )

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        # The address is queued, not the key: the task signs a new one (allauth's default HMAC
        # confirmations, which need no stored key).
        address = emailconfirmation.email_address
        prefix = "email_confirmation_signup" if signup else "email_confirmation"
        email_send(
            template=f"account/email/{prefix}",
            to=[address.email],
            language=current_language(),
            context={"user": address.user, "email_address": address, "email": address.email},
        )

    def get_login_redirect_url(self, request):
        # After logging in or out, stay in the language the visitor was reading.
        return f"/{current_language()}/"

    def get_logout_redirect_url(self, request):
        return f"/{current_language()}/"


def account_email_parts(*, template: str, context: dict) -> EmailParts:
    """What allauth's templates need besides the queued values, made in the task: the site
    (the network's name, the site's host) and the links, with a new token where one belongs."""
    parts = EmailParts(
        context={
            "current_site": SimpleNamespace(name=context["network"].name, domain=site_host()),
            "signup_url": absolute_url(reverse("account_signup")),
            "password_reset_url": absolute_url(reverse("account_reset_password")),
        }
    )
    if template == "account/email/password_reset_key":
        user = context["user"]
        key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
        # As allauth builds it: the key holds a dash, so it is put in after reversing.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        parts.context["password_reset_url"] = absolute_url(path.replace("UID-KEY", quote(key)))
    elif "email_address" in context:
        confirmation = EmailConfirmationHMAC(context["email_address"])
        parts.context["key"] = confirmation.key
        parts.context["activate_url"] = absolute_url(
            reverse("account_confirm_email", args=[confirmation.key])
        )
    return parts
