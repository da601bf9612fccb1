"""Suppression, proven on every kind of table hypothesis can think of: no count of 1-4 is shown,
and no hidden cell can be worked out from the total and the shown cells, even by a reader who
knows that "<5" means 1-4 and "skjult" means 0 or at least 5. The exact check is itself checked
against brute force on small tables."""

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from kreftkoordinator.audit.disclosure import (
    ANY,
    HIDDEN,
    LESS_THAN_FIVE,
    PRIMARY,
    SECONDARY,
    WITHHELD,
    Domain,
    protect,
    recoverable,
)

KNOWN = {LESS_THAN_FIVE: PRIMARY, HIDDEN: SECONDARY, WITHHELD: ANY}
SUPPRESSED = tuple(KNOWN)

tables = st.lists(st.one_of(st.integers(0, 8), st.integers(0, 300)), min_size=1, max_size=8)


def options(text, bound):
    """The counts up to `bound` a shown cell can be, for a reader who knows the marks."""
    if text == LESS_THAN_FIVE:
        return range(1, 5)
    if text == HIDDEN:
        return [0, *range(5, bound + 1)]
    if text == WITHHELD:
        return range(0, bound + 1)
    return [int(text)]


def brute_force_values(counts, shown_cells, shown_total, bound):
    """Every table of counts up to `bound` that agrees with what is shown."""
    for candidate in product(*(options(t, bound) for t in shown_cells)):
        if sum(candidate) in options(shown_total, bound):
            yield candidate


class TestTheSurveyThatLeaked:
    def test_eight_answers_six_yes_no_longer_give_away_partly(self):
        # Before: "8 answers: yes 6, partly <5, no 0", so partly was 2.
        protected = protect([6, 2, 0])
        assert protected.cells[1] == LESS_THAN_FIVE
        assert protected.cells.count(HIDDEN) + (protected.total == HIDDEN) >= 1
        values = {c[1] for c in brute_force_values([6, 2, 0], protected.cells, protected.total, 12)}
        assert len(values) > 1

    def test_nothing_small_nothing_hidden(self):
        assert protect([6, 7, 0]) == protect([6, 7, 0])
        protected = protect([6, 7, 0])
        assert (protected.cells, protected.total) == (["6", "7", "0"], "13")

    def test_four_people_in_four_cells_withhold_the_table(self):
        protected = protect([1, 1, 1, 1, 0])
        assert protected.cells == [WITHHELD] * 5 and protected.total == LESS_THAN_FIVE

    def test_a_single_small_cell_hides_a_second(self):
        protected = protect([40, 3, 12])
        assert protected.cells == ["40", LESS_THAN_FIVE, HIDDEN] and protected.total == "55"


@settings(max_examples=400, deadline=None)
@given(tables)
def test_no_count_of_one_to_four_is_shown(counts):
    protected = protect(counts)
    for text in [*protected.cells, protected.total]:
        assert text in SUPPRESSED or not 1 <= int(text) <= 4


@settings(max_examples=400, deadline=None)
@given(tables)
def test_shown_cells_are_true_and_hidden_ones_cannot_be_recovered(counts):
    protected = protect(counts)
    for text, count in zip(protected.cells, counts, strict=True):
        assert text in SUPPRESSED or int(text) == count
    domains: list[Domain] = [
        KNOWN[t] if t in KNOWN else [(float(t), float(t))]
        for t in [*protected.cells, protected.total]
    ]
    assert not any(recoverable(domains))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=4))
def test_the_exact_check_agrees_with_brute_force(counts):
    protected = protect(counts)
    bound = sum(counts) + 6
    solutions = list(brute_force_values(counts, protected.cells, protected.total, bound))
    assert tuple(counts) in solutions
    for i, text in enumerate(protected.cells):
        if text in SUPPRESSED:
            assert len({s[i] for s in solutions}) > 1, (counts, protected)


