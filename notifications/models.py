from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An e-mail to send, kept as a row: written in the same transaction as the change it
    reports, sent by a Celery task after commit, never twice (unique `dedupe_key`; a row is
    claimed as "sending" before the SMTP conversation and marked sent after it).

    `kind` names a kind an app registered (notifications.registry): its templates and label.
    `body` and `html` are the two parts of the e-mail as sent (multipart/alternative: plain text
    and HTML, both in the one layout of notifications.rendering). `address` is where it goes
    when that is not the recipient's own address (allauth's e-mails: a new address to verify);
    an e-mail to an address without an account (allauth's "no account uses this address") has
    no recipient.
    `about` is what the e-mail is about (a registration, …), generic so that this app knows no
    feature app. `next_attempt_at` is when the beat sweeper sends it if no task has: while
    queued, the next try (a lost message, or the backoff after a temporary failure); while
    sending, the moment the try counts as interrupted (its worker died). `error` is the last
    failure's reason.

    The table is participants' (the model lived there until issue 12)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
        null=True,
        blank=True,
    )
    address = models.EmailField(_("address"), blank=True)
    about_type = models.ForeignKey(
        ContentType,
        verbose_name=_("about (type)"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    about_id = models.PositiveBigIntegerField(_("about (id)"), null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    kind = models.CharField(_("kind"), max_length=60)
    language = models.CharField(_("language"), max_length=5)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"))
    html = models.TextField(_("HTML body"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    dedupe_key = models.CharField(_("deduplication key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        db_table = "participants_notification"
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["about_type", "about_id"]),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def to_address(self) -> str:
        """Where the e-mail goes: its own address, else the recipient's."""
        return self.address or self.recipient.email

    @property
    def kind_label(self) -> str:
        """The label its kind registered (the kind's name if no app registers it any more)."""
        from notifications import registry

        kind = registry.find(self.kind)
        return str(kind.label) if kind is not None else self.kind
