import io

import pytest
from django.core.management import CommandError, call_command

from accounts.services import user_create
from participants.models import Registration


def test_load_scale_prints_each_step_and_loads_the_demo_first(db):
    out = io.StringIO()
    call_command("load_scale", "--scale", "0.01", "--seed", "3", stdout=out)
    text = out.getvalue()
    assert "demo (load_demo)" in text
    assert "registrations" in text
    assert "Scale data loaded (factor 0.01, seed 3)" in text
    assert Registration.objects.filter(participant__email="katilimci@gencisi.local").count() > 1


def test_load_scale_refuses_real_data_with_a_message_and_no_traceback(db):
    user_create(email="ayse@belediye.gov.tr", full_name="Ayşe Yılmaz", password=None)
    with pytest.raises(CommandError, match="not from the demo: real data"):
        call_command("load_scale", "--scale", "0.01", stdout=io.StringIO())


def test_a_scale_factor_of_zero_is_refused(db):
    with pytest.raises(CommandError, match="must be positive"):
        call_command("load_scale", "--scale", "0", stdout=io.StringIO())
