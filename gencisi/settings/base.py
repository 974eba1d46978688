"""Settings shared by every environment; every value that differs comes from the environment.

`local` (the default of manage.py) is the laptop: SQLite, console e-mail, DEBUG on.
`production` refuses to start without SECRET_KEY and turns on every HTTPS safeguard.
`test` only makes the suite fast and hermetic (fast hasher, in-memory e-mail).
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = BASE_DIR / ".data"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# QR self check-in: the code shown in the room changes every step (the current and the previous
# step are accepted); check-in opens this many minutes before a session starts and closes at its
# end; a code scanned in time stays usable this long for logging in and confirming.
ATTENDANCE_QR_STEP_SECONDS = 45
ATTENDANCE_QR_OPENS_MINUTES_BEFORE = 30
ATTENDANCE_QR_CONFIRM_MINUTES = 10

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    # The project's apps. Which may import which is their order in pyproject.toml's
    # import-linter contract (README, "The order of the apps"). Here documents comes after the
    # apps that register document kinds, so that DOCUMENT_KIND_MODULES (the tests' and the
    # benchmarks' kinds, loaded by its AppConfig.ready) find theirs.
    "core",
    "accounts",
    "notifications",
    "library",
    "programs",
    "participants",
    "action_plans",
    "certificates",
    "documents",
    "gencisi",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.TurkishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "gencisi.urls"
WSGI_APPLICATION = "gencisi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gencisi.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'gencisi.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Connections are kept for a minute (checked before reuse): a worker does not open a new
# PostgreSQL connection, and PostgreSQL does not fork a new backend, for every task.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Every form field, ours and allauth's, renders through templates/includes/field.html.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Redis is the broker and the cache when REDIS_URL is set. Without it (a bare laptop) the
# broker is a folder queue that the same worker process reads, and the cache is a folder too,
# so rate limits and background jobs still work across the web and worker processes.
REDIS_URL = env.str("REDIS_URL", default="")
# A Redis outage does not fail requests (core/cache.py): reads miss, writes are dropped, and a
# dead Redis costs a request at most a second per cache call.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "gencisi",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's backends, whose user of each signed-in request comes with its roles in
# one query (accounts/backends.py). A session records its backend's path: sessions opened
# before these paths were introduced (issue 15) ask for a new login once.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:home"

# django-allauth: e-mail is the login, verified before first use, with allauth's rate limits.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "participants.forms.signup.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
# The verification link: its page confirms with one button (a POST), so that mail scanners that
# open every link confirm nothing. The click that verifies logs the person in, in whichever
# browser opened the link, once (accounts.views.ConfirmEmailView: allauth alone logs in only
# the browser that signed up). Its e-mail, like all of allauth's, is ours: accounts/emails.py.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# Nobody learns from the site whether an address has an account (issue 11, over issue 2's
# message next to the field): sign-up and password reset answer alike for every address and
# only the address's mailbox learns more: sign-up with a taken address mails its owner
# ("you already have an account"), a reset for an unknown address mails "no account uses
# this address" (so both kinds of request also send one e-mail each and take as long).
# Texts: templates/account/email/.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Genç İşi] "
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Sliding windows (allauth's). Per account ("key": the e-mail address) the limits protect a
# person: 5 failed logins in 5 minutes lock that account, whoever tries. Per address ("ip")
# they only stop a flood: a municipality's staff, or a training room, share one NAT address,
# so an address gets what a few hundred people need at once (300 logins a minute: a whole
# cohort signing in together uses a tenth), and one person there cannot lock out the rest.
ACCOUNT_RATE_LIMITS = {
    "login": "300/m/ip",
    "login_failed": "300/m/ip,5/5m/key",
    "signup": "100/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "100/m/ip,5/m/key",
    "reset_password_from_key": "100/m/ip",
    "change_password": "5/m/user",
}
# The client address of every rate limit (core.http.client_ip): the number of our own proxies
# in front of the site, each appending to X-Forwarded-For. 0 (the default): the header is
# ignored, as anyone can send it. Behind the one HTTPS proxy of the README: 1.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT  # the adapter answers with client_ip anyway

LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["gencisi.formats"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media")))
STORAGES = {
    # The documents' files, read and written only through the storage API: an object storage
    # can take its place (README: "Documents on object storage (S3)").
    "default": {"BACKEND": "documents.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
# An SMTP server that does not answer fails the attempt after this many seconds (not the task's
# five-minute limit); the e-mail is tried again later.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# E-mails (`notifications.Notification`): a temporary failure (SMTP 4xx, no connection) is tried
# again after 1, 2, 4, 8 … minutes (EMAIL_RETRY_BASE_SECONDS doubled each time), up to
# EMAIL_MAX_ATTEMPTS tries; a permanent refusal (5xx) or the last failure marks it failed, with
# its reason, on the coordinators' "failed e-mails" page.
EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=5)
EMAIL_RETRY_BASE_SECONDS = env.float("EMAIL_RETRY_BASE_SECONDS", default=60.0)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Genç İşi Kooperatif <egitim@gencisi.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Sessions live in the database (a logout deletes the row: no cache can keep it alive); only
# their read is faster (core/sessions.py).
SESSION_ENGINE = "core.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Celery: Redis broker, JSON only, acks after the task ends so a killed worker's task is
# redelivered; job state lives in our own tables, so no result backend.
BROKER_DIR = Path(env.str("BROKER_DIR", default=str(DATA_DIR / "broker")))
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
# A broker that refuses or does not answer must not hold up a web request: connecting gives up
# after 2 s, a command after 3 s, and a publish is tried twice (the second try on a new connection,
# e.g. after Redis restarted); then `core.background.enqueue_on_commit` logs it and the beat
# sweepers send the work, which is recorded in our tables, once the broker is back.
REDIS_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 2,
    "socket_timeout": 3,
}
CELERY_BROKER_TRANSPORT_OPTIONS = (
    REDIS_BROKER_TRANSPORT_OPTIONS
    if REDIS_URL
    else {
        "data_folder_in": str(BROKER_DIR),
        "data_folder_out": str(BROKER_DIR),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
)
if not REDIS_URL:
    for folder in (BROKER_DIR, BROKER_DIR / "control", DATA_DIR / "cache"):
        Path(folder).mkdir(parents=True, exist_ok=True)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_WORKER_MAX_TASKS_PER_CHILD = 500
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 300_000  # KiB
# Celery's Django fix-up closes the database connection before and after every task unless this
# is set: a new PostgreSQL connection (and backend process) per task. With it, a worker keeps its
# connection as a web process does — core.background closes it around each task only when it
# broke or outlived CONN_MAX_AGE, and CONN_HEALTH_CHECKS tests it before a task's first query —
# and the fix-up still replaces it after this many tasks.
CELERY_DB_REUSE_MAX = 1000
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# Several deployments (or a benchmark) can share one Redis by giving each its own queue.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TIMEZONE = TIME_ZONE
# The sweepers: every minute, work recorded as queued whose message was lost (the broker was
# down, or restarted empty) is enqueued again, and e-mails due for another try are sent.
CELERY_BEAT_SCHEDULE: dict = {
    "documents-requeue-stuck": {"task": "documents.requeue_stuck_documents", "schedule": 60.0},
    "notifications-send-due": {
        "task": "notifications.send_due_notifications",
        "schedule": 60.0,
    },
}
# Modules that register document kinds beyond those the apps register in their AppConfig.ready
# (the tests' and the benchmarks' sample kinds; empty in production).
DOCUMENT_KIND_MODULES = env.list("DOCUMENT_KIND_MODULES", default=[])
# Reminders that run themselves (participants/services/reminders.py), daily, idempotent, each
# switchable per cohort: the day before each day with sessions; the survey open / closing in
# two days; attendance below the certificate threshold (evening, after the day's attendance);
# the coordinators' digest of registrations awaiting approval.
CELERY_BEAT_SCHEDULE["participants-session-reminders"] = {
    "task": "participants.send_session_reminders",
    "schedule": crontab(hour=9, minute=0),
}
CELERY_BEAT_SCHEDULE["participants-survey-reminders"] = {
    "task": "participants.send_survey_reminders",
    "schedule": crontab(hour=10, minute=0),
}
CELERY_BEAT_SCHEDULE["participants-attendance-warnings"] = {
    "task": "participants.send_attendance_warnings",
    "schedule": crontab(hour=20, minute=0),
}
CELERY_BEAT_SCHEDULE["participants-pending-digests"] = {
    "task": "participants.send_pending_digests",
    "schedule": crontab(hour=8, minute=0),
}
# Messages to a cohort: sent in batches of COHORT_MESSAGE_BATCH_SIZE e-mails, at most
# COHORT_MESSAGES_PER_MINUTE on average (what the mail provider allows).
COHORT_MESSAGE_BATCH_SIZE = env.int("COHORT_MESSAGE_BATCH_SIZE", default=20)
COHORT_MESSAGES_PER_MINUTE = env.int("COHORT_MESSAGES_PER_MINUTE", default=60)

# Action plans: follow-up reminders N months after a cohort ends, with a signed link valid for
# ACTION_PLAN_LINK_MAX_AGE_DAYS days (idempotent, daily).
ACTION_PLAN_REMINDER_MONTHS = (3, 6)
ACTION_PLAN_LINK_MAX_AGE_DAYS = 30
CELERY_BEAT_SCHEDULE["action-plans-reminders"] = {
    "task": "action_plans.send_plan_reminders",
    "schedule": crontab(hour=9, minute=30),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"forbidden_one_line": {"()": "core.logs.ForbiddenOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # A 403 is one line (method, path, user, reason), not a traceback.
        "django.request": {"filters": ["forbidden_one_line"]},
        "django.db.backends": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Importing participants from a spreadsheet (participants/imports/): the largest file and the
# most rows one upload may have, the rows one step of the background task works on, how long
# an invitation link to set a password stays valid, and how long an unconfirmed preview (names
# and e-mails of people who were not imported) is kept before it is deleted (hourly).
PARTICIPANT_IMPORT_MAX_BYTES = env.int("PARTICIPANT_IMPORT_MAX_BYTES", default=2 * 1024 * 1024)
PARTICIPANT_IMPORT_MAX_ROWS = env.int("PARTICIPANT_IMPORT_MAX_ROWS", default=2000)
PARTICIPANT_IMPORT_BATCH_SIZE = 100
PARTICIPANT_INVITATION_MAX_AGE_DAYS = 30
PARTICIPANT_IMPORT_PREVIEW_HOURS = 24
# Accounts never confirmed (no verified e-mail, never logged in, no role, no registration) are
# deleted this many days after sign-up, with what the one-step form kept for them (daily).
UNVERIFIED_ACCOUNT_DAYS = 14
CELERY_BEAT_SCHEDULE["participants-delete-unverified-accounts"] = {
    "task": "participants.delete_unverified_accounts",
    "schedule": crontab(hour=3, minute=40),
}
CELERY_BEAT_SCHEDULE["participants-expire-import-previews"] = {
    "task": "participants.expire_import_previews",
    "schedule": crontab(minute=25),
}
