"""nextsteps settings, read from the environment with defaults that make a laptop
install just work (one SQLite file in the user's data directory)."""

from __future__ import annotations

import os
from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
import platformdirs
from csp.constants import NONE, SELF
from django.utils.functional import SimpleLazyObject

from nextsteps.environment import (
    BadSetting,
    envbool,
    envint,
    envlist,
    envsecret,
    envtext,
    fernet_keys,
    is_web_address,
    key_in_file,
    new_fernet_key,
    new_secret_key,
    refused,
)
from nextsteps.private_files import private_folder

DATA_DIR = Path(
    os.environ.get("NEXTSTEPS_DATA_DIR") or platformdirs.user_data_dir("nextsteps", appauthor=False)
)

# Without a key in the environment, a laptop install keeps one in the data dir,
# written the first time a page or a stored password needs it (not by --help).
SECRET_KEY = envsecret("NEXTSTEPS_SECRET_KEY") or SimpleLazyObject(
    lambda: key_in_file(DATA_DIR / "secret_key", new_secret_key)
)
# Fernet keys for stored mail passwords, newest first: older ones still decrypt
# during a rotation. Several machines sharing one database must share them: set
# NEXTSTEPS_ENCRYPTION_KEY there.
_encryption_keys = envsecret("NEXTSTEPS_ENCRYPTION_KEY")
ENCRYPTION_KEYS = (
    fernet_keys("NEXTSTEPS_ENCRYPTION_KEY", _encryption_keys)
    if _encryption_keys
    else SimpleLazyObject(lambda: [key_in_file(DATA_DIR / "encryption_key", new_fernet_key)])
)
DEBUG = envbool("NEXTSTEPS_DEBUG", False)
ALLOWED_HOSTS = envlist(
    "NEXTSTEPS_ALLOWED_HOSTS",
    "127.0.0.1,localhost",
    "host names, comma-separated, like jobs.example.com,localhost",
    lambda host: "/" not in host and " " not in host,
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "nextsteps.accounts",
    "nextsteps.tracker",
    "nextsteps.outreach",
    "nextsteps.reminders",
    "nextsteps.inbox",
    "nextsteps.activities",
    "nextsteps.insights",
    "nextsteps.backups",
    "nextsteps.imports",
    "nextsteps.capture",
    "nextsteps.api",
    "nextsteps.web",
]

# django-ninja's page of the API (/api/docs), with its scripts served from here, not a
# CDN. ninja is not an installed app: that would import the whole API framework
# (pydantic and more, about 0.1 s) at every start of a command.
NINJA_FILES = Path(find_spec("ninja").origin).parent  # type: ignore[union-attr,arg-type]
STATICFILES_DIRS = [NINJA_FILES / "static"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files, answered before the session and the rest are looked at.
    "nextsteps.staticfiles.StaticFiles",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nextsteps.web.caching.signed_in_pages_are_not_stored",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nextsteps.urls"
WSGI_APPLICATION = "nextsteps.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [NINJA_FILES / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nextsteps.web.context.layout",
                "nextsteps.web.context.outbox",
            ],
        },
    },
]

SQLITE_PATH = DATA_DIR / "nextsteps.sqlite3"
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}"
if not DATABASE_URL.startswith(("postgres://", "postgresql://", "sqlite://")):
    raise refused("DATABASE_URL", "postgres://user@host:5432/name or sqlite:////path/to/file")
if DATABASE_URL.startswith("postgres") and find_spec("psycopg") is None:
    raise BadSetting("DATABASE_URL names PostgreSQL: install nextsteps[postgres] for its driver.")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=envint(
            "NEXTSTEPS_DB_CONN_MAX_AGE", 0, "a number of seconds (0: a connection per request)"
        ),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, but the file is made private before SQLite opens it.
    DATABASES["default"]["ENGINE"] = "nextsteps.sqlite"
    # The database file's folder; nothing else is written when the settings load.
    try:
        private_folder(Path(DATABASES["default"]["NAME"]).parent)
    except OSError as exc:
        raise refused(
            "DATABASE_URL" if "DATABASE_URL" in os.environ else "NEXTSTEPS_DATA_DIR",
            f"a folder nextsteps can write ({exc.strerror}: {exc.filename})",
        ) from None
    # WAL lets the web process read while the worker writes; IMMEDIATE makes a
    # writer wait for the lock at BEGIN instead of failing half-way through.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests run on SQLite in memory, one database a process, as Django does for its
    # own backend; named here because the test runner's parallel workers would
    # otherwise each be given a file.
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
else:
    # A form's choice of contacts would read them through a server-side cursor
    # (DECLARE, FETCH, CLOSE: three round trips for a dozen rows), which a pooler in
    # transaction mode, as large installs put before PostgreSQL, cannot keep either.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Form fields written by Python functions with the markup of Django's Jinja2
# templates (which render the rest): the application page's quick forms cost less
# than its cards (benchmarks/pages.py).
FORM_RENDERER = "nextsteps.web.form_renderer.FormRenderer"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"
# Whether anyone who reaches the site may create an account.
SIGNUP_OPEN = envbool("NEXTSTEPS_SIGNUP", True)

