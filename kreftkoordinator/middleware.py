import logging

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from kreftkoordinator import languages


class LanguageMiddleware:
    """The language of the page (kreftkoordinator/languages.py): `?lang=`, then a signed-in
    user's profile or her host area's language form, then a visitor's cookie, then the
    browser's Accept-Language; otherwise bokmål, and a page about one area may speak for it.

    After AuthenticationMiddleware, as staff are told apart from visitors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = languages.languages()
        asked = request.GET.get(languages.LANGUAGE_PARAMETER)
        user = getattr(request, "user", None)
        staff = user is not None and user.is_authenticated
        remember = None
        if asked in offered:
            language, chosen = asked, True
            remember = None if staff else asked
        elif staff and user is not None:
            language, chosen = user.language or languages.default_for(request, user), True
        elif request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in offered:
            language, chosen = request.COOKIES[settings.LANGUAGE_COOKIE_NAME], True
        else:
            found = languages.from_accept_language(request.headers.get("Accept-Language", ""))
            language, chosen = found or settings.LANGUAGE_CODE, found is not None
        languages.activate(request, language)
        request.language_chosen = chosen
        response = self.get_response(request)
        # The view may have spoken for an area (languages.speak_for).
        response.headers.setdefault("Content-Language", translation.get_language())
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if remember:
            languages.remember(response, remember)
        return response


class SecurityHeadersMiddleware:
    """Headers every response carries: a Content-Security-Policy with no 'unsafe-inline' (our
    pages load scripts and styles from files only), a Permissions-Policy that turns off what the
    product never uses, and Cache-Control: no-store on every page a signed-in user gets (the
    pages with personal data), so no browser, proxy or back button keeps a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)  # not set for static files served by WhiteNoise
        if user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "no-store, private"
        return response


class DemoErrorPagesMiddleware:
    """The demo runs with DEBUG on (on loopback only), where Django answers a missing page or an
    error with its technical pages in English. A visitor trying the demo should meet the
    product's own pages, in Norwegian, as in production; the traceback still goes to the log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEMO
            and response.status_code == 404
            and "text/html" in response.get("Content-Type", "")
            and not getattr(response, "ours", False)
        ):
            return self._page(request, "404.html", 404)
        return response

    def process_exception(self, request, exception):
        from django.core.exceptions import PermissionDenied
        from django.http import Http404

        if not settings.DEMO:
            return None
        if isinstance(exception, Http404):
            return self._page(request, "404.html", 404)
        if isinstance(exception, PermissionDenied):
            return self._page(request, "403.html", 403)
        logging.getLogger("django.request").error(
            "Feil i demoen: %s", request.path, exc_info=exception
        )
        return self._page(request, "500.html", 500)

    @staticmethod
    def _page(request, template: str, status: int):
        from django.shortcuts import render

        response = render(request, template, status=status)
        response.ours = True  # type: ignore[attr-defined]
        return response


class DatabaseUnavailableMiddleware:
    """The database gone (restarting, failing over, out of connections): a friendly 503 page
    that asks to try again, instead of a 500. Workflows are atomic, so what the request had
    begun to write is rolled back with it: nothing half-saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError
        from django.template.loader import render_to_string

        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logging.getLogger("django.request").error(
            "Databasen svarer ikke: %s", request.path, exc_info=exception
        )
        from django.http import HttpResponse

        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
