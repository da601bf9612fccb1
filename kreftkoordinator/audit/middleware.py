from . import channel


class AuditChannelMiddleware:
    """Entries written while answering a request name its path. The query string is left out:
    it can hold what was searched for, such as a fødselsnummer, which the log must not keep."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = channel.set(request.path[:300])
        try:
            return self.get_response(request)
        finally:
            channel.reset(token)
