from django.urls import path

from . import payment_views, queue_views, views

app_name = "grants"

urlpatterns = [
    path("tilskudd/", views.agreement_list, name="agreements"),
    path("tilskudd/ny/", views.agreement_create, name="agreement_create"),
    path("tilskudd/oppgaver/", queue_views.work_queue, name="queue"),
    path(
        "tilskudd/<int:pk>/aar/<int:number>/paaminnelse/",
        queue_views.remind_report,
        name="remind_report",
    ),
    path("tilskudd/ordninger/", views.scheme_list, name="schemes"),
    path("tilskudd/utbetalinger/", views.statement_list, name="statements"),
    path("tilskudd/utbetalinger/<int:pk>/", payment_views.statement_detail, name="statement"),
    path(
        "tilskudd/utbetalinger/<int:pk>/godkjenn/",
        payment_views.statement_approve,
        name="statement_approve",
    ),
    path(
        "tilskudd/utbetalinger/<int:pk>/attester/",
        payment_views.statement_attest,
        name="statement_attest",
    ),
    path(
        "tilskudd/utbetalinger/<int:pk>/anvis/",
        payment_views.statement_authorise,
        name="statement_authorise",
    ),
    path(
        "tilskudd/utbetalinger/<int:pk>/send-tilbake/",
        payment_views.statement_send_back,
        name="statement_send_back",
    ),
    path(
        "tilskudd/utbetalinger/<int:pk>/utbetalt/",
        payment_views.statement_pay,
        name="statement_pay",
    ),
    path("tilskudd/fravaer/<int:pk>/bekreft/", views.absence_confirm, name="absence_confirm"),
    path("tilskudd/<int:pk>/", views.agreement_detail, name="agreement"),
    path("tilskudd/<int:pk>/brev/", views.agreement_letter, name="letter"),
    path("tilskudd/<int:pk>/betaling/", views.agreement_payment, name="agreement_payment"),
    path("tilskudd/<int:pk>/fravaer/", views.absence_add, name="absence_add"),
    path("tilskudd/<int:pk>/aar/<int:number>/", views.year_decide, name="year_decide"),
]
