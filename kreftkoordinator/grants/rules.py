"""The grant rules of docs/grants.md, in plain Python with exact arithmetic: no Django, no
database, so the `grants calculate` command and the pages run the very same rules.

Money is a `Fraction` until a statement is paid: a day of agreement year k is worth exactly
G_k / (days in year k), and only the cumulative total through a quarter is rounded (half up)
to whole kroner, so an agreement's statements always add up to its rounded exact total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from kreftkoordinator.numbers import percent
from kreftkoordinator.numbers import round_half_up as _rounded

SOCIAL_COST_CAP = Fraction(35, 100)
EMPLOYER_PERIOD = 16  # the first days of a sick-leave spell, paid by the employer


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogues (makemessages looks for this name) without importing
    Django; the pages and commands translate it (`RuleError.messages`)."""
    return message


SICK, LEAVE, VACANCY = "sick", "leave", "vacancy"
KINDS = {
    SICK: gettext_noop("sykefravær"),
    LEAVE: gettext_noop("permisjon"),
    VACANCY: gettext_noop("vakanse"),
}


def _same(message: str) -> str:
    return message


class RuleError(ValueError):
    """Every problem with the terms or the absences: each a message in bokmål (the catalogues'
    source) and its values, put into words in the reader's language by `messages`."""

    def __init__(self, problems: list[tuple[str, dict]]):
        self.raw = problems
        super().__init__("\n".join(self.messages()))

    @property
    def problems(self) -> list[str]:
        return self.messages()

    def messages(self, translate: Callable[[str], str] = _same) -> list[str]:
        def shown(value):
            return value.described(translate) if isinstance(value, Absence) else value

        # A message without values is not formatted: "100 %" stays as it is written.
        return [
            translate(message) % {k: shown(v) for k, v in values.items()}
            if values
            else translate(message)
            for message, values in self.raw
        ]


