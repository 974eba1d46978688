import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from participants import privacy
from participants.models import Registration, RegistrationAnswer
from participants.services.consents import privacy_notice_acknowledge
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
MINE = reverse("participants:my_registrations")


def _url(cohort):
    return reverse("participants:register", kwargs={"cohort_pk": cohort.pk})


@pytest.fixture
def member(client):
    profile = ParticipantProfileFactory()
    client.force_login(profile.user)
    return profile.user


def test_registration_page_summarises_the_cohort_and_shows_the_notice(client, member):
    cohort = CohortFactory(title="İzmir dönemi", venue="Eğitim salonu")
    SessionFactory(cohort=cohort, title="Açılış oturumu")
    html = client.get(_url(cohort)).content.decode()
    assert "İzmir dönemi" in html
    assert cohort.program.title in html
    assert "Eğitim salonu" in html
    assert "Açılış oturumu" in html
    assert "Kişisel Verilerin Korunması Hakkında Aydınlatma Metni" in html
    assert "hukuki inceleme bekliyor" in html


def test_registering_confirms_and_lists_it_under_my_registrations(client, member):
    cohort = CohortFactory(requires_approval=False)
    response = client.post(_url(cohort), {"privacy_acknowledged": "on"}, follow=True)
    registration = Registration.objects.get()
    assert registration.participant == member
    assert registration.status == Registration.Status.CONFIRMED
    html = response.content.decode()
    assert "Kaydınız onaylandı." in html
    assert "Onaylandı" in html


def test_full_cohort_puts_the_registrant_on_the_waiting_list_with_a_position(client, member):
    cohort = CohortFactory(capacity=1, requires_approval=False)
    RegistrationFactory(cohort=cohort)
    response = client.post(_url(cohort), {"privacy_acknowledged": "on"}, follow=True)
    html = response.content.decode()
    assert "Dönem dolu: bekleme listesine alındınız, sıranız 1." in html
    assert "Bekleme listesinde 1. sıradasınız." in html


def test_a_full_cohort_offers_its_waiting_list_not_a_registration(client, member):
    cohort = CohortFactory(capacity=1)
    cohort_page = reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})
    html = client.get(_url(cohort)).content.decode()
    assert "<h2>Bu döneme kayıt olun</h2>" in html
    assert '<button type="submit" class="button">Kayıt ol</button>' in html
    assert f'href="{_url(cohort)}">Kayıt ol</a>' in client.get(cohort_page).content.decode()
    RegistrationFactory(cohort=cohort, status="confirmed")
    html = client.get(_url(cohort)).content.decode()
    assert "<h2>Bu dönemin bekleme listesine katılın</h2>" in html
    assert "Bu dönem dolu. Bekleme listesine geliş sıranıza göre katılırsınız" in html
    assert '<button type="submit" class="button">Bekleme listesine katıl</button>' in html
    assert "Kayıt ol<" not in html.split('<main id="main"', 1)[1]
    assert (
        f'href="{_url(cohort)}">Bekleme listesine katıl</a>'
        in client.get(cohort_page).content.decode()
    )


def test_second_attempt_shows_the_existing_registration(client, member):
    cohort = CohortFactory()
    RegistrationFactory(cohort=cohort, participant=member, status="pending")
    response = client.post(_url(cohort), {"privacy_acknowledged": "on"})
    html = response.content.decode()
    assert "Bu döneme zaten kayıtlısınız." in html
    assert "Onay bekliyor" in html
    assert Registration.objects.count() == 1


def test_closed_and_not_yet_open_cohorts_say_so(client, member):
    closed = CohortFactory(
        registration_opens_at=timezone.now() - dt.timedelta(days=5),
        registration_closes_at=timezone.now() - dt.timedelta(days=1),
    )
    assert "Bu dönemin kayıtları kapandı." in client.get(_url(closed)).content.decode()
    response = client.post(_url(closed), {"privacy_acknowledged": "on"})
    assert "Bu dönemin kayıtları kapandı." in response.content.decode()
    later = CohortFactory(registration_opens_at=timezone.now() + dt.timedelta(days=2))
    assert "Bu dönemin kayıtları henüz açılmadı." in client.get(_url(later)).content.decode()
    assert not Registration.objects.exists()


def test_missing_acknowledgement_is_explained_and_optional_boxes_are_kept(client, member):
    cohort = CohortFactory()
    response = client.post(_url(cohort), {"photos": "on"})
    html = response.content.decode()
    assert "Lütfen aydınlatma metnini okuduğunuzu onaylayın." in html
    assert 'name="photos" id="id_photos" checked' in html
    assert not Registration.objects.exists()


def test_notice_acknowledged_at_sign_up_is_not_asked_again_and_the_version_is_recorded(
    client, member
):
    privacy_notice_acknowledge(user=member)
    cohort = CohortFactory(requires_approval=False)

    html = client.get(_url(cohort)).content.decode()
    assert 'name="privacy_acknowledged"' not in html
    assert "okuduğunuzu onayladınız; bu kayıt için de geçerlidir." in html
    response = client.post(_url(cohort), {})

    assert response.url == MINE
    registration = Registration.objects.get()
    assert registration.privacy_notice_version == privacy.VERSION


