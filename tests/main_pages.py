"""The main pages of the site for each role, on the demo data (`manage.py load_demo`).

The browser tests walk them: axe-core finds no serious or critical violation on any
(tests/test_a11y.py), and no action is out of view at 1280 or 390 px (tests/test_layout.py).
"""

from django.urls import reverse

from accounts.models import User
from action_plans.models import ActionPlan
from library.models import LegalReference
from participants.models import Registration
from programs.demo import SEED_TITLE
from programs.models import Program

ROLES = ("anonymous", "participant", "facilitator", "coordinator")
DEMO_EMAILS = {
    "participant": "katilimci@gencisi.local",
    "facilitator": "kolaylastirici@gencisi.local",
    "coordinator": "koordinator@gencisi.local",
}


def demo_user(role: str) -> User | None:
    return User.objects.get(email=DEMO_EMAILS[role]) if role in DEMO_EMAILS else None


def main_pages(role: str) -> dict[str, str]:
    """{name: path} of the pages a person in `role` works with."""
    program = Program.objects.get(title=SEED_TITLE)
    upcoming = program.cohorts.get(title="İzmir dönemi")  # full, with a waiting list
    finished = program.cohorts.get(title="Ankara dönemi")  # attendance, survey, groups, plans
    session = finished.sessions.order_by("starts_at").first()
    reference = LegalReference.objects.order_by("pk").first()
    public = {
        "home": reverse("site:home"),
        "programmes": reverse("programs:program_list"),
        "open cohorts": reverse("programs:cohort_list"),
        "programme": reverse("programs:program_detail", kwargs={"slug": program.slug}),
        "cohort": reverse("programs:cohort_detail", kwargs={"pk": upcoming.pk}),
        "legal library": reverse("library:library"),
        "legal reference": reverse(
            "library:reference_detail", kwargs={"reference_id": reference.pk}
        ),
        "bridge": reverse("library:bridge"),
        "good practices": reverse("programs:good_practice_list"),
        "verify": reverse("certificates:verify"),
        "verify, unknown code": reverse("certificates:verify_code", kwargs={"code": "YOKYOKYOK"}),
        "privacy notice": reverse("participants:privacy_notice"),
    }
    if role == "anonymous":
        return {
            **public,
            "login": reverse("account_login"),
            "signup": reverse("account_signup"),
            "one-step registration": reverse(
                "participants:quick_register", kwargs={"cohort_pk": upcoming.pk}
            ),
            "password reset": reverse("account_reset_password"),
        }
    member = {
        "profile": reverse("accounts:profile"),
        "my plans": reverse("plans:my_plans"),
        "wizard": reverse("plans:wizard"),
        "wizard, a type": reverse("plans:wizard_type", kwargs={"slug": "ortaklik"}),
    }
    if role == "participant":
        user = demo_user(role)
        registration = Registration.objects.get(participant=user, cohort=finished)
        plan = ActionPlan.objects.get(work_group__members__registration=registration)
        return {
            **public,
            **member,
            "my registrations": reverse("participants:my_registrations"),
            "participant profile": reverse("participants:profile"),
            "my data": reverse("participants:my_data"),
            "my messages": reverse("participants:my_messages"),
            "survey": reverse("participants:survey", kwargs={"cohort_pk": finished.pk}),
            "plan": reverse("plans:plan_detail", kwargs={"plan_id": plan.pk}),
            "plan, edit": reverse("plans:plan_edit", kwargs={"plan_id": plan.pk}),
        }
    cohort_pages = {
        "my cohorts": reverse("programs:my_cohorts"),
        "attendance": reverse("participants:attendance_home"),
        "attendance grid": reverse(
            "participants:attendance_grid", kwargs={"session_id": session.pk}
        ),
        "attendance rates": reverse(
            "participants:attendance_cohort", kwargs={"cohort_id": finished.pk}
        ),
        "work groups": reverse("plans:groups", kwargs={"cohort_id": finished.pk}),
        "cohort plans": reverse("plans:cohort_plans", kwargs={"cohort_id": finished.pk}),
        "registrations, full cohort": reverse(
            "participants:cohort_registrations", kwargs={"cohort_pk": upcoming.pk}
        ),
        "certificates": reverse("certificates:cohort", kwargs={"cohort_pk": finished.pk}),
        "cohort messages": reverse(
            "participants:cohort_messages", kwargs={"cohort_pk": finished.pk}
        ),
        "new message": reverse(
            "participants:cohort_message_compose", kwargs={"cohort_pk": finished.pk}
        ),
        "plan": reverse(
            "plans:plan_detail", kwargs={"plan_id": ActionPlan.objects.order_by("pk").first().pk}
        ),
    }
    if role == "facilitator":
        return {**member, **cohort_pages}
    del cohort_pages["my cohorts"]  # facilitators only
    return {
        **member,
        **cohort_pages,
        "console": reverse("programs:console_dashboard"),
        "programme console": reverse("programs:console_program", kwargs={"pk": program.pk}),
        "programme, edit": reverse("programs:console_program_edit", kwargs={"pk": program.pk}),
        "cohort console": reverse("programs:console_cohort", kwargs={"pk": upcoming.pk}),
        "finished cohort console": reverse("programs:console_cohort", kwargs={"pk": finished.pk}),
        "cohort, edit": reverse("programs:console_cohort_edit", kwargs={"pk": upcoming.pk}),
        "session, edit": reverse("programs:console_session", kwargs={"pk": session.pk}),
        "registration question, new": reverse(
            "programs:console_question_create", kwargs={"cohort_pk": upcoming.pk}
        ),
        "cohort, copy": reverse("programs:console_cohort_copy", kwargs={"pk": finished.pk}),
        "registrations": reverse("participants:console"),
        "registrations, finished cohort": reverse(
            "participants:cohort_registrations", kwargs={"cohort_pk": finished.pk}
        ),
        "change history": reverse(
            "participants:cohort_audit_log", kwargs={"cohort_pk": upcoming.pk}
        ),
        "organisations": reverse("participants:organizations"),
        "failed e-mails": reverse("participants:failed_emails"),
        "survey report": reverse("participants:survey_report", kwargs={"pk": finished.pk}),
        "programme survey report": reverse(
            "participants:program_survey_report", kwargs={"pk": program.pk}
        ),
        "survey questions": reverse("participants:survey_questions", kwargs={"pk": program.pk}),
        "programme overview": reverse("participants:program_overview", kwargs={"pk": program.pk}),
        "impact dashboard": reverse("plans:dashboard"),
        "legal console": reverse("library:console_references"),
        "legal reference, edit": reverse(
            "library:console_reference_edit", kwargs={"reference_id": reference.pk}
        ),
        "legal reference, review": reverse(
            "library:console_reference_review", kwargs={"reference_id": reference.pk}
        ),
        "collaboration types": reverse("library:console_types"),
        "collaboration type": reverse("library:console_type", kwargs={"slug": "ortaklik"}),
        "good practices console": reverse("programs:console_good_practices"),
        "system status": reverse("site:system_status"),
        "component gallery": reverse("site:component_gallery"),
        "e-mail previews": reverse("site:email_previews"),
    }
