"""The test suite: same settings as production but fast and hermetic."""

from gencisi.settings.base import *  # noqa: F403
from gencisi.settings.base import DATA_DIR, REDIS_URL, env

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In memory, except in a worker that a test points at its own SMTP server (tests/conftest.py).
EMAIL_BACKEND = env.str(
    "TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend"
)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "gencisi-tests",
    }
}
# Unit tests run tasks in-process; tests marked `worker` start a real worker on REDIS_URL
# (or, on a laptop without Redis, on a folder queue named by BROKER_DIR).
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
if not REDIS_URL and not env.str("BROKER_DIR", default=""):
    CELERY_BROKER_URL = "memory://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {}

# A file, not memory, so that a real Celery worker in a subprocess sees the same test database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
DATA_DIR.mkdir(exist_ok=True)
STATIC_ROOT.mkdir(exist_ok=True)  # noqa: F405 — WhiteNoise warns (an error here) when it is missing

# Test-only document kinds (also loaded by the real worker the worker tests start).
DOCUMENT_KIND_MODULES = ["tests.documents.kinds"]