# Login attempts, counted in the database (nextsteps.accounts.login_limits): after
# 10 failures for one account from one address, that account waits 15 minutes at
# that address, so a flood against one account locks nobody else out; an address
# with 50 failures against any accounts in the last 15 minutes waits too.
AXES_HANDLER = "nextsteps.accounts.login_limits.AccountAndAddressLimits"
AXES_FAILURE_LIMIT = envint(
    "NEXTSTEPS_LOGIN_FAILURE_LIMIT", 10, "a number of failed logins, at least 1", minimum=1
)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = envint(
    "NEXTSTEPS_LOGIN_FAILURE_LIMIT_PER_ADDRESS",
    50,
    f"a number of failed logins, at least NEXTSTEPS_LOGIN_FAILURE_LIMIT ({AXES_FAILURE_LIMIT})",
    minimum=AXES_FAILURE_LIMIT,
)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
# Behind proxies (a career centre's load balancer), every login arrives from their
# address: with their number here, the address the outermost one saw is counted.
TRUSTED_PROXIES = envint(
    "NEXTSTEPS_TRUSTED_PROXIES", 0, "the number of proxies in front of nextsteps (0: none)"
)
AXES_CLIENT_IP_CALLABLE = "nextsteps.accounts.login_limits.client_address"
AXES_VERBOSE = False

# The API answers an account (all its tokens together) this many requests in each
# minute, counted by each web process: a script gone wrong cannot take the server.
API_REQUESTS_PER_MINUTE = envint(
    "NEXTSTEPS_API_REQUESTS_PER_MINUTE", 120, "a number of API requests, at least 1", minimum=1
)

# Errors we cause reach the server's output with their traceback, DEBUG or not,
# and never a secret (the calendar token in a path, say): nextsteps.logs hides it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"secrets_hidden": {"()": "nextsteps.logs.SecretHidingFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "secrets_hidden"}},
    "loggers": {
        name: {"handlers": ["stderr"], "level": level, "propagate": False}
        for name, level in (
            ("django.request", "ERROR"),
            ("django.security", "WARNING"),
            ("waitress", "WARNING"),
        )
    },
}

# Over HTTPS (NEXTSTEPS_HTTPS=true, usually behind a proxy that terminates TLS):
# cookies only travel encrypted and browsers are told to stay on HTTPS.
HTTPS = envbool("NEXTSTEPS_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = envbool("NEXTSTEPS_SSL_REDIRECT", True) and HTTPS
SECURE_HSTS_SECONDS = envint(
    "NEXTSTEPS_HSTS_SECONDS", 31_536_000, "a number of seconds, like 31536000 for a year"
)
if not HTTPS:
    SECURE_HSTS_SECONDS = 0
if envbool("NEXTSTEPS_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = envlist(
    "NEXTSTEPS_CSRF_TRUSTED_ORIGINS",
    "",
    "web addresses, comma-separated, like https://jobs.example.com",
    is_web_address,
)
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts and styles come from our own static files only: no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names and gzip copies, written by nextsteps.staticfiles.collect_static_files.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Where links in calendar entries and e-mails point.
SITE_URL = envtext(
    "NEXTSTEPS_SITE_URL", "http://127.0.0.1:8000", "a web address like https://jobs.example.com"
).rstrip("/")
if not is_web_address(SITE_URL):
    raise refused("NEXTSTEPS_SITE_URL", "a web address like https://jobs.example.com", SITE_URL)

# The address `nextsteps serve` listens on, which it sets itself; empty under any
# other server. Without NEXTSTEPS_SITE_URL, links point there; on a loopback
# address, the first visit may set the command line's user's password.
LISTENING_ON = ""

# The user a CLI command acts for on a laptop install.
CLI_USERNAME = envtext("NEXTSTEPS_USER", "me", "a user name, not empty")

# The outbox worker: how often it looks for due messages, how long one SMTP
# conversation step may take, and how long a claim holds before a `sending`
# message whose worker went silent is marked uncertain.
WORKER_POLL_SECONDS = envint(
    "NEXTSTEPS_WORKER_POLL_SECONDS", 5, "a number of seconds, at least 1", minimum=1
)
SMTP_TIMEOUT_SECONDS = envint(
    "NEXTSTEPS_SMTP_TIMEOUT_SECONDS", 30, "a number of seconds, at least 1", minimum=1
)
SENDING_LEASE_SECONDS = envint(
    "NEXTSTEPS_SENDING_LEASE_SECONDS",
    300,
    f"a number of seconds longer than an SMTP timeout ({SMTP_TIMEOUT_SECONDS})",
    minimum=SMTP_TIMEOUT_SECONDS + 1,
)

# The inbox sync: how often the worker reads a connected inbox, and how long one
# IMAP command may take; how many inboxes one worker listens to for new mail
# (IMAP IDLE: a connection held open each), the others being read only as often.
SYNC_EVERY_SECONDS = envint(
    "NEXTSTEPS_SYNC_EVERY_SECONDS", 300, "a number of seconds, at least 60", minimum=60
)
IMAP_TIMEOUT_SECONDS = envint(
    "NEXTSTEPS_IMAP_TIMEOUT_SECONDS", 30, "a number of seconds, at least 1", minimum=1
)
IDLE_INBOXES = envint("NEXTSTEPS_IDLE_INBOXES", 50, "a number of inboxes, 0 or more", minimum=0)

# The largest file the import page takes (the command line reads any): some
# 25,000 rows of a tracker's export, imported in a couple of minutes
# (benchmarks/import_csv.py). It waits in the session between the dry run and the
# confirmation.
IMPORT_LARGEST_UPLOAD = 2 * 1024 * 1024

# Job capture fetches a posting's page within this time and size. It refuses
# addresses on private, loopback, link-local and reserved networks: on a career
# centre's server, a user's address must not reach what only the server can.
# A laptop install may allow them, to capture a page served on its own network.
CAPTURE_SECONDS = 5
CAPTURE_LARGEST_PAGE = 2 * 1024 * 1024
CAPTURE_PRIVATE_NETWORK = envbool("NEXTSTEPS_CAPTURE_PRIVATE_NETWORK", False)
