from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from accounts import permissions
from accounts.mixins import RoleRequiredMixin
from gencisi.gallery import gallery_context


class ComponentGalleryView(RoleRequiredMixin, View):
    """Every component of the site in every state, drawn with the site's own includes."""

    role_test = permissions.can_use_console

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "gencisi/gallery.html", gallery_context())
