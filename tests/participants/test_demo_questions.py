import io

from django.core.management import call_command

from participants.demo_questions import ACCESS, EXPECTATIONS, SECTOR
from participants.models import RegistrationAnswer
from programs.models import RegistrationQuestion


def test_demo_asks_three_questions_and_answers_them_once_however_often_it_loads(demo_data):
    questions = RegistrationQuestion.objects.filter(cohort__title="İzmir dönemi")
    assert list(questions.values_list("text", "required", "sensitive")) == [
        (SECTOR, True, False),
        (EXPECTATIONS, False, False),
        (ACCESS, False, True),
    ]
    counts = {q.text: RegistrationAnswer.objects.filter(question=q).count() for q in questions}
    assert counts == {SECTOR: 16, EXPECTATIONS: 11, ACCESS: 2}
    call_command("load_demo", stdout=io.StringIO())
    assert RegistrationAnswer.objects.count() == 29
    assert RegistrationQuestion.objects.count() == 3
