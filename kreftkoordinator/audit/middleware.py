from django.urls import Resolver404, resolve

from kreftkoordinator.accounts.recovery import SESSION_KEY

from . import channel, recovery

# URL parts that are secrets (a password link's token): the log names the page without them.
SECRET_URL_PARTS = {"uidb64", "token"}


def logged_path(path: str) -> str:
    """The path as the log keeps it: secrets in it replaced by "…"."""
    try:
        kwargs = resolve(path).kwargs
    except Resolver404:
        return path[:300]
    for name, value in kwargs.items():
        if name in SECRET_URL_PARTS and value:
            path = path.replace(str(value), "…")
    return path[:300]


class AuditChannelMiddleware:
    """Entries written while answering a request name its path. The query string is left out:
    it can hold what was searched for, such as a fødselsnummer, which the log must not keep;
    so are secrets in the path. A session opened after a recovery its user has not confirmed
    marks each entry with it (accounts/recovery.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        after = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        tokens = channel.set(logged_path(request.path)), recovery.set(after)
        try:
            return self.get_response(request)
        finally:
            channel.reset(tokens[0])
            recovery.reset(tokens[1])
