"""For base.html: whether this session was opened after a recovery the user has not confirmed
(recovery.py), so that every page says so."""

from .recovery import SESSION_KEY


def recovery(request):
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return {
        "after_recovery": bool(
            user and user.is_authenticated and session and session.get(SESSION_KEY)
        )
    }
