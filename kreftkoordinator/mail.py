"""E-mail leaves through a task (django-tasks): at once by default, through the database queue
and its worker in production (settings.TASKS). Part of the shared kernel: it imports no app."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.core.mail import send_mail
from django.utils import translation
from django.utils.functional import Promise
from django_tasks import task


@task()
def send_email(subject: str, body: str, to: list[str]) -> int:
    return send_mail(subject, body, None, to)


def enqueue_email(subject: str, body: str, to: list[str]) -> None:
    """Queue one message to the given addresses (none: nothing is sent)."""
    to = [address for address in to if address]
    if to:
        send_email.enqueue(subject, body, to)


def by_language(users: Iterable) -> dict[str, list[str]]:
    """The users' addresses by the language each reads (User.reading_language)."""
    found: dict[str, list[str]] = defaultdict(list)
    for user in users:
        if user.email:
            found[user.reading_language()].append(user.email)
    return found


def in_their_language(user, message, values: Mapping) -> str:
    """A lazy translation filled in with `values`, in the language the user reads (a
    notification stored for her)."""
    with translation.override(user.reading_language()):
        return str(message) % _filled(values)


def _filled(values: Mapping | None) -> dict:
    """The values, lazy translations among them said in the language now active."""
    return {k: str(v) if isinstance(v, Promise) else v for k, v in (values or {}).items()}


def mail_users(users: Iterable, subject, body, values: Mapping | None = None) -> None:
    """One message to each group of users who read the same language, written in it: the
    subject and body are lazy translations, filled in with `values` in that language."""
    for language, to in by_language(users).items():
        with translation.override(language):
            shown = _filled(values)
            send_mail(str(subject) % shown, str(body) % shown, None, to, fail_silently=True)
