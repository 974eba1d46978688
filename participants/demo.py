"""Demo organisations, participants with profiles, and registrations for the "İzmir dönemi".

Names of organisations use real place names (generic municipal and cooperative names); the
people are invented. Idempotent: keyed on names and e-mail addresses.
"""

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import User
from accounts.services import user_create
from core.models import Province
from core.text import turkish_fold
from participants import privacy
from participants.demo_attendance import load_demo_attendance
from participants.demo_questions import load_demo_questions
from participants.models import (
    ConsentRecord,
    Organization,
    ParticipantProfile,
    Registration,
    SurveyQuestion,
    SurveySubmission,
)
from participants.services.evaluations import survey_questions_ensure, survey_submit
from programs.models import Cohort

Kind = Organization.Kind
Coop = Organization.CooperativeKind

# (name, kind, cooperative kind, province, district)
ORGANIZATIONS = [
    ("İzmir Büyükşehir Belediyesi", Kind.METROPOLITAN_MUNICIPALITY, "", "İzmir", ""),
    ("Konak Belediyesi", Kind.DISTRICT_MUNICIPALITY, "", "İzmir", "Konak"),
    ("Bayındır Belediyesi", Kind.DISTRICT_MUNICIPALITY, "", "İzmir", "Bayındır"),
    ("Çankaya Belediyesi", Kind.DISTRICT_MUNICIPALITY, "", "Ankara", "Çankaya"),
    ("Eskişehir Büyükşehir Belediyesi", Kind.METROPOLITAN_MUNICIPALITY, "", "Eskişehir", ""),
    ("Bolu Belediyesi", Kind.PROVINCIAL_MUNICIPALITY, "", "Bolu", "Merkez"),
    ("Bayındır Kadın Kooperatifi", Kind.COOPERATIVE, Coop.WOMEN, "İzmir", "Bayındır"),
    ("Tire Süt Üreticileri Kooperatifi", Kind.COOPERATIVE, Coop.AGRICULTURAL, "İzmir", "Tire"),
    ("Ege Sosyal Girişim Kooperatifi", Kind.COOPERATIVE, Coop.SOCIAL, "İzmir", "Bornova"),
    ("Kadıköy Dayanışma Derneği", Kind.NGO, "", "İstanbul", "Kadıköy"),
    ("Mersin Kent Konseyi Gönüllüleri Derneği", Kind.NGO, "", "Mersin", "Yenişehir"),
    ("İzmir İl Sosyal Hizmetler Müdürlüğü", Kind.PUBLIC_BODY, "", "İzmir", "Konak"),
]

# (e-mail, full name, organisation index, title, phone)
PARTICIPANTS = [
    (
        "ayse.demir@ornek.gencisi.local",
        "Ayşe Demir",
        0,
        "Sosyal Hizmetler Dairesi",
        "+905321110001",
    ),
    ("mehmet.kaya@ornek.gencisi.local", "Mehmet Kaya", 1, "Strateji Geliştirme", "+905321110002"),
    ("fatma.sahin@ornek.gencisi.local", "Fatma Şahin", 6, "Kooperatif başkanı", "+905321110003"),
    (
        "ozan.yildiz@ornek.gencisi.local",
        "Ozan Yıldız",
        3,
        "Kadın ve Aile Müdürlüğü",
        "+905321110004",
    ),
    ("elif.arslan@ornek.gencisi.local", "Elif Arslan", 8, "Proje koordinatörü", "+905321110005"),
    ("hakan.celik@ornek.gencisi.local", "Hakan Çelik", 4, "Kırsal Hizmetler", "+905321110006"),
    ("zehra.koc@ornek.gencisi.local", "Zehra Koç", 7, "Yönetim kurulu üyesi", "+905321110007"),
    ("burak.aydin@ornek.gencisi.local", "Burak Aydın", 5, "Mali Hizmetler", "+905321110008"),
    ("cansu.yalcin@ornek.gencisi.local", "Cansu Yalçın", 9, "Gönüllü", "+905321110009"),
    ("irem.gunes@ornek.gencisi.local", "İrem Güneş", 2, "Yazı İşleri", "+905321110010"),
    ("ugur.polat@ornek.gencisi.local", "Uğur Polat", 10, "Dernek başkanı", "+905321110011"),
    ("deniz.erdem@ornek.gencisi.local", "Deniz Erdem", 11, "Sosyal çalışmacı", "+905321110012"),
    ("gul.tas@ornek.gencisi.local", "Gül Taş", 6, "Kooperatif üyesi", "+905321110013"),
    (
        "kemal.aksoy@ornek.gencisi.local",
        "Kemal Aksoy",
        0,
        "İklim Değişikliği Dairesi",
        "+905321110014",
    ),
    ("nur.kilic@ornek.gencisi.local", "Nur Kılıç", 1, "Kent Konseyi", "+905321110015"),
]
PASSWORD = None  # demo participants cannot log in; the demo login is katilimci@gencisi.local
# Earlier demos named this participant "Selin Öztürk", like the second facilitator.
RENAMED_PARTICIPANTS = {"selin.ozturk@ornek.gencisi.local": "cansu.yalcin@ornek.gencisi.local"}


def _rename_earlier_participants() -> None:
    """A database loaded by an earlier demo keeps the same person under the new address (and
    the name user_create gives it), instead of gaining a sixteenth participant."""
    for old, new in RENAMED_PARTICIPANTS.items():
        if User.objects.filter(email__iexact=new).exists():
            continue
        User.objects.filter(email__iexact=old).update(email=new)
        EmailAddress.objects.filter(email__iexact=old).update(email=new)


