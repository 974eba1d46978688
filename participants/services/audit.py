"""The audit log: one row per change a coordinator may need to trace."""

from participants.models import AuditEntry


def audit_log(
    *, actor, action: str, cohort=None, registration=None, detail: str = ""
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        cohort=cohort,
        registration=registration,
        detail=detail[:300],
    )
