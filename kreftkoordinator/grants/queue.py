"""What waits for the funder's programme staff, most urgent first: annual reports past their
deadline, statements to approve, payments to attest and to authorise, statements held, absences
to confirm, and agreement years ending within 60 days. The programme page shows it at the top
and `kreftkoordinator grants queue --json` prints the same. A report's deadline is the start of
the agreement year that cannot be approved without it (docs/grants.md). A fixed number of
queries, however many agreements there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _

from kreftkoordinator.organisation.models import today

from . import rules
from .models import Absence, Agreement, Statement

YEAR_ENDING = timedelta(days=60)


@dataclass
class LateReport:
    agreement: Agreement
    number: int  # the agreement year waiting for it
    report_year: int
    since: date  # the deadline: the year's first day
    days_late: int


@dataclass
class YearEnding:
    agreement: Agreement
    number: int
    ends: date


@dataclass
class Queue:
    day: date
    late_reports: list[LateReport] = field(default_factory=list)
    to_approve: list[Statement] = field(default_factory=list)
    to_attest: list[Statement] = field(default_factory=list)
    to_authorise: list[Statement] = field(default_factory=list)
    held: list[Statement] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    years_ending: list[YearEnding] = field(default_factory=list)

    GROUPS = (
        "late_reports",
        "to_approve",
        "to_attest",
        "to_authorise",
        "held",
        "absences",
        "years_ending",
    )

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in self.GROUPS}

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict:
        """The queue as `grants queue --json` prints it (docs/grants.md, "The queue")."""

        def statement(s: Statement) -> dict:
            return {
                "statement": s.pk,
                "agreement": s.agreement_id,
                "position": s.agreement.position.name,
                "quarter": str(s.period),
                "amount": s.amount,
                "attested_by": s.attested_by.username if s.attested_by else None,
            }

        return {
            "day": self.day.isoformat(),
            "counts": self.counts,
            "late_reports": [
                {
                    "agreement": r.agreement.pk,
                    "position": r.agreement.position.name,
                    "agreement_year": r.number,
                    "report_year": r.report_year,
                    "deadline": r.since.isoformat(),
                    "days_late": r.days_late,
                }
                for r in self.late_reports
            ],
            **{
                name: [statement(s) for s in getattr(self, name)]
                for name in ("to_approve", "to_attest", "to_authorise", "held")
            },
            "absences": [
                {
                    "absence": a.pk,
                    "agreement": a.agreement_id,
                    "position": a.agreement.position.name,
                    "kind": a.kind,
                    "first": a.first.isoformat(),
                    "last": a.last.isoformat(),
                }
                for a in self.absences
            ],
            "years_ending": [
                {
                    "agreement": y.agreement.pk,
                    "position": y.agreement.position.name,
                    "agreement_year": y.number,
                    "ends": y.ends.isoformat(),
                    "days_left": (y.ends - self.day).days,
                }
                for y in self.years_ending
            ],
        }


def queue(agreements, day: date) -> Queue:
    """The queue over `agreements` (a queryset: the user's visible ones, or all)."""
    from kreftkoordinator.reporting.models import Submission

    found = Queue(day)
    agreements = list(
        agreements.select_related("position", "scheme").prefetch_related("decisions", "absences")
    )
    positions = {a.position_id for a in agreements}
    submitted = set(
        Submission.objects.filter(position__in=positions).values_list("position", "year")
    )
    for agreement in agreements:
        decided = {d.number for d in agreement.decisions.all()}
        for y in rules.agreement_years(agreement.terms):
            if y.first <= day <= y.last and day + YEAR_ENDING >= y.last:
                found.years_ending.append(YearEnding(agreement, y.number, y.last))
            if y.number == 1 or y.number in decided or y.first > day:
                continue
            report_year = y.first.year - 1
            if (agreement.position_id, report_year) not in submitted:
                late = LateReport(agreement, y.number, report_year, y.first, (day - y.first).days)
                found.late_reports.append(late)
        found.absences += [a for a in agreement.absences.all() if a.confirmed_at is None]
    found.late_reports.sort(key=lambda r: (r.since, r.agreement.position.name))
    found.years_ending.sort(key=lambda y: y.ends)
    found.absences.sort(key=lambda a: a.first)
    by_status: dict[str, list[Statement]] = {
        Statement.Status.CALCULATED: found.to_approve,
        Statement.Status.APPROVED: found.to_attest,
        Statement.Status.ATTESTED: found.to_authorise,
        Statement.Status.HELD: found.held,
    }
    for s in (
        Statement.objects.filter(agreement__in=[a.pk for a in agreements], status__in=by_status)
        .select_related("agreement__position", "attested_by")
        .order_by("year", "quarter", "agreement__position__name", "pk")
    ):
        by_status[s.status].append(s)
    return found


def queue_context(user) -> dict:
    """The queue and its counts, for this page and the top of the programme page."""
    found = queue(Agreement.objects.visible_to(user), today())
    labels: dict[str, tuple[str, list]] = {
        "late-reports": (_("årsrapporter over fristen"), found.late_reports),
        "to-approve": (_("oppgaver å godkjenne"), found.to_approve),
        "to-attest": (_("utbetalinger å attestere"), found.to_attest),
        "to-authorise": (_("utbetalinger å anvise"), found.to_authorise),
        "held": (_("oppgaver holdt tilbake"), found.held),
        "absences": (_("fravær å bekrefte"), found.absences),
        "years-ending": (_("avtaleår som slutter innen 60 dager"), found.years_ending),
    }
    headings = {
        "to-approve": _("Oppgaver å godkjenne"),
        "to-attest": _("Utbetalinger å attestere"),
        "to-authorise": _("Utbetalinger å anvise"),
        "held": _("Oppgaver holdt tilbake"),
    }
    return {
        "queue": found,
        "queue_counts": [(name, label, len(items)) for name, (label, items) in labels.items()],
        "statement_groups": [
            (name, heading, labels[name][1]) for name, heading in headings.items()
        ],
    }