def test_a_new_notice_version_is_asked_for_again(client, member, monkeypatch):
    privacy_notice_acknowledge(user=member)
    monkeypatch.setattr(privacy, "VERSION", "2027-01-new")
    cohort = CohortFactory()

    assert 'name="privacy_acknowledged"' in client.get(_url(cohort)).content.decode()
    response = client.post(_url(cohort), {"privacy_acknowledged": "on"})

    assert response.url == MINE
    assert Registration.objects.get().privacy_notice_version == "2027-01-new"


@pytest.mark.parametrize("tampered", [{}, {"privacy_acknowledged": ""}, {"share_contact": "on"}])
def test_a_tampered_post_cannot_skip_the_notice_when_it_is_needed(
    client, member, monkeypatch, tampered
):
    privacy_notice_acknowledge(user=member)
    monkeypatch.setattr(privacy, "VERSION", "2027-01-new")

    response = client.post(_url(CohortFactory()), tampered)

    assert response.status_code == 200
    assert "Lütfen aydınlatma metnini okuduğunuzu onaylayın." in response.content.decode()
    assert not Registration.objects.exists()


def test_missing_profile_redirects_to_the_profile_form_with_a_message(client, participant):
    cohort = CohortFactory()
    client.force_login(participant)
    response = client.get(_url(cohort), follow=True)
    assert response.redirect_chain[0][0] == (
        reverse("participants:profile") + f"?next=%2Fdonemler%2F{cohort.pk}%2Fkayit%2F"
    )
    assert "Kayıt olmadan önce lütfen katılımcı profilinizi tamamlayın." in (
        response.content.decode()
    )


def test_draft_cohort_is_not_found(client, member):
    assert client.get(_url(CohortFactory(status="draft"))).status_code == 404


def test_participant_cancels_own_registration_but_gets_404_for_anothers(client, member):
    mine = RegistrationFactory(participant=member)
    theirs = RegistrationFactory()
    response = client.post(reverse("participants:cancel", kwargs={"pk": theirs.pk}))
    assert response.status_code == 404
    response = client.post(reverse("participants:cancel", kwargs={"pk": mine.pk}), follow=True)
    assert "Kaydınız iptal edildi." in response.content.decode()
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, mine.cancelled_by) == ("cancelled", member)
    assert theirs.status == "confirmed"


def test_my_registrations_shows_only_mine_with_a_constant_number_of_queries(
    client, member, django_assert_num_queries
):
    RegistrationFactory()
    first = RegistrationFactory(participant=member)
    SessionFactory(cohort=first.cohort)
    client.get(MINE)
    # 13: besides the registrations, their sessions and the page's own, one each for the
    # personal calendar feed, the latest messages to this person, and whether an import invited
    # them and the privacy notice is still to be acknowledged.
    with django_assert_num_queries(9) as one:
        client.get(MINE)
    for _ in range(2):
        registration = RegistrationFactory(participant=member)
        SessionFactory(cohort=registration.cohort)
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(MINE).content.decode()
    assert html.count("registration-card") == 3
    assert 'data-confirm="Bu kaydı iptal etmek istediğinize emin misiniz?' in html


def test_closed_cohort_says_closed_even_before_the_profile_is_filled(client, participant):
    closed = CohortFactory(
        registration_opens_at=timezone.now() - dt.timedelta(days=5),
        registration_closes_at=timezone.now() - dt.timedelta(days=1),
    )
    client.force_login(participant)
    assert "Bu dönemin kayıtları kapandı." in client.get(_url(closed)).content.decode()
    response = client.post(_url(closed), {"privacy_acknowledged": "on"})
    assert "Bu dönemin kayıtları kapandı." in response.content.decode()


def test_waiting_list_badge_refreshes_itself_and_shows_the_new_position(client, member):
    cohort = CohortFactory(capacity=1)
    RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=1)
    mine = RegistrationFactory(
        cohort=cohort, participant=member, status="waitlisted", waitlist_order=2
    )
    client.force_login(member)
    html = client.get(MINE).content.decode()
    assert f'hx-get="/kayitlarim/{mine.pk}/durum/"' in html
    url = reverse("participants:registration_status", kwargs={"pk": mine.pk})
    assert "sıra 2" in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    Registration.objects.filter(waitlist_order=1).delete()
    assert "sıra 1" in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    opened = client.get(url)  # the fragment's address opened in a tab: the page it belongs to
    assert (opened.status_code, opened["Location"]) == (302, MINE)


def test_someone_elses_registration_status_is_404(client, member):
    other = RegistrationFactory(status="waitlisted", waitlist_order=1)
    client.force_login(member)
    url = reverse("participants:registration_status", kwargs={"pk": other.pk})
    assert client.get(url).status_code == 404


