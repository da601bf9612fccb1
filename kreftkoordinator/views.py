from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kreftkoordinator import languages
from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.casework.day import day_of, record_day
from kreftkoordinator.casework.models import Person
from kreftkoordinator.organisation.models import Area, Assignment, Position, today


def home(request):
    """The public front page for visitors; for each role, what this user is responsible for."""
    if not request.user.is_authenticated:
        from kreftkoordinator.public.views import front

        return front(request)
    return _start_page(request)


def _start_page(request):
    user, day = request.user, today()
    context: dict = {"today": day, "last_year": day.year - 1}
    if user.role == Role.COORDINATOR:
        context["assignments"] = (
            Assignment.objects.valid_on(day)
            .filter(user=user)
            .select_related("position__host_area")
            .prefetch_related(
                Prefetch("position__covered_areas", queryset=Area.objects.order_by("code"))
            )
        )
        context["n_persons"] = Person.objects.visible_to(user).count()
        day_ = day_of(user)
        record_day(user, day_, "startside")
        context.update(
            inbox=day_.inbox,
            follow_ups=day_.follow_ups,
            notifications=day_.notifications,
            recent_contacts=day_.contacts,
        )
    elif user.role == Role.LEADER:
        context["areas"] = (
            Area.objects.figures_for(user)
            .order_by("code")
            .prefetch_related(
                Prefetch(
                    "covering_positions",
                    queryset=Position.objects.active_on(day),
                    to_attr="current_positions",
                )
            )
        )
    else:
        positions = Position.objects.active_on(day)
        context["n_positions"] = positions.count()
        units = Area.objects.current().coverage_units()
        context["n_areas_covered"] = units.covered_by(positions).count()
        context["n_units"] = units.count()
        context["fte"] = sum(positions.values_list("fte", flat=True)) / 100
        if user.role == Role.ADMIN:
            context["n_users"] = User.objects.filter(is_active=True).count()
            context["vacant"] = positions.exclude(
                pk__in=Assignment.objects.valid_on(day).values("position")
            )
    return render(request, "home.html", context)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the icon is an SVG."""
    return redirect(static("kreftkoordinator/favicon.svg"), permanent=True)


@require_POST
def choose_language(request):
    """The language switch. A visitor's choice is kept in a cookie; a signed-in user's in her
    profile ("auto": her host area's language form again). Back to the page she was on."""
    language = request.POST.get("language", "")
    offered = languages.languages()
    back = request.POST.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, {request.get_host()}, request.is_secure()
    ):
        back = "/"
    response = HttpResponseRedirect(languages.without_choice(back))
    if request.user.is_authenticated and (language in offered or language == "auto"):
        request.user.language = "" if language == "auto" else language
        request.user.save(update_fields=["language"])
    if language in offered:
        languages.remember(response, language)
    return response
