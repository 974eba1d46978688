"""The evaluation survey: questions, submissions (who answered) and responses (what)."""

import uuid

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.i18n import Localized
from participants.models.registrations import Registration


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
