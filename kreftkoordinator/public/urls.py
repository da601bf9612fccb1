from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("finn-kreftkoordinator/", views.find, name="find"),
    path("kontakt-meg/", views.contact, name="contact"),
    path("kontakt-meg/takk/", views.contact_thanks, name="contact_thanks"),
]
