"""Which URLs take input, who may use them, and what a request really reads.

Every URL pattern is declared in the access matrix (`tests/test_access_matrix.py`): with its
objects (`db_objects`) and the status each role gets. A URL is used here as the least privileged
role that the matrix lets through (2xx, else a non-login 3xx); `REACH` says how to get to the
forms that the matrix's objects keep closed (a survey that is not open, someone else's
registration, a broken link).
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from tests.test_access_matrix import LOGIN, MATRIX, ROLES, _resolve

# Parameters left out of the fuzzing, each with the reason; remove an entry to fuzz it again.
EXCLUDED_PARAMETERS = {
    # Django's CSRF token: the test client does not check it, hostile values prove nothing.
    "csrfmiddlewaretoken": "not read by any view",
}
# URLs left out, each with the reason.
EXCLUDED_URLS = {
    "site:component_gallery": "its sample forms are bound to fixed data, never to the request",
}
# Forms no request binds, each with the reason.
EXCLUDED_FORMS = {
    "gencisi.forms.ComponentGalleryForm": "the gallery shows it with fixed sample data",
}


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            full = f"{namespace}:{inner}".strip(":") if inner else namespace
            yield from _walk(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern.callback


def endpoints() -> list[tuple[str, str]]:
    """(URL name, method) of every URL outside the admin: POST where its view takes a POST
    (class views with `post`, and function views, which cannot say), else GET (a GET form
    reads its query string)."""
    found = []
    for name, callback in _walk(get_resolver().url_patterns):
        if name.startswith("admin:") or name in EXCLUDED_URLS:
            continue
        view_class = getattr(callback, "view_class", None)
        method = "post" if view_class is None or hasattr(view_class, "post") else "get"
        found.append((name, method))
    return sorted(found)


@dataclass
class Target:
    user: object | None
    kwargs: dict = field(default_factory=dict)


def _role(name: str) -> str | None:
    expect = MATRIX[name]
    statuses = {role: getattr(expect, role) for role in ROLES}
    for wanted in (range(200, 300), range(300, 400)):
        for role in ROLES:
            if statuses[role] != LOGIN and statuses[role] in wanted:
                return role
    return None


def target(name: str, client, objects, users) -> Target:
    """Log `client` in as whoever may use the URL and return its user and URL kwargs."""
    if name in REACH:
        found = REACH[name](client, objects, users)
    else:
        role = _role(name)
        assert role, f"{name}: no role reaches it with the matrix's objects; add it to REACH"
        kwargs = {key: _resolve(value, objects) for key, value in MATRIX[name].kwargs.items()}
        found = Target(users[role], kwargs)
    if found.user is not None:
        client.force_login(found.user)
    return found


def url(name: str, found: Target) -> str:
    return reverse(name, kwargs=found.kwargs)


# How to reach the forms that no role reaches with the access matrix's objects.


def _survey(client, objects, users) -> Target:
    from participants.models import SurveyQuestion
    from tests.factories import RegistrationFactory

    cohort = objects["cohort"]
    cohort.survey_opened_at = timezone.now()
    cohort.save(update_fields=["survey_opened_at"])
    for position, (kind, choices) in enumerate(
        [("scale", ""), ("choice", "Evet\nHayır"), ("text", "")]
    ):
        SurveyQuestion.objects.create(
            program=cohort.program,
            position=position,
            topic="custom",
            kind=kind,
            text=f"Soru {position}",
            choices=choices,
        )
    RegistrationFactory(cohort=cohort, participant=users["participant"])
    return Target(users["participant"], {"cohort_pk": cohort.pk})


def _own_registration(client, objects, users) -> Target:
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(participant=users["participant"])
    return Target(users["participant"], {"pk": registration.pk})


def _register(client, objects, users) -> Target:
    from tests.factories import ParticipantProfileFactory

    ParticipantProfileFactory(user=users["participant"])
    return Target(users["participant"], {"cohort_pk": objects["cohort"].pk})


def _followup(client, objects, users) -> Target:
    from action_plans.followup import make_token

    plan = objects["plan"]
    token = make_token(plan_id=plan.pk, registration_id=plan.registration_id)
    return Target(None, {"token": token})


def _password_reset_key(client, objects, users) -> Target:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = type(users["participant"]).objects.get(pk=users["participant"].pk)  # as stored
    key = default_token_generator.make_token(user)
    uid = user_pk_to_url_str(user)
    response = client.get(reverse("account_reset_password_from_key", args=[uid, key]))
    assert response.status_code == 302, response.status_code  # the key is kept in the session
    return Target(None, {"uidb36": uid, "key": "set-password"})


def _invitation(client, objects, users) -> Target:
    from participants.imports.invitations import invitation_token
    from tests.factories import UserFactory

    invited = UserFactory(verified=False)
    invited.set_unusable_password()  # as an import creates them
    invited.save(update_fields=["password"])
    return Target(None, {"token": invitation_token(invited)})


def _wizard(client, objects, users) -> Target:
    from tests.factories import RegistrationFactory

    RegistrationFactory(participant=users["participant"])  # their own plan can be started
    return Target(users["participant"], {"slug": objects["basis"].collaboration_type.slug})


REACH: dict[str, Callable] = {
    "plans:wizard_type": _wizard,
    "participants:survey": _survey,
    "participants:cancel": _own_registration,
    "participants:registration_status": _own_registration,
    "participants:register": _register,
    "plans:followup": _followup,
    "participants:invitation": _invitation,
    "account_reset_password_from_key": _password_reset_key,
}


@dataclass
class Reads:
    """What requests read: the keys looked up in their query dicts, the forms bound."""

    lookups: list[tuple[MultiValueDict, str]] = field(default_factory=list)
    forms: set[type] = field(default_factory=set)

    def keys(self, response, method: str) -> set[str]:
        """Keys read from the request's data (POST and its copies, or the query string)."""
        request = response.wsgi_request
        skip = {id(request.FILES)} | ({id(request.GET)} if method == "post" else set())
        return {
            key
            for data, key in self.lookups
            if isinstance(data, QueryDict) and id(data) not in skip and isinstance(key, str)
        }


@contextmanager
def recording():
    """Record the query-dict keys and the bound form classes of the requests made inside."""
    reads = Reads()
    patched = {}
    for method in ("__getitem__", "get", "getlist", "__contains__"):
        original = getattr(MultiValueDict, method)
        patched[method] = MultiValueDict.__dict__.get(method)

        def spy(self, key, *args, _original=original, **kwargs):
            reads.lookups.append((self, key))
            return _original(self, key, *args, **kwargs)

        setattr(MultiValueDict, method, spy)
    form_init, formset_init = BaseForm.__init__, BaseFormSet.__init__

    def form_spy(self, *args, **kwargs):
        form_init(self, *args, **kwargs)
        if self.is_bound:
            reads.forms.add(type(self))

    def formset_spy(self, *args, **kwargs):
        formset_init(self, *args, **kwargs)
        if self.is_bound:
            reads.forms.add(type(self))

    BaseForm.__init__, BaseFormSet.__init__ = form_spy, formset_spy
    try:
        yield reads
    finally:
        for method, own in patched.items():
            if own is None:
                delattr(MultiValueDict, method)
            else:
                setattr(MultiValueDict, method, own)
        BaseForm.__init__, BaseFormSet.__init__ = form_init, formset_init
