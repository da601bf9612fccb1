from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path("personer/<int:pk>/fhir/", views.person_fhir, name="person_fhir"),
]
