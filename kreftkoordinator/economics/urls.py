from django.urls import path

from . import views

app_name = "economics"

urlpatterns = [
    path("okonomi/", views.scenario_list, name="scenarios"),
    path("okonomi/sammenlign/", views.compare, name="compare"),
    path("okonomi/<int:pk>/", views.scenario_detail, name="scenario"),
    path("okonomi/<int:pk>/verdi/", views.scenario_value, name="scenario_value"),
    path("okonomi/<int:pk>/vurdering/", views.scenario_rating, name="scenario_rating"),
    path("okonomi/<int:pk>/lesning/", views.scenario_reading, name="scenario_reading"),
    path("okonomi/stillinger/<int:pk>/lonn/", views.position_salary, name="position_salary"),
]
