"""The append-only log of every read and write of personal data (DESIGN section 3, rule 5).

Entries are written only by `kreftkoordinator.audit.record`. Nothing in the application edits or
deletes them, the model refuses to, and database triggers (PostgreSQL and SQLite) reject UPDATE,
DELETE and SQLite's INSERT OR REPLACE. Each entry carries a SHA-256 digest of its content and of
the entry before it (`chain.py`), so a change made past all that, by a database owner, breaks the
chain where it was made and `kreftkoordinator audit verify` names the entry.
Users and areas referenced here can therefore never be deleted (PROTECT): deactivate them instead.
Persons are referenced by id only, so the log outlives a person deleted under the retention rules.
"""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, Self

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Area


class AppendOnlyError(Exception):
    pass


class Action(models.TextChoices):
    VIEW = "view", _("Lest")
    CREATE = "create", _("Opprettet")
    UPDATE = "update", _("Endret")
    DELETE = "delete", _("Slettet")
    EXPORT = "export", _("Eksportert")
    PRINT = "print", _("Skrevet ut")
    TRANSFER = "transfer", _("Overført")
    REFUSED = "refused", _("Avvist")
    LOGIN = "login", _("Logget inn")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")

    def delete(self):
        raise AppendOnlyError("The audit log is append-only.")


class AppendOnly(models.Model):
    """A row that is written once and never changed or deleted through the application."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")


class AuditEntryQuerySet(AppendOnlyQuerySet):
    def between(self, start: date | None, end: date | None) -> "AuditEntryQuerySet":
        qs = self
        if start:
            qs = qs.filter(at__date__gte=start)
        if end:
            qs = qs.filter(at__date__lte=end)
        return qs

    def about_person(self, person_id: int, records: Iterable[models.Model] = ()) -> Self:
        """Entries whose main person is this one, or that also showed or touched her; and
        entries about `records` that turned out to be hers later (a contact request read
        before it was linked to her)."""
        about = models.Q(person_id=person_id) | models.Q(
            pk__in=AuditPerson.objects.filter(person_id=person_id).values("entry")
        )
        for record in records:
            about |= models.Q(object_type=record._meta.label_lower, object_id=str(record.pk))
        return self.filter(about)

    def refusals_by(self, user: Any, since: datetime) -> Self:
        return self.filter(user=user, action=Action.REFUSED, at__gte=since)

    def about_user(self, user_id: int) -> "AuditEntryQuerySet":
        """Changes to a user account: role, areas, assignments, two-factor, activation."""
        return self.filter(object_type="accounts.user", object_id=str(user_id))


class AuditEntry(AppendOnly):
    at = models.DateTimeField(_("tidspunkt"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        related_name="audit_entries",
        verbose_name=_("bruker"),
    )
    action = models.CharField(_("handling"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("type"), max_length=60)
    object_id = models.CharField(_("id"), max_length=40, blank=True)
    person_id = models.BigIntegerField(_("person"), null=True, db_index=True)
    area = models.ForeignKey(
        Area, models.PROTECT, null=True, related_name="+", verbose_name=_("område")
    )
    reason = models.CharField(_("begrunnelse"), max_length=300, blank=True)
    path = models.CharField(_("adresse"), max_length=300, blank=True)
    # Set while the user has not confirmed a recovery of her account carried out before the
    # session began: what is done may be someone else's (accounts/recovery.py).
    recovery = models.ForeignKey(
        "accounts.Recovery",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("etter gjenoppretting"),
    )
    previous = models.CharField(_("forrige kontrollsum"), max_length=64, blank=True)
    digest = models.CharField(_("kontrollsum"), max_length=64, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("loggføring")
        verbose_name_plural = _("loggføringer")
        indexes = [models.Index(fields=["user", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.object_type}"


class AuditPerson(AppendOnly):
    """Further people an entry showed or touched (a case page shows the relatives' names, a
    duplicate warning shows other people), so that each of them finds it in her access log."""

    entry = models.ForeignKey(AuditEntry, models.PROTECT, related_name="also")
    person_id = models.BigIntegerField(db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "person_id"], name="audit_person_once")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.person_id}"
