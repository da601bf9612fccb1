from django.urls import path

from . import accessibility_views, innsyn, survey, views

app_name = "public"

urlpatterns = [
    path("finn-kreftkoordinator/", views.find, name="find"),
    path("kontakt-meg/", views.contact, name="contact"),
    path("kontakt-meg/takk/", views.contact_thanks, name="contact_thanks"),
    path("tilbud-for-deg/", views.offers, name="offers"),
    path("tilbud-for-deg/<int:pk>/", views.offer, name="offer"),
    path("moteplasser/", views.events, name="events"),
    path("moteplasser/<str:code>.ics", views.events_ical, name="events_ical"),
    path("moteplasser/<int:pk>/", views.event, name="event"),
    path("dekning/", views.coverage_map, name="coverage"),
    path("tilgjengelighet/", accessibility_views.statement, name="accessibility"),
    path("innsyn/", innsyn.innsyn, name="innsyn"),
    path("innsyn/logg-inn/", innsyn.start, name="innsyn_start"),
    path("innsyn/svar/", innsyn.signed_on, name="innsyn_signed_on"),
    path("innsyn/logg-ut/", innsyn.sign_out, name="innsyn_sign_out"),
    path("undersokelse/resultater/", survey.results, name="survey_results"),
    path("undersokelse/", survey.enter_code, name="survey_code"),
    path("undersokelse/<str:token>/", survey.answer, name="survey"),
    path("oppfolging/<int:case_pk>/undersokelse/", survey.invite, name="survey_invite"),
]
