from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("tilbud/", views.offer_list, name="offer_list"),
    path("tilbud/nytt/", views.offer_edit, name="offer_create"),
    path("tilbud/velg/", views.offer_choices, name="offer_choices"),
    path("tilbud/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("tilbud/<int:pk>/endre/", views.offer_edit, name="offer_edit"),
    path("tilbud/<int:pk>/kontrollert/", views.offer_verify, name="offer_verify"),
    path("arrangementer/", views.event_list, name="event_list"),
    path("arrangementer/nytt/", views.event_edit, name="event_create"),
    path("arrangementer/<int:pk>/", views.event_edit, name="event_edit"),
]
