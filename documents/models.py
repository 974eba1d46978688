from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """One rendered file (a PDF, a bundle or a spreadsheet) and the state of its rendering.

    The file lives under MEDIA_ROOT and is only ever streamed by `documents:download`, after the
    permission function registered with its kind has said yes.
    """

    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", _("certificate")
        ACTION_PLAN = "action_plan", _("action plan")
        BUNDLE = "bundle", _("zip bundle")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RENDERING = "rendering", _("rendering")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")
        # Its file held personal data that was erased (KVKK): deleted, never rendered again.
        ERASED = "erased", _("erased")

    # The kinds the platform registers; the tests register kinds of their own, which the
    # database accepts (choices are not a database constraint).
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("owner type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("owner id"))
    owner = GenericForeignKey("content_type", "object_id")
    version = models.PositiveIntegerField(_("version"), default=1)
    superseded_by = models.OneToOneField(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    file = models.FileField(_("file"), upload_to="documents/", blank=True)
    filename = models.CharField(_("download file name"), max_length=200, blank=True)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    inputs_hash = models.CharField(_("hash of the inputs"), max_length=64)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # How far a long render has come (a spreadsheet's rows written of all its rows), for the
    # progress bar of the document's page; a PDF leaves them at zero.
    progress_done = models.PositiveIntegerField(_("progress: done"), default=0)
    progress_total = models.PositiveIntegerField(_("progress: in all"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "version"],
                name="documents_one_row_per_owner_version",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id", "kind"]),
            models.Index(fields=["status", "updated_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} v{self.version}"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)

    @property
    def is_pending(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RENDERING}

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def is_erased(self) -> bool:
        return self.status == self.Status.ERASED

    @property
    def is_zip(self) -> bool:
        return self.filename.endswith(".zip")

    @property
    def is_spreadsheet(self) -> bool:
        return self.filename.endswith(".xlsx")
