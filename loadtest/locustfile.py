"""The load test (docs/benchmarks.md, `./dev load`): simulated users in a realistic mix against
gunicorn on 127.0.0.1 with the national-scale demo set. Coordinators read their day, their
caseload and cases and register contacts; leaders read their figures and grants; the public
searches for a coordinator, offers and meeting places. Sessions come signed in
(`kreftkoordinator loadtest-sessions`)."""

import json
import os
import random
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from locust import HttpUser, between, task

DATA = json.loads(Path(os.environ["LOAD_SESSIONS"]).read_text(encoding="utf-8"))
# Seconds a user spends on a page before the next (docs/benchmarks.md says why 5-15).
THINK = between(*(float(s) for s in os.environ.get("THINK", "5-15").split("-")))
OSLO = ZoneInfo("Europe/Oslo")  # what the form's field means, as the server reads it
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class SignedIn(HttpUser):
    abstract = True
    wait_time = THINK
    session = ""

    def get(self, path, name=None):
        return self.client.get(path, name=name or path, headers=self.cookie())

    def cookie(self, csrf: str = "") -> dict:
        cookies = f"sessionid={self.session}" + (f"; csrftoken={csrf}" if csrf else "")
        return {"Cookie": cookies}


class Coordinator(SignedIn):
    weight = 5

    def on_start(self):
        me = random.choice(DATA["coordinators"])  # noqa: S311 -- a simulation
        self.session, self.cases = me["session"], me["cases"]

    @task(3)
    def her_day(self):
        self.get("/", "start page")

    @task(3)
    def caseload(self):
        self.get("/oppfolging/", "caseload")

    @task(4)
    def a_case(self):
        self.get(f"/oppfolging/{random.choice(self.cases)}/", "case page")  # noqa: S311

    @task(1)
    def search(self):
        self.get(f"/oppfolging/?q={random.choice('aeiou')}n", "caseload search")  # noqa: S311

    @task(2)
    def a_contact(self):
        case = random.choice(self.cases)  # noqa: S311
        form = self.get(f"/oppfolging/{case}/kontakt/ny/", "contact form")
        token = CSRF.search(form.text)
        csrf = form.cookies.get("csrftoken") or self.client.cookies.get("csrftoken", "")
        if not token:
            return
        with self.client.post(
            f"/oppfolging/{case}/kontakt/ny/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "mode": "phone",
                "participants": "with_relative",  # also after a death
                "kinds": "supportive",
                "duration_minutes": "20",
                "at": datetime.now(OSLO).strftime("%Y-%m-%dT%H:%M"),
            },
            headers={**self.cookie(csrf), "Referer": f"{self.host}/oppfolging/{case}/"},
            name="contact saved",
            allow_redirects=False,
            catch_response=True,
        ) as saved:
            if saved.status_code != 302:  # saved and sent back to the case, or it failed
                saved.failure(f"not saved: {saved.status_code}")


class Leader(SignedIn):
    weight = 2

    def on_start(self):
        self.leader = random.random() < 0.6  # noqa: S311 -- the rest: the funder's staff
        self.session = DATA["leader"] if self.leader else DATA["programme"]

    @task(3)
    def figures(self):
        if self.leader:
            self.get("/tall/", "figures (leader)")
        else:
            self.get(f"/tall/nasjonalt/{datetime.now().year - 1}/", "figures (national)")

    @task(1)
    def grants(self):
        self.get("/tilskudd/", "grants")

    @task(1)
    def start_page(self):
        self.get("/", "start page (leader)")


class Public(HttpUser):
    weight = 4
    wait_time = THINK

    @task(3)
    def find(self):
        place = random.choice(DATA["municipalities"])  # noqa: S311
        self.client.get(f"/finn-kreftkoordinator/?municipality={place}", name="find")

    @task(2)
    def offers(self):
        place = random.choice(DATA["municipalities"])  # noqa: S311
        self.client.get(f"/tilbud-for-deg/?area={place}", name="offers")

    @task(1)
    def meeting_places(self):
        self.client.get("/moteplasser/", name="meeting places")

    @task(1)
    def coverage(self):
        self.client.get("/dekning/", name="coverage")
