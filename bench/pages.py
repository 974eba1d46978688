"""The pages the web benchmark measures, in one place: each found by reversing its URL name on
the scale data (`manage.py load_scale`). When URL names or models move, adapt this file only.

Roles are the demo's logins: the coordinator, the first facilitator (who runs the large cohort
of 600 registrations and nine more), the participant (registered in six scale cohorts)."""

from dataclasses import dataclass
from functools import cache

from django.db.models import Count
from django.urls import reverse

PUBLIC, SIGNED_IN = "public", "signed-in"
SLOW_P99_MS = 250  # the dashboard and the programme overview
P99_MS = 100  # every other page


@dataclass(frozen=True)
class Page:
    label: str
    role: str  # anonymous | participant | facilitator | coordinator
    path: str
    p99_target_ms: int = P99_MS

    @property
    def group(self) -> str:
        return PUBLIC if self.role == "anonymous" else SIGNED_IN


@cache
def _objects() -> dict:
    from action_plans.models import ActionPlan, WorkGroup
    from certificates.models import Certificate
    from programs.demo import SEED_TITLE
    from programs.models import Cohort, Program

    programme = Program.objects.get(title=SEED_TITLE)
    large = Cohort.objects.annotate(people=Count("registrations")).order_by("-people", "pk").first()
    upcoming = (
        Cohort.objects.filter(status=Cohort.Status.PUBLISHED, program__status="published")
        .filter(registration_closes_at__gt=large.registration_closes_at)
        .annotate(people=Count("registrations"))
        .order_by("-starts_on", "-people", "pk")
        .first()
    )
    group = (
        WorkGroup.objects.filter(cohort=large)
        .annotate(people=Count("members"))
        .order_by("-people", "pk")
        .first()
    )
    plan = (
        ActionPlan.objects.filter(cohort=large, work_group__isnull=False)
        .annotate(steps_count=Count("steps"))
        .order_by("-steps_count", "pk")
        .first()
    )
    certificate = (
        Certificate.objects.filter(status=Certificate.Status.VALID).order_by("-pk").first()
    )
    return {
        "programme": programme,
        "large": large,
        "upcoming": upcoming,
        "session": large.sessions.order_by("starts_at", "pk").first(),
        "group": group,
        "plan": plan,
        "certificate": certificate,
    }


def pages() -> list[Page]:
    o = _objects()
    large = o["large"].pk
    return [
        # public
        Page("home", "anonymous", reverse("site:home")),
        Page(
            "programme page",
            "anonymous",
            reverse("programs:program_detail", kwargs={"slug": o["programme"].slug}),
        ),
        Page(
            "cohort page (open for registration)",
            "anonymous",
            reverse("programs:cohort_detail", kwargs={"pk": o["upcoming"].pk}),
        ),
        Page("legal library", "anonymous", reverse("library:library")),
        Page("bridge page", "anonymous", reverse("library:bridge")),
        Page("good practices", "anonymous", reverse("programs:good_practice_list")),
        Page(
            "certificate verification",
            "anonymous",
            reverse("certificates:verify_code", kwargs={"code": o["certificate"].code}),
        ),
        # participant
        Page("participant: Kayıtlarım", "participant", reverse("participants:my_registrations")),
        # facilitator, on the cohort of 600
        Page(
            "facilitator: work groups",
            "facilitator",
            reverse("plans:groups", kwargs={"cohort_id": large}),
        ),
        Page(
            "facilitator: a work group",
            "facilitator",
            reverse("plans:group_edit", kwargs={"group_id": o["group"].pk}),
        ),
        Page(
            "facilitator: a plan",
            "facilitator",
            reverse("plans:plan_detail", kwargs={"plan_id": o["plan"].pk}),
        ),
        Page(
            "facilitator: attendance grid of a session",
            "facilitator",
            reverse("participants:attendance_grid", kwargs={"session_id": o["session"].pk}),
        ),
        # coordinator
        Page(
            "coordinator dashboard",
            "coordinator",
            reverse("programs:console_dashboard"),
            SLOW_P99_MS,
        ),
        Page(
            "programme overview with map",
            "coordinator",
            reverse("participants:program_overview", kwargs={"pk": o["programme"].pk}),
            SLOW_P99_MS,
        ),
        Page("console cohort list", "coordinator", reverse("participants:console")),
        Page(
            "registrations console, 600-person cohort",
            "coordinator",
            reverse("participants:cohort_registrations", kwargs={"cohort_pk": large}),
        ),
        Page(
            "certificates page of that cohort",
            "coordinator",
            reverse("certificates:cohort", kwargs={"cohort_pk": large}),
        ),
        Page(
            "cohort attendance page of that cohort",
            "coordinator",
            reverse("participants:attendance_cohort", kwargs={"cohort_id": large}),
        ),
        Page(
            "survey report of that cohort",
            "coordinator",
            reverse("participants:survey_report", kwargs={"pk": large}),
        ),
        Page(
            "change history of that cohort",
            "coordinator",
            reverse("participants:cohort_audit_log", kwargs={"cohort_pk": large}),
        ),
        Page("organisations console", "coordinator", reverse("participants:organizations")),
        Page("impact dashboard", "coordinator", reverse("plans:dashboard")),
    ]


def export_paths() -> dict[str, str]:
    """The largest exports: every survey response of the seed programme."""
    programme = _objects()["programme"]
    return {
        fmt: reverse(
            "participants:program_survey_responses_export", kwargs={"pk": programme.pk, "fmt": fmt}
        )
        for fmt in ("csv", "xlsx")
    }


def export_rows() -> int:
    from participants.models import SurveyResponse

    return SurveyResponse.objects.filter(cohort__program=_objects()["programme"]).count()
