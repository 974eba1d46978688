"""Reads for meeting links and the personal calendar feed (participants.permissions decides
who sees links: confirmed registrations only)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from core.links import absolute_url
from participants import permissions
from participants.models import CalendarFeed, Registration
from programs.models import Cohort, Session


@dataclass(frozen=True)
class MeetingLink:
    url: str
    session: Session | None = None  # None: the cohort's own meeting link


def meeting_links(registration: Registration | None) -> list[MeetingLink]:
    """The cohort's meeting link, then each session's own link (when it differs), for a
    confirmed registration; nothing for anyone else. Reads `cohort.sessions.all()`: prefetch it
    when listing many."""
    if not permissions.can_see_meeting_links(registration):
        return []
    cohort = registration.cohort
    links = [MeetingLink(url=cohort.online_url)] if cohort.online_url else []
    links += [
        MeetingLink(url=session.online_url, session=session)
        for session in cohort.sessions.all()
        if session.online_url and session.online_url != cohort.online_url
    ]
    return links


def calendar_feed_of(*, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def calendar_feed_url(token: str) -> str:
    """The address of the personal calendar feed with this secret."""
    return absolute_url(reverse("participants:calendar_feed", kwargs={"token": token}))


def calendar_feed_by_token(*, token: str) -> CalendarFeed | None:
    """The feed of an active person by its secret (None for an unknown or replaced one)."""
    return (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )


def confirmed_sessions(*, user) -> QuerySet[Session]:
    """Every session of the cohorts the person is confirmed in (not cancelled cohorts), with
    the cohort's place: one query."""
    return (
        Session.objects.filter(
            cohort__registrations__participant=user,
            cohort__registrations__status=Registration.Status.CONFIRMED,
        )
        .exclude(cohort__status=Cohort.Status.CANCELLED)
        .select_related("cohort__program", "cohort__province")
        .order_by("starts_at", "pk")
    )
