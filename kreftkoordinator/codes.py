"""Code lists more than one app uses (casework records them, the directory files offers under
them); here so that neither app has to import the other for them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    NEW_DIAGNOSIS = "new_diagnosis", _("Ny diagnose")
    TREATMENT = "treatment", _("Behandling")
    REHABILITATION = "rehabilitation", _("Rehabilitering")
    LIVING_WITH = "living_with", _("Leve med kreft / senskader")
    PALLIATIVE = "palliative", _("Palliativ fase")
    END_OF_LIFE = "end_of_life", _("Livets sluttfase")
    BEREAVEMENT = "bereavement", _("Etterlatte")
