"""The network around the person in the import (issue 29): the care team, and the
coordinator's estimates of what her work avoided. The rules are the
page's (CareTeamMember.problems); what the database cannot tell about a file not yet saved (a
second responsible coordinator in the same file) is checked here against the file itself."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kreftkoordinator.validators import normalise_phone

from ..models import CareRole, CareTeamMember, Estimate
from ..models.estimates import LIMITS
from .rows import Invalid, Row

if TYPE_CHECKING:
    from .writer import Plan


def care_team(plan: "Plan", row: Row) -> None:
    case = plan.ref(row, "case", plan.cases)
    phone = row.text("phone", max_length=30)
    try:
        phone = normalise_phone(phone) if phone else ""
    except ValidationError as error:
        raise Invalid(f"«phone»: {error.messages[0]}") from None
    member = CareTeamMember(
        area=case.area,
        case=case,
        role=row.choice("role", CareRole.choices, required=True),
        organisation=row.text("organisation"),
        name=row.text("name"),
        phone=phone,
        email=row.text("email", max_length=254),
        from_on=row.required_date("from_on"),
        to_on=row.date("to_on"),
        consent_to_share=row.boolean("consent_to_share"),
        responsible=row.boolean("responsible"),
        created_by=plan.user,
    )
    if member.responsible and any(
        other.case is case and other.responsible and other.overlaps(member)
        for other in plan.records["care_team"]
    ):
        raise Invalid(_("oppfølgingen har allerede en koordinator etter § 7-2 i denne perioden"))
    if plan.check(row, member, ["area", "case", "created_by", "provider"]):
        plan.records["care_team"].append(member)
        plan.dated.append((row, case, member.from_on, "from_on"))


def estimate(plan: "Plan", row: Row) -> None:
    case = plan.ref(row, "case", plan.cases)
    year = row.required_integer("year")
    if any(e.case is case and e.year == year for e in plan.records["estimates"]):
        raise Invalid(_("oppfølgingen har allerede et anslag for %(year)d") % {"year": year})
    answers, errors = {}, []
    for question in LIMITS:  # every bad answer on the line, not just the first
        raw = row.raw(question)
        text = "" if raw is None else str(raw).strip().lower()  # 0 is an answer
        try:
            answers[question] = None if text in ("", "vet ikke", "?") else row.decimal(question)
        except Invalid as error:
            errors.append(str(error))
    if errors:
        raise Invalid("; ".join(errors))
    item = Estimate(area=case.area, case=case, year=year, created_by=plan.user, **answers)
    if plan.check(row, item, ["area", "case", "created_by"]):
        plan.records["estimates"].append(item)
