"""The funder's programme overview: positions by district office and county, what they cover,
when each arrangement started, and the money committed, paid and still to come per calendar
year (what the report's 144 and 213 million of section 3.3 were counted by hand from)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from kreftkoordinator.organisation.models import Area, AreaKind, Population
from kreftkoordinator.reporting.models import Submission

from . import rules
from .models import Agreement, Statement


@dataclass
class Row:
    agreement: Agreement
    county: str
    areas: list[str]
    population: int | None  # of the areas covered, in the latest year imported
    year_now: int | None  # the agreement year today, None before or after
    share_now: Fraction
    # The next year to approve: (its number, when it starts, the report it needs, submitted?)
    next_report: tuple[int, date, int, bool] | None = None


@dataclass
class Money:
    year: int
    committed: int  # the schedules' grants for the year's days, less counted absences
    paid: int  # statements paid for the year's quarters
    forecast: bool  # a year still to come


@dataclass
class Overview:
    offices: dict[str, list[Row]] = field(default_factory=dict)
    money: list[Money] = field(default_factory=list)
    population_year: int | None = None
    population_covered: int = 0
    population_total: int = 0
    # Municipalities and districts covered by an agreement in force, of all of them, counted
    # as the coverage map and the national figures count (`AreaQuerySet.coverage_units`).
    areas_covered: int = 0
    areas_total: int = 0

    @property
    def committed(self) -> int:
        return sum(m.committed for m in self.money)

    @property
    def paid(self) -> int:
        return sum(m.paid for m in self.money)


def overview(user, today: date) -> Overview:
    """Every agreement the user may see; her own district office first."""
    agreements = list(
        Agreement.objects.visible_to(user)
        .select_related("position", "scheme", "district_office", "host_area__parent")
        .prefetch_related("position__covered_areas", "absences", "decisions")
    )
    result = Overview()
    latest = Population.objects.aggregate(y=Max("year"))["y"]
    persons: dict[int, int] = {}
    if latest:
        result.population_year = latest
        persons = dict(Population.objects.filter(year=latest).values_list("area_id", "persons"))
        result.population_total = (
            Population.objects.filter(year=latest, area__kind=AreaKind.MUNICIPALITY).aggregate(
                n=Sum("persons")
            )["n"]
            or 0
        )
    own = getattr(user, "district_office_id", None)
    rows: dict[str, list[Row]] = defaultdict(list)
    covered: set[int] = set()
    committed: dict[int, Fraction] = defaultdict(Fraction)
    for agreement in sorted(agreements, key=lambda a: (a.district_office_id != own, str(a))):
        calc = agreement.calculation()
        areas = list(agreement.position.covered_areas.all())
        now = next((y for y in calc.years if y.first <= today <= y.last), None)
        rows[str(agreement.district_office or _("Uten distriktskontor"))].append(
            Row(
                agreement,
                str(_county(agreement.host_area) or ""),
                [a.name for a in areas],
                sum(persons.get(a.pk, 0) for a in areas) if latest else None,
                now.number if now else None,
                now.share if now else Fraction(0),
            )
        )
        if now:
            covered.update(a.pk for a in areas)
        for y in calc.years:
            for year in range(y.first.year, y.last.year + 1):
                span = (max(y.first, date(year, 1, 1)), min(y.last, date(year, 12, 31)))
                days = (span[1] - span[0]).days + 1
                committed[year] += y.day_worth * days - calc.absence_worth(span)
    _next_reports([row for office in rows.values() for row in office])
    result.offices = dict(rows)
    result.population_covered = sum(persons.get(pk, 0) for pk in covered)
    units = set(Area.objects.current().coverage_units().values_list("pk", flat=True))
    result.areas_covered, result.areas_total = len(covered & units), len(units)
    paid: dict[int, int] = defaultdict(int)
    for year, amount in (
        Statement.objects.filter(agreement__in=agreements, status=Statement.Status.PAID)
        .values_list("year")
        .annotate(n=Sum("amount"))
    ):
        paid[year] = amount
    result.money = [
        Money(year, rules.round_half_up(committed[year]), paid[year], year > today.year)
        for year in sorted(set(committed) | set(paid))
    ]
    return result


def _next_reports(rows: list[Row]) -> None:
    """Each agreement's next year to decide and the report it needs, in one query."""
    wanted = {}
    for row in rows:
        decided = {d.number for d in row.agreement.decisions.all()}
        for y in rules.agreement_years(row.agreement.terms)[1:]:
            if y.number not in decided:  # the oldest undecided: its money is held
                wanted[row.agreement.pk] = (y.number, y.first, y.first.year - 1)
                break
    positions = {row.agreement.pk: row.agreement.position_id for row in rows}
    submitted = set(
        Submission.objects.filter(
            position__in=set(positions.values()), year__in={w[2] for w in wanted.values()}
        ).values_list("position", "year")
    )
    for row in rows:
        if found := wanted.get(row.agreement.pk):
            number, starts, year = found
            row.next_report = (
                number,
                starts,
                year,
                (positions[row.agreement.pk], year) in submitted,
            )


def _county(area: Area) -> Area | None:
    return area.parent if area.parent and area.parent.kind == AreaKind.COUNTY else area.county
