from django.urls import reverse

from accounts import permissions
from accounts.backends import AuthenticationBackend, ModelBackend
from tests.factories import UserFactory


def test_both_backends_load_the_user_with_its_roles_in_one_query(
    facilitator, django_assert_num_queries
):
    for backend in (ModelBackend(), AuthenticationBackend()):
        with django_assert_num_queries(1):
            user = backend.get_user(facilitator.pk)
            assert (user.is_authenticated, user.pk) == (True, facilitator.pk)
            assert backend.user_can_authenticate(user)
            assert permissions.role_names(user) == ["facilitator", "participant"]


def test_an_inactive_user_is_not_signed_in(db):
    person = UserFactory(is_active=False)
    assert ModelBackend().get_user(person.pk) is None
    assert AuthenticationBackend().get_user(person.pk) is None


def test_a_signed_in_page_asks_the_session_and_the_user_with_its_roles_only(
    client, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    with django_assert_num_queries(2) as queries:
        response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    session, user = (query["sql"] for query in queries.captured_queries)
    assert 'FROM "django_session"' in session
    assert 'FROM "accounts_user"' in user
    assert 'FROM "auth_group"' in user
    assert "Koordinatör" in response.content.decode()


def test_the_site_login_records_a_backend_that_loads_roles(client, participant):
    response = client.post(
        reverse("account_login"), {"login": participant.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_backend"] == "accounts.backends.ModelBackend"
