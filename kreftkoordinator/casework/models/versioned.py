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

    def save_version(self, seen_version: int, **kwargs) -> None:
        """Save an existing record if it is still at `seen_version`, else raise EditConflict."""
        fields = {
            f.attname: getattr(self, f.attname)
            for f in self._meta.concrete_fields
            if not f.primary_key and f.attname != "version"
        }
        updated = (
            type(self)
            ._default_manager.filter(pk=self.pk, version=seen_version)
            .update(version=seen_version + 1, **fields)
        )
        if not updated:
            raise EditConflict
        self.version = seen_version + 1
