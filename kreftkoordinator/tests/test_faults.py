"""When things fail: the database gone in the middle of a request gives a friendly 503 page,
and what the request had begun to write is not left half-saved."""

import os

import pytest
from django.db import OperationalError
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import Case, CasePhase, Person
from kreftkoordinator.conftest import login


@pytest.mark.django_db
def test_the_database_gone_mid_request_is_a_friendly_503_and_nothing_half_saved(
    client, kari, drammen_person, monkeypatch
):
    """Opening a case writes the case, its first phase and an audit entry; the connection dies
    at the audit entry: neither the case nor its phase is left behind."""
    from kreftkoordinator import audit

    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(audit, "record", gone)
    login(client, kari)
    client.raise_request_exception = False
    response = client.post(
        reverse("casework:case_create", args=[drammen_person.pk]),
        {"kind": "patient", "opened_on": "2026-01-01", "phase": "new_diagnosis"},
    )
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Prøv igjen om litt" in response.content.decode()
    assert "ingenting er lagret" in response.content.decode()
    assert not Case.objects.exists() and not CasePhase.objects.exists()
    assert Person.objects.count() == 1 and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_other_errors_are_not_taken_for_the_database(client, kari, monkeypatch):
    from kreftkoordinator.casework import case_views

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(case_views, "day_of", broken)
    login(client, kari)
    client.raise_request_exception = False
    assert client.get(reverse("casework:caseload")).status_code == 500


KILLER = """
import os, signal
from django.db.models import QuerySet
original = QuerySet.bulk_create
calls = []
def bulk_create(self, *args, **kwargs):
    calls.append(1)
    result = original(self, *args, **kwargs)
    if len(calls) == 3:  # people, cases and phases written: the process dies here
        os.kill(os.getpid(), signal.SIGKILL)
    return result
QuerySet.bulk_create = bulk_create
"""


def test_an_import_killed_half_way_leaves_nothing(tmp_path):
    """A real process, killed (SIGKILL) after it has written the first tables of an import:
    the database holds nothing of it, since the import is one transaction."""
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "DATA_DIR": str(tmp_path), "KREFTKOORDINATOR_DEMO": "1"}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "SECRET_KEY"):
        env.pop(name, None)  # the test suite's, not the demo's
    cli = [sys.executable, "-m", "kreftkoordinator"]
    subprocess.run([*cli, "demo", "--no-server", "--years", "0"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    database = tmp_path / "kreftkoordinator.sqlite3"

    def people() -> int:
        with sqlite3.connect(database) as db:
            return db.execute("SELECT count(*) FROM casework_person").fetchone()[0]

    before = people()
    (tmp_path / "killer.py").write_text(KILLER)
    example = Path(__file__).resolve().parents[2] / "docs" / "import-example.json"
    killed = subprocess.run(
        [sys.executable, "-c",
         "import killer; from kreftkoordinator.cli import main; import sys; "
         f"sys.argv = ['kreftkoordinator', 'import-casework', '{example}', "
         "'--user', 'koordinator.drammen']; main()"],
        env={**env, "PYTHONPATH": f"{tmp_path}{os.pathsep}{env.get('PYTHONPATH', '')}"},
        capture_output=True,
    )  # fmt: skip
    assert killed.returncode == -9, killed.stderr.decode()[-2000:]
    assert people() == before
