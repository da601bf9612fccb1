"""The least-privilege PostgreSQL set-up (docs/security.md): migrations run as the role that owns
the tables; the application connects as a role that may read and write the ordinary tables but
may only INSERT and SELECT on the audit log. Not owning the log, it cannot switch off the
triggers, alter or drop the table, and it has no UPDATE, DELETE or TRUNCATE to use."""

from django.db import connection

AUDIT_TABLES = ["audit_auditentry", "audit_auditperson"]


def grant_statements(app_role: str) -> list[str]:
    """Run as the owner after every `migrate` (new tables need their grants); idempotent."""
    role = connection.ops.quote_name(app_role)
    audit = ", ".join(AUDIT_TABLES)
    return [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {audit} FROM {role}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON django_migrations FROM {role}",
    ]
