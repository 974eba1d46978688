"""Importing participants from a spreadsheet: the parsed upload waits here, unsaved elsewhere,
until a coordinator confirms it; a background task then works through its rows."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """One uploaded file for one cohort: every row with its problems (`rows`, JSON) and, once
    confirmed, the progress of the background task. The rows' personal data is removed when the
    import is done (the counters stay); a preview never confirmed is deleted
    `PARTICIPANT_IMPORT_PREVIEW_HOURS` after the upload."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("waiting for confirmation")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")

    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="import_batches",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW
    )
    rows = models.JSONField(_("rows"), default=list, blank=True)
    total = models.PositiveIntegerField(_("rows to import"), default=0)
    processed = models.PositiveIntegerField(_("rows processed"), default=0)
    accounts_created = models.PositiveIntegerField(_("accounts created"), default=0)
    registered = models.PositiveIntegerField(_("registered with a seat"), default=0)
    waitlisted = models.PositiveIntegerField(_("put on the waiting list"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant import")
        verbose_name_plural = _("participant imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_preview(self) -> bool:
        return self.status == self.Status.PREVIEW

    @property
    def preview_expires_at(self):
        return self.created_at + timedelta(hours=settings.PARTICIPANT_IMPORT_PREVIEW_HOURS)

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def badge_class(self) -> str:
        return {
            self.Status.PREVIEW: "badge-warn",
            self.Status.QUEUED: "badge-warn",
            self.Status.RUNNING: "badge-accent",
            self.Status.DONE: "badge-ok",
        }[self.status]


class ImportInvitation(models.Model):
    """A person whose account an import created: their invitation link sets a password once
    they have acknowledged the privacy notice, and until they have, "Kayıtlarım" asks for it
    before anything else."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="import_invitation",
    )
    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("participant import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return str(self.user)
