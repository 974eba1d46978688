import io

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from core import pagination
from core.models import Province
from notifications.models import Notification
from participants.exports import registrations_table
from participants.models import AuditEntry, Organization, Registration
from participants.selectors.answers import answers_attach
from participants.selectors.registrations import cohort_registrations, registrations_for_table
from programs.selectors import cohort_questions
from tests.factories import (
    CohortFactory,
    OrganizationFactory,
    ParticipantProfileFactory,
    RegistrationAnswerFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    UserFactory,
)
from tests.participants.conftest import IZMIR_BY_NAME, IZMIR_BY_PLACE

pytestmark = pytest.mark.django_db


def _list_url(cohort):
    return reverse("participants:cohort_registrations", kwargs={"cohort_pk": cohort.pk})


def _registration(cohort, name, organization=None, **kwargs):
    profile = ParticipantProfileFactory(
        user=UserFactory(full_name=name),
        **({"organization": organization} if organization else {}),
    )
    return RegistrationFactory(cohort=cohort, participant=profile.user, **kwargs)


def test_facilitator_sees_only_own_cohorts_read_only(client, facilitator):
    mine, other = CohortFactory(), CohortFactory()
    mine.facilitators.add(facilitator)
    _registration(mine, "Işıl Öz")
    client.force_login(facilitator)
    html = client.get(_list_url(mine)).content.decode()
    assert "Işıl Öz" in html
    assert "bulk-form" not in html
    assert "değişiklikleri koordinatörler yapar" in html
    assert client.get(_list_url(other)).status_code == 404
    index = client.get(reverse("participants:console")).content.decode()
    assert mine.title in index
    assert other.title not in index
    bulk = reverse("participants:cohort_registrations_bulk", kwargs={"cohort_pk": mine.pk})
    assert client.post(bulk, {"action": "approve"}).status_code == 403


def test_filters_and_turkish_search_narrow_the_list(client, coordinator):
    cohort = CohortFactory()
    ankara = Province.objects.get(name="Ankara")
    coop = OrganizationFactory(
        name="Bayındır Kadın Kooperatifi", kind="cooperative", cooperative_kind="women"
    )
    _registration(cohort, "İnci Işık", coop)
    _registration(
        cohort, "Ali Can", OrganizationFactory(name="Çankaya Belediyesi", province=ankara)
    )
    _registration(cohort, "Veli Er", status="pending")
    client.force_login(coordinator)
    url = _list_url(cohort)

    def names(params):
        rows = client.get(url, params).context["registrations"]
        return [r.participant.full_name for r in rows]

    assert names({"q": "INCI"}) == ["İnci Işık"]
    assert names({"q": "bayindir"}) == ["İnci Işık"]
    assert names({"q": "çankaya"}) == ["Ali Can"]
    assert names({"status": "pending"}) == ["Veli Er"]
    assert names({"organization_kind": "cooperative"}) == ["İnci Işık"]
    assert names({"province": ankara.pk}) == ["Ali Can"]


def test_counts_by_status_and_kind(client, coordinator):
    cohort = CohortFactory(capacity=5)
    coop = OrganizationFactory(kind="cooperative", cooperative_kind="social")
    _registration(cohort, "A", coop)
    _registration(cohort, "B", coop, status="pending")
    _registration(cohort, "C", status="waitlisted", waitlist_order=1)
    client.force_login(coordinator)
    context = client.get(_list_url(cohort)).context
    assert context["seats_taken"] == 2
    assert [(value, count) for value, _label, count in context["status_counts"]] == [
        ("pending", 1),
        ("confirmed", 1),
        ("waitlisted", 1),
        ("cancelled", 0),
        ("rejected", 0),
    ]
    assert context["kind_counts"] == [("Kooperatif", 2), ("İlçe belediyesi", 1)]


def test_list_query_count_does_not_grow_with_rows(client, coordinator, django_assert_num_queries):
    cohort = CohortFactory()
    _registration(cohort, "Bir")
    client.force_login(coordinator)
    client.get(_list_url(cohort))
    with django_assert_num_queries(9) as one:
        client.get(_list_url(cohort))
    _registration(cohort, "İki")
    _registration(cohort, "Üç", status="waitlisted", waitlist_order=1)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(_list_url(cohort))
    assert len(response.context["registrations"]) == 3


