"""The casework records the indicators count: one place that says which cases are open in a
year, which patients were followed, which events and contacts fall in it."""

from django.db.models import Exists, OuterRef, QuerySet

from kreftkoordinator.casework.models import CareEvent, Case, Contact, Person

from .period import Period


def cases(period: Period, kind: str) -> QuerySet:
    return Case.objects.filter(area_id__in=period.area_ids, kind=kind)


def open_patient_cases(period: Period) -> QuerySet:
    return cases(period, Case.Kind.PATIENT).filter(period.open_during())


def new_patient_cases(period: Period) -> QuerySet:
    return cases(period, Case.Kind.PATIENT).filter(period.dated("opened_on"))


def followed_patients(period: Period) -> QuerySet:
    return Person.objects.filter(Exists(open_patient_cases(period).filter(person=OuterRef("pk"))))


def events(period: Period, kind: str) -> QuerySet:
    return CareEvent.objects.filter(
        area_id__in=period.area_ids, kind=kind, case__kind=Case.Kind.PATIENT
    ).filter(period.dated("on"))


def contacts_in(period: Period) -> QuerySet:
    return Contact.objects.filter(area_id__in=period.area_ids).filter(period.timed("at"))
