"""Benchmark for reporting, on whatever database DATABASE_URL names (build it first with
`kreftkoordinator demo --positions 130 --years 10 --no-server`).

- One position's annual report (every indicator, the busiest position, last year), and the core
  person and contact counts beside the same counts written by hand in SQL.
- The national view for last year over all positions (submitted reports, distribution,
  suppression of every table), beside a hand-written SQL aggregate of the same submitted
  figures (PostgreSQL only: it uses jsonb; it does no suppression). Timed as made anew (the
  cache emptied: every table suppressed, as each submission does) and as the funder reads it.

Each timing is the median and the 95th percentile of `--runs` runs after a warm-up; the ratio
is our code's median over the hand-written SQL's.
"""

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count, Q

from kreftkoordinator.organisation.models import Area, Position, today
from kreftkoordinator.reporting.annual import annual_report
from kreftkoordinator.reporting.national import national_view
from kreftkoordinator.reporting.period import Period
from kreftkoordinator.reporting.registry import compute
from kreftkoordinator.timing import measure

CORE = [
    "patients_followed",
    "patients_new",
    "relatives_followed",
    "contacts",
    "contacts_without_case",
    "contact_minutes",
]

CORE_SQL = """
WITH open_cases AS (
    SELECT id, person_id, kind, opened_on FROM casework_case
    WHERE area_id = ANY(%(areas)s) AND opened_on <= %(last)s
      AND (closed_on IS NULL OR closed_on >= %(first)s)
), year_contacts AS (
    SELECT case_id, duration_minutes FROM casework_contact
    WHERE area_id = ANY(%(areas)s) AND at >= %(start)s AND at < %(end)s
)
SELECT
    (SELECT count(DISTINCT person_id) FROM open_cases WHERE kind = 'patient'),
    (SELECT count(DISTINCT person_id) FROM open_cases
        WHERE kind = 'patient' AND opened_on >= %(first)s),
    (SELECT count(*) FROM (
        SELECT r.person_id FROM casework_relation r JOIN open_cases c ON c.id = r.case_id
        UNION SELECT person_id FROM open_cases WHERE kind = 'relative') AS relatives),
    (SELECT count(*) FROM year_contacts),
    (SELECT count(*) FROM year_contacts WHERE case_id IS NULL),
    (SELECT coalesce(sum(duration_minutes), 0) FROM year_contacts)
"""

NATIONAL_SQL = """
WITH latest AS (
    SELECT DISTINCT ON (position_id) figures FROM reporting_submission
    WHERE year = %(year)s ORDER BY position_id, version DESC
), cells AS (
    SELECT key, (value ->> 'value')::float AS v
    FROM latest, jsonb_each(figures::jsonb -> 'indicators') AS e(key, value)
    WHERE value ->> 'value' IS NOT NULL
)
SELECT key, count(*), sum(v), avg(v), percentile_cont(0.5) WITHIN GROUP (ORDER BY v),
       stddev_samp(v), min(v), max(v)
FROM cells GROUP BY key
"""


class Command(BaseCommand):
    help = "Time one position's annual report and the national view (p50/p95, SQL ratio)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--year", type=int, default=today().year - 1)

    def handle(self, *args, **options):
        year, runs = options["year"], options["runs"]
        position = (
            Position.objects.annotate(
                n=Count(
                    "covered_areas__cases", filter=Q(covered_areas__cases__opened_on__year=year)
                )
            )
            .order_by("-n")
            .first()
        )
        if position is None:
            raise CommandError("No positions: build the data set with `demo` first.")
        areas = [a.pk for a in position.covered_areas.all()]
        period = Period(tuple(areas), year, (position.pk,))
        self.stdout.write(f"Database: {connection.vendor}. {position.name}, {year}.")
        rows = [
            measure(
                "Annual report, every indicator",
                runs,
                lambda: annual_report(year, position=position),
            ),
        ]
        core = measure("Core counts, our code", runs, lambda: compute(period, CORE))
        rows.append(core)
        if connection.vendor == "postgresql":
            first, last = period.first, period.last
            start, end = period.moments
            params = {"areas": areas, "first": first, "last": last, "start": start, "end": end}
            ours = [compute(period, CORE)[k].value for k in CORE]
            theirs = list(self._sql(CORE_SQL, params)[0])
            if ours != theirs:
                raise CommandError(f"The SQL and our code disagree: {theirs} != {ours}")
            sql = measure(
                "Core counts, hand-written SQL", runs, lambda: self._sql(CORE_SQL, params)
            )
            rows.append(sql)
        everywhere = Area.objects.serviceable()

        def cold():
            cache.clear()  # every table suppressed anew, as after a submission
            return national_view(year, everywhere)

        rows.append(measure("National view made anew (at each submission)", runs, cold))
        national = measure(
            "National view, as the funder reads it", runs, lambda: national_view(year, everywhere)
        )
        rows.append(national)
        if connection.vendor == "postgresql":
            rows.append(
                measure(
                    "National aggregate, hand-written SQL",
                    runs,
                    lambda: self._sql(NATIONAL_SQL, {"year": year}),
                )
            )
        self.stdout.write("| measure | p50 ms | p95 ms | queries |")
        self.stdout.write("|---|---|---|---|")
        for row in rows:
            self.stdout.write(f"| {row.name} | {row.p50:.1f} | {row.p95:.1f} | {row.queries} |")
        if connection.vendor == "postgresql":
            self.stdout.write(f"Ratio, core counts: {core.p50 / rows[2].p50:.2f}")
            cold_ratio = rows[-3].p50 / rows[-1].p50
            self.stdout.write(f"Ratio, national view as read: {national.p50 / rows[-1].p50:.2f}")
            self.stdout.write(f"Ratio, national view made anew: {cold_ratio:.2f}")

    @staticmethod
    def _sql(sql: str, args: dict) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            return cursor.fetchall()