def test_the_list_is_paginated_its_links_keep_the_filters_and_an_action_returns_to_its_page(
    client, coordinator, monkeypatch
):
    monkeypatch.setattr(pagination, "PER_PAGE", 2)
    cohort = CohortFactory(capacity=10)
    people = [_registration(cohort, f"Kişi {n}", status="pending") for n in range(5)]
    _registration(cohort, "Onaylı")
    client.force_login(coordinator)
    url = _list_url(cohort)
    first = client.get(url, {"status": "pending"})
    assert [r.participant.full_name for r in first.context["registrations"]] == [
        "Kişi 0",
        "Kişi 1",
    ]
    html = first.content.decode()
    assert "Sayfa 1 / 3" in html
    assert 'href="?status=pending&amp;sayfa=2"' in html
    second = client.get(url, {"status": "pending", "sayfa": 2})
    assert [r.participant.full_name for r in second.context["registrations"]] == [
        "Kişi 2",
        "Kişi 3",
    ]
    assert '<input type="hidden" name="sayfa" value="2">' in second.content.decode()
    bulk = reverse("participants:cohort_registrations_bulk", kwargs={"cohort_pk": cohort.pk})
    response = client.post(
        bulk,
        {
            "action": "approve",
            "ids": [people[2].pk],
            "query_string": "status=pending",
            "sayfa": "2",
        },
    )
    assert response.url == f"{url}?status=pending&sayfa=2"


def test_the_search_runs_in_the_database_on_the_folded_name_email_and_organisation(
    client, coordinator, django_assert_num_queries
):
    cohort = CohortFactory()
    _registration(cohort, "ŞULE IŞIK", OrganizationFactory(name="Gölbaşı Belediyesi"))
    _registration(cohort, "Ali Can")
    client.force_login(coordinator)
    client.get(_list_url(cohort))
    with django_assert_num_queries(9):
        response = client.get(_list_url(cohort), {"q": "golbasi"})
    assert [r.participant.full_name for r in response.context["registrations"]] == ["ŞULE IŞIK"]
    assert [
        r.participant.full_name
        for r in client.get(_list_url(cohort), {"q": "şule ış"}).context["registrations"]
    ] == ["ŞULE IŞIK"]
    assert [
        r.participant.full_name
        for r in client.get(_list_url(cohort), {"q": "100%_"}).context["registrations"]
    ] == []


def test_the_cohort_index_and_the_change_history_are_paginated(client, coordinator, monkeypatch):
    monkeypatch.setattr(pagination, "PER_PAGE", 2)
    cohorts = [CohortFactory(title=f"Dönem {n}") for n in range(3)]
    for n in range(3):
        AuditEntry.objects.create(cohort=cohorts[0], action="approved", detail=f"kayıt {n}")
    client.force_login(coordinator)
    index = client.get(reverse("participants:console"))
    assert len(index.context["cohorts"]) == 2
    assert "Sayfa 1 / 2" in index.content.decode()
    assert len(client.get(reverse("participants:console"), {"sayfa": 2}).context["cohorts"]) == 1
    log = reverse("participants:cohort_audit_log", kwargs={"cohort_pk": cohorts[0].pk})
    assert [entry.detail for entry in client.get(log).context["entries"]] == ["kayıt 2", "kayıt 1"]
    assert [entry.detail for entry in client.get(log, {"sayfa": 2}).context["entries"]] == [
        "kayıt 0"
    ]


def test_bulk_approve_and_reject_report_changes_and_skips(client, coordinator):
    cohort = CohortFactory(capacity=3)
    pending = [_registration(cohort, f"Kişi {n}", status="pending") for n in range(2)]
    confirmed = _registration(cohort, "Onaylı")
    client.force_login(coordinator)
    bulk = reverse("participants:cohort_registrations_bulk", kwargs={"cohort_pk": cohort.pk})
    response = client.post(
        bulk,
        {
            "action": "approve",
            "ids": [pending[0].pk, confirmed.pk],
            "query_string": "status=pending",
        },
        follow=True,
    )
    assert response.redirect_chain[0][0] == _list_url(cohort) + "?status=pending"
    html = response.content.decode()
    assert "1 kayıt güncellendi." in html
    assert "1 kayıt atlandı: durumları bu işleme uygun değil." in html
    client.post(bulk, {"action": "reject", "ids": [pending[1].pk]})
    assert dict(Registration.objects.values_list("pk", "status")) == {
        pending[0].pk: "confirmed",
        pending[1].pk: "rejected",
        confirmed.pk: "confirmed",
    }
    response = client.post(bulk, {"action": "approve"}, follow=True)
    assert "En az bir kayıt ve bir işlem seçin." in response.content.decode()


