"""Reads for certificates: who is eligible in a cohort and why not, the progress of an issue,
a certificate by its public code.

Eligibility rule: a confirmed registration whose attendance rate reaches the cohort's threshold
and, when the cohort asks for them, whose evaluation survey is submitted and whose own action
plan or whose work group's plan is submitted or approved.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from action_plans.models import ActionPlan, WorkGroupMember
from certificates.models import Certificate
from core.db import count_of, turkish_collate
from core.numbers import format_percent
from documents.models import Document
from participants.models import Registration, SurveySubmission
from participants.selectors.attendance import (
    PersonAttendance,
    attendance_for_cohort,
    meets_threshold,
    meets_threshold_condition,
)
from programs.extensions import CopyLine
from programs.models import Cohort

PLAN_DONE = (ActionPlan.Status.SUBMITTED, ActionPlan.Status.APPROVED)
NO_ATTENDANCE = PersonAttendance(attended_minutes=0, rate=Decimal("0.00"))


@dataclass
class EligibilityRow:
    registration: Registration
    attendance: PersonAttendance
    attendance_ok: bool
    evaluation_done: bool
    plan_done: bool
    certificate: Certificate | None
    reasons: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.reasons

    @property
    def rate(self) -> Decimal:
        return self.attendance.rate


def _plan_done_ids(*, cohort: Cohort, registration_ids: list[int]) -> set[int]:
    own = ActionPlan.objects.filter(
        cohort=cohort,
        registration_id__in=registration_ids,
        status__in=PLAN_DONE,
    ).values_list("registration_id", flat=True)
    through_group = WorkGroupMember.objects.filter(
        group__cohort=cohort,
        registration_id__in=registration_ids,
        group__plans__status__in=PLAN_DONE,
    ).values_list("registration_id", flat=True)
    return set(own) | set(through_group)


def eligible_condition(*, cohort: Cohort) -> Q:
    """The eligibility rule of `certificate_eligibility` as a condition on the cohort's
    registrations (the recipient filter of messages: one query selects them)."""
    condition = meets_threshold_condition(cohort=cohort)
    if cohort.certificate_requires_evaluation:
        condition &= Q(Exists(SurveySubmission.objects.filter(registration=OuterRef("pk"))))
    if cohort.certificate_requires_plan:
        done = ActionPlan.objects.filter(status__in=PLAN_DONE)
        condition &= Q(Exists(done.filter(registration=OuterRef("pk")))) | Q(
            Exists(done.filter(work_group__members__registration=OuterRef("pk")))
        )
    return condition


_BY_NAME = (turkish_collate("participant__full_name"), "pk")
_SHOWN = "participant__participant_profile__organization"


def eligibility_order(*, cohort: Cohort) -> QuerySet[Registration]:
    """The people whose certificate is decided: the cohort's confirmed registrations,
    Turkish-sorted by name, nothing else read (the page cuts this, then `registrations_shown`)."""
    return Registration.objects.filter(
        cohort=cohort, status=Registration.Status.CONFIRMED
    ).order_by(*_BY_NAME)


def eligibility_registrations(*, cohort: Cohort) -> QuerySet[Registration]:
    """`eligibility_order` with each person's profile and organisation (a list of them goes to
    `eligibility_rows`)."""
    return eligibility_order(cohort=cohort).select_related(_SHOWN)


def registrations_shown(*, rows: QuerySet[Registration]) -> list[Registration]:
    """The registrations of `rows` (a page of `eligibility_order`), in its order, with person,
    profile and organisation: one query that sorts and cuts the registrations before it joins
    profiles and organisations for the page's rows only."""
    return list(
        Registration.objects.filter(pk__in=rows.values("pk"))
        .select_related(_SHOWN)
        .only(*_SHOWN_COLUMNS)
        .order_by(*_BY_NAME)
    )


# What the page shows of a row's person (and the keys that join them): only these columns are
# read and turned into Python values (the rest of the user, profile and registration is not).
_SHOWN_COLUMNS = (
    "participant__full_name",
    "participant__email",
    "participant__participant_profile__user",
    "participant__participant_profile__organization__name",
)


def eligibility_rows(*, cohort: Cohort, registrations: list[Registration]) -> list[EligibilityRow]:
    """What decides the certificate of each of `registrations` (confirmed ones of the cohort),
    in their order, with their current valid certificate. Six queries, whatever their number;
    they read only these people."""
    ids = [registration.pk for registration in registrations]
    attendance = attendance_for_cohort(cohort=cohort, registration_ids=ids)
    evaluated = set(
        SurveySubmission.objects.filter(registration_id__in=ids).values_list(
            "registration_id", flat=True
        )
    )
    planned = _plan_done_ids(cohort=cohort, registration_ids=ids)
    certificates = {
        certificate.registration_id: certificate
        for certificate in Certificate.objects.filter(
            registration_id__in=ids, status=Certificate.Status.VALID
        ).select_related("document")
    }
    threshold_text = format_percent(cohort.attendance_threshold)
    rows = []
    for registration in registrations:
        person = attendance.get(registration.pk, NO_ATTENDANCE)
        row = EligibilityRow(
            registration=registration,
            attendance=person,
            attendance_ok=meets_threshold(rate=person.rate, cohort=cohort),
            evaluation_done=registration.pk in evaluated,
            plan_done=registration.pk in planned,
            certificate=certificates.get(registration.pk),
        )
        if not row.attendance_ok:
            row.reasons.append(
                _("Attendance is below %(threshold)s.") % {"threshold": threshold_text}
            )
        if cohort.certificate_requires_evaluation and not row.evaluation_done:
            row.reasons.append(_("The evaluation survey has not been submitted."))
        if cohort.certificate_requires_plan and not row.plan_done:
            row.reasons.append(_("No action plan has been submitted."))
        rows.append(row)
    return rows