@pytest.fixture
def asking_cohort(db):
    cohort = CohortFactory(requires_approval=False)
    expectations = RegistrationQuestionFactory(
        cohort=cohort, position=1, text="Beklentileriniz neler?", required=True
    )
    sector = RegistrationQuestionFactory(
        cohort=cohort, position=2, text="Sektörünüz", kind="single", options="Kamu\nKooperatif"
    )
    topics = RegistrationQuestionFactory(
        cohort=cohort, position=3, text="Konular", kind="multiple", options="Bağış\nOrtaklık"
    )
    needs = RegistrationQuestionFactory(
        cohort=cohort, position=4, text="Erişim ihtiyacınız var mı?", kind="yes_no"
    )
    return cohort, expectations, sector, topics, needs


def test_the_registration_form_asks_the_cohorts_questions_and_stores_the_answers(
    client, member, asking_cohort
):
    cohort, expectations, sector, topics, needs = asking_cohort
    html = client.get(_url(cohort)).content.decode()
    assert "Bu dönemin soruları" in html
    assert html.index("Beklentileriniz neler?") < html.index("Sektörünüz") < html.index("Konular")
    response = client.post(
        _url(cohort),
        {
            "privacy_acknowledged": "on",
            f"question-{expectations.pk}": "  Yasal dayanakları öğrenmek  ",
            f"question-{sector.pk}": "Kooperatif",
            f"question-{topics.pk}": ["Bağış", "Ortaklık"],
            f"question-{needs.pk}": "no",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get(participant=member)
    answers = {a.question_id: (a.value, a.display_value) for a in registration.answers.all()}
    assert answers == {
        expectations.pk: ("Yasal dayanakları öğrenmek", "Yasal dayanakları öğrenmek"),
        sector.pk: ("Kooperatif", "Kooperatif"),
        topics.pk: ("Bağış\nOrtaklık", "Bağış, Ortaklık"),
        needs.pk: ("no", "Hayır"),
    }


def test_a_required_question_left_empty_is_refused_next_to_it_keeping_what_was_typed(
    client, member, asking_cohort
):
    cohort, expectations, sector, topics, _needs = asking_cohort
    response = client.post(
        _url(cohort),
        {
            "privacy_acknowledged": "on",
            f"question-{expectations.pk}": "   ",
            f"question-{sector.pk}": "Kooperatif",
            f"question-{topics.pk}": ["Ortaklık"],
        },
    )
    assert response.status_code == 200
    assert Registration.objects.count() == 0
    assert RegistrationAnswer.objects.count() == 0
    form = response.context["answers_form"]
    assert form.errors == {f"question-{expectations.pk}": ["Lütfen bu soruyu yanıtlayın."]}
    html = response.content.decode()
    field_html = html[html.index("Beklentileriniz neler?") : html.index("Sektörünüz")]
    assert "Lütfen bu soruyu yanıtlayın." in field_html
    assert re.search(
        r'<input type="radio" name="question-\d+" value="Kooperatif"[^>]* checked>', html
    )
    assert re.search(r'<textarea name="question-\d+"[^>]*aria-invalid="true"', html)
    assert form[f"question-{sector.pk}"].value() == "Kooperatif"
    assert form[f"question-{topics.pk}"].value() == ["Ortaklık"]


def test_a_choice_that_is_not_offered_is_refused_without_500(client, member, asking_cohort):
    cohort, expectations, sector, _topics, _needs = asking_cohort
    response = client.post(
        _url(cohort),
        {
            "privacy_acknowledged": "on",
            f"question-{expectations.pk}": "Öğrenmek",
            f"question-{sector.pk}": "Uydurma\x00",
        },
    )
    assert response.status_code == 200
    assert list(response.context["answers_form"].errors) == [f"question-{sector.pk}"]
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "case",
    [(False, False, 11), (True, False, 10), (False, True, 12)],
    ids=["seat", "waiting list", "seat, a question asked"],
)
def test_registering_takes_a_fixed_number_of_queries(
    client, member, django_assert_num_queries, case
):
    """Issue 15 (200 people at once): session, user, cohort (and whether it asks questions:
    their query only when it does), the person's consents (one query: the privacy
    acknowledgement and the optional ones); the seats as
    they look before the lock (the e-mail is rendered for that outcome), which also say whether
    the person registered before (their earlier row is read only when they did), the profile,
    and for a seat the sessions (the confirmation's meeting links); in the lock
    (tests/participants/services/test_registrations.py) two: the lock, the seats and the new
    rows' keys in one, the three inserts in the other; the savepoint and its release (the
    transaction, in production)."""
    full, asks, queries = case  # the cohort is full, it asks a question; the queries
    privacy_notice_acknowledge(user=member)  # as everyone who signed up has
    cohort = CohortFactory(requires_approval=False, capacity=1)
    SessionFactory(cohort=cohort)
    if asks:
        RegistrationQuestionFactory(cohort=cohort, required=False)
    if full:
        RegistrationFactory(cohort=cohort)
    ContentType.objects.get_for_model(Registration)  # as every process has it after its first
    with django_assert_num_queries(queries):
        response = client.post(_url(cohort), {"privacy_acknowledged": "on"})
    assert response.status_code == 302
    assert Registration.objects.get(participant=member).status == (
        "waitlisted" if full else "confirmed"
    )
