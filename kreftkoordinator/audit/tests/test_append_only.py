"""The log cannot be edited: not through the model, not through a queryset, and not by SQL from
the application's own database user (a trigger on PostgreSQL and SQLite alike)."""

import pytest
from django.db import DatabaseError, connection, transaction

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action, AppendOnlyError, AuditEntry


@pytest.fixture
def entry(kari, drammen_person):
    return audit.record(kari, Action.VIEW, drammen_person)


@pytest.mark.django_db
class TestAppendOnly:
    def test_the_model_refuses_to_save_twice_or_delete(self, entry):
        entry.reason = "endret i ettertid"
        with pytest.raises(AppendOnlyError):
            entry.save()
        with pytest.raises(AppendOnlyError):
            entry.delete()

    def test_querysets_refuse_update_and_delete(self, entry):
        with pytest.raises(AppendOnlyError):
            AuditEntry.objects.filter(pk=entry.pk).update(reason="x")
        with pytest.raises(AppendOnlyError):
            AuditEntry.objects.all().delete()

    def test_the_database_rejects_update_delete_and_truncate(self, entry):
        statements = ["UPDATE audit_auditentry SET reason = 'x'", "DELETE FROM audit_auditentry"]
        if connection.vendor == "postgresql":  # SQLite has no TRUNCATE statement
            statements.append("TRUNCATE audit_auditentry CASCADE")
            with connection.cursor() as cursor:  # so that our trigger, not a pending FK check,
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # is what refuses TRUNCATE
        for sql in statements:
            with (
                pytest.raises(DatabaseError, match="append-only"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(sql)
        assert AuditEntry.objects.get(pk=entry.pk).reason == ""

    def test_a_user_with_log_entries_cannot_be_deleted(self, entry, kari):
        from django.db.models import ProtectedError

        with pytest.raises(ProtectedError):
            kari.delete()
