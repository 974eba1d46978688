"""The preview of every kind of e-mail (coordinators): subject, plain text and HTML in each
language, from notifications.previews. The HTML is shown in a sandboxed frame served by
`EmailPreviewHtmlView`: an e-mail's inline styles are allowed there, and only there."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from accounts import permissions
from accounts.mixins import RoleRequiredMixin
from notifications import registry
from notifications.previews import email_preview, email_previews

# The frame may show the e-mail's own inline styles and data images, nothing else: no script,
# no request to anywhere, only inside a page of this site.
EMAIL_FRAME_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox"
)


class EmailPreviewsView(RoleRequiredMixin, View):
    role_test = permissions.can_use_console

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "gencisi/email_previews.html", {"previews": email_previews()})


class EmailPreviewHtmlView(RoleRequiredMixin, View):
    role_test = permissions.can_use_console

    def get(self, _request: HttpRequest, kind: str, language: str) -> HttpResponse:
        found = registry.find(kind)
        if found is None or language not in dict(settings.LANGUAGES):
            raise Http404
        email = email_preview(kind=found, language=language)
        if email is None:
            raise Http404
        response = HttpResponse(email.html)
        response.headers["Content-Security-Policy"] = EMAIL_FRAME_POLICY
        response.headers["X-Frame-Options"] = "SAMEORIGIN"  # the middleware keeps it
        return response
