"""Backup and restore of the whole database (docs/operations.md). SQLite: SQLite's own online
backup, consistent while the application runs. PostgreSQL: pg_dump's custom format, restored
with pg_restore; point-in-time recovery is the server's (WAL archiving), documented beside it.
After a restore the audit log's chain is checked."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection


class BackupError(Exception):
    """In Norwegian: why the backup or restore could not be made."""


def default_path() -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
    return Path(settings.DATA_DIR) / "backups" / f"kreftkoordinator-{stamp}.{suffix}"


def backup(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        _check_sqlite(path)
        return path
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={path}", *_pg_target()])
    return path


def restore(path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"Finner ikke sikkerhetskopien {path}.")
    if connection.vendor == "sqlite":
        _check_sqlite(path)
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
          *_pg_target(flag="--dbname"), str(path)])  # fmt: skip


def _check_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as db:
        verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        raise BackupError(f"Sikkerhetskopien {path} er skadet: {verdict}")


def _pg_target(flag: str = "--dbname") -> list[str]:
    db = settings.DATABASES["default"]
    name = connection.settings_dict["NAME"]  # the test database's during the tests
    parts = [f"{flag}={name}"]
    if db.get("HOST"):
        parts.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        parts.append(f"--port={db['PORT']}")
    if db.get("USER"):
        parts.append(f"--username={db['USER']}")
    return parts


def _run(command: list[str]) -> None:
    env = {**os.environ}
    if password := settings.DATABASES["default"].get("PASSWORD"):
        env["PGPASSWORD"] = password
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as e:
        raise BackupError(f"{command[0]} finnes ikke her: installer PostgreSQL-klienten.") from e
    if done.returncode != 0:
        raise BackupError(f"{command[0]} feilet: {done.stderr.strip()[-500:]}")
