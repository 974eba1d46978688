"""One-step registration from a cohort page: one form, one account, one request, no seat until
the e-mail link; the same answer for a taken address; the sign-up's rate limit."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from core.models import Province
from participants.models import (
    ConsentRecord,
    Organization,
    ParticipantProfile,
    Registration,
    RegistrationRequest,
)
from tests.factories import CohortFactory, OrganizationFactory, UserFactory


@pytest.fixture(autouse=True)
def _on_commit_now(monkeypatch):
    """E-mails are queued and sent after commit (notifications): in these tests, at once."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, **_options: func())


@pytest.fixture
def cohort(db):
    return CohortFactory(title="Bornova dönemi", capacity=5, requires_approval=False)


@pytest.fixture
def organisation(db):
    return OrganizationFactory(name="İzmir Büyükşehir Belediyesi")


def _url(cohort) -> str:
    return reverse("participants:quick_register", kwargs={"cohort_pk": cohort.pk})


def _data(organisation, **changes) -> dict:
    return {
        "full_name": "Derya Işıklı",
        "email": "derya@example.org",
        "password1": "uzun-ve-guclu-parola-42",
        "title": "Sosyal Hizmetler Müdürlüğü",
        "phone": "0532 123 45 67",
        "organization": str(organisation.pk),
        "share_contact": "on",
        "privacy_acknowledged": "on",
        **changes,
    }


def _confirm_path(message) -> str:
    return re.search(r"/hesap/confirm-email/\S+/", message.body).group(0)


def test_the_form_asks_everything_on_one_page(client, cohort):
    html = client.get(_url(cohort)).content.decode()
    for name in (
        "full_name",
        "email",
        "password1",
        "title",
        "phone",
        "organization_query",
        "new_organization_province",
        "share_contact",
        "photos",
        "privacy_acknowledged",
    ):
        assert f'name="{name}"' in html, name
    assert 'name="password2"' not in html
    assert reverse("participants:organization_search") in html
    assert "Hesabımı oluştur ve kaydol" in html


def test_one_form_makes_one_account_and_one_request_and_holds_no_seat(client, cohort, organisation):
    response = client.post(_url(cohort), _data(organisation))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert (user.email, user.full_name) == ("derya@example.org", "Derya Işıklı")
    assert user.check_password("uzun-ve-guclu-parola-42")
    assert not EmailAddress.objects.get(user=user).verified
    request = RegistrationRequest.objects.get()
    assert (request.user, request.cohort, request.status) == (user, cohort, "awaiting")
    assert request.profile == {
        "organization": organisation.pk,
        "title": "Sosyal Hizmetler Müdürlüğü",
        "phone": "+905321234567",
    }
    assert request.registration_values == {
        "consents": {"share_contact": True, "photos": False},
        "answers": {},
    }
    assert not Registration.objects.exists()  # no seat, not even pending
    assert not ParticipantProfile.objects.exists()
    assert ConsentRecord.objects.filter(user=user, kind="privacy_notice").count() == 1
    assert [message.to for message in mail.outbox] == [["derya@example.org"]]


def test_the_email_link_registers_and_lands_on_my_registrations(client, cohort, organisation):
    client.post(_url(cohort), _data(organisation))
    confirm = _confirm_path(mail.outbox[0])
    assert client.get(confirm).status_code == 200  # the page with the "Onayla" button
    response = client.post(confirm)
    assert response.status_code == 302
    assert response["Location"] == reverse("participants:my_registrations")
    registration = Registration.objects.get()
    assert (registration.cohort, registration.status) == (cohort, "confirmed")
    profile = registration.participant.participant_profile
    assert (profile.organization, profile.title, profile.phone) == (
        organisation,
        "Sosyal Hizmetler Müdürlüğü",
        "+905321234567",
    )
    assert registration.privacy_notice_version != ""
    assert RegistrationRequest.objects.get().registration == registration
    # acknowledged once for this version of the notice: at sign-up, not again at registration
    assert ConsentRecord.objects.filter(kind="privacy_notice").count() == 1
    assert ConsentRecord.objects.get(kind="share_contact").granted
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Bornova dönemi" in page.content.decode()


def test_a_new_organisation_is_added_only_when_the_address_is_confirmed(client, cohort):
    data = _data(
        OrganizationFactory.build(pk=0),
        organization="",
        new_organization_name="Bornova Kadın Kooperatifi",
        new_organization_kind="cooperative",
        new_organization_cooperative_kind="women",
        new_organization_province=str(Province.objects.get(name="İzmir").pk),
    )
    client.post(_url(cohort), data)
    assert not Organization.objects.filter(name="Bornova Kadın Kooperatifi").exists()
    client.post(_confirm_path(mail.outbox[0]))
    organisation = Organization.objects.get(name="Bornova Kadın Kooperatifi")
    assert (organisation.kind, organisation.cooperative_kind) == ("cooperative", "women")
    assert ParticipantProfile.objects.get().organization == organisation


