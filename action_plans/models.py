"""Work groups of a cohort, their action plans and the ordered steps of each plan."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.numbers import percent_of

MUNICIPAL_KINDS = ("metropolitan", "provincial", "district")

# The document kinds of plans (registered in action_plans/documents.py): a plan's PDF, and the
# ZIP of the PDFs of a cohort's plans.
PLAN_DOCUMENT_KIND = "action_plan"
PLAN_BUNDLE_KIND = "action_plan_bundle"


class WorkGroup(models.Model):
    """A group of confirmed participants of one cohort working on a shared action plan."""

    class Theme(models.TextChoices):
        CARE = "care", _("care services")
        AGRICULTURE = "agriculture", _("agriculture and food")
        WOMEN = "women", _("women's cooperatives")
        ENVIRONMENT = "environment", _("environment and recycling")
        SOCIAL = "social", _("social services and inclusion")
        CULTURE = "culture", _("culture and tourism")
        OTHER = "other", _("other")

    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="work_groups",
    )
    name = models.CharField(_("name"), max_length=120)
    theme = models.CharField(_("theme / sector"), max_length=20, choices=Theme.choices)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_work_groups",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("work group")
        verbose_name_plural = _("work groups")
        ordering = ["cohort", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "name"], name="action_plans_workgroup_unique_name_per_cohort"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class WorkGroupMember(models.Model):
    """A confirmed registration in a work group; a registration belongs to one cohort, so the
    one-to-one key means at most one group per cohort."""

    group = models.ForeignKey(
        WorkGroup, verbose_name=_("work group"), on_delete=models.CASCADE, related_name="members"
    )
    registration = models.OneToOneField(
        "participants.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="work_group_membership",
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("work group member")
        verbose_name_plural = _("work group members")
        ordering = ["group", "pk"]

    def __str__(self) -> str:
        return f"{self.group} — {self.registration.participant}"


class ActionPlan(models.Model):
    """A step-by-step action plan of a work group or of one participant (exactly one owner)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for approval")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for changes")

    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="action_plans",
    )
    work_group = models.ForeignKey(
        WorkGroup,
        verbose_name=_("work group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
    )
    registration = models.ForeignKey(
        "participants.Registration",
        verbose_name=_("participant's registration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="action_plans",
    )
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("problem statement"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    municipality = models.ForeignKey(
        "participants.Organization",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="municipal_action_plans",
    )
    cooperatives = models.ManyToManyField(
        "participants.Organization",
        verbose_name=_("cooperatives"),
        blank=True,
        related_name="cooperative_action_plans",
    )
    collaboration_type = models.ForeignKey(
        "library.CollaborationType",
        verbose_name=_("collaboration type"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    sdgs = models.ManyToManyField(
        "library.SDG",
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="plans",
    )
    starts_on = models.DateField(_("start date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    review_comment = models.TextField(_("comment of the reviewer"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(work_group__isnull=False, registration__isnull=True)
                | Q(work_group__isnull=True, registration__isnull=False),
                name="action_plans_plan_has_exactly_one_owner",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def badge_class(self) -> str:
        return {
            self.Status.DRAFT: "badge-accent",
            self.Status.SUBMITTED: "badge-warn",
            self.Status.APPROVED: "badge-ok",
            self.Status.RETURNED: "badge-danger",
        }[self.status]

    def progress_counts(self) -> tuple[int, int]:
        """(done, all) steps; uses prefetched steps or the `steps_done`/`steps_total`
        annotations when present."""
        if hasattr(self, "steps_total"):
            return self.steps_done, self.steps_total
        steps = list(self.steps.all())
        return sum(1 for step in steps if step.status == ActionStep.Status.DONE), len(steps)

    @property
    def progress_percent(self) -> Decimal:
        done, total = self.progress_counts()
        return percent_of(done, total) or Decimal(0)


class ActionStep(models.Model):
    """One ordered step of a plan."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        BLOCKED = "blocked", _("blocked")

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    description = models.TextField(_("step"))
    responsible = models.CharField(
        _("responsible person or organisation"), max_length=200, blank=True
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    references = models.ManyToManyField(
        "library.LegalReference",
        verbose_name=_("legal references it relies on"),
        blank=True,
        related_name="action_steps",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("action step")
        verbose_name_plural = _("action steps")
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_on is not None
            and self.status != self.Status.DONE
            and self.due_on < timezone.localdate()
        )

    @property
    def badge_class(self) -> str:
        return {
            self.Status.NOT_STARTED: "badge-accent",
            self.Status.IN_PROGRESS: "badge-warn",
            self.Status.DONE: "badge-ok",
            self.Status.BLOCKED: "badge-danger",
        }[self.status]
