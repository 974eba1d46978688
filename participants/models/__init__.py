"""participants models, one module per concern."""

from participants.models.attendance import Attendance
from participants.models.evaluations import (
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySubmission,
)
from participants.models.imports import ImportBatch, ImportInvitation
from participants.models.registrations import (
    AuditEntry,
    ConsentRecord,
    Organization,
    ParticipantProfile,
    Registration,
)

__all__ = [
    "Attendance",
    "AuditEntry",
    "ConsentRecord",
    "ImportBatch",
    "ImportInvitation",
    "Organization",
    "ParticipantProfile",
    "Registration",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveySubmission",
]
