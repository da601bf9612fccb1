"""The log is tamper-evident: every entry carries a digest of its content and of the entry before
it, `kreftkoordinator audit verify` names the first broken link, SQLite refuses INSERT OR
REPLACE, and on PostgreSQL the application's own role cannot rewrite the log at all."""

import io

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from kreftkoordinator import audit
from kreftkoordinator.audit.grants import grant_statements
from kreftkoordinator.audit.models import Action, AuditEntry

# What the database owner (or anyone who gets its password) would do to rewrite the past.
SWITCH_OFF = {
    # A superuser's shortcut; an owner would ALTER TABLE ... DISABLE TRIGGER to the same end.
    "postgresql": (["SET session_replication_role = replica"], ["RESET session_replication_role"]),
    "sqlite": (
        [
            f"DROP TRIGGER {t}"
            for t in ("audit_no_update", "audit_no_delete", "audit_person_no_update")
        ],
        [],
    ),
}


def run_verify(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit", "verify", *args, stdout=out, stderr=err)
        code: object = 0
    except SystemExit as e:
        code = e.code
    return code, out.getvalue() + err.getvalue()


def as_owner_without_triggers(*statements):
    off, on = SWITCH_OFF[connection.vendor]
    with connection.cursor() as cursor:
        for sql in [*off, *statements, *on]:
            cursor.execute(sql)


@pytest.fixture
def entries(kari, drammen_person):
    return [audit.record(kari, Action.VIEW, drammen_person, reason=f"nr. {i}") for i in range(5)]


@pytest.mark.django_db
class TestChain:
    def test_each_entry_links_to_the_one_before(self, entries):
        assert entries[0].previous == "" or AuditEntry.objects.filter(pk__lt=entries[0].pk)
        for before, after in zip(entries, entries[1:], strict=False):
            assert after.previous == before.digest and len(after.digest) == 64

    def test_an_intact_chain_verifies_and_prints_its_head(self, entries):
        code, output = run_verify()
        assert code == 0
        assert f"OK: 5 entries, chain intact. Head: {entries[-1].pk}:{entries[-1].digest}" in output

    @pytest.mark.breaks_audit_chain
    def test_a_changed_entry_is_found(self, entries):
        as_owner_without_triggers(
            f"UPDATE audit_auditentry SET reason = 'ingenting å se' WHERE id = {entries[2].pk}"
        )
        code, output = run_verify()
        assert code == 1
        assert f"BROKEN at entry {entries[2].pk}" in output and "was changed" in output
        assert "2 entries before it are intact" in output

    @pytest.mark.breaks_audit_chain
    def test_a_removed_entry_is_found(self, entries):
        as_owner_without_triggers(f"DELETE FROM audit_auditentry WHERE id = {entries[1].pk}")
        code, output = run_verify()
        assert code == 1 and f"BROKEN at entry {entries[2].pk}" in output
        assert "removed or inserted" in output

    @pytest.mark.breaks_audit_chain
    def test_a_changed_further_person_is_found(self, kari, drammen_case):
        entry = audit.record(kari, Action.VIEW, drammen_case, persons=[123456])
        as_owner_without_triggers(
            f"UPDATE audit_auditperson SET person_id = 654321 WHERE entry_id = {entry.pk}"
        )
        code, output = run_verify()
        assert code == 1 and f"BROKEN at entry {entry.pk}" in output

    @pytest.mark.breaks_audit_chain
    def test_a_rewritten_tail_is_found_with_the_head_noted_earlier(self, entries):
        anchor = f"{entries[3].pk}:{entries[3].digest}"
        # Rewrite the last two entries and recompute their digests: the chain is consistent
        # again, but the digest noted outside the database no longer matches.
        from kreftkoordinator.audit.chain import digest

        previous = entries[2].digest
        statements = []
        for entry in entries[3:]:
            entry.reason = "omskrevet"
            value = digest(entry, [], previous)
            statements.append(
                f"UPDATE audit_auditentry SET reason = 'omskrevet', previous = '{previous}', "
                f"digest = '{value}' WHERE id = {entry.pk}"
            )
            previous = value
        as_owner_without_triggers(*statements)
        assert run_verify()[0] == 0
        code, output = run_verify("--expect", anchor)
        assert code == 1 and "no longer has the digest" in output

    def test_an_insert_that_replaces_an_entry_is_refused(self, entries):
        """SQLite's INSERT OR REPLACE deletes the old row without firing delete triggers;
        PostgreSQL's INSERT ... ON CONFLICT DO UPDATE is the same move there."""
        target = entries[2]
        columns = "(id, at, action, object_type, object_id, reason, path, previous, digest)"
        values = "VALUES (%s, %s, 'view', 'x', '', 'omskrevet', '', '', '')"
        sql = {
            "sqlite": f"INSERT OR REPLACE INTO audit_auditentry {columns} {values}",
            "postgresql": f"INSERT INTO audit_auditentry {columns} {values} "
            "ON CONFLICT (id) DO UPDATE SET reason = EXCLUDED.reason",
        }[connection.vendor]
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [target.pk, target.at])
        assert AuditEntry.objects.get(pk=target.pk).reason == "nr. 2"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="roles are PostgreSQL's")
class TestLeastPrivilegeOnPostgreSQL:
    """The documented set-up: the application's role writes the log through the product and
    can do nothing else to it (the role is created inside the test's transaction)."""

    ROLE = "kreftkoordinator_app_test"

    @pytest.fixture
    def as_app_role(self, entries):
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE ROLE {self.ROLE} NOLOGIN")
            for sql in grant_statements(self.ROLE):
                cursor.execute(sql)
            cursor.execute(f"SET ROLE {self.ROLE}")
        yield
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")

    def test_the_application_appends_through_the_product(self, as_app_role, kari, drammen_person):
        entry = audit.record(kari, Action.VIEW, drammen_person, persons=[42])
        assert AuditEntry.objects.order_by("-pk").first() == entry

    @pytest.mark.parametrize(
        "sql",
        [
            "UPDATE audit_auditentry SET reason = 'x'",
            "DELETE FROM audit_auditentry",
            "TRUNCATE audit_auditentry CASCADE",
            "ALTER TABLE audit_auditentry DISABLE TRIGGER USER",
            "DROP TRIGGER audit_no_update_delete ON audit_auditentry",
            "DROP TABLE audit_auditentry CASCADE",
            "UPDATE audit_auditperson SET person_id = 1",
            "DELETE FROM django_migrations",
        ],
    )
    def test_the_application_role_cannot_change_the_log(self, as_app_role, entries, sql):
        with (
            pytest.raises(DatabaseError, match="permission denied|must be owner"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
        assert run_verify()[0] == 0


def test_the_grants_are_printed_for_the_operator():
    out = io.StringIO()
    call_command("audit", "grants", "appuser", stdout=out)
    assert "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_auditentry" in (
        out.getvalue()
    )
