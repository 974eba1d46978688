"""The legal-basis library under /yasal-dayanaklar/ (namespace "library"): public pages and the
coordinators' console."""

from django.urls import path

from core.page_cache import public_page
from library.views import console, public

app_name = "library"

urlpatterns = [
    path("", public_page(public.library), name="library"),
    path("<int:reference_id>/", public_page(public.reference_detail), name="reference_detail"),
    path("kopru/", public_page(public.bridge), name="bridge"),
    path("konsol/", console.ReferenceListView.as_view(), name="console_references"),
    path("konsol/yeni/", console.ReferenceCreateView.as_view(), name="console_reference_create"),
    path(
        "konsol/<int:reference_id>/duzenle/",
        console.ReferenceEditView.as_view(),
        name="console_reference_edit",
    ),
    path(
        "konsol/<int:reference_id>/inceleme/",
        console.ReferenceReviewView.as_view(),
        name="console_reference_review",
    ),
    path(
        "konsol/<int:reference_id>/kaldir/",
        console.ReferenceActiveView.as_view(active=False),
        name="console_reference_retire",
    ),
    path(
        "konsol/<int:reference_id>/geri-al/",
        console.ReferenceActiveView.as_view(active=True),
        name="console_reference_restore",
    ),
    path("konsol/turler/", console.CollaborationTypeListView.as_view(), name="console_types"),
    path(
        "konsol/turler/<slug:slug>/",
        console.CollaborationTypeDetailView.as_view(),
        name="console_type",
    ),
    path(
        "konsol/turler/<slug:slug>/duzenle/",
        console.CollaborationTypeEditView.as_view(),
        name="console_type_edit",
    ),
    path(
        "konsol/turler/<slug:slug>/dayanak-ekle/",
        console.BasisCreateView.as_view(),
        name="console_basis_create",
    ),
    path(
        "konsol/dayanaklar/<int:basis_id>/duzenle/",
        console.BasisEditView.as_view(),
        name="console_basis_edit",
    ),
    path(
        "konsol/dayanaklar/<int:basis_id>/sil/",
        console.BasisDeleteView.as_view(),
        name="console_basis_delete",
    ),
    path(
        "konsol/turler/<slug:slug>/adim-ekle/",
        console.StepCreateView.as_view(),
        name="console_step_create",
    ),
    path(
        "konsol/adimlar/<int:step_id>/duzenle/",
        console.StepEditView.as_view(),
        name="console_step_edit",
    ),
    path(
        "konsol/adimlar/<int:step_id>/sil/",
        console.StepDeleteView.as_view(),
        name="console_step_delete",
    ),
    path(
        "konsol/adimlar/<int:step_id>/tasi/",
        console.StepMoveView.as_view(),
        name="console_step_move",
    ),
]
