"""Form rendering in Designsystemet's markup, with accessible errors, for every form in the product.

Forms render through templates/forms/; this mixin gives widgets Designsystemet's classes and marks
invalid fields with aria-invalid and aria-describedby so screen readers hear the message.
"""

from django import forms
from django.forms.renderers import TemplatesSetting


class Renderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DSFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            widget.attrs.setdefault("class", "ds-input")

    def full_clean(self):
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:  # type: ignore[attr-defined]
                attrs = self.fields[name].widget.attrs  # type: ignore[attr-defined]
                attrs["aria-invalid"] = "true"
                error_id = f"{self[name].auto_id}_error"  # type: ignore[index]
                described = attrs.get("aria-describedby", "")
                if error_id not in described:
                    attrs["aria-describedby"] = f"{described} {error_id}".strip()


class Form(DSFormMixin, forms.Form):
    pass


class ModelForm(DSFormMixin, forms.ModelForm):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
