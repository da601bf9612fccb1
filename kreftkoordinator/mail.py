"""E-mail leaves through a task (django-tasks): at once by default, through the database queue
and its worker in production (settings.TASKS). Part of the shared kernel: it imports no app."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(subject: str, body: str, to: list[str]) -> int:
    return send_mail(subject, body, None, to)


def enqueue_email(subject: str, body: str, to: list[str]) -> None:
    """Queue one message to the given addresses (none: nothing is sent)."""
    to = [address for address in to if address]
    if to:
        send_email.enqueue(subject, body, to)
