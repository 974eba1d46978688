"""Participation certificates: what was printed, their code, version and state.

The model lived in participants until issue 12; its table keeps its name (`db_table`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participants.models import Registration


class Certificate(models.Model):
    """A certificate of participation: what was printed on it (a snapshot), its public code and
    its state. A correction makes a new version with a new code; the old one stays verifiable
    as superseded."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")
        SUPERSEDED = "superseded", _("superseded")

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    code = models.CharField(_("code"), max_length=40, unique=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VALID
    )
    participant_name = models.CharField(_("participant's name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    programme_title = models.CharField(_("programme"), max_length=200)
    cohort_title = models.CharField(_("cohort"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=400, blank=True)
    # The programme's length: the hours of all the cohort's sessions.
    total_hours = models.DecimalField(_("programme length (hours)"), max_digits=6, decimal_places=1)
    # The hours this person attended (hours_for_minutes). Empty on certificates issued before
    # it was printed: those printed only the programme's length.
    attended_hours = models.DecimalField(
        _("attended hours"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    objectives = models.JSONField(_("objectives"), default=list)
    facilitators = models.JSONField(_("facilitators"), default=list)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)
    superseded_by = models.OneToOneField(
        "self",
        verbose_name=_("superseded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
    )
    # When its holder's personal data was erased (KVKK): the name it printed is replaced by
    # participants' ERASED_NAME and its PDF deleted; it still verifies, without the name.
    holder_erased_at = models.DateTimeField(_("holder's data erased at"), null=True, blank=True)
    document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # The printed fields a re-issue compares: a change in any of them makes a new version.
    SNAPSHOT_FIELDS = (
        "participant_name",
        "organisation",
        "programme_title",
        "cohort_title",
        "starts_on",
        "ends_on",
        "place",
        "total_hours",
        "attended_hours",
        "objectives",
        "facilitators",
    )

    class Meta:
        db_table = "participants_certificate"
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "version"], name="participants_certificate_version"
            ),
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(status="valid"),
                name="participants_one_valid_certificate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.participant_name}"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    @property
    def holder_erased(self) -> bool:
        return self.holder_erased_at is not None

    def snapshot(self) -> dict:
        return {name: getattr(self, name) for name in self.SNAPSHOT_FIELDS}
