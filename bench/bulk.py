"""The bulk benchmark: a coordinator issues the certificates of a finished cohort of 500 eligible
participants, end to end — `certificates_issue` (certificate and document rows, one transaction)
→ render tasks on Redis → `celery worker --concurrency 2` → 500 ready PDFs on disk, each one's
"certificate ready" e-mail queued and sent (to Django's in-memory mail backend) on the way.

The clock starts at the call to `certificates_issue` and stops when the 500th document is ready.
"""

import datetime as dt
import itertools
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils import timezone

from bench import stack

LOGS = stack.ROOT / ".data" / "bench" / "bulk"  # the worker's log (the web part's is one up)
FIRST_NAMES = [
    "Ayşe",
    "Ali",
    "İnci",
    "Emre",
    "Zeynep",
    "Mehmet",
    "Fatma",
    "Mustafa",
    "Elif",
    "Ahmet",
    "Şule",
    "Oğuz",
    "Gülşen",
    "Çağrı",
    "Işıl",
    "Ümit",
    "Özge",
    "İsmail",
    "Sibel",
    "Barış",
    "Dilek",
    "Kaan",
    "Nur",
    "Tülay",
    "Yiğit",
]
LAST_NAMES = [
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Yıldız",
    "Öztürk",
    "Aydın",
    "Özdemir",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Aslan",
    "Çetin",
    "Kara",
    "Koç",
    "Kurt",
    "Işık",
    "Şimşek",
    "Güneş",
]


def build_cohort(*, size: int):
    """A finished cohort with two three-hour sessions that `size` confirmed registrations all
    attended (so all are eligible), two facilitators and the programme's five objectives."""
    from accounts.models import User
    from core.models import Province
    from core.text import turkish_fold
    from documents.samples import OBJECTIVES
    from participants.models import Attendance, Organization, ParticipantProfile, Registration
    from programs.models import Cohort, Objective, Program, Session

    tag = uuid.uuid4().hex[:8]
    today = timezone.localdate()
    izmir = Province.objects.get(name="İzmir")
    program = Program.objects.create(
        title="Belediyeler İçin Sosyal Kooperatifçilik Eğitimi",
        slug=f"bench-{tag}",
        summary="Ölçüm",
        status=Program.Status.PUBLISHED,
    )
    Objective.objects.bulk_create(
        Objective(program=program, number=number, text=text)
        for number, text in enumerate(OBJECTIVES, 1)
    )
    cohort = Cohort.objects.create(
        program=program,
        title="İzmir Dönemi 2026/2",
        starts_on=today - dt.timedelta(days=3),
        ends_on=today - dt.timedelta(days=2),
        province=izmir,
        district="Karşıyaka",
        venue="Karşıyaka Kültür Merkezi",
        capacity=size,
        registration_opens_at=timezone.now() - dt.timedelta(days=30),
        registration_closes_at=timezone.now() - dt.timedelta(days=4),
        status=Cohort.Status.PUBLISHED,
    )
    facilitators = [
        User.objects.create(email=f"kolaylastirici{n}-{tag}@bench.invalid", full_name=name)
        for n, name in enumerate(("Emre Işık", "Zeynep Aydın"))
    ]
    cohort.facilitators.add(*facilitators)
    sessions = []
    for day in (cohort.starts_on, cohort.ends_on):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
        sessions.append(
            Session.objects.create(
                cohort=cohort,
                title="Oturum",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=3),
            )
        )
    names = itertools.islice(
        (f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES), size
    )
    users = User.objects.bulk_create(
        User(email=f"katilimci{n}-{tag}@bench.invalid", full_name=name)
        for n, name in enumerate(names)
    )
    organisations = Organization.objects.bulk_create(
        Organization(
            name=f"{district} Belediyesi",
            search_name=turkish_fold(f"{district} Belediyesi"),
            kind=Organization.Kind.DISTRICT_MUNICIPALITY,
            province=izmir,
        )
        for district in ("Karşıyaka", "Bornova", "Çiğli", "Buca", "Konak")
    )
    ParticipantProfile.objects.bulk_create(
        ParticipantProfile(user=user, organization=organisations[n % len(organisations)])
        for n, user in enumerate(users)
    )
    registrations = Registration.objects.bulk_create(
        Registration(cohort=cohort, participant=user, status=Registration.Status.CONFIRMED)
        for user in users
    )
    Attendance.objects.bulk_create(
        Attendance(
            session=session,
            registration=registration,
            status=Attendance.Status.PRESENT,
            method=Attendance.Method.GRID,
            marked_at=timezone.now(),
        )
        for registration in registrations
        for session in sessions
    )
    coordinator = User.objects.create(email=f"koordinator-{tag}@bench.invalid", full_name="Koord")
    return cohort, coordinator


