"""What a long-lived process keeps out of the cyclic garbage collector's sight.

CPython's collector looks, in each full (oldest generation) collection, at every tracked object
alive. A web worker or a Celery pool process holds hundreds of thousands that live as long as
it does — modules, URL patterns, compiled templates, translation catalogues, the PDF renderer's
fonts and stylesheets — and a full collection looking at them all stops whatever the process
was doing for 100 ms or more (issue 15). `process_freeze()`, once the process has loaded what
it keeps, moves everything alive into the collector's permanent generation (`gc.freeze()`):
later collections look only at what requests and tasks make. Objects are still freed when
nothing refers to them; only a reference cycle among the frozen ones would stay (none is
expected: they live as long as the process anyway).
"""

import gc


def process_freeze() -> int:
    """Collect what is garbage already, then freeze everything alive; returns how many objects
    are frozen in all."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
