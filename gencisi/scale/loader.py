"""`load_scale`: the guard against real data, then the steps in order, timed."""

import io
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from action_plans.models import ActionPlan, ActionStep, WorkGroup, WorkGroupMember
from core.models import Province
from documents.models import Document
from gencisi.scale import activity, cohorts, people, records
from gencisi.scale.build import Build, explicit_timestamps
from gencisi.scale.names import SCALE_EMAIL_DOMAIN
from gencisi.scale.sizes import ScaleSize
from notifications.models import Notification
from participants.models import (
    AuditEntry,
    ConsentRecord,
    Organization,
    ParticipantProfile,
    Registration,
    SurveySubmission,
)
from programs.demo import SEED_TITLE
from programs.models import Cohort, Program

DEMO_EMAIL_DOMAIN = "gencisi.local"  # the demo's people: accounts/demo.py, participants/demo.py
FORCE_NAME_MARKERS = ("scale", "bench")
TIMESTAMPED = (
    Organization,
    ParticipantProfile,
    ConsentRecord,
    Program,
    Cohort,
    Registration,
    SurveySubmission,
    WorkGroup,
    WorkGroupMember,
    ActionPlan,
    ActionStep,
    Document,
    Notification,
    AuditEntry,
)


class ScaleRefusedError(Exception):
    """The database is not one to fill with generated data; the message says why."""


@dataclass
class ScaleReport:
    size: ScaleSize
    seed: int
    steps: list[tuple[str, float, int]] = field(default_factory=list)  # name, seconds, rows

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds, _ in self.steps)


def foreign_users() -> int:
    """Users that are neither the demo's nor the generator's: someone's real data."""
    return (
        User.objects.exclude(email__iendswith="@" + SCALE_EMAIL_DOMAIN)
        .exclude(
            Q(email__iendswith="@" + DEMO_EMAIL_DOMAIN)
            | Q(email__iendswith="." + DEMO_EMAIL_DOMAIN)
        )
        .count()
    )


def check_database(*, force: bool) -> None:
    """Refuse a database that holds anything but the demo: real people, or scale data loaded
    before (load into a fresh database instead). `force` overrides the first only on a database
    whose name says it is a throwaway one."""
    if User.objects.filter(email__iendswith="@" + SCALE_EMAIL_DOMAIN).exists():
        raise ScaleRefusedError("This database already holds scale data: load into a fresh one.")
    foreign = foreign_users()
    if not foreign:
        return
    name = str(connection.settings_dict["NAME"]).lower()
    if force and any(marker in name for marker in FORCE_NAME_MARKERS):
        return
    reason = f"This database holds {foreign} user(s) that are not from the demo: real data."
    if force:
        reason += " --force works only on a database whose name contains 'scale' or 'bench'."
    raise ScaleRefusedError(reason)


def _step(report: ScaleReport, name: str, run: Callable[[], int], log) -> None:
    started = time.monotonic()
    rows = run()
    seconds = time.monotonic() - started
    report.steps.append((name, seconds, rows))
    log(f"  {name:<28} {rows:>8,} rows  {seconds:6.1f} s")


def load_scale(
    *, factor: float = 1.0, seed: int = 2026, force: bool = False, log=print
) -> ScaleReport:
    """Load the demo, then national-size data on top of it, in one transaction (all or
    nothing). Deterministic: the same seed on the same day gives the same rows (dates are
    relative to the day of loading, so that finished and upcoming cohorts stay so)."""
    size = ScaleSize.of(factor)
    check_database(force=force)
    report = ScaleReport(size=size, seed=seed)
    started = time.monotonic()
    call_command("load_demo", stdout=io.StringIO())
    report.steps.append(("demo (load_demo)", time.monotonic() - started, 0))
    log(f"  {'demo (load_demo)':<28} {'':>8}       {time.monotonic() - started:6.1f} s")
    demo = {user.email: user for user in User.objects.filter(email__iendswith=DEMO_EMAIL_DOMAIN)}
    build = Build(
        rng=random.Random(seed),  # noqa: S311 — invented data, not secrets
        size=size,
        today=timezone.localdate(),
        coordinator=demo["koordinator@gencisi.local"],
        demo_participant=demo["katilimci@gencisi.local"],
        demo_facilitator=demo["kolaylastirici@gencisi.local"],
        provinces={province.plate: province for province in Province.objects.all()},
    )
    build.demo_participant.scale_organisation = (
        build.demo_participant.participant_profile.organization
    )
    seed_programme = Program.objects.get(title=SEED_TITLE)
    with transaction.atomic(), explicit_timestamps(*TIMESTAMPED):
        _step(report, "organisations", lambda: people.load_organisations(build), log)
        _step(report, "people", lambda: people.load_people(build), log)
        _step(report, "registrations", lambda: cohorts.load_cohorts(build, seed_programme), log)
        _step(report, "attendance", lambda: activity.load_attendance(build), log)
        _step(report, "survey submissions", lambda: activity.load_survey(build), log)
        _step(report, "action plans", lambda: activity.load_plans(build), log)
        _step(report, "certificates", lambda: records.load_certificates(build), log)
        _step(report, "e-mails", lambda: records.load_notifications(build), log)
        _step(report, "audit entries", lambda: records.load_audit(build), log)
    return report