@dataclass(frozen=True)
class BulkRun:
    """One issue of `size` certificates: how many were ready and mailed, and when (seconds from
    the call to `certificates_issue`)."""

    size: int
    issued: int
    ready: int
    sent: int
    rows_seconds: float
    ready_seconds: float
    mailed_seconds: float

    @property
    def complete(self) -> bool:
        return self.issued == self.ready == self.sent == self.size

    @property
    def rate(self) -> float:
        """Certificates per second, to the last ready PDF."""
        return self.size / self.ready_seconds

    def __str__(self) -> str:
        if self.issued < self.size or self.ready < self.size:
            log = LOGS / "worker.log"
            return f"{self.ready}/{self.size} ready: timed out (worker's log: {log})"
        if self.sent < self.size:
            return f"only {self.sent}/{self.size} e-mails sent before the timeout"
        return (
            f"{self.size} in {self.ready_seconds:.1f} s (rows {self.rows_seconds:.2f} s; "
            f"e-mails all sent at {self.mailed_seconds:.1f} s)"
        )


def share_of_floor(*, rate: float, floor_before: float, floor_after: float, cores: int) -> float:
    """A run's throughput as a share of the floor's on all cores: cores ÷ the floor's time per
    render, the floor taken as the mean of its medians right before and right after the run."""
    return rate / (cores / ((floor_before + floor_after) / 2))


@contextmanager
def worker(*, redis_url: str):
    """A Celery worker (2 pool processes) on a queue of the run's own, warmed up."""
    from gencisi.celery import app

    queue = f"bench-{uuid.uuid4().hex}"
    app.conf.update(broker_url=redis_url, task_default_queue=queue, task_always_eager=False)
    LOGS.mkdir(parents=True, exist_ok=True)
    process = stack.start_worker(logs=LOGS, queue=queue, broker_url=redis_url)
    try:
        time.sleep(6)  # let both pool processes start and warm up
        yield process
    finally:
        stack.stop(process)


def _count_until(rows, wanted: int, deadline: float) -> int:
    """Count `rows` ten times a second until there are `wanted` of them or the deadline passes;
    the last count."""
    count = rows.count()
    while count != wanted and time.monotonic() < deadline:
        time.sleep(0.1)
        count = rows.count()
    return count


def measure_bulk(*, cohort, coordinator) -> BulkRun:
    """Issue the certificates of `cohort` (from `build_cohort`) with the worker of `worker()`
    running, and wait for every PDF and every e-mail."""
    from certificates.services import certificates_issue
    from core.background import load_url_configuration
    from documents.models import Document
    from notifications.models import Notification

    size = cohort.capacity
    # The web process that serves the coordinator's POST has its URLs loaded (it routed the
    # request); here the first link built would import every view inside the clock.
    load_url_configuration()
    start = time.perf_counter()
    issued = certificates_issue(cohort=cohort, issued_by=coordinator).issued
    requested = time.perf_counter() - start
    # Watching costs the machine too (ten times a second, inside the clock): the run's
    # documents are the ones its own coordinator requested, counted on that foreign key's
    # index — 1.3 ms of CPU (client and server) a look, where a list of their 500 primary
    # keys cost 5 ms (2–3 % of the machine's two cores).
    documents = Document.objects.filter(requested_by=coordinator, kind="certificate")
    deadline = time.monotonic() + 300
    ready = _count_until(documents.filter(status=Document.Status.READY), issued, deadline)
    elapsed = time.perf_counter() - start
    mails = Notification.objects.filter(
        kind="certificate_ready",
        about_id__in=cohort.registrations.values("pk"),
        about_type__model="registration",
    )
    sent = _count_until(mails.filter(status=Notification.Status.SENT), issued, deadline)
    mailed = time.perf_counter() - start
    return BulkRun(
        size=size,
        issued=issued,
        ready=ready,
        sent=sent,
        rows_seconds=requested,
        ready_seconds=elapsed,
        mailed_seconds=mailed,
    )
