"""Why a registration cannot be made or changed: each error carries a message for the person
(raised by services/registrations.py, shown by the views)."""

from django.utils.translation import gettext_lazy as _

from participants.models import Registration


class RegistrationError(Exception):
    """A registration that cannot be made or changed; `message` is for the person."""

    message = _("This registration cannot be changed.")

    def __init__(self, message=None, *, registration: Registration | None = None) -> None:
        self.registration = registration
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class RegistrationNotOpenYetError(RegistrationError):
    message = _("Registration for this cohort has not opened yet.")


class RegistrationClosedError(RegistrationError):
    message = _("Registration for this cohort is closed.")


class AlreadyRegisteredError(RegistrationError):
    message = _("You have already registered for this cohort.")


class ProfileMissingError(RegistrationError):
    message = _("Please complete your participant profile before registering.")


class PrivacyNoticeNotAcknowledgedError(RegistrationError):
    message = _("Please confirm that you have read the privacy notice.")


class NoFreeSeatError(RegistrationError):
    message = _("There is no free seat. Raise the capacity or cancel a registration first.")
