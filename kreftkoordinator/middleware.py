from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Norwegian bokmål unless the user has chosen English with the language switch.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: a Norwegian
    public service speaks Norwegian first, whatever language the browser was installed in.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
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
