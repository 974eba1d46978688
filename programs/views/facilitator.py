from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from accounts.mixins import RoleRequiredMixin
from programs import permissions, selectors


class MyCohortsView(RoleRequiredMixin, View):
    """A facilitator's cohorts with their sessions."""

    role_test = permissions.can_see_my_cohorts

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "programs/my_cohorts.html",
            {"cohorts": selectors.facilitator_cohorts(user=request.user)},
        )
