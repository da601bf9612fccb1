"""Settings for the test suite: the real settings module with a fixed key and fast hashing."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

from kreftkoordinator.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SECURE_SSL_REDIRECT = False
ALLOW_TEST_IDENTITY_NUMBERS = (
    True  # the tests build people with synthetic numbers, as the demo does
)
WHITENOISE_AUTOREFRESH = True  # no collected static folder in tests
WHITENOISE_USE_FINDERS = True
# The documents the tests upload go to a folder of this run's own, removed at its end (conftest).
STORAGES["documents"]["OPTIONS"]["location"] = tempfile.mkdtemp(prefix="kk-documents-")  # noqa: F405
