"""participants models, one module per concern."""

from participants.models.attendance import Attendance
from participants.models.evaluations import (
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySubmission,
)
from participants.models.registrations import (
    AuditEntry,
    ConsentRecord,
    Organization,
    ParticipantProfile,
    Registration,
)
from participants.models.requests import RegistrationRequest

__all__ = [
    "Attendance",
    "AuditEntry",
    "ConsentRecord",
    "Organization",
    "ParticipantProfile",
    "Registration",
    "RegistrationRequest",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveySubmission",
]
