"""Hostile input to every form of the site: never a 500, errors in Turkish beside their field.

What is covered. Every URL pattern outside the admin (`endpoints.endpoints()`, the URL
resolver): a URL whose view takes a POST gets POSTs, the others GETs with a query string. Each
is requested as the least privileged role that the access matrix lets through, with the
matrix's objects (`endpoints.REACH` for the forms those objects keep closed). A plain submission
(what a browser would send from the page's form, required blanks filled as a person would)
first shows what the request reads: the keys looked up in its data and the form classes bound.
Then every field at once gets each value of `payloads.SWEEP` (NUL, "²", a 400-digit number, -1,
a lone surrogate, 30 February, 100,000 characters), and hypothesis replaces one to four of the
fields, sometimes adding junk keys, with hostile values (`payloads.py`): 10k–100k characters,
NUL, lone surrogates and raw invalid UTF-8, numbers no field holds, dates no calendar has, lists
where one value is expected, markup; the body is sent as a browser does, with a wrong or
unknown charset, or as multipart.

What must hold for each request: no exception and no 5xx; when the form comes back (200), every
error and message is Turkish (not an English msgid of the catalogues, not English words), every
field error sits in its field's wrapper and its control names it in aria-describedby, and text
typed into a text input or textarea is shown again as typed (`pages.problems`).

How a new form is picked up. A new URL must be declared in the access matrix, and from then on
it is fuzzed here with the fields its view reads; a new Form class anywhere in the project's
apps (and allauth's forms of the pages we use) must be bound by one of these requests, or
`test_every_form_is_reached` fails.

Runs are reproducible (derandomized); `HOSTILE_EXAMPLES` sets the examples per URL.
"""

import copy
import importlib
import importlib.util
import os
import pkgutil
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from allauth.account import forms as allauth_forms
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.db import transaction
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.http.multipartparser import MultiPartParserError
from hypothesis import HealthCheck, Phase, currently_in_test_context, given, note
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.hostile import endpoints, pages, payloads
from tests.test_access_matrix import MATRIX

ENDPOINTS = endpoints.endpoints()
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "10"))
HOSTILE = hypothesis_settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    # Every example is a request: shrinking a failure would take minutes. The failure message
    # names the fields and values instead (`_shown`).
    phases=[Phase.explicit, Phase.generate],
)
# allauth's forms behind the pages we use (log in, sign up, reset, change password, e-mail).
ALLAUTH_FORMS = (
    allauth_forms.LoginForm,
    allauth_forms.SignupForm,
    allauth_forms.ResetPasswordForm,
    allauth_forms.ResetPasswordKeyForm,
    allauth_forms.ChangePasswordForm,
    allauth_forms.AddEmailForm,
    allauth_forms.ReauthenticateForm,
)


