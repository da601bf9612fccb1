"""The week view's arithmetic: minutes per day and category from contacts, system activities and
manual entries, for one user."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .models import Contact, SystemActivity, TimeCategory, TimeEntry


def contact_category(contact: Contact) -> str:
    """A contact with the patient or relatives is direct contact; one with professionals only,
    about coordination, is coordination (table 4-2's split)."""
    if contact.with_patient or contact.with_relative:
        return TimeCategory.DIRECT
    return TimeCategory.COORDINATION


@dataclass
class Week:
    monday: date
    days: list[date]
    # minutes[category][day], and where they came from
    minutes: dict[str, dict[date, int]]
    entries: list[TimeEntry]
    activities: list[SystemActivity]

    @property
    def rows(self):
        return [
            (
                TimeCategory(c).label,
                [self.minutes[c].get(d, 0) for d in self.days],
                sum(self.minutes[c].values()),
            )
            for c in TimeCategory.values
        ]

    @property
    def day_totals(self) -> list[int]:
        return [sum(self.minutes[c].get(d, 0) for c in TimeCategory.values) for d in self.days]

    @property
    def total(self) -> int:
        return sum(self.day_totals)

    @property
    def previous(self) -> date:
        return self.monday - timedelta(weeks=1)

    @property
    def next(self) -> date:
        return self.monday + timedelta(weeks=1)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def build_week(user, monday: date) -> Week:
    """Three queries whatever the week holds."""
    days = [monday + timedelta(days=i) for i in range(7)]
    start = timezone.make_aware(datetime.combine(monday, time.min))
    end = start + timedelta(weeks=1)
    minutes: dict[str, dict[date, int]] = {c: defaultdict(int) for c in TimeCategory.values}
    contacts = Contact.objects.filter(created_by=user, at__gte=start, at__lt=end).only(
        "at", "duration_minutes", "with_patient", "with_relative"
    )
    for contact in contacts:
        day = timezone.localtime(contact.at).date()
        minutes[contact_category(contact)][day] += contact.duration_minutes
    activities = list(SystemActivity.objects.filter(user=user, on__range=(days[0], days[-1])))
    for activity in activities:
        minutes[activity.category][activity.on] += activity.minutes
    entries = list(
        TimeEntry.objects.filter(user=user, on__range=(days[0], days[-1])).select_related(
            "position"
        )
    )
    for entry in entries:
        minutes[entry.category][entry.on] += entry.minutes
    return Week(monday, days, minutes, entries, activities)
