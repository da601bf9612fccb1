"""Into the funder's accounts: a quarter's authorised payments as a voucher file for the ledger
and as an ISO 20022 payment file for the bank (pain.001.001.03, credit transfers in NOK). Both
are made from the same statements: authorised, not yet paid, of the quarter. One credit transfer
per agreement (its statement and any correction together), with the same reference as its
voucher lines, so the bank's account statement matches the ledger. A file is refused whole, each
problem named, when a municipality's organisation number or account is missing or a sum cannot
be paid out. The layouts are in docs/grants.md, "Into the funder's accounts"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from xml.etree import ElementTree as ET

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator.exports import csv_file
from kreftkoordinator.numbers import for_files, kroner

from . import rules
from .models import Agreement, GrantError, Statement

PAIN = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
VOUCHER_COLUMNS = [
    "Dato",
    "Konto",
    "Koststed",
    "Prosjekt",
    "Beløp",
    "Organisasjonsnummer",
    "Referanse",
    "Tekst",
]


@dataclass
class Transfer:
    agreement: Agreement
    statements: list[Statement]

    @property
    def amount(self) -> int:
        return sum(s.amount for s in self.statements)

    @property
    def reference(self) -> str:
        """At most 35 characters, letters and digits: the bank carries it to the statement."""
        s = self.statements[0]
        return f"KK{self.agreement.pk}-{s.year}Q{s.quarter}"


def transfers(quarter: rules.Quarter) -> list[Transfer]:
    """The quarter's authorised payments, one transfer per agreement; refused whole, with every
    problem, if any cannot be paid."""
    statements = list(
        Statement.objects.filter(
            year=quarter.year, quarter=quarter.number, status=Statement.Status.AUTHORISED
        )
        .select_related("agreement__position", "agreement__host_area", "agreement__scheme")
        .order_by("agreement__position__name", "agreement", "pk")
    )
    if not statements:
        raise GrantError(_("Ingen anviste utbetalinger for %(q)s.") % {"q": quarter})
    found: dict[int, Transfer] = {}
    for s in statements:
        found.setdefault(s.agreement_id, Transfer(s.agreement, [])).statements.append(s)
    problems = []
    for t in found.values():
        name = t.agreement.position.name
        if not t.agreement.organisation_number:
            problems.append(_("%(name)s: organisasjonsnummeret mangler.") % {"name": name})
        if not t.agreement.bank_account:
            problems.append(_("%(name)s: kontonummeret mangler.") % {"name": name})
        if t.amount <= 0:
            problems.append(
                _(
                    "%(name)s: kvartalet gir %(amount)s til sammen, som ikke kan betales ut; "
                    "send oppgavene tilbake, så trekkes det i en senere utbetaling."
                )
                % {"name": name, "amount": kroner(t.amount)}
            )
    if problems:
        raise GrantError(problems)
    return list(found.values())


def project_code(t: Transfer) -> str:
    return settings.GRANTS_PROJECT_CODES.get(
        t.agreement.scheme.name, settings.GRANTS_PROJECT_DEFAULT
    )


def voucher_file(quarter: rules.Quarter) -> bytes:
    """The ledger's CSV: `;`-separated, UTF-8 with a byte-order mark, a decimal comma; one line
    per statement, dated the day it was authorised."""
    rows: list[list] = [VOUCHER_COLUMNS]
    for t in transfers(quarter):
        for s in t.statements:
            kind = _("retting") if s.corrects_id else _("tilskudd")
            rows.append(
                [
                    timezone.localtime(s.authorised_at).date().isoformat(),
                    settings.GRANTS_LEDGER_ACCOUNT,
                    str(t.agreement.position_id),
                    project_code(t),
                    for_files(s.amount),
                    t.agreement.organisation_number,
                    t.reference,
                    f"{kind} {s.period}, {t.agreement.position.name}"[:200],
                ]
            )
    return csv_file(rows)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{PAIN}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _account(parent: ET.Element, tag: str, number: str) -> None:
    other = _add(_add(_add(parent, tag), "Id"), "Othr")
    _add(other, "Id", number)
    _add(_add(other, "SchmeNm"), "Cd", "BBAN")


def _organisation(parent: ET.Element, number: str) -> None:
    _add(_add(_add(_add(parent, "Id"), "OrgId"), "Othr"), "Id", number)


def payment_file(quarter: rules.Quarter, on: date, now: datetime | None = None) -> bytes:
    """pain.001.001.03: one payment of the quarter's transfers from the funder's account, to be
    executed `on`."""
    if not settings.GRANTS_PAYER_ACCOUNT:
        raise GrantError(
            _("Kontoen utbetalingene gjøres fra, er ikke satt (GRANTS_PAYER_ACCOUNT).")
        )
    found = transfers(quarter)
    now = timezone.localtime(now or timezone.now()).replace(microsecond=0, tzinfo=None)
    total = for_files(sum(t.amount for t in found)).replace(",", ".")
    ET.register_namespace("", PAIN)
    document = ET.Element(f"{{{PAIN}}}Document")
    initiation = _add(document, "CstmrCdtTrfInitn")
    header = _add(initiation, "GrpHdr")
    message_id = f"KK-{quarter.year}Q{quarter.number}-{now:%Y%m%d%H%M%S}"
    _add(header, "MsgId", message_id)
    _add(header, "CreDtTm", now.isoformat())
    _add(header, "NbOfTxs", str(len(found)))
    _add(header, "CtrlSum", total)
    payer = _add(header, "InitgPty")
    _add(payer, "Nm", settings.GRANTS_PAYER_NAME[:70])
    if settings.GRANTS_PAYER_ORGANISATION_NUMBER:
        _organisation(payer, settings.GRANTS_PAYER_ORGANISATION_NUMBER)
    payment = _add(initiation, "PmtInf")
    _add(payment, "PmtInfId", message_id)
    _add(payment, "PmtMtd", "TRF")
    _add(payment, "NbOfTxs", str(len(found)))
    _add(payment, "CtrlSum", total)
    _add(payment, "ReqdExctnDt", on.isoformat())
    _add(_add(payment, "Dbtr"), "Nm", settings.GRANTS_PAYER_NAME[:70])
    _account(payment, "DbtrAcct", settings.GRANTS_PAYER_ACCOUNT)
    agent = _add(_add(payment, "DbtrAgt"), "FinInstnId")
    if settings.GRANTS_PAYER_BIC:
        _add(agent, "BIC", settings.GRANTS_PAYER_BIC)
    for t in found:
        transaction = _add(payment, "CdtTrfTxInf")
        _add(_add(transaction, "PmtId"), "EndToEndId", t.reference)
        amount = for_files(t.amount).replace(",", ".")
        _add(_add(transaction, "Amt"), "InstdAmt", amount, Ccy="NOK")
        creditor = _add(transaction, "Cdtr")
        _add(creditor, "Nm", t.agreement.host_area.name[:70])
        _organisation(creditor, t.agreement.organisation_number)
        _account(transaction, "CdtrAcct", t.agreement.bank_account)
        text = _("Tilskudd kreftkoordinator %(q)s, %(name)s") % {
            "q": quarter,
            "name": t.agreement.position.name,
        }
        _add(_add(transaction, "RmtInf"), "Ustrd", text[:140])
    return ET.tostring(document, encoding="utf-8", xml_declaration=True)
