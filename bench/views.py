"""The floor of the web benchmark: what a request costs with no database and no work.

- `floor_ok`: the middleware stack and a two-byte answer;
- `floor_table`: a 50-row table built in memory and rendered through a Django template (the
  page every measured page is compared with: "× floor");
- `signed_in_layout`: the site's signed-in layout (templates/base.html) around an empty page,
  for the signed-in person: what every signed-in page costs before its own work
  (bench/profile_layout.py).
"""

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template import engines

ROWS = [
    {
        "number": number,
        "name": f"Katılımcı {number} Işıkoğlu",
        "organisation": "Çankaya Belediyesi",
        "province": "Ankara",
        "status": "Onaylandı" if number % 3 else "Bekleme listesinde",
        "rate": f"%{80 + number % 20},{number % 10}0",
    }
    for number in range(1, 51)
]
TABLE = engines["django"].from_string(
    (Path(__file__).resolve().parent / "templates" / "floor_table.html").read_text()
)


def floor_ok(_request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def floor_table(_request: HttpRequest) -> HttpResponse:
    return HttpResponse(TABLE.render({"rows": ROWS}))


SIGNED_IN_LAYOUT = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>Taban</h1>{% endblock %}'
)


@login_required
def signed_in_layout(request: HttpRequest) -> HttpResponse:
    return HttpResponse(SIGNED_IN_LAYOUT.render({}, request))
