"""The legal-basis library: references to laws and articles, the four collaboration types of
the seed, how each reference enables or limits a collaboration, step templates for the
collaboration wizard, and the 17 Sustainable Development Goals (reference data).

These models lived in action_plans until issue 12; their tables keep their names
(`db_table`), so an installation's library is where it was."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import Localized

CONSOLIDATED_TEXT_URL = (
    "https://www.mevzuat.gov.tr/mevzuat?MevzuatNo={number}&MevzuatTur=1&MevzuatTertip=5"
)
PDF_URL = "https://www.mevzuat.gov.tr/MevzuatMetin/1.5.{number}.pdf"

digits_only = RegexValidator(r"^[0-9]+$", _("Enter digits only, for example 5393."))


class SDG(models.Model):
    """One of the 17 UN Sustainable Development Goals (Sürdürülebilir Kalkınma Amaçları)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name (Turkish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    display_name = Localized("name")

    class Meta:
        db_table = "action_plans_sdg"
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class LegalReference(models.Model):
    """One article of a law or regulation, with a plain-Turkish summary and its review state."""

    class Kind(models.TextChoices):
        LAW = "law", _("law")
        REGULATION = "regulation", _("regulation")

    class Domain(models.TextChoices):
        CONSTITUTION = "constitution", _("constitution")
        MUNICIPAL = "municipal", _("municipal law")
        COOPERATIVE = "cooperative", _("cooperative law")
        PROCUREMENT = "procurement", _("public procurement")
        PUBLIC_FINANCE = "public_finance", _("public finance")
        DATA_PROTECTION = "data_protection", _("data protection")
        OTHER = "other", _("other")

    class ReviewStatus(models.TextChoices):
        AWAITING = "awaiting", _("awaiting legal review")
        REVIEWED = "reviewed", _("reviewed")
        OUTDATED = "outdated", _("outdated")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.LAW)
    law_number = models.CharField(
        _("law number"),
        max_length=10,
        blank=True,
        validators=[digits_only],
        help_text=_(
            "Digits only, e.g. 5393. Required for a law; official links are built from it."
        ),
    )
    law_name = models.CharField(
        _("name of the law or regulation"),
        max_length=300,
        help_text=_("The official Turkish name, e.g. Belediye Kanunu."),
    )
    article_number = models.CharField(
        _("article number"),
        max_length=20,
        help_text=_("As written in the text, e.g. 14 or 26/A."),
    )
    article_heading = models.CharField(
        _("article heading"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty if the heading has not been checked in the official text."),
    )
    summary = models.TextField(
        _("summary (Turkish)"),
        help_text=_("Plain Turkish, for municipal staff; say so when a point is uncertain."),
    )
    summary_en = models.TextField(_("summary (English)"), blank=True)
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    review_status = models.CharField(
        _("review status"),
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.AWAITING,
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateField(_("review date"), null=True, blank=True)
    review_notes = models.TextField(
        _("review notes and open questions"),
        blank=True,
        help_text=_("What must still be checked, pending bills, uncertain wording."),
    )
    is_active = models.BooleanField(
        _("shown in the library"),
        default=True,
        help_text=_("A retired reference is kept but no longer shown to visitors."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    display_summary = Localized("summary")

    class Meta:
        db_table = "action_plans_legalreference"
        verbose_name = _("legal reference")
        verbose_name_plural = _("legal references")
        ordering = ["law_number", "article_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["law_number", "article_number"],
                condition=~Q(law_number=""),
                name="action_plans_reference_unique_law_article",
            ),
            models.UniqueConstraint(
                fields=["law_name", "article_number"],
                condition=Q(law_number=""),
                name="action_plans_reference_unique_unnumbered_article",
            ),
            models.CheckConstraint(
                condition=~Q(kind="law") | ~Q(law_number=""),
                name="action_plans_reference_law_has_number",
            ),
        ]
        indexes = [models.Index(fields=["is_active", "domain"])]

    def __str__(self) -> str:
        return self.label

    @property
    def is_law(self) -> bool:
        return self.kind == self.Kind.LAW and bool(self.law_number)

    @property
    def source_label(self) -> str:
        """ "5393 sayılı Belediye Kanunu" (a regulation: its name)."""
        if self.law_number:
            return _("Law no. %(number)s, %(name)s") % {
                "number": self.law_number,
                "name": self.law_name,
            }
        return self.law_name

    @property
    def label(self) -> str:
        """ "5393 sayılı Belediye Kanunu m.14"."""
        return _("%(source)s, art. %(article)s") % {
            "source": self.source_label,
            "article": self.article_number,
        }

    @property
    def consolidated_text_url(self) -> str:
        """The law's consolidated text on mevzuat.gov.tr; empty for a regulation."""
        return CONSOLIDATED_TEXT_URL.format(number=self.law_number) if self.is_law else ""

    @property
    def pdf_url(self) -> str:
        return PDF_URL.format(number=self.law_number) if self.is_law else ""

    @property
    def is_reviewed(self) -> bool:
        return self.review_status == self.ReviewStatus.REVIEWED

    @property
    def review_badge_class(self) -> str:
        return {
            self.ReviewStatus.AWAITING: "badge-warn",
            self.ReviewStatus.REVIEWED: "badge-ok",
            self.ReviewStatus.OUTDATED: "badge-danger",
        }[self.review_status]


class CollaborationType(models.Model):
    """How a municipality works with a cooperative: procurement, donation, coordination,
    partnership (the seed's four, in that order)."""

    slug = models.SlugField(_("address name"), max_length=60, unique=True)
    name = models.CharField(_("name (Turkish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description = models.TextField(_("description (Turkish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    references = models.ManyToManyField(
        LegalReference,
        through="CollaborationBasis",
        verbose_name=_("legal references"),
        related_name="collaboration_types",
        blank=True,
    )

    display_name = Localized("name")
    display_description = Localized("description")

    class Meta:
        db_table = "action_plans_collaborationtype"
        verbose_name = _("collaboration type")
        verbose_name_plural = _("collaboration types")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class CollaborationBasis(models.Model):
    """How one legal reference enables or limits one collaboration type."""

    class Side(models.TextChoices):
        MUNICIPAL = "municipal", _("municipal-law side")
        COOPERATIVE = "cooperative", _("cooperative-law side")
        GENERAL = "general", _("general framework")

    class Effect(models.TextChoices):
        ENABLES = "enables", _("enables")
        LIMITS = "limits", _("limits")

    collaboration_type = models.ForeignKey(
        CollaborationType,
        verbose_name=_("collaboration type"),
        on_delete=models.CASCADE,
        related_name="bases",
    )
    reference = models.ForeignKey(
        LegalReference,
        verbose_name=_("legal reference"),
        on_delete=models.PROTECT,
        related_name="bases",
    )
    side = models.CharField(_("side"), max_length=12, choices=Side.choices)
    effect = models.CharField(_("effect"), max_length=8, choices=Effect.choices)
    explanation = models.TextField(
        _("how it applies (Turkish)"),
        help_text=_("How this article enables or limits this kind of collaboration."),
    )
    explanation_en = models.TextField(_("how it applies (English)"), blank=True)
    conditions = models.TextField(_("conditions (Turkish)"), blank=True)
    conditions_en = models.TextField(_("conditions (English)"), blank=True)
    open_questions = models.TextField(_("open questions (Turkish)"), blank=True)
    open_questions_en = models.TextField(_("open questions (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    display_explanation = Localized("explanation")
    display_conditions = Localized("conditions")
    display_open_questions = Localized("open_questions")

    class Meta:
        db_table = "action_plans_collaborationbasis"
        verbose_name = _("legal basis of a collaboration type")
        verbose_name_plural = _("legal bases of collaboration types")
        ordering = ["collaboration_type", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration_type", "reference"],
                name="action_plans_basis_unique_reference_per_type",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.collaboration_type} — {self.reference}"

    @property
    def effect_badge_class(self) -> str:
        return "badge-ok" if self.effect == self.Effect.ENABLES else "badge-accent"


class StepTemplate(models.Model):
    """A suggested step of a collaboration of one type, for the collaboration wizard."""

    collaboration_type = models.ForeignKey(
        CollaborationType,
        verbose_name=_("collaboration type"),
        on_delete=models.CASCADE,
        related_name="step_templates",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    description = models.TextField(_("step (Turkish)"))
    description_en = models.TextField(_("step (English)"), blank=True)
    responsible_role = models.CharField(
        _("suggested responsible (Turkish)"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Belediye meclisi, Kooperatif yönetim kurulu."),
    )
    responsible_role_en = models.CharField(
        _("suggested responsible (English)"), max_length=200, blank=True
    )
    offset_days = models.PositiveSmallIntegerField(
        _("suggested due date (days after the plan starts)"), default=0
    )
    references = models.ManyToManyField(
        LegalReference,
        verbose_name=_("legal references it relies on"),
        related_name="step_templates",
        blank=True,
        db_table="action_plans_steptemplate_references",
    )

    display_description = Localized("description")
    display_responsible_role = Localized("responsible_role")

    class Meta:
        db_table = "action_plans_steptemplate"
        verbose_name = _("step template")
        verbose_name_plural = _("step templates")
        ordering = ["collaboration_type", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.collaboration_type} #{self.position}: {self.description[:60]}"
