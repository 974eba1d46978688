"""iCalendar (RFC 5545) feeds of a cohort and of a single session (public: no meeting links),
and the personal feed's calendar (with them: its caller has checked who may see them)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from core.links import absolute_url
from programs.models import Cohort, Session


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Genç İşi Kooperatif//gencisi//TR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _location(cohort: Cohort, session: Session) -> str:
    """The physical place; meeting links stay out of public feeds (they go to participants)."""
    parts = [session.room, cohort.venue, cohort.address, cohort.district]
    if cohort.province_id:
        parts.append(cohort.province.name)
    return ", ".join(part for part in parts if part)


def meeting_url(session: Session) -> str:
    """The session's own link, or else its cohort's."""
    return session.online_url or session.cohort.online_url


def _event(session: Session, cohort: Cohort, *, with_link: bool = False) -> Event:
    event = Event()
    event.add("uid", f"session-{session.pk}@gencisi")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(session.starts_at))
    event.add("dtend", timezone.localtime(session.ends_at))
    event.add("summary", f"{session.title} — {cohort.program.title}")
    location = _location(cohort, session)
    link = meeting_url(session) if with_link else ""
    if location or link:
        event.add("location", location or link)
    description = f"{cohort.program.title}\n{cohort.title}"
    event.add("description", f"{description}\n{link}" if link else description)
    event.add(
        "url", link or absolute_url(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk}))
    )
    return event


def cohort_calendar(*, cohort: Cohort) -> bytes:
    calendar = _calendar(f"{cohort.program.title} — {cohort.title}")
    for session in cohort.sessions.all():
        calendar.add_component(_event(session, cohort))
    return calendar.to_ical()


def session_calendar(*, session: Session) -> bytes:
    calendar = _calendar(session.title)
    calendar.add_component(_event(session, session.cohort))
    return calendar.to_ical()


def personal_calendar(*, name: str, sessions) -> bytes:
    """A person's sessions with their meeting links (each session with its cohort, programme and
    province loaded). Only for the sessions of cohorts the person is confirmed in."""
    calendar = _calendar(name)
    for session in sessions:
        calendar.add_component(_event(session, session.cohort, with_link=True))
    return calendar.to_ical()