def test_a_missing_or_bad_phone_is_refused_next_to_the_field_keeping_what_was_typed(
    client, cohort, organisation
):
    for phone, message in (
        ("", "Bu alan zorunludur."),
        ("12", "Telefon numarasını 0532 123 45 67 ya da +90 532 123 45 67 biçiminde yazın"),
    ):
        response = client.post(_url(cohort), _data(organisation, phone=phone))
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert 'value="Sosyal Hizmetler Müdürlüğü"' in html
        assert 'value="derya@example.org"' in html
    assert not User.objects.exists()


def _answer(client, url, data) -> tuple:
    response = client.post(url, data)
    page = client.get(response["Location"])
    html = page.content.decode().replace(data["email"], "<typed address>")
    html = re.sub(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', r"\1…", html)
    return response.status_code, response["Location"], page.status_code, html


def test_a_taken_address_gets_the_same_answer_and_its_owner_an_email(cohort, organisation):
    owner = UserFactory(email="derya@example.org", full_name="Derya Işıklı")
    taken = _answer(Client(), _url(cohort), _data(organisation))
    new = _answer(Client(), _url(cohort), _data(organisation, email="yeni@example.org"))
    assert taken == new
    assert taken[:3] == (302, reverse("account_email_verification_sent"), 200)
    assert User.objects.count() == 2
    assert list(RegistrationRequest.objects.values_list("user__email", flat=True)) == [
        "yeni@example.org"
    ]
    owner.refresh_from_db()
    assert owner.check_password("correct-horse-battery")
    assert not owner.registration_requests.exists()
    assert [message.to for message in mail.outbox] == [["derya@example.org"], ["yeni@example.org"]]
    assert mail.outbox[0].subject == "[Genç İşi] Bu adresle zaten bir hesabınız var"


def test_bad_input_is_explained_in_turkish_and_kept(client, cohort, organisation):
    response = client.post(
        _url(cohort),
        _data(organisation, full_name="Derya Işıklı", email="derya@", privacy_acknowledged=""),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geçerli bir e-posta adresi girin." in html
    assert "Lütfen aydınlatma metnini okuduğunuzu onaylayın." in html
    assert 'value="Derya Işıklı"' in html
    assert 'value="derya@"' in html
    assert not User.objects.exists()
    assert not RegistrationRequest.objects.exists()


def test_no_organisation_is_asked_for_next_to_the_search(client, cohort, organisation):
    response = client.post(_url(cohort), _data(organisation, organization=""))
    assert "Kurumunuzu listeden seçin ya da aşağıdan yeni kurum ekleyin." in (
        response.content.decode()
    )
    assert not User.objects.exists()


def test_a_closed_cohort_takes_no_sign_up(client, organisation):
    cohort = CohortFactory(
        registration_opens_at="2020-01-01T00:00:00Z", registration_closes_at="2020-02-01T00:00:00Z"
    )
    response = client.post(_url(cohort), _data(organisation))
    assert response.status_code == 200
    assert "Bu dönemin kayıtları kapandı." in response.content.decode()
    assert not User.objects.exists()


def test_a_draft_cohort_is_404(client, organisation):
    cohort = CohortFactory(status="draft")
    assert client.get(_url(cohort)).status_code == 404


def test_someone_logged_in_goes_to_the_registration_step(client, cohort, participant):
    client.force_login(participant)
    response = client.get(_url(cohort))
    assert response.status_code == 302
    assert response["Location"] == reverse("participants:register", kwargs={"cohort_pk": cohort.pk})


def test_the_sign_ups_rate_limit_applies(client, settings, cohort, organisation):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    for number in range(2):
        response = client.post(_url(cohort), _data(organisation, email=f"kisi{number}@ornek.org"))
        assert response.status_code == 302
    refused = client.post(_url(cohort), _data(organisation, email="ucuncu@ornek.org"))
    assert refused.status_code == 429
    assert User.objects.count() == 2


def test_the_public_cohort_page_offers_the_one_step_form_to_visitors(client, cohort, participant):
    page = reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})
    assert _url(cohort) in client.get(page).content.decode()
    client.force_login(participant)
    html = client.get(page).content.decode()
    assert _url(cohort) not in html
    assert reverse("participants:register", kwargs={"cohort_pk": cohort.pk}) in html


def test_the_cohorts_questions_are_asked_and_their_answers_kept_until_the_link(
    client, cohort, organisation
):
    from participants.models import RegistrationAnswer
    from tests.factories import RegistrationQuestionFactory

    sector = RegistrationQuestionFactory(
        cohort=cohort,
        text="Hangi sektördesiniz?",
        kind="single",
        options="Kamu\nKooperatif",
        required=True,
    )
    field = f"question-{sector.pk}"
    refused = client.post(_url(cohort), _data(organisation))
    assert refused.status_code == 200
    assert "Lütfen bu soruyu yanıtlayın." in refused.content.decode()
    assert not User.objects.exists()
    client.post(_url(cohort), _data(organisation, **{field: "Kooperatif"}))
    assert not RegistrationAnswer.objects.exists()  # no registration before the link
    client.post(_confirm_path(mail.outbox[0]))
    answer = RegistrationAnswer.objects.get()
    assert (answer.question, answer.value) == (sector, "Kooperatif")
