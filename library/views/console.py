"""The coordinators' console for curating the legal-basis library."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from library import permissions, selectors, services
from library.forms import (
    CollaborationBasisForm,
    CollaborationTypeForm,
    LegalReferenceForm,
    ReviewForm,
    StepTemplateForm,
)

FORM_TEMPLATE = "library/console/form.html"


class CuratorView(RoleRequiredMixin, View):
    role_test = permissions.can_curate_library


def _form_page(request, form, *, title: str, back_url: str, intro: str = "") -> HttpResponse:
    return render(
        request,
        FORM_TEMPLATE,
        {"form": form, "title": title, "back_url": back_url, "intro": intro},
    )


def _reference_or_404(reference_id: int):
    reference = selectors.console_reference(reference_id=reference_id)
    if reference is None:
        raise Http404
    return reference


def _type_or_404(slug: str):
    collaboration_type = selectors.collaboration_type_by_slug(slug=slug)
    if collaboration_type is None:
        raise Http404
    return collaboration_type


class ReferenceListView(CuratorView):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "library/console/references.html",
            {"references": list(selectors.console_references())},
        )


class ReferenceCreateView(CuratorView):
    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, LegalReferenceForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = LegalReferenceForm(request.POST)
        if not form.is_valid():
            return self._page(request, form)
        reference = services.reference_create(fields=form.cleaned_data)
        messages.success(
            request,
            _("%(label)s was added and awaits legal review.") % {"label": reference.label},
        )
        return redirect("library:console_references")

    def _page(self, request, form) -> HttpResponse:
        return _form_page(
            request,
            form,
            title=_("New legal reference"),
            back_url=reverse("library:console_references"),
            intro=_("Only enter what you have checked; a new reference awaits legal review."),
        )


class ReferenceEditView(CuratorView):
    def get(self, request: HttpRequest, reference_id: int) -> HttpResponse:
        reference = _reference_or_404(reference_id)
        return self._page(request, LegalReferenceForm(instance=reference), reference)

    def post(self, request: HttpRequest, reference_id: int) -> HttpResponse:
        reference = _reference_or_404(reference_id)
        form = LegalReferenceForm(request.POST, instance=reference)
        if not form.is_valid():
            return self._page(request, form, reference)
        reference, review_reset = services.reference_update(
            reference_id=reference_id, fields=form.cleaned_data
        )
        if review_reset:
            messages.warning(
                request,
                _("%(label)s was changed, so it awaits legal review again.")
                % {"label": reference.label},
            )
        else:
            messages.success(request, _("%(label)s was saved.") % {"label": reference.label})
        return redirect("library:console_references")

    def _page(self, request, form, reference) -> HttpResponse:
        return _form_page(
            request,
            form,
            title=_("Edit %(label)s") % {"label": reference.label},
            back_url=reverse("library:console_references"),
            intro=_(
                "Changing the law, article, heading, domain or summary of a reviewed "
                "reference sends it back to legal review."
            ),
        )


class ReferenceReviewView(CuratorView):
    """Record a review: reviewed (checked against the official text) or outdated."""

    def get(self, request: HttpRequest, reference_id: int) -> HttpResponse:
        reference = _reference_or_404(reference_id)
        form = ReviewForm(initial={"notes": reference.review_notes})
        return self._page(request, form, reference)

    def post(self, request: HttpRequest, reference_id: int) -> HttpResponse:
        reference = _reference_or_404(reference_id)
        form = ReviewForm(request.POST)
        if not form.is_valid():
            return self._page(request, form, reference)
        if request.POST.get("outcome") == "outdated":
            services.reference_mark_outdated(
                reference_id=reference.pk, reviewer=request.user, notes=form.cleaned_data["notes"]
            )
            messages.warning(
                request, _("%(label)s was marked outdated.") % {"label": reference.label}
            )
        else:
            services.reference_mark_reviewed(
                reference_id=reference.pk, reviewer=request.user, notes=form.cleaned_data["notes"]
            )
            messages.success(
                request, _("%(label)s was marked reviewed.") % {"label": reference.label}
            )
        return redirect("library:console_references")

    def _page(self, request, form, reference) -> HttpResponse:
        return render(
            request,
            "library/console/review.html",
            {"form": form, "reference": reference},
        )


class ReferenceActiveView(CuratorView):
    """Retire a reference (hidden from visitors, kept for the record) or restore it."""

    active = True

    def post(self, request: HttpRequest, reference_id: int) -> HttpResponse:
        reference = _reference_or_404(reference_id)
        services.reference_set_active(reference_id=reference.pk, active=self.active)
        if self.active:
            messages.success(request, _("%(label)s is shown again.") % {"label": reference.label})
        else:
            messages.info(request, _("%(label)s was retired.") % {"label": reference.label})
        return redirect("library:console_references")


class CollaborationTypeListView(CuratorView):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "library/console/types.html",
            {"collaboration_types": list(selectors.console_collaboration_types())},
        )


class CollaborationTypeEditView(CuratorView):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = _type_or_404(slug)
        return self._page(request, CollaborationTypeForm(instance=collaboration_type))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = _type_or_404(slug)
        form = CollaborationTypeForm(request.POST, instance=collaboration_type)
        if not form.is_valid():
            return self._page(request, form)
        services.collaboration_type_update(
            collaboration_type_id=collaboration_type.pk, fields=form.cleaned_data
        )
        messages.success(request, _("The collaboration type was saved."))
        return redirect("library:console_type", slug=slug)

    def _page(self, request, form) -> HttpResponse:
        return _form_page(
            request,
            form,
            title=_("Edit collaboration type"),
            back_url=reverse("library:console_types"),
        )


class CollaborationTypeDetailView(CuratorView):
    """A type's legal bases (by side) and its step templates, with their actions."""

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = _type_or_404(slug)
        steps = list(selectors.step_templates(collaboration_type=collaboration_type))
        return render(
            request,
            "library/console/type_detail.html",
            {
                "collaboration_type": collaboration_type,
                "bases": list(
                    selectors.collaboration_type_bases(collaboration_type=collaboration_type)
                ),
                "steps": steps,
            },
        )


