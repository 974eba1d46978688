import datetime as dt
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.apps import apps
from django.test import override_settings
from django.urls import reverse

from accounts.models import User
from notifications.models import Notification
from participants.emails import INVITATION
from participants.imports.reading import read_upload
from participants.models import ConsentRecord, ImportBatch, Registration
from participants.services import imports as services
from tests.factories import CohortFactory, OrganizationFactory, RegistrationFactory, UserFactory
from tests.participants.imports.spreadsheets import (
    EMPTY,
    HEADER,
    csv_bytes,
    people,
    upload,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

# Twelve kinds of bad rows (and two good ones), as a coordinator's list may have them.
BAD_FILE = [
    ["Ayşe Yılmaz", "ayse@example.org", "Çankaya Belediyesi", "", "06", *EMPTY],
    ["E-postasız Kişi", "", "", "", "", *EMPTY],
    ["Bozuk Adres", "bozuk@", "", "", "", *EMPTY],
    ["Ayşe Tekrar", "AYSE@example.org", "", "", "", *EMPTY],
    ["", "adsiz@example.org", "", "", "", *EMPTY],
    ["Uzun " * 40, "uzun@example.org", "", "", "", *EMPTY],
    ["Hayali İl", "il@example.org", "", "", "Atlantis", *EMPTY],
    ["Plakasız", "plaka@example.org", "", "", "99", *EMPTY],
    ["İlsiz Kurum", "ilsiz@example.org", "Yepyeni Kooperatifi", "", "", *EMPTY],
    ["Türsüz", "tur@example.org", "Bir Kurum", "Uzay ajansı", "35", *EMPTY],
    ["Telefon", "tel@example.org", "", "", "", "", "", "12"],
    ["Kapalı Hesap", "kapali@example.org", "", "", "", *EMPTY],
    ["Kayıtlı Kişi", "kayitli@example.org", "", "", "", *EMPTY],
    [
        "Yeni Kurumlu",
        "yeni@example.org",
        "Ege Kadın Kooperatifi",
        "Kadın kooperatifi",
        "izmir",
        *EMPTY,
    ],
]


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=["coordinator"], is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def cohort():
    return CohortFactory(capacity=2, requires_approval=False)


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _upload(client, cohort, data, name="liste.xlsx"):
    return client.post(
        reverse("participants:import_upload", kwargs={"cohort_pk": cohort.pk}),
        {"file": upload(data, name)},
    )


def test_upload_page_lists_the_columns_and_the_template(client, coordinator, cohort):
    response = client.get(reverse("participants:import_upload", kwargs={"cohort_pk": cohort.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    for header in HEADER:
        assert f"<dt>{header}</dt>" in html
    assert reverse("participants:import_template", kwargs={"fmt": "xlsx"}) in html
    assert "En çok 2 MB ve 2.000 satır." in html


@override_settings(PARTICIPANT_IMPORT_MAX_ROWS=12500, PARTICIPANT_IMPORT_MAX_BYTES=1024 * 1024)
def test_the_upload_page_states_the_limits_in_the_language(client, coordinator, cohort):
    url = reverse("participants:import_upload", kwargs={"cohort_pk": cohort.pk})
    assert "En çok 1 MB ve 12.500 satır." in client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en"})
    assert "At most 1 MB and 12,500 rows." in client.get(url).content.decode()


def test_template_file_has_the_columns_and_is_read_back(client, coordinator, cohort):
    response = client.get(reverse("participants:import_template", kwargs={"fmt": "xlsx"}))
    table = read_upload(upload(response.content))
    assert table.columns.email == 1
    assert table.rows[0][1][:2] == ["Ayşe Yılmaz", "ayse.yilmaz@example.org"]
    response = client.get(reverse("participants:import_template", kwargs={"fmt": "csv"}))
    assert read_upload(upload(response.getvalue(), "sablon.csv")).rows[0][1][4] == "Ankara"


def test_preview_of_twelve_kinds_of_bad_rows_saves_nothing(client, coordinator, cohort):
    UserFactory(email="kapali@example.org", is_active=False)
    RegistrationFactory(cohort=cohort, participant=UserFactory(email="kayitli@example.org"))
    OrganizationFactory(name="Çankaya Belediyesi")
    before = _counts()
    response = _upload(client, cohort, xlsx_bytes(BAD_FILE))
    after = _counts()
    changed = {
        label: after[label] - before[label] for label in after if after[label] != before[label]
    }
    assert changed == {"participants.ImportBatch": 1}
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participants:import_batch", kwargs={"cohort_pk": cohort.pk, "pk": batch.pk}
    )
    assert [row["problems"] for row in batch.rows] == [
        [],
        ["missing_email"],
        ["bad_email"],
        ["duplicate_email"],
        ["missing_name"],
        ["name_too_long"],
        ["unknown_province"],
        ["bad_plate"],
        ["organization_needs_province"],
        ["unknown_organization_kind"],
        ["bad_phone"],
        ["account_closed"],
        ["already_registered"],
        [],
    ]
    assert batch.total == 2
    html = client.get(response["Location"]).content.decode()
    for message in (
        "E-posta adresi yok.",
        "E-posta adresi geçersiz.",
        "Bu e-posta adresi dosyanın 2. satırında da var.",
        "Ad yok.",
        "Ad 150 karakterden uzun.",
        "Bu adda bir il yok.",
        "Plaka numarası 1 ile 81 arasında olmalı.",
        "Yeni bir kurum için il gerekli.",
        "Bilinmeyen kurum türü.",
        "Telefon numarası geçersiz.",
        "Bu adresin hesabı kapatılmış.",
        "Bu döneme zaten kayıtlı. (onaylandı)",
    ):
        assert message in html, message
    assert html.count("İçe aktarılacak</span>") == 2
    assert "2 satırı içe aktar" in html
    assert _counts() == after  # looking at it saves nothing either


def test_preview_page_queries_do_not_grow_with_rows(
    client, coordinator, cohort, django_assert_num_queries
):
    counts = []
    for count in (1, 3):
        _upload(client, cohort, xlsx_bytes(people(count, start=count * 10)))
        batch = ImportBatch.objects.order_by("-pk").first()
        url = reverse("participants:import_batch", kwargs={"cohort_pk": cohort.pk, "pk": batch.pk})
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
REFUSALS = [
    (b"", "liste.csv", {}, "Dosya boş."),
    (b"   \r\n", "liste.csv", {}, "Dosya boş."),
    (
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "liste.csv",
        {},
        "Bu bir XLSX ya da CSV dosyası değil.",
    ),
    (
        csv_bytes([["Ali", f"a{n}@example.org"] for n in range(30000)]),
        "liste.csv",
        {"PARTICIPANT_IMPORT_MAX_BYTES": 512 * 1024},
        "Dosya çok büyük (0,7 MB); en çok 0,5 MB yüklenebilir.",
    ),
    (
        csv_bytes([["Ali", f"a{n}@example.org"] for n in range(6)]),
        "liste.csv",
        {"PARTICIPANT_IMPORT_MAX_ROWS": 5},
        "Dosyada 6 satır var; bir seferde en çok 5 satır içe aktarılabilir.",
    ),
    (csv_bytes([["Ali"]], header=["Ad Soyad"]), "liste.csv", {}, "E-posta sütunu bulunamadı."),
    (csv_bytes([["a@example.org"]], header=["E-posta"]), "liste.csv", {}, "Ad sütunu bulunamadı."),
    (csv_bytes([]), "liste.csv", {}, "Dosyada başlık satırının altında satır yok."),
]


@pytest.fixture(params=REFUSALS, ids=lambda refusal: refusal[3][:24])
def refusal(request):
    return request.param


def test_each_refusal_is_a_turkish_message_next_to_the_field(client, coordinator, cohort, refusal):
    data, name, limits, message = refusal
    with override_settings(**limits):
        response = _upload(client, cohort, data, name)
    html = response.content.decode()
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()
    field = re.search(r'<div class="field has-error">.*?</div>', html, re.DOTALL)
    assert field is not None
    assert 'id="id_file_error"' in field.group(0)
    assert message in field.group(0)


def test_no_file_at_all_is_refused(client, coordinator, cohort):
    response = client.post(reverse("participants:import_upload", kwargs={"cohort_pk": cohort.pk}))
    assert "Yüklenecek bir dosya seçin." in response.content.decode()


def test_cancelled_cohort_refuses_imports(client, coordinator):
    cohort = CohortFactory(status="cancelled")
    response = _upload(client, cohort, xlsx_bytes(people(1)))
    assert "Bu dönem iptal edildi: içine kimse aktarılamaz." in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_confirm_then_progress_then_done(
    client, coordinator, cohort, django_capture_on_commit_callbacks
):
    _upload(client, cohort, xlsx_bytes(people(3)))
    batch = ImportBatch.objects.get()
    kwargs = {"cohort_pk": cohort.pk, "pk": batch.pk}
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("participants:import_confirm", kwargs=kwargs))
    assert response.status_code == 302
    assert len([c for c in callbacks if c.__module__ == "core.background"]) == 1
    html = client.get(reverse("participants:import_batch", kwargs=kwargs)).content.decode()
    progress_url = reverse("participants:import_progress", kwargs=kwargs)
    assert f'hx-get="{progress_url}" hx-trigger="every 2s"' in html
    assert "0/3 satır" in html
    assert client.get(progress_url)["Location"] == reverse(
        "participants:import_batch", kwargs=kwargs
    )
    services.import_batch_run(batch_id=batch.pk)
    fragment = client.get(progress_url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in fragment
    assert "3/3 satır" in fragment
    assert "İçe aktarma tamamlandı." in fragment
    assert "?status=waitlisted" in fragment
    assert Registration.objects.filter(cohort=cohort, status="waitlisted").count() == 1
    again = client.post(reverse("participants:import_confirm", kwargs=kwargs), follow=True)
    assert "Bu içe aktarma zaten onaylandı." in again.content.decode()


def test_discard_deletes_the_preview(client, coordinator, cohort):
    _upload(client, cohort, xlsx_bytes(people(1)))
    batch = ImportBatch.objects.get()
    response = client.post(
        reverse("participants:import_discard", kwargs={"cohort_pk": cohort.pk, "pk": batch.pk})
    )
    assert response["Location"] == reverse(
        "participants:import_upload", kwargs={"cohort_pk": cohort.pk}
    )
    assert not ImportBatch.objects.exists()


def test_another_cohorts_import_is_404(client, coordinator, cohort):
    _upload(client, cohort, xlsx_bytes(people(1)))
    batch = ImportBatch.objects.get()
    other = CohortFactory()
    url = reverse("participants:import_batch", kwargs={"cohort_pk": other.pk, "pk": batch.pk})
    assert client.get(url).status_code == 404


def _invited(cohort, coordinator):
    table = read_upload(upload(xlsx_bytes(people(1))))
    batch = services.import_batch_create(
        cohort=cohort, table=table, filename="x.xlsx", by=coordinator
    )
    batch.status = ImportBatch.Status.QUEUED
    batch.save()
    services.import_batch_run(batch_id=batch.pk)
    notification = Notification.objects.get(kind=INVITATION)
    link = re.search(r"http://\S+/davet/\S+/", notification.body).group(0)
    return notification.recipient, link.split("8000", 1)[-1] if "8000" in link else link


def test_invitation_link_sets_a_password_after_the_privacy_notice(client, cohort):
    coordinator = UserFactory(roles=["coordinator"], is_staff=True)
    user, path = _invited(cohort, coordinator)
    assert not user.has_usable_password()
    page = client.get(path)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Kişisel Verilerin Korunması Hakkında Aydınlatma Metni" in html
    assert html.index("Aydınlatma Metni") < html.index('name="new_password1"')
    refused = client.post(
        path, {"new_password1": "uzun-bir-parola-2026", "new_password2": "uzun-bir-parola-2026"}
    )
    assert "Lütfen aydınlatma metnini okuduğunuzu onaylayın." in refused.content.decode()
    user.refresh_from_db()
    assert not user.has_usable_password()
    response = client.post(
        path,
        {
            "privacy_acknowledged": "on",
            "new_password1": "uzun-bir-parola-2026",
            "new_password2": "uzun-bir-parola-2026",
        },
    )
    assert response["Location"] == reverse("participants:my_registrations")
    user.refresh_from_db()
    assert user.check_password("uzun-bir-parola-2026")
    assert EmailAddress.objects.get(user=user).verified
    assert ConsentRecord.objects.filter(user=user, kind="privacy_notice", granted=True).count() == 1
    registration = Registration.objects.get(participant=user)
    assert registration.privacy_notice_version != ""
    assert client.get(reverse("participants:my_registrations")).status_code == 200
    client.logout()
    used = client.get(path).content.decode()
    assert "Bu bağlantı kullanılamaz" in used
    assert client.login(email=user.email, password="uzun-bir-parola-2026")


def test_altered_invitation_link_cannot_be_used(client, cohort):
    coordinator = UserFactory(roles=["coordinator"], is_staff=True)
    _user, path = _invited(cohort, coordinator)
    html = client.get(path[:-3] + "xx/").content.decode()
    assert "Bu bağlantı kullanılamaz" in html
    assert 'name="new_password1"' not in html


def test_invited_person_meets_the_privacy_notice_before_anything_else(client, cohort):
    """Came in without the link (a new password by "forgot password"): Kayıtlarım sends them
    to the profile, which asks for the privacy notice."""
    coordinator = UserFactory(roles=["coordinator"], is_staff=True)
    user, _path = _invited(cohort, coordinator)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(User.objects.get(pk=user.pk))
    response = client.get(reverse("participants:my_registrations"))
    assert response["Location"] == reverse("participants:profile")
    profile = client.get(response["Location"]).content.decode()
    assert 'name="privacy_acknowledged"' in profile


def test_preview_says_when_it_is_deleted_and_is_gone_after_that(client, coordinator, cohort):
    uploaded = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)  # 12:00 in Istanbul
    with time_machine.travel(uploaded, tick=False):
        _upload(client, cohort, xlsx_bytes(people(1)))
    batch = ImportBatch.objects.get()
    url = reverse("participants:import_batch", kwargs={"cohort_pk": cohort.pk, "pk": batch.pk})
    with time_machine.travel(uploaded + dt.timedelta(hours=23, minutes=59), tick=False):
        html = client.get(url).content.decode()
        assert "onaylamazsanız 2 Aralık 2026, 12:00 tarihinde silinir" in html
    with time_machine.travel(uploaded + dt.timedelta(hours=24, seconds=1), tick=False):
        assert client.get(url).status_code == 404
        upload_page = client.get(
            reverse("participants:import_upload", kwargs={"cohort_pk": cohort.pk})
        )
        assert batch.filename not in upload_page.content.decode()
