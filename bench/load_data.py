"""The data of `make load`: the demo programme, three cohorts open for registration (one with
fewer seats than people, so its waiting list fills), a finished cohort of 400 for the
coordinator's export, and the people who log in."""

import datetime as dt
import io
import itertools
from dataclasses import dataclass

from django.core.management import call_command
from django.utils import timezone

from bench.bulk import FIRST_NAMES, LAST_NAMES, build_cohort

PASSWORD = "yuk-testi-parola-2026"  # noqa: S105 — a throwaway database's
FINISHED_COHORT_SIZE = 400


@dataclass(frozen=True)
class LoadPlan:
    program_slug: str
    small_cohort: int  # fewer seats than participants: everyone registers here
    other_cohorts: tuple[int, ...]  # each participant also registers for one of these
    export_cohorts: tuple[int, ...]  # what the coordinators look at and export
    participants: tuple[str, ...]  # e-mail addresses
    coordinators: tuple[str, ...]
    password: str = PASSWORD


def _open_cohort(program, *, title: str, province, capacity: int, requires_approval: bool):
    from programs.models import Cohort, Session

    now = timezone.now()
    starts_on = timezone.localdate() + dt.timedelta(days=30)
    cohort = Cohort.objects.create(
        program=program,
        title=title,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=1),
        province=province,
        venue="Kültür Merkezi",
        capacity=capacity,
        registration_opens_at=now - dt.timedelta(days=1),
        registration_closes_at=now + dt.timedelta(days=20),
        requires_approval=requires_approval,
        status=Cohort.Status.PUBLISHED,
    )
    for day in (cohort.starts_on, cohort.ends_on):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
        Session.objects.create(
            cohort=cohort, title="Oturum", starts_at=start, ends_at=start + dt.timedelta(hours=3)
        )
    return cohort


def _people(count: int) -> list[str]:
    """`count` participants with a login (one password hash for all: hashing it 50 times
    would only slow the set-up), each with a participant profile and an organisation."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from accounts.services import user_create
    from core.models import Province
    from core.text import turkish_fold
    from participants.models import Organization, ParticipantProfile

    provinces = list(Province.objects.filter(name__in=["Ankara", "İzmir", "Konya", "Bursa"]))
    organisations = [
        Organization.objects.create(
            name=f"{province.name} Büyükşehir Belediyesi",
            search_name=turkish_fold(f"{province.name} Büyükşehir Belediyesi"),
            kind=Organization.Kind.METROPOLITAN_MUNICIPALITY,
            province=province,
        )
        for province in provinces
    ]
    names = itertools.islice(
        (f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES), count
    )
    emails = []
    for number, name in enumerate(names, 1):
        email = f"katilimci{number:02d}@yuk.invalid"
        user = user_create(email=email, full_name=name, password=None)
        ParticipantProfile.objects.create(
            user=user, organization=organisations[number % len(organisations)]
        )
        emails.append(user.email)
    User.objects.filter(email__in=emails).update(password=make_password(PASSWORD))
    return emails


def build(*, participants: int) -> LoadPlan:
    from accounts.services import coordinator_create
    from core.models import Province
    from programs.models import Program

    call_command("load_demo", stdout=io.StringIO())
    program = Program.objects.filter(status=Program.Status.PUBLISHED).order_by("pk").first()
    provinces = {province.name: province for province in Province.objects.all()}
    small = _open_cohort(
        program,
        title="Yük testi: Ankara",
        province=provinces["Ankara"],
        capacity=10,
        requires_approval=False,
    )
    others = [
        _open_cohort(
            program,
            title="Yük testi: İzmir",
            province=provinces["İzmir"],
            capacity=25,
            requires_approval=True,
        ),
        _open_cohort(
            program,
            title="Yük testi: Konya",
            province=provinces["Konya"],
            capacity=100,
            requires_approval=False,
        ),
    ]
    finished, _ = build_cohort(size=FINISHED_COHORT_SIZE)
    coordinators = [
        coordinator_create(email=f"koordinator{n}@yuk.invalid", full_name=name, password=PASSWORD)
        for n, name in enumerate(("Zeynep Aydın", "Mehmet Kaya"), 1)
    ]
    emails = _people(participants)
    return LoadPlan(
        program_slug=program.slug,
        small_cohort=small.pk,
        other_cohorts=tuple(cohort.pk for cohort in others),
        export_cohorts=(finished.pk, small.pk),
        participants=tuple(emails),
        coordinators=tuple(user.email for user in coordinators),
    )
