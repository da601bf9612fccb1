"""The economics pages' numbers in words: the page's one answer and the report's verdict beside
it, the summary that the page and the brief share, what a simulation and a break-even value
say, a parameter's value with its unit. The core (`model/`) computes; the words are here, in the
catalogue, formatted by the one formatter (`kreftkoordinator.numbers`).

The one answer is the simulation's: its mean, its 90 % interval and the share of its draws with
a gain, all from the same draws. Table 7-7's midpoints and the sums of all lows and all highs
are shown too, labelled as what they are."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kreftkoordinator import numbers

from .cpi import missing_years
from .model.parameters import KR, SHARE
from .model.prices import PriceIndex
from .model.stakeholders import SOCIETY, SPECIALIST
from .model.uncertainty import BreakEven
from .models import Scenario
from .results import Result


def parameter_value(value: float) -> str:
    """A parameter's value: 4,4; 0,35; 470 000."""
    if abs(value) >= 1000:
        return numbers.number(value)
    return numbers.number(value, 4 if abs(value) < 1 else 2, trim=True)


def with_unit(value: float, unit: str) -> str:
    """60 %, kr 18 213, 4,4 døgn."""
    if unit == SHARE:
        return numbers.percent(value)
    if unit == KR:
        return numbers.kroner(value)
    return numbers.with_unit(value, _(unit), 0 if abs(value) >= 100 else 1)


def gain_in_words(probability: float) -> str:
    """ "I 12 av 100 simuleringer går kommunen i pluss." """
    return _("I %(n)s av 100 simuleringer går kommunen i pluss.") % {
        "n": numbers.number(probability * 100)
    }


def break_even_in_words(found: BreakEven) -> str | None:
    """ "døgnpris for utskrivningsklar pasient er minst kr 18 213"; None where no value makes
    the position pay for itself."""
    if found.value is None:
        return None
    label = _(found.label)
    label = label[0].lower() + label[1:]
    template = (
        _("%(what)s er minst %(value)s")
        if found.value > found.base
        else _("%(what)s er høyst %(value)s")
    )
    return template % {"what": label, "value": with_unit(found.value, found.unit)}


def headline(result: Result) -> dict[str, str]:
    """The page's one answer, every part from the same simulation, each with its label; and the
    report's own verdict beside it."""
    simulation, verdict = result.simulation, result.verdict
    low, high = simulation.interval_90
    return {
        "mean": numbers.kroner(simulation.mean),
        "mean_label": _("snitt av %(draws)s simuleringer")
        % {"draws": numbers.number(simulation.draws)},
        "interval": _("%(low)s til %(high)s")
        % {"low": numbers.kroner(low), "high": numbers.kroner(high)},
        "interval_label": _("90 % av simuleringene"),
        "probability": numbers.percent(simulation.probability_of_gain),
        "probability_label": _("andel av de samme simuleringene der kommunen går i pluss"),
        "verdict": numbers.kroner(verdict.mid),
        "verdict_interval": _("%(low)s til %(high)s")
        % {"low": numbers.kroner(verdict.low), "high": numbers.kroner(verdict.high)},
        "verdict_label": _(
            "evalueringens eget overordnede anslag, med usikkerhetsintervall (%(section)s)"
        )
        % {"section": verdict.section},
    }


