"""What participants says when a cohort is copied (programs/extensions.py): it copies nothing,
as everything it holds about a cohort is about people."""

from django.utils.translation import gettext as _

from participants.models import Attendance, Registration, RegistrationAnswer, SurveyResponse
from programs.extensions import CopyLine


def cohort_copy_lines(source, _copy) -> list[CopyLine]:
    return [
        CopyLine(_("Registrations"), Registration.objects.filter(cohort=source).count(), False),
        CopyLine(
            _("Answers to registration questions"),
            RegistrationAnswer.objects.filter(registration__cohort=source).count(),
            False,
        ),
        CopyLine(
            _("Attendance records"),
            Attendance.objects.filter(session__cohort=source).count(),
            False,
        ),
        CopyLine(
            _("Survey responses"), SurveyResponse.objects.filter(cohort=source).count(), False
        ),
    ]