class BasisCreateView(CuratorView):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = _type_or_404(slug)
        form = CollaborationBasisForm(collaboration_type=collaboration_type)
        return _basis_page(request, form, collaboration_type)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = _type_or_404(slug)
        form = CollaborationBasisForm(request.POST, collaboration_type=collaboration_type)
        if not form.is_valid():
            return _basis_page(request, form, collaboration_type)
        services.basis_create(collaboration_type=collaboration_type, fields=form.cleaned_data)
        messages.success(request, _("The legal basis was added."))
        return redirect("library:console_type", slug=slug)


class BasisEditView(CuratorView):
    def _basis(self, basis_id: int):
        basis = selectors.basis_get(basis_id=basis_id)
        if basis is None:
            raise Http404
        return basis

    def get(self, request: HttpRequest, basis_id: int) -> HttpResponse:
        basis = self._basis(basis_id)
        form = CollaborationBasisForm(instance=basis, collaboration_type=basis.collaboration_type)
        return _basis_page(request, form, basis.collaboration_type)

    def post(self, request: HttpRequest, basis_id: int) -> HttpResponse:
        basis = self._basis(basis_id)
        collaboration_type = basis.collaboration_type
        form = CollaborationBasisForm(
            request.POST, instance=basis, collaboration_type=collaboration_type
        )
        if not form.is_valid():
            return _basis_page(request, form, collaboration_type)
        services.basis_update(basis_id=basis_id, fields=form.cleaned_data)
        messages.success(request, _("The legal basis was saved."))
        return redirect("library:console_type", slug=collaboration_type.slug)


class BasisDeleteView(CuratorView):
    def post(self, request: HttpRequest, basis_id: int) -> HttpResponse:
        basis = selectors.basis_get(basis_id=basis_id)
        if basis is None:
            raise Http404
        services.basis_delete(basis_id=basis.pk)
        messages.info(request, _("The legal basis was removed from this collaboration type."))
        return redirect("library:console_type", slug=basis.collaboration_type.slug)


def _basis_page(request, form, collaboration_type) -> HttpResponse:
    return _form_page(
        request,
        form,
        title=_("Legal basis for %(type)s") % {"type": collaboration_type.display_name},
        back_url=reverse("library:console_type", kwargs={"slug": collaboration_type.slug}),
        intro=_(
            "Explain how the article enables or limits this collaboration; write "
            "uncertain points as open questions, not as facts."
        ),
    )


def _step_page(request, form, collaboration_type) -> HttpResponse:
    return _form_page(
        request,
        form,
        title=_("Step template for %(type)s") % {"type": collaboration_type.display_name},
        back_url=reverse("library:console_type", kwargs={"slug": collaboration_type.slug}),
    )


def _step_fields(form: StepTemplateForm) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if name != "references"}


class StepCreateView(CuratorView):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return _step_page(request, StepTemplateForm(), _type_or_404(slug))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = _type_or_404(slug)
        form = StepTemplateForm(request.POST)
        if not form.is_valid():
            return _step_page(request, form, collaboration_type)
        services.step_template_create(
            collaboration_type=collaboration_type,
            fields=_step_fields(form),
            references=form.cleaned_data["references"],
        )
        messages.success(request, _("The step was added at the end."))
        return redirect("library:console_type", slug=slug)


class StepEditView(CuratorView):
    def _step(self, step_id: int):
        step = selectors.step_template_get(step_id=step_id)
        if step is None:
            raise Http404
        return step

    def get(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step = self._step(step_id)
        return _step_page(request, StepTemplateForm(instance=step), step.collaboration_type)

    def post(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step = self._step(step_id)
        form = StepTemplateForm(request.POST, instance=step)
        if not form.is_valid():
            return _step_page(request, form, step.collaboration_type)
        services.step_template_update(
            step_id=step.pk, fields=_step_fields(form), references=form.cleaned_data["references"]
        )
        messages.success(request, _("The step was saved."))
        return redirect("library:console_type", slug=step.collaboration_type.slug)


class StepDeleteView(CuratorView):
    def post(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step = selectors.step_template_get(step_id=step_id)
        if step is None:
            raise Http404
        services.step_template_delete(step_id=step.pk)
        messages.info(request, _("The step was deleted."))
        return redirect("library:console_type", slug=step.collaboration_type.slug)


class StepMoveView(CuratorView):
    def post(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step = selectors.step_template_get(step_id=step_id)
        if step is None:
            raise Http404
        direction = request.POST.get("direction")
        if direction in {"up", "down"}:
            services.step_template_move(step_id=step.pk, direction=direction)
        url = reverse("library:console_type", kwargs={"slug": step.collaboration_type.slug})
        return redirect(f"{url}#adim-{step.pk}")
