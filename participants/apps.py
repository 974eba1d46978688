from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self) -> None:
        from documents import registry
        from participants import emails, receivers, recipients  # noqa: F401 — receivers
        from participants.documents import (
            SIGN_IN_SHEET_DOCUMENT_KIND,
            SURVEY_RESPONSES_DOCUMENT_KIND,
        )
        from participants.selectors.copies import cohort_copy_lines
        from participants.selectors.registrations import annotate_seat_counts
        from participants.views.registrations import cohort_page_context
        from programs import extensions

        emails.register_kinds()
        recipients.register_own_filters()
        registry.register(SIGN_IN_SHEET_DOCUMENT_KIND)
        registry.register(SURVEY_RESPONSES_DOCUMENT_KIND)
        extensions.register_cohort_annotator(annotate_seat_counts)
        extensions.register_cohort_copier(cohort_copy_lines)
        extensions.register_cohort_page_section(
            extensions.CohortPageSection(
                context=cohort_page_context,
                templates={
                    "notice": "participants/includes/cohort_page_notice.html",
                    "registration": "participants/includes/cohort_page_registration.html",
                },
            )
        )
