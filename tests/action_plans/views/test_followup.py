import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from action_plans.followup import make_token
from tests.factories import ActionPlanFactory, ActionStepFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_with_steps():
    registration = RegistrationFactory()
    plan = ActionPlanFactory(work_group=None, registration=registration, status="approved")
    steps = [ActionStepFactory(plan=plan, position=n) for n in (1, 2)]
    return plan, steps


def _url(plan) -> str:
    token = make_token(plan_id=plan.pk, registration_id=plan.registration_id)
    return reverse("plans:followup", kwargs={"token": token})


def test_link_shows_the_steps_and_saves_their_status_without_logging_in(client, plan_with_steps):
    plan, (first, second) = plan_with_steps
    url = _url(plan)

    page = client.get(url)
    assert page.status_code == 200
    assert first.description in page.content.decode()

    response = client.post(
        url,
        {
            "version": 1,
            f"status-{first.pk}": "done",
            f"note-{first.pk}": "Meclis kararı alındı.",
            f"status-{second.pk}": "blocked",
            f"note-{second.pk}": "",
        },
    )

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    plan.refresh_from_db()
    assert (first.status, first.note, second.status, plan.version) == (
        "done",
        "Meclis kararı alındı.",
        "blocked",
        2,
    )


def test_expired_link_explains_and_changes_nothing(client, plan_with_steps):
    plan, (first, _second) = plan_with_steps
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        url = _url(plan)
    with time_machine.travel(start + dt.timedelta(days=31), tick=False):
        response = client.post(url, {"version": 1, f"status-{first.pk}": "done"})

    assert response.status_code == 410
    assert "Bu bağlantının süresi dolmuş." in response.content.decode()
    first.refresh_from_db()
    assert first.status == "not_started"


def test_link_works_to_its_last_second_and_expires_the_next(client, plan_with_steps, settings):
    plan, _steps = plan_with_steps
    signed = timezone.now().replace(microsecond=0)
    with time_machine.travel(signed, tick=False):
        url = _url(plan)
    last = signed + dt.timedelta(days=settings.ACTION_PLAN_LINK_MAX_AGE_DAYS)
    with time_machine.travel(last, tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(last + dt.timedelta(seconds=1), tick=False):
        assert client.get(url).status_code == 410


def test_link_still_works_within_its_thirty_days(client, plan_with_steps):
    plan, _steps = plan_with_steps
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        url = _url(plan)
    with time_machine.travel(start + dt.timedelta(days=29), tick=False):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("change", ["plan", "signature"])
def test_tampered_link_explains_and_changes_nothing(client, plan_with_steps, change):
    plan, (first, _second) = plan_with_steps
    other = ActionPlanFactory(work_group=None, registration=RegistrationFactory())
    token = make_token(plan_id=plan.pk, registration_id=plan.registration_id)
    if change == "plan":
        token = token.replace(f"{plan.pk}.", f"{other.pk}.", 1)
    else:
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    response = client.post(
        reverse("plans:followup", kwargs={"token": token}),
        {"version": 1, f"status-{first.pk}": "done"},
    )

    assert response.status_code == 400
    assert "Bu bağlantı geçerli değil." in response.content.decode()
    first.refresh_from_db()
    assert first.status == "not_started"


def test_link_of_a_cancelled_registration_is_refused(client, plan_with_steps):
    plan, _steps = plan_with_steps
    url = _url(plan)
    plan.registration.status = "cancelled"
    plan.registration.save()

    assert client.get(url).status_code == 400


def test_stale_version_keeps_the_typed_statuses_and_shows_the_conflict(client, plan_with_steps):
    plan, (first, _second) = plan_with_steps
    url = _url(plan)
    plan.version = 5
    plan.save()

    response = client.post(url, {"version": 1, f"status-{first.pk}": "blocked"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Bu plan siz düzenlerken başka biri tarafından değiştirildi." in content
    assert 'name="version" value="5"' in content
    assert '<option value="blocked" selected>' in content
    first.refresh_from_db()
    assert first.status == "not_started"


def test_editor_updates_notes_of_an_approved_plan_while_logged_in(client, plan_with_steps):
    plan, (first, second) = plan_with_steps
    client.force_login(plan.registration.participant)
    url = reverse("plans:plan_progress", kwargs={"plan_id": plan.pk})

    assert "Meclis" not in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "version": 1,
            f"status-{first.pk}": "in_progress",
            f"note-{first.pk}": "Meclis gündeminde.",
            f"status-{second.pk}": "not_started",
            f"note-{second.pk}": "",
        },
    )

    assert response.url == reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})
    first.refresh_from_db()
    assert (first.status, first.note) == ("in_progress", "Meclis gündeminde.")


def test_stranger_cannot_open_the_progress_form(client, plan_with_steps):
    plan, _steps = plan_with_steps
    client.force_login(RegistrationFactory().participant)

    assert (
        client.get(reverse("plans:plan_progress", kwargs={"plan_id": plan.pk})).status_code == 404
    )


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("Meclis\x00kararı", "Boş karakterlere izin verilmiyor."),
        ("ş" * 4001, "Bu değerin en fazla 4000 karaktere sahip olduğuna emin olun (şu an 4001)."),
    ],
)
def test_a_note_that_cannot_be_saved_gets_an_error_beside_it_and_is_kept(
    client, plan_with_steps, note, message
):
    plan, (first, _second) = plan_with_steps

    response = client.post(
        _url(plan), {"version": 1, f"status-{first.pk}": "done", f"note-{first.pk}": note}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<ul class="errorlist" id="note-{first.pk}_error"><li>{message}</li></ul>' in page
    assert f'aria-describedby="note-{first.pk}_error"' in page
    assert f">{note}</textarea>" in page
    first.refresh_from_db()
    assert (first.status, first.note, plan.version) == ("not_started", "", 1)
