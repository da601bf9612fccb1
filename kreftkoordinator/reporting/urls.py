from django.urls import path

from . import dashboard_views, views

app_name = "reporting"

urlpatterns = [
    path("indikatorer/", views.definitions, name="definitions"),
    path("rapporter/<int:position_pk>/<int:year>/", views.annual, name="annual"),
    path("rapporter/<int:position_pk>/<int:year>/lever/", views.submit, name="submit"),
    path(
        "rapporter/<int:position_pk>/<int:year>/versjon/<int:version>/",
        views.submitted,
        name="submitted",
    ),
    path("tall/", dashboard_views.leader, name="leader"),
    path("tall/nasjonalt/<int:year>/", dashboard_views.national, name="national"),
]
