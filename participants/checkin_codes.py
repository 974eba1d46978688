"""Rotating, unforgeable codes for QR self check-in.

A code is `<step>-<signature>`: the step is the number of ATTENDANCE_QR_STEP_SECONDS periods
since the epoch, the signature an HMAC (Django's salted_hmac, keyed by SECRET_KEY) of the
session id and that step. Only the server can make a valid code; a code copied from one
session does not fit another; a code older than the previous step is expired.
"""

import datetime as dt
import enum

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from core.links import absolute_url

_SALT = "participants.attendance.checkin"
_SIGNATURE_LENGTH = 20


class CodeCheck(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


def current_step(at: dt.datetime | None = None) -> int:
    moment = at or timezone.now()
    return int(moment.timestamp()) // settings.ATTENDANCE_QR_STEP_SECONDS


def code_for(*, session_id: int, step: int) -> str:
    signature = salted_hmac(_SALT, f"{session_id}:{step}", algorithm="sha256").hexdigest()
    return f"{step}-{signature[:_SIGNATURE_LENGTH]}"


def check_code(*, session_id: int, code: str, at: dt.datetime | None = None) -> CodeCheck:
    """VALID for the current or the previous step, EXPIRED for a genuine older one."""
    step_text, _sep, _signature = code.partition("-")
    if not step_text.isdecimal():
        return CodeCheck.INVALID
    step = int(step_text)
    if not constant_time_compare(code, code_for(session_id=session_id, step=step)):
        return CodeCheck.INVALID
    now_step = current_step(at)
    if step > now_step:
        return CodeCheck.INVALID
    if step >= now_step - 1:
        return CodeCheck.VALID
    return CodeCheck.EXPIRED


def checkin_window(session) -> tuple[dt.datetime, dt.datetime]:
    """From the configured margin before the session starts until it ends."""
    opens = session.starts_at - dt.timedelta(minutes=settings.ATTENDANCE_QR_OPENS_MINUTES_BEFORE)
    return opens, session.ends_at


def checkin_is_open(session, at: dt.datetime | None = None) -> bool:
    opens, closes = checkin_window(session)
    return opens <= (at or timezone.now()) <= closes


def checkin_url(*, session_id: int, at: dt.datetime | None = None) -> str:
    """The absolute address the QR code carries."""
    code = code_for(session_id=session_id, step=current_step(at))
    path = reverse(
        "participants:attendance_checkin", kwargs={"session_id": session_id, "code": code}
    )
    return absolute_url(path)


def qr_svg(data: str) -> str:
    """Inline SVG markup (no style attribute, so the strict CSP allows it)."""
    return segno.make(data, error="m").svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr-code", lineclass=None
    )
