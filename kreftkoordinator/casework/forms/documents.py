"""A document to put on a case. The file itself is checked by the workflow
(casework/documents.py), which every way of storing one goes through."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms

ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png"


class DocumentForm(forms.Form):
    file = django_forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, JPEG- eller PNG-bilde eller Word-dokument (DOCX), høyst 20 MB."),
        widget=django_forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "required": _("Velg filen du vil legge ved."),
            "empty": _("Filen er tom."),
            "invalid": _("Det kom ingen fil. Velg filen på nytt."),
        },
        allow_empty_file=True,  # the workflow says so in its own words
    )
    title = django_forms.CharField(
        label=_("Tittel"),
        help_text=_(
            "For eksempel «Epikrise fra sykehuset, mars». Står feltet tomt, brukes filnavnet."
        ),
        max_length=200,
        required=False,
    )
