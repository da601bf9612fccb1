from django.urls import path

from . import (
    assessment_views,
    careteam_views,
    case_views,
    contact_views,
    document_views,
    estimate_views,
    event_views,
    inbox_views,
    routine_views,
    service_views,
    time_views,
    transfer_views,
    views,
)

app_name = "casework"

urlpatterns = [
    path("oppfolging/", case_views.caseload, name="caseload"),
    path("personer/", views.person_list, name="person_list"),
    path("personer/ny/", views.person_create, name="person_create"),
    path("personer/<int:pk>/", views.person_detail, name="person_detail"),
    path("personer/<int:pk>/endre/", views.person_edit, name="person_edit"),
    path("personer/<int:pk>/innsynslogg/", views.person_access_log, name="person_access_log"),
    path("personer/<int:person_pk>/ny-oppfolging/", case_views.case_create, name="case_create"),
    path("oppfolging/<int:pk>/", case_views.case_detail, name="case_detail"),
    path("oppfolging/<int:pk>/endre/", case_views.case_edit, name="case_edit"),
    path("oppfolging/<int:pk>/avslutt/", case_views.case_close, name="case_close"),
    path("oppfolging/<int:pk>/livets-slutt/", case_views.case_end_of_life, name="case_end_of_life"),
    path("oppfolging/<int:pk>/fase/", case_views.case_phase, name="case_phase"),
    path("oppfolging/<int:pk>/parorende/ny/", case_views.relative_add, name="relative_add"),
    path(
        "oppfolging/<int:case_pk>/kontakt/ny/",
        contact_views.contact_create,
        name="case_contact_create",
    ),
    path(
        "oppfolging/<int:case_pk>/oppgaver/ny/", contact_views.follow_up_add, name="follow_up_add"
    ),
    path(
        "oppfolging/<int:case_pk>/kartlegging/ny/",
        assessment_views.assessment_create,
        name="assessment_create",
    ),
    path("kartlegginger/<int:pk>/", assessment_views.assessment_detail, name="assessment_detail"),
    path("oppfolging/<int:case_pk>/tjenester/ny/", service_views.service_add, name="service_add"),
    path("tjenester/<int:pk>/status/", service_views.service_status, name="service_status"),
    path(
        "oppfolging/<int:case_pk>/hendelser/ny/<str:kind>/",
        event_views.care_event_add,
        name="care_event_add",
    ),
    path(
        "oppfolging/<int:case_pk>/team/ny/", careteam_views.team_member_add, name="team_member_add"
    ),
    path("team/<int:pk>/endre/", careteam_views.team_member_edit, name="team_member_edit"),
    path(
        "oppfolging/<int:case_pk>/ansvarsgruppe/ny/", careteam_views.meeting_add, name="meeting_add"
    ),
    path(
        "oppfolging/<int:case_pk>/dokumenter/ny/", document_views.document_add, name="document_add"
    ),
    path("dokumenter/<int:pk>/", document_views.document_download, name="document_download"),
    path("dokumenter/<int:pk>/slett/", document_views.document_delete, name="document_delete"),
    path("oppfolging/<int:case_pk>/anslag/", estimate_views.estimate_edit, name="estimate_edit"),
    path("tid/", time_views.week, name="week"),
    path("tid/ny/", time_views.time_entry_add, name="time_entry_add"),
    path("tid/<int:pk>/slett/", time_views.time_entry_delete, name="time_entry_delete"),
    path("systemarbeid/ny/", time_views.activity_add, name="activity_add"),
    path("systemarbeid/rutiner/", routine_views.routine_list, name="routine_list"),
    path("systemarbeid/rutiner/ny/", routine_views.routine_add, name="routine_add"),
    path(
        "systemarbeid/rutiner/<int:pk>/status/",
        routine_views.routine_status,
        name="routine_status",
    ),
    path("oppfolging/<int:pk>/overfor/", transfer_views.case_transfer, name="case_transfer"),
    path("oppfolging/<int:pk>/etter-dodsfall/", event_views.after_death, name="after_death"),
    path("varsler/<int:pk>/lest/", transfer_views.notification_read, name="notification_read"),
    path("forespørsler/<int:pk>/", inbox_views.request_detail, name="request_detail"),
    path("forespørsler/<int:pk>/behandlet/", inbox_views.request_handled, name="request_handled"),
    path("forespørsler/<int:pk>/koble/", inbox_views.request_link, name="request_link"),
    path("kontakter/ny/", contact_views.contact_create, name="contact_create"),
    path("kontakter/<int:pk>/person/", contact_views.contact_person, name="contact_person"),
    path("oppgaver/<int:pk>/utfort/", contact_views.follow_up_done, name="follow_up_done"),
]
