import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.i18n import Localized


class Organization(models.Model):
    """The institution a participant comes from (Kurum): a municipality, cooperative, NGO…"""

    class Kind(models.TextChoices):
        METROPOLITAN_MUNICIPALITY = "metropolitan", _("metropolitan municipality")
        PROVINCIAL_MUNICIPALITY = "provincial", _("provincial municipality")
        DISTRICT_MUNICIPALITY = "district", _("district municipality")
        COOPERATIVE = "cooperative", _("cooperative")
        NGO = "ngo", _("NGO")
        PUBLIC_BODY = "public_body", _("public body")
        OTHER = "other", _("other")

    class CooperativeKind(models.TextChoices):
        SOCIAL = "social", _("social cooperative")
        WOMEN = "women", _("women's cooperative")
        AGRICULTURAL = "agricultural", _("agricultural cooperative")
        OTHER = "other", _("other cooperative")

    name = models.CharField(_("name"), max_length=200)
    search_name = models.CharField(_("search key"), max_length=200, db_index=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cooperative_kind = models.CharField(
        _("kind of cooperative"), max_length=20, choices=CooperativeKind.choices, blank=True
    )
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    district = models.CharField(_("district"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["search_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="cooperative", cooperative_kind__gt="")
                | (~Q(kind="cooperative") & Q(cooperative_kind="")),
                name="participants_org_cooperative_kind_only_for_cooperatives",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        if self.cooperative_kind:
            return str(self.get_cooperative_kind_display())
        return str(self.get_kind_display())


class ParticipantProfile(models.Model):
    """What a participant tells us once: organisation, title and phone.

    Name and preferred language live on the user (`accounts.User`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="participant_profile",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="profiles",
    )
    title = models.CharField(_("title / department"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("participant profile")
        verbose_name_plural = _("participant profiles")

    def __str__(self) -> str:
        return str(self.user)


class Registration(models.Model):
    """A person's place (or wish for one) in a cohort.

    Seats: confirmed and pending registrations both hold a seat (so approving a pending one can
    never overbook); waitlisted ones wait in `waitlist_order`.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending approval")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        REJECTED = "rejected", _("rejected")

    SEAT_HOLDING = (Status.PENDING, Status.CONFIRMED)
    ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITLISTED)

    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    waitlist_order = models.PositiveIntegerField(_("waiting-list order"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version acknowledged"), max_length=40, blank=True
    )
    privacy_acknowledged_at = models.DateTimeField(
        _("privacy notice acknowledged at"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "participant"], name="participants_one_registration_per_cohort"
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted", waitlist_order__isnull=False)
                | (~Q(status="waitlisted") & Q(waitlist_order__isnull=True)),
                name="participants_waitlist_order_only_when_waitlisted",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status"])]

    def __str__(self) -> str:
        return f"{self.participant} — {self.cohort}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def badge_class(self) -> str:
        return {
            self.Status.CONFIRMED: "badge-ok",
            self.Status.PENDING: "badge-warn",
            self.Status.WAITLISTED: "badge-accent",
            self.Status.REJECTED: "badge-danger",
            self.Status.CANCELLED: "badge-danger",
        }[self.status]


class Notification(models.Model):
    """An e-mail to send, kept as a row: written in the same transaction as the change it
    reports, sent by a Celery task after commit, never twice (unique `dedupe_key`)."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("registration received")
        CONFIRMED = "confirmed", _("registration confirmed")
        WAITLISTED = "waitlisted", _("put on the waiting list")
        PROMOTED = "promoted", _("promoted from the waiting list")
        REJECTED = "rejected", _("registration rejected")
        CANCELLED = "cancelled", _("registration cancelled")
        REMINDER = "reminder", _("reminder of the first session")
        PLAN_REMINDER = "plan_reminder", _("follow-up reminder of an action plan")
        CERTIFICATE_READY = "certificate_ready", _("certificate ready")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=5)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    dedupe_key = models.CharField(_("deduplication key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.subject


class ConsentRecord(models.Model):
    """One statement by a person about their data, append-only: the latest record per kind is
    the current state; the history proves what was acknowledged or given, and when."""

    class Kind(models.TextChoices):
        PRIVACY_NOTICE = "privacy_notice", _("privacy notice acknowledged")
        SHARE_CONTACT = "share_contact", _("share my contact details with my cohort")
        PHOTOS = "photos", _("photos of me may be taken and published")

    OPTIONAL = (Kind.SHARE_CONTACT, Kind.PHOTOS)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="consent_records",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    granted = models.BooleanField(_("given"))
    notice_version = models.CharField(_("privacy notice version"), max_length=40)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()}"


class AuditEntry(models.Model):
    """Who changed what and when: registrations, organisation merges, erasures."""

    class Action(models.TextChoices):
        REGISTERED = "registered", _("registered")
        CONFIRMED = "confirmed", _("confirmed")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WAITLISTED = "waitlisted", _("put on the waiting list")
        PROMOTED = "promoted", _("promoted from the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        REORDERED = "reordered", _("waiting list reordered")
        ORGANIZATIONS_MERGED = "org_merged", _("organisations merged")
        DATA_ERASED = "data_erased", _("personal data erased")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class SurveyQuestion(models.Model):
    """A question of a programme's evaluation survey.

    Every programme gets the standard set (the seed's three aspects, one question per objective,
    the method mix, the live links, overall satisfaction, what to improve, comments); a
    coordinator can add more.
    """

    class Kind(models.TextChoices):
        SCALE = "scale", _("scale 1–5")
        CHOICE = "choice", _("single choice")
        TEXT = "text", _("free text")

    class Topic(models.TextChoices):
        LEGAL_BASES = "legal_bases", _("legal bases conveyed in detail")
        GOOD_PRACTICE = "good_practice", _("international good practice inspiring")
        GROUP_WORK = "group_work", _("group work and action plans useful")
        OBJECTIVE = "objective", _("objective achieved")
        METHOD_MIX = "method_mix", _("mix of non-formal and passive learning")
        LIVE_LINKS = "live_links", _("live links and video messages")
        OVERALL = "overall", _("overall satisfaction")
        IMPROVE = "improve", _("what to improve")
        COMMENTS = "comments", _("comments")
        CUSTOM = "custom", _("added by the coordinator")

    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="survey_questions",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    objective = models.ForeignKey(
        "programs.Objective",
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_questions",
    )
    kind = models.CharField(_("answer type"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question (Turkish)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    choices = models.TextField(
        _("choices (Turkish)"), blank=True, help_text=_("One choice per line.")
    )
    choices_en = models.TextField(
        _("choices (English)"), blank=True, help_text=_("One choice per line, same order.")
    )
    required = models.BooleanField(_("required"), default=True)

    display_text = Localized("text")

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["program", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def display_choice_list(self) -> list[str]:
        english = [line.strip() for line in self.choices_en.splitlines() if line.strip()]
        turkish = self.choice_list
        if len(english) == len(turkish) and (get_language() or "tr").startswith("en"):
            return english
        return turkish


class SurveySubmission(models.Model):
    """That a registration has answered the survey: one per registration, never its answers."""

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="survey_submission",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey submission")
        verbose_name_plural = _("survey submissions")

    def __str__(self) -> str:
        return str(self.registration)


class SurveyResponse(models.Model):
    """One person's answers. In an anonymous survey it carries no link to the person, no time
    and a random key (only the coarse organisation kind for the report), so neither its data
    nor its order can match it to a SurveySubmission."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="survey_responses",
    )
    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_response",
    )
    organization_kind = models.CharField(_("organisation kind"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self) -> str:
        return f"{self.cohort} #{self.pk}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(
        SurveyResponse, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        SurveyQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    scale = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    choice = models.CharField(_("choice"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="participants_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(scale__isnull=True) | models.Q(scale__gte=1, scale__lte=5),
                name="participants_answer_scale_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.scale or self.choice or self.text[:30]}"


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
    total_hours = models.DecimalField(_("total hours"), max_digits=6, decimal_places=1)
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
        "objectives",
        "facilitators",
    )

    class Meta:
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

    def snapshot(self) -> dict:
        return {name: getattr(self, name) for name in self.SNAPSHOT_FIELDS}
