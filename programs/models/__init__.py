from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import Localized
from core.numbers import percent_of


class Program(models.Model):
    """A training programme, e.g. "Belediyeler İçin Sosyal Kooperatifçilik Eğitimi"."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    title = models.CharField(_("title (Turkish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("address name"), max_length=200, unique=True)
    summary = models.TextField(_("summary (Turkish)"))
    summary_en = models.TextField(_("summary (English)"), blank=True)
    description = models.TextField(_("description (Turkish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    audience = models.TextField(_("who it is for (Turkish)"), blank=True)
    audience_en = models.TextField(_("who it is for (English)"), blank=True)
    organizer_description = models.TextField(_("about the organiser (Turkish)"), blank=True)
    organizer_description_en = models.TextField(_("about the organiser (English)"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    display_title = Localized("title")
    display_summary = Localized("summary")
    display_description = Localized("description")
    display_audience = Localized("audience")
    display_organizer_description = Localized("organizer_description")

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Objective(models.Model):
    """An objective of a programme, numbered 01…NN as in the seed."""

    program = models.ForeignKey(
        Program, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="objectives"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text (Turkish)"))
    text_en = models.TextField(_("text (English)"), blank=True)

    display_text = Localized("text")

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["program", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "number"], name="programs_objective_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"

    @property
    def code(self) -> str:
        return f"{self.number:02d}"


class Module(models.Model):
    """A unit of the programme with its teaching method."""

    class Method(models.TextChoices):
        NON_FORMAL = "non_formal", _("non-formal / active learning")
        LECTURE = "lecture", _("lecture (passive learning)")
        GROUP_WORK = "group_work", _("group work")
        LIVE_LINK = "live_link", _("live link with an international partner")
        VIDEO_MESSAGE = "video_message", _("video message")

    program = models.ForeignKey(
        Program, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="modules"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title (Turkish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Turkish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    objectives = models.ManyToManyField(
        Objective, verbose_name=_("objectives served"), related_name="modules", blank=True
    )

    display_title = Localized("title")
    display_description = Localized("description")

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["program", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class Cohort(models.Model):
    """One run of a programme: its dates, place, capacity, facilitators and registration rules."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    program = models.ForeignKey(
        Program, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="cohorts"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cohorts",
    )
    district = models.CharField(_("district"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"))
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    requires_approval = models.BooleanField(_("registrations need approval"), default=True)
    attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance needed for a certificate (%)"), default=80
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="facilitated_cohorts",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    certificate_requires_evaluation = models.BooleanField(
        _("certificate needs the evaluation survey"), default=False
    )
    certificate_requires_plan = models.BooleanField(
        _("certificate needs a submitted action plan"),
        default=False,
        help_text=_("Their own plan or their work group's plan, submitted or approved."),
    )
    survey_anonymous = models.BooleanField(
        _("anonymous evaluation survey"),
        default=False,
        help_text=_("Answers cannot be traced back to a person in the site or in exports."),
    )
    survey_opened_at = models.DateTimeField(_("survey opened early at"), null=True, blank=True)
    survey_closed_at = models.DateTimeField(_("survey closed at"), null=True, blank=True)
    survey_closes_on = models.DateField(
        _("survey closes after"),
        null=True,
        blank=True,
        help_text=_(
            "The survey can be answered until the end of this day. Empty: open until "
            "closed by hand."
        ),
    )
    # Reminders that run themselves (beat, daily; participants/services/reminders/), each
    # switchable per cohort; `reminder_note` is appended to those that go to participants.
    remind_sessions = models.BooleanField(
        _("reminder the day before each day with sessions"), default=True
    )
    remind_survey = models.BooleanField(
        _("survey reminders (when it opens and two days before it closes)"), default=True
    )
    remind_attendance = models.BooleanField(
        _("warning when attendance falls below the certificate threshold"), default=True
    )
    remind_pending = models.BooleanField(
        _("daily digest of registrations awaiting approval to coordinators"), default=True
    )
    remind_plans = models.BooleanField(_("action plan follow-up reminders"), default=True)
    reminder_note = models.TextField(
        _("text added to reminders (Turkish)"),
        blank=True,
        max_length=1000,
        help_text=_("Appended to every reminder participants of this cohort get."),
    )
    reminder_note_en = models.TextField(
        _("text added to reminders (English)"), blank=True, max_length=1000
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    display_reminder_note = Localized("reminder_note")

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="programs_cohort_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="programs_cohort_registration_window",
            ),
            models.CheckConstraint(
                condition=Q(attendance_threshold__lte=100),
                name="programs_cohort_threshold_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program.title} — {self.title}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_public(self) -> bool:
        """Visible to everyone: the cohort and its programme are both published."""
        return self.is_published and self.program.is_published

    @property
    def is_hidden_by_program(self) -> bool:
        """Published, but hidden from the public because its programme is not (a draft, or
        unpublished or archived after the cohort was published)."""
        return self.is_published and not self.program.is_published

    @property
    def is_finished(self) -> bool:
        return self.ends_on < timezone.localdate()

    @property
    def has_started(self) -> bool:
        return self.starts_on <= timezone.localdate()

    @property
    def seats_left(self) -> int:
        """Needs the `seats_taken` annotation of programs.selectors.with_seat_counts (the
        contract of programs/extensions.py)."""
        return max(self.capacity - self.seats_taken, 0)

    @property
    def fill_percent(self) -> Decimal:
        """Needs the `seats_taken` annotation of programs.selectors.with_seat_counts."""
        return min(percent_of(self.seats_taken, self.capacity) or Decimal(0), Decimal(100))

    @property
    def registration_not_yet_open(self) -> bool:
        return timezone.now() < self.registration_opens_at

    @property
    def registration_is_open(self) -> bool:
        now = timezone.now()
        return self.is_public and self.registration_opens_at <= now < self.registration_closes_at


class Session(models.Model):
    """A dated, timed block of a cohort; attendance is counted against the sum of sessions."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    modules = models.ManyToManyField(
        Module, verbose_name=_("modules"), related_name="sessions", blank=True
    )
    room = models.CharField(_("room"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="programs_session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()


class GoodPractice(models.Model):
    """An international partner's contribution: a live link, a video message or a case study."""

    class Kind(models.TextChoices):
        LIVE_LINK = "live_link", _("live link")
        VIDEO_MESSAGE = "video_message", _("video message")
        CASE_STUDY = "case_study", _("case study")

    partner = models.CharField(_("partner organisation"), max_length=200)
    country = models.CharField(_("country (Turkish)"), max_length=100)
    country_en = models.CharField(_("country (English)"), max_length=100, blank=True)
    title = models.CharField(_("title (Turkish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary = models.TextField(_("summary (Turkish)"))
    summary_en = models.TextField(_("summary (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    link = models.URLField(_("video or page link"), blank=True)
    modules = models.ManyToManyField(
        Module, verbose_name=_("modules it illustrates"), related_name="good_practices", blank=True
    )
    collaboration_types = models.ManyToManyField(
        "library.CollaborationType",
        verbose_name=_("collaboration types it illustrates"),
        related_name="good_practices",
        blank=True,
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    display_title = Localized("title")
    display_summary = Localized("summary")
    display_country = Localized("country")

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.partner})"


# At the end: it refers to Cohort by name only, and the package re-exports it.
from programs.models.questions import RegistrationQuestion  # noqa: E402

__all__ = [
    "Cohort",
    "GoodPractice",
    "Module",
    "Objective",
    "Program",
    "RegistrationQuestion",
    "Session",
]
