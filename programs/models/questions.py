"""Registration questions of a cohort (programs.Cohort): the definitions; the answers are the
registrations' (participants.RegistrationAnswer)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import Localized


class RegistrationQuestion(models.Model):
    """A question a cohort asks at registration (sector, expectations, accessibility needs).
    The answers belong to the registrations (participants.RegistrationAnswer); a sensitive
    question's answers (health, access needs) are shown to coordinators only."""

    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        YES_NO = "yes_no", _("yes / no")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)

    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="registration_questions",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question (Turkish)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    options = models.TextField(
        _("choices"), blank=True, help_text=_("One choice per line (choice questions only).")
    )
    required = models.BooleanField(_("required"), default=False)
    sensitive = models.BooleanField(
        _("sensitive (health or access needs)"),
        default=False,
        help_text=_(
            "Only coordinators see the answers; they are removed when a person's data is erased."
        ),
    )

    display_text = Localized("text")

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["cohort", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        """The choices, one per line of `options`, without blanks or repeats."""
        choices: list[str] = []
        for line in self.options.splitlines():
            choice = line.strip()
            if choice and choice not in choices:
                choices.append(choice)
        return choices

    @property
    def has_choices(self) -> bool:
        return self.kind in self.CHOICE_KINDS
