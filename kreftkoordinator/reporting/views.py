from django.shortcuts import render

from .indicators import REGISTRY


def definitions(request):
    """Every indicator's definition, public, so that any figure anyone sees can be traced."""
    return render(request, "reporting/definitions.html", {"indicators": REGISTRY.values()})