def _organizations() -> list[Organization]:
    result = []
    for name, kind, cooperative_kind, province, district in ORGANIZATIONS:
        organization, _created = Organization.objects.update_or_create(
            name=name,
            defaults={
                "search_name": turkish_fold(name),
                "kind": kind,
                "cooperative_kind": cooperative_kind,
                "province": Province.objects.get(name=province),
                "district": district,
            },
        )
        result.append(organization)
    return result


def _profile(user, organization, title: str, phone: str) -> None:
    ParticipantProfile.objects.update_or_create(
        user=user, defaults={"organization": organization, "title": title, "phone": phone}
    )
    ConsentRecord.objects.get_or_create(
        user=user,
        kind=ConsentRecord.Kind.PRIVACY_NOTICE,
        notice_version=privacy.VERSION,
        defaults={"granted": True},
    )


def _register(cohort: Cohort, user, status: str, order: int | None) -> None:
    if Registration.objects.filter(cohort=cohort, participant=user).exists():
        return
    Registration.objects.create(
        cohort=cohort,
        participant=user,
        status=status,
        waitlist_order=order,
        privacy_notice_version=privacy.VERSION,
    )


@transaction.atomic
def load_demo_registrations(*, demo_participant, cohort: Cohort | None = None) -> None:
    """Organisations, 15 participants with profiles and the demo participant's profile; the
    upcoming cohort gets confirmed, pending and waiting-list registrations (its capacity is
    set to 12 here so that the waiting list shows) and registration questions with answers."""
    organizations = _organizations()
    _rename_earlier_participants()
    users = []
    for email, name, org_index, title, phone in PARTICIPANTS:
        user = user_create(email=email, full_name=name, password=PASSWORD)
        _profile(user, organizations[org_index], title, phone)
        users.append(user)
    _profile(demo_participant, organizations[8], "Eğitim sorumlusu", "+905321234567")
    cohort = cohort or Cohort.objects.filter(title="İzmir dönemi").first()
    if cohort is None:
        return
    survey_questions_ensure(program=cohort.program)  # the programme is published
    if cohort.capacity != 12:
        cohort.capacity = 12
        cohort.save(update_fields=["capacity"])
    _register(cohort, demo_participant, Registration.Status.CONFIRMED, None)
    for index, user in enumerate(users):
        if index < 8:
            _register(cohort, user, Registration.Status.CONFIRMED, None)
        elif index < 11:
            _register(cohort, user, Registration.Status.PENDING, None)
        else:
            _register(cohort, user, Registration.Status.WAITLISTED, index - 10)
    load_demo_questions(cohort=cohort)


# Scores 1–5 per respondent for every scale question, and their free-text answers: a cohort
# that mostly met its expectations, as the seed reports, with honest criticism in between.
_SURVEY_SCORES = [5, 4, 5, 4, 3, 5, 4, 4, 5]
_SURVEY_TEXTS = [
    ("Vaka örnekleri daha çok olabilirdi.", "Yasal dayanaklar bölümü çok işime yaradı."),
    ("Grup çalışmasına daha fazla zaman ayrılmalı.", ""),
    ("", "Canlı bağlantı ilham verici oldu."),
    ("Kooperatif mevzuatı için ayrı bir gün yapılabilir.", ""),
    ("Çeviri desteği geliştirilmeli.", "Eylem planımızı belediye meclisine sunacağız."),
    ("", ""),
    ("Sunumlar önceden paylaşılsın.", ""),
    ("", "Teşekkürler."),
    ("Daha çok ilçe belediyesi katılmalı.", ""),
]


@transaction.atomic
def load_demo_finished_cohort(*, cohort: Cohort, demo_participant) -> None:
    """The finished cohort: 12 confirmed participants (the demo participant among them, who
    has not yet answered the survey), their attendance, and nine survey responses."""
    users = [user_create(email=row[0], full_name=row[1], password=PASSWORD) for row in PARTICIPANTS]
    for user in [demo_participant, *users[3:14]]:
        _register(cohort, user, Registration.Status.CONFIRMED, None)
    load_demo_attendance(cohort=cohort)
    survey_questions_ensure(program=cohort.program)
    questions = list(SurveyQuestion.objects.filter(program=cohort.program))
    respondents = Registration.objects.filter(cohort=cohort, participant__in=users[3:12]).order_by(
        "pk"
    )
    for index, registration in enumerate(respondents):
        if SurveySubmission.objects.filter(registration=registration).exists():
            continue
        score = _SURVEY_SCORES[index % len(_SURVEY_SCORES)]
        improve, comment = _SURVEY_TEXTS[index % len(_SURVEY_TEXTS)]
        answers = {}
        for position, question in enumerate(questions):
            if question.kind == SurveyQuestion.Kind.SCALE:
                # Vary by question so the distributions are not flat.
                answers[question.pk] = {"scale": max(1, min(5, score - (position + index) % 3 + 1))}
            elif question.topic == SurveyQuestion.Topic.IMPROVE and improve:
                answers[question.pk] = {"text": improve}
            elif question.topic == SurveyQuestion.Topic.COMMENTS and comment:
                answers[question.pk] = {"text": comment}
        survey_submit(registration=registration, answers=answers)
