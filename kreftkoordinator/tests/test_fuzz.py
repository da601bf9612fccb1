"""Generated input at every entry point (hypothesis): every page of every role with generated
query strings, and every form on it sent back with generated values in every field at once:
dates at the ends of the calendar, huge and negative numbers, NUL bytes, very long strings,
markup, duplicated fields, and bodies that are not UTF-8. No answer is a 500; a refused form
saves nothing; a script sent is never rendered as markup, neither on the page that answers nor
on the page a saved form leads to.

FUZZ_EXAMPLES sets the examples per entry point: a few in every run, 10 000 for the long run
(README, Tests and CI)."""

import os
import re
from functools import cache

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kreftkoordinator.accounts.tests.test_role_gating import PAGES, world  # noqa: F401
from kreftkoordinator.conftest import login
from kreftkoordinator.tests.test_no_500 import QUERY_PARAMS, html_of, post_forms

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES < 100,  # the everyday run is the same every time
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

DATES = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(
    ["0001-01-01", "9999-12-31", "2024-02-30", "1899-12-31", "2100-12-31", "31.12.9999"]
)
NUMBERS = st.integers(min_value=-(2**70), max_value=2**70).map(str) | st.sampled_from(
    ["NaN", "Infinity", "-0", "1e400", "0x1F", "1,5", "٣"]
)
TEXT = st.text(max_size=200) | st.sampled_from(
    ["x" * 100_000, "null\x00byte", "<script>alert(1)</script>", "'; DROP TABLE x; --", ""]
)
VALUE = DATES | NUMBERS | TEXT
SCRIPT = "<script>alert(1)</script>"


@cache
def _rows_sql() -> str:
    tables = [m._meta.db_table for m in apps.get_app_config("casework").get_models()]
    return "SELECT " + " + ".join(
        f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tables
    )


def rows() -> int:
    """Rows in every casework table, in one query: the long run counts twice per form sent."""
    with connection.cursor() as cursor:
        cursor.execute(_rows_sql())
        return cursor.fetchone()[0]


def form_of(client, name, args):
    url = reverse(name, args=args)
    page = client.get(url)
    return url, list(post_forms(html_of(page), url)) if page.status_code == 200 else []


def shows_script(response) -> bool:
    """The answer is a page with the script in it as markup, not as text."""
    html = response.get("Content-Type", "").startswith("text/html")
    return html and SCRIPT in response.content.decode(errors="replace")


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_input_never_ends_in_a_500(client, world, name):  # noqa: F811
    who, args = PAGES[name]
    user = world["users"][sorted(who)[0]]
    login(client, user)
    url, forms = form_of(client, name, args(world) if args else None)
    client.raise_request_exception = False

    @FUZZ
    @given(
        query=st.dictionaries(st.sampled_from([*QUERY_PARAMS, "format", "id"]), VALUE, max_size=4),
        values=st.lists(VALUE, min_size=1, max_size=40),
        duplicated=st.booleans(),
    )
    def check(query, values, duplicated):
        # Every example starts from the same world, logged in afresh: what one example saved
        # (or a session it ended) cannot slow down or hide the next, and a failure replays.
        with transaction.atomic():
            login(client, user)
            response = client.get(url, query)
            assert response.status_code < 500, (name, "GET", query)
            assert not shows_script(response), (name, "GET", query, "a script rendered")
            for target, names, filled in forms:
                data = {
                    field: ([v, v] if duplicated else v)
                    for field, v in zip(names, values * len(names), strict=False)
                }
                before = rows()
                response = client.post(target, {**filled, **data}, follow=True)
                assert response.status_code < 500, (name, target)
                # followed to the page it lands on, where what was saved is shown
                assert not shows_script(response), (name, target, "a script rendered")
                refused = (
                    not response.redirect_chain
                    and "ds-error-summary" in response.content.decode(errors="replace")
                )
                if refused:
                    assert rows() == before, (name, target, "refused but saved")
            transaction.set_rollback(True)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["casework:person_create", "casework:contact_create"])
def test_a_body_that_is_not_utf_8_is_refused_politely(client, kari, name):
    login(client, kari)
    client.raise_request_exception = False
    response = client.post(
        reverse(name),
        data=b"name=%FF%FE%FD&phone=\xff\xfe",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code < 500
    assert not re.search(r"Traceback|Exception", response.content.decode(errors="replace"))
