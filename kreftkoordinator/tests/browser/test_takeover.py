"""The takeover the security review made (issue 27, finding 1), in the browser: Ola changes
Kari's e-mail to his own, sends the password link and resets her two-factor. Each step now
waits for a second person; Per, her leader, approves in good faith; the notices go to Kari's
own address, she stops each with its link, and it ends with nothing read in her name."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts import recovery
from kreftkoordinator.audit.models import Action, AuditEntry

from .conftest import axe


def test_ola_cannot_take_over_kari_s_account(in_browser, ola, per, kari, drammen_person):
    TOTPDevice.objects.create(user=kari, name="app", confirmed=True)

    def ola_steps(page):
        said = []
        page.goto(reverse("accounts:user_edit", args=[kari.pk]))
        page.fill("#id_email", "ola.privat@example.no")
        page.get_by_role("button", name="Lagre").click()
        said.append(page.locator(".ds-alert").first.inner_text())
        page.get_by_role("button", name="Send lenke for nytt passord").click()
        said.append(page.locator(".ds-alert").first.inner_text())
        page.get_by_role("button", name="Nullstill tofaktor").click()
        said.append(page.locator(".ds-alert").first.inner_text())
        page.goto(reverse("accounts:approvals"))
        own = page.get_by_role("button", name="Godkjenn gjenopprettingen for Kari Berg").count()
        return said, own

    said, own = in_browser(ola, ola_steps)
    assert all("må godkjenne dette" in text for text in said) and own == 0

    def per_steps(page):
        page.goto(reverse("accounts:approvals"))
        violations = axe(page)
        buttons = page.get_by_role("button", name="Godkjenn gjenopprettingen for Kari Berg")
        count = buttons.count()
        for _ in range(count):
            page.get_by_role("button", name="Godkjenn gjenopprettingen for Kari Berg").first.click()
        return count, violations

    approved, violations = in_browser(per, per_steps)
    assert approved == 3 and violations == []
    links = [re.search(r"http\S+/stopp/\S+/", str(m.body)).group(0) for m in mail.outbox]
    assert len(links) == 3 and all("kari@example.no" in m.to for m in mail.outbox)

    def kari_steps(page):
        texts = []
        for link in links:
            page.goto(urlsplit(link).path)  # the live server's own address
            texts.append(axe(page))
            page.get_by_role("button", name="Stopp dette").click()
            texts.append(page.locator("main").inner_text())
        return texts

    texts = in_browser(None, kari_steps)
    assert texts[0] == [] and all("stoppet" in t for t in texts[1::2])
    assert recovery.carry_out_due(timezone.now() + timedelta(days=2)) == 0
    kari.refresh_from_db()
    assert kari.email == "kari@example.no"
    assert TOTPDevice.objects.filter(user=kari).exists()
    assert not any("/konto/passord/" in m.body for m in mail.outbox)
    assert not AuditEntry.objects.filter(user=kari, action=Action.VIEW).exists()
