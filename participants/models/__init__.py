"""participants models, one module per concern."""

from participants.models.answers import RegistrationAnswer
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

__all__ = [
    "Attendance",
    "AuditEntry",
    "ConsentRecord",
    "Organization",
    "ParticipantProfile",
    "Registration",
    "RegistrationAnswer",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveySubmission",
]