@contextmanager
def rolled_back():
    """What happens inside is undone: each request sees the same database."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def send(client, method: str, path: str, items: list, encoding: str = "form"):
    if method == "get":
        return client.generic("GET", f"{path}?{payloads.query(items)}")
    data, content_type = payloads.body(items, encoding)
    return client.generic("POST", path, data, content_type=content_type)


def _html(response):
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return None
    return pages.parse(response.content.decode())


class Probe:
    """One URL as its user sees it: the plain submissions and the fields the request reads."""

    def __init__(self, client, name: str, method: str, objects, users) -> None:
        self.name, self.method, self.client = name, method, client
        client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)  # Turkish, as a first visit
        self.target = endpoints.target(name, client, objects, users)
        self.path = endpoints.url(name, self.target)
        matrix_data = [(key, str(value)) for key, value in MATRIX[name].data.items()]
        forms = self._forms(client.get(self.path))
        self.submissions = [pages.values(form) for form in forms] or [matrix_data]
        with endpoints.recording() as reads:
            keys = set()
            for submission in self.submissions:
                with rolled_back():
                    response = send(client, method, self.path, submission)
                assert response.status_code < 500, (name, response.status_code)
                keys |= reads.keys(response, method)
        if not forms and response.status_code == 302 and urlsplit(response.url).netloc == "":
            forms = self._forms(client.get(response.url))  # the page the form is on
            self.submissions = [pages.values(form) for form in forms] or self.submissions
        self.forms = reads.forms
        self.fields = sorted(
            (keys | pages.names(forms) | {key for key, _ in matrix_data})
            - endpoints.EXCLUDED_PARAMETERS.keys()
        )

    def _forms(self, response) -> list:
        root = _html(response)
        return pages.forms_to(root, self.path, self.method) if root is not None else []

    def check(self, items: list, encoding: str) -> None:
        sent_items = f"{self.method.upper()} {self.path} {encoding} {_shown(items)}"
        if currently_in_test_context():
            note(sent_items)
        saved = copy.deepcopy(self.client.cookies)
        with rolled_back():
            cache.clear()  # rate limits count in the cache
            response = send(self.client, self.method, self.path, items, encoding)
        self.client.cookies = saved
        assert response.status_code < 500, f"{response.status_code} for {sent_items}"
        root = _html(response)
        if root is None:
            return
        sent = _decoded(response.wsgi_request, self.method)
        assert pages.problems(root, sent=sent) == [], sent_items


def _decoded(request, method: str) -> dict[str, list[str]]:
    """What the server read from the request (nothing from a body it refuses to decode)."""
    try:
        data = request.POST if method == "post" else request.GET
    except (BadRequest, MultiPartParserError):
        return {}
    return {key: data.getlist(key) for key in data}


def _shown(items: list) -> str:
    """The items, with long values cut (a 100,000-character value is shown by its start)."""

    def cut(value):
        return value if len(value) <= 80 else value[:40] + f"…({len(value)} long)"

    return repr([(cut(key), cut(value)) for key, value in items])


@pytest.mark.parametrize(("name", "method"), ENDPOINTS, ids=[name for name, _ in ENDPOINTS])
def test_hostile_input_gets_a_turkish_answer_never_a_500(
    client, db_objects, role_users, name, method
):
    probe = Probe(client, name, method, db_objects, role_users)
    fields = probe.fields
    for literal in payloads.SWEEP if fields else ():
        submission = [(key, value) for key, value in probe.submissions[0] if key not in fields]
        probe.check(submission + [(field, literal) for field in fields], "form")

    @hypothesis_settings(HOSTILE, max_examples=EXAMPLES if fields else 2)
    @given(data=st.data())
    def attack(data):
        submission = data.draw(st.sampled_from(probe.submissions), label="submission")
        chosen = (
            data.draw(st.sets(st.sampled_from(fields), min_size=1, max_size=4), label="fields")
            if fields
            else set()
        )
        hostile = {field: data.draw(payloads.values, label=field) for field in sorted(chosen)}
        junk = data.draw(
            st.lists(st.tuples(payloads.keys, payloads.scalars), max_size=1 if fields else 2),
            label="junk",
        )
        encoding = data.draw(st.sampled_from(payloads.ENCODINGS), label="encoding")
        items = [(key, value) for key, value in submission if key not in hostile]
        items += payloads.flatten(hostile) + junk
        probe.check(items, encoding)

    attack()


def _project_forms() -> list[type]:
    """Every Form (and formset) class defined in the project's own apps."""
    roots = set()
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.is_relative_to(settings.BASE_DIR) and ".venv" not in path.parts:
            roots.add(config.name.split(".")[0])
            if importlib.util.find_spec(f"{config.name}.forms"):
                module = importlib.import_module(f"{config.name}.forms")
                for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
                    importlib.import_module(f"{module.__name__}.{info.name}")
    found, pending = [], [BaseForm, BaseFormSet]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.split(".")[0] in roots:
            found.append(cls)
    return sorted(set(found), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_every_form_is_reached(client, db_objects, role_users):
    bound = set()
    for name, method in ENDPOINTS:
        with rolled_back():
            bound |= Probe(client, name, method, db_objects, role_users).forms
    missing = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in [*_project_forms(), *ALLAUTH_FORMS]
        if not any(issubclass(form, cls) for form in bound)
        and f"{cls.__module__}.{cls.__qualname__}" not in endpoints.EXCLUDED_FORMS
    ]
    assert not missing, f"no request binds these forms (reach them in endpoints.REACH): {missing}"