def test_a_share_gives_away_its_small_part_either_way():
    from kreftkoordinator.audit.disclosure import share_reveals

    assert share_reveals(2, 40) and share_reveals(38, 40)
    assert not share_reveals(20, 40) and not share_reveals(0, 40) and not share_reveals(40, 40)


# Two-way tables: rows by columns with row, column and grand totals (positions by contact mode).
matrices = st.integers(1, 6).flatmap(
    lambda width: st.lists(
        st.lists(st.one_of(st.integers(0, 8), st.integers(0, 200)), min_size=width, max_size=width),
        min_size=1,
        max_size=7,
    )
)


def _grid(protected):
    rows = [
        [*cells, total] for cells, total in zip(protected.cells, protected.row_totals, strict=False)
    ]
    return [*rows, [*protected.column_totals, protected.total]]


@settings(max_examples=300, deadline=None)
@given(matrices)
def test_a_two_way_table_shows_no_small_count_and_no_line_gives_a_hidden_cell_away(counts):
    from kreftkoordinator.audit.disclosure import protect_table

    protected = protect_table(counts)
    grid = _grid(protected)
    exact = [[*row, sum(row)] for row in counts]
    exact.append([sum(col) for col in zip(*exact, strict=False)])
    for shown_row, exact_row in zip(grid, exact, strict=False):
        for text, count in zip(shown_row, exact_row, strict=False):
            assert text in SUPPRESSED or int(text) == count
            assert text in SUPPRESSED or not 1 <= int(text) <= 4
    lines = [list(row) for row in grid] + [list(col) for col in zip(*grid, strict=False)]
    for line in lines:
        domains = [KNOWN[t] if t in KNOWN else [(float(t), float(t))] for t in line]
        assert not any(recoverable(domains)), (counts, line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 6), min_size=2, max_size=2), min_size=2, max_size=2))
def test_a_small_two_way_table_keeps_every_hidden_cell_open_even_jointly(counts):
    """Brute force over every 2 x 2 table that agrees with all that is shown at once."""
    from kreftkoordinator.audit.disclosure import protect_table

    protected = protect_table(counts)
    grid = _grid(protected)
    bound = sum(map(sum, counts)) + 6

    (a_, b_, r1), (c_, d_, r2), (k1, k2, t) = grid
    fits = lambda value, text: value in options(text, bound)  # noqa: E731
    solutions = [
        (a, b, c, d)
        for a in options(a_, bound)
        for b in options(b_, bound)
        if fits(a + b, r1)
        for c in options(c_, bound)
        if fits(a + c, k1)
        for d in options(d_, bound)
        if fits(c + d, r2) and fits(b + d, k2) and fits(a + b + c + d, t)
    ]
    flat = [counts[0][0], counts[0][1], counts[1][0], counts[1][1]]
    assert tuple(flat) in solutions
    for k, text in enumerate((grid[0][0], grid[0][1], grid[1][0], grid[1][1])):
        if text in SUPPRESSED:
            assert len({s[k] for s in solutions}) > 1, (counts, grid)


@settings(max_examples=200, deadline=None)
@given(matrices)
def test_a_breakdown_under_its_already_published_totals_gives_no_hidden_cell_away(counts):
    """The breakdown of a column (contacts by mode beside contacts): its row totals and grand
    total are the column as `protect` published it, and stay so."""
    from kreftkoordinator.audit.disclosure import protect_table

    column = protect([sum(row) for row in counts])
    protected = protect_table(counts, row_totals=column.cells, total=column.total)
    assert protected.row_totals == column.cells and protected.total == column.total
    grid = _grid(protected)
    for line in [list(row) for row in grid] + [list(col) for col in zip(*grid, strict=False)]:
        domains = [KNOWN[t] if t in KNOWN else [(float(t), float(t))] for t in line]
        assert not any(recoverable(domains)), (counts, line)
        assert all(t in SUPPRESSED or not 1 <= int(t) <= 4 for t in line)
