import re

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import COORDINATOR
from gencisi.templatetags import navigation
from tests.factories import UserFactory

CONSOLE = f'href="{reverse("programs:console_dashboard")}"'
MY_REGISTRATIONS = f'href="{reverse("participants:my_registrations")}"'


def _menu(response) -> str:
    return re.search(r'<ul class="nav-list">.*?</ul>', response.content.decode(), re.DOTALL).group()


def test_the_menu_is_kept_without_anything_of_the_person(client, db):
    first, second = UserFactory(full_name="Ayşe Birinci"), UserFactory(full_name="Mehmet İkinci")
    client.force_login(first)
    assert "Ayşe Birinci" in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(second)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Mehmet İkinci" in page
    assert "Ayşe Birinci" not in page
    kept = "".join(navigation._menus.values())
    assert MY_REGISTRATIONS in kept
    for private in ("Ayşe", "Mehmet", first.email, second.email, "csrf"):
        assert private not in kept


def test_a_new_role_shows_on_the_next_page_and_a_lost_one_goes(client, participant):
    client.force_login(participant)
    path = reverse("accounts:profile")
    assert CONSOLE not in _menu(client.get(path))
    assert MY_REGISTRATIONS in _menu(client.get(path))
    participant.groups.add(Group.objects.get(name=COORDINATOR))
    assert CONSOLE in _menu(client.get(path))
    assert MY_REGISTRATIONS not in _menu(client.get(path))
    participant.groups.clear()
    assert CONSOLE not in _menu(client.get(path))


def test_the_menu_follows_the_language(client, participant):
    client.force_login(participant)
    assert "Legal bases" not in _menu(client.get(reverse("accounts:profile")))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Legal bases" in _menu(client.get(reverse("accounts:profile")))
    client.post(reverse("set_language"), {"language": "tr", "next": "/"})
    assert "Legal bases" not in _menu(client.get(reverse("accounts:profile")))


def test_the_current_page_is_marked(client, participant):
    client.force_login(participant)
    verify, library = reverse("certificates:verify"), reverse("library:library")
    on_verify = _menu(client.get(verify))
    assert f'<a href="{verify}" aria-current="page">' in on_verify
    assert f'<a href="{library}">' in on_verify
    on_library = _menu(client.get(library))
    assert f'<a href="{verify}">' in on_library
    assert f'<a href="{library}" aria-current="page">' in on_library


def test_under_debug_the_menu_is_rendered_each_time_and_the_same(client, participant, settings):
    client.force_login(participant)
    kept = _menu(client.get(reverse("accounts:profile")))
    navigation._menus.clear()
    settings.DEBUG = True
    assert _menu(client.get(reverse("accounts:profile"))) == kept
    assert navigation._menus == {}
