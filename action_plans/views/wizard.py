"""The collaboration wizard (objective 02 of the seed): choose a collaboration type, read its
legal basis and conditions, adjust the suggested steps, and get a draft plan to refine."""

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from accounts.permissions import is_coordinator, is_facilitator
from action_plans import permissions
from action_plans.forms import WizardStartForm, WizardStepFormSet
from action_plans.selectors import plans as selectors
from action_plans.services import plans as services
from action_plans.services.plans import StepDraft
from library import selectors as library_selectors
from participants.models import Registration

# A coordinator may start a plan for any work group; the wizard's list offers those of cohorts
# that have not ended or ended at most this many days ago (hundreds of groups nationally), and
# any other group when it is asked for by name ("Start a plan" on the group's cohort page).
COORDINATOR_GROUPS_DAYS = 60


def _owner_choices(user, *, also: str = "") -> list[tuple[str, str]]:
    """ "r<id>": the user's own confirmed registration; "g<id>": a work group. `also`: an
    owner asked for by the address or the form, added when the user may start it."""
    choices = [
        (
            f"r{registration.pk}",
            _("My own plan — %(cohort)s") % {"cohort": registration.cohort.title},
        )
        for registration in selectors.my_confirmed_registrations(user=user)
    ]
    groups = {group.pk: group for group in selectors.my_groups(user=user)}
    coordinator = is_coordinator(user)
    if coordinator or is_facilitator(user):
        for group in selectors.groups_startable_by_staff(
            user=user,
            coordinator=coordinator,
            ended_after=timezone.localdate() - dt.timedelta(days=COORDINATOR_GROUPS_DAYS)
            if coordinator
            else None,
        ):
            groups.setdefault(group.pk, group)
    wanted = _as_int(also[1:]) if also.startswith("g") else None
    if wanted is not None and wanted not in groups:
        owner = _resolve_owner(user, also)
        if owner is not None:
            groups[wanted] = owner["work_group"]
    choices += [
        (
            f"g{group.pk}",
            _("Work group %(group)s — %(cohort)s")
            % {"group": group.name, "cohort": group.cohort.title},
        )
        for group in groups.values()
    ]
    return choices


def _as_int(value) -> int | None:
    return int(value) if str(value or "").isdecimal() else None


def _resolve_owner(user, value: str) -> dict | None:
    """The plan's owner as keyword arguments for `plan_create`, if the user may start it."""
    kind, number = value[:1], value[1:]
    if not number.isdecimal():
        return None
    if kind == "r":
        registration = Registration.objects.select_related("cohort").filter(pk=int(number)).first()
        if registration and permissions.can_start_plan_for_registration(user, registration):
            return {"registration": registration}
    if kind == "g":
        group = selectors.group_get(group_id=int(number))
        if group and permissions.can_start_plan_for_group(user, group):
            return {"work_group": group}
    return None


class WizardStartView(RoleRequiredMixin, View):
    """Step 1: the four collaboration types."""

    role_test = permissions.can_see_plans_area

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "action_plans/wizard/choose_type.html",
            {
                "types": list(library_selectors.collaboration_types()),
                "has_owner": bool(_owner_choices(request.user)),
                "owner": request.GET.get("owner", ""),
            },
        )


class WizardTypeView(RoleRequiredMixin, View):
    """Steps 2 and 3: the legal basis of the chosen type, then its editable step templates."""

    role_test = permissions.can_see_plans_area

    def _type(self, slug: str):
        collaboration_type = library_selectors.collaboration_type_by_slug(slug=slug)
        if collaboration_type is None:
            raise Http404
        return collaboration_type

    def _page(self, request, collaboration_type, form, formset) -> HttpResponse:
        cited = {
            template.pk: list(template.references.all())
            for template in library_selectors.step_templates(collaboration_type=collaboration_type)
        }
        step_rows = [
            (step_form, cited.get(_as_int(step_form["template_id"].value()), []))
            for step_form in formset
        ]
        return render(
            request,
            "action_plans/wizard/type.html",
            {
                "collaboration_type": collaboration_type,
                "bases": list(
                    library_selectors.collaboration_type_bases(
                        collaboration_type=collaboration_type
                    ).filter(reference__is_active=True)
                ),
                "form": form,
                "formset": formset,
                "step_rows": step_rows,
            },
        )

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = self._type(slug)
        wanted = request.GET.get("owner", "")
        choices = _owner_choices(request.user, also=wanted)
        form = WizardStartForm(
            owner_choices=choices,
            initial={
                "owner": wanted if wanted in dict(choices) else "",
                "starts_on": timezone.localdate(),
                "title": collaboration_type.display_name,
            },
        )
        templates = library_selectors.step_templates(collaboration_type=collaboration_type)
        formset = WizardStepFormSet(
            prefix="steps",
            initial=[
                {
                    "include": True,
                    "description": template.display_description,
                    "responsible": template.display_responsible_role,
                    "offset_days": template.offset_days,
                    "template_id": template.pk,
                }
                for template in templates
            ],
        )
        return self._page(request, collaboration_type, form, formset)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        collaboration_type = self._type(slug)
        form = WizardStartForm(
            request.POST,
            owner_choices=_owner_choices(request.user, also=request.POST.get("owner", "")),
        )
        formset = WizardStepFormSet(request.POST, prefix="steps")
        if not (form.is_valid() and formset.is_valid()):
            return self._page(request, collaboration_type, form, formset)
        owner = _resolve_owner(request.user, form.cleaned_data["owner"])
        if owner is None:
            raise Http404
        references = {
            template.pk: [reference.pk for reference in template.references.all()]
            for template in library_selectors.step_templates(collaboration_type=collaboration_type)
        }
        steps = [
            StepDraft(
                description=row["description"].strip(),
                responsible=row["responsible"].strip(),
                offset_days=row["offset_days"],
                reference_ids=references.get(row.get("template_id"), ()),
            )
            for row in formset.cleaned_data
            if row and row.get("include")
        ]
        plan = services.plan_create(
            collaboration_type=collaboration_type,
            title=form.cleaned_data["title"],
            starts_on=form.cleaned_data["starts_on"],
            steps=steps,
            actor=request.user,
            **owner,
        )
        messages.success(
            request,
            _("The draft plan was created with %(count)s steps. Refine it with your group.")
            % {"count": len(steps)},
        )
        return redirect("plans:plan_detail", plan_id=plan.pk)
