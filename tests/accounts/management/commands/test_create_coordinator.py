import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from accounts import permissions
from accounts.models import User


def test_create_coordinator_makes_a_verified_staff_coordinator(db):
    out = io.StringIO()
    call_command(
        "create_coordinator",
        email="Yeni.Koordinator@Example.org",
        name="Deniz Şahin",
        password="guclu-bir-parola-2026",
        stdout=out,
    )
    user = User.objects.get(email="yeni.koordinator@example.org")
    assert user.full_name == "Deniz Şahin"
    assert user.is_staff
    assert permissions.is_coordinator(user)
    assert EmailAddress.objects.get(user=user).verified
    assert "yeni.koordinator@example.org" in out.getvalue()


def test_create_coordinator_refuses_a_weak_password(db):
    with pytest.raises(CommandError, match="Bu parola çok kısa"):
        call_command("create_coordinator", email="a@example.org", name="A B", password="kisa")
    assert not User.objects.exists()


def test_create_coordinator_refuses_a_bad_email(db):
    with pytest.raises(CommandError, match="Invalid e-mail"):
        call_command("create_coordinator", email="not-an-email", name="A B", password="x" * 12)
