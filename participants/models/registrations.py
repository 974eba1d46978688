"""Organisations, participant profiles, registrations, consents, audit log."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import choice_label


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
            return choice_label(self.CooperativeKind, self.cooperative_kind)
        return choice_label(self.Kind, self.kind)


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
    # The e-mails about this registration (`Notification.about`), deleted with it.
    notifications = GenericRelation(
        "notifications.Notification", content_type_field="about_type", object_id_field="about_id"
    )

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

    def get_status_display(self) -> str:
        return choice_label(self.Status, self.status)

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
        # A cohort's change history, newest first, a page at a time (issue 15).
        indexes = [
            models.Index(
                "cohort",
                models.F("created_at").desc(),
                models.F("id").desc(),
                name="audit_cohort_newest_first",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"
