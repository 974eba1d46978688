"""The demo's registration questions of the upcoming cohort and the registered people's answers
(idempotent: questions by their text, answers by registration and question)."""

from participants.models import Registration, RegistrationAnswer
from programs.models import Cohort, RegistrationQuestion

SECTOR = "Hangi sektörde çalışıyorsunuz?"
EXPECTATIONS = "Bu eğitimden beklentileriniz neler?"
ACCESS = "Erişilebilirlik ya da sağlık ihtiyacınız var mı? Varsa yazınız."

QUESTIONS = [
    (SECTOR, RegistrationQuestion.Kind.SINGLE, "Kamu\nKooperatif\nSivil toplum", True, False),
    (EXPECTATIONS, RegistrationQuestion.Kind.TEXT, "", False, False),
    (ACCESS, RegistrationQuestion.Kind.TEXT, "", False, True),
]
_SECTORS = ["Kamu", "Kooperatif", "Sivil toplum"]
_EXPECTATIONS = [
    "Belediyeyle ortaklığın yasal dayanaklarını öğrenmek.",
    "Kooperatifimiz için bağış ve hizmet alımı yollarını görmek.",
    "",
]
_ACCESS = {2: "Tekerlekli sandalye erişimi", 5: "Vejetaryen yemek"}


def load_demo_questions(*, cohort: Cohort) -> None:
    questions = {}
    for position, (text, kind, options, required, sensitive) in enumerate(QUESTIONS, 1):
        questions[text], _created = RegistrationQuestion.objects.update_or_create(
            cohort=cohort,
            text=text,
            defaults={
                "position": position,
                "kind": kind,
                "options": options,
                "required": required,
                "sensitive": sensitive,
            },
        )
    registrations = Registration.objects.filter(cohort=cohort).order_by("pk")
    for index, registration in enumerate(registrations):
        answers = {
            SECTOR: _SECTORS[index % 3],
            EXPECTATIONS: _EXPECTATIONS[index % 3],
            ACCESS: _ACCESS.get(index, ""),
        }
        for text, value in answers.items():
            if value:
                RegistrationAnswer.objects.update_or_create(
                    registration=registration, question=questions[text], defaults={"value": value}
                )
