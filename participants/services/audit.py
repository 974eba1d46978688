"""The audit log: one row per change a coordinator may need to trace."""

from participants.models import AuditEntry


def audit_entry(
    *, actor, action: str, cohort=None, registration=None, detail: str = ""
) -> AuditEntry:
    """The row `audit_log` saves, not saved (for a caller that inserts it with rows of its
    own in one round trip: core.compiled.insert_statement)."""
    return AuditEntry(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        cohort=cohort,
        registration=registration,
        detail=detail[:300],
    )


def audit_log(
    *, actor, action: str, cohort=None, registration=None, detail: str = ""
) -> AuditEntry:
    entry = audit_entry(
        actor=actor, action=action, cohort=cohort, registration=registration, detail=detail
    )
    entry.save(force_insert=True)
    return entry
