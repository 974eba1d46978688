"""participants models, one module per concern."""

from participants.models.answers import RegistrationAnswer
from participants.models.attendance import Attendance
from participants.models.calendar import CalendarFeed
from participants.models.evaluations import (
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySubmission,
)
from participants.models.imports import ImportBatch, ImportInvitation
from participants.models.messages import CohortMessage
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
    "CalendarFeed",
    "CohortMessage",
    "ConsentRecord",
    "ImportBatch",
    "ImportInvitation",
    "Organization",
    "ParticipantProfile",
    "Registration",
    "RegistrationAnswer",
    "RegistrationRequest",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveySubmission",
]
