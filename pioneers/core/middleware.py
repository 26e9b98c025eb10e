"""Response rules that hold on every page: security headers and honest status codes."""

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
    """A Content-Security-Policy without 'unsafe-inline' on every public page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith(("/admin/", "/django-admin/"))
            response["Content-Security-Policy"] = ADMIN_POLICY if admin else PUBLIC_POLICY
        return response


class StatusCodeMiddleware:
    """Django and allauth answer a rejected form and a dead confirmation link with 200.

    We answer 422 for a submitted form with errors and 404 for an unknown confirmation key, so
    browsers' tools, monitoring and tests see what happened; the page itself is unchanged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        context = response.context_data or {}
        # Wagtail's admin reads its own status codes; leave it alone.
        if response.status_code != 200 or request.path.startswith("/admin/"):
            return response
        form = context.get("form")
        if request.method == "POST" and form is not None and form.is_bound and form.errors:
            response.status_code = 422
        match = request.resolver_match
        if match and match.url_name == "account_confirm_email" and not context.get("confirmation"):
            response.status_code = 404
        return response
