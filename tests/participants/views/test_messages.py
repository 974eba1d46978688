import pytest
from django.urls import reverse

from action_plans.models import WorkGroup
from notifications.models import Notification
from participants.models import CohortMessage
from participants.services.messages import MessageDraft, cohort_message_send
from tests.factories import CohortFactory, ParticipantProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def _compose_url(cohort):
    return reverse("participants:cohort_message_compose", kwargs={"cohort_pk": cohort.pk})


def _history_url(cohort):
    return reverse("participants:cohort_messages", kwargs={"cohort_pk": cohort.pk})


def _form(**changes) -> dict:
    return {
        "status": ["confirmed"],
        "survey": "no",
        "subject": "{dönem}: anket",
        "body": "Merhaba {ad}, anketi doldurur musunuz? {anket}",
        **changes,
    }


def _send(cohort, subject="Duyuru", filters=None) -> CohortMessage:
    draft = MessageDraft(subject=subject, body="Merhaba {ad}", filters=filters or {})
    return cohort_message_send(cohort=cohort, sent_by=None, draft=draft)


def test_compose_lists_the_filters_and_the_personal_fields(client, coordinator, message_cohort):
    client.force_login(coordinator)
    response = client.get(_compose_url(message_cohort.cohort))
    assert response.status_code == 200
    page = response.content.decode()
    for text in ("{ad}", "{dönem}", "{sonraki_oturum}", "{kayıtlarım}", "{anket}", "Tarım grubu"):
        assert text in page
    assert response.context["form"]["status"].value() == ["confirmed"]


def test_preview_counts_the_recipients_and_shows_the_first_ones_email(
    client, coordinator, message_cohort
):
    client.force_login(coordinator)
    response = client.post(_compose_url(message_cohort.cohort), _form(action="preview"))
    assert response.status_code == 200
    assert response.context["count"] == 3
    assert response.context["first"] == message_cohort.people["Burak Demir"]
    preview = response.context["preview"]
    assert preview.subject == "Ankara dönemi: anket"
    assert preview.body.startswith(
        "Merhaba Burak Demir, anketi doldurur musunuz? "
        f"http://127.0.0.1:8000/donemler/{message_cohort.cohort.pk}/degerlendirme/\n"
    )
    page = response.content.decode()
    assert "3 alıcı" in page
    assert "Onaylandı · anketi yanıtlamamış" in page
    assert "[Genç İşi] Ankara dönemi: anket" in page
    assert 'name="action" value="send"' in page
    assert not CohortMessage.objects.exists()


