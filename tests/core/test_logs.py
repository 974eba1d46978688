import logging
import sys

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.logs import ForbiddenOneLine


def _records(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "django.request"]


def test_a_403_is_logged_as_one_line_without_a_traceback(client, participant, caplog):
    client.force_login(participant)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("site:system_status"))
    assert response.status_code == 403
    [record] = _records(caplog)
    assert record.levelname == "WARNING"
    assert record.getMessage() == (
        f"Forbidden: GET /sistem/ user={participant.pk} reason=can_check_worker refused"
    )
    assert record.exc_info is None
    assert "\n" not in logging.Formatter("%(message)s").format(record)


def test_the_line_stays_one_line_whatever_the_path_and_reason_hold(rf):
    request = rf.post("/")
    request.path, request.user = "/a\nb/", AnonymousUser()
    try:
        raise PermissionDenied("line\nbreak")
    except PermissionDenied:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.WARNING,
            __file__,
            1,
            "Forbidden (Permission denied): %s",
            ("/a\\nb/",),
            sys.exc_info(),
            extra={"status_code": 403, "request": request},
        )
    assert ForbiddenOneLine().filter(record) is True
    assert record.getMessage() == "Forbidden: POST /a\\nb/ user=- reason=line\\nbreak"
    assert record.exc_info is None


def test_other_warnings_of_the_request_log_are_left_alone(client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/yok-boyle-bir-sayfa/")
    assert [record.getMessage() for record in _records(caplog)] == [
        "Not Found: /yok-boyle-bir-sayfa/"
    ]
