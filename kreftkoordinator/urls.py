from django.urls import include, path

from kreftkoordinator.accounts.urls import jwks_urlpatterns

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("sprak/", views.choose_language, name="set_language"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include("kreftkoordinator.accounts.urls")),
    path("", include(jwks_urlpatterns)),
    path("", include("kreftkoordinator.audit.urls")),
    path("", include("kreftkoordinator.casework.urls")),
    path("", include("kreftkoordinator.exchange.urls")),
    path("administrasjon/", include("kreftkoordinator.organisation.urls")),
    path("", include("kreftkoordinator.directory.urls")),
    path("", include("kreftkoordinator.public.urls")),
    path("", include("kreftkoordinator.reporting.urls")),
    path("", include("kreftkoordinator.economics.urls")),
    path("", include("kreftkoordinator.grants.urls")),
]
