"""The personal calendar feed: its secret address (no login: calendar programs cannot log in)
and the POST on "Kayıtlarım" that gives a new address and revokes the old."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_GET

from accounts.mixins import RoleRequiredMixin
from core.exports import as_download
from participants import permissions
from participants.selectors import calendar as selectors
from participants.services.calendar import calendar_feed_renew
from programs.calendar import personal_calendar


@require_GET
def calendar_feed(_request: HttpRequest, token: str) -> HttpResponse:
    """The person's confirmed sessions with their meeting links; 404 for an unknown or revoked
    secret (nothing tells the two apart)."""
    feed = selectors.calendar_feed_by_token(token=token)
    if feed is None:
        raise Http404
    with translation.override(feed.user.language or settings.LANGUAGE_CODE):
        content = personal_calendar(
            name=_("My training sessions"), sessions=selectors.confirmed_sessions(user=feed.user)
        )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    return as_download(response, filename="takvimim.ics")


class CalendarFeedRenewView(RoleRequiredMixin, View):
    role_test = permissions.can_view_own_registrations

    def post(self, request: HttpRequest) -> HttpResponse:
        had_one = selectors.calendar_feed_of(user=request.user) is not None
        calendar_feed_renew(user=request.user)
        if had_one:
            messages.success(
                request,
                _("Your new calendar link is ready. The old link no longer works."),
            )
        else:
            messages.success(request, _("Your calendar link is ready."))
        return redirect(reverse("participants:my_registrations") + "#takvim")
