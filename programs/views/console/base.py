"""What every page of the coordinator console shares."""

from django.http import Http404
from django.views import View

from accounts.mixins import RoleRequiredMixin
from programs import permissions


class ConsoleView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_programs


def or_404(obj):
    if obj is None:
        raise Http404
    return obj