def summary(scenario: Scenario, result: Result) -> list[str]:
    """The plain-language paragraphs of the page and the brief: the one answer (the
    simulation's), the report's verdict beside it, what decides it, the years and the parties."""
    plan, simulation, verdict = result.plan, result.simulation, result.verdict
    low, high = simulation.interval_90
    return [
        _(
            "Notatet bygger på evalueringen av kreftkoordinatorordningen (Oslo Economics og "
            "Fürst og Høverstad, 2017, kapittel 7), regnet med tallene for %(position)s i "
            "%(year)s der de finnes. Beløpene er per kreftkoordinator per år, i "
            "%(price_year)s-kroner."
        )
        % {
            "position": scenario.position.name,
            "year": scenario.year,
            "price_year": scenario.price_year,
        },
        _(
            "Når kommunen betaler hele lønnen, er det forventede nettoresultatet %(mean)s i året "
            "(snittet av %(draws)s simuleringer der alle verdiene varierer samtidig). I 90 %% av "
            "simuleringene ligger det mellom %(low)s og %(high)s. %(words)s Det som avgjør "
            "svaret mest: %(deciders)s."
        )
        % {
            "mean": numbers.kroner(simulation.mean),
            "draws": numbers.number(simulation.draws),
            "low": numbers.kroner(low),
            "high": numbers.kroner(high),
            "words": gain_in_words(simulation.probability_of_gain),
            "deciders": ", ".join(_(s.label).lower() for s in result.deciders),
        },
        _(
            "Evalueringen selv anslo den prissatte virkningen til %(mid)s per koordinator per år, "
            "med et usikkerhetsintervall fra %(low)s til %(high)s (avsnitt %(section)s). Det er "
            "evaluatorenes samlede skjønn, ikke summen av tabell 7-7."
        )
        % {
            "mid": numbers.kroner(verdict.mid),
            "low": numbers.kroner(verdict.low),
            "high": numbers.kroner(verdict.high),
            "section": verdict.section,
        },
        *_break_even_words(result),
        _(
            "Mens Kreftforeningen betaler 75 %% av lønnen (år 1–3), er kommunens nettoresultat "
            "%(first)s i året; når tilskuddet er trappet ned (fra år 7), %(later)s i året "
            "(midtanslag)."
        )
        % {"first": numbers.kroner(plan[0].net), "later": numbers.kroner(plan[6].net)},
        _(
            "For samfunnet som helhet er midtanslaget %(society)s i året. "
            "Spesialisthelsetjenesten sparer %(specialist)s i året, blant annet fordi færre dør "
            "på sykehus: en sykehusdød er billig for kommunen, men dyr for samfunnet."
        )
        % {
            "society": numbers.kroner(result.parties[SOCIETY].mid),
            "specialist": numbers.kroner(result.parties[SPECIALIST].mid),
        },
        _(
            "I tillegg kommer virkninger som ikke er prissatt, særlig trygghet og mestring for "
            "pasienter og pårørende, som evalueringen vurderer som stor."
        ),
    ]


def _break_even_words(result: Result) -> list[str]:
    """What it takes for the position to pay for itself, where it does not already."""
    if result.centre >= 0 or result.days is None:
        return []
    now, needed = result.days
    conditions = [
        words
        for s in result.deciders
        if (words := break_even_in_words(result.break_even[s.key])) is not None
    ]
    return [
        _(
            "Stillingen betaler seg selv for kommunen hvis minst %(needed)s overliggerdøgn "
            "unngås i året (beregningen regner med %(now)s), eller hvis %(conditions)s, når alt "
            "annet er som i beregningen."
        )
        % {
            "needed": numbers.number(needed),
            "now": numbers.number(now),
            "conditions": _(", eller ").join(conditions),
        }
    ]


def uncertainty_in_words(result: Result) -> str:
    simulation = result.simulation
    return _(
        "%(draws)s simuleringer der alle verdiene varierer samtidig: snitt %(mean)s; i 90 av "
        "100 mellom %(low)s og %(high)s, i 95 av 100 mellom %(low95)s og %(high95)s. %(words)s"
    ) % {
        "draws": numbers.number(simulation.draws),
        "mean": numbers.kroner(simulation.mean),
        "low": numbers.kroner(simulation.interval_90[0]),
        "high": numbers.kroner(simulation.interval_90[1]),
        "low95": numbers.kroner(simulation.interval_95[0]),
        "high95": numbers.kroner(simulation.interval_95[1]),
        "words": gain_in_words(simulation.probability_of_gain),
    }


def index_in_words(index: PriceIndex, this_year: int) -> str:
    """Which years the consumer price index has, and which it lacks up to last year (this
    year's annual average comes in January)."""
    said = _(
        "Beløpene er regnet om med konsumprisindeksen (%(citation)s), som har tall til og med "
        "%(latest)s (lest %(read)s)."
    ) % {"citation": index.citation, "latest": index.years[-1], "read": index.retrieved}
    missing = missing_years(index, this_year - 1)
    if missing:
        said += " " + _(
            "Indeksen mangler %(years)s; en administrator legger dem inn med "
            "«kreftkoordinator import-cpi»."
        ) % {"years": ", ".join(map(str, missing))}
    return said
