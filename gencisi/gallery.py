"""The component gallery: every component of the site in every state, for coordinators to look
at and for the browser tests to measure (tests/gencisi/test_gallery_browser.py).

The samples are unsaved model instances (no query), so that the badges come from the models'
own `badge_class` properties and the templates' own includes: a new status shows up here by
itself, and a CSS rule that stops applying shows up as two states that look the same.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from action_plans.models import ActionPlan, ActionStep
from certificates.models import Certificate
from core.models import BackgroundJob
from core.pagination import PER_PAGE
from documents.models import Document
from gencisi.forms import ComponentGalleryForm
from library.models import CollaborationBasis, LegalReference
from participants.models import Attendance, Registration
from programs.models import Cohort, Program

# The waiting-list place a sample waitlisted registration shows ("· sıra 2").
SAMPLE_WAITLIST_POSITION = 2


@dataclass(frozen=True)
class SampleMessage:
    """What templates/includes/messages.html reads from a django.contrib.messages message."""

    tags: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SampleCohort:
    """What the seat badge and the certificate progress read from a cohort."""

    pk: int
    seats_left: int


@dataclass(frozen=True)
class SampleProgress:
    total: int
    ready: int
    failed: int
    finished: bool


def _registration(status: str) -> Registration:
    registration = Registration(status=status)
    registration.position = (
        SAMPLE_WAITLIST_POSITION if status == Registration.Status.WAITLISTED else None
    )
    return registration


def _plan(status: str, *, done: int, total: int) -> ActionPlan:
    plan = ActionPlan(status=status)
    plan.steps_done, plan.steps_total = done, total  # the annotations progress_counts reads
    return plan


def gallery_context() -> dict:
    today = timezone.localdate()
    invalid_form = ComponentGalleryForm(
        prefix="hatali",
        data={
            "hatali-full_name": "",
            "hatali-email": "ayse@",
            "hatali-starts_on": today.isoformat(),
            "hatali-ends_on": (today - dt.timedelta(days=1)).isoformat(),
            "hatali-notes": "",
        },
    )
    invalid_form.is_valid()
    return {
        "registrations": [_registration(status) for status in Registration.Status.values],
        "program_statuses": Program.Status.choices,
        "cohort_statuses": Cohort.Status.choices,
        "seat_cohorts": [SampleCohort(pk=0, seats_left=3), SampleCohort(pk=0, seats_left=0)],
        "attendance_statuses": [*Attendance.Status.values, ""],
        "attendance_choices": Attendance.Status.choices,
        "certificates": [
            Certificate(status=status, revoked_at=timezone.now())
            for status in Certificate.Status.values
        ],
        "ready_document": Document(
            pk=0, kind=Document.Kind.CERTIFICATE, status=Document.Status.READY, file="ornek.pdf"
        ),
        "failed_document": Document(kind=Document.Kind.CERTIFICATE, status="failed"),
        "erased_document": Document(kind=Document.Kind.CERTIFICATE, status="erased"),
        "plans": [_plan(status, done=0, total=0) for status in ActionPlan.Status.values],
        "steps": [ActionStep(status=status) for status in ActionStep.Status.values],
        "references": [
            LegalReference(review_status=status) for status in LegalReference.ReviewStatus.values
        ],
        "bases": [CollaborationBasis(effect=effect) for effect in CollaborationBasis.Effect.values],
        "messages_by_level": [
            SampleMessage("info", _("Information: the cohort was saved.")),
            SampleMessage("success", _("Success: the registration was confirmed.")),
            SampleMessage(
                "warning", _("Warning: the cohort is full; you are on the waiting list.")
            ),
            SampleMessage("error", _("Error: the certificate could not be prepared.")),
        ],
        "jobs": [
            BackgroundJob(
                pk=0, status=BackgroundJob.Status.DONE, result={"hostname": "web-1", "pid": 4321}
            ),
            BackgroundJob(status=BackgroundJob.Status.FAILED, error=_("the worker did not answer")),
        ],
        "forms": [
            {"title": _("Empty"), "form": ComponentGalleryForm(prefix="bos")},
            {"title": _("With errors"), "form": invalid_form},
        ],
        # The middle page of three: both page links show.
        "sample_page": Paginator(range(3 * PER_PAGE), PER_PAGE).page(2),
        "table_cohorts": [
            Cohort(title=_("İzmir cohort"), status=Cohort.Status.PUBLISHED, capacity=12),
            Cohort(title=_("Ankara cohort"), status=Cohort.Status.CANCELLED, capacity=0),
        ],
        "plan_progress": [
            _plan(ActionPlan.Status.DRAFT, done=done, total=total)
            for done, total in ((0, 0), (3, 8), (8, 8))
        ],
        "progress_cohort": SampleCohort(pk=0, seats_left=0),
        "certificate_progress": SampleProgress(total=12, ready=10, failed=2, finished=True),
        "seat_fill": [(0, 12), (7, 12), (12, 12)],
    }
