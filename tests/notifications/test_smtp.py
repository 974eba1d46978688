import smtplib

import pytest

from notifications.smtp import smtp_is_temporary, smtp_reply


@pytest.mark.parametrize(
    ("error", "temporary", "reply"),
    [
        (
            smtplib.SMTPDataError(451, b"4.3.0 Try again later"),
            True,
            "SMTP 451 4.3.0 Try again later",
        ),
        (
            smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"5.1.1 No such user")}),
            False,
            "SMTP 550 5.1.1 No such user",
        ),
        (
            ConnectionRefusedError(111, "Connection refused"),
            True,
            "ConnectionRefusedError: [Errno 111] Connection refused",
        ),
        (ValueError("bad header"), False, "ValueError: bad header"),
    ],
    ids=["4xx", "5xx recipient", "no answer", "malformed"],
)
def test_a_4xx_or_no_answer_is_tried_again_and_the_reply_reads_plainly(error, temporary, reply):
    assert (smtp_is_temporary(error), smtp_reply(error)) == (temporary, reply)
