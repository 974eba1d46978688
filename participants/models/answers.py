"""Answers to a cohort's registration questions (the questions: programs.RegistrationQuestion)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

YES, NO = "yes", "no"


class RegistrationAnswer(models.Model):
    """A registration's answer to one question of its cohort. `value` is text: what was typed,
    the choice picked, the choices picked one per line, or "yes"/"no". It keeps the words of
    the choice itself, so a choice renamed or removed later still shows what was answered."""

    registration = models.ForeignKey(
        "participants.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        "programs.RegistrationQuestion",
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    value = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("registration answer")
        verbose_name_plural = _("registration answers")
        ordering = ["question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"],
                name="participants_one_registration_answer_per_question",
            ),
        ]

    def __str__(self) -> str:
        return self.display_value

    @property
    def values(self) -> list[str]:
        return [line for line in self.value.splitlines() if line]

    @property
    def display_value(self) -> str:
        labels = {YES: _("Yes"), NO: _("No")}
        if self.question.kind == self.question.Kind.YES_NO and self.value in labels:
            return str(labels[self.value])
        return ", ".join(self.values)
