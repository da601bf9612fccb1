"""One settings module, driven by environment variables (see docs/configuration in README).

Defaults suit the demo and development: SQLite in ./data, console e-mail. Production sets
SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS and leaves DEBUG off; `kreftkoordinator check --deploy`
then reports nothing.
"""

import ipaddress
import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

TRUE_WORDS = {"1", "true", "yes", "on", "ja"}
FALSE_WORDS = {"0", "false", "no", "off", "nei"}


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no setting. Anything but the known words stops the start-up: a typo in
    SECURE_SSL_REDIRECT must not quietly turn a protection off (as healthchecks does)."""
    word = os.environ.get(name, "").strip().lower()
    if not word:
        return default
    if word in TRUE_WORDS | FALSE_WORDS:
        return word in TRUE_WORDS
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is neither true ({', '.join(sorted(TRUE_WORDS))}) "
        f"nor false ({', '.join(sorted(FALSE_WORDS))})."
    )


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", PROJECT_DIR / "data"))
NODE_MODULES = Path(os.environ.get("NODE_MODULES", PROJECT_DIR / "node_modules"))

# Demo mode: synthetic data, printed log-ins, two-factor relaxed (and said so on every page).
DEMO = env_bool("KREFTKOORDINATOR_DEMO")
DEBUG = env_bool("DEBUG", default=DEMO)
# The Tax Administration's synthetic identity numbers (month + 80) are test data: accepted in the
# demo and the tests, refused in production unless an operator turns this on for a test system.
ALLOW_TEST_IDENTITY_NUMBERS = env_bool("ALLOW_TEST_IDENTITY_NUMBERS", default=DEMO)


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    if not (DEBUG or DEMO):
        raise ImproperlyConfigured("Set SECRET_KEY (required unless DEBUG or demo mode is on).")
    # Development and demo: one generated key, kept in the data folder so sessions survive restarts.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Demo mode lists every user name on the log-in page and relaxes two-factor: it runs on the
# developer's own machine only, never where anyone else can reach it.
if DEMO and not (DEBUG and set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS):
    raise ImproperlyConfigured(
        "Demo mode (KREFTKOORDINATOR_DEMO) runs only with DEBUG on and ALLOWED_HOSTS limited to "
        "127.0.0.1, localhost and ::1. Turn demo mode off in production."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "kreftkoordinator.organisation",
    "kreftkoordinator.accounts",
    "kreftkoordinator.audit",
    "kreftkoordinator.casework",
    "kreftkoordinator.exchange",
    "kreftkoordinator.directory",
    "kreftkoordinator.public",
    "kreftkoordinator.reporting",
    "kreftkoordinator.economics",
    "kreftkoordinator.grants",
    "kreftkoordinator.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that static files carry the policies too.
    "kreftkoordinator.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kreftkoordinator.middleware.LanguageMiddleware",
    "kreftkoordinator.audit.middleware.AuditChannelMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kreftkoordinator.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kreftkoordinator.middleware.DemoErrorPagesMiddleware",
    "kreftkoordinator.middleware.DatabaseUnavailableMiddleware",
    # Last, as axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

FORM_RENDERER = "kreftkoordinator.forms.Renderer"
ROOT_URLCONF = "kreftkoordinator.urls"
WSGI_APPLICATION = "kreftkoordinator.wsgi.application"

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
                "kreftkoordinator.navigation.navigation",
                "kreftkoordinator.accounts.context_processors.recovery",
                "kreftkoordinator.languages.context",
            ],
            "builtins": ["kreftkoordinator.shown"],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'kreftkoordinator.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, as axes asks: it refuses a locked-out user before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# A recovery of an account with access to persons takes effect this long after a second
# person approved it; meanwhile the old address and the leaders can stop it (docs/security.md).
RECOVERY_DELAY_HOURS = int(os.environ.get("RECOVERY_DELAY_HOURS", "24"))
# Reads refused as outside the user's areas, per user and hour, before she is stopped and the
# administrators are told (audit/scoping.py): probing must not fill people's access logs.
REFUSED_READS_PER_HOUR = int(os.environ.get("REFUSED_READS_PER_HOUR", "10"))
# The proxies in front of the application (addresses or networks): the client's address is the
# right-most one in X-Forwarded-For that is not one of them (kreftkoordinator/addresses.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an address") from _error

# Lock-out after repeated failed log-ins (django-axes), per user name and address: per user name
# alone would let anyone lock a coordinator out; per address alone would lock out a whole
# municipality behind one NAT. Two factors stand behind the password for roles with personal data.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "kreftkoordinator.addresses.client_address"
# Failed log-ins for one user name from every address together: past this many in an hour each
# further try waits LOGIN_USER_DELAY_SECONDS after the last; it slows guessing from many
# addresses down and never locks the right user out (accounts/forms.py).
LOGIN_USER_LIMIT = int(os.environ.get("LOGIN_USER_LIMIT", "20"))
LOGIN_USER_DELAY_SECONDS = int(os.environ.get("LOGIN_USER_DELAY_SECONDS", "60"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Idle timeout: the session expires after this long without a request.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

OTP_TOTP_ISSUER = "Kreftkoordinator"

# Retention (casework/retention.py, `kreftkoordinator retention`, nightly): handled contact
# requests are deleted after RETENTION_REQUEST_DAYS; a person with nothing open and nothing
# recorded for RETENTION_YEARS is anonymised.
RETENTION_REQUEST_DAYS = int(os.environ.get("RETENTION_REQUEST_DAYS", "180"))
RETENTION_YEARS = int(os.environ.get("RETENTION_YEARS", "10"))

# The public contact form: accepted requests per sender (address and phone or e-mail) and per
# address (a hospital's or NAV office's, shared by many) an hour. The cache counts them; with
# several app servers set CACHE_URL to a shared cache (e.g. redis://127.0.0.1:6379/1).
PUBLIC_FORM_LIMIT = int(os.environ.get("PUBLIC_FORM_LIMIT", "5"))
PUBLIC_ADDRESS_LIMIT = int(os.environ.get("PUBLIC_ADDRESS_LIMIT", "100"))
# Unanswered requests from one address into one coordinator's inbox; at the limit she is told.
PUBLIC_INBOX_LIMIT = int(os.environ.get("PUBLIC_INBOX_LIMIT", "10"))
# The Cancer Society's advice line (Kreftlinjen), which the find page gives where a municipality
# has no coordinator: check the number and hours against kreftforeningen.no.
CANCER_LINE_PHONE = os.environ.get("CANCER_LINE_PHONE", "21 49 49 21")
CANCER_LINE_OPENS = os.environ.get("CANCER_LINE_OPENS", "09.00")
CANCER_LINE_CLOSES = os.environ.get("CANCER_LINE_CLOSES", "15.00")
# The accessibility statement promises an answer to a reported problem within this many days.
ACCESSIBILITY_ANSWER_DAYS = int(os.environ.get("ACCESSIBILITY_ANSWER_DAYS", "14"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if cache_url := os.environ.get("CACHE_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": cache_url,
    }

# Single sign-on through OpenID Connect (docs/operations.md): OIDC_PROVIDERS names the providers
# ("helseid,idporten"), each configured by OIDC_<NAME>_* (ISSUER, CLIENT_ID, PRIVATE_KEY_FILE or
# PRIVATE_KEY, and optionally KIND, NAME, SCOPES, IDENTITY_CLAIM, LEVEL_CLAIM, TWO_FACTOR_LEVELS,
# ACR_VALUES, DPOP, STAFF); what is not set comes from its kind (accounts/providers.py).
PROVIDER_SETTINGS = (
    "KIND NAME ISSUER CLIENT_ID PRIVATE_KEY PRIVATE_KEY_FILE SCOPES IDENTITY_CLAIM "
    "IDENTITY_CLAIMS LEVEL_CLAIM TWO_FACTOR_LEVELS ACR_VALUES DPOP STAFF"
).split()
OIDC_PROVIDERS = {
    name.lower(): {
        setting: os.environ.get(f"OIDC_{name.upper()}_{setting}", "")
        for setting in PROVIDER_SETTINGS
    }
    for name in env_list("OIDC_PROVIDERS", "")
}
# The provider persons log in through to read their own access log (/innsyn/), if any.
INNSYN_PROVIDER = os.environ.get("INNSYN_PROVIDER", "").lower()
# The secret under which identity numbers are hashed (identity_numbers.keyed_hash). Changing it
# unlinks every recorded log-in identity: keep it apart from SECRET_KEY, which may be rotated.
IDENTITY_HASH_KEY = os.environ.get("IDENTITY_HASH_KEY") or f"identity:{SECRET_KEY}"
AUTHENTICATION_BACKENDS.append("kreftkoordinator.accounts.sign_on.SignOnBackend")

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål")), ("nn", _("Norsk nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A visitor's choice of language (kreftkoordinator/languages.py), kept for a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/designsystemet-css", NODE_MODULES / "@digdir/designsystemet-css/dist/src"),
    ("vendor/designsystemet-theme", NODE_MODULES / "@digdir/designsystemet-theme/brand"),
    ("vendor/htmx", NODE_MODULES / "htmx.org/dist"),
]
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
    # Documents on a case (casework/documents.py): never under a URL of their own, only through
    # the scoped download view. On disk in DATA_DIR/documents, or with DOCUMENTS_STORAGE=s3 in an
    # S3-compatible bucket (credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("DOCUMENTS_DIR", str(DATA_DIR / "documents")),
            "base_url": "/ingen-direkte-adresse/",
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}
if os.environ.get("DOCUMENTS_STORAGE", "file") == "s3":
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("DOCUMENTS_S3_BUCKET", ""),
            "endpoint_url": os.environ.get("DOCUMENTS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DOCUMENTS_S3_REGION") or None,
            "location": "documents",
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "object_parameters": {"ServerSideEncryption": "AES256"}
            if env_bool("DOCUMENTS_S3_ENCRYPT", True)
            else {},
        },
    }
# Each document at most this many bytes (the proxy in front must let as much through).
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", str(20 * 1024 * 1024)))
# The funder's accounts (docs/grants.md, "Into the funder's accounts"): the ledger account grants
# are posted to, each scheme's project code ("Tabell 3-1=4100,Eldre ordning=4090"; a scheme not
# named gets GRANTS_PROJECT_DEFAULT), and the account payments are made from.
GRANTS_LEDGER_ACCOUNT = os.environ.get("GRANTS_LEDGER_ACCOUNT", "5910")
GRANTS_PROJECT_CODES = {
    name.strip(): code.strip()
    for name, _sep, code in (i.partition("=") for i in env_list("GRANTS_PROJECT_CODES"))
    if code.strip()
}
GRANTS_PROJECT_DEFAULT = os.environ.get("GRANTS_PROJECT_DEFAULT", "KREFTKOORDINATOR")
GRANTS_PAYER_NAME = os.environ.get("GRANTS_PAYER_NAME", "Kreftforeningen")
GRANTS_PAYER_ORGANISATION_NUMBER = os.environ.get("GRANTS_PAYER_ORGANISATION_NUMBER", "")
GRANTS_PAYER_ACCOUNT = os.environ.get("GRANTS_PAYER_ACCOUNT", "")
GRANTS_PAYER_BIC = os.environ.get("GRANTS_PAYER_BIC", "")
# A ClamAV daemon that scans each document before it is stored: "host:port" or "unix:/path".
CLAMAV_ADDRESS = os.environ.get("CLAMAV_ADDRESS", "")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kreftkoordinator@localhost")

# Background work (e-mail) runs as tasks (django-tasks, the backport of Django 6's framework): at
# once by default; with TASKS_BACKEND=database it is queued in the database and run by
# `kreftkoordinator db_worker` (README, Production).
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[os.environ.get("TASKS_BACKEND", "immediate")]
    }
}

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    if env_bool("BEHIND_TLS_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Scripts and styles from our own files only; no inline code, no other origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()"
)
