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
