"""Browser tests: Debian's chromium (installed by ./dev test, never a downloaded build) driven by
Playwright against the live test server. A user is signed in by handing the browser the session
a test client made (password and authenticator code done), so each test starts where it means
to."""

import importlib
import os
import queue
import shutil
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import sync_playwright

from kreftkoordinator.conftest import login

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("The browser tests need Debian's chromium: ./dev test installs it.")
    return path


class Browser(threading.Thread):
    """Chromium in a thread of its own: Playwright keeps an event loop on the thread that drives
    it, and Django refuses database calls from a thread with one. A test hands it a function
    (`run(steps, ...)`), which gets a fresh page and returns what the test should check."""

    def __init__(self):
        super().__init__(daemon=True)
        self.tasks: queue.Queue = queue.Queue()

    def run(self):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=["--no-sandbox", "--disable-dev-shm-usage"]
            )
            while (task := self.tasks.get()) is not None:
                steps, options, done = task
                context = browser.new_context(
                    viewport=options["viewport"], locale="nb-NO", base_url=options["base_url"]
                )
                if options["cookies"]:
                    context.add_cookies(options["cookies"])
                try:
                    done.set_result(steps(context.new_page()))
                except BaseException as e:  # noqa: BLE001 -- handed back to the test
                    done.set_exception(e)
                finally:
                    context.close()
            browser.close()

    def call(self, steps, options):
        done: Future = Future()
        self.tasks.put((steps, options, done))
        return done.result(timeout=120)


@pytest.fixture(scope="session")
def browser():
    chromium_path()  # fail at once, with the reason, if there is none
    thread = Browser()
    thread.start()
    yield thread
    thread.tasks.put(None)
    thread.join(timeout=30)


def _triggers(vendor: str) -> tuple[list[str], list[str]]:
    """The audit log's append-only triggers (migrations 0002 and 0003): to drop, to create."""
    first = importlib.import_module("kreftkoordinator.audit.migrations.0002_append_only_triggers")
    second = importlib.import_module("kreftkoordinator.audit.migrations.0003_chain")
    if vendor == "postgresql":
        drop = second.REVERSE[vendor] + first.POSTGRESQL_REVERSE
        return drop, first.POSTGRESQL + second.POSTGRESQL
    return second.REVERSE[vendor] + first.SQLITE_REVERSE, first.SQLITE + second.SQLITE


@pytest.fixture(autouse=True)
def _flushable_audit_log(transactional_db, django_db_serialized_rollback):
    """A browser test runs against a live server, so its database is emptied after it rather
    than rolled back, and the audit log refuses to be emptied: its triggers are put back before
    each test and taken off just for the emptying. Only ever in the test database."""
    drop, create = _triggers(connection.vendor)
    with connection.cursor() as cursor:
        for sql in drop + create:
            cursor.execute(sql)
    yield
    with connection.cursor() as cursor:
        for sql in drop:
            cursor.execute(sql)


@pytest.fixture
def in_browser(browser, live_server, client):
    """`in_browser(user or None, steps, viewport)`: run `steps(page)` in chromium against the
    live server, signed in as the user; returns what `steps` returns."""

    def run(user, steps, viewport=DESKTOP):
        cookies = []
        if user is not None:
            login(client, user)
            host = live_server.url.split("//")[1].split(":")[0]
            session = client.cookies["sessionid"].value
            cookies = [{"name": "sessionid", "value": session, "domain": host, "path": "/"}]
        options = {"viewport": viewport, "base_url": live_server.url, "cookies": cookies}
        return browser.call(steps, options)

    return run


def overflow(page) -> int:
    """How many pixels the page is wider than the window (nought: nothing to scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def pytest_collection_modifyitems(items):
    """The browser tests last: between them the audit log's triggers are off while the database
    is emptied (see `_flushable_audit_log`), and no other test should ever run in that state."""
    here = os.path.dirname(__file__)
    items.sort(key=lambda item: str(item.path).startswith(here))


AXE = (
    Path(os.environ.get("NODE_MODULES", Path(__file__).resolve().parents[3] / "node_modules"))
    / "axe-core"
    / "axe.min.js"
)


def axe(page) -> list[str]:
    """axe-core (from npm) on the page as it stands: the serious and critical WCAG 2.1 A/AA
    violations, each as "rule: the elements"."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, not a <script>: our CSP stays on
    result = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
           .filter(v => ['serious', 'critical'].includes(v.impact))
           .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))"""
    )
    return list(result)


# Screenshots of the main pages, kept after each run (the README shows copies from docs/).
SHOTS = Path(os.environ.get("SCREENSHOTS", Path(__file__).resolve().parents[3] / "test-artefacts"))


def screenshot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
