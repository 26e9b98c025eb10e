"""Security headers: a Content-Security-Policy without 'unsafe-inline' on every public page."""

from django.conf import settings

PUBLIC_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
# Wagtail's editing interface still writes inline scripts and styles, so /admin/ gets a policy
# that allows those but keeps every other restriction.
ADMIN_POLICY = PUBLIC_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'unsafe-inline'"
).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith(self.admin_prefix) or request.path.startswith(
                "/django-admin/"
            )
            response["Content-Security-Policy"] = ADMIN_POLICY if admin else PUBLIC_POLICY
        if settings.DEBUG:
            response["X-Pioneers-Debug"] = "1"
        return response
