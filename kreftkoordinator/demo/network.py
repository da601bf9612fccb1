"""The network around each demo patient: her care team, her individual plan, and in the last
phases her wish for where to die. Our own assumptions (the evaluation counts none of them):
most patients have a GP on the team, half a hospital contact nurse, home care when it helps at
home, the palliative team near the end; one in ten has an individual plan; a wish is recorded
for four in five who die, and is met for most of those who die at home. Three in five cases get
the coordinator's estimate of what her work avoided, for the year the case closed (or this year),
mostly small numbers and now and then «vet ikke»."""

from datetime import date, timedelta
from random import Random

from kreftkoordinator.casework.models import (
    CareTeamMember,
    Case,
    Estimate,
    EventKind,
    Routine,
    RoutineChange,
)
from kreftkoordinator.directory.models import Provider, ProviderKind

# role, share of patients, organisation (formatted with the area's name), provider kind
TEAM = [
    ("gp", 0.85, "{area} legesenter", ProviderKind.MUNICIPAL),
    ("hospital_nurse", 0.5, "Kreftavdelingen, sykehuset", ProviderKind.HOSPITAL),
    ("pathway_coordinator", 0.3, "Pakkeforløp, sykehuset", ProviderKind.HOSPITAL),
    ("nav", 0.15, "NAV {area}", ProviderKind.NAV),
    ("physiotherapist", 0.1, "Fysioterapitjenesten i {area}", ProviderKind.MUNICIPAL),
]
HOME_CARE = "Hjemmetjenesten i {area}"
PALLIATIVE = "Palliativt team, {area}"
NAMES = "Ingrid Berg,Tone Lie,Siv Dahl,Jon Moe,Hilde Vik,Marte Aas,Kjetil Bø,Randi Sæther"


WISHES = [("home", 60), ("nursing_home", 20), ("hospital", 5), ("hospice", 10), ("other", 5)]


def network(rng: Random, batch, case: Case, history, events, last_day: date, user) -> None:
    """Fill in the team, the plan and the wish for one patient's case, given her phases and
    care events. Providers are made once per name, saved before the members pointing to them."""
    from .casework import demo_phone, pick

    def member(role: str, organisation: str, kind: str, on: date, **extra) -> CareTeamMember:
        name = organisation.format(area=case.area.name)
        provider = batch.providers.get(name)
        if provider is None:
            provider = batch.providers[name] = Provider(name=name, kind=kind)
        team = CareTeamMember(
            area=case.area,
            case=case,
            role=role,
            provider=provider,
            name=rng.choice(NAMES.split(",")),
            phone=demo_phone(rng),
            from_on=on,
            consent_to_share=rng.random() < 0.9,
            created_by=user,
            **extra,
        )
        batch.team.append(team)
        return team

    for role, share, organisation, kind in TEAM:
        if rng.random() < share:
            member(role, organisation, kind, case.opened_on)
    home_care = next((e for e in events if e.kind == EventKind.HOME_CARE), None)
    if home_care is not None or case.home_care_at_first_contact:
        on = home_care.on if home_care else case.opened_on
        # The home care service is most often the responsible coordinator under § 7-2.
        member("home_care", HOME_CARE, ProviderKind.MUNICIPAL, on, responsible=rng.random() < 0.4)
    death = next((e for e in events if e.kind == EventKind.DEATH), None)
    final = [day for day, phase in history if phase in ("palliative", "end_of_life")]
    if final:
        member("palliative_team", PALLIATIVE, ProviderKind.MUNICIPAL, final[0])
    if rng.random() < 0.1:
        case.individual_plan = True
        case.individual_plan_asked_on = case.opened_on
        case.individual_plan_on = min(case.opened_on + timedelta(days=rng.randint(7, 40)), last_day)
    if final and (death is not None or rng.random() < 0.5) and rng.random() < 0.8:
        recorded = min(final[0], last_day)
        wish = death.death_place if death and rng.random() < 0.6 else pick(rng, WISHES)
        case.wished_place_of_death, case.wish_recorded_on = wish, recorded
        if rng.random() < 0.5:
            case.palliative_plan_on = recorded
    if rng.random() < 0.6:
        batch.estimates.append(
            Estimate(
                area=case.area,
                case=case,
                year=(case.closed_on or last_day).year,
                short_term_days_avoided=_answer(rng, [0, 0, 0, 1, 2, 3, 5]),
                nursing_home_weeks_deferred=_answer(rng, [0, 0, 0, 0, 1, 2, 4]),
                home_care_hours_saved_per_week=_answer(rng, [0, 0, 0.5, 1, 1, 2]),
                created_by=user,
            )
        )


def _answer(rng: Random, choices: list) -> float | None:
    return None if rng.random() < 0.15 else rng.choice(choices)


# The routines a position drives (issue 29, point 5): a few, moved through their statuses.
ROUTINES = [
    (
        "Palliativ plan",
        "plan",
        "Helse og omsorg",
        [("draft", 30), ("adopted", 90), ("revised", 500)],
    ),
    ("Barn som pårørende", "routine", "Helsestasjonen", [("draft", 120), ("adopted", 240)]),
    ("Utskrivning fra sykehus", "agreement", "Helseforetaket", [("adopted", 60)]),
    ("Kreftplan for kommunen", "plan", "", [("draft", 600)]),
]


def routines(batch, position, start: date, end: date, user) -> None:
    for title, kind, owner, steps in ROUTINES:
        dated = [(status, start + timedelta(days=after)) for status, after in steps]
        dated = [(status, on) for status, on in dated if on <= end]
        if not dated:
            continue
        status, on = dated[-1]
        routine = Routine(
            position=position, title=title, kind=kind, owner=owner, status=status,
            status_on=on, created_by=user,
        )  # fmt: skip
        batch.routines.append(routine)
        batch.routine_changes += [RoutineChange(routine=routine, status=s, on=d) for s, d in dated]
