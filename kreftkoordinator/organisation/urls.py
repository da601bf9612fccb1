from django.urls import path

from . import views

app_name = "organisation"

urlpatterns = [
    path("stillinger/", views.position_list, name="position_list"),
    path("stillinger/ny/", views.position_edit, name="position_create"),
    path("stillinger/<int:pk>/", views.position_detail, name="position_detail"),
    path("stillinger/<int:pk>/endre/", views.position_edit, name="position_edit"),
    path(
        "stillinger/<int:position_pk>/tilsettinger/ny/",
        views.assignment_edit,
        name="assignment_create",
    ),
    path(
        "stillinger/<int:position_pk>/tilsettinger/<int:pk>/",
        views.assignment_edit,
        name="assignment_edit",
    ),
    path("omrader/", views.area_list, name="area_list"),
    path("omrader/<int:pk>/", views.area_edit, name="area_edit"),
]
