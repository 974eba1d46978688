"""The eligibility filter of messages to a cohort (participants/recipients.py), registered in
CertificatesConfig.ready."""

from django.utils.translation import gettext_lazy as _

from certificates.selectors import eligible_condition
from participants import recipients

ELIGIBILITY_FILTER = recipients.yes_no_filter(
    name="certificate",
    label=_("Certificate"),
    yes_label=_("eligible for a certificate"),
    no_label=_("not eligible for a certificate"),
    yes=lambda cohort: eligible_condition(cohort=cohort),
)