@pytest.mark.parametrize(
    ("posted", "expected"),
    [
        ("status=pending&q=%C4%B0zmir", "?q=%C4%B0zmir&status=pending"),
        ("q=İzmir Büyükşehir", "?q=%C4%B0zmir+B%C3%BCy%C3%BCk%C5%9Fehir"),
        ("q=a\r\nSet-Cookie: x=1", "?q=a%0D%0ASet-Cookie%3A+x%3D1"),
        ("status=pending\r\nSet-Cookie: x=1", ""),
        ("q=a\x00b&status=pending", ""),
        ("status=pending&next=https://evil.example&evil=1", "?status=pending"),
        ("province=99999999999999999999&status=pending", ""),
        ("%ZZ=%&&=", ""),
    ],
)
def test_actions_go_back_to_the_list_with_only_its_valid_filters(
    client, coordinator, posted, expected
):
    cohort = CohortFactory(capacity=1, requires_approval=False)
    waiting = _registration(cohort, "Bekleyen", status="waitlisted", waitlist_order=1)
    client.force_login(coordinator)
    kwargs = {"cohort_pk": cohort.pk}
    posts = [
        (
            reverse("participants:cohort_registrations_bulk", kwargs=kwargs),
            {"action": "approve", "ids": [waiting.pk]},
        ),
        (
            reverse("participants:registration_promote", kwargs={**kwargs, "pk": waiting.pk}),
            {},
        ),
        (
            reverse("participants:registration_move", kwargs={**kwargs, "pk": waiting.pk}),
            {"direction": "up"},
        ),
    ]
    for url, data in posts:
        response = client.post(url, {**data, "query_string": posted})
        assert response.status_code == 302
        assert response["Location"] == _list_url(cohort) + expected


def test_the_list_links_carry_only_its_valid_filters(client, coordinator):
    cohort = CohortFactory()
    client.force_login(coordinator)
    response = client.get(_list_url(cohort), {"status": "pending", "q": " Ayşe ", "x": "1"})
    assert response.context["query_string"] == "q=Ay%C5%9Fe&status=pending"


def test_bulk_ignores_registrations_of_other_cohorts(client, coordinator):
    cohort = CohortFactory()
    elsewhere = _registration(CohortFactory(), "Başka", status="pending")
    client.force_login(coordinator)
    bulk = reverse("participants:cohort_registrations_bulk", kwargs={"cohort_pk": cohort.pk})
    client.post(bulk, {"action": "approve", "ids": [elsewhere.pk]})
    elsewhere.refresh_from_db()
    assert elsewhere.status == "pending"


def test_move_and_promote_on_the_waiting_list(client, coordinator):
    cohort = CohortFactory(capacity=1, requires_approval=False)
    seated = _registration(cohort, "Oturan")
    first = _registration(cohort, "Birinci", status="waitlisted", waitlist_order=1)
    second = _registration(cohort, "İkinci", status="waitlisted", waitlist_order=2)
    client.force_login(coordinator)
    move = reverse(
        "participants:registration_move", kwargs={"cohort_pk": cohort.pk, "pk": second.pk}
    )
    client.post(move, {"direction": "up"})
    response = client.get(_list_url(cohort), {"status": "waitlisted"})
    rows = response.context["registrations"]
    assert [(r.participant.full_name, r.position) for r in rows] == [("İkinci", 1), ("Birinci", 2)]
    html = response.content.decode()  # each row's badge with its own place (one per key)
    assert '<span class="badge badge-accent">Bekleme listesinde · sıra 1</span>' in html
    assert '<span class="badge badge-accent">Bekleme listesinde · sıra 2</span>' in html
    promote = reverse(
        "participants:registration_promote", kwargs={"cohort_pk": cohort.pk, "pk": first.pk}
    )
    response = client.post(promote, follow=True)
    assert "Boş yer yok." in response.content.decode()
    seated.status = "cancelled"
    seated.save()
    client.post(promote)
    first.refresh_from_db()
    assert first.status == "confirmed"
    assert AuditEntry.objects.filter(registration=first, action="promoted", actor=coordinator)


