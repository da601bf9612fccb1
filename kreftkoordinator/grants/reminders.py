"""The daily reminders of the annual cycle (`kreftkoordinator send-reminders`): reports due
before a year can be approved, years awaiting approval, absences to confirm. Each goes to the
people who must act, in the product (a notification) and by e-mail (a task); one already
waiting unread is not sent again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kreftkoordinator.accounts.models import User
from kreftkoordinator.casework.models import Notification
from kreftkoordinator.mail import enqueue_email, in_their_language
from kreftkoordinator.organisation.models import Assignment
from kreftkoordinator.roles import Role

from . import rules
from .models import Absence, Agreement
from .workflows import required_report

REPORT_NOTICE = timedelta(days=60)  # before an agreement year starts
REPORT_DUE = gettext_lazy(
    "%(name)s: årsrapporten for %(year)s må leveres før år %(n)s av tilskuddet kan godkjennes "
    "(året starter %(start)s)."
)
YEAR_WAITS = gettext_lazy(
    "%(name)s: år %(n)s av tilskuddet (fra %(start)s) venter på godkjenning; årsrapporten for "
    "%(year)s er levert."
)
ABSENCE_WAITS = gettext_lazy("%(name)s: %(absence)s venter på bekreftelse.")
APPROVAL_NOTICE = timedelta(days=30)


@dataclass(frozen=True)
class Reminder:
    user: User
    message: str
    url: str


def _programme_staff(agreement: Agreement) -> list[User]:
    """The agreement's district office's programme staff; all of them if it has none."""
    staff = User.objects.filter(role=Role.PROGRAMME, is_active=True)
    own = staff.filter(district_office=agreement.district_office_id)
    return list(own if agreement.district_office_id and own.exists() else staff)


def _municipality(agreement: Agreement, day: date) -> list[User]:
    """The host municipality's leaders and the position's coordinator."""
    leaders = User.objects.filter(role=Role.LEADER, is_active=True, areas=agreement.host_area_id)
    holders = User.objects.filter(
        assignments__in=Assignment.objects.filter(position=agreement.position_id).valid_on(day),
        is_active=True,
    )
    return list({*leaders, *holders})


def due(day: date) -> list[Reminder]:
    found = []
    agreements = Agreement.objects.select_related("position", "scheme").prefetch_related(
        "decisions"
    )
    for agreement in agreements:
        url = reverse("grants:agreement", args=[agreement.pk])
        decided = {d.number for d in agreement.decisions.all()}
        for y in rules.agreement_years(agreement.terms):
            if y.number in decided or y.first > day + REPORT_NOTICE:
                continue
            year, submission = required_report(agreement, y.number)
            name, start = agreement.position.name, rules.norwegian(y.first)
            values = {"name": name, "year": year, "n": y.number, "start": start}
            if submission is None:
                found += [
                    Reminder(u, in_their_language(u, REPORT_DUE, values), url)
                    for u in _municipality(agreement, day)
                ]
            elif y.first <= day + APPROVAL_NOTICE:
                found += [
                    Reminder(u, in_their_language(u, YEAR_WAITS, values), url)
                    for u in _programme_staff(agreement)
                ]
    for absence in Absence.objects.filter(confirmed_at__isnull=True).select_related(
        "agreement__position"
    ):
        url = reverse("grants:agreement", args=[absence.agreement_id])
        found += [
            Reminder(
                u,
                in_their_language(
                    u, ABSENCE_WAITS, {"name": absence.agreement.position.name, "absence": absence}
                ),
                url,
            )
            for u in _programme_staff(absence.agreement)
        ]
    return found


def remind_of_report(user, agreement: Agreement, number: int, day: date) -> int:
    """The programme officer's button on a late report: the municipality's leaders and the
    coordinator are told again now, whatever they were told before; how many."""
    year, submission = required_report(agreement, number)
    if submission is not None:
        return 0
    start = rules.agreement_years(agreement.terms)[number - 1].first
    values = {"name": agreement.position.name, "year": year, "n": number}
    values["start"] = rules.norwegian(start)
    url = reverse("grants:agreement", args=[agreement.pk])
    people = _municipality(agreement, day)
    for u in people:
        message = in_their_language(u, REPORT_DUE, values)
        Notification.objects.create(user=u, message=message[:300], url=url)
        with translation.override(u.reading_language()):
            subject = _("Påminnelse fra Kreftkoordinator")
        enqueue_email(subject, f"{message}\n\n{url}", [u.email])
    return len(people)


def send_reminders(day: date) -> int:
    """Notify and e-mail each reminder not already waiting unread; how many were sent."""
    sent = 0
    for r in due(day):
        if Notification.objects.filter(user=r.user, message=r.message[:300], read_at=None).exists():
            continue
        Notification.objects.create(user=r.user, message=r.message[:300], url=r.url)
        with translation.override(r.user.reading_language()):
            subject = _("Påminnelse fra Kreftkoordinator")
        enqueue_email(subject, f"{r.message}\n\n{r.url}", [r.user.email])
        sent += 1
    return sent
