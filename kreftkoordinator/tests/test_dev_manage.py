"""The README's promise: after `./dev demo`, `./dev manage COMMAND` runs any command against the
demo's data folder (no SECRET_KEY to set)."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_dev_manage_runs_a_command_against_a_data_folder(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS")
    }
    env["DATA_DIR"] = str(tmp_path)
    for args in (["migrate", "--verbosity", "0"], ["audit", "verify"]):
        result = subprocess.run(
            ["bash", str(ROOT / "dev"), "manage", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 0 entries, chain intact" in result.stdout
    assert (tmp_path / "kreftkoordinator.sqlite3").exists()
