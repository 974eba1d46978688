"""Importing participants: keeping a checked upload (nothing else is written until the
coordinator confirms), confirming it, and the background work through its rows in steps of
`PARTICIPANT_IMPORT_BATCH_SIZE`, each step a fixed number of queries whatever its size.

Accounts are found by e-mail (whatever its case) or created without a password; a new person
gets an invitation e-mail whose link sets a password after the privacy notice is acknowledged.
Registrations follow the seat rule of online registration (`seats.seats_allocate`, the cohort
row locked): a seat while there is one, the waiting list after. A person already registered for
the cohort, in any state, is left as they are, so importing a file again changes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.background import enqueue_on_commit
from notifications.services import NotificationRequest, notifications_queue
from participants import privacy
from participants.emails import INVITATION, RegistrationEmail
from participants.imports.checking import (
    DISTRICT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    organization_key,
    rows_check,
)
from participants.imports.invitations import invitation_url
from participants.imports.reading import Table
from participants.models import (
    AuditEntry,
    ConsentRecord,
    ImportBatch,
    ImportInvitation,
    Organization,
    ParticipantProfile,
    Registration,
)
from participants.services.seats import lock_cohort, seats_allocate
from programs.models import Cohort

Status = Registration.Status
_AUDIT_ACTIONS = {
    Status.PENDING: AuditEntry.Action.REGISTERED,
    Status.CONFIRMED: AuditEntry.Action.CONFIRMED,
    Status.WAITLISTED: AuditEntry.Action.WAITLISTED,
}
_EMAILS = {
    Status.PENDING: RegistrationEmail.RECEIVED,
    Status.CONFIRMED: RegistrationEmail.CONFIRMED,
    Status.WAITLISTED: RegistrationEmail.WAITLISTED,
}


class ImportBatchError(Exception):
    def __init__(self, message) -> None:
        self.message = message
        super().__init__(str(message))


def import_batch_create(*, cohort: Cohort, table: Table, filename: str, by) -> ImportBatch:
    """Keep the checked rows of an upload for the coordinator's preview (the only write)."""
    rows = rows_check(table=table, cohort=cohort)
    return ImportBatch.objects.create(
        cohort=cohort,
        created_by=by,
        filename=filename[:200],
        sha256=table.sha256,
        rows=rows,
        total=sum(1 for row in rows if not row["problems"]),
    )


def import_batch_discard(*, batch: ImportBatch) -> None:
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().filter(pk=batch.pk).first()
        if locked is None or not locked.is_preview:
            raise ImportBatchError(_("This import was already confirmed."))
        locked.delete()


def import_previews_expire() -> int:
    """Delete the previews nobody confirmed within `PARTICIPANT_IMPORT_PREVIEW_HOURS` of the
    upload: their rows hold names and e-mails of people who were never imported. Returns how
    many were deleted (a confirmed import is never touched)."""
    expired = timezone.now() - timedelta(hours=settings.PARTICIPANT_IMPORT_PREVIEW_HOURS)
    deleted, _by_model = ImportBatch.objects.filter(
        status=ImportBatch.Status.PREVIEW, created_at__lt=expired
    ).delete()
    return deleted


def import_batch_confirm(*, batch: ImportBatch) -> ImportBatch:
    """The coordinator confirmed the preview: the rows without problems are imported in the
    background (after commit)."""
    from participants.tasks import import_participants

    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if not locked.is_preview:
            raise ImportBatchError(_("This import was already confirmed."))
        locked.status = ImportBatch.Status.QUEUED
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["status", "confirmed_at"])
        enqueue_on_commit(import_participants, {"batch_id": locked.pk})
    return locked


