"""The effects the evaluation did not price (chapters 6-8), as data: for each, its significance
for the group it touches (small, medium, large) and the coordinator's influence on it (the
scope: from large negative to large positive), which give a consequence on the nine-point scale
from ---- to ++++ through the matrix below. Each rating carries the report's words as its
justification; a user may rate again with her own, kept beside the report's.

The report's figures 6-6, 7-17 and 8-3 draw the ratings; its text says them in words, quoted
here. The matrix is ours (docs/economics.md): the usual significance-by-scope matrix of Norwegian
impact assessment, which gives the report's one stated consequence (safety and coping: large
significance, large influence, a "large" consequence) as ++++.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .text import gettext_noop

SIGNIFICANCE = {
    "small": gettext_noop("liten"),
    "medium": gettext_noop("middels"),
    "large": gettext_noop("stor"),
}
SCOPE = {
    -3: gettext_noop("stor negativ"),
    -2: gettext_noop("middels negativ"),
    -1: gettext_noop("litt negativ"),
    0: gettext_noop("ingen"),
    1: gettext_noop("litt positiv"),
    2: gettext_noop("middels positiv"),
    3: gettext_noop("stor positiv"),
}
# significance -> consequence for scope -3 .. +3
MATRIX = {
    "small": (-2, -1, -1, 0, 1, 1, 2),
    "medium": (-3, -2, -1, 0, 1, 2, 3),
    "large": (-4, -3, -2, 0, 2, 3, 4),
}
GROUPS = {
    "patients": gettext_noop("pasienter og pårørende"),
    "municipality": gettext_noop("kommunen"),
    "society": gettext_noop("samfunnet"),
}


def consequence(significance: str, scope: int) -> int:
    return MATRIX[significance][scope + 3]


def shown(value: int) -> str:
    """The nine-point scale: ---- .. 0 .. ++++."""
    return "0" if value == 0 else ("+" if value > 0 else "-") * abs(value)


@dataclass(frozen=True)
class Rating:
    significance: str
    scope: int
    justification: str
    by: str = gettext_noop("evalueringen 2017")

    def __post_init__(self):
        if self.significance not in MATRIX:
            raise ValueError(f"Betydning må være en av {', '.join(SIGNIFICANCE.values())}.")
        if self.scope not in SCOPE:
            raise ValueError("Omfang må være fra -3 (stor negativ) til 3 (stor positiv).")
        if not self.justification.strip():
            raise ValueError("En vurdering må ha en begrunnelse.")

    @property
    def consequence(self) -> int:
        return consequence(self.significance, self.scope)

    @property
    def shown(self) -> str:
        return shown(self.consequence)


@dataclass(frozen=True)
class NonPriced:
    key: str
    label: str
    group: str  # patients, municipality, society
    source: str
    report: Rating
    own: Rating | None = None

    def rerate(self, significance: str, scope: int, justification: str, by: str) -> NonPriced:
        """A user's own rating, kept beside the report's."""
        return replace(self, own=Rating(significance, scope, justification, by))

    @property
    def rating(self) -> Rating:
        return self.own or self.report


def _e(key, label, group, source, significance, scope, words) -> NonPriced:
    return NonPriced(key, label, group, source, Rating(significance, scope, words))


NON_PRICED: list[NonPriced] = [
    _e(
        "safety_and_coping",
        gettext_noop("Trygghet og mestring"),
        "patients",
        "6.1",
        "large",
        3,
        gettext_noop(
            "«stor betydning» for pasienter og pårørende; kreftkoordinator bidrar i «stor grad» "
            "positivt; virkningen vurderes som «stor»."
        ),
    ),
    _e(
        "information_and_guidance",
        gettext_noop("Informasjon og veiledning"),
        "patients",
        "6.2",
        "medium",
        3,
        gettext_noop(
            "«middels betydning»; kreftkoordinator bidrar «særlig positivt» til å sikre "
            "informasjon og veiledning."
        ),
    ),
    _e(
        "access_to_services",
        gettext_noop("Tilgang til riktige tjenester"),
        "patients",
        "6.3",
        "medium",
        2,
        gettext_noop(
            "«middels betydning»; arbeidet har «middels positiv effekt» på tilgangen til riktige "
            "tjenester."
        ),
    ),
    _e(
        "dying_at_home",
        gettext_noop("Mulighet til å dø hjemme"),
        "patients",
        "6.4",
        "small",
        2,
        gettext_noop(
            "«mindre betydning» for gruppen, men stor for den enkelte som ønsker det; påvirkningen "
            "er «middels til stort positiv» (vi bruker middels)."
        ),
    ),
    _e(
        "competence_building",
        gettext_noop("Kompetansebygging"),
        "municipality",
        "7.4, 7.10",
        "large",
        2,
        gettext_noop(
            "«stor betydning» for kommunene; noe større positiv påvirkning enn på fornøyde "
            "innbyggere (vi bruker middels)."
        ),
    ),
    _e(
        "satisfied_citizens",
        gettext_noop("Fornøyde innbyggere"),
        "municipality",
        "7.10",
        "large",
        1,
        gettext_noop(
            "«stor betydning» for kommunene; mindre påvirkning enn på kompetansebygging (vi bruker "
            "litt positiv)."
        ),
    ),
    _e(
        "strategy_work",
        gettext_noop("Strategiarbeid i kommunen"),
        "municipality",
        "7.3, 7.10",
        "small",
        1,
        gettext_noop("«mindre betydning» for kommunene; påvirkningen er «litt positiv»."),
    ),
    _e(
        "equal_access",
        gettext_noop("Likhet i tjenestetilgang"),
        "municipality",
        "7.6, 7.10",
        "medium",
        1,
        gettext_noop(
            "«middels betydning»; kan være både positiv og negativ, samlet «litt positiv»."
        ),
    ),
    _e(
        "coordination_for_hospitals",
        gettext_noop("Enklere koordinering for spesialisthelsetjenesten"),
        "society",
        "8.1",
        "medium",
        1,
        gettext_noop("«middels betydning» for samfunnet; «litt positivt»."),
    ),
    _e(
        "earlier_discharge",
        gettext_noop("Tidligere utskrivelse fra sykehus"),
        "society",
        "8.2",
        "large",
        1,
        gettext_noop(
            "«stor betydning» for samfunnet (potensielt store ressursbesparelser); «litt positivt»."
        ),
    ),
    _e(
        "death_outside_hospital",
        gettext_noop("Død utenfor sykehus"),
        "society",
        "8.4",
        "medium",
        1,
        gettext_noop(
            "«middels betydning» for samfunnet, færre dødsfall på sykehus; «litt positivt»."
        ),
    ),
    _e(
        "prevention",
        gettext_noop("Forebygging"),
        "society",
        "8.5",
        "large",
        1,
        gettext_noop(
            "«stor betydning» for samfunnet (potensielt store ressursbesparelser); «litt positivt»."
        ),
    ),
    _e(
        "rehabilitation",
        gettext_noop("Rehabilitering og arbeidsliv"),
        "society",
        "8.6",
        "medium",
        1,
        gettext_noop("«middels betydning» for samfunnet; «litt positivt»."),
    ),
    _e(
        "learning_for_other_groups",
        gettext_noop("Læring for andre diagnosegrupper"),
        "society",
        "8.7",
        "medium",
        2,
        gettext_noop("«middels betydning» for samfunnet; «middels positivt»."),
    ),
]
