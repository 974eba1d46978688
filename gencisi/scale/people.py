"""Organisations across the 81 provinces, participants with profiles, facilitators."""

import datetime as dt

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import FACILITATOR
from core.models import Province
from core.text import turkish_fold
from gencisi.scale import names
from gencisi.scale.build import Build, bulk
from participants import privacy
from participants.models import ConsentRecord, Organization, ParticipantProfile

Kind = Organization.Kind

# How many participants an organisation of each kind sends, relative to the others.
PEOPLE_WEIGHT = {
    Kind.METROPOLITAN_MUNICIPALITY: 25,
    Kind.PROVINCIAL_MUNICIPALITY: 8,
    Kind.DISTRICT_MUNICIPALITY: 5,
    Kind.COOPERATIVE: 2,
    Kind.NGO: 1.5,
    Kind.PUBLIC_BODY: 3,
    Kind.OTHER: 1,
}


def province_weight(province: Province, power: float = 0.8) -> float:
    """Big cities more: a power of the population, so that small provinces still appear."""
    return names.POPULATION_BY_PLATE[province.plate - 1] ** power


def _unique(candidates: list[str], used: set[str]) -> str:
    """The first candidate nobody has, else the last one numbered."""
    for candidate in candidates:
        if candidate not in used:
            used.add(candidate)
            return candidate
    number = 2
    while f"{candidates[-1]} {number}" in used:
        number += 1
    used.add(f"{candidates[-1]} {number}")
    return f"{candidates[-1]} {number}"


NAMES_OF_KIND = {
    Kind.NGO: names.NGO_NAMES,
    Kind.PUBLIC_BODY: names.PUBLIC_BODY_NAMES,
    Kind.OTHER: names.OTHER_NAMES,
}


def _organisation(build: Build, kind: str, province: Province, used: set[str]) -> Organization:
    rng = build.rng
    district = rng.choice(names.DISTRICTS)
    cooperative_kind = ""
    other_district = rng.choice(names.DISTRICTS)
    if kind == Kind.METROPOLITAN_MUNICIPALITY:
        candidates, district = [f"{province.name} Büyükşehir Belediyesi"], ""
    elif kind == Kind.PROVINCIAL_MUNICIPALITY:
        candidates, district = [f"{province.name} Belediyesi"], "Merkez"
    elif kind == Kind.DISTRICT_MUNICIPALITY:
        candidates = [f"{district} Belediyesi", f"{district} Belediyesi ({province.name})"]
    else:
        if kind == Kind.COOPERATIVE:
            cooperative_kind = build.pick({"social": 3, "women": 4, "agricultural": 3, "other": 1})
            base = rng.choice(names.COOPERATIVE_NAMES[cooperative_kind])
        else:
            base = rng.choice(NAMES_OF_KIND[kind])
        candidates = [
            f"{province.name} {base}",
            f"{province.name} {district} {base}",
            f"{province.name} {other_district} {base}",
        ]
    name = _unique(candidates, used)
    return Organization(
        name=name,
        search_name=turkish_fold(name),
        kind=kind,
        cooperative_kind=cooperative_kind,
        province=province,
        district=district,
        created_at=build.at(build.today - dt.timedelta(days=rng.randrange(60, 900))),
    )


def load_organisations(build: Build) -> int:
    provinces = sorted(build.provinces.values(), key=lambda p: -province_weight(p))
    counts = build.size.organisations
    used = set(Organization.objects.values_list("name", flat=True))
    metropolitan = [p for p in provinces if p.plate in names.METROPOLITAN_PLATES]
    provincial = [p for p in provinces if p.plate not in names.METROPOLITAN_PLATES]
    rows = [
        _organisation(build, Kind.METROPOLITAN_MUNICIPALITY, province, used)
        for province in metropolitan[: counts[Kind.METROPOLITAN_MUNICIPALITY]]
    ]
    rows += [
        _organisation(build, Kind.PROVINCIAL_MUNICIPALITY, province, used)
        for province in provincial[: counts[Kind.PROVINCIAL_MUNICIPALITY]]
    ]
    weights = [province_weight(province) for province in provinces]
    for kind in (
        Kind.DISTRICT_MUNICIPALITY,
        Kind.COOPERATIVE,
        Kind.NGO,
        Kind.PUBLIC_BODY,
        Kind.OTHER,
    ):
        for province in build.rng.choices(provinces, weights=weights, k=counts[kind]):
            rows.append(_organisation(build, kind, province, used))
    build.organisations = bulk(Organization, rows)
    return len(rows)


def _full_name(build: Build) -> str:
    rng = build.rng
    given = names.FEMALE_NAMES if rng.random() < 0.55 else names.MALE_NAMES
    first = rng.choice(given)
    if rng.random() < 0.12:  # a second given name, as many have
        first = f"{first} {rng.choice([name for name in given if name != first])}"
    return f"{first} {rng.choice(names.LAST_NAMES)}"


def _users(build: Build, emails: list[str], password: str) -> list[User]:
    rng = build.rng
    users = [
        User(
            email=email,
            full_name=_full_name(build),
            language="en" if rng.random() < 0.03 else "tr",
            password=password,
            date_joined=build.at(build.today - dt.timedelta(days=rng.randrange(30, 800))),
        )
        for email in emails
    ]
    users = bulk(User, users)
    bulk(
        EmailAddress,
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users],
    )
    return users


def load_people(build: Build) -> int:
    """The participants (each with a profile and an acknowledged privacy notice), spread over
    the organisations by their kind's weight, and the facilitators."""
    rng = build.rng
    password = make_password(names.SCALE_PASSWORD, salt="olcek")
    size = build.size
    emails = [
        f"katilimci{n:05d}@{names.SCALE_EMAIL_DOMAIN}" for n in range(1, size.participants + 1)
    ]
    people = _users(build, emails, password)
    weights = [PEOPLE_WEIGHT[o.kind] * rng.lognormvariate(0, 0.6) for o in build.organisations]
    organisations = rng.choices(build.organisations, weights=weights, k=len(people))
    profiles, consents = [], []
    for user, organisation in zip(people, organisations, strict=True):
        user.scale_organisation = organisation
        phone = f"+90532{rng.randrange(10**7):07d}" if rng.random() < 0.7 else ""
        profiles.append(
            ParticipantProfile(
                user=user,
                organization=organisation,
                title=rng.choice(names.JOB_TITLES),
                phone=phone,
                created_at=user.date_joined,
                updated_at=user.date_joined,
            )
        )
        consents.append(
            ConsentRecord(
                user=user,
                kind=ConsentRecord.Kind.PRIVACY_NOTICE,
                granted=True,
                notice_version=privacy.VERSION,
                created_at=user.date_joined,
            )
        )
    bulk(ParticipantProfile, profiles)
    bulk(ConsentRecord, consents)
    build.people = people

    emails = [
        f"kolaylastirici{n:03d}@{names.SCALE_EMAIL_DOMAIN}" for n in range(1, size.facilitators + 1)
    ]
    build.facilitators = _users(build, emails, password)
    group = Group.objects.get(name=FACILITATOR)
    bulk(
        User.groups.through,
        [User.groups.through(user=user, group=group) for user in build.facilitators],
    )
    return len(build.people) + len(build.facilitators)
