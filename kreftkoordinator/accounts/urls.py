from django.urls import path

from . import sign_on_views, views

app_name = "accounts"

urlpatterns = [
    path("logg-inn/", views.LoginView.as_view(), name="login"),
    path("logg-inn/kode/", views.verify, name="verify"),
    path("logg-ut/", views.logout, name="logout"),
    path("konto/", views.account, name="account"),
    path("konto/tofaktor/", views.setup_totp, name="setup_totp"),
    path("konto/passord/<str:uidb64>/<str:token>/", views.set_password, name="set_password"),
    path("konto/bekreft-gjenoppretting/", views.confirm_recovery, name="confirm_recovery"),
    path("stopp/<str:token>/", views.stop_recovery, name="stop_recovery"),
]

# Log-in through an OpenID provider (sign_on_views.py); the JWKS is where standards put it.
urlpatterns += [
    path("innlogging/<slug:key>/", sign_on_views.start, name="sign_on"),
    path("innlogging/<slug:key>/svar/", sign_on_views.signed_on, name="signed_on"),
]
jwks_urlpatterns = [path(".well-known/jwks.json", sign_on_views.jwks, name="jwks")]

from . import admin_views, approval_views  # noqa: E402

urlpatterns += [
    path("administrasjon/brukere/", admin_views.user_list, name="user_list"),
    path("administrasjon/brukere/ny/", admin_views.user_edit, name="user_create"),
    path("administrasjon/brukere/<int:pk>/", admin_views.user_detail, name="user_detail"),
    path("administrasjon/brukere/<int:pk>/endre/", admin_views.user_edit, name="user_edit"),
    path(
        "administrasjon/brukere/<int:pk>/nullstill-tofaktor/",
        admin_views.reset_two_factor,
        name="reset_two_factor",
    ),
    path(
        "administrasjon/brukere/<int:pk>/send-passordlenke/",
        admin_views.send_password_link,
        name="send_password_link",
    ),
    path(
        "administrasjon/brukere/<int:pk>/innlogging/",
        admin_views.record_identity,
        name="record_identity",
    ),
    path(
        "administrasjon/brukere/<int:pk>/innlogging/<int:identity>/fjern/",
        admin_views.remove_identity,
        name="remove_identity",
    ),
    path("godkjenning/", approval_views.approvals, name="approvals"),
    path(
        "godkjenning/tilsetting/<int:pk>/",
        approval_views.decide_assignment,
        name="decide_assignment",
    ),
    path(
        "godkjenning/gjenoppretting/<int:pk>/",
        approval_views.decide_recovery,
        name="decide_recovery",
    ),
    path("godkjenning/rolle/<int:pk>/", approval_views.approve_role, name="approve_role"),
]
