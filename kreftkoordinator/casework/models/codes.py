"""Code lists used by cases."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CancerSite(models.TextChoices):
    """Cancer site groups after NORDCAN (ICD-10 C00-C97), as the Cancer Registry reports them."""

    HEAD_NECK = "C00-C14", _("Leppe, munnhule og svelg (C00–C14)")
    OESOPHAGUS = "C15", _("Spiserør (C15)")
    STOMACH = "C16", _("Magesekk (C16)")
    COLON = "C18", _("Tykktarm (C18)")
    RECTUM = "C19-C21", _("Endetarm og anus (C19–C21)")
    LIVER = "C22", _("Lever (C22)")
    GALLBLADDER = "C23-C24", _("Galleblære og galleganger (C23–C24)")
    PANCREAS = "C25", _("Bukspyttkjertel (C25)")
    LARYNX = "C32", _("Strupehode (C32)")
    LUNG = "C33-C34", _("Lunge og luftrør (C33–C34)")
    MELANOMA = "C43", _("Føflekkreft (C43)")
    SKIN = "C44", _("Annen hudkreft (C44)")
    MESOTHELIOMA = "C45", _("Mesoteliom (C45)")
    SOFT_TISSUE = "C47-C49", _("Bløtvev og nerver (C47–C49)")
    BREAST = "C50", _("Bryst (C50)")
    CERVIX = "C53", _("Livmorhals (C53)")
    CORPUS = "C54-C55", _("Livmor (C54–C55)")
    OVARY = "C56", _("Eggstokk (C56)")
    PROSTATE = "C61", _("Prostata (C61)")
    TESTIS = "C62", _("Testikkel (C62)")
    KIDNEY = "C64", _("Nyre (C64)")
    BLADDER = "C65-C68", _("Urinveier og blære (C65–C68)")
    BRAIN = "C70-C72", _("Hjerne og sentralnervesystem (C70–C72)")
    THYROID = "C73", _("Skjoldbruskkjertel (C73)")
    UNKNOWN_PRIMARY = "C80", _("Ukjent utgangspunkt (C80)")
    HODGKIN = "C81", _("Hodgkin lymfom (C81)")
    NON_HODGKIN = "C82-C86", _("Non-Hodgkin lymfom (C82–C86)")
    MYELOMA = "C90", _("Myelomatose (C90)")
    LEUKAEMIA = "C91-C95", _("Leukemi (C91–C95)")
    OTHER = "other", _("Annen eller uspesifisert kreft")


class FirstContactSource(models.TextChoices):
    """How the first contact came (the evaluation's survey, appendix 1)."""

    GP = "gp", _("Fastlege")
    HOSPITAL = "hospital", _("Sykehus")
    HOME_CARE = "home_care", _("Hjemmetjenesten")
    SERVICE_OFFICE = "service_office", _("Tildelingskontor / tjenestekontor")
    PATIENT = "patient", _("Pasienten selv")
    RELATIVE = "relative", _("Pårørende")
    OTHER = "other", _("Annet")
