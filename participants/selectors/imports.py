"""Reads of participant imports: a cohort's imports, a preview's summary, and whether an
imported person still has to acknowledge the privacy notice."""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from participants.imports.checking import PROBLEMS, organization_key, problem_text
from participants.models import ImportBatch, ImportInvitation
from participants.selectors.privacy import has_acknowledged_current_notice


def _kept():
    """Every batch but the previews past their time (deleted hourly: until then, gone too)."""
    expired = timezone.now() - timedelta(hours=settings.PARTICIPANT_IMPORT_PREVIEW_HOURS)
    return ImportBatch.objects.exclude(status=ImportBatch.Status.PREVIEW, created_at__lt=expired)


def import_batch_get(*, cohort, pk: int) -> ImportBatch | None:
    return _kept().filter(cohort=cohort, pk=pk).first()


def import_progress_get(*, cohort, pk: int) -> ImportBatch | None:
    """The batch without its rows (what the progress bar reads every two seconds)."""
    return ImportBatch.objects.defer("rows").filter(cohort=cohort, pk=pk).first()


def import_batches_recent(*, cohort, limit: int = 10) -> list[ImportBatch]:
    return list(_kept().defer("rows").filter(cohort=cohort)[:limit])


def import_preview_summary(*, batch: ImportBatch) -> dict:
    """Counts for the preview's head: rows, rows to import, new and existing accounts, new and
    matched organisations, and each problem with its number of rows."""
    rows = batch.rows
    good = [row for row in rows if not row["problems"]]
    problems = Counter(code for row in rows for code in row["problems"])
    new_organizations = {
        organization_key(row["organization"])
        for row in good
        if row["organization"] and not row["organization_id"]
    }
    return {
        "rows": len(rows),
        "importable": len(good),
        "with_problems": len(rows) - len(good),
        "new_accounts": sum(1 for row in good if row["account"] == "new"),
        "existing_accounts": sum(1 for row in good if row["account"] == "existing"),
        "new_organizations": len(new_organizations),
        "matched_organizations": sum(1 for row in good if row["organization_id"]),
        "problems": [(problem_text(code), problems[code]) for code in PROBLEMS if problems[code]],
    }


def invitation_pending(*, user) -> bool:
    """Whether this person's account was opened by an import and they have not acknowledged the
    current privacy notice yet: "Kayıtlarım" asks for it before anything else."""
    return ImportInvitation.objects.filter(
        user=user, accepted_at__isnull=True
    ).exists() and not has_acknowledged_current_notice(user=user)
