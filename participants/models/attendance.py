"""Attendance: who attended which session, recorded how and by whom."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participants.models.registrations import Registration


class Attendance(models.Model):
    """Whether a confirmed participant attended one session, and who recorded it how."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        LATE = "late", _("late")
        ABSENT = "absent", _("absent")

    class Method(models.TextChoices):
        GRID = "grid", _("attendance grid")
        QR = "qr", _("QR self check-in")

    # Present and late both count as attended for the attendance rate and certificates.
    ATTENDED = (Status.PRESENT, Status.LATE)

    session = models.ForeignKey(
        "programs.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    method = models.CharField(_("recorded through"), max_length=10, choices=Method.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        ordering = ["session", "registration"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="participants_one_attendance_per_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration.participant} — {self.session}: {self.get_status_display()}"

    @property
    def attended(self) -> bool:
        return self.status in self.ATTENDED
