"""Which language a page is in (DESIGN 3.9): bokmål, nynorsk or English.

Staff get the language of their profile, or when they have chosen none, their position's host
area's language form. A public visitor gets what she chose with the switcher (a cookie), else
what her browser asks for (Accept-Language), else, on a page about one area, that area's language
form (`speak_for`), else bokmål. `?lang=` in the address shows a page in one language (the
switcher's links and the pages' hreflang alternates) and, for a visitor, remembers the choice.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlparse, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGE_PARAMETER = "lang"
# Norwegian without a written form ("no", "nb-NO", "no-NO") reads bokmål, as browsers mean it.
_ASKED = {"nb": "nb", "no": "nb", "nn": "nn", "en": "en"}


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def from_accept_language(header: str) -> str | None:
    """The first language of ours the browser asks for, by its order of preference."""
    for asked, _quality in parse_accept_lang_header(header or ""):
        code = _ASKED.get(asked.split("-")[0].lower())
        if code in languages():
            return code
    return None


SESSION_KEY = "_default_language"


def default_for(request, user) -> str:
    """A signed-in user's language when she has chosen none: her host area's language form,
    looked up at log-in and kept in the session, so a page costs no query for it."""
    session = getattr(request, "session", None)
    cached = session.get(SESSION_KEY) if session is not None else None
    if cached and cached[0] == user.pk:
        return cached[1]
    return remember_default(request=request, user=user)


@receiver(user_logged_in)
def remember_default(sender=None, request=None, user=None, **kwargs) -> str:
    language = user.default_language()
    if request is not None and getattr(request, "session", None) is not None:
        request.session[SESSION_KEY] = [user.pk, language]
    return language


def remember(response, language: str) -> None:
    """A visitor's choice, kept in the language cookie for LANGUAGE_COOKIE_AGE."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def activate(request, language: str) -> None:
    translation.activate(language)
    request.LANGUAGE_CODE = language


def speak_for(request, area) -> None:
    """A page about one area, for a visitor who has not said which language she reads: the
    area's own language form, as the language act asks of a page from a nynorsk municipality."""
    if area is not None and not getattr(request, "language_chosen", True):
        activate(request, area.language)


def write_for(request, area) -> str:
    """A document written for a municipality (the brief, the annual report, a grant letter or
    statement) is in its language form, unless the writer asks for another with `?lang=`: the
    rest of the request (the document, or the page that is the document) is in it."""
    asked = request.GET.get(LANGUAGE_PARAMETER)
    language = asked if asked in languages() else area.language
    activate(request, language)
    return language


def document_links(request, area, **query) -> list[dict[str, str]]:
    """The document in each language, its area's language form first, for the writer's choice."""
    default = area.language
    links = []
    for code in sorted(languages(), key=lambda c: c != default):
        params = urlencode({**query, LANGUAGE_PARAMETER: code})
        links.append(
            {
                "code": code,
                "name": SELF_NAMES[code],
                "url": f"{request.path}?{params}",
                "default": code == default,
            }
        )
    return links


def alternates(request) -> list[dict[str, str]]:
    """This page in each language, for the switcher and the hreflang links: the same address
    and query with `lang=` set."""
    query = request.GET.copy()
    query.pop(LANGUAGE_PARAMETER, None)
    links = []
    for code, name in settings.LANGUAGES:
        query[LANGUAGE_PARAMETER] = code
        links.append(
            {
                "code": code,
                "name": SELF_NAMES.get(code, str(name)),
                "url": request.build_absolute_uri(f"{request.path}?{urlencode(query, doseq=True)}"),
            }
        )
    query.pop(LANGUAGE_PARAMETER, None)
    plain = f"{request.path}?{urlencode(query, doseq=True)}" if query else request.path
    links.append({"code": "x-default", "name": "", "url": request.build_absolute_uri(plain)})
    return links


def without_choice(url: str) -> str:
    """The address without `lang=`, so that a choice made afterwards is not overruled by it."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "lang"]
    return urlunsplit(parts._replace(query=urlencode(query)))


# Each language named in itself, as a switcher shows it.
SELF_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


def context(request):
    """For base.html: the current page in the other languages (the switcher and, on the
    public pages, the hreflang alternates), and where the staff's switch returns to."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return {
            "language_choices": [(c, SELF_NAMES[c]) for c in languages()],
            "language_next": _back_to(request),
        }
    return {"language_links": alternates(request)}


def _back_to(request) -> str:
    """Where the language switch returns to: this page; for a page shown in answer to a form
    (a POST), the page the form was on, since asking for its address again would not show it."""
    if request.method == "GET":
        return request.get_full_path()
    referer = urlparse(request.META.get("HTTP_REFERER", ""))
    if referer.netloc == request.get_host() and referer.path.startswith("/"):
        return referer.path + (f"?{referer.query}" if referer.query else "")
    return "/"
