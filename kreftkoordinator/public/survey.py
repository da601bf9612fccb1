"""The feedback survey's pages: the public form behind a one-time link, the coordinator's link
from a case, and the results (counts with small cells hidden)."""

from urllib.parse import quote, urlencode

from django import forms as django_forms
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kreftkoordinator import audit, forms, numbers
from kreftkoordinator.accounts.models import Role
from kreftkoordinator.audit.disclosure import SMALL, protect, share_reveals
from kreftkoordinator.audit.models import Action
from kreftkoordinator.casework.access import case_for
from kreftkoordinator.organisation.models import Area, today
from kreftkoordinator.roles import role_required

from .models import SurveyAnswer, SurveyInvitation, normalise_code, shown_code
from .ratelimit import count, within

MISSES_AN_HOUR = 30

# The TNS Gallup user survey the evaluation cites (section 6.2 and the presentation's Q12).
SURVEY_2017 = {
    "expected": 0.90,
    "others": 0.64,
    "n": 251,
    "source": gettext_lazy("TNS Gallups brukerundersøkelse, evalueringen 2017, avsnitt 6.2"),
}


class SurveyForm(forms.Form):
    respondent = django_forms.ChoiceField(
        label=gettext_lazy("Er du pasient eller pårørende?"),
        choices=SurveyAnswer.Respondent.choices,
        widget=django_forms.RadioSelect,
    )
    # The questions of the TNS Gallup survey the evaluation cites (6.2), so that our answers can
    # stand beside its 90 % and 64 % (N=251).
    help_matched = django_forms.ChoiceField(
        label=gettext_lazy("Var hjelpen fra kreftkoordinatoren det du var ute etter?"),
        choices=SurveyAnswer.HelpMatched.choices,
        widget=django_forms.RadioSelect,
    )
    helped_with_others = django_forms.TypedChoiceField(
        label=gettext_lazy(
            "Hjalp kreftkoordinatoren deg med å få hjelp fra andre, for eksempel sykehuset, "
            "hjemmesykepleien eller NAV?"
        ),
        choices=[("true", gettext_lazy("Ja")), ("false", gettext_lazy("Nei"))],
        coerce=lambda value: value == "true",
        widget=django_forms.RadioSelect,
    )
    others = django_forms.MultipleChoiceField(
        label=gettext_lazy("Hvis ja: hvem fikk du hjelp fra?"),
        choices=SurveyAnswer.OTHER_SERVICES,
        required=False,
        widget=django_forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("others") and cleaned.get("helped_with_others") is False:
            self.add_error("others", _("Du svarte nei over. Fjern kryssene, eller svar ja."))
        return cleaned

    def answer_fields(self) -> dict:
        data = dict(self.cleaned_data)
        others = set(data.pop("others", []))
        return {**data, **{field: field in others for field, _label in SurveyAnswer.OTHER_SERVICES}}

    most_important = django_forms.CharField(
        label=gettext_lazy("Hva var det viktigste koordinatoren gjorde for deg?"),
        required=False,
        max_length=1000,
        widget=django_forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        help_text=gettext_lazy("Skriv gjerne med egne ord, men ikke navn eller helseopplysninger."),
    )


def enter_code(request):
    """For the printed card: the code typed in, any case, with or without the dash."""
    code = normalise_code(request.GET.get("kode", ""))[:40]
    if code:
        return redirect("public:survey", token=code)
    return render(request, "public/survey_code.html")


def answer(request, token):
    if not within(request, "survey-miss", MISSES_AN_HOUR):
        return render(request, "public/survey_gone.html", status=429)
    invitation = SurveyInvitation.objects.usable(token)
    if invitation is None:
        count(request, "survey-miss")  # a wrong code: guessing is slow
        return render(request, "public/survey_gone.html", status=410)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            SurveyAnswer.objects.create(
                area=invitation.area, month=today().replace(day=1), **form.answer_fields()
            )
            invitation.delete()
        return render(request, "public/survey_thanks.html")
    return render(request, "public/survey.html", {"form": form, "area": invitation.area})


@role_required(Role.COORDINATOR)
@require_POST
def invite(request, case_pk):
    """A one-time link and its code, with ways to pass it on: a text message to copy or send,
    an e-mail from her own mail program, a card to print. After a death, to the relatives."""
    case = case_for(request.user, case_pk, action=None)
    _invitation, token = SurveyInvitation.objects.create_with_token(case.area)
    relatives = list(case.relations.select_related("person"))
    audit.record(
        request.user,
        Action.CREATE,
        case,
        persons=[r.person for r in relatives],
        reason="lenke til brukerundersøkelsen",
    )
    link = request.build_absolute_uri(reverse("public:survey", args=[token]))
    code = shown_code(token)
    message = _(
        "Hei! Kreftkoordinatoren vil gjerne vite hvordan du opplevde hjelpen. Svar anonymt "
        "her: %(link)s (eller gå til %(page)s og skriv koden %(code)s). Lenken kan brukes én "
        "gang og gjelder i 60 dager."
    ) % {
        "link": link,
        "page": request.build_absolute_uri(reverse("public:survey_code")),
        "code": code,
    }
    recipients = relatives if case.death else []
    context = {
        "case": case,
        "link": link,
        "code": code,
        "code_page": request.build_absolute_uri(reverse("public:survey_code")),
        "message": message,
        "deceased": case.death is not None,
        "recipients": recipients,
        "sms": "sms:?&body=" + quote(message),
        "mail": "mailto:?"
        + urlencode(
            {"subject": _("Hvordan opplevde du kreftkoordinatoren?"), "body": message},
            quote_via=quote,
        ),
    }
    return render(request, "public/survey_link.html", context)


@role_required(*Role.values)
def results(request):
    """The answers in the areas whose figures the user may see (`figures_for`): leaders their
    areas, coordinators theirs, the funder's staff all; counts suppressed."""
    user = request.user
    answers = SurveyAnswer.objects.filter(area__in=Area.objects.figures_for(user))
    counts = dict(answers.values_list("help_matched").annotate(n=Count("pk")))
    choices = SurveyAnswer.HelpMatched.choices
    protected = protect([counts.get(value, 0) for value, _label in choices])
    total = sum(counts.values())
    rows = [(label, text) for (_value, label), text in zip(choices, protected.cells, strict=True)]
    expected = counts.get("more", 0) + counts.get("as_expected", 0)
    others = answers.filter(helped_with_others__isnull=False).aggregate(
        yes=Count("pk", filter=Q(helped_with_others=True)), all=Count("pk")
    )
    # Shares only where enough answered that no one answer can be read off them.
    shares = {
        "expected": _share(expected, total),
        "others": _share(others["yes"], others["all"]),
    }
    texts = []
    if user.is_coordinator and total >= SMALL:
        texts = list(
            answers.exclude(most_important="")
            .values_list("most_important", flat=True)
            .order_by("-month", "-pk")[:50]
        )
    return render(
        request,
        "public/survey_results.html",
        {
            "total": protected.total,
            "rows": rows,
            "texts": texts,
            "shares": shares,
            "reference": SURVEY_2017,
        },
    )


def _share(part: int, whole: int) -> str | None:
    """ "91 % (229 av 251)", only where at least five answered; hidden, like a small cell,
    where the part or the rest is 1 to 4 (the one suppression rule, `share_reveals`)."""
    if whole < SMALL:
        return None
    if share_reveals(part, whole):
        return str(_("skjult"))
    return numbers.share_of(part / whole, part, whole)
