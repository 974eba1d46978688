"""Every URL pattern of the project has a declared expectation for each role.

A new URL without an entry here fails `test_every_url_pattern_is_declared`; the entries are
then requested as anonymous visitor, participant, facilitator and coordinator.

It spans every app, so it lives at the top of tests/ (not under one app's mirror).
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.models import BackgroundJob
from participants.models import CohortMessage, ImportBatch
from participants.services.calendar import calendar_feed_renew
from programs.models import GoodPractice
from tests.factories import (
    ActionPlanFactory,
    ActionStepFactory,
    CalendarFeedFactory,
    CertificateFactory,
    CohortFactory,
    CollaborationBasisFactory,
    LegalReferenceFactory,
    ModuleFactory,
    NotificationFactory,
    ObjectiveFactory,
    OrganizationFactory,
    ProgramFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    SessionFactory,
    StepTemplateFactory,
    UserFactory,
)

ROLES = ("anonymous", "participant", "facilitator", "coordinator")
LOGIN = "login"  # a redirect to the login page
ADMIN_LOGIN = "admin-login"


@dataclass(frozen=True)
class Expect:
    anonymous: int | str
    participant: int | str
    facilitator: int | str
    coordinator: int | str
    method: str = "get"
    kwargs: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)


def _job_kwargs(db_objects) -> dict:
    return {"job_id": db_objects["job"].pk}


EVERYONE = Expect(200, 200, 200, 200)
MEMBERS = Expect(LOGIN, 200, 200, 200)
COORDINATORS = Expect(LOGIN, 403, 403, 200)

MATRIX: dict[str, Expect] = {
    "site:home": EVERYONE,
    "site:system_status": COORDINATORS,
    "site:worker_check": Expect(LOGIN, 403, 403, 302, method="post"),
    "site:system_status_job": Expect(LOGIN, 403, 403, 200, kwargs={"job_id": "job"}),
    "site:component_gallery": COORDINATORS,
    "site:email_previews": COORDINATORS,
    "site:email_preview_html": Expect(
        LOGIN, 403, 403, 200, kwargs={"kind": "confirmed", "language": "en"}
    ),
    "accounts:profile": MEMBERS,
    "accounts:confirm_email": Expect(200, 200, 200, 200, kwargs={"key": "gecersiz-anahtar"}),
    # Programmes: public pages, a facilitator's cohorts, the coordinator console.
    "programs:program_list": EVERYONE,
    "programs:program_detail": Expect(200, 200, 200, 200, kwargs={"slug": "program.slug"}),
    "programs:cohort_list": EVERYONE,
    "programs:cohort_detail": Expect(200, 200, 200, 200, kwargs={"pk": "cohort"}),
    "programs:cohort_ical": Expect(200, 200, 200, 200, kwargs={"pk": "cohort"}),
    "programs:session_ical": Expect(200, 200, 200, 200, kwargs={"pk": "session"}),
    "programs:good_practice_list": EVERYONE,
    "programs:my_cohorts": Expect(LOGIN, 403, 200, 403),
    "programs:console_dashboard": COORDINATORS,
    "programs:console_program_create": COORDINATORS,
    "programs:console_program": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "program"}),
    "programs:console_program_edit": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "program"}),
    "programs:console_program_status": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "program"}, data={"status": "draft"}
    ),
    "programs:console_objective_create": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "program"}, data={"text": "Hedef"}
    ),
    "programs:console_objective": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "objective"}),
    "programs:console_objective_action": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "objective"}, data={"action": "down"}
    ),
    "programs:console_module_create": Expect(
        LOGIN, 403, 403, 200, kwargs={"program_pk": "program"}
    ),
    "programs:console_module": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "module"}),
    "programs:console_module_action": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "module"}, data={"action": "down"}
    ),
    "programs:console_cohort_create": Expect(
        LOGIN, 403, 403, 200, kwargs={"program_pk": "program"}
    ),
    "programs:console_cohort": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "cohort"}),
    "programs:console_cohort_edit": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "cohort"}),
    "programs:console_cohort_status": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "cohort"}, data={"status": "published"}
    ),
    "programs:console_schedule_create": Expect(
        LOGIN, 403, 403, 200, method="post", kwargs={"pk": "cohort"}
    ),
    "programs:console_session_create": Expect(LOGIN, 403, 403, 200, kwargs={"cohort_pk": "cohort"}),
    "programs:console_session": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "session"}),
    "programs:console_session_delete": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "session"}
    ),
    "programs:console_question_create": Expect(
        LOGIN, 403, 403, 200, kwargs={"cohort_pk": "cohort"}
    ),
    "programs:console_question": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "question"}),
    "programs:console_question_action": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "question"}, data={"action": "down"}
    ),
    "programs:console_cohort_copy": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "cohort"}),
    # Without a report of its own in the session, the report page leads to the copy itself.
    "programs:console_cohort_copied": Expect(LOGIN, 403, 403, 302, kwargs={"pk": "cohort"}),
    "programs:console_program_copy": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "program"}
    ),
    "programs:console_program_copied": Expect(LOGIN, 403, 403, 302, kwargs={"pk": "program"}),
    "programs:console_good_practices": COORDINATORS,
    "programs:console_good_practice_create": COORDINATORS,
    "programs:console_good_practice": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "good_practice"}),
    "programs:console_good_practice_delete": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "good_practice"}
    ),
    # Evaluation survey and its reports
    "participants:survey": Expect(LOGIN, 404, 404, 404, kwargs={"cohort_pk": "cohort"}),
    "participants:survey_report": Expect(LOGIN, 404, 404, 200, kwargs={"pk": "cohort"}),
    "participants:survey_state": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "cohort"}, data={"action": "open"}
    ),
    "participants:program_survey_report": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "program"}),
    "participants:survey_questions": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "program"}),
    "participants:cohort_survey_responses_export": Expect(
        LOGIN, 404, 404, 200, kwargs={"pk": "cohort", "fmt": "csv"}
    ),
    "participants:cohort_survey_report_export": Expect(
        LOGIN, 404, 404, 200, kwargs={"pk": "cohort", "fmt": "xlsx"}
    ),
    "participants:program_survey_responses_export": Expect(
        LOGIN, 404, 404, 200, kwargs={"pk": "program", "fmt": "csv"}
    ),
    "participants:program_survey_report_export": Expect(
        LOGIN, 404, 404, 200, kwargs={"pk": "program", "fmt": "csv"}
    ),
    "participants:program_overview": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "program"}),
    "participants:program_overview_export": Expect(
        LOGIN, 403, 403, 200, kwargs={"pk": "program", "table": "iller", "fmt": "xlsx"}
    ),
    "set_language": Expect(302, 302, 302, 302, method="post", data={"language": "en"}),
    # django-allauth: guests see the entrance pages, members are sent on.
    "account_login": Expect(200, 302, 302, 302),
    "account_signup": Expect(200, 302, 302, 302),
    "account_logout": Expect(302, 302, 302, 302, method="post"),
    "account_inactive": EVERYONE,
    "account_reauthenticate": MEMBERS,
    "account_request_reauthentication_code": MEMBERS,
    "account_confirm_reauthentication_code": Expect(LOGIN, 302, 302, 302),
    "account_email": MEMBERS,
    "account_email_verification_sent": EVERYONE,
    "account_confirm_email": Expect(200, 200, 200, 200, kwargs={"key": "gecersiz-anahtar"}),
    "account_confirm_login_code": Expect(302, 302, 302, 302),
    "account_change_password": MEMBERS,
    "account_set_password": Expect(LOGIN, 302, 302, 302),
    "account_reset_password": EVERYONE,
    "account_reset_password_done": EVERYONE,
    "account_reset_password_from_key": Expect(
        200, 200, 200, 200, kwargs={"uidb36": "0", "key": "gecersiz-anahtar"}
    ),
    "account_reset_password_from_key_done": EVERYONE,
    # action_plans: the legal-basis library is public; its console is for coordinators.
    "library:library": EVERYONE,
    "library:reference_detail": Expect(200, 200, 200, 200, kwargs={"reference_id": "ref"}),
    "library:bridge": EVERYONE,
    "library:console_references": COORDINATORS,
    "library:console_reference_create": COORDINATORS,
    "library:console_reference_edit": Expect(LOGIN, 403, 403, 200, kwargs={"reference_id": "ref"}),
    "library:console_reference_review": Expect(
        LOGIN, 403, 403, 200, kwargs={"reference_id": "ref"}
    ),
    "library:console_reference_retire": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"reference_id": "ref"}
    ),
    "library:console_reference_restore": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"reference_id": "ref"}
    ),
    "library:console_types": COORDINATORS,
    "library:console_type": Expect(LOGIN, 403, 403, 200, kwargs={"slug": "ortaklik"}),
    "library:console_type_edit": Expect(LOGIN, 403, 403, 200, kwargs={"slug": "ortaklik"}),
    "library:console_basis_create": Expect(LOGIN, 403, 403, 200, kwargs={"slug": "ortaklik"}),
    "library:console_basis_edit": Expect(LOGIN, 403, 403, 200, kwargs={"basis_id": "basis"}),
    "library:console_basis_delete": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"basis_id": "basis"}
    ),
    "library:console_step_create": Expect(LOGIN, 403, 403, 200, kwargs={"slug": "ortaklik"}),
    "library:console_step_edit": Expect(LOGIN, 403, 403, 200, kwargs={"step_id": "step"}),
    "library:console_step_delete": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"step_id": "step"}
    ),
    "library:console_step_move": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"step_id": "step"}, data={"direction": "up"}
    ),
    # Work groups and action plans: the matrix's participant and facilitator have nothing to do
    # with the plan's cohort, so its groups, plans and steps do not exist for them (404).
    "plans:my_plans": MEMBERS,
    "plans:wizard": MEMBERS,
    "plans:wizard_type": Expect(LOGIN, 200, 200, 200, kwargs={"slug": "ortaklik"}),
    "plans:dashboard": COORDINATORS,
    "plans:followup": Expect(400, 400, 400, 400, kwargs={"token": "gecersiz-imza"}),
    "plans:cohort_plans": Expect(LOGIN, 404, 404, 200, kwargs={"cohort_id": "plan_cohort"}),
    "plans:groups": Expect(LOGIN, 404, 404, 200, kwargs={"cohort_id": "plan_cohort"}),
    "plans:group_create": Expect(LOGIN, 404, 404, 200, kwargs={"cohort_id": "plan_cohort"}),
    "plans:group_edit": Expect(LOGIN, 404, 404, 200, kwargs={"group_id": "work_group"}),
    "plans:group_delete": Expect(
        LOGIN, 404, 404, 302, method="post", kwargs={"group_id": "work_group"}
    ),
    "plans:plan_detail": Expect(LOGIN, 404, 404, 200, kwargs={"plan_id": "plan"}),
    "plans:plan_edit": Expect(LOGIN, 404, 404, 200, kwargs={"plan_id": "plan"}),
    "plans:cohort_plan_pdfs": Expect(LOGIN, 404, 404, 200, kwargs={"cohort_id": "plan_cohort"}),
    "plans:cohort_plans_zip": Expect(
        LOGIN, 404, 404, 302, method="post", kwargs={"cohort_id": "plan_cohort"}
    ),
    "plans:plan_pdf": Expect(LOGIN, 404, 404, 302, method="post", kwargs={"plan_id": "plan"}),
    "plans:plan_progress": Expect(LOGIN, 404, 404, 200, kwargs={"plan_id": "plan"}),
    "plans:plan_submit": Expect(
        LOGIN, 404, 404, 302, method="post", kwargs={"plan_id": "plan"}, data={"version": 1}
    ),
    "plans:plan_review": Expect(
        LOGIN,
        404,
        404,
        302,
        method="post",
        kwargs={"plan_id": "submitted_plan"},
        data={"version": 1, "decision": "approve"},
    ),
    "plans:step_create": Expect(LOGIN, 404, 404, 200, kwargs={"plan_id": "plan"}),
    "plans:step_edit": Expect(LOGIN, 404, 404, 200, kwargs={"step_id": "plan_step"}),
    "plans:step_delete": Expect(
        LOGIN, 404, 404, 302, method="post", kwargs={"step_id": "plan_step"}, data={"version": 1}
    ),
    "plans:step_move": Expect(
        LOGIN,
        404,
        404,
        302,
        method="post",
        kwargs={"step_id": "plan_step"},
        data={"version": 1, "direction": "down"},
    ),
    "plans:step_status": Expect(
        LOGIN,
        404,
        404,
        302,
        method="post",
        kwargs={"step_id": "plan_step"},
        data={"version": 1, "status": "done"},
    ),
    # Attendance: facilitators of the cohort and coordinators; the matrix's facilitator does
    # not facilitate the session's cohort, so its sessions do not exist for them (404).
    "participants:attendance_home": Expect(LOGIN, 403, 200, 200),
    "participants:attendance_grid": Expect(
        LOGIN, 403, 404, 200, kwargs={"session_id": "attendance_session"}
    ),
    "participants:attendance_qr": Expect(
        LOGIN, 403, 404, 200, kwargs={"session_id": "attendance_session"}
    ),
    "participants:attendance_sign_in_sheet": Expect(
        LOGIN, 403, 404, 302, method="post", kwargs={"session_id": "attendance_session"}
    ),
    "participants:attendance_cohort": Expect(
        LOGIN, 403, 404, 200, kwargs={"cohort_id": "attendance_cohort"}
    ),
    "participants:attendance_cohort_export": Expect(
        LOGIN, 403, 404, 200, kwargs={"cohort_id": "attendance_cohort", "fmt": "csv"}
    ),
    # Anyone logged in may scan; a bad code gets a Turkish explanation, not an error page.
    "participants:attendance_checkin": Expect(
        LOGIN, 200, 200, 200, kwargs={"session_id": "attendance_session", "code": "1-gecersiz"}
    ),
    # participants: registrations, profile, personal data (issue 4). Staff are participants too.
    "participants:register": Expect(LOGIN, 302, 302, 302, kwargs={"cohort_pk": "cohort"}),
    # One-step registration: for visitors; anyone logged in is sent to the registration step.
    "participants:quick_register": Expect(200, 302, 302, 302, kwargs={"cohort_pk": "cohort"}),
    # The matrix's participant has no participant profile yet: it is asked for first.
    "participants:my_registrations": Expect(LOGIN, 302, 200, 200),
    "participants:registration_status": Expect(LOGIN, 404, 404, 404, kwargs={"pk": "registration"}),
    # The personal calendar feed: its secret alone opens it (calendar programs cannot log in);
    # an unknown or revoked secret is 404 for everyone (test_calendar_feed_secret_…).
    "participants:calendar_feed": Expect(
        200, 200, 200, 200, kwargs={"token": "calendar_feed.token"}
    ),
    "participants:calendar_feed_renew": Expect(LOGIN, 302, 302, 302, method="post"),
    "participants:cancel": Expect(
        LOGIN, 404, 404, 404, method="post", kwargs={"pk": "registration"}
    ),
    "participants:profile": MEMBERS,
    # Open to visitors: the one-step registration searches before there is an account.
    "participants:organization_search": EVERYONE,
    "participants:privacy_notice": EVERYONE,
    "participants:my_data": MEMBERS,
    "participants:my_data_export": MEMBERS,
    "participants:my_data_erase": Expect(LOGIN, 200, 200, 200, method="post"),
    "participants:console": Expect(LOGIN, 403, 200, 200),
    "participants:cohort_registrations": Expect(
        LOGIN, 403, 404, 200, kwargs={"cohort_pk": "cohort"}
    ),
    "participants:cohort_registrations_bulk": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"cohort_pk": "cohort"}
    ),
    "participants:registration_promote": Expect(
        LOGIN,
        403,
        403,
        302,
        method="post",
        kwargs={"cohort_pk": "cohort", "pk": "registration"},
    ),
    "participants:registration_move": Expect(
        LOGIN,
        403,
        403,
        302,
        method="post",
        kwargs={"cohort_pk": "cohort", "pk": "registration"},
        data={"direction": "up"},
    ),
    "participants:cohort_registrations_export": Expect(
        LOGIN, 403, 403, 200, kwargs={"cohort_pk": "cohort", "file_format": "csv"}
    ),
    "participants:cohort_audit_log": Expect(LOGIN, 403, 403, 200, kwargs={"cohort_pk": "cohort"}),
    # Importing participants from a spreadsheet: coordinators; the invitation link is for
    # anyone holding it (an altered one says it cannot be used).
    "participants:import_upload": Expect(LOGIN, 403, 403, 200, kwargs={"cohort_pk": "cohort"}),
    "participants:import_batch": Expect(
        LOGIN, 403, 403, 200, kwargs={"cohort_pk": "cohort", "pk": "import_batch"}
    ),
    "participants:import_confirm": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"cohort_pk": "cohort", "pk": "import_batch"}
    ),
    "participants:import_discard": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"cohort_pk": "cohort", "pk": "import_batch"}
    ),
    "participants:import_progress": Expect(
        LOGIN, 403, 403, 302, kwargs={"cohort_pk": "cohort", "pk": "import_batch"}
    ),
    "participants:import_template": Expect(LOGIN, 403, 403, 200, kwargs={"fmt": "xlsx"}),
    "participants:invitation": Expect(200, 200, 200, 200, kwargs={"token": "1:gecersiz"}),
    "participants:organization_merge": COORDINATORS,
    "participants:organizations": COORDINATORS,
    "participants:organization_edit": Expect(LOGIN, 403, 403, 200, kwargs={"pk": "organization"}),
    # Messages to a cohort (issue 13): coordinators, and the cohort's own facilitators (the
    # matrix's facilitator runs another cohort: 404).
    "participants:cohort_messages": Expect(LOGIN, 403, 404, 200, kwargs={"cohort_pk": "cohort"}),
    "participants:cohort_message_compose": Expect(
        LOGIN, 403, 404, 200, kwargs={"cohort_pk": "cohort"}
    ),
    "participants:cohort_message": Expect(
        LOGIN, 403, 404, 200, kwargs={"cohort_pk": "cohort", "pk": "cohort_message"}
    ),
    "participants:cohort_message_retry": Expect(
        LOGIN,
        403,
        404,
        302,
        method="post",
        kwargs={"cohort_pk": "cohort", "pk": "cohort_message"},
    ),
    "participants:my_messages": MEMBERS,
    "participants:failed_emails": COORDINATORS,
    "participants:email_retry": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"pk": "notification"}
    ),
    # documents: a queued document of a test kind that only its owner and coordinators may fetch.
    "documents:download": Expect(LOGIN, 404, 404, 200, kwargs={"document_id": "document"}),
    "documents:retry": Expect(
        LOGIN, 404, 404, 302, method="post", kwargs={"document_id": "document"}
    ),
    # certificates: public verification (an unknown code is 404), the coordinator's pages.
    "certificates:verify": EVERYONE,
    "certificates:verify_code": Expect(200, 200, 200, 200, kwargs={"code": "certificate.code"}),
    "certificates:cohort": Expect(LOGIN, 404, 404, 200, kwargs={"cohort_pk": "certificate_cohort"}),
    "certificates:attendance_export": Expect(
        LOGIN, 404, 404, 200, kwargs={"cohort_pk": "certificate_cohort", "fmt": "csv"}
    ),
    "certificates:list_export": Expect(
        LOGIN, 404, 404, 200, kwargs={"cohort_pk": "certificate_cohort", "fmt": "xlsx"}
    ),
    "certificates:issue": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"cohort_pk": "certificate_cohort"}
    ),
    "certificates:progress": Expect(
        LOGIN, 404, 404, 302, kwargs={"cohort_pk": "certificate_cohort"}
    ),
    "certificates:retry_failed": Expect(
        LOGIN, 403, 403, 302, method="post", kwargs={"cohort_pk": "certificate_cohort"}
    ),
    "certificates:bundle": Expect(
        LOGIN, 404, 404, 302, method="post", kwargs={"cohort_pk": "certificate_cohort"}
    ),
    "certificates:revoke": Expect(
        LOGIN, 403, 403, 200, kwargs={"cohort_pk": "certificate_cohort", "pk": "certificate"}
    ),
}
# The Django admin is for staff; coordinators are staff and see the apps their role grants
# (accounts and groups stay with superusers). Checked on its index and on the change list of
# every registered model.
ADMIN = Expect(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200)
ADMIN_SUPERUSER_ONLY = Expect(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 403)
SUPERUSER_ONLY_APPS = {"auth", "accounts", "account"}


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            full = f"{namespace}:{inner}".strip(":") if inner else namespace
            yield from _walk(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or f"<unnamed {pattern.pattern}>"
            yield f"{namespace}:{name}" if namespace else name


def test_every_url_pattern_is_declared():
    names = {name for name in _walk(get_resolver().url_patterns) if not name.startswith("admin:")}
    assert sorted(names - MATRIX.keys()) == [], "URL patterns without an access expectation"
    assert sorted(MATRIX.keys() - names) == [], "expectations for URL patterns that do not exist"


@pytest.fixture
def role_users(db):
    return {
        "anonymous": None,
        "participant": UserFactory(),
        "facilitator": UserFactory(roles=["facilitator"]),
        "coordinator": UserFactory(roles=["coordinator"], is_staff=True),
    }


@pytest.fixture
def db_objects(db):
    attendance_session = SessionFactory()
    program = ProgramFactory()
    revoked_feed = CalendarFeedFactory()
    revoked_token = revoked_feed.token
    calendar_feed_renew(user=revoked_feed.user)
    cohort = CohortFactory(program=program)
    registration = RegistrationFactory(cohort=cohort, status="waitlisted", waitlist_order=1)
    basis = CollaborationBasisFactory(collaboration_type__slug="ortaklik")
    plan_step = ActionStepFactory(plan__collaboration_type=basis.collaboration_type)
    certificate = CertificateFactory()
    return {
        "job": BackgroundJob.objects.create(kind=BackgroundJob.Kind.WORKER_CHECK),
        "program": program,
        "objective": ObjectiveFactory(program=program),
        "module": ModuleFactory(program=program),
        "cohort": cohort,
        "cohort_message": CohortMessage.objects.create(
            cohort=cohort, subject="Duyuru", body="Merhaba"
        ),
        "session": SessionFactory(cohort=cohort),
        "question": RegistrationQuestionFactory(cohort=cohort),
        "good_practice": GoodPractice.objects.create(
            partner="Ortak", country="İtalya", title="Vaka", summary="Özet", kind="case_study"
        ),
        "ref": LegalReferenceFactory(),
        "basis": basis,
        "step": StepTemplateFactory(collaboration_type=basis.collaboration_type),
        "attendance_session": attendance_session,
        "attendance_cohort": attendance_session.cohort,
        "registration": registration,
        "notification": NotificationFactory(registration=registration),
        "plan_step": plan_step,
        "plan": plan_step.plan,
        "plan_cohort": plan_step.plan.cohort,
        "work_group": plan_step.plan.work_group,
        "submitted_plan": ActionPlanFactory(status="submitted"),
        "document": _document(owner=UserFactory()),
        "organization": OrganizationFactory(),
        "import_batch": ImportBatch.objects.create(
            cohort=cohort, filename="liste.xlsx", sha256="0" * 64, rows=[]
        ),
        "certificate": certificate,
        "certificate_cohort": certificate.registration.cohort,
        "calendar_feed": CalendarFeedFactory(),
        "revoked_calendar_token": revoked_token,
    }


def _resolve(value, db_objects):
    """ "cohort" → the cohort's pk, "program.slug" → that attribute, anything else as it is."""
    if isinstance(value, str) and "." in value:
        name, attribute = value.split(".", 1)
        return getattr(db_objects[name], attribute)
    return db_objects[value].pk if value in db_objects else value


