import pytest
from django.urls import reverse

from participants.models import RegistrationAnswer
from programs.models import RegistrationQuestion
from tests.factories import (
    CohortFactory,
    RegistrationAnswerFactory,
    RegistrationQuestionFactory,
)

pytestmark = pytest.mark.django_db


def _create_url(cohort):
    return reverse("programs:console_question_create", kwargs={"cohort_pk": cohort.pk})


def test_coordinator_adds_questions_in_order_and_sees_them_on_the_cohort(console):
    cohort = CohortFactory()
    for data in [
        {"text": "Sektörünüz", "kind": "single", "options": "Kamu\n\n Kooperatif \nKamu"},
        {"text": "Erişim ihtiyacınız", "kind": "text", "required": "on", "sensitive": "on"},
    ]:
        response = console.post(_create_url(cohort), data)
        assert response.status_code == 302
        assert response.url.endswith("#sorular")
    assert list(
        RegistrationQuestion.objects.filter(cohort=cohort).values_list(
            "position", "text", "kind", "options", "required", "sensitive"
        )
    ) == [
        (1, "Sektörünüz", "single", "Kamu\nKooperatif", False, False),
        (2, "Erişim ihtiyacınız", "text", "", True, True),
    ]
    html = console.get(reverse("programs:console_cohort", kwargs={"pk": cohort.pk})).content
    html = html.decode()
    assert "Tek seçim: Kamu, Kooperatif · İsteğe bağlı" in html
    assert "Metin · Zorunlu" in html
    assert '<span class="badge badge-warn">hassas</span>' in html


def test_a_choice_question_needs_two_choices_said_in_turkish_keeping_the_text(console):
    cohort = CohortFactory()
    response = console.post(
        _create_url(cohort), {"text": "Beklentiniz", "kind": "multiple", "options": "Tek"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "options": ["Her satıra bir tane olmak üzere en az iki seçenek yazın."]
    }
    assert 'value="Beklentiniz"' in response.content.decode()
    assert RegistrationQuestion.objects.count() == 0


def test_questions_move_and_deleting_one_deletes_its_answers(console):
    cohort = CohortFactory()
    first = RegistrationQuestionFactory(cohort=cohort, position=1, text="Bir")
    second = RegistrationQuestionFactory(cohort=cohort, position=2, text="İki")
    RegistrationAnswerFactory(question=first)
    kept = RegistrationAnswerFactory(question=second)
    action = reverse("programs:console_question_action", kwargs={"pk": second.pk})
    console.post(action, {"action": "up"})
    assert list(cohort.registration_questions.values_list("text", flat=True)) == ["İki", "Bir"]
    console.post(
        reverse("programs:console_question_action", kwargs={"pk": first.pk}), {"action": "delete"}
    )
    assert list(cohort.registration_questions.values_list("text", flat=True)) == ["İki"]
    assert list(RegistrationAnswer.objects.all()) == [kept]


def test_editing_a_choice_away_keeps_the_answers_and_the_pages_work(console):
    question = RegistrationQuestionFactory(kind="single", options="Kamu\nSTK")
    RegistrationAnswerFactory(question=question, value="STK")
    url = reverse("programs:console_question", kwargs={"pk": question.pk})
    assert console.get(url).status_code == 200
    response = console.post(url, {"text": "Sektör", "kind": "single", "options": "Kamu\nDiğer"})
    assert response.status_code == 302
    assert RegistrationAnswer.objects.get().display_value == "STK"
    registrations = reverse(
        "participants:cohort_registrations", kwargs={"cohort_pk": question.cohort_id}
    )
    assert "<dd>STK</dd>" in console.get(registrations).content.decode()
