"""The session engine (SESSION_ENGINE): Django's database sessions, whose row is read with SQL
built once (core/compiled.py) instead of by the ORM on every signed-in request (issue 15).

What is stored, where, and when it is written or deleted is Django's own; only the read
differs: the row by its key, then the expiry compared here (as Django's `expire_date__gt=now`
does in SQL), so an expired session is no session.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import router
from django.utils import timezone

from core.compiled import CompiledQuery

_SESSION = CompiledQuery(
    lambda *, key: Session.objects.filter(session_key=key), key="-compiled-session-key-marker-"
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = next(
            iter(_SESSION.raw(using=router.db_for_read(Session), key=self.session_key)), None
        )
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session
