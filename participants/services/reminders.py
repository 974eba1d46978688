"""Reminders that run themselves (beat, daily; see CELERY_BEAT_SCHEDULE). Each is idempotent
through its e-mails' dedupe keys (notifications), goes only to the people it names, and is
switched on or off per cohort (programs.Cohort.remind_*); the cohort's `reminder_note` is
appended to those for participants.

- sessions: the day before each day with sessions, to confirmed participants, with that day's
  sessions, venue and meeting links (key per registration and day);
- survey: when the evaluation survey opens and two days before its closing day, to confirmed
  participants who have not answered (key per registration; per registration and closing day);
- attendance: once per registration, when the rate over the sessions held so far falls below
  the certificate threshold (`meets_threshold`, the certificates' rule);
- pending: one digest a day to every coordinator while registrations await approval.
The plan follow-up is action_plans.services.reminders."""

import datetime as dt
from collections import Counter

from django.contrib.auth import get_user_model
from django.db.models import Count, Min, Prefetch, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from accounts.roles import COORDINATOR
from core.links import absolute_url
from notifications.services import NotificationRequest, notifications_queue_new
from participants.emails import PENDING_DIGEST_EMAIL, RegistrationEmail
from participants.models import Attendance, Registration, SurveySubmission
from participants.selectors.attendance import attendance_percent, meets_threshold
from participants.selectors.calendar import meeting_links
from participants.selectors.evaluations import survey_is_open, survey_opens_at
from programs.models import Cohort, Session

# Days before its closing day that the survey reminder goes.
SURVEY_CLOSING_DAYS = 2
# A reminder whose moment passed longer ago than this (e.g. the switch was turned on late, or
# the platform was installed after the cohort) is not sent any more.
LATE_WINDOW = dt.timedelta(days=14)


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return start, timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def _confirmed(**filters):
    """Confirmed registrations of active people, with what every reminder prints."""
    return Registration.objects.select_related(
        "participant", "cohort__program", "cohort__province"
    ).filter(status=Registration.Status.CONFIRMED, participant__is_active=True, **filters)


def session_reminders_send(*, today: dt.date | None = None) -> int:
    """The day before each day with sessions: every confirmed participant of the cohort gets
    that day's sessions with their rooms, the venue and the meeting links."""
    today = today or timezone.localdate()
    day = today + dt.timedelta(days=1)
    start, end = _day_bounds(day)
    registrations = _confirmed(
        cohort__status=Cohort.Status.PUBLISHED,
        cohort__remind_sessions=True,
        cohort__in=Session.objects.filter(starts_at__gte=start, starts_at__lt=end).values(
            "cohort_id"
        ),
    ).prefetch_related(
        Prefetch("cohort__sessions", queryset=Session.objects.order_by("starts_at", "pk"))
    )
    requests = []
    for registration in registrations:
        sessions = [s for s in registration.cohort.sessions.all() if start <= s.starts_at < end]
        links = [
            link
            for link in meeting_links(registration)
            if link.session is None or link.session in sessions
        ]
        requests.append(
            NotificationRequest(
                recipient=registration.participant,
                kind=RegistrationEmail.REMINDER,
                about=registration,
                dedupe_key=f"reminder:{registration.pk}:{day.isoformat()}",
                context={
                    "day": day,
                    "first_day": day == registration.cohort.starts_on,
                    "day_sessions": sessions,
                    "first_session": sessions[0],
                    "meeting_links": links,
                },
            )
        )
    return len(notifications_queue_new(requests=requests))


def _not_answered(cohorts) -> list[Registration]:
    return list(
        _confirmed(cohort__in=cohorts)
        .exclude(pk__in=SurveySubmission.objects.values("registration_id"))
        .order_by("pk")
    )


def _survey_url(cohort: Cohort) -> str:
    return absolute_url(reverse("participants:survey", kwargs={"cohort_pk": cohort.pk}))


