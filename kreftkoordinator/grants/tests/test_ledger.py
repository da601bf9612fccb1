"""Into the funder's accounts (issue 31, point 5): Eva types Drammen's organisation number and
account (checked with MOD11 where she types them), and once Jon has authorised 2024-Q2 she
downloads the ledger's voucher file and the bank's pain.001 file, which validates against the
ISO 20022 schema. A file is refused whole when an account is missing."""

import csv
import io
from datetime import date
from importlib import resources
from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse
from lxml import etree

from kreftkoordinator.conftest import login
from kreftkoordinator.grants.ledger import PAIN, payment_file, voucher_file
from kreftkoordinator.grants.models import GrantError, Statement
from kreftkoordinator.grants.rules import Quarter
from kreftkoordinator.grants.statements import calculate_statement
from kreftkoordinator.grants.workflows import set_payment_details

from .test_workflows import drammen_agreement

ORGNR, ACCOUNT = "939995307", "15031112343"  # valid check digits, made up
Q2 = Quarter(2024, 2)


def schema() -> etree.XMLSchema:
    path = resources.files("sepaxml") / "schemas" / "pain.001.001.03.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture
def authorised(eva, jon, kari, settings):
    settings.GRANTS_PROJECT_CODES = {"Tabell 3-1": "4100"}
    settings.GRANTS_LEDGER_ACCOUNT = "5910"
    settings.GRANTS_PAYER_ACCOUNT = "15064021114"
    settings.GRANTS_PAYER_ORGANISATION_NUMBER = "970500162"
    agreement = drammen_agreement(eva)
    (statement,) = calculate_statement(agreement, Q2)
    statement.approve(eva)
    statement.attest(eva)
    statement.authorise(jon)
    return agreement, statement


@pytest.mark.django_db
class TestPaymentDetails:
    def test_eva_types_them_as_people_write_them(self, client, eva, authorised):
        agreement, _ = authorised
        login(client, eva)
        url = reverse("grants:agreement_payment", args=[agreement.pk])
        client.post(url, {"organisation_number": "939 995 307", "bank_account": "1503.11.12343"})
        agreement.refresh_from_db()
        assert (agreement.organisation_number, agreement.bank_account) == (ORGNR, ACCOUNT)
        page = client.get(reverse("grants:agreement", args=[agreement.pk])).content.decode()
        assert "1503.11.12343" in page

    def test_a_wrong_account_is_refused_and_what_she_typed_kept(self, client, eva, authorised):
        agreement, _ = authorised
        login(client, eva)
        url = reverse("grants:agreement_payment", args=[agreement.pk])
        long = client.post(url, {"organisation_number": ORGNR, "bank_account": "150311123430"})
        page = long.content.decode()
        assert "Et kontonummer har 11 siffer; du skrev 12 tegn." in page
        assert 'value="150311123430"' in page
        typo = client.post(url, {"organisation_number": "939995308", "bank_account": ACCOUNT})
        assert "Organisasjonsnummeret stemmer ikke" in typo.content.decode()
        agreement.refresh_from_db()
        assert (agreement.organisation_number, agreement.bank_account) == ("", "")

    def test_the_workflow_checks_them_too(self, eva, authorised):
        agreement, _ = authorised
        with pytest.raises(Exception, match="kontrollsifferet"):
            set_payment_details(eva, agreement, ORGNR, "15031112344")


