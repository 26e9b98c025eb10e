"""The one settings module. Every knob is an environment variable, listed in docs/operations.md.

With none set, the embedded profile runs: SQLite under var/, local-memory cache, database task
queue. DATABASE_URL and REDIS_URL switch to PostgreSQL, Redis and RQ.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

from pioneers.env import (
    ConfigurationError,
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_str,
    env_url,
)

PACKAGE_DIR = Path(__file__).resolve().parent

KNOWN_VARIABLES = {
    "PIONEERS_DATA_DIR",
    "PIONEERS_SECRET_KEY",
    "PIONEERS_DEBUG",
    "PIONEERS_ALLOWED_HOSTS",
    "PIONEERS_BASE_URL",
    "PIONEERS_EMAIL_BACKEND",
    "PIONEERS_EMAIL_HOST",
    "PIONEERS_EMAIL_PORT",
    "PIONEERS_EMAIL_USER",
    "PIONEERS_EMAIL_PASSWORD",
    "PIONEERS_EMAIL_TLS",
    "PIONEERS_EMAIL_FROM",
    "PIONEERS_LOG_LEVEL",
    "PIONEERS_LOG_FORMAT",
    "PIONEERS_SECURE_COOKIES",
    "PIONEERS_TASK_MAX_AGE",
    "PIONEERS_PAGE_CACHE_SECONDS",
    "PIONEERS_EMAIL_RATE_PER_ADDRESS",
    "PIONEERS_EMAIL_RATE_PER_CLIENT",
    "PIONEERS_ACCESSIBILITY_NEEDS_DAYS",
    "PIONEERS_WEB_WORKERS",
    "PIONEERS_PORT",
    "PIONEERS_HOST",
    "PIONEERS_CHECKIN_OPENS_HOURS",
    "PIONEERS_CHECKIN_CLOSES_HOURS",
    "PIONEERS_OUTREACH_RATE",
    "PIONEERS_CFP_SLIDES_MAX_MB",
    "PIONEERS_SOURCE_URL",
    "PIONEERS_API_RATE_PER_MINUTE",
}
_unknown = sorted(k for k in os.environ if k.startswith("PIONEERS_") and k not in KNOWN_VARIABLES)
if _unknown:
    raise ConfigurationError(
        f"Unknown setting {_unknown[0]}; the variables are listed in docs/operations.md."
    )

# The working directory's var/, so an installed package keeps its data outside site-packages.
DATA_DIR = Path(env_str("PIONEERS_DATA_DIR", str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The configured key, or one generated once for this data directory and kept there."""
    configured = env_str("PIONEERS_SECRET_KEY", "")
    if configured:
        return configured
    path = DATA_DIR / "secret_key"
    try:
        # Created readable by its owner only, and only once even with two processes starting.
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("PIONEERS_DEBUG", False)
ALLOWED_HOSTS = env_list("PIONEERS_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
BASE_URL = env_url("PIONEERS_BASE_URL", ("http", "https")) or "http://127.0.0.1:8000"
CSRF_TRUSTED_ORIGINS = [BASE_URL.rstrip("/")]
# Where the platform's source code is published: the footer links to it (EUPL-1.2, art. 5 asks
# that whoever runs a changed copy offers its source) and publiccode.yml names it.
SOURCE_URL = (
    env_url("PIONEERS_SOURCE_URL", ("http", "https"))
    or "https://github.com/pioneers-network/pioneers"
)
LICENCE_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"

INSTALLED_APPS = [
    "pioneers.core",
    "pioneers.network",
    "pioneers.topics",
    "pioneers.meetings",
    "pioneers.cfp",
    "pioneers.publications",
    "pioneers.reports",
    "pioneers.practices",
    "pioneers.magazine",
    "pioneers.surveys",
    "pioneers.evaluation",
    "pioneers.commitments",
    "pioneers.outreach",
    "pioneers.search",
    "pioneers.opendata",
    "pioneers.demo",
    "rules",  # the roles' template tags ({% has_perm %})
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    # Background tasks
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "pioneers.core.middleware.ContentSecurityPolicyMiddleware",
    "pioneers.core.middleware.StatusCodeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pioneers.core.middleware.AnonymousPageCacheMiddleware",
    "pioneers.core.middleware.WagtailSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "pioneers.core.middleware.AdminAccessMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "pioneers.urls"
WSGI_APPLICATION = "pioneers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pioneers.core.menu.site_menu",
                "pioneers.publications.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite file in the data directory unless DATABASE_URL names another.
DATABASE_URL = env_url("DATABASE_URL", ("postgres", "postgresql", "sqlite"))
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            # Opening a SQLite connection costs about a quarter of a small page's time.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "NAME": DATA_DIR / "pioneers.sqlite3",
            "OPTIONS": {
                # WAL lets the web process read while the task worker writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions and background tasks: Redis and RQ when REDIS_URL is set.
REDIS_URL = env_url("REDIS_URL", ("redis", "rediss", "unix"))
# The embedded profile: neither an external database nor Redis (SQLite, file cache, DB tasks).
EMBEDDED = not DATABASE_URL and not REDIS_URL
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pioneers",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    # Only with Redis: they import redis and rq, memory that every web worker would carry.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    # A file cache, not local memory: the web workers and the task worker must see one cache,
    # or a page published in one process stays stale in the others.
    CACHES = {
        "default": {
            "BACKEND": "pioneers.core.filebased.AtomicFileBasedCache",
            "LOCATION": DATA_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    RQ_QUEUES = {}
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Anonymous visitors get cached pages for at most this long (any data change expires them).
PAGE_CACHE_SECONDS = env_int("PIONEERS_PAGE_CACHE_SECONDS", 600, minimum=0)
# The largest slides (PDF) a speaker may attach to a proposal, in megabytes.
CFP_SLIDES_MAX_BYTES = env_int("PIONEERS_CFP_SLIDES_MAX_MB", 10, minimum=1) * 1024 * 1024
# A queued task older than this (seconds) means no worker is taking tasks: /healthz says so.
TASK_MAX_AGE = env_int("PIONEERS_TASK_MAX_AGE", 300, minimum=10)
# Days after a meeting's day that housekeeping erases its guests' accessibility needs (health
# data, seen by nobody once the meeting is over): 0 erases them the night after the meeting.
ACCESSIBILITY_NEEDS_DAYS = env_int("PIONEERS_ACCESSIBILITY_NEEDS_DAYS", 0, minimum=0)
# Check-in at meetings opens this many hours before midnight of the meeting day and closes
# this many hours after the meeting ends; later only coordinators change who came (logged).
CHECKIN_OPENS_HOURS = env_int("PIONEERS_CHECKIN_OPENS_HOURS", 0, minimum=0)
CHECKIN_CLOSES_HOURS = env_int("PIONEERS_CHECKIN_CLOSES_HOURS", 24, minimum=0)

# Accounts
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # Roles (pioneers/core/roles.py and the apps' rules.py): object-level predicates first.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_ADAPTER = "pioneers.core.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Whether an address has an account is personal data: a duplicate sign-up looks like any other
# to the visitor, and the address's owner gets an email saying an account exists.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https") else "http"
# Forms that send email (registering, nominating, joining, "we want to try this too", signing
# up, login codes, password resets) accept at most this many an hour per address and per
# client (the account, or the IP address): see core/ratelimit.py and docs/operations.md.
EMAIL_RATE_PER_ADDRESS = env_int("PIONEERS_EMAIL_RATE_PER_ADDRESS", 5, minimum=1)
EMAIL_RATE_PER_CLIENT = env_int("PIONEERS_EMAIL_RATE_PER_CLIENT", 20, minimum=1)
# The public API (/api/v1/) answers at most this many requests a minute per client (IP address);
# more get 429 with Retry-After: see opendata/api/http.py and docs/opendata.md.
API_RATE_PER_MINUTE = env_int("PIONEERS_API_RATE_PER_MINUTE", 600, minimum=1)
_email_rates = f"{EMAIL_RATE_PER_CLIENT}/h/ip,{EMAIL_RATE_PER_ADDRESS}/h/key"
# allauth's own short limits stay (a verification email at most every 3 minutes per address).
ACCOUNT_RATE_LIMITS = {
    "signup": f"{EMAIL_RATE_PER_CLIENT}/h/ip",
    "confirm_email": f"1/3m/key,{EMAIL_RATE_PER_ADDRESS}/h/key",
    "request_login_code": f"3/m/key,{_email_rates}",
    "reset_password": f"5/m/key,{_email_rates}",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"  # the account adapter sends people to the home of their language
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
# A page restricted to logged-in people or groups sends visitors to the same login page.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"

# Email: printed to the console in the embedded profile, SMTP when a host is set.
EMAIL_HOST = env_str("PIONEERS_EMAIL_HOST", "")
_email_default = "smtp" if EMAIL_HOST else "console"
_email_backend = env_choice(
    "PIONEERS_EMAIL_BACKEND", _email_default, ("smtp", "console", "file", "locmem")
)
# "console" prints each email as a readable block (subject, addresses, text, links, attachments).
EMAIL_BACKEND = (
    "pioneers.core.console_email.EmailBackend"
    if _email_backend == "console"
    else f"django.core.mail.backends.{_email_backend}.EmailBackend"
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_PORT = env_int("PIONEERS_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("PIONEERS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("PIONEERS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PIONEERS_EMAIL_TLS", True)
# Campaign emails leave at most this many per second (one worker sends a campaign at a time).
OUTREACH_RATE = env_float("PIONEERS_OUTREACH_RATE", 20.0, minimum=0.01)
DEFAULT_FROM_EMAIL = env_str("PIONEERS_EMAIL_FROM", "Pioneers <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Languages: Dutch first, English second; URLs carry the language (/nl/, /en/).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Private files (profile photos) live outside MEDIA_ROOT and are never served as media:
    # /private/… URLs go to views that check who asks (pioneers/urls.py).
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": DATA_DIR / "private", "base_url": "/private/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
# WhiteNoise warns at start-up about a missing folder; a fresh checkout has not collected yet.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Wagtail
WAGTAIL_SITE_NAME = "Pioneers"
# An article approved for a magazine edition that appeared and is closed waits, unpublished.
WAGTAIL_FINISH_WORKFLOW_ACTION = "pioneers.magazine.workflow.finish"
WAGTAILADMIN_BASE_URL = BASE_URL
# No Gravatar images in the admin: they would send a hash of every editor's email address to a
# third party (and the Content-Security-Policy blocks them anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Full-text search that understands Dutch on SQLite and PostgreSQL alike (see core/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "pioneers.core.search"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth handles password resets

# Security
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
_secure = env_bool("PIONEERS_SECURE_COOKIES", BASE_URL.startswith("https"))
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _secure
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "pioneers.core.views.csrf_failure"
if _secure:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Logging on stdout. In production one JSON object per line at INFO, for log collectors; in the
# embedded profile (and with debug on) readable lines, at WARNING there, so that the emails the
# task worker prints stay readable instead of drowning in its task lines.
LOG_FORMAT = env_choice(
    "PIONEERS_LOG_FORMAT", "text" if EMBEDDED or DEBUG else "json", ("json", "text")
)
LOG_LEVEL = env_choice(
    "PIONEERS_LOG_LEVEL", "WARNING" if EMBEDDED else "INFO", ("DEBUG", "INFO", "WARNING", "ERROR")
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "pioneers.core.logging.JsonFormatter"},
        "text": {"()": "pioneers.core.logging.TextFormatter"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            # On the handler too: the task worker sets its own loggers to INFO at start-up.
            "level": LOG_LEVEL,
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "WARNING"},
    },
}