def _document(*, owner):
    from django.contrib.contenttypes.models import ContentType

    from documents.models import Document

    job = BackgroundJob.objects.create(kind=BackgroundJob.Kind.WORKER_CHECK, requested_by=owner)
    return Document.objects.create(
        kind="test_certificate",
        content_type=ContentType.objects.get_for_model(job),
        object_id=job.pk,
        inputs_hash="0" * 64,
    )


def _check(client, url: str, expect: Expect, role: str, user) -> None:
    if user is not None:
        client.force_login(user)
    response = getattr(client, expect.method)(url, expect.data)
    wanted = getattr(expect, role)
    if wanted == LOGIN:
        assert response.status_code == 302, (url, role, response.status_code)
        assert urlsplit(response.url).path == reverse("account_login"), (url, role)
    elif wanted == ADMIN_LOGIN:
        assert response.status_code == 302, (url, role, response.status_code)
        assert urlsplit(response.url).path == reverse("admin:login"), (url, role)
    else:
        assert response.status_code == wanted, (url, role, response.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_access(client, role_users, db_objects, name, role):
    expect = MATRIX[name]
    kwargs = {key: _resolve(value, db_objects) for key, value in expect.kwargs.items()}
    _check(client, reverse(name, kwargs=kwargs), expect, role, role_users[role])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("token", ["revoked", "gizli-olmayan-bir-anahtar", "x" * 43])
def test_calendar_feed_secret_unknown_or_revoked_is_404(
    client, role_users, db_objects, role, token
):
    token = db_objects["revoked_calendar_token"] if token == "revoked" else token
    url = reverse("participants:calendar_feed", kwargs={"token": token})
    _check(client, url, Expect(404, 404, 404, 404), role, role_users[role])


def _admin_urls() -> list[tuple[str, Expect]]:
    from django.contrib import admin

    urls = [(reverse("admin:index"), ADMIN)]
    urls += [
        (
            reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"),
            ADMIN_SUPERUSER_ONLY if model._meta.app_label in SUPERUSER_ONLY_APPS else ADMIN,
        )
        for model in admin.site._registry
    ]
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_admin_access(client, role_users, role):
    for url, expect in _admin_urls():
        _check(client, url, expect, role, role_users[role])
