"""What an SMTP server's answer (or its silence) means for an e-mail: try again later or not,
and the reply as a coordinator can read it (notifications.services sends and records)."""

import smtplib


def _smtp_code(error: Exception) -> int | None:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return max(code for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code
    return None


def smtp_is_temporary(error: Exception) -> bool:
    """SMTP's own rule: a 4xx reply is temporary, a 5xx one permanent. No reply at all (refused,
    dropped, timed out: an OSError) is temporary; anything else (a malformed message) is not."""
    code = _smtp_code(error)
    if code is not None:
        return 400 <= code < 500
    return isinstance(error, OSError)


def smtp_reply(error: Exception) -> str:
    """The server's reply, as a coordinator can read it ("550 5.1.1 No such user")."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, message = max(error.recipients.values())
    elif isinstance(error, smtplib.SMTPResponseException):
        code, message = error.smtp_code, error.smtp_error
    else:
        return f"{type(error).__name__}: {error}"[:2000]
    if isinstance(message, bytes):
        message = message.decode("utf-8", errors="replace")
    return f"SMTP {code} {message}"[:2000]
