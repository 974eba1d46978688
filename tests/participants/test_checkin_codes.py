import datetime as dt

import time_machine

from participants.checkin_codes import (
    CodeCheck,
    check_code,
    checkin_is_open,
    checkin_url,
    checkin_window,
    code_for,
    current_step,
    qr_svg,
)
from tests.factories import SessionFactory

MOMENT = dt.datetime(2026, 12, 1, 7, 0, 30, tzinfo=dt.UTC)


def test_step_counts_periods_of_the_configured_length(settings):
    settings.ATTENDANCE_QR_STEP_SECONDS = 45
    assert current_step(MOMENT) == int(MOMENT.timestamp()) // 45
    assert current_step(MOMENT + dt.timedelta(seconds=45)) == current_step(MOMENT) + 1


def test_code_is_step_and_signature_and_differs_per_session_and_step():
    code = code_for(session_id=7, step=100)
    step, signature = code.split("-")
    assert step == "100"
    assert len(signature) == 20
    assert code == code_for(session_id=7, step=100)
    assert code != code_for(session_id=8, step=100)
    assert code != code_for(session_id=7, step=101)


def test_code_depends_on_the_secret_key(settings):
    code = code_for(session_id=7, step=100)
    settings.SECRET_KEY = "another-installation-secret"
    assert code_for(session_id=7, step=100) != code


def test_current_and_previous_step_are_valid_older_is_expired():
    step = current_step(MOMENT)
    assert check_code(session_id=3, code=code_for(session_id=3, step=step), at=MOMENT) == (
        CodeCheck.VALID
    )
    assert check_code(session_id=3, code=code_for(session_id=3, step=step - 1), at=MOMENT) == (
        CodeCheck.VALID
    )
    assert check_code(session_id=3, code=code_for(session_id=3, step=step - 2), at=MOMENT) == (
        CodeCheck.EXPIRED
    )


def test_a_code_is_valid_to_the_last_second_of_the_next_step_and_expired_after(settings):
    settings.ATTENDANCE_QR_STEP_SECONDS = 45
    step = current_step(MOMENT)
    code = code_for(session_id=3, step=step)
    shown = dt.datetime.fromtimestamp(step * 45, tz=dt.UTC)  # the step's first second
    last = shown + dt.timedelta(seconds=2 * 45 - 1)
    assert check_code(session_id=3, code=code, at=shown) == CodeCheck.VALID
    assert check_code(session_id=3, code=code, at=last) == CodeCheck.VALID
    assert check_code(session_id=3, code=code, at=last + dt.timedelta(seconds=1)) == (
        CodeCheck.EXPIRED
    )
    assert check_code(session_id=3, code=code, at=shown - dt.timedelta(seconds=1)) == (
        CodeCheck.INVALID  # not shown yet: from the future
    )


def test_future_foreign_tampered_and_garbage_codes_are_invalid():
    step = current_step(MOMENT)
    code = code_for(session_id=3, step=step)
    tampered = code[:-1] + ("0" if code[-1] != "0" else "1")
    for bad in (
        code_for(session_id=3, step=step + 1),
        code_for(session_id=4, step=step),
        tampered,
        f"{step}-",
        "abc-def",
        "²-abc",  # a digit to str.isdigit(), not a number to int()
        "",
    ):
        assert check_code(session_id=3, code=bad, at=MOMENT) == CodeCheck.INVALID, bad


def test_window_opens_the_configured_minutes_before_start_and_closes_at_end(db, settings):
    settings.ATTENDANCE_QR_OPENS_MINUTES_BEFORE = 30
    session = SessionFactory()
    opens, closes = checkin_window(session)
    assert opens == session.starts_at - dt.timedelta(minutes=30)
    assert closes == session.ends_at
    assert not checkin_is_open(session, opens - dt.timedelta(seconds=1))
    assert checkin_is_open(session, opens)
    assert checkin_is_open(session, closes)
    assert not checkin_is_open(session, closes + dt.timedelta(seconds=1))


def test_checkin_url_is_absolute_on_site_url_with_the_current_code(db, settings):
    settings.SITE_URL = "https://egitim.example.org/"
    with time_machine.travel(MOMENT, tick=False):
        url = checkin_url(session_id=12)
    code = code_for(session_id=12, step=current_step(MOMENT))
    assert url == f"https://egitim.example.org/yoklama/giris/12/{code}/"


def test_qr_svg_is_inline_markup_without_style_attributes():
    svg = qr_svg("https://egitim.example.org/yoklama/giris/12/1-abc/")
    assert svg.startswith('<svg viewBox="0 0 ')
    assert 'class="qr-code"' in svg
    assert "style" not in svg
    assert "<script" not in svg
