"""Messages to a cohort: compose → preview → send, the history with delivery counts, who got
what, retrying the failed ones; a participant's own messages."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from core.pagination import page_of
from participants import permissions, placeholders
from participants.forms.messages import CohortMessageForm
from participants.selectors import messages as selectors
from participants.services.messages import (
    cohort_message_preview,
    cohort_message_retry_failed,
    cohort_message_send,
)
from programs.selectors import cohort_summary_get


class _CohortMessagesMixin(RoleRequiredMixin):
    role_test = permissions.can_message_cohorts

    def get_cohort(self, request: HttpRequest, cohort_pk: int):
        """The cohort, or 404 for one the user does not run (another facilitator's)."""
        cohort = cohort_summary_get(pk=cohort_pk)
        if cohort is None or not permissions.can_message_cohort(request.user, cohort):
            raise Http404
        return cohort

    def get_message(self, request: HttpRequest, cohort_pk: int, pk: int):
        cohort = self.get_cohort(request, cohort_pk)
        message = selectors.cohort_message_get(cohort=cohort, pk=pk)
        if message is None:
            raise Http404
        return cohort, message


class ComposeView(_CohortMessagesMixin, View):
    """GET: the form. POST `action=preview`: the recipient count and the first recipient's
    e-mail exactly as it will be sent; `action=edit`: the form again; `action=send`: send."""

    def _compose(self, request, cohort, form, *, status=200) -> HttpResponse:
        return render(
            request,
            "participants/messages/compose.html",
            {"cohort": cohort, "form": form, "placeholders": placeholders.PLACEHOLDERS},
            status=status,
        )

    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        return self._compose(request, cohort, CohortMessageForm(cohort=cohort))

    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        form = CohortMessageForm(request.POST, cohort=cohort)
        action = request.POST.get("action", "preview")
        if not form.is_valid() or action == "edit":
            return self._compose(request, cohort, form)
        draft = form.draft()
        chosen = selectors.message_recipients(cohort=cohort, values=draft.filters)
        count = chosen.count()
        if action == "send":
            if count == 0:
                form.add_error(None, _("Nobody matches these filters: the message was not sent."))
                return self._compose(request, cohort, form)
            message = cohort_message_send(cohort=cohort, sent_by=request.user, draft=draft)
            messages.success(
                request,
                _("The message is being sent to %(count)s people.")
                % {"count": message.recipient_count},
            )
            return redirect("participants:cohort_message", cohort_pk=cohort.pk, pk=message.pk)
        first = chosen.first()
        return render(
            request,
            "participants/messages/preview.html",
            {
                "cohort": cohort,
                "form": form,
                "draft": draft,
                "count": count,
                "english_count": (
                    chosen.filter(participant__language="en").count() if draft.has_english else 0
                ),
                "first": first,
                "subject_prefix": settings.ACCOUNT_EMAIL_SUBJECT_PREFIX,
                "preview": (
                    cohort_message_preview(draft=draft, registration=first) if first else None
                ),
            },
        )


class HistoryView(_CohortMessagesMixin, View):
    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        return render(
            request,
            "participants/messages/history.html",
            {"cohort": cohort, "page": page_of(request, selectors.cohort_messages(cohort=cohort))},
        )


class DetailView(_CohortMessagesMixin, View):
    def get(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort, message = self.get_message(request, cohort_pk, pk)
        return render(
            request,
            "participants/messages/detail.html",
            {
                "cohort": cohort,
                "message": message,
                "page": page_of(request, selectors.message_deliveries(message=message)),
            },
        )


class RetryView(_CohortMessagesMixin, View):
    def post(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort, message = self.get_message(request, cohort_pk, pk)
        retried = cohort_message_retry_failed(message=message)
        if retried:
            messages.success(request, _("%(count)s e-mails are queued again.") % {"count": retried})
        else:
            messages.info(request, _("No e-mail of this message has failed."))
        return redirect("participants:cohort_message", cohort_pk=cohort.pk, pk=message.pk)


class MyMessagesView(RoleRequiredMixin, View):
    """The messages to cohorts a person was sent (the latest are on "Kayıtlarım")."""

    role_test = permissions.can_view_own_registrations

    def get(self, request: HttpRequest) -> HttpResponse:
        page = page_of(request, selectors.messages_of_participant(participant=request.user))
        return render(request, "participants/messages/mine.html", {"page": page})