def test_csv_export_is_excel_friendly_with_turkish_headers(client, coordinator):
    cohort = CohortFactory(title="İzmir dönemi")
    _registration(cohort, '=HYPERLINK("x")', OrganizationFactory(name="Konak Belediyesi"))
    client.force_login(coordinator)
    url = reverse(
        "participants:cohort_registrations_export",
        kwargs={"cohort_pk": cohort.pk, "file_format": "csv"},
    )
    response = client.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="kayitlar-izmir-donemi-' in response["Content-Disposition"]
    text = response.getvalue().decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == (
        "\ufeffSıra;Ad soyad;E-posta adresi;Telefon;Kurum;Kurum türü;İl;İlçe;Unvan / birim;"
        "Durum;Bekleme listesi sırası;Kayıt zamanı"
    )
    assert lines[1].startswith('1;"\'=HYPERLINK(""x"")";')
    assert ";'+90 532 123 45 67;Konak Belediyesi;İlçe belediyesi;İzmir;;" in lines[1]


def test_xlsx_export_opens_with_the_same_rows(client, coordinator):
    cohort = CohortFactory()
    _registration(cohort, "Şule Ağaoğlu")
    client.force_login(coordinator)
    url = reverse(
        "participants:cohort_registrations_export",
        kwargs={"cohort_pk": cohort.pk, "file_format": "xlsx"},
    )
    workbook = load_workbook(io.BytesIO(client.get(url).content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Sıra", "Ad soyad", "E-posta adresi")
    assert rows[1][1] == "Şule Ağaoğlu"
    bad = reverse(
        "participants:cohort_registrations_export",
        kwargs={"cohort_pk": cohort.pk, "file_format": "pdf"},
    )
    assert client.get(bad).status_code == 404


def test_audit_log_page_lists_who_changed_what(client, coordinator):
    cohort = CohortFactory(capacity=1)
    registration = _registration(cohort, "Kayıtlı", status="pending")
    client.force_login(coordinator)
    client.post(
        reverse("participants:cohort_registrations_bulk", kwargs={"cohort_pk": cohort.pk}),
        {"action": "approve", "ids": [registration.pk]},
    )
    url = reverse("participants:cohort_audit_log", kwargs={"cohort_pk": cohort.pk})
    html = client.get(url).content.decode()
    assert "Zeynep Aydın" in html
    assert "Onaylandı" in html
    assert "Kayıtlı" in html


def test_merge_page_merges_and_refuses_the_same_organisation(client, coordinator):
    keep = OrganizationFactory(name="Konak Belediyesi")
    duplicate = OrganizationFactory(name="Konak Bld.")
    ParticipantProfileFactory(organization=duplicate)
    client.force_login(coordinator)
    url = reverse("participants:organization_merge")
    response = client.post(url, {"duplicate": keep.pk, "keep": keep.pk})
    assert "İki farklı kurum seçin." in response.content.decode()
    response = client.post(url, {"duplicate": duplicate.pk, "keep": keep.pk}, follow=True)
    assert "“Konak Bld.”, “Konak Belediyesi” ile birleştirildi; 1 profil taşındı." in (
        response.content.decode()
    )


def test_failed_emails_page_lists_and_retries(
    client, coordinator, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory()
    notification = Notification.objects.create(
        recipient=registration.participant,
        about=registration,
        kind="confirmed",
        language="tr",
        subject="Kaydınız onaylandı",
        body="Merhaba",
        status="failed",
        attempts=1,
        error="bağlantı reddedildi",
        dedupe_key="failed:1",
    )
    client.force_login(coordinator)
    html = client.get(reverse("participants:failed_emails")).content.decode()
    assert "bağlantı reddedildi" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("participants:email_retry", kwargs={"pk": notification.pk}))
    assert response.url == reverse("participants:failed_emails")
    notification.refresh_from_db()
    assert notification.status == "sent"


def test_failed_emails_page_shows_the_address_of_an_email_without_recipient(client, coordinator):
    """allauth's "no account uses this address" goes to an address, not to a person."""
    Notification.objects.create(
        address="kimse@example.org",
        kind="account_unknown_account",
        language="tr",
        subject="Bu adresle açılmış bir hesap yok",
        body="Merhaba,",
        status="failed",
        attempts=1,
        error="SMTP 550 5.1.1 Böyle bir posta kutusu yok",
        dedupe_key="account_unknown_account:1",
    )
    client.force_login(coordinator)
    html = client.get(reverse("participants:failed_emails")).content.decode()
    assert '<td><span class="muted small">kimse@example.org</span></td>' in html


def test_bulk_action_ignores_ids_that_are_no_numbers(client, coordinator):
    cohort = CohortFactory(capacity=3)
    pending = _registration(cohort, "Bekleyen", status="pending")
    client.force_login(coordinator)
    bulk = reverse("participants:cohort_registrations_bulk", kwargs={"cohort_pk": cohort.pk})
    response = client.post(bulk, {"action": "approve", "ids": ["²", str(pending.pk)]})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == "confirmed"


def test_coordinator_corrects_an_organisation(client, coordinator):
    organization = OrganizationFactory(name="Konak Bld.")
    client.force_login(coordinator)
    response = client.post(
        reverse("participants:organization_edit", kwargs={"pk": organization.pk}),
        {
            "name": "Konak  Belediyesi",
            "kind": "district",
            "province": Province.objects.get(name="İzmir").pk,
            "district": "Konak",
        },
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "Konak  Belediyesi"
    assert organization.search_name == "konak  belediyesi"


def test_cooperative_without_its_kind_is_refused_and_the_input_kept(client, coordinator):
    organization = OrganizationFactory(name="Ege Kooperatifi")
    client.force_login(coordinator)
    html = client.post(
        reverse("participants:organization_edit", kwargs={"pk": organization.pk}),
        {
            "name": "Ege Sosyal Kooperatifi",
            "kind": "cooperative",
            "province": organization.province_id,
        },
    ).content.decode()
    assert "Kooperatifin türünü seçin." in html
    assert 'value="Ege Sosyal Kooperatifi"' in html
    assert Organization.objects.get(pk=organization.pk).name == "Ege Kooperatifi"


def test_organisation_list_search_finds_all_seven_izmir_organisations(
    client, coordinator, izmir_organisations
):
    client.force_login(coordinator)
    response = client.get(reverse("participants:organizations"), {"q": "IZMIR"})

    assert [o.name for o in response.context["organizations"]] == IZMIR_BY_NAME + IZMIR_BY_PLACE
    html = response.content.decode()
    assert "7 kurum" in html
    assert "Her sözcüğü kurumun adında, ilinde ya da ilçesinde arar" in html


def test_organisation_list_says_when_nothing_matches(client, coordinator, izmir_organisations):
    client.force_login(coordinator)
    html = client.get(reverse("participants:organizations"), {"q": "Van"}).content.decode()
    assert "Eşleşen kurum yok." in html
    assert "0 kurum" in html


def test_organisation_list_is_paginated_and_its_links_keep_the_search(client, coordinator):
    van = Province.objects.get(name="Van")
    for number in range(51):
        OrganizationFactory(name=f"Van Kooperatifi {number:02}", province=van)
    OrganizationFactory(name="Konak Belediyesi")
    client.force_login(coordinator)
    url = reverse("participants:organizations")

    first = client.get(url, {"q": "van"})
    assert len(first.context["organizations"]) == 50
    html = first.content.decode()
    assert "51 kurum" in html
    assert "Sayfa 1 / 2" in html
    assert 'href="?q=van&amp;sayfa=2"' in html
    second = client.get(url, {"q": "van", "sayfa": "2"})
    assert [o.name for o in second.context["organizations"]] == ["Van Kooperatifi 50"]
    assert client.get(url, {"q": "van", "sayfa": "x"}).context["page"].number == 1


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("query", ["", "izmir"])
def test_organisation_list_query_count_does_not_grow(
    client, coordinator, count, query, django_assert_num_queries
):
    for _ in range(count):
        ParticipantProfileFactory(organization=OrganizationFactory())
    client.force_login(coordinator)
    # session, user with its roles, count, page (+ the provinces a search matches, on PostgreSQL)
    searches_provinces = query and connection.vendor == "postgresql"
    with django_assert_num_queries(5 if searches_provinces else 4):
        response = client.get(reverse("participants:organizations"), {"q": query})
    assert len(response.context["organizations"]) == count


@pytest.mark.parametrize("query", ["İzmir\x00", "ş" * 30_000])
def test_organisation_list_search_survives_nul_and_endless_text(client, coordinator, query):
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")
    client.force_login(coordinator)
    response = client.get(reverse("participants:organizations"), {"q": query})
    assert response.status_code == 200
    assert ("İzmir Büyükşehir Belediyesi" in response.content.decode()) is (len(query) < 100)


# Answers to the cohort's registration questions


@pytest.fixture
def answered_cohort(db):
    """Two questions (a multiple choice and a sensitive text), three people's answers."""
    cohort = CohortFactory()
    sector = RegistrationQuestionFactory(
        cohort=cohort, position=1, text="Sektör", kind="multiple", options="Kamu\nKooperatif\nSTK"
    )
    needs = RegistrationQuestionFactory(
        cohort=cohort, position=2, text="Erişim ihtiyacı", sensitive=True
    )
    for name, sectors, need in [
        ("Ayşe Kamu", "Kamu", "Tekerlekli sandalye"),
        ("Bora Koop", "Kooperatif\nSTK", ""),
        ("Cem Karma", "Kamu\nKooperatif", "İşaret dili çevirisi"),
    ]:
        registration = _registration(cohort, name)
        RegistrationAnswerFactory(registration=registration, question=sector, value=sectors)
        if need:
            RegistrationAnswerFactory(registration=registration, question=needs, value=need)
    return cohort, sector, needs


def _names(response) -> list[str]:
    return [r.participant.full_name for r in response.context["registrations"]]


def test_answers_show_as_columns_and_filter_the_list(client, coordinator, answered_cohort):
    cohort, sector, _needs = answered_cohort
    client.force_login(coordinator)
    response = client.get(_list_url(cohort))
    html = response.content.decode()
    assert '<th scope="col">Sorulara yanıtlar</th>' in html
    assert "<dt>Sektör</dt><dd>Kooperatif, STK</dd>" in html
    assert (
        '<dt>Erişim ihtiyacı <span class="badge badge-warn">hassas</span></dt>'
        "<dd>Tekerlekli sandalye</dd>"
    ) in html
    filtered = client.get(_list_url(cohort), {"answer": f"{sector.pk}:Kooperatif"})
    assert _names(filtered) == ["Bora Koop", "Cem Karma"]
    assert _names(client.get(_list_url(cohort), {"answer": f"{sector.pk}:Kamu"})) == [
        "Ayşe Kamu",
        "Cem Karma",
    ]
    assert f"answer={sector.pk}%3AKooperatif" in filtered.context["query_string"]


def test_an_unknown_answer_filter_shows_everyone_and_no_500(client, coordinator, answered_cohort):
    cohort, sector, _needs = answered_cohort
    client.force_login(coordinator)
    for value in [f"{sector.pk}:Yok", "x:y", "\x00", f"{sector.pk + 999}:Kamu"]:
        response = client.get(_list_url(cohort), {"answer": value})
        assert response.status_code == 200
        assert len(response.context["registrations"]) == 3
        assert response.context["query_string"] == ""


def test_a_renamed_or_removed_choice_still_shows_what_was_answered(
    client, coordinator, answered_cohort
):
    cohort, sector, _needs = answered_cohort
    sector.options = "Kamu kurumu\nDiğer"
    sector.save()
    client.force_login(coordinator)
    response = client.get(_list_url(cohort), {"answer": f"{sector.pk}:Diğer"})
    assert response.status_code == 200
    assert _names(response) == []
    html = client.get(_list_url(cohort)).content.decode()
    assert "Kooperatif, STK" in html


def test_facilitator_never_sees_sensitive_answers(client, facilitator, answered_cohort):
    cohort, sector, needs = answered_cohort
    cohort.facilitators.add(facilitator)
    client.force_login(facilitator)
    response = client.get(_list_url(cohort))
    html = response.content.decode()
    assert "Kooperatif, STK" in html
    assert "Erişim ihtiyacı" not in html
    assert "Tekerlekli sandalye" not in html
    assert "İşaret dili" not in html
    assert [question.pk for question in response.context["questions"]] == [sector.pk]
    assert str(needs.pk) not in str(response.context["filter_form"]["answer"])
    export = reverse(
        "participants:cohort_registrations_export",
        kwargs={"cohort_pk": cohort.pk, "file_format": "csv"},
    )
    assert client.get(export).status_code == 403


def test_exports_have_a_column_per_question(client, coordinator, answered_cohort):
    cohort, _sector, _needs = answered_cohort
    client.force_login(coordinator)
    url = reverse(
        "participants:cohort_registrations_export",
        kwargs={"cohort_pk": cohort.pk, "file_format": "xlsx"},
    )
    rows = list(
        load_workbook(io.BytesIO(client.get(url).content)).active.iter_rows(values_only=True)
    )
    assert rows[0][-3:] == ("Kayıt zamanı", "Sektör", "Erişim ihtiyacı")
    assert [row[1:2] + row[-2:] for row in rows[1:]] == [
        ("Ayşe Kamu", "Kamu", "Tekerlekli sandalye"),
        ("Bora Koop", "Kooperatif, STK", None),
        ("Cem Karma", "Kamu, Kooperatif", "İşaret dili çevirisi"),
    ]


def test_export_without_sensitive_questions_leaves_their_answers_out(answered_cohort):
    cohort, _sector, _needs = answered_cohort
    questions = cohort_questions(cohort=cohort, include_sensitive=False)
    rows = registrations_for_table(rows=cohort_registrations(cohort=cohort))
    answers_attach(rows, questions=questions)
    text = (
        registrations_table(cohort=cohort, registrations=rows, fmt="csv", questions=questions)
        .getvalue()
        .decode()
    )
    assert text.split("\r\n")[0].endswith(";Kayıt zamanı;Sektör")
    assert "Tekerlekli" not in text
    assert "Erişim" not in text


@pytest.mark.parametrize("count", [1, 3])
def test_list_with_questions_query_count_does_not_grow(
    client, coordinator, count, django_assert_num_queries
):
    cohort = CohortFactory()
    questions = [
        RegistrationQuestionFactory(cohort=cohort, kind="yes_no"),
        RegistrationQuestionFactory(cohort=cohort, sensitive=True),
    ]
    for number in range(count):
        registration = _registration(cohort, f"Kişi {number}")
        for question in questions:
            RegistrationAnswerFactory(registration=registration, question=question, value="yes")
    client.force_login(coordinator)
    client.get(_list_url(cohort))
    with django_assert_num_queries(10):
        response = client.get(_list_url(cohort), {"answer": f"{questions[0].pk}:yes"})
    assert len(response.context["registrations"]) == count
    assert response.content.decode().count("<dd>Evet</dd>") == count


def test_each_row_carries_its_labels_and_a_waiting_rows_buttons(client, coordinator):
    """Every row has its labels (the stacked layout at 360 px reads data-label) and a waiting
    row its buttons."""
    cohort = CohortFactory()
    _registration(cohort, "Ayla Ak")
    _registration(cohort, "Berk Bal", status="waitlisted", waitlist_order=1)
    client.force_login(coordinator)
    html = client.get(_list_url(cohort)).content.decode()
    for label in ("Seç", "Kurum", "İl", "Durum", "Kayıt zamanı", "Bekleme listesi"):
        assert html.count(f'data-label="{label}"') == 2, label
    assert html.count('aria-label="Yukarı taşı" title="Yukarı taşı"') == 1
    assert html.count('aria-label="Aşağı taşı" title="Aşağı taşı"') == 1
    assert html.count('<button type="submit" class="button button-small">Yer ver</button>') == 1
