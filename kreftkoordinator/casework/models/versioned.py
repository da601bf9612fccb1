from django.db import models
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """Someone else saved the record after this form was opened."""


class Versioned(models.Model):
    """Optimistic locking: a save names the version it started from and fails if that has moved,
    so the second of two people editing the same record is refused and nothing is overwritten."""

    version = models.PositiveIntegerField(_("versjon"), default=1, editable=False)

    class Meta:
        abstract = True

    def save_version(self, seen_version: int) -> None:
        """Save an existing record if it is still at `seen_version`, else raise EditConflict."""
        self.bump(
            seen_version,
            **{
                f.attname: getattr(self, f.attname)
                for f in self._meta.concrete_fields
                if not f.primary_key and f.attname != "version"
            },
        )

    def bump(self, seen_version: int, **changes) -> None:
        """Change the given fields (or none: the record was changed through its children) if the
        record is still at `seen_version`, else raise EditConflict. Every write to a versioned
        record goes through here, so no write can undo another unseen."""
        updated = (
            type(self)
            ._default_manager.filter(pk=self.pk, version=seen_version)
            .update(version=seen_version + 1, **changes)
        )
        if not updated:
            raise EditConflict
        for name, value in changes.items():
            setattr(self, name, value)
        self.version = seen_version + 1
