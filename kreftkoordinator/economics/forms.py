from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.models import Position, today

from .cpi import current_index
from .model import PARAMETERS
from .model.nonpriced import NON_PRICED
from .models import Scenario, positions_for


class ScenarioForm(forms.ModelForm):
    class Meta:
        model = Scenario
        fields = ["name", "position", "year", "price_year"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        index = current_index()
        self.fields["position"].queryset = positions_for(user).order_by("name")  # type: ignore[attr-defined]
        self.fields["year"] = django_forms.IntegerField(
            label=_("År med egne tall"),
            min_value=2012,
            max_value=today().year,
            initial=today().year - 1,
        )
        self.fields["price_year"] = django_forms.TypedChoiceField(
            label=_("Kroner i prisår"),
            help_text=_(
                "Beløpene regnes om med konsumprisindeksen (SSB). Evalueringen bruker 2017-kroner."
            ),
            coerce=int,
            choices=[(y, str(y)) for y in reversed(index.years)],
            initial=index.years[-1],
        )


class ValueForm(forms.Form):
    """A value of one's own for a parameter, with the reason for it."""

    key = django_forms.ChoiceField(
        label=_("Parameter"), choices=[(k, _(p.label)) for k, p in PARAMETERS.items()]
    )
    value = django_forms.DecimalField(label=_("Verdi"), max_digits=12, decimal_places=4)
    reason = django_forms.CharField(label=_("Begrunnelse"), max_length=300)


class RatingForm(forms.Form):
    """One's own rating of an effect not priced, with the justification."""

    key = django_forms.ChoiceField(
        label=_("Virkning"), choices=[(e.key, _(e.label)) for e in NON_PRICED]
    )
    significance = django_forms.ChoiceField(
        label=_("Betydning"),
        choices=[("small", _("liten")), ("medium", _("middels")), ("large", _("stor"))],
    )
    scope = django_forms.TypedChoiceField(
        label=_("Kreftkoordinatorens påvirkning"),
        coerce=int,
        choices=[
            (-3, _("stor negativ")),
            (-2, _("middels negativ")),
            (-1, _("litt negativ")),
            (0, _("ingen")),
            (1, _("litt positiv")),
            (2, _("middels positiv")),
            (3, _("stor positiv")),
        ],
    )
    justification = django_forms.CharField(label=_("Begrunnelse"), max_length=500)


class SalaryForm(forms.ModelForm):
    """A position's own salary figures for the economics: all three or none."""

    class Meta:
        model = Position
        fields = ["salary_annual", "social_cost_rate", "salary_price_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        index = current_index()
        self.fields["salary_annual"].help_text = _(
            "Brutto årslønn for en hel stilling, uten sosiale kostnader. Beregningen ganger med "
            "stillingsprosenten."
        )
        self.fields["social_cost_rate"].help_text = _(
            "Arbeidsgiveravgift, pensjon og andre sosiale kostnader i prosent av lønnen, f.eks. 35."
        )
        self.fields["salary_price_year"] = django_forms.TypedChoiceField(
            label=_("Beløpet er i kroner fra år"),
            coerce=int,
            required=False,
            empty_value=None,
            choices=[("", "–"), *((y, str(y)) for y in reversed(index.years))],
        )

    def clean(self):
        cleaned = super().clean() or {}
        salary, rate = cleaned.get("salary_annual"), cleaned.get("social_cost_rate")
        year = cleaned.get("salary_price_year")
        given = [v is not None for v in (salary, rate, year)]
        if any(given) and not all(given) and not self.errors:
            raise django_forms.ValidationError(
                _("Fyll ut lønn, sosiale kostnader og prisår, eller la alle tre stå tomme.")
            )
        if salary is not None and not 100_000 <= salary <= 3_000_000:
            self.add_error(
                "salary_annual", _("Skriv en årslønn mellom 100 000 og 3 000 000 kroner.")
            )
        if rate is not None and not 0 <= rate <= 60:
            self.add_error("social_cost_rate", _("Sosiale kostnader er mellom 0 og 60 %."))
        return cleaned


class ReadingForm(forms.ModelForm):
    class Meta:
        model = Scenario
        fields = ["home_death_reading"]
        widgets = {"home_death_reading": django_forms.RadioSelect}
