from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("aktivitet/", views.my_activity, name="my_activity"),
    path("administrasjon/brukere/<int:pk>/aktivitet/", views.user_activity, name="user_activity"),
    path("administrasjon/kontoendringer/", views.account_changes, name="account_changes"),
]
