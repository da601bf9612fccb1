from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("indikatorer/", views.definitions, name="definitions"),
    path("rapporter/<int:position_pk>/<int:year>/", views.annual, name="annual"),
    path("rapporter/<int:position_pk>/<int:year>/lever/", views.submit, name="submit"),
]
