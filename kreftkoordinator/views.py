from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.templatetags.static import static

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
