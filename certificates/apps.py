from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates of participation, the end of the programme: eligibility (attendance, the
    survey and action plans, all below it), bulk issue, revocation, public verification. It
    registers its document and e-mail kinds and what it adds to participants' pages."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from certificates import kinds, receivers  # noqa: F401 — connects the receivers
        from certificates.recipients import ELIGIBILITY_FILTER
        from certificates.selectors import (
            attach_ready_certificates,
            cohort_copy_lines,
            valid_certificate_count,
        )
        from participants import extensions, recipients
        from programs import extensions as program_extensions

        kinds.register_kinds()
        recipients.register(ELIGIBILITY_FILTER)
        program_extensions.register_cohort_copier(cohort_copy_lines)
        extensions.register_card_part(
            extensions.RegistrationCardPart(
                template="certificates/includes/my_certificate.html",
                attach=attach_ready_certificates,
            )
        )
        extensions.register_cohort_figure(
            extensions.OverviewCohortFigure(
                name="certificate_count",
                label=_("Certificates issued"),
                annotation=valid_certificate_count,
            )
        )
