import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from participants.models import SurveyAnswer, SurveyQuestion, SurveyResponse, SurveySubmission
from participants.selectors import evaluations as evaluation_selectors
from participants.selectors.evaluations import survey_is_open, survey_opens_at, survey_report
from participants.services import evaluations as services
from tests.factories import (
    CohortFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
)


@pytest.fixture
def program(db):
    program = ProgramFactory()
    ObjectiveFactory(program=program, number=1, text="Bağ kurmak", text_en="Link")
    ObjectiveFactory(program=program, number=2, text="Araç geliştirmek")
    services.survey_questions_ensure(program=program)
    return program


def test_standard_questions_cover_the_seed_aspects_and_every_objective(program):
    topics = list(SurveyQuestion.objects.filter(program=program).values_list("topic", flat=True))
    assert topics == [
        "legal_bases",
        "good_practice",
        "group_work",
        "objective",
        "objective",
        "method_mix",
        "live_links",
        "overall",
        "improve",
        "comments",
    ]
    objective_texts = SurveyQuestion.objects.filter(program=program, topic="objective")
    assert [question.text for question in objective_texts] == [
        "01 — Bağ kurmak: bu hedefe ulaşıldı.",
        "02 — Araç geliştirmek: bu hedefe ulaşıldı.",
    ]
    assert services.survey_questions_ensure(program=program) == []


def test_new_objective_gets_its_question_on_the_next_ensure(program):
    ObjectiveFactory(program=program, number=3, text="Yeni")
    created = services.survey_questions_ensure(program=program)
    assert [question.text for question in created] == ["03 — Yeni: bu hedefe ulaşıldı."]


def _answers(program, score: int) -> dict[int, dict]:
    return {
        question.pk: {"scale": score} if question.kind == "scale" else {"text": "Güzeldi"}
        for question in SurveyQuestion.objects.filter(program=program)
    }


def _finished_cohort(program, **kwargs):
    cohort = CohortFactory(
        program=program,
        starts_on=timezone.localdate() - dt.timedelta(days=10),
        ends_on=timezone.localdate() - dt.timedelta(days=9),
        registration_opens_at=timezone.now() - dt.timedelta(days=40),
        registration_closes_at=timezone.now() - dt.timedelta(days=12),
        **kwargs,
    )
    SessionFactory(cohort=cohort)
    return cohort


def test_survey_opens_after_the_last_session(program):
    cohort = CohortFactory(
        program=program, starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 10)
    )
    session = SessionFactory(cohort=cohort)
    assert survey_opens_at(cohort=cohort) == session.ends_at
    with time_machine.travel(session.ends_at - dt.timedelta(minutes=1)):
        assert not survey_is_open(cohort=cohort)
    with time_machine.travel(session.ends_at):
        assert survey_is_open(cohort=cohort)
    services.survey_close(cohort=cohort)
    with time_machine.travel(session.ends_at + dt.timedelta(days=1)):
        assert not survey_is_open(cohort=cohort)


def test_an_answer_is_refused_until_the_last_sessions_final_second_and_taken_from_it(program):
    cohort = CohortFactory(
        program=program, starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 10)
    )
    session = SessionFactory(cohort=cohort)
    early, on_time = RegistrationFactory(cohort=cohort), RegistrationFactory(cohort=cohort)
    with time_machine.travel(session.ends_at - dt.timedelta(seconds=1), tick=False):
        assert not survey_is_open(cohort=cohort)
        with pytest.raises(services.SurveyError):
            services.survey_submit(registration=early, answers=_answers(program, 4))
    with time_machine.travel(session.ends_at, tick=False):
        assert survey_is_open(cohort=cohort)
        services.survey_submit(registration=on_time, answers=_answers(program, 4))
    assert SurveySubmission.objects.get().registration == on_time


def test_without_sessions_the_survey_opens_at_23_59_of_the_last_day(program):
    cohort = CohortFactory(
        program=program, starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 11)
    )
    opens = timezone.make_aware(dt.datetime(2027, 3, 11, 23, 59))
    assert survey_opens_at(cohort=cohort) == opens
    assert not survey_is_open(cohort=cohort, now=opens - dt.timedelta(seconds=1))
    assert survey_is_open(cohort=cohort, now=opens)


def test_closing_takes_effect_the_moment_it_is_closed_and_reopening_undoes_it(program):
    cohort = _cohort_after_its_last_session(program)
    before, after = RegistrationFactory(cohort=cohort), RegistrationFactory(cohort=cohort)
    moment = timezone.now()
    with time_machine.travel(moment, tick=False):
        services.survey_submit(registration=before, answers=_answers(program, 5))
        services.survey_close(cohort=cohort)
        assert cohort.survey_closed_at == moment
        with pytest.raises(services.SurveyError):
            services.survey_submit(registration=after, answers=_answers(program, 5))
    services.survey_reopen(cohort=cohort)
    services.survey_submit(registration=after, answers=_answers(program, 5))
    assert SurveySubmission.objects.count() == 2


def _cohort_after_its_last_session(program):
    """A cohort whose last session ended yesterday: its survey is open."""
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    cohort = CohortFactory(
        program=program,
        starts_on=yesterday,
        ends_on=yesterday,
        registration_opens_at=timezone.now() - dt.timedelta(days=30),
        registration_closes_at=timezone.now() - dt.timedelta(days=2),
    )
    SessionFactory(cohort=cohort)
    return cohort


