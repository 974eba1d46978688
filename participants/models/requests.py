"""A registration asked for together with a new account (the one-step form of a cohort page).
It holds no seat: the e-mail confirmation turns it into a registration, through the same seat
rule as every registration, so seats go in the order people confirm their address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationRequest(models.Model):
    class Status(models.TextChoices):
        AWAITING_VERIFICATION = "awaiting", _("awaiting e-mail verification")
        REGISTERED = "registered", _("registered")
        REFUSED = "refused", _("could not be registered")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="registration_requests",
    )
    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="registration_requests",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.AWAITING_VERIFICATION
    )
    # What the one-step form asked besides the account, applied on verification: the
    # organisation picked (its id) or to be added (its fields), and the registration step's
    # values (consents, …) as `registration_create` takes them.
    profile = models.JSONField(_("participant profile"), default=dict)
    registration_values = models.JSONField(_("registration step"), default=dict)
    registration = models.ForeignKey(
        "participants.Registration",
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(_("why it could not be registered"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration request")
        verbose_name_plural = _("registration requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cohort"], name="participants_one_request_per_cohort"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.cohort} ({self.status})"