def import_batch_run(*, batch_id: int) -> None:
    """Work through a confirmed import, one committed step at a time (the progress bar reads
    `processed`). Run again — a worker restarted, the task delivered twice — it goes on where
    it stopped; a finished import is left alone. When done, the rows' personal data is removed
    and only the counters stay."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.status in (ImportBatch.Status.PREVIEW, ImportBatch.Status.DONE):
        return
    rows = [row for row in batch.rows if not row["problems"]]
    size = settings.PARTICIPANT_IMPORT_BATCH_SIZE
    while True:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().defer("rows").get(pk=batch_id)
            if locked.status == ImportBatch.Status.DONE:
                return
            chunk = rows[locked.processed : locked.processed + size]
            if not chunk:
                ImportBatch.objects.filter(pk=batch_id).update(
                    status=ImportBatch.Status.DONE, finished_at=timezone.now(), rows=[]
                )
                return
            outcome = import_rows(batch=locked, rows=chunk)
            locked.status = ImportBatch.Status.RUNNING
            locked.processed += len(chunk)
            locked.accounts_created += outcome["accounts_created"]
            locked.registered += outcome["registered"]
            locked.waitlisted += outcome["waitlisted"]
            locked.skipped += outcome["skipped"]
            locked.save(
                update_fields=[
                    "status",
                    "processed",
                    "accounts_created",
                    "registered",
                    "waitlisted",
                    "skipped",
                ]
            )


def _users_by_email(emails: list[str]) -> dict[str, User]:
    return {
        user.email_key: user
        for user in User.objects.annotate(email_key=Lower("email")).filter(email_key__in=emails)
    }


def _accounts(rows: list[dict]) -> tuple[dict[str, User], set[int]]:
    """Every row's account, found by e-mail or created without a password; and the ids of
    those created now."""
    emails = [row["email"] for row in rows]
    users = _users_by_email(emails)
    missing = {row["email"]: row for row in rows if row["email"] not in users}
    if not missing:
        return users, set()
    User.objects.bulk_create(
        [
            User(email=email, full_name=row["full_name"], password=make_password(None))
            for email, row in missing.items()
        ],
        ignore_conflicts=True,
    )
    users = _users_by_email(emails)
    return users, {users[email].pk for email in missing}


def _organizations(rows: list[dict]) -> dict[str, Organization]:
    """Each named organisation by its search key: registered ones, and new ones created (the
    rows' first mention gives kind, province and district)."""
    keys = {organization_key(row["organization"]) for row in rows if row["organization"]}
    found = {}
    for organization in Organization.objects.filter(search_name__in=keys).order_by("-pk"):
        found[organization.search_name] = organization
    new = {}
    for row in rows:
        key = organization_key(row["organization"]) if row["organization"] else ""
        if key and key not in found and key not in new and row["province_id"]:
            new[key] = Organization(
                name=row["organization"],
                search_name=key,
                kind=row["organization_kind"],
                cooperative_kind=row["cooperative_kind"],
                province_id=row["province_id"],
                district=row["district"][:DISTRICT_MAX_LENGTH],
            )
    if new:
        Organization.objects.bulk_create(new.values())
    return found | new


def _profiles(rows: list[dict], users: dict[str, User], organizations) -> None:
    """A participant profile for whoever has none yet and whose row names an organisation;
    existing profiles are never changed."""
    ids = [user.pk for user in users.values()]
    having = set(
        ParticipantProfile.objects.filter(user_id__in=ids).values_list("user_id", flat=True)
    )
    profiles = {}
    for row in rows:
        user = users[row["email"]]
        organization = organizations.get(organization_key(row["organization"]))
        if organization is not None and user.pk not in having and user.pk not in profiles:
            profiles[user.pk] = ParticipantProfile(
                user=user,
                organization=organization,
                title=row["title"][:TITLE_MAX_LENGTH],
                phone=row["phone"] if row["phone"].startswith("+") else "",
            )
    if profiles:
        ParticipantProfile.objects.bulk_create(profiles.values())


def _acknowledgements(ids: list[int]) -> dict[int, ConsentRecord]:
    """Each person's latest acknowledgement of the current privacy notice (it covers their
    registration, as it would online)."""
    latest = {}
    for record in ConsentRecord.objects.filter(
        user_id__in=ids,
        kind=ConsentRecord.Kind.PRIVACY_NOTICE,
        granted=True,
        notice_version=privacy.VERSION,
    ).order_by("created_at", "pk"):
        latest[record.user_id] = record
    return latest


def _emails(registrations, waiting_before: int, invited: set[int]) -> None:
    requests = []
    position = waiting_before
    for registration in registrations:
        user = registration.participant
        context = {}
        if registration.status == Status.WAITLISTED:
            position += 1
            context["position"] = position
        if user.pk in invited:
            kind, key = INVITATION, f"{INVITATION}:{registration.pk}"
            context["invitation_url"] = invitation_url(user)
            context["invitation_days"] = settings.PARTICIPANT_INVITATION_MAX_AGE_DAYS
        else:
            kind = _EMAILS[registration.status]
            key = f"{kind}:{registration.pk}:{registration.status_changed_at.isoformat()}"
        requests.append(
            NotificationRequest(
                recipient=user, kind=kind, dedupe_key=key, about=registration, context=context
            )
        )
    notifications_queue(requests=requests)


def import_rows(*, batch: ImportBatch, rows: list[dict]) -> dict[str, int]:
    """Import checked rows into the batch's cohort: a fixed number of queries for any number
    of rows. Call inside a transaction. Returns the counts of this step."""
    cohort = lock_cohort(batch.cohort)
    # The confirmation e-mails carry the meeting links of the cohort's sessions: read once.
    prefetch_related_objects([cohort], "sessions")
    users, created = _accounts(rows)
    organizations = _organizations(rows)
    _profiles(rows, users, organizations)
    ids = [user.pk for user in users.values()]
    registered = set(
        Registration.objects.filter(cohort=cohort, participant_id__in=ids).values_list(
            "participant_id", flat=True
        )
    )
    people = []
    for row in rows:
        user = users[row["email"]]
        if user.is_active and user.pk not in registered:
            registered.add(user.pk)
            people.append(user)
    pending_invitations = set(
        ImportInvitation.objects.filter(user_id__in=ids, accepted_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    ImportInvitation.objects.bulk_create(
        [ImportInvitation(user_id=pk, batch=batch) for pk in created], ignore_conflicts=True
    )
    acknowledgements = _acknowledgements([user.pk for user in people])
    waiting_before = Registration.objects.filter(cohort=cohort, status=Status.WAITLISTED).count()
    now = timezone.now()
    registrations = []
    for user, (status, order) in zip(people, seats_allocate(cohort, len(people)), strict=True):
        acknowledgement = acknowledgements.get(user.pk)
        registrations.append(
            Registration(
                cohort=cohort,
                participant=user,
                status=status,
                waitlist_order=order,
                status_changed_at=now,
                privacy_notice_version=acknowledgement.notice_version if acknowledgement else "",
                privacy_acknowledged_at=acknowledgement.created_at if acknowledgement else None,
            )
        )
    Registration.objects.bulk_create(registrations)
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=batch.created_by,
            action=_AUDIT_ACTIONS[registration.status],
            cohort=cohort,
            registration=registration,
            detail=f"import #{batch.pk}",
        )
        for registration in registrations
    )
    _emails(registrations, waiting_before, created | pending_invitations)
    waitlisted = sum(
        1 for registration in registrations if registration.status == Status.WAITLISTED
    )
    return {
        "accounts_created": len(created),
        "registered": len(registrations) - waitlisted,
        "waitlisted": waitlisted,
        "skipped": len(rows) - len(registrations),
    }