@pytest.mark.django_db
class TestFiles:
    def test_without_an_account_both_files_are_refused_naming_the_position(self, authorised):
        with pytest.raises(GrantError) as e:
            voucher_file(Q2)
        assert e.value.problems == [
            "Kreftkoordinator i Drammen: organisasjonsnummeret mangler.",
            "Kreftkoordinator i Drammen: kontonummeret mangler.",
        ]
        with pytest.raises(GrantError):
            payment_file(Q2, date(2024, 7, 10))

    def test_the_voucher_file_cell_by_cell(self, eva, authorised):
        agreement, statement = authorised
        set_payment_details(eva, agreement, ORGNR, ACCOUNT)
        content = voucher_file(Q2)
        assert content.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
        assert rows[0] == [
            "Dato",
            "Konto",
            "Koststed",
            "Prosjekt",
            "Beløp",
            "Organisasjonsnummer",
            "Referanse",
            "Tekst",
        ]
        authorised_on = statement.authorised_at.astimezone().date().isoformat()
        assert rows[1] == [
            authorised_on,
            "5910",
            str(agreement.position_id),
            "4100",
            "118643,00",
            ORGNR,
            f"KK{agreement.pk}-2024Q2",
            "tilskudd 2024-Q2, Kreftkoordinator i Drammen",
        ]
        assert len(rows) == 2

    def test_only_authorised_payments_are_in_them(self, eva, authorised, agreement_q3):
        agreement, _ = authorised
        set_payment_details(eva, agreement, ORGNR, ACCOUNT)
        with pytest.raises(GrantError, match="Ingen anviste utbetalinger for 2024-Q3"):
            voucher_file(Quarter(2024, 3))

    def test_the_payment_file_validates_against_the_iso_20022_schema(self, eva, authorised):
        agreement, _ = authorised
        set_payment_details(eva, agreement, ORGNR, ACCOUNT)
        content = payment_file(Q2, date(2024, 7, 10))
        document = etree.fromstring(content)
        schema().assertValid(document)
        ns = {"p": PAIN}
        tree = ET.fromstring(content)
        assert tree.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs", namespaces=ns) == "1"
        assert tree.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum", namespaces=ns) == "118643.00"
        transfer = tree.find("p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf", ns)
        assert transfer is not None
        amount = transfer.find("p:Amt/p:InstdAmt", ns)
        assert amount is not None and (amount.text, amount.get("Ccy")) == ("118643.00", "NOK")
        assert transfer.findtext("p:CdtrAcct/p:Id/p:Othr/p:Id", namespaces=ns) == ACCOUNT
        assert (
            transfer.findtext("p:PmtId/p:EndToEndId", namespaces=ns) == f"KK{agreement.pk}-2024Q2"
        )
        assert (
            tree.findtext("p:CstmrCdtTrfInitn/p:PmtInf/p:ReqdExctnDt", namespaces=ns)
            == "2024-07-10"
        )

    def test_the_schema_check_catches_a_broken_file(self):
        """The check itself: a file without its group header is not valid."""
        broken = etree.fromstring(
            f'<Document xmlns="{PAIN}"><CstmrCdtTrfInitn/></Document>'.encode()
        )
        assert not schema().validate(broken)

    def test_eva_downloads_them_from_the_quarter_s_page(self, client, eva, authorised):
        agreement, _ = authorised
        set_payment_details(eva, agreement, ORGNR, ACCOUNT)
        login(client, eva)
        url = reverse("grants:statements")
        ledger = client.get(url, {"kvartal": "2024-Q2", "format": "regnskap"})
        assert ledger["Content-Disposition"] == 'attachment; filename="bilag-2024-Q2.csv"'
        bank = client.get(url, {"kvartal": "2024-Q2", "format": "betaling", "dato": "2024-07-10"})
        schema().assertValid(etree.fromstring(bank.content))
        refused = client.get(url, {"kvartal": "2024-Q3", "format": "regnskap"})
        assert refused.status_code == 200
        assert "Ingen anviste utbetalinger for 2024-Q3." in refused.content.decode()


@pytest.fixture
def agreement_q3(authorised, eva):
    """2024-Q3 attested but not yet authorised: not released, so in no file."""
    agreement, _ = authorised
    (q3,) = calculate_statement(agreement, Quarter(2024, 3))
    q3.approve(eva)
    q3.attest(eva)
    assert q3.status == Statement.Status.ATTESTED
    return q3


@pytest.mark.django_db
def test_the_quarter_s_workbook_cell_by_cell(client, eva, authorised):
    from openpyxl import load_workbook

    from kreftkoordinator.exports import WHOLE

    login(client, eva)
    response = client.get(reverse("grants:statements"), {"kvartal": "2024-Q2", "format": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Utbetalinger", "Om tallene"]
    sheet = workbook["Utbetalinger"]
    assert [c.value for c in sheet[1]][:4] == ["Nr.", "Stilling", "Kvartal", "Beløp (kr)"]
    assert sheet.freeze_panes == "A2"
    amount = sheet["D2"]
    assert (amount.value, amount.data_type, amount.number_format) == (118_643, "n", WHOLE)
    assert sheet["E2"].value == "Anvist"
    assert (sheet["B3"].value, sheet["D3"].value) == ("Sum", "=SUM(D2:D2)")
    about = dict(workbook["Om tallene"].iter_rows(values_only=True))
    assert about["Rapport"] == "Utbetalingsoppgaver for 2024-Q2" and about["Laget"]