def certificate_eligibility(*, cohort: Cohort) -> list[EligibilityRow]:
    """Every confirmed registration of the cohort, Turkish-sorted by name, with what decides its
    certificate and its current valid certificate. Seven queries, whatever the cohort's size."""
    return eligibility_rows(
        cohort=cohort, registrations=list(eligibility_registrations(cohort=cohort))
    )


def eligibility_counts(*, cohort: Cohort) -> tuple[int, int]:
    """(confirmed people, eligible people) of the cohort in one query; the eligible ones
    counted by `eligible_condition`, the same rule as `eligibility_rows`
    (tests/certificates/test_selectors.py checks that both agree on every combination)."""
    counts = Registration.objects.filter(
        cohort=cohort, status=Registration.Status.CONFIRMED
    ).aggregate(
        total=Count("pk"),
        eligible=Count("pk", filter=eligible_condition(cohort=cohort)),
    )
    return counts["total"], counts["eligible"]


@dataclass(frozen=True)
class IssueProgress:
    total: int
    ready: int
    failed: int

    @property
    def pending(self) -> int:
        return self.total - self.ready - self.failed

    @property
    def finished(self) -> bool:
        return self.pending == 0


def valid_certificates_of_cohort(*, cohort: Cohort) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(registration__cohort=cohort, status=Certificate.Status.VALID)
        .select_related("document")
        .order_by(turkish_collate("participant_name"), "pk")
    )


def certificates_of_cohort(*, cohort: Cohort) -> QuerySet[Certificate]:
    """Every certificate of the cohort, each version with its state: by name, then version."""
    return Certificate.objects.filter(registration__cohort=cohort).order_by(
        turkish_collate("participant_name"), "registration_id", "version", "pk"
    )


def issue_progress(*, cohort: Cohort) -> IssueProgress:
    """How far the PDFs of the cohort's valid certificates are (not those of people whose data
    was erased: their PDFs are gone for good): one counting query."""
    counts = Certificate.objects.filter(
        registration__cohort=cohort, status=Certificate.Status.VALID, holder_erased_at=None
    ).aggregate(
        total=Count("pk"),
        ready=Count("pk", filter=Q(document__status=Document.Status.READY) & ~Q(document__file="")),
        failed=Count("pk", filter=Q(document__status=Document.Status.FAILED)),
    )
    return IssueProgress(**counts)


def certificate_documents_of_cohort(*, cohort: Cohort) -> list:
    """The documents of the cohort's valid certificates (what its ZIP bundles), by name."""
    return [
        certificate.document
        for certificate in valid_certificates_of_cohort(cohort=cohort)
        if certificate.document is not None
    ]


def certificate_by_code(*, code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).first()


def certificate_current_of(*, certificate: Certificate) -> Certificate | None:
    """The valid certificate of the same registration (after a re-issue, a newer version)."""
    return (
        Certificate.objects.filter(
            registration_id=certificate.registration_id, status=Certificate.Status.VALID
        )
        .select_related("document", "registration__cohort")
        .first()
    )


def certificate_in_cohort(*, cohort: Cohort, pk: int) -> Certificate | None:
    return (
        Certificate.objects.filter(registration__cohort=cohort, pk=pk)
        .select_related("registration__participant")
        .first()
    )


def attach_ready_certificates(registrations: list[Registration]) -> None:
    """Kayıtlarım's part (participants/extensions.py): `certificate` on each registration, its
    valid certificate whose PDF is ready (None unless confirmed). One query."""
    certificates = {
        certificate.registration_id: certificate
        for certificate in Certificate.objects.filter(
            registration__in=registrations,
            status=Certificate.Status.VALID,
            document__status="ready",
        ).select_related("document")
    }
    for registration in registrations:
        confirmed = registration.status == Registration.Status.CONFIRMED
        registration.certificate = certificates.get(registration.pk) if confirmed else None


def valid_certificate_count():
    """The programme overview's column (participants/extensions.py): the valid certificates of
    each cohort, as a subquery driven from the cohort's registrations (each probes the unique
    index of its one valid certificate): starting from the certificates made PostgreSQL scan
    them all once per cohort (7 ms × 123 cohorts on the scale data)."""
    valid = Certificate.objects.filter(registration=OuterRef("pk"), status=Certificate.Status.VALID)
    return count_of(Registration.objects.filter(Exists(valid)), outer="cohort")


def cohort_copy_lines(source, _copy) -> list[CopyLine]:
    """What certificates says when a cohort is copied (programs/extensions.py): the cohort's
    certificate rules are its own fields, copied by programs; certificates are personal."""
    return [
        CopyLine(
            _("Certificates"),
            Certificate.objects.filter(registration__cohort=source).count(),
            False,
        )
    ]
