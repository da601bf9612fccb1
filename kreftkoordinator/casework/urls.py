from django.urls import path

from . import views

app_name = "casework"

urlpatterns = [
    path("personer/", views.person_list, name="person_list"),
    path("personer/<int:pk>/", views.person_detail, name="person_detail"),
    path("personer/<int:pk>/innsynslogg/", views.person_access_log, name="person_access_log"),
]
