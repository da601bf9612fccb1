"""The main flows in a real browser, as the people who use them go through them: log-in with
two-factor, a coordinator's day from a new person to the bereavement follow-up, a request from
the public reaching her inbox, the annual report submitted, a leader's economics page, a grant
statement approved and paid. Screenshots of the main pages are kept (test-artefacts/)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.audit.chain import verify
from kreftkoordinator.casework.models import Case, ContactRequest, FollowUp
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.grants.models import Scheme, Statement
from kreftkoordinator.grants.workflows import make_agreement
from kreftkoordinator.organisation.models import today
from kreftkoordinator.reporting.models import Submission

from .conftest import axe, screenshot


def test_kari_logs_in_with_her_password_and_her_authenticator(in_browser, kari):
    device = TOTPDevice.objects.create(user=kari, name="app", confirmed=True)

    def code() -> str:
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        return f"{totp.token():06d}"

    def steps(page):
        page.goto(reverse("accounts:login"))
        screenshot(page, "login")
        page.fill("#id_username", "kari")
        page.fill("#id_password", "et-langt-passord-2026")
        page.get_by_role("button", name="Logg inn").click()
        at_code = page.url
        page.fill("#id_token", code())
        page.get_by_role("button", name="Bekreft").click()
        return at_code, page.url, page.locator("h1").inner_text()

    at_code, after, heading = in_browser(None, steps)
    assert reverse("accounts:verify") in at_code
    assert after.endswith("/") and "Kari" in heading


def test_kari_s_day_from_a_new_person_to_the_bereavement_follow_up(in_browser, kari):
    def steps(page):
        page.goto(reverse("casework:person_create"))
        page.fill("#id_name", "Ragnhild Berg")
        page.fill("#id_phone", "912 34 567")
        page.get_by_role("button", name="Lagre").click()
        page.get_by_role("link", name="Start oppfølging").click()
        page.check("#id_kind_0")
        page.get_by_role("button", name="Lagre").click()
        case_url = page.url
        # A contact, an assessment and a service.
        page.locator("main").get_by_role("link", name="Ny kontakt").click()
        page.check("#id_participants_0")
        page.check("#id_kinds_0")
        page.get_by_role("button", name="Lagre").click()
        page.get_by_role("link", name="Ny kartlegging").click()
        page.fill("#id_distress", "6")
        page.get_by_role("button", name="Lagre").click()
        page.goto(case_url)
        page.get_by_role("link", name="Ny tjeneste eller tilbud").click()
        page.select_option("#id_service", index=1)
        page.get_by_role("button", name="Lagre").click()
        # Her husband, who will be the bereaved.
        page.goto(case_url)
        page.locator("main").get_by_role("link", name="Ny pårørende").click()
        page.fill("#id_name", "Ola Berg")
        page.select_option("#id_relation", "partner")
        page.get_by_role("button", name="Lagre").click()
        page.goto(case_url)
        screenshot(page, "case")
        # The death, the checklist after it, and the bereavement conversation on Ola's own case.
        page.get_by_role("link", name="Dødsfall").click()
        page.fill("#id_on", today().isoformat())
        page.check("#id_death_place_0")
        page.get_by_role("button", name="Lagre").click()
        after_death = page.url
        screenshot(page, "after-death")
        page.get_by_label("Ola Berg (ektefelle / samboer)").check()
        page.get_by_role("button", name="Lagre").click()
        return case_url, after_death, page.url, page.content()

    case_url, after_death, ola_url, content = in_browser(kari, steps)
    case = Case.objects.get(person__name="Ragnhild Berg")
    assert case.person.phone == "+4791234567"
    assert case.contacts.count() == 1 and case.assessments.count() == 1
    assert after_death.endswith(reverse("casework:after_death", args=[case.pk]))
    assert case.phase == "bereavement" and case.person.died_on == today()
    assert case.services.get().status == "by_death"
    ola = Case.objects.get(person__name="Ola Berg")
    assert ola_url.endswith(reverse("casework:case_detail", args=[ola.pk]))
    assert (ola.kind, ola.relative_of) == ("relative", case)
    assert FollowUp.objects.get(bereavement=True).case == ola
    assert "Etterlattesamtale" in content and f"død {today():%d.%m.%Y}" in content
    # Every step was logged, and the log's chain holds after the whole day.
    verdict = verify()
    assert verdict.broken_at is None and verdict.checked >= 8


def test_a_request_from_the_public_reaches_sigrid_s_inbox(in_browser, sigrid):
    def public(page):
        page.goto(reverse("public:contact"))
        page.fill("#id_name", "Siri Moe")
        page.fill("#id_phone", "987 65 432")
        page.fill("#id_municipality", "Vang")
        page.check("#id_role_1")
        page.check("#id_consent")
        screenshot(page, "contact")
        page.get_by_role("button", name="Send").click()
        return page.url

    assert in_browser(None, public).endswith(reverse("public:contact_thanks") + "?kommune=3454")

    def inbox(page):
        page.goto("/")
        screenshot(page, "start-page")
        page.get_by_role("link", name="Siri Moe").click()
        page.get_by_role("link", name="Registrer personen").click()
        return page.input_value("#id_name"), page.input_value("#id_phone")

    assert in_browser(sigrid, inbox) == ("Siri Moe", "987 65 432")
    assert ContactRequest.objects.get().area.code == "3454"


def test_kari_submits_her_annual_report(in_browser, kari, drammen_position):
    def steps(page):
        page.goto(reverse("reporting:annual", args=[drammen_position.pk, 2025]))
        screenshot(page, "annual-report", full_page=False)
        charts = page.locator("svg[role=img]").count()
        page.fill("#id_narrative", "Et år med mange nye.")
        page.get_by_role("button", name="Gå videre til levering").click()
        confirm = page.locator("h1").inner_text()
        screenshot(page, "annual-report-confirm", full_page=False)
        page.get_by_role("button", name="Bekreft og lever versjon 1").click()
        return charts, confirm

    charts, confirm = in_browser(kari, steps)
    assert charts >= 1 and confirm.startswith("Bekreft levering av årsrapport 2025")
    assert Submission.objects.get(position=drammen_position, year=2025).version == 1


def test_per_goes_from_his_dashboard_to_a_scenario_and_its_brief(
    in_browser, per, kari, drammen_position
):
    """Issue 31: the dashboard answers first (the headline figures, what needs him); the
    scenario on older figures than the last report is one click away, and its brief another."""
    from kreftkoordinator.reporting.submissions import submit_report

    submit_report(kari, drammen_position, today().year - 1, "")
    scenario = Scenario.objects.create(
        name="Drammen", position=drammen_position, year=2024, created_by=per, price_year=2024
    )

    def steps(page):
        page.goto(reverse("reporting:leader"))
        screenshot(page, "leader-dashboard", full_page=False)
        violations = axe(page)
        headline = page.get_by_role("table", name="Hovedtallene for Kreftkoordinator i Drammen")
        rows = headline.locator("tbody tr").count()
        page.get_by_role("link", name="Scenarioet «Drammen» bygger på tallene for 2024").click()
        at = page.url
        screenshot(page, "economics", full_page=False)  # the top: the summary and the waterfall
        charts = page.locator("svg[role=img]")
        names = [charts.nth(i).get_attribute("aria-labelledby") for i in range(charts.count())]
        page.get_by_text("Saksframlegg (Word) med forslag til vedtak").click()
        page.fill("#brief-funding", "rammen til helse og omsorg")
        with page.expect_download() as download:
            page.get_by_role("button", name="Last ned saksframlegget (Word)").click()
        return rows, at, names, download.value.suggested_filename, violations

    rows, at, names, filename, violations = in_browser(per, steps)
    assert rows == 8 and violations == []
    assert at.endswith(reverse("economics:scenario", args=[scenario.pk]))
    assert len(names) == 3 and all(names)  # waterfall, tornado, distribution: each labelled
    assert filename.endswith(".docx")


def test_eva_attests_a_grant_statement_and_jon_authorises_it(
    in_browser, eva, jon, kari, drammen_position
):
    """Issue 31, point 4: one person attests, a second authorises; Eva, though she has budget
    authority too, is not offered the authorisation of what she attested herself."""
    eva.budget_authority, eva.role_approved_at = True, eva.date_joined
    eva.save()
    agreement = make_agreement(
        eva,
        drammen_position,
        start=date(2024, 3, 15),
        fte=100,
        salary=Decimal("470000"),
        social_rate=Decimal("0.35"),
        scheme=Scheme.objects.get(name="Tabell 3-1"),
    )

    def evas_part(page):
        page.goto(reverse("grants:statements") + "?kvartal=2024-Q2")
        page.get_by_role("button", name="Beregn oppgavene for 2024-Q2").click()
        page.get_by_role("link", name="Kreftkoordinator i Drammen").click()
        screenshot(page, "grant-statement")
        page.get_by_role("button", name="Godkjenn oppgaven").click()
        page.get_by_role("button", name="Attester utbetalingen").click()
        offered = page.get_by_role("button", name="Anvis utbetalingen").count()
        return offered, page.locator("[role=note]").inner_text(), axe(page)

    offered, note, violations = in_browser(eva, evas_part)
    assert offered == 0 and "venter på anvisning av en annen" in note
    assert violations == []
    statement = Statement.objects.get(agreement=agreement)
    assert statement.status == Statement.Status.ATTESTED

    def jons_part(page):
        page.goto(reverse("grants:statement", args=[statement.pk]))
        page.get_by_role("button", name="Anvis utbetalingen").click()
        page.fill("#id_paid_on", today().isoformat())
        page.get_by_role("button", name="Merk som utbetalt").click()
        screenshot(page, "grant-statement-paid")
        return page.locator("dl.facts").inner_text(), page.locator("table").inner_text()

    facts, steps = in_browser(jon, jons_part)
    statement.refresh_from_db()
    assert (statement.amount, statement.status) == (118_643, Statement.Status.PAID)
    assert (statement.attested_by, statement.authorised_by) == (eva, jon)
    assert "118" in facts and "Attestert av" in facts and "Jon Moe" in facts
    assert "Anvist" in steps and "Merket som utbetalt" in steps


@pytest.mark.parametrize("name", ["public:coverage", "public:find"])
def test_screenshots_of_the_public_pages(in_browser, name):
    def steps(page):
        page.goto(reverse(name) + ("?municipality=Vang" if name == "public:find" else ""))
        screenshot(page, name.split(":")[1])
        return page.locator("h1").count()

    assert in_browser(None, steps) == 1


def test_kari_builds_annes_team_holds_the_meeting_and_sees_the_wish_met(
    in_browser, kari, drammen_case
):
    """Issue 29, done when: the team from the directory, a responsibility-group meeting that
    leaves tasks for named members, the wish for where to die, the death, and whether it was
    where she wished."""
    from kreftkoordinator.casework.models import CareTeamMember, Person
    from kreftkoordinator.directory.models import Provider

    # Strømsø legesenter is already on another case in Drammen: it is in the area's directory.
    office = Provider.objects.create(name="Strømsø legesenter", kind="municipal")
    other = Person.objects.create(area=drammen_case.area, name="Per Ås")
    CareTeamMember.objects.create(
        area=other.area,
        case=Case.objects.create(area=other.area, person=other),
        role="gp",
        provider=office,
        from_on=today(),
    )
    Case.objects.filter(pk=drammen_case.pk).update(phase="palliative")
    case_url = reverse("casework:case_detail", args=[drammen_case.pk])

    def steps(page):
        page.goto(case_url)
        page.get_by_role("link", name="Nytt medlem av teamet").click()
        page.select_option("#id_role", "gp")
        page.select_option("#id_provider", label="Strømsø legesenter")
        page.fill("#id_name", "Ingrid Berg")
        page.fill("#id_phone", "32 21 00 00")
        page.check("#id_consent_to_share")
        page.get_by_role("button", name="Lagre").click()
        page.get_by_role("link", name="Nytt medlem av teamet").click()
        page.select_option("#id_role", "home_care")
        page.fill("#id_organisation", "Hjemmetjenesten i Drammen")
        page.fill("#id_name", "Liv Dahl")
        page.check("#id_responsible")
        page.get_by_role("button", name="Lagre").click()
        team = page.locator("section[aria-labelledby=team-heading]").inner_text()
        page.get_by_role("link", name="Nytt ansvarsgruppemøte").click()
        violations = axe(page)
        page.get_by_label("Ingrid Berg (fastlege)").check()
        page.get_by_label("Liv Dahl (hjemmetjenesten)").check()
        page.check("#id_with_patient")
        page.fill("#id_decisions", "Anne vil være hjemme. Mer hjemmesykepleie.")
        page.fill("#id_step_1_what", "Øke hjemmesykepleien til to besøk daglig")
        page.select_option("#id_step_1_who", label="Liv Dahl (hjemmetjenesten)")
        page.fill("#id_step_1_due", today().isoformat())
        page.fill("#id_step_2_what", "Ny vurdering av smertelindring")
        page.select_option("#id_step_2_who", label="Ingrid Berg (fastlege)")
        page.fill("#id_step_2_due", today().isoformat())
        page.get_by_role("button", name="Lagre møtet").click()
        screenshot(page, "case-team")
        violations += axe(page)
        page.get_by_role("link", name="Ønsker for livets slutt").click()
        page.check("#id_wished_place_of_death_0")
        page.fill("#id_wish_recorded_on", today().isoformat())
        page.get_by_role("button", name="Lagre").click()
        page.get_by_role("link", name="Dødsfall").click()
        page.fill("#id_on", today().isoformat())
        page.check("#id_death_place_0")
        page.get_by_role("button", name="Lagre").click()
        return team, page.content(), violations

    team, after_death, violations = in_browser(kari, steps)
    assert violations == []  # the meeting form and the case page with its team
    assert "Ring 32 21 00 00" in team and "Koordinator etter § 7-2" in team
    gp, home_care = CareTeamMember.objects.filter(case=drammen_case).order_by("role")
    assert (gp.provider, home_care.responsible) == (office, True)
    tasks = {f.what: f.team_member for f in drammen_case.follow_ups.exclude(meeting=None)}
    assert tasks == {
        "Øke hjemmesykepleien til to besøk daglig": home_care,
        "Ny vurdering av smertelindring": gp,
    }
    assert drammen_case.contacts.get().mode == "group"
    assert "Døde: hjemme, der personen ønsket." in after_death
    drammen_case.refresh_from_db()
    assert drammen_case.wish_met is True


def test_kari_attaches_the_discharge_summary_and_downloads_it(in_browser, kari, drammen_case):
    """Issue 30, point 7: the form in the browser (a real multipart upload), the list on the
    case page, a renamed program refused in place, and the download saved as a file."""
    from kreftkoordinator.casework.tests.test_documents import PDF, PROGRAM

    def steps(page):
        page.goto(reverse("casework:case_detail", args=[drammen_case.pk]))
        page.get_by_role("link", name="Legg ved dokument").click()
        violations = axe(page)
        page.set_input_files(
            "#id_file", {"name": "epikrise.pdf", "mimeType": "application/pdf", "buffer": PROGRAM}
        )
        page.fill("#id_title", "Epikrise fra sykehuset")
        page.get_by_role("button", name="Last opp").click()
        refused = page.locator("#id_file_error").inner_text()
        kept = page.input_value("#id_title")
        screenshot(page, "document-refused")
        violations += axe(page)
        page.set_input_files(
            "#id_file", {"name": "epikrise.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        page.get_by_role("button", name="Last opp").click()
        listed = page.locator("section[aria-labelledby=documents-heading]").inner_text()
        screenshot(page, "case-documents")
        with page.expect_download() as download:
            page.get_by_role("link", name="Epikrise fra sykehuset", exact=True).click()
        saved = download.value
        return (
            refused,
            kept,
            listed,
            saved.suggested_filename,
            saved.path().read_bytes(),
            violations,
        )

    refused, kept, listed, name, content, violations = in_browser(kari, steps)
    assert "Det er innholdet som avgjør" in refused and kept == "Epikrise fra sykehuset"
    assert "Epikrise fra sykehuset" in listed and "PDF" in listed
    assert (name, content) == ("Epikrise fra sykehuset.pdf", PDF)
    assert violations == []
