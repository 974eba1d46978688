import csv
import datetime as dt
import io
import re

import pytest
from django.urls import resolve, reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from documents.models import Document
from participants.models import SurveyQuestion, SurveyResponse
from participants.services import evaluations as services
from tests.factories import (
    CohortFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture
def cohort(db):
    program = ProgramFactory()
    ObjectiveFactory(program=program, number=1, text="Bağ kurmak")
    services.survey_questions_ensure(program=program)
    cohort = CohortFactory(
        program=program,
        title="Ankara dönemi",
        starts_on=timezone.localdate() - dt.timedelta(days=5),
        ends_on=timezone.localdate() - dt.timedelta(days=5),
        registration_opens_at=timezone.now() - dt.timedelta(days=30),
        registration_closes_at=timezone.now() - dt.timedelta(days=7),
    )
    SessionFactory(cohort=cohort)
    return cohort


def _post_data(cohort, score="4"):
    return {
        f"q{question.pk}": score if question.kind == "scale" else "Daha çok vaka"
        for question in SurveyQuestion.objects.filter(program=cohort.program)
    }


def test_confirmed_participant_fills_the_survey_once(client, cohort):
    registration = RegistrationFactory(cohort=cohort)
    client.force_login(registration.participant)
    url = reverse("participants:survey", kwargs={"cohort_pk": cohort.pk})
    assert "Değerlendirme anketi" in client.get(url).content.decode()
    response = client.post(url, _post_data(cohort), follow=True)
    assert "Teşekkürler! Yanıtlarınız kaydedildi." in response.content.decode()
    assert SurveyResponse.objects.get().registration == registration
    second = client.post(url, _post_data(cohort, "1"), follow=True).content.decode()
    assert "Yanıtlarınız kaydedildi." in second
    assert SurveyResponse.objects.count() == 1


def test_missing_and_out_of_range_answers_are_explained_and_kept(client, cohort):
    registration = RegistrationFactory(cohort=cohort)
    client.force_login(registration.participant)
    data = _post_data(cohort)
    questions = list(SurveyQuestion.objects.filter(program=cohort.program, kind="scale"))
    data[f"q{questions[0].pk}"] = "9"
    del data[f"q{questions[1].pk}"]
    html = client.post(
        reverse("participants:survey", kwargs={"cohort_pk": cohort.pk}), data
    ).content.decode()
    assert html.count("Lütfen 1 ile 5 arasında bir puan seçin.") == 2
    assert "Daha çok vaka" in html
    assert re.search(rf'name="q{questions[2].pk}" value="4"[^>]*checked', html)
    assert not SurveyResponse.objects.exists()


def test_survey_not_yet_open_says_when_it_opens(client, cohort):
    cohort.sessions.update(ends_at=timezone.now() + dt.timedelta(days=2))
    registration = RegistrationFactory(cohort=cohort)
    client.force_login(registration.participant)
    html = client.get(
        reverse("participants:survey", kwargs={"cohort_pk": cohort.pk})
    ).content.decode()
    assert "Anket son oturumdan sonra" in html


def test_closed_survey_accepts_nothing(client, cohort):
    services.survey_close(cohort=cohort)
    registration = RegistrationFactory(cohort=cohort)
    client.force_login(registration.participant)
    response = client.post(
        reverse("participants:survey", kwargs={"cohort_pk": cohort.pk}), _post_data(cohort)
    )
    assert "Bu dönemin anketi kapandı." in response.content.decode()
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("status", ["pending", "waitlisted", "cancelled"])
def test_only_confirmed_participants_may_answer(client, cohort, status):
    registration = RegistrationFactory(cohort=cohort, status=status)
    client.force_login(registration.participant)
    assert (
        client.get(reverse("participants:survey", kwargs={"cohort_pk": cohort.pk})).status_code
        == 404
    )


def test_report_shows_chart_and_numbers(client, cohort, coordinator):
    for score in (5, 3):
        services.survey_submit(
            registration=RegistrationFactory(cohort=cohort),
            answers={
                question.pk: {"scale": score}
                for question in SurveyQuestion.objects.filter(program=cohort.program, kind="scale")
            },
        )
    client.force_login(coordinator)
    html = client.get(
        reverse("participants:survey_report", kwargs={"pk": cohort.pk})
    ).content.decode()
    assert '<svg class="chart" role="img"' in html
    assert "%100" in html  # response rate: 2 of 2
    assert "4,00" in html or "4.00" in html


def test_facilitator_of_another_cohort_cannot_read_the_report(client, cohort, facilitator):
    client.force_login(facilitator)
    url = reverse("participants:survey_report", kwargs={"pk": cohort.pk})
    assert client.get(url).status_code == 404
    cohort.facilitators.add(facilitator)
    assert client.get(url).status_code == 200


def _xlsx_built_in_the_background(client, url, capture) -> Workbook:
    """POST the XLSX export's button (the worker runs at commit), then fetch the file from the
    document page it leads to."""
    with capture(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    document = Document.objects.get(pk=resolve(response["Location"]).kwargs["document_id"])
    assert document.status == Document.Status.READY
    download = client.get(response["Location"])
    return load_workbook(io.BytesIO(download.getvalue()))


def test_anonymous_export_has_no_personal_field(
    client, cohort, coordinator, django_capture_on_commit_callbacks
):
    cohort.survey_anonymous = True
    cohort.save()
    participant = UserFactory(full_name="Gizli Kişi", email="gizli@example.org")
    services.survey_submit(
        registration=RegistrationFactory(cohort=cohort, participant=participant),
        answers={
            question.pk: {"scale": 4}
            for question in SurveyQuestion.objects.filter(program=cohort.program, kind="scale")
        },
    )
    client.force_login(coordinator)
    for fmt in ("csv", "xlsx"):
        url = reverse(
            "participants:cohort_survey_responses_export", kwargs={"pk": cohort.pk, "fmt": fmt}
        )
        if fmt == "xlsx":
            sheet = _xlsx_built_in_the_background(
                client, url, django_capture_on_commit_callbacks
            ).active
            text = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
        else:
            text = client.get(url).getvalue().decode("utf-8-sig")
        assert "Gizli Kişi" not in text
        assert "gizli@example.org" not in text
        assert "Ad soyad" not in text


def test_named_csv_export_opens_in_excel_with_turkish_headers(client, cohort, coordinator):
    participant = UserFactory(full_name="İnci Işık")
    services.survey_submit(
        registration=RegistrationFactory(cohort=cohort, participant=participant),
        answers={
            question.pk: {"scale": 5}
            for question in SurveyQuestion.objects.filter(program=cohort.program, kind="scale")
        },
    )
    client.force_login(coordinator)
    response = client.get(
        reverse(
            "participants:cohort_survey_responses_export", kwargs={"pk": cohort.pk, "fmt": "csv"}
        )
    )
    body = response.getvalue()
    assert body.startswith(b"\xef\xbb\xbf")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Eğitim dönemi", "Ad soyad", "E-posta adresi", "Kurum türü"]
    assert rows[1][:2] == ["Ankara dönemi", "İnci Işık"]


def test_report_table_export(client, cohort, coordinator):
    client.force_login(coordinator)
    response = client.get(
        reverse("participants:cohort_survey_report_export", kwargs={"pk": cohort.pk, "fmt": "xlsx"})
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Soru"
    assert sheet["C1"].value == "Ortalama"


def _answer_all(cohort, scores) -> None:
    for score in scores:
        services.survey_submit(
            registration=RegistrationFactory(cohort=cohort),
            answers={
                question.pk: {"scale": score}
                for question in SurveyQuestion.objects.filter(program=cohort.program, kind="scale")
            },
        )


@pytest.mark.parametrize(("language", "mean"), [("tr", "4,33"), ("en", "4.33")])
def test_the_chart_writes_a_mean_as_the_table_beside_it_does(
    client, cohort, coordinator, language, mean
):
    _answer_all(cohort, [5, 4, 4])
    client.force_login(coordinator)
    client.post(reverse("set_language"), {"language": language})
    html = client.get(
        reverse("participants:survey_report", kwargs={"pk": cohort.pk})
    ).content.decode()
    chart = html[html.index('<svg class="chart"') :]
    assert f'font-size="13">{mean}</text>' in chart  # the objective's bar
    assert f'<td class="num">{mean}</td>' in html
    assert "4.33" not in html.replace(mean, "")
    assert "4,33" not in html.replace(mean, "")


def test_report_exports_write_a_mean_with_a_comma_in_csv_and_as_a_number_in_xlsx(
    client, cohort, coordinator
):
    _answer_all(cohort, [5, 4, 4])
    client.force_login(coordinator)

    def export(fmt):
        return client.get(
            reverse(
                "participants:cohort_survey_report_export", kwargs={"pk": cohort.pk, "fmt": fmt}
            )
        ).getvalue()

    rows = list(csv.reader(io.StringIO(export("csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][2] == "Ortalama"
    assert {row[2] for row in rows[1:-1]} == {"4,33"}
    assert rows[-1] == ["Yanıt oranı (%)", "3", "100"]
    sheet = load_workbook(io.BytesIO(export("xlsx"))).active
    assert (sheet["C2"].value, sheet["C2"].number_format, sheet["C2"].data_type) == (
        4.33,
        "0.00",
        "n",
    )


def test_response_rates_and_shares_follow_the_percentage_rule(client, cohort, coordinator):
    """Two of three answered: %66,6 (one decimal, rounded down), as every percentage."""
    RegistrationFactory(cohort=cohort)
    _answer_all(cohort, [5, 4])
    client.force_login(coordinator)
    html = client.get(
        reverse("participants:survey_report", kwargs={"pk": cohort.pk})
    ).content.decode()
    assert '<span class="stat-value">%66,6</span>' in html
    assert '1 <span class="small muted">(%50)</span>' in html
    url = reverse(
        "participants:cohort_survey_report_export", kwargs={"pk": cohort.pk, "fmt": "csv"}
    )
    text = client.get(url).getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[-1] == ["Yanıt oranı (%)", "2", "66,6"]


@pytest.mark.parametrize("count", [1, 3, 30])
def test_report_query_count_does_not_grow_with_responses(
    client, cohort, coordinator, count, django_assert_num_queries
):
    scale = list(SurveyQuestion.objects.filter(program=cohort.program, kind="scale"))
    for index in range(count):
        services.survey_submit(
            registration=RegistrationFactory(cohort=cohort),
            answers={question.pk: {"scale": 1 + index % 5} for question in scale},
        )
    client.force_login(coordinator)
    with django_assert_num_queries(13):
        client.get(reverse("participants:survey_report", kwargs={"pk": cohort.pk}))


def test_coordinator_adds_a_choice_question_and_bad_input_is_explained(client, cohort, coordinator):
    client.force_login(coordinator)
    url = reverse("participants:survey_questions", kwargs={"pk": cohort.program.pk})
    html = client.post(
        url, {"text": "Hangi gün?", "kind": "choice", "choices": "Pazartesi", "required": "on"}
    ).content.decode()
    assert "Tek seçimli bir soru en az iki seçenek içermelidir." in html
    assert 'value="Hangi gün?"' in html
    client.post(
        url,
        {"text": "Hangi gün?", "kind": "choice", "choices": "Pazartesi\nSalı", "required": "on"},
    )
    question = SurveyQuestion.objects.get(topic="custom")
    assert question.choice_list == ["Pazartesi", "Salı"]


def test_a_question_with_answers_is_not_deleted_and_one_without_is(client, cohort, coordinator):
    client.force_login(coordinator)
    url = reverse("participants:survey_questions", kwargs={"pk": cohort.program.pk})
    for text in ("Yanıtlanan", "Yanıtlanmayan"):
        client.post(url, {"text": text, "kind": "scale", "required": ""})
    answered = SurveyQuestion.objects.get(text="Yanıtlanan")
    services.survey_submit(
        registration=RegistrationFactory(cohort=cohort), answers={answered.pk: {"scale": 4}}
    )
    html = client.post(
        url, {"action": "delete", "question": answered.pk}, follow=True
    ).content.decode()
    assert "Bu sorunun yanıtları var; silinemez" in html
    assert SurveyQuestion.objects.filter(pk=answered.pk).exists()
    unanswered = SurveyQuestion.objects.get(text="Yanıtlanmayan")
    html = client.post(
        url, {"action": "delete", "question": unanswered.pk}, follow=True
    ).content.decode()
    assert "Soru silindi." in html
    assert not SurveyQuestion.objects.filter(pk=unanswered.pk).exists()
    assert client.post(url, {"action": "delete", "question": "abc"}).status_code == 404


def _responses_url(cohort, fmt="xlsx") -> str:
    return reverse(
        "participants:cohort_survey_responses_export", kwargs={"pk": cohort.pk, "fmt": fmt}
    )


def test_the_xlsx_address_of_the_responses_builds_nothing_and_offers_the_background_file(
    client, cohort, coordinator
):
    _answer_all(cohort, [5, 4])
    client.force_login(coordinator)
    response = client.get(_responses_url(cohort))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert not Document.objects.exists()
    assert "2 yanıtın Excel dosyası arka planda hazırlanır" in html
    assert "Excel dosyasını hazırla</button>" in html
    assert f'href="{_responses_url(cohort, "csv")}"' in html


def test_asking_for_the_responses_xlsx_leads_to_its_page_and_again_rebuilds_it(
    client, cohort, coordinator, django_capture_on_commit_callbacks
):
    _answer_all(cohort, [5])
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_responses_url(cohort))
    first = Document.objects.get()
    assert response.url == reverse("documents:download", kwargs={"document_id": first.pk})
    assert (first.status, first.owner, first.requested_by) == ("ready", cohort, coordinator)
    page = client.get(_responses_url(cohort)).content.decode()
    assert "Excel dosyasını indir (XLSX)" in page
    assert "Bugünkü verilerle yeniden hazırla</button>" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_responses_url(cohort))
    assert list(Document.objects.order_by("version").values_list("version", "status")) == [
        (1, "ready"),
        (2, "ready"),
    ]


def test_the_responses_xlsx_on_its_way_shows_its_progress_and_is_not_asked_for_twice(
    client, cohort, coordinator
):
    _answer_all(cohort, [5])
    client.force_login(coordinator)
    first = client.post(_responses_url(cohort))
    assert client.post(_responses_url(cohort)).url == first.url
    Document.objects.update(status="rendering", progress_done=250, progress_total=6146)
    page = client.get(first.url, headers={"HX-Request": "true"}).content.decode()
    assert '<progress max="6146" value="250">' in page
    assert "250/6.146 satır" in page  # grouped by thousands (core.numbers.format_count)
    assert 'hx-trigger="every 2s"' in page
    whole = client.get(first.url).content.decode()
    assert "<h1>Tüm yanıtların Excel dosyası</h1>" in whole
    report = reverse("participants:survey_report", kwargs={"pk": cohort.pk})
    assert f'<p class="breadcrumb"><a href="{report}">{cohort.title}</a></p>' in whole
    offer = client.get(_responses_url(cohort)).content.decode()
    assert f'href="{first.url}">İlerlemesini gör</a>' in offer
    assert "Excel dosyasını hazırla" not in offer


@pytest.mark.parametrize("method", ["get", "post"])
def test_only_those_who_may_export_the_responses_may_ask_for_their_xlsx(
    client, cohort, facilitator, participant, method
):
    for user in (participant, facilitator):
        client.force_login(user)
        assert getattr(client, method)(_responses_url(cohort)).status_code == 404
    program_url = reverse(
        "participants:program_survey_responses_export",
        kwargs={"pk": cohort.program.pk, "fmt": "xlsx"},
    )
    cohort.facilitators.add(facilitator)
    assert getattr(client, method)(_responses_url(cohort)).status_code in {200, 302}
    assert getattr(client, method)(program_url).status_code == 404
    assert client.post(_responses_url(cohort, "csv")).status_code == 404
    assert Document.objects.count() == (1 if method == "post" else 0)
