"""`kreftkoordinator backup` and `restore`: Kari's records and the audit log come back as they
were when the copy was made, the log's chain whole; without --yes nothing is replaced; a damaged
copy is refused before anything is touched. On PostgreSQL: pg_dump's copy restores, whole, into
a fresh database."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from kreftkoordinator.organisation.models import Area


def run(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kreftkoordinator", *args], env=env, capture_output=True, text=True
    )


@pytest.fixture
def demo_folder(tmp_path):
    """The demo's SQLite database in a folder of its own, as an operator would have it."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), "KREFTKOORDINATOR_DEMO": "1"}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "SECRET_KEY"):
        env.pop(name, None)
    assert run(env, "demo", "--no-server", "--years", "1").returncode == 0
    return env, tmp_path / "kreftkoordinator.sqlite3"


def names(database) -> list[str]:
    with sqlite3.connect(database) as db:
        return [row[0] for row in db.execute("SELECT name FROM casework_person ORDER BY id")]


def test_backup_and_restore_on_sqlite(demo_folder, tmp_path):
    env, database = demo_folder
    before = names(database)
    assert before
    made = run(env, "backup", str(tmp_path / "copy.sqlite3"))
    assert made.returncode == 0 and "copy.sqlite3" in made.stdout
    with sqlite3.connect(database) as db:  # what happened after the copy was made
        db.execute("UPDATE casework_person SET name = 'Endret'")
    refused = run(env, "restore", str(tmp_path / "copy.sqlite3"))
    assert refused.returncode != 0 and "--yes" in refused.stderr
    assert set(names(database)) == {"Endret"}
    restored = run(env, "restore", str(tmp_path / "copy.sqlite3"), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert names(database) == before and "revisjonsloggen er hel" in restored.stdout
    assert run(env, "audit", "verify").returncode == 0


def test_a_damaged_copy_is_refused_and_nothing_touched(demo_folder, tmp_path):
    env, database = demo_folder
    before = names(database)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert run(env, "restore", str(damaged), "--yes").returncode != 0
    missing = run(env, "restore", str(tmp_path / "none.sqlite3"), "--yes")
    assert missing.returncode != 0 and "Finner ikke" in missing.stderr
    assert names(database) == before


@pytest.mark.django_db
def test_backup_and_restore_on_postgresql(tmp_path):
    """pg_dump's copy of the test database (what the migrations wrote: areas, schemes, the
    audit log's triggers) restored by `kreftkoordinator restore` into a fresh database."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore: the SQLite path is tested above")
    copy = tmp_path / "copy.dump"
    call_command("backup", str(copy))
    settings = connection.settings_dict
    host = settings["HOST"] or "127.0.0.1"
    user = settings["USER"] or "postgres"
    scratch = settings["NAME"] + "_restored"
    base = ["--host", host, "--username", user]
    subprocess.run(["dropdb", "--if-exists", *base, scratch], check=True)
    subprocess.run(["createdb", *base, scratch], check=True)
    try:
        env = {**os.environ, "DATABASE_URL": f"postgres://{user}@{host}:5432/{scratch}"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        restored = run(env, "restore", str(copy), "--yes")
        assert restored.returncode == 0, restored.stderr
        assert "revisjonsloggen er hel" in restored.stdout

        def query(sql: str) -> str:
            return subprocess.run(
                ["psql", *base, "--dbname", scratch, "-Atc", sql],
                check=True, capture_output=True, text=True,
            ).stdout.strip()  # fmt: skip

        assert int(query("SELECT count(*) FROM organisation_area")) == Area.objects.count()
        assert int(query("SELECT count(*) FROM grants_scheme")) == 2
        # The copy keeps the log append-only.
        assert int(query("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'audit_%'")) >= 4
    finally:
        subprocess.run(["dropdb", "--if-exists", *base, scratch], check=True)