def test_coordinator_can_open_the_survey_early(program):
    cohort = CohortFactory(program=program)
    assert not survey_is_open(cohort=cohort)
    services.survey_open_early(cohort=cohort)
    assert survey_is_open(cohort=cohort)


def test_submission_is_stored_once(program):
    registration = RegistrationFactory(cohort=_finished_cohort(program))
    response = services.survey_submit(registration=registration, answers=_answers(program, 4))
    assert response.registration == registration
    assert SurveyAnswer.objects.filter(response=response).count() == 10
    with pytest.raises(services.SurveyError, match="zaten yanıtladınız"):
        services.survey_submit(registration=registration, answers=_answers(program, 5))
    assert SurveyResponse.objects.count() == 1


def test_closed_survey_refuses_answers(program):
    cohort = _finished_cohort(program)
    services.survey_close(cohort=cohort)
    with pytest.raises(services.SurveyError, match="açık değil"):
        services.survey_submit(registration=RegistrationFactory(cohort=cohort), answers={})
    assert not SurveySubmission.objects.exists()


def test_anonymous_response_has_no_link_to_the_person(program):
    registration = RegistrationFactory(cohort=_finished_cohort(program, survey_anonymous=True))
    response = services.survey_submit(registration=registration, answers=_answers(program, 3))
    assert response.registration is None
    assert SurveySubmission.objects.get().registration == registration
    assert isinstance(response.pk, type(SurveyResponse().pk))  # a random UUID, not a sequence


@pytest.mark.parametrize("listed", [True, False])
def test_report_arithmetic_matches_a_hand_computed_example(program, listed, monkeypatch):
    """The same with the responses listed by id or, past `LISTED_RESPONSES`, as a subquery."""
    if not listed:
        monkeypatch.setattr(evaluation_selectors, "LISTED_RESPONSES", 3)
    cohort = _finished_cohort(program)
    RegistrationFactory(cohort=cohort, status="waitlisted")  # not invited
    scores = [5, 4, 4, 2]  # mean 3.75
    for score in scores:
        services.survey_submit(
            registration=RegistrationFactory(cohort=cohort), answers=_answers(program, score)
        )
    RegistrationFactory(cohort=cohort)  # confirmed, did not answer
    report = survey_report(program=program, cohorts=[cohort])
    assert report.invited == 5
    assert report.responses == 4
    assert report.response_rate == 80
    overall = next(stats for stats in report.questions if stats.question.topic == "overall")
    assert overall.distribution == {1: 0, 2: 1, 3: 0, 4: 2, 5: 1}
    assert overall.mean == Decimal("3.75")
    assert overall.count == 4
    assert overall.distribution_rows == [(1, 0, 0), (2, 1, 25), (3, 0, 0), (4, 2, 50), (5, 1, 25)]
    assert overall.by_kind == {"": Decimal("3.75")}
    improve = next(stats for stats in report.questions if stats.question.topic == "improve")
    assert improve.texts == ["Güzeldi"] * 4
    assert len(report.objective_questions) == 2


def test_report_across_cohorts_adds_them_up(program):
    first, second = _finished_cohort(program), _finished_cohort(program)
    services.survey_submit(
        registration=RegistrationFactory(cohort=first), answers=_answers(program, 5)
    )
    services.survey_submit(
        registration=RegistrationFactory(cohort=second), answers=_answers(program, 2)
    )
    report = survey_report(program=program, cohorts=[first, second])
    overall = next(stats for stats in report.questions if stats.question.topic == "overall")
    assert overall.mean == Decimal("3.50")
    assert report.responses == 2


def test_optional_text_questions_may_stay_empty(program):
    registration = RegistrationFactory(cohort=_finished_cohort(program))
    answers = {
        question.pk: {"scale": 4}
        for question in SurveyQuestion.objects.filter(program=program, kind="scale")
    }
    services.survey_submit(registration=registration, answers=answers)
    assert SurveyAnswer.objects.count() == 8


def test_the_closing_day_is_answerable_to_its_last_second_and_reopening_drops_it(program):
    cohort = _cohort_after_its_last_session(program)
    closes_on = timezone.localdate() + dt.timedelta(days=2)
    cohort.survey_closes_on = closes_on
    cohort.save()
    last_second = timezone.make_aware(dt.datetime.combine(closes_on, dt.time(23, 59, 59)))
    assert survey_is_open(cohort=cohort, now=last_second)
    assert not survey_is_open(cohort=cohort, now=last_second + dt.timedelta(seconds=1))
    with time_machine.travel(last_second + dt.timedelta(days=1), tick=False):
        assert not survey_is_open(cohort=cohort)
        services.survey_reopen(cohort=cohort)
        assert cohort.survey_closes_on is None
        assert survey_is_open(cohort=cohort)


def test_opening_early_keeps_a_closing_day_still_to_come(program):
    cohort = CohortFactory(program=program, survey_closes_on=dt.date(2099, 1, 1))
    services.survey_open_early(cohort=cohort)
    cohort.refresh_from_db()
    assert cohort.survey_closes_on == dt.date(2099, 1, 1)
    assert survey_is_open(cohort=cohort)
