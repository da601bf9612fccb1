"""The daily reminders: Per and Kari hear that the 2024 report is due before year 2 can be
approved; once it is in, Eva hears the year awaits her; an absence Per reported awaits Eva's
confirmation. Each goes out once, in the product and by e-mail."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kreftkoordinator.casework.models import Notification
from kreftkoordinator.grants.reminders import send_reminders
from kreftkoordinator.grants.workflows import confirm_absence, report_absence
from kreftkoordinator.reporting.submissions import submit_report

from .test_workflows import agreement  # noqa: F401 -- a fixture


def messages_of(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("message", flat=True))


@pytest.mark.django_db
def test_the_report_due_then_the_year_awaiting_approval(
    agreement,  # noqa: F811
    per,
    kari,
    eva,
    mailoutbox,
):
    # Year 2 starts 15.03.2025; two and a half months before, nothing yet.
    assert send_reminders(date(2024, 12, 31)) == 0
    assert send_reminders(date(2025, 2, 1)) == 2
    for user in (per, kari):
        assert messages_of(user) == [
            "Kreftkoordinator i Drammen: årsrapporten for 2024 må leveres før år 2 av "
            "tilskuddet kan godkjennes (året starter 15.03.2025)."
        ]
    assert sorted(m.to[0] for m in mailoutbox) == ["kari@example.no", "per@example.no"]
    assert send_reminders(date(2025, 2, 2)) == 0  # still unread: not again
    submit_report(kari, agreement.position, 2024, "")
    assert send_reminders(date(2025, 2, 10)) == 0  # more than 30 days before the year
    assert send_reminders(date(2025, 2, 20)) == 1
    assert "år 2 av tilskuddet (fra 15.03.2025) venter på godkjenning" in messages_of(eva)[0]


@pytest.mark.django_db
def test_an_absence_to_confirm(agreement, per, eva):  # noqa: F811
    absence = report_absence(per, agreement, "leave", date(2024, 9, 1), date(2024, 9, 30))
    assert send_reminders(date(2024, 10, 1)) == 1
    assert "Permisjon 01.09.2024–30.09.2024 venter på bekreftelse" in messages_of(eva)[0]
    confirm_absence(eva, absence)
    Notification.objects.update(read_at=timezone.now())
    assert send_reminders(date(2024, 10, 3)) == 0


@pytest.mark.django_db
def test_the_command_says_how_many_it_sent(agreement):  # noqa: F811
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "påminnelser sendt" in out.getvalue()


@pytest.mark.django_db
def test_per_opens_his_reminder_and_it_is_read(client, agreement, per):  # noqa: F811
    from django.urls import reverse

    from kreftkoordinator.conftest import login

    send_reminders(date(2025, 2, 1))
    note = Notification.objects.get(user=per)
    login(client, per)
    assert note.message in client.get(reverse("grants:agreements")).content.decode()
    response = client.post(reverse("casework:notification_read", args=[note.pk]))
    assert response.url == reverse("grants:agreement", args=[agreement.pk])
    note.refresh_from_db()
    assert note.read_at is not None
