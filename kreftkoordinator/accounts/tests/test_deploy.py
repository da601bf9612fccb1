"""With production settings, `kreftkoordinator check --deploy` reports nothing, and without a
SECRET_KEY production refuses to start."""

import os
import subprocess
import sys

PRODUCTION = {
    "SECRET_KEY": "x" * 30 + "-production-secret-key-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "kreftkoordinator.example.no",
    "DEBUG": "0",
    "DATABASE_URL": "sqlite:////tmp/kk-deploy-check.sqlite3",
}


def run(*args, env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG", "KREFTKOORDINATOR_DEMO")
    }
    return subprocess.run(
        [sys.executable, "-m", "kreftkoordinator", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing():
    result = run("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_secret_key_refuses_to_start():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run("check", env=env)
    assert result.returncode != 0 and "Set SECRET_KEY" in result.stderr


def test_hyphenated_command_names_work():
    result = run("import-areas", "--help", env=PRODUCTION)
    assert result.returncode == 0 and "KLASS" in result.stdout


def test_demo_mode_refuses_to_start_without_debug():
    result = run("check", env={**PRODUCTION, "KREFTKOORDINATOR_DEMO": "1"})
    assert result.returncode != 0 and "Turn demo mode off in production" in result.stderr


def test_demo_mode_refuses_to_start_for_other_hosts():
    env = {**PRODUCTION, "KREFTKOORDINATOR_DEMO": "1", "DEBUG": "1"}
    result = run("check", env=env)
    assert result.returncode != 0 and "ALLOWED_HOSTS limited to" in result.stderr


def test_check_deploy_says_demo_mode_is_on():
    env = {**PRODUCTION, "KREFTKOORDINATOR_DEMO": "1", "DEBUG": "1", "ALLOWED_HOSTS": "localhost"}
    result = run("check", "--deploy", env=env)
    assert result.returncode != 0 and "kreftkoordinator.E001" in result.stderr + result.stdout


def test_a_typo_in_a_protection_stops_the_start_up():
    """Issue 27, finding 6: "flase" or "ture" used to read as off, quietly."""
    for name in ("SECURE_SSL_REDIRECT", "BEHIND_TLS_PROXY"):
        result = run("check", env={**PRODUCTION, name: "ture"})
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr and f"{name}='ture'" in result.stderr
    assert run("check", env={**PRODUCTION, "SECURE_SSL_REDIRECT": "False"}).returncode == 0
    assert run("check", env={**PRODUCTION, "BEHIND_TLS_PROXY": "ja"}).returncode == 0