def test_an_unknown_personal_field_is_refused_next_to_its_field_and_the_text_kept(
    client, coordinator, message_cohort
):
    client.force_login(coordinator)
    response = client.post(
        _compose_url(message_cohort.cohort),
        _form(body="Merhaba {adi} ve {ad} {soyad}", action="send"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [
        (
            "Bilinmeyen kişisel alan: {adi}, {soyad}. Kullanılabilecek alanlar: {ad}, {dönem}, "
            "{program}, {sonraki_oturum}, {kayıtlarım}, {anket}."
        )
    ]
    assert "Merhaba {adi} ve {ad} {soyad}" in response.content.decode()
    assert not CohortMessage.objects.exists()


def test_english_needs_both_subject_and_message(client, coordinator, message_cohort):
    client.force_login(coordinator)
    response = client.post(_compose_url(message_cohort.cohort), _form(subject_en="Survey"))
    assert response.context["form"].errors == {
        "body_en": ["İngilizce mesajı da yazın ya da İngilizce hiç yazmayın."]
    }


def test_edit_goes_back_to_the_form_with_what_was_written(client, coordinator, message_cohort):
    client.force_login(coordinator)
    response = client.post(_compose_url(message_cohort.cohort), _form(action="edit"))
    assert response.templates[0].name == "participants/messages/compose.html"
    assert response.context["form"]["survey"].value() == "no"


def test_send_queues_one_email_per_recipient_and_opens_the_message(
    client, coordinator, message_cohort
):
    client.force_login(coordinator)
    response = client.post(_compose_url(message_cohort.cohort), _form(action="send"))
    message = CohortMessage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participants:cohort_message",
        kwargs={"cohort_pk": message_cohort.cohort.pk, "pk": message.pk},
    )
    assert (message.recipient_count, message.sent_by, message.filters) == (
        3,
        coordinator,
        {"status": ["confirmed"], "survey": "no"},
    )
    assert message.audience == "onaylandı · anketi yanıtlamamış"
    assert message.audience_en == "confirmed · has not answered the survey"
    assert sorted(
        Notification.objects.filter(kind="cohort_message").values_list(
            "recipient__full_name", flat=True
        )
    ) == ["Burak Demir", "Cem Şahin", "Çiğdem Öz"]


def test_a_message_sent_in_english_keeps_its_recipients_in_both_languages(
    client, coordinator, message_cohort
):
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"
    client.post(_compose_url(message_cohort.cohort), _form(action="send"))
    message = CohortMessage.objects.get()
    assert (message.audience, message.audience_en) == (
        "onaylandı · anketi yanıtlamamış",
        "confirmed · has not answered the survey",
    )


def test_history_and_detail_say_the_recipients_in_the_readers_language(
    client, coordinator, message_cohort
):
    client.force_login(coordinator)
    client.post(_compose_url(message_cohort.cohort), _form(action="send"))
    message = CohortMessage.objects.get()
    detail = reverse(
        "participants:cohort_message",
        kwargs={"cohort_pk": message_cohort.cohort.pk, "pk": message.pk},
    )
    for url in (_history_url(message_cohort.cohort), detail):
        client.cookies["django_language"] = "tr"
        turkish = client.get(url).content.decode()
        client.cookies["django_language"] = "en"
        english = client.get(url).content.decode()
        assert "Onaylandı · anketi yanıtlamamış" in turkish
        assert "Confirmed · has not answered the survey" not in turkish
        assert "Confirmed · has not answered the survey" in english
        assert "Onaylandı · anketi yanıtlamamış" not in english


def test_a_work_groups_name_is_kept_as_written_in_both_languages(
    client, coordinator, message_cohort
):
    group = WorkGroup.objects.get(cohort=message_cohort.cohort, name="Tarım grubu")
    client.force_login(coordinator)
    client.post(
        _compose_url(message_cohort.cohort),
        _form(action="send", survey="", work_group=str(group.pk)),
    )
    message = CohortMessage.objects.get()
    assert (message.audience, message.audience_en) == (
        "onaylandı · Tarım grubu",
        "confirmed · Tarım grubu",
    )


def test_a_message_sent_before_english_recipients_were_kept_shows_the_stored_ones(
    client, coordinator, message_cohort
):
    message = _send(message_cohort.cohort)
    CohortMessage.objects.filter(pk=message.pk).update(audience="onaylı", audience_en="")
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"
    assert "Onaylı" in client.get(_history_url(message_cohort.cohort)).content.decode()


def test_sending_to_nobody_is_refused(client, coordinator, message_cohort):
    client.force_login(coordinator)
    response = client.post(
        _compose_url(message_cohort.cohort),
        _form(status=["rejected"], body="Merhaba {ad}", action="send"),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Bu filtrelere uyan kimse yok: mesaj gönderilmedi."
    ]


def test_the_cohorts_facilitator_writes_to_it_another_facilitator_gets_404(
    client, facilitator, message_cohort
):
    client.force_login(facilitator)
    assert client.get(_compose_url(message_cohort.cohort)).status_code == 200
    other = CohortFactory()
    assert client.get(_compose_url(other)).status_code == 404
    assert client.post(_compose_url(other), _form(action="send")).status_code == 404
    assert client.get(_history_url(other)).status_code == 404
    message = _send(other)
    keys = {"cohort_pk": other.pk, "pk": message.pk}
    detail = reverse("participants:cohort_message", kwargs=keys)
    assert client.get(detail).status_code == 404
    retry = reverse(
        "participants:cohort_message_retry", kwargs={"cohort_pk": other.pk, "pk": message.pk}
    )
    assert client.post(retry).status_code == 404


def test_a_message_of_another_cohort_is_404(client, coordinator, message_cohort):
    message = _send(CohortFactory())
    client.force_login(coordinator)
    url = reverse(
        "participants:cohort_message",
        kwargs={"cohort_pk": message_cohort.cohort.pk, "pk": message.pk},
    )
    assert client.get(url).status_code == 404


def test_history_shows_delivery_counts_in_a_fixed_number_of_queries(
    client, coordinator, message_cohort, django_assert_num_queries
):
    cohort = message_cohort.cohort
    _send(cohort, "Birinci")
    client.force_login(coordinator)
    client.get(_history_url(cohort))
    with django_assert_num_queries(5) as one:
        client.get(_history_url(cohort))
    _send(cohort, "İkinci", {"status": ["pending"]})
    third = _send(cohort, "Üçüncü", {"status": ["confirmed"]})
    rows = Notification.objects.filter(about_id=third.pk, kind="cohort_message").order_by("pk")
    Notification.objects.filter(pk=rows[0].pk).update(status="sent")
    Notification.objects.filter(pk=rows[1].pk).update(status="failed", error="SMTP 550")
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(_history_url(cohort))
    counts = [
        (message.subject, message.sent_count, message.queued_count, message.failed_count)
        for message in response.context["page"]
    ]
    assert counts == [("Üçüncü", 1, 2, 1), ("İkinci", 0, 1, 0), ("Birinci", 0, 7, 0)]


def test_detail_lists_who_got_what_and_retries_the_failed(
    client, coordinator, message_cohort, django_assert_num_queries
):
    message = _send(message_cohort.cohort, filters={"status": ["confirmed"]})
    failed = Notification.objects.filter(kind="cohort_message").order_by("pk").first()
    Notification.objects.filter(pk=failed.pk).update(status="failed", error="SMTP 550 no user")
    url = reverse(
        "participants:cohort_message",
        kwargs={"cohort_pk": message_cohort.cohort.pk, "pk": message.pk},
    )
    client.force_login(coordinator)
    response = client.get(url)
    assert [row.recipient.full_name for row in response.context["page"]] == [
        "Ayşe Kaya",
        "Burak Demir",
        "Cem Şahin",
        "Çiğdem Öz",
    ]
    assert "SMTP 550 no user" in response.content.decode()
    retry = reverse(
        "participants:cohort_message_retry",
        kwargs={"cohort_pk": message_cohort.cohort.pk, "pk": message.pk},
    )
    assert client.post(retry)["Location"] == url
    failed.refresh_from_db()
    assert failed.status in {"queued", "sent"}


def test_a_participant_sees_their_messages_and_nobody_elses(client, message_cohort):
    _send(message_cohort.cohort, "Oturum odası değişti", {"status": ["confirmed"]})
    _send(message_cohort.cohort, "Bekleme listesine not", {"status": ["waitlisted"]})
    ayse = message_cohort.people["Ayşe Kaya"].participant
    ParticipantProfileFactory(user=ayse)
    client.force_login(ayse)
    page = client.get(reverse("participants:my_registrations")).content.decode()
    assert "Oturum odası değişti" in page
    assert "Merhaba Ayşe Kaya" in page
    assert "Bekleme listesine not" not in page
    mine = client.get(reverse("participants:my_messages"))
    assert [row.subject for row in mine.context["page"]] == ["Oturum odası değişti"]
    stranger = UserFactory()
    client.force_login(stranger)
    assert list(client.get(reverse("participants:my_messages")).context["page"]) == []


@pytest.mark.parametrize("statuses", [["confirmed", "waitlisted"], []], ids=["some", "everyone"])
def test_the_survey_link_goes_only_to_confirmed_participants(
    client, coordinator, message_cohort, statuses
):
    """{anket} opens the survey for confirmed participants only: others would get "not
    found"."""
    client.force_login(coordinator)
    response = client.post(
        _compose_url(message_cohort.cohort), _form(status=statuses, action="send")
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "body": [
            (
                "{anket} anket bağlantısıdır ve yalnızca onaylanmış katılımcılar açabilir: "
                "alıcılarda yalnızca “onaylandı” durumunu seçin ya da {anket} alanını çıkarın."
            )
        ]
    }
    assert "Merhaba {ad}, anketi doldurur musunuz? {anket}" in response.content.decode()
    assert not CohortMessage.objects.exists()
