"""Messages a coordinator or facilitator writes to (part of) a cohort."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import Localized


class CohortMessage(models.Model):
    """One message to the chosen registrations of a cohort. Each recipient's e-mail is a
    `notifications.Notification` about it (its `about`; dedupe key message + recipient), which
    holds that person's text, status and reason of failure."""

    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    body_en = models.TextField(_("message (English)"), blank=True)
    # The recipient filters as chosen ({name: value}) and as the page said them when it was
    # sent, in Turkish and in English (a work group's name as it was then).
    filters = models.JSONField(_("recipient filters"), default=dict, blank=True)
    audience = models.CharField(_("recipients"), max_length=500, blank=True)
    audience_en = models.CharField(_("recipients (English)"), max_length=500, blank=True)
    recipient_count = models.PositiveIntegerField(_("number of recipients"), default=0)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    notifications = GenericRelation(
        "notifications.Notification", content_type_field="about_type", object_id_field="about_id"
    )

    class Meta:
        verbose_name = _("message to a cohort")
        verbose_name_plural = _("messages to cohorts")
        ordering = ["-created_at", "-pk"]

    # The recipients as the page says them in the reader's language (messages sent before
    # `audience_en` existed: in the sender's).
    display_audience = Localized("audience")

    def __str__(self) -> str:
        return self.subject

    @property
    def has_english(self) -> bool:
        return bool(self.subject_en and self.body_en)
