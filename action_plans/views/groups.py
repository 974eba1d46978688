"""Work groups of a cohort ("Çalışma grupları"): facilitators of the cohort and coordinators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from action_plans import permissions
from action_plans.forms import WorkGroupForm
from action_plans.selectors import plans as selectors
from action_plans.services import groups as services
from core.pagination import page_of
from participants.selectors.answers import answers_attach
from programs.selectors import cohort_questions, cohort_summary_get


def staff_cohort_or_404(request: HttpRequest, cohort_id: int):
    cohort = cohort_summary_get(pk=cohort_id)
    if cohort is None or not permissions.can_manage_groups(request.user, cohort):
        raise Http404
    return cohort


def _group_or_404(request: HttpRequest, group_id: int):
    group = selectors.group_get(group_id=group_id)
    if group is None or not permissions.can_manage_groups(request.user, group.cohort):
        raise Http404
    return group


def _add_errors(form, error: ValidationError) -> None:
    for name, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(name if name in form.fields else None, message)


GROUPS_PER_PAGE = 12  # cards of groups with their members
UNASSIGNED_PAGE = "kisi_sayfa"  # the page of the people in no group (the groups: `sayfa`)


class GroupListView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def get(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = staff_cohort_or_404(request, cohort_id)
        groups = page_of(request, selectors.cohort_groups(cohort=cohort), per_page=GROUPS_PER_PAGE)
        unassigned = page_of(
            request, selectors.unassigned_people(cohort=cohort), parameter=UNASSIGNED_PAGE
        )
        # The registration answers that help form groups: never the sensitive ones here, a
        # page facilitators share with the room (participants' console shows those to
        # coordinators).
        questions = cohort_questions(cohort=cohort, include_sensitive=False)
        groups.object_list, unassigned.object_list = (
            list(groups.object_list),
            selectors.people_shown(page=unassigned.object_list),
        )
        members = [
            member.registration for group in groups.object_list for member in group.members.all()
        ]
        answers_attach(members + unassigned.object_list, questions=questions)
        return render(
            request,
            "action_plans/groups/list.html",
            {
                "cohort": cohort,
                "groups": groups.object_list,
                "groups_page": groups,
                "unassigned": unassigned.object_list,
                "unassigned_page": unassigned,
            },
        )


class _GroupFormView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def _page(self, request, form, cohort, group=None) -> HttpResponse:
        return render(
            request,
            "action_plans/groups/form.html",
            {"form": form, "cohort": cohort, "group": group},
        )

    def _save(self, form, cohort, group):
        data = form.cleaned_data
        arguments = {
            "name": data["name"],
            "theme": data["theme"],
            "facilitator": data["facilitator"],
            "registrations": list(data["members"]),
        }
        if group is None:
            return services.work_group_create(cohort=cohort, **arguments)
        return services.work_group_update(group_id=group.pk, **arguments)

    def _post(self, request, cohort, group=None) -> HttpResponse:
        candidates = selectors.unassigned_registrations(cohort=cohort, group=group)
        form = WorkGroupForm(request.POST, cohort=cohort, candidates=candidates)
        if not form.is_valid():
            return self._page(request, form, cohort, group)
        try:
            saved = self._save(form, cohort, group)
        except ValidationError as error:
            _add_errors(form, error)
            return self._page(request, form, cohort, group)
        messages.success(request, _("The work group %(name)s was saved.") % {"name": saved.name})
        return redirect("plans:groups", cohort_id=cohort.pk)


class GroupCreateView(_GroupFormView):
    def get(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = staff_cohort_or_404(request, cohort_id)
        candidates = selectors.unassigned_registrations(cohort=cohort)
        initial = (
            {"facilitator": request.user.pk} if request.user in cohort.facilitators.all() else {}
        )
        form = WorkGroupForm(cohort=cohort, candidates=candidates, initial=initial)
        return self._page(request, form, cohort)

    def post(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        return self._post(request, staff_cohort_or_404(request, cohort_id))


class GroupEditView(_GroupFormView):
    def get(self, request: HttpRequest, group_id: int) -> HttpResponse:
        group = _group_or_404(request, group_id)
        candidates = selectors.unassigned_registrations(cohort=group.cohort, group=group)
        form = WorkGroupForm(
            cohort=group.cohort,
            candidates=candidates,
            initial={
                "name": group.name,
                "theme": group.theme,
                "facilitator": group.facilitator_id,
                "members": list(group.members.values_list("registration_id", flat=True)),
            },
        )
        return self._page(request, form, group.cohort, group)

    def post(self, request: HttpRequest, group_id: int) -> HttpResponse:
        group = _group_or_404(request, group_id)
        return self._post(request, group.cohort, group)


class GroupDeleteView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def post(self, request: HttpRequest, group_id: int) -> HttpResponse:
        group = _group_or_404(request, group_id)
        try:
            services.work_group_delete(group_id=group.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.info(request, _("The work group %(name)s was deleted.") % {"name": group.name})
        return redirect("plans:groups", cohort_id=group.cohort_id)