def survey_reminders_send(*, now: dt.datetime | None = None) -> int:
    """ "The survey is open" once, within LATE_WINDOW of its opening, and "it closes in two
    days" on the day SURVEY_CLOSING_DAYS before its closing day: to confirmed participants of
    cohorts with `remind_survey` who have not answered."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cohorts = (
        Cohort.objects.filter(
            status=Cohort.Status.PUBLISHED,
            program__status="published",
            remind_survey=True,
            survey_closed_at__isnull=True,
        )
        .filter(
            Q(survey_opened_at__gte=now - LATE_WINDOW)
            | Q(ends_on__gte=today - LATE_WINDOW)
            | Q(survey_closes_on=today + dt.timedelta(days=SURVEY_CLOSING_DAYS))
        )
        .prefetch_related("sessions")
    )
    opening, closing = [], []
    for cohort in cohorts:
        if not survey_is_open(cohort=cohort, now=now):
            continue
        opened = cohort.survey_opened_at or survey_opens_at(cohort=cohort)
        if opened >= now - LATE_WINDOW:
            opening.append(cohort)
        closes_on = cohort.survey_closes_on
        if closes_on is not None and closes_on - dt.timedelta(days=SURVEY_CLOSING_DAYS) == today:
            closing.append(cohort)
    requests = [
        NotificationRequest(
            recipient=registration.participant,
            kind=RegistrationEmail.SURVEY_OPEN,
            about=registration,
            dedupe_key=f"survey-open:{registration.pk}",
            context={"survey_url": _survey_url(registration.cohort)},
        )
        for registration in _not_answered(opening)
    ] + [
        NotificationRequest(
            recipient=registration.participant,
            kind=RegistrationEmail.SURVEY_CLOSING,
            about=registration,
            dedupe_key=f"survey-closing:{registration.pk}:{registration.cohort.survey_closes_on}",
            context={"survey_url": _survey_url(registration.cohort)},
        )
        for registration in _not_answered(closing)
    ]
    return len(notifications_queue_new(requests=requests))


def attendance_warnings_send(*, now: dt.datetime | None = None) -> int:
    """Once per registration: the rate over the sessions held so far (ended, with attendance
    taken) is below the cohort's certificate threshold. The e-mail says whether attending
    every remaining session can still reach it. Five queries, whatever the number of people."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cohorts = {
        cohort.pk: cohort
        for cohort in Cohort.objects.filter(
            status=Cohort.Status.PUBLISHED,
            remind_attendance=True,
            starts_on__lte=today,
            ends_on__gte=today - LATE_WINDOW,
        )
    }
    sessions = {
        session.pk: session
        for session in Session.objects.filter(cohort_id__in=cohorts).only(
            "pk", "cohort_id", "starts_at", "ends_at"
        )
    }
    marks = list(
        Attendance.objects.filter(
            session_id__in=sessions, registration__status=Registration.Status.CONFIRMED
        ).values_list("registration_id", "session_id", "status")
    )
    held = {session_id for _r, session_id, _s in marks if sessions[session_id].ends_at <= now}
    held_minutes, all_minutes = Counter(), Counter()
    for session in sessions.values():
        all_minutes[session.cohort_id] += session.duration_minutes
        if session.pk in held:
            held_minutes[session.cohort_id] += session.duration_minutes
    attended = Counter()
    for registration_id, session_id, status in marks:
        if session_id in held and status in Attendance.ATTENDED:
            attended[registration_id] += sessions[session_id].duration_minutes
    requests = []
    for registration in _confirmed(cohort_id__in=list(held_minutes)).order_by("pk"):
        cohort = cohorts[registration.cohort_id]
        minutes = attended[registration.pk]
        rate = attendance_percent(attended_minutes=minutes, total_minutes=held_minutes[cohort.pk])
        if meets_threshold(rate=rate, cohort=cohort):
            continue
        remaining = all_minutes[cohort.pk] - held_minutes[cohort.pk]
        reachable = attendance_percent(
            attended_minutes=minutes + remaining, total_minutes=all_minutes[cohort.pk]
        )
        requests.append(
            NotificationRequest(
                recipient=registration.participant,
                kind=RegistrationEmail.ATTENDANCE_BELOW,
                about=registration,
                dedupe_key=f"attendance-below:{registration.pk}",
                context={
                    "rate": rate,
                    "reachable": reachable,
                    "can_still_reach": meets_threshold(rate=reachable, cohort=cohort),
                },
            )
        )
    return len(notifications_queue_new(requests=requests))


def pending_digests_send(*, today: dt.date | None = None) -> int:
    """One e-mail a day to each coordinator listing the cohorts (with `remind_pending`) whose
    registrations await approval, how many and since when; none when nothing waits."""
    today = today or timezone.localdate()
    rows = list(
        Cohort.objects.exclude(status=Cohort.Status.CANCELLED)
        .filter(
            remind_pending=True,
            ends_on__gte=today,
            registrations__status=Registration.Status.PENDING,
        )
        .select_related("program")
        .annotate(
            pending=Count("registrations"),
            waiting_since=Min(
                Coalesce("registrations__status_changed_at", "registrations__created_at")
            ),
        )
        .order_by("starts_on", "pk")
    )
    if not rows:
        return 0
    for row in rows:
        path = reverse("participants:cohort_registrations", kwargs={"cohort_pk": row.pk})
        row.review_url = absolute_url(f"{path}?status=pending")
    coordinators = (
        get_user_model()
        .objects.filter(Q(groups__name=COORDINATOR) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("pk")
    )
    requests = [
        NotificationRequest(
            recipient=coordinator,
            kind=PENDING_DIGEST_EMAIL,
            dedupe_key=f"pending-digest:{coordinator.pk}:{today.isoformat()}",
            context={"cohorts": rows, "total": sum(row.pending for row in rows)},
        )
        for coordinator in coordinators
    ]
    return len(notifications_queue_new(requests=requests))