def add_years(day: date, years: int) -> date:
    """The same date `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def round_half_up(value: Fraction) -> int:
    """Whole kroner, by the one rounding the product shows figures with."""
    return int(_rounded(value))


def norwegian(day: date) -> str:
    return day.strftime("%d.%m.%Y")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1-4

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """'2024-Q3'; raises RuleError otherwise."""
        year, sep, number = text.strip().upper().partition("-Q")
        if not (sep and year.isdigit() and number in {"1", "2", "3", "4"}):
            message = gettext_noop("«%(text)s» er ikke et kvartal; skriv for eksempel 2024-Q3.")
            raise RuleError([(message, {"text": text})])
        return cls(int(year), int(number))

    @property
    def first(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last(self) -> date:
        return self.next().first - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    def __lt__(self, other: Quarter) -> bool:
        return (self.year, self.number) < (other.year, other.number)

    def __le__(self, other: Quarter) -> bool:
        return (self.year, self.number) <= (other.year, other.number)


@dataclass(frozen=True)
class Absence:
    kind: str  # SICK, LEAVE or VACANCY
    first: date
    last: date

    def counted(self) -> tuple[date, date] | None:
        """The days that reduce the grant: a sick-leave spell from its 17th day, the rest
        every day; None if none do."""
        first = self.first + timedelta(days=EMPLOYER_PERIOD) if self.kind == SICK else self.first
        return (first, self.last) if first <= self.last else None

    def __str__(self) -> str:
        return self.described()

    def described(self, translate: Callable[[str], str] = _same) -> str:
        kind = translate(KINDS[self.kind]) if self.kind in KINDS else self.kind
        return f"{kind} {norwegian(self.first)}–{norwegian(self.last)}"


@dataclass(frozen=True)
class Terms:
    start: date  # the day the coordinator actually started
    salary: Fraction  # gross annual salary at the start, for the position's 50 or 100 %
    social_rate: Fraction  # as given; capped at 35 % in `social_rate_used`
    scheme: tuple[Fraction, ...]  # the funder's share in agreement year 1, 2, ...

    @classmethod
    def of(cls, start: date, salary, social_rate, scheme: Iterable) -> Terms:
        """From plain numbers: salary in kroner, the rate as 0.35, the scheme as percentages
        (75, 75, 75, 60, 40, 20). Raises RuleError naming every problem."""
        salary, social_rate = Fraction(str(salary)), Fraction(str(social_rate))
        shares = tuple(Fraction(str(s)) / 100 for s in scheme)
        checks = [
            (salary <= 0, gettext_noop("Bruttolønnen må være større enn null.")),
            (social_rate < 0, gettext_noop("Satsen for sosiale kostnader kan ikke være negativ.")),
            (
                social_rate >= 1,
                gettext_noop(
                    "Satsen for sosiale kostnader skrives som en andel, for eksempel 0,35."
                ),
            ),
            (not shares, gettext_noop("Ordningen må ha minst ett avtaleår.")),
            (
                any(not 0 <= s <= 1 for s in shares),
                gettext_noop("En andel i ordningen må være mellom 0 og 100 %."),
            ),
        ]
        problems: list[tuple[str, dict]] = [(message, {}) for failed, message in checks if failed]
        if problems:
            raise RuleError(problems)
        return cls(start, salary, social_rate, shares)

    @property
    def social_rate_used(self) -> Fraction:
        return min(self.social_rate, SOCIAL_COST_CAP)

    @property
    def salary_costs(self) -> Fraction:
        """C: the salary at the start plus social costs of at most 35 %."""
        return self.salary * (1 + self.social_rate_used)

    @property
    def end(self) -> date:
        return add_years(self.start, len(self.scheme)) - timedelta(days=1)

    def notes(self, translate: Callable[[str], str] = str) -> list[str]:
        """What the terms changed, in Norwegian; `translate` (Django's gettext, for a page or
        a letter) gives it in the reader's language. The words are in the catalogues through
        `gettext_noop`, the name `./dev messages` looks for."""
        if self.social_rate > SOCIAL_COST_CAP:
            return [
                translate(CAPPED)
                % {"given": percent(self.social_rate, 1), "cap": percent(SOCIAL_COST_CAP)}
            ]
        return []


CAPPED = gettext_noop(
    "Sosiale kostnader på %(given)s er satt ned til %(cap)s, det høyeste tilskuddet dekker."
)


@dataclass(frozen=True)
class AgreementYear:
    number: int
    first: date
    last: date
    share: Fraction
    grant: Fraction  # G_k

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def day_worth(self) -> Fraction:
        return self.grant / self.days


def agreement_years(terms: Terms, declined: Iterable[int] = ()) -> list[AgreementYear]:
    """Year k runs from the start plus k-1 years to the day before the start plus k years; a
    declined year is granted nothing."""
    declined = set(declined)
    years = []
    for k, share in enumerate(terms.scheme, start=1):
        first = add_years(terms.start, k - 1)
        last = add_years(terms.start, k) - timedelta(days=1)
        share = Fraction(0) if k in declined else share
        years.append(AgreementYear(k, first, last, share, share * terms.salary_costs))
    return years


def check_absences(terms: Terms, absences: Sequence[Absence]) -> None:
    """Absences must lie within the agreement and not overlap; raises RuleError naming each."""
    problems: list[tuple[str, dict]] = []
    for a in absences:
        if a.kind not in KINDS:
            unknown = gettext_noop("Ukjent fraværstype «%(kind)s»: bruk sick, leave eller vacancy.")
            problems.append((unknown, {"kind": a.kind}))
        if a.last < a.first:
            problems.append(
                (gettext_noop("%(absence)s: slutter før det begynner."), {"absence": a})
            )
        elif a.first < terms.start or a.last > terms.end:
            outside = gettext_noop("%(absence)s: utenfor avtalen (%(start)s–%(end)s).")
            span = {"start": norwegian(terms.start), "end": norwegian(terms.end)}
            problems.append((outside, {"absence": a, **span}))
    ordered = sorted(absences, key=lambda a: a.first)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.first <= before.last:
            overlap = gettext_noop("%(after)s overlapper %(before)s.")
            problems.append((overlap, {"after": after, "before": before}))
    if problems:
        raise RuleError(problems)


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> int:
    first, last = max(a[0], b[0]), min(a[1], b[1])
    return (last - first).days + 1 if first <= last else 0


@dataclass(frozen=True)
class Statement:
    quarter: Quarter
    exact: Fraction  # the quarter's worth, exact
    through: Fraction  # the exact total through this quarter
    amount: int  # whole kroner: round(through) less what the earlier statements paid
    days: int  # agreement days in the quarter
    absence_days: int  # counted absence days in the quarter
    years: tuple[int, ...]  # the agreement years the quarter touches


@dataclass
class Calculation:
    terms: Terms
    years: list[AgreementYear]
    absences: list[Absence]
    statements: list[Statement] = field(default_factory=list)

    def absence_days(self, span: tuple[date, date]) -> int:
        return sum(_overlap(c, span) for a in self.absences if (c := a.counted()))

    def absence_worth(self, span: tuple[date, date]) -> Fraction:
        return sum(
            (
                y.day_worth * self.absence_days((max(span[0], y.first), min(span[1], y.last)))
                for y in self.years
                if _overlap((y.first, y.last), span)
            ),
            Fraction(0),
        )

    def payable(self, year: AgreementYear) -> Fraction:
        return year.grant - self.absence_worth((year.first, year.last))

    @property
    def exact_total(self) -> Fraction:
        return sum((self.payable(y) for y in self.years), Fraction(0))

    @property
    def total(self) -> int:
        return sum(s.amount for s in self.statements)

    def statement(self, quarter: Quarter) -> Statement | None:
        return next((s for s in self.statements if s.quarter == quarter), None)


def calculate(
    terms: Terms, absences: Sequence[Absence] = (), declined: Iterable[int] = ()
) -> Calculation:
    """Every agreement year and every quarter's statement, by the rules of docs/grants.md."""
    check_absences(terms, absences)
    calc = Calculation(terms, agreement_years(terms, declined), list(absences))
    quarter, through, paid = Quarter.of(terms.start), Fraction(0), 0
    while quarter.first <= terms.end:
        span = (max(quarter.first, terms.start), min(quarter.last, terms.end))
        exact = Fraction(0)
        touched = []
        for y in calc.years:
            days = _overlap((y.first, y.last), span)
            if days:
                touched.append(y.number)
                exact += y.day_worth * days
        exact -= calc.absence_worth(span)
        through += exact
        amount = round_half_up(through) - paid
        paid += amount
        calc.statements.append(
            Statement(
                quarter,
                exact,
                through,
                amount,
                _overlap(span, span),
                calc.absence_days(span),
                tuple(touched),
            )
        )
        quarter = quarter.next()
    return calc


def as_dict(calc: Calculation) -> dict:
    """The `grants calculate --json` object: `years`, `statements` and `total` (whole kroner)."""
    return {
        "salary_costs": round_half_up(calc.terms.salary_costs),
        "social_rate_used": float(calc.terms.social_rate_used),
        "notes": calc.terms.notes(),
        "years": [
            {
                "year": y.number,
                "from": y.first.isoformat(),
                "to": y.last.isoformat(),
                "share": float(y.share),
                "grant": round_half_up(y.grant),
                "absence_days": calc.absence_days((y.first, y.last)),
                "payable": round_half_up(calc.payable(y)),
            }
            for y in calc.years
        ],
        "statements": [{"quarter": str(s.quarter), "amount": s.amount} for s in calc.statements],
        "total": calc.total,
    }
