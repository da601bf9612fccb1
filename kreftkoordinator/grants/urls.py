from django.urls import path

from . import views

app_name = "grants"

urlpatterns = [
    path("tilskudd/", views.agreement_list, name="agreements"),
    path("tilskudd/ny/", views.agreement_create, name="agreement_create"),
    path("tilskudd/ordninger/", views.scheme_list, name="schemes"),
    path("tilskudd/utbetalinger/", views.statement_list, name="statements"),
    path("tilskudd/utbetalinger/<int:pk>/", views.statement_detail, name="statement"),
    path(
        "tilskudd/utbetalinger/<int:pk>/godkjenn/",
        views.statement_approve,
        name="statement_approve",
    ),
    path("tilskudd/utbetalinger/<int:pk>/utbetalt/", views.statement_pay, name="statement_pay"),
    path("tilskudd/fravaer/<int:pk>/bekreft/", views.absence_confirm, name="absence_confirm"),
    path("tilskudd/<int:pk>/", views.agreement_detail, name="agreement"),
    path("tilskudd/<int:pk>/brev/", views.agreement_letter, name="letter"),
    path("tilskudd/<int:pk>/fravaer/", views.absence_add, name="absence_add"),
    path("tilskudd/<int:pk>/aar/<int:number>/", views.year_decide, name="year_decide"),
]
