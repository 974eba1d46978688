import datetime as dt
import json

import factory
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.models import User
from certificates.codes import new_code
from core.models import Province
from core.text import turkish_fold
from notifications.models import Notification
from participants.models import (
    Attendance,
    CalendarFeed,
    Organization,
    ParticipantProfile,
    Registration,
    RegistrationAnswer,
)
from programs.models import Cohort, Module, Objective, Program, RegistrationQuestion, Session


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"kisi{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Kişi {n}")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    title = factory.Sequence(lambda n: f"Sosyal Kooperatifçilik Eğitimi {n}")
    slug = factory.Sequence(lambda n: f"sosyal-kooperatifcilik-egitimi-{n}")
    summary = "Belediyeler için kapasite geliştirme eğitimi."
    status = Program.Status.PUBLISHED


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    program = factory.SubFactory(ProgramFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Hedef {n}")


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    program = factory.SubFactory(ProgramFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Modül {n}")
    duration_minutes = 90
    method = Module.Method.NON_FORMAL


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    program = factory.SubFactory(ProgramFactory)
    title = factory.Sequence(lambda n: f"Dönem {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda cohort: cohort.starts_on + dt.timedelta(days=1))
    province = factory.LazyFunction(lambda: Province.objects.get(name="İzmir"))
    capacity = 20
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    registration_closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))
    status = Cohort.Status.PUBLISHED


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"Oturum {n}")
    starts_at = factory.LazyAttribute(
        lambda session: timezone.make_aware(
            dt.datetime.combine(session.cohort.starts_on, dt.time(10, 0))
        )
    )
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + dt.timedelta(hours=2))


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    cohort = factory.SubFactory(CohortFactory)
    participant = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
    waitlist_order = factory.Maybe(
        factory.LazyAttribute(lambda registration: registration.status == "waitlisted"),
        yes_declaration=factory.Sequence(lambda n: n + 1),
        no_declaration=None,
    )


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    user = factory.SubFactory(UserFactory)
    token = factory.Sequence(lambda n: f"gizli-takvim-anahtari-{n:04d}-{'x' * 20}")
    created_at = factory.LazyFunction(timezone.now)


class RegistrationQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationQuestion

    cohort = factory.SubFactory(CohortFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Soru {n}")
    kind = RegistrationQuestion.Kind.TEXT


class RegistrationAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationAnswer

    question = factory.SubFactory(RegistrationQuestionFactory)
    registration = factory.SubFactory(
        RegistrationFactory, cohort=factory.SelfAttribute("..question.cohort")
    )
    value = "Yanıt"


# library: the legal-basis library


class LegalReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.LegalReference"

    kind = "law"
    law_number = factory.Sequence(lambda n: str(9000 + n))
    law_name = "Belediye Kanunu"
    article_number = factory.Sequence(lambda n: str(n + 1))
    article_heading = "Görev ve sorumluluklar"
    summary = "Belediyenin görevlerini sayar."
    domain = "municipal"


class CollaborationTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.CollaborationType"

    slug = factory.Sequence(lambda n: f"tur-{n}")
    name = factory.Sequence(lambda n: f"İşbirliği türü {n}")
    position = factory.Sequence(lambda n: n)


class CollaborationBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.CollaborationBasis"

    collaboration_type = factory.SubFactory(CollaborationTypeFactory)
    reference = factory.SubFactory(LegalReferenceFactory)
    side = "municipal"
    effect = "enables"
    explanation = "Bu madde işbirliğine olanak tanır."


class StepTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "library.StepTemplate"

    collaboration_type = factory.SubFactory(CollaborationTypeFactory)
    position = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"Adım {n}")
    responsible_role = "Belediye meclisi"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    registration = factory.SubFactory(
        RegistrationFactory, cohort=factory.SelfAttribute("..session.cohort")
    )
    status = Attendance.Status.PRESENT
    method = Attendance.Method.GRID
    marked_at = factory.LazyFunction(timezone.now)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Örnek Belediyesi {n}")
    search_name = factory.LazyAttribute(lambda org: turkish_fold(org.name))
    kind = Organization.Kind.DISTRICT_MUNICIPALITY
    province = factory.LazyFunction(lambda: Province.objects.get(name="İzmir"))


class ParticipantProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipantProfile

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = "Sosyal Hizmetler Müdürlüğü"
    phone = "+905321234567"


class NotificationFactory(factory.django.DjangoModelFactory):
    """An e-mail about a registration (`registration=` names it)."""

    class Meta:
        model = Notification
        exclude = ["registration"]

    registration = factory.SubFactory(RegistrationFactory)
    about = factory.SelfAttribute("registration")
    recipient = factory.LazyAttribute(lambda notification: notification.registration.participant)
    kind = "confirmed"
    language = "tr"
    subject = "Kaydınız onaylandı"
    body = "Merhaba"
    status = Notification.Status.FAILED
    dedupe_key = factory.Sequence(lambda n: f"test:{n}")


# action_plans: work groups, action plans and their steps


class WorkGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "action_plans.WorkGroup"

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"Grup {n}")
    theme = "care"


class WorkGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "action_plans.WorkGroupMember"

    group = factory.SubFactory(WorkGroupFactory)
    registration = factory.SubFactory(
        RegistrationFactory, cohort=factory.SelfAttribute("..group.cohort")
    )


class ActionPlanFactory(factory.django.DjangoModelFactory):
    """A group plan by default; pass `registration=…, work_group=None` for a personal one."""

    class Meta:
        model = "action_plans.ActionPlan"

    work_group = factory.SubFactory(WorkGroupFactory)
    registration = None
    cohort = factory.LazyAttribute(
        lambda plan: plan.work_group.cohort if plan.work_group else plan.registration.cohort
    )
    title = factory.Sequence(lambda n: f"Eylem planı {n}")
    collaboration_type = factory.SubFactory(CollaborationTypeFactory)
    starts_on = factory.LazyFunction(timezone.localdate)


class ActionStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "action_plans.ActionStep"

    plan = factory.SubFactory(ActionPlanFactory)
    position = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"Plan adımı {n}")
    responsible = "Belediye"


# Certificates of participation (participants app)


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate without a document; `certificate_issue` makes real ones."""

    class Meta:
        model = "certificates.Certificate"

    registration = factory.SubFactory(RegistrationFactory)
    code = factory.LazyFunction(new_code)
    participant_name = factory.LazyAttribute(lambda c: c.registration.participant.full_name)
    programme_title = factory.LazyAttribute(lambda c: c.registration.cohort.program.title)
    cohort_title = factory.LazyAttribute(lambda c: c.registration.cohort.title)
    starts_on = factory.LazyAttribute(lambda c: c.registration.cohort.starts_on)
    ends_on = factory.LazyAttribute(lambda c: c.registration.cohort.ends_on)
    total_hours = 6
    issued_at = factory.LazyFunction(timezone.now)


# What the sign-up form (participants.forms.signup) is posted with.
SIGNUP = {
    "full_name": "Ayşe Yılmaz",
    "email": "ayse@example.org",
    "password1": "uzun-ve-guclu-parola-42",
    "password2": "uzun-ve-guclu-parola-42",
    "privacy_acknowledged": "on",
}


def admin_log_entry(admin, obj, *, text: str, message: list, flag: int = CHANGE) -> LogEntry:
    """What Django's admin writes when `admin` saves `obj`: the object's text then, and the
    change message as JSON (non-ASCII letters escaped, as the admin writes them)."""
    return LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=text,
        action_flag=flag,
        change_message=json.dumps(message),
    )
