"""The one-step registration of a cohort page: the forms it is composed of.

- the site's sign-up form (allauth's, completed by forms.signup.SignupForm: name, e-mail,
  password, the privacy notice), without the repeated password;
- the participant profile but the name: the organisation (search, or a new one with its
  province), title and phone, with the profile page's rules;
- the forms of the registration step (`registration_step_forms`): whatever RegisterView asks
  a person who has just acknowledged the privacy notice is asked here too.
"""

from allauth.account import app_settings as allauth_settings
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.utils import get_form_class
from django import forms

from participants.forms.answers import RegistrationAnswersForm
from participants.forms.profile import ParticipantProfileForm
from participants.forms.registrations import RegistrationForm

# The fields of the profile form it asks: the organisation (chosen or added), title, phone.
PROFILE_FIELDS = (
    "organization",
    "organization_query",
    "new_organization_name",
    "new_organization_kind",
    "new_organization_cooperative_kind",
    "new_organization_province",
    "new_organization_district",
    "new_organization_website",
    "title",
    "phone",
)


def signup_form(data=None) -> forms.Form:
    """The sign-up form the site uses (ACCOUNT_FORMS / ACCOUNT_SIGNUP_FORM_CLASS), one
    password field: on a phone, typing it twice costs more than a reset link."""
    form_class = get_form_class(allauth_settings.FORMS, "signup", AllauthSignupForm)
    form = form_class(data)
    form.fields.pop("password2", None)
    form.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
    form.fields["password1"].widget.attrs["autocomplete"] = "new-password"
    return form


class ProfilePartForm(ParticipantProfileForm):
    """The participant profile without the name (the sign-up form asks it), with its rules:
    pick an organisation or add one with its kind and province; the phone as the profile page
    asks it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in PROFILE_FIELDS:
                del self.fields[name]

    def profile_values(self) -> dict:
        """What the verification turns into the profile (JSON: ids, not objects)."""
        data = self.cleaned_data
        person = {"title": data["title"], "phone": data["phone"]}
        if data.get("organization"):
            return {"organization": data["organization"].pk, **person}
        return {
            **person,
            "organization": None,
            "new_organization": {
                "name": data["new_organization_name"],
                "kind": data["new_organization_kind"],
                "cooperative_kind": data["new_organization_cooperative_kind"],
                "province": data["new_organization_province"].pk,
                "district": data["new_organization_district"],
                "website": data["new_organization_website"],
            },
        }


def registration_step_forms(*, cohort, data=None) -> dict[str, forms.Form]:
    """The registration step's forms as a new person meets them (their privacy notice is
    acknowledged with the sign-up form). A form the step gains belongs here too (with its
    values in `registration_step_values`), so that the one-step form asks it."""
    return {
        "registration": RegistrationForm(data, needs_acknowledgement=False),
        "answers": RegistrationAnswersForm(data, cohort=cohort),
    }


def registration_step_values(step_forms: dict[str, forms.Form]) -> dict:
    """The valid step forms → `registration_create`'s keyword arguments (JSON-ready)."""
    registration = step_forms["registration"].cleaned_data
    return {
        "consents": {
            "share_contact": registration["share_contact"],
            "photos": registration["photos"],
        },
        "answers": {str(pk): value for pk, value in step_forms["answers"].answers().items()},
    }
