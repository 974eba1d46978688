import dataclasses
import datetime as dt
import re

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from core import figure_cache, page_cache
from notifications.models import Notification
from notifications.services import NotificationRequest, notification_preview
from participants import privacy
from participants.models import AuditEntry, ConsentRecord, Registration
from participants.services import registration_errors, waitlist
from participants.services import registrations as services
from participants.services.consents import privacy_notice_acknowledge
from programs import services as program_services
from programs.models import Cohort
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _register(cohort, user=None, **kwargs):
    user = user or ParticipantProfileFactory().user
    return services.registration_create(
        cohort=cohort, participant=user, privacy_acknowledged=True, **kwargs
    )


def test_cohort_without_approval_confirms_straight_away_and_mails_confirmation(
    django_capture_on_commit_callbacks,
):
    cohort = CohortFactory(requires_approval=False, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(cohort)
    assert registration.status == Status.CONFIRMED
    assert registration.privacy_notice_version == privacy.VERSION
    assert list(Notification.objects.values_list("kind", "status")) == [("confirmed", "sent")]
    assert mail.outbox[0].subject == f"[Genç İşi] Kaydınız onaylandı: {cohort.title}"


def test_cohort_with_approval_holds_a_seat_as_pending_and_mails_receipt():
    cohort = CohortFactory(requires_approval=True, capacity=1)
    first = _register(cohort)
    second = _register(cohort)
    assert first.status == Status.PENDING
    assert second.status == Status.WAITLISTED
    assert list(Notification.objects.order_by("pk").values_list("kind", flat=True)) == [
        "received",
        "waitlisted",
    ]


def test_full_cohort_waitlists_next_registrants_first_come_first_served():
    cohort = CohortFactory(requires_approval=False, capacity=1)
    _register(cohort)
    waiting = [_register(cohort) for _ in range(3)]
    assert [r.status for r in waiting] == [Status.WAITLISTED] * 3
    assert [waitlist.waitlist_position(registration=r) for r in waiting] == [1, 2, 3]
    body = waiting[1].notifications.get(kind="waitlisted").body
    assert "sıra 2" in body


def test_second_attempt_raises_with_the_existing_registration():
    cohort = CohortFactory()
    profile = ParticipantProfileFactory()
    first = _register(cohort, profile.user)
    with pytest.raises(services.AlreadyRegisteredError) as caught:
        _register(cohort, profile.user)
    assert caught.value.registration == first
    assert Registration.objects.count() == 1


def test_registration_needs_profile_and_acknowledgement_and_an_open_window():
    cohort = CohortFactory()
    with pytest.raises(services.ProfileMissingError):
        services.registration_create(
            cohort=cohort, participant=UserFactory(), privacy_acknowledged=True
        )
    user = ParticipantProfileFactory().user
    with pytest.raises(services.PrivacyNoticeNotAcknowledgedError):
        services.registration_create(cohort=cohort, participant=user, privacy_acknowledged=False)
    later = CohortFactory(registration_opens_at=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(services.RegistrationNotOpenYetError):
        _register(later, user)
    closed = CohortFactory(
        registration_opens_at=timezone.now() - dt.timedelta(days=3),
        registration_closes_at=timezone.now() - dt.timedelta(days=1),
    )
    with pytest.raises(services.RegistrationClosedError):
        _register(closed, user)
    assert not Registration.objects.exists()


def test_cancelling_promotes_first_waitlisted_and_sends_exactly_one_promotion_mail():
    cohort = CohortFactory(requires_approval=False, capacity=1)
    seated = _register(cohort)
    first_waiting = _register(cohort)
    second_waiting = _register(cohort)
    services.registration_cancel(registration=seated, by=seated.participant)
    seated.refresh_from_db()
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert seated.status == Status.CANCELLED
    assert seated.cancelled_by == seated.participant
    assert seated.cancelled_at is not None
    assert first_waiting.status == Status.CONFIRMED
    assert first_waiting.waitlist_order is None
    assert second_waiting.status == Status.WAITLISTED
    assert waitlist.waitlist_position(registration=second_waiting) == 1
    assert first_waiting.notifications.filter(kind="promoted").count() == 1
    assert list(
        AuditEntry.objects.filter(cohort=cohort).order_by("pk").values_list("action", flat=True)
    ) == ["confirmed", "waitlisted", "waitlisted", "cancelled", "promoted"]


def test_rejecting_a_pending_registration_frees_its_seat_for_the_waiting_list(coordinator):
    cohort = CohortFactory(requires_approval=True, capacity=1)
    pending = _register(cohort)
    waiting = _register(cohort)
    services.registration_reject(registration=pending, by=coordinator)
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING
    assert pending.notifications.filter(kind="rejected").count() == 1


def test_approval_confirms_pending_and_refuses_other_states(coordinator):
    cohort = CohortFactory(requires_approval=True, capacity=1)
    pending = _register(cohort)
    waiting = _register(cohort)
    services.registration_approve(registration=pending, by=coordinator)
    pending.refresh_from_db()
    assert pending.status == Status.CONFIRMED
    with pytest.raises(services.RegistrationError):
        services.registration_approve(registration=waiting, by=coordinator)


def test_reordering_swaps_neighbours_and_manual_promotion_needs_a_free_seat(coordinator):
    cohort = CohortFactory(requires_approval=False, capacity=1)
    _register(cohort)
    first, second = _register(cohort), _register(cohort)
    waitlist.registration_move(registration=second, direction="up", by=coordinator)
    first.refresh_from_db()
    second.refresh_from_db()
    assert waitlist.waitlist_position(registration=second) == 1
    assert waitlist.waitlist_position(registration=first) == 2
    with pytest.raises(registration_errors.NoFreeSeatError):
        waitlist.registration_promote(registration=first, by=coordinator)


def test_bulk_approve_skips_registrations_in_other_states(coordinator):
    cohort = CohortFactory(requires_approval=True, capacity=2)
    pending = [_register(cohort), _register(cohort)]
    waiting = _register(cohort)
    changed, skipped = services.registrations_bulk_update(
        cohort=cohort,
        ids=[pending[0].pk, pending[1].pk, waiting.pk],
        action="approve",
        by=coordinator,
    )
    assert (changed, skipped) == (2, 1)


def test_cancelled_participant_may_register_again():
    cohort = CohortFactory(requires_approval=False, capacity=5)
    profile = ParticipantProfileFactory()
    registration = _register(cohort, profile.user)
    services.registration_cancel(registration=registration, by=profile.user)
    again = _register(cohort, profile.user)
    assert again.pk == registration.pk
    assert again.status == Status.CONFIRMED
    assert again.cancelled_at is None


def test_optional_consents_are_recorded_only_when_given():
    cohort = CohortFactory()
    user = ParticipantProfileFactory().user
    _register(cohort, user, consents={"share_contact": True, "photos": False})
    assert sorted(ConsentRecord.objects.values_list("kind", "granted")) == [
        ("privacy_notice", True),
        ("share_contact", True),
    ]


def test_cancelling_a_cohort_cancels_every_active_registration_and_tells_each_person(
    coordinator, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(requires_approval=False, capacity=1)
    confirmed, waiting = _register(cohort), _register(cohort)
    elsewhere = _register(CohortFactory(requires_approval=False))
    with django_capture_on_commit_callbacks(execute=True):
        count = program_services.cohort_cancel(cohort=cohort, by=coordinator)
    cohort.refresh_from_db()
    assert (count, cohort.status) == (2, "cancelled")
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert [statuses[r.pk] for r in (confirmed, waiting, elsewhere)] == [
        "cancelled",
        "cancelled",
        "confirmed",
    ]
    assert Registration.objects.get(pk=waiting.pk).waitlist_order is None
    cancelled_mails = [m for m in mail.outbox if "iptal edildi" in m.subject]
    assert sorted(m.to[0] for m in cancelled_mails) == sorted(
        [confirmed.participant.email, waiting.participant.email]
    )
    assert cancelled_mails[0].subject == f"[Genç İşi] Eğitim dönemi iptal edildi: {cohort.title}"
    assert "Sizin bir şey yapmanız gerekmiyor." in cancelled_mails[0].body
    assert AuditEntry.objects.filter(cohort=cohort, action="cancelled").count() == 2


# Boundaries of the seat rule (services.registrations._free_seats) and of the window


@pytest.mark.parametrize(
    ("requires_approval", "seat"), [(False, Status.CONFIRMED), (True, Status.PENDING)]
)
def test_the_last_seat_goes_to_the_nth_registrant_and_the_next_one_waits(requires_approval, seat):
    cohort = CohortFactory(requires_approval=requires_approval, capacity=3)
    assert [_register(cohort).status for _ in range(4)] == [seat, seat, seat, Status.WAITLISTED]


def test_confirmed_and_pending_registrations_together_fill_the_seats(coordinator):
    cohort = CohortFactory(requires_approval=True, capacity=2)
    first = _register(cohort)
    services.registration_approve(registration=first, by=coordinator)
    assert _register(cohort).status == Status.PENDING  # the last seat: one confirmed, one pending
    assert _register(cohort).status == Status.WAITLISTED


def test_a_manual_promotion_takes_the_last_free_seat_and_no_more(coordinator):
    cohort = CohortFactory(requires_approval=False, capacity=1)
    _register(cohort)
    first, second = _register(cohort), _register(cohort)
    Cohort.objects.filter(pk=cohort.pk).update(capacity=2)  # one seat free, nobody moved up yet
    promoted = waitlist.registration_promote(registration=second, by=coordinator)
    assert promoted.status == Status.CONFIRMED
    with pytest.raises(registration_errors.NoFreeSeatError):
        waitlist.registration_promote(registration=first, by=coordinator)


def test_registration_opens_at_its_opening_second_and_closes_at_its_closing_second():
    opens = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    closes = opens + dt.timedelta(days=10)
    cohort = CohortFactory(
        requires_approval=False, registration_opens_at=opens, registration_closes_at=closes
    )
    second = dt.timedelta(seconds=1)
    with time_machine.travel(opens - second, tick=False):
        assert not cohort.registration_is_open
        with pytest.raises(services.RegistrationNotOpenYetError):
            _register(cohort)
    with time_machine.travel(opens, tick=False):
        assert cohort.registration_is_open
        assert _register(cohort).status == Status.CONFIRMED
    with time_machine.travel(closes - second, tick=False):
        assert cohort.registration_is_open
        assert _register(cohort).status == Status.CONFIRMED
    with time_machine.travel(closes, tick=False):
        assert not cohort.registration_is_open
        with pytest.raises(services.RegistrationClosedError):
            _register(cohort)


def test_acknowledgement_at_sign_up_covers_the_registration_and_is_what_it_records():
    user = ParticipantProfileFactory().user
    at_sign_up = privacy_notice_acknowledge(user=user)

    registration = services.registration_create(
        cohort=CohortFactory(), participant=user, privacy_acknowledged=False
    )

    assert (registration.privacy_notice_version, registration.privacy_acknowledged_at) == (
        privacy.VERSION,
        at_sign_up.created_at,
    )
    assert ConsentRecord.objects.filter(kind="privacy_notice").count() == 1


def test_acknowledging_with_the_registration_records_it_and_the_registration_points_to_it():
    user = ParticipantProfileFactory().user
    privacy_notice_acknowledge(user=user)

    registration = _register(CohortFactory(), user)

    latest = ConsentRecord.objects.filter(user=user, kind="privacy_notice").first()
    assert ConsentRecord.objects.filter(kind="privacy_notice").count() == 2
    assert registration.privacy_acknowledged_at == latest.created_at


def test_a_new_notice_version_must_be_acknowledged_again(monkeypatch):
    user = ParticipantProfileFactory().user
    privacy_notice_acknowledge(user=user)
    monkeypatch.setattr(privacy, "VERSION", "2027-01-new")

    with pytest.raises(services.PrivacyNoticeNotAcknowledgedError):
        services.registration_create(
            cohort=CohortFactory(), participant=user, privacy_acknowledged=False
        )
    registration = _register(CohortFactory(), user)

    assert registration.privacy_notice_version == "2027-01-new"


# What `registration_create` does while it holds the cohort's lock (issue 15: 200 people
# registering at once all wait for it): count, decide, insert — the e-mail rendered before it.


def _register_plainly(cohort, user=None):
    return _register(cohort, user, consents={}, answers={})


def _what_it_does(monkeypatch, call) -> list:
    """The round trips to the database (each a list of its statements' first words and table)
    and the cache writes (`cache <key>`) of `call`, in order."""
    events = []

    def label(sql: str) -> str:
        table = re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', sql)
        lock = " FOR UPDATE" if "FOR UPDATE" in sql else ""
        return f"{sql.split(maxsplit=1)[0]} {table[1] if table else sql.split()[1]}{lock}"

    def statement(execute, sql, params, many, context):
        events.append([label(part) for part in sql.split(";\n")])
        return execute(sql, params, many, context)

    real_set, real_set_many = cache.set, cache.set_many

    def cache_set(key, *args, **kwargs):
        events.append(f"cache {key}")
        return real_set(key, *args, **kwargs)

    def cache_set_many(data, *args, **kwargs):
        events.extend(f"cache {key}" for key in data)
        return real_set_many(data, *args, **kwargs)

    monkeypatch.setattr(cache, "set", cache_set)
    monkeypatch.setattr(cache, "set_many", cache_set_many)
    with connection.execute_wrapper(statement):
        call()
    return events


def _locked(events: list) -> list:
    """From the round trip of the cohort's SELECT … FOR UPDATE to the end of the
    registration's transaction (a savepoint in the test's transaction; a COMMIT in
    production)."""
    start = next(
        i
        for i, event in enumerate(events)
        if isinstance(event, list) and event[0].endswith("FOR UPDATE")
    )
    return events[start:]


@pytest.mark.parametrize("full", [False, True], ids=["seat", "waiting list"])
def test_the_lock_is_held_for_three_round_trips_and_no_cache_write(monkeypatch, full):
    """Issue 15: 200 people registering at once each wait for every round trip the one before
    them makes in the lock."""
    cohort = CohortFactory(requires_approval=False, capacity=1)
    SessionFactory(cohort=cohort, online_url="https://toplanti.example.org/a")
    if full:
        RegistrationFactory(cohort=cohort, status=Status.CONFIRMED)
    ContentType.objects.get_for_model(Registration)  # as every process has it after its first
    events = _what_it_does(monkeypatch, lambda: _register_plainly(cohort))
    assert _locked(events) == [
        [
            "SELECT programs_cohort FOR UPDATE",  # the lock
            "SELECT participants_registration",  # the seats, and whether theirs is there already
            "SELECT nextval(pg_get_serial_sequence(%s,",  # the keys of the registration, e-mail
        ],
        [
            "INSERT participants_registration",
            "INSERT participants_auditentry",
            "INSERT participants_notification",  # rendered before the lock
        ],
        ["RELEASE SAVEPOINT"],  # the end of the registration's transaction
    ]


def test_registering_again_after_cancelling_updates_the_earlier_row_in_the_lock(monkeypatch):
    cohort = CohortFactory(requires_approval=False, capacity=1)
    user = ParticipantProfileFactory().user
    earlier = RegistrationFactory(cohort=cohort, participant=user, status=Status.CANCELLED)
    ContentType.objects.get_for_model(Registration)
    events = _what_it_does(monkeypatch, lambda: _register_plainly(cohort, user))
    assert _locked(events) == [
        [
            "SELECT programs_cohort FOR UPDATE",
            "SELECT participants_registration",
            "SELECT nextval(pg_get_serial_sequence(%s,",  # the e-mail's key only
        ],
        ["UPDATE participants_registration"],
        ["INSERT participants_auditentry", "INSERT participants_notification"],
        # their earlier answers replaced (none here): deleted by one statement, not read first
        # (no receiver of its delete signals: core.generations watches the SQL)
        ["DELETE participants_registrationanswer"],
        ["RELEASE SAVEPOINT"],
    ]
    registration = Registration.objects.get(participant=user)
    assert (registration.pk, registration.status) == (earlier.pk, Status.CONFIRMED)
    assert Notification.objects.get(about_id=registration.pk).kind == "confirmed"
    assert (
        AuditEntry.objects.filter(registration=registration).values_list("action", flat=True).get()
        == AuditEntry.Action.CONFIRMED
    )


def test_the_cache_generations_are_replaced_before_the_lock(monkeypatch):
    cohort = CohortFactory(requires_approval=False)
    events = _what_it_does(monkeypatch, lambda: _register_plainly(cohort))
    lock = events.index(_locked(events)[0])
    assert {event for event in events[:lock] if isinstance(event, str)} == {
        f"cache {page_cache.GENERATION_KEY}",
        f"cache {figure_cache.GENERATION_KEY}",
    }
    assert not [event for event in events[lock:] if isinstance(event, str)]


def _as_rendered_now(notification: Notification, registration: Registration, **context):
    """The e-mail rendered after the fact from the saved registration."""
    return notification_preview(
        request=NotificationRequest(
            recipient=registration.participant,
            kind=notification.kind,
            dedupe_key=notification.dedupe_key,
            about=registration,
            context=context,
        )
    )


@pytest.mark.parametrize(
    ("approval", "taken", "kind", "position"),
    [
        (False, 0, "confirmed", None),
        (True, 0, "received", None),
        (False, 2, "waitlisted", 2),
    ],
)
def test_the_email_rendered_before_the_lock_is_the_one_the_outcome_calls_for(
    approval, taken, kind, position
):
    cohort = CohortFactory(requires_approval=approval, capacity=1, online_url="")
    SessionFactory(cohort=cohort, title="Açılış", online_url="https://toplanti.example.org/a")
    if taken:
        RegistrationFactory(cohort=cohort, status=Status.CONFIRMED)
        RegistrationFactory(cohort=cohort, status=Status.WAITLISTED, waitlist_order=1)
    registration = _register_plainly(cohort)
    assert registration.position == position
    notification = Notification.objects.get(about_id=registration.pk)
    context = {"position": position} if position else {}
    saved = Registration.objects.get(pk=registration.pk)
    expected = _as_rendered_now(notification, saved, **context)
    assert notification.kind == kind
    assert (notification.subject, notification.body, notification.html) == (
        expected.subject,
        expected.body,
        expected.html,
    )
    if kind == "confirmed":
        assert "https://toplanti.example.org/a" in notification.body
    if kind == "waitlisted":
        assert "\ue000" not in notification.body + notification.html


def test_when_the_lock_decides_otherwise_than_expected_the_email_is_rendered_again(
    monkeypatch,
):
    """The last seat went to someone else between the look before the lock and the lock (the
    look is the only call of `seat_counts`: the lock counts in its own round trip)."""
    cohort = CohortFactory(requires_approval=False, capacity=1)
    real = services.seat_counts
    looks = []

    def before_the_last_seat_went(cohort, *, participant=None):
        counts = real(cohort, participant=participant)
        looks.append(counts)
        if len(looks) == 1:  # the look before the lock: a seat seemed free
            return dataclasses.replace(counts, free=1)
        return counts

    monkeypatch.setattr(services, "seat_counts", before_the_last_seat_went)
    RegistrationFactory(cohort=cohort, status=Status.CONFIRMED)
    registration = _register_plainly(cohort)
    assert (registration.status, registration.position) == (Status.WAITLISTED, 1)
    assert [counts.free for counts in looks] == [0]  # before the lock, as it really was
    notification = Notification.objects.get(about_id=registration.pk)
    expected = _as_rendered_now(notification, registration, position=1)
    assert notification.kind == "waitlisted"
    assert (notification.subject, notification.body) == (expected.subject, expected.body)


def test_registered_again_meanwhile_by_another_request_of_theirs_is_reported_with_that_row(
    monkeypatch,
):
    """Their other request registered them again between this one's look (a cancelled
    registration) and its lock: the seat count in the lock sees it; nothing of this request is
    kept."""
    cohort = CohortFactory(requires_approval=False)
    user = ParticipantProfileFactory().user
    theirs = RegistrationFactory(cohort=cohort, participant=user, status=Status.CONFIRMED)
    real = services._before_the_lock

    def looked_while_it_was_cancelled(**kwargs):
        Registration.objects.filter(pk=theirs.pk).update(status=Status.CANCELLED)
        try:
            return real(**kwargs)
        finally:
            Registration.objects.filter(pk=theirs.pk).update(status=Status.CONFIRMED)

    monkeypatch.setattr(services, "_before_the_lock", looked_while_it_was_cancelled)
    with pytest.raises(services.AlreadyRegisteredError) as raised:
        _register_plainly(cohort, user)
    assert (raised.value.registration, raised.value.registration.status) == (
        theirs,
        Status.CONFIRMED,
    )
    assert list(Registration.objects.filter(cohort=cohort)) == [theirs]
    assert not Notification.objects.filter(about_id=theirs.pk).exists()
