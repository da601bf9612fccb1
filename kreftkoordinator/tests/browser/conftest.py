"""Browser tests: Debian's chromium (installed by ./dev test, never a downloaded build) driven by
Playwright against the live test server. A user is signed in by handing the browser the session
a test client made (password and authenticator code done), so each test starts where it means
to."""

import importlib
import json
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
                    viewport=options["viewport"],
                    locale=options.get("locale", "nb-NO"),
                    base_url=options["base_url"],
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
    """`in_browser(user or None, steps, viewport, locale)`: run `steps(page)` in chromium
    against the live server, signed in as the user, the browser set to `locale` (its
    Accept-Language); returns what `steps` returns."""

    def run(user, steps, viewport=DESKTOP, locale="nb-NO"):
        cookies = []
        if user is not None:
            login(client, user)
            host = live_server.url.split("//")[1].split(":")[0]
            session = client.cookies["sessionid"].value
            cookies = [{"name": "sessionid", "value": session, "domain": host, "path": "/"}]
        options = {
            "viewport": viewport,
            "base_url": live_server.url,
            "cookies": cookies,
            "locale": locale,
        }
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


def axe(page, checked: str | None = None) -> list[str]:
    """axe-core (from npm) on the page as it stands: the serious and critical WCAG 2.1 A/AA
    violations, each as "rule: the elements". With `checked` (the page's name), every rule's
    result on it goes into the accessibility statement's figures (`STATUS`)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, not a <script>: our CSP stays on
    result = page.evaluate(
        """async () => { const r = await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
           const rule = v => ({id: v.id, tags: v.tags, impact: v.impact, help: v.help,
             nodes: v.nodes.map(n => n.target.join(' '))});
           return {violations: r.violations.map(rule), passes: r.passes.map(rule),
                   version: r.testEngine.version, agent: r.testEnvironment.userAgent}; }"""
    )
    if checked:
        STATUS_RUN.add_axe(checked, result)
    return [
        v["id"] + ": " + ", ".join(v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def criteria(tags: list[str]) -> list[str]:
    """axe's WCAG tags as success criteria: wcag143 is 1.4.3, wcag1410 is 1.4.10."""
    found = []
    for tag in tags:
        digits = tag.removeprefix("wcag")
        if tag.startswith("wcag") and digits.isdigit() and len(digits) >= 3:
            found.append(f"{digits[0]}.{digits[1]}.{digits[2:]}")
    return found


# The accessibility statement's figures (/tilgjengelighet/), from the last complete run of the
# axe and keyboard tests: written when every page of test_accessibility.py and every keyboard
# criterion was checked in a run that passed, so a partial run never overwrites it.
STATUS = Path(__file__).resolve().parents[2] / "public" / "data" / "accessibility.json"


class StatusRun:
    def __init__(self):
        self.pages: set[str] = set()
        self.criteria: dict[str, dict] = {}
        self.deviations: dict[tuple[str, str], dict] = {}
        self.keyboard: dict[str, set[str]] = {}
        self.engine = ""

    def _criterion(self, number: str) -> dict:
        return self.criteria.setdefault(
            number, {"rules": set(), "passed": set(), "failed": set(), "keyboard": set()}
        )

    def add_axe(self, checked: str, result: dict) -> None:
        self.pages.add(checked)
        agent = result["agent"]
        browser = next(
            (w for w in agent.split() if w.startswith(("Chrome/", "HeadlessChrome/"))), ""
        )
        self.engine = f"axe-core {result['version']}, {browser.replace('Headless', '')}".strip(", ")
        for outcome, rules in (("passed", result["passes"]), ("failed", result["violations"])):
            for rule in rules:
                for number in criteria(rule["tags"]):
                    criterion = self._criterion(number)
                    criterion["rules"].add(rule["id"])
                    criterion[outcome].add(checked)
                    if outcome == "failed":
                        deviation = self.deviations.setdefault(
                            (number, rule["id"]),
                            {"criterion": number, "rule": rule["id"], "impact": rule["impact"],
                             "help": rule["help"], "pages": set()},
                        )  # fmt: skip
                        deviation["pages"].add(checked)

    def add_keyboard(self, number: str, test: str) -> None:
        self.keyboard.setdefault(number, set()).add(test)
        self._criterion(number)["keyboard"].add(test)

    def complete(self, pages: set[str], keyboard: set[str]) -> bool:
        return pages <= self.pages and keyboard <= set(self.keyboard)

    def write(self, day: str) -> None:
        data = {
            "tested_on": day,
            "engine": self.engine,
            "pages": sorted(self.pages),
            "criteria": {
                number: {
                    "rules": sorted(c["rules"]),
                    "pages_passed": len(c["passed"] - c["failed"]),
                    "pages_failed": sorted(c["failed"]),
                    "keyboard_tests": sorted(c["keyboard"]),
                }
                for number, c in sorted(
                    self.criteria.items(), key=lambda kv: [int(p) for p in kv[0].split(".")]
                )
            },
            "deviations": [
                {**d, "pages": sorted(d["pages"])} for _key, d in sorted(self.deviations.items())
            ],
        }
        STATUS.parent.mkdir(parents=True, exist_ok=True)
        # Written whole or not at all: a run beside this one (CI's other database) may read it.
        written = STATUS.with_name(f".{STATUS.name}.{os.getpid()}")
        written.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(written, STATUS)


STATUS_RUN = StatusRun()


def pytest_sessionfinish(session, exitstatus):
    from datetime import date

    from .test_accessibility import CASES
    from .test_keyboard import CRITERIA

    pages = {f"{who or 'public'}:{name}" for who, name in CASES}
    if exitstatus == 0 and STATUS_RUN.complete(pages, set(CRITERIA)):
        STATUS_RUN.write(date.today().isoformat())


# Screenshots of the main pages, kept after each run (the README shows copies from docs/).
SHOTS = Path(os.environ.get("SCREENSHOTS", Path(__file__).resolve().parents[3] / "test-artefacts"))


def screenshot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
