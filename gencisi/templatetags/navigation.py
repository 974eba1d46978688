"""The main menu of every page, rendered once per language, role set and current page (issue 15).

`{% main_menu %}` renders templates/includes/nav_menu.html from nothing but its key — the
language, the URL prefix and configuration, the current page's URL name and app, and the five
role flags the menu asks (gencisi.context_processors.roles) — and keeps the HTML in this
process. The fragment sees no request and no user: two people with the same roles on the same
page get the same menu, and nothing of one person (name, CSRF token) can reach another. The
signed-in person's own links (name, logout form) stay in includes/nav.html, rendered each time.

Templates and translations change only with a new deployment (new processes); under DEBUG the
menu is rendered each time, so that an edited template shows at once; a test that changes a
setting (the URLs, the languages) starts with no menu kept.
"""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

ROLE_FLAGS = (
    "is_coordinator",
    "is_facilitator",
    "is_participant",
    "can_see_plans",
    "can_use_console",
)
# URL names × apps × role sets × languages are finite; the limit only bounds the memory (a full
# dict starts again).
MAX_MENUS = 2000
_menus: dict[tuple, SafeString] = {}


@receiver(setting_changed)
def _forget_menus(**_kwargs) -> None:
    _menus.clear()


def _render(key: tuple) -> SafeString:
    _language, _prefix, _urlconf, current, app_name, *flags = key
    return mark_safe(  # noqa: S308 — our own template's output
        render_to_string(
            "includes/nav_menu.html",
            {
                "current": current,
                "app_name": app_name,
                "roles": dict(zip(ROLE_FLAGS, flags, strict=True)),
            },
        ).strip()
    )


@register.simple_tag(takes_context=True)
def main_menu(context) -> SafeString:
    # 500.html is rendered without a request or context processors: the anonymous menu
    match = getattr(context.get("request"), "resolver_match", None)
    roles = context.get("roles")
    key = (
        get_language(),
        get_script_prefix(),
        get_urlconf(),
        match.url_name if match else None,
        match.app_name if match else None,
        *(bool(getattr(roles, flag)) for flag in ROLE_FLAGS),
    )
    if settings.DEBUG:
        return _render(key)
    menu = _menus.get(key)
    if menu is None:
        if len(_menus) >= MAX_MENUS:
            _menus.clear()
        menu = _menus[key] = _render(key)
    return menu
