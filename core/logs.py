"""Logging filters named in settings.LOGGING."""

import logging


def _escaped(text: str) -> str:
    """As Django escapes paths in its request log: one line whatever the path holds."""
    return text.encode("unicode_escape").decode("ascii")


class ForbiddenOneLine(logging.Filter):
    """A 403 is an expected answer, not an error: `django.request` logs each one as a warning
    with the traceback of its PermissionDenied. This turns it into one line: method, path,
    user id (or "-") and the reason the view gave."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if getattr(record, "status_code", None) != 403 or request is None:
            return True
        exception = record.exc_info[1] if record.exc_info else None
        user = getattr(request, "user", None)
        record.msg = "Forbidden: %s %s user=%s reason=%s"
        record.args = (
            request.method,
            _escaped(request.path),
            user.pk if user is not None and user.is_authenticated else "-",
            _escaped(str(exception)) if exception is not None and str(exception) else "-",
        )
        record.exc_info = None
        record.exc_text = None
        return True
