"""The demo positions' submitted annual reports, so that the report pages, the leaders'
dashboard and the funder's national view have something real to show."""

from collections.abc import Callable

from kreftkoordinator.organisation.models import Assignment, Position, today
from kreftkoordinator.reporting.submissions import prepare_national_view, submit_report

NARRATIVE = (
    "Et år med flere nye pasienter enn året før. Samarbeidet med hjemmesykepleien er blitt "
    "tettere, og flere har fått dø hjemme slik de ønsket. Tallene viser ikke tiden som går "
    "til pårørende som tar kontakt uten at pasienten vet om det."
)

# One position in ten, and the last, has not submitted last year's report yet, so the funder's
# list of who has not submitted is not empty.
LATE_EVERY = 10


def submit_demo_reports(years: int, progress: Callable[[str], object] = print) -> int:
    """Each demo position's holder submits her report for each past year with casework (the
    last `years` years); the number submitted."""
    last = today().year - 1
    first = last - years + 1
    holders = {
        a.position_id: a.user
        for a in Assignment.objects.valid_on(today())
        .filter(kind=Assignment.Kind.HOLDER)
        .select_related("user")
    }
    positions = list(Position.objects.filter(start_date__year__lte=last).order_by("pk"))
    submitted = 0
    for number, position in enumerate(positions, start=1):
        user = holders.get(position.pk)
        if user is None:
            continue
        for year in range(max(first, position.start_date.year), last + 1):
            if year == last and (number % LATE_EVERY == 0 or number == len(positions)):
                continue
            submit_report(user, position, year, NARRATIVE, prepare_national=False)
            submitted += 1
        if number % 10 == 0 or number == len(positions):
            progress(f"  {number}/{len(positions)} stillinger har levert årsrapporter")
    prepare_national_view(last)  # once, not after each of the demo's many submissions
    return submitted
