"""A bounce posted to the API holds the customer's notice, and the held-notices page and the
API's review queue say why."""

from __future__ import annotations

from pathlib import Path

from apikit import AUTH

DSN = Path(__file__).parents[2] / "mailbox" / "fixtures" / "dsn" / "postfix_user_unknown.eml"


def test_the_held_notices_page_shows_the_bounce_and_its_reason(console):
    before = console.get("/notices/held", headers=AUTH).json()
    assert not any("bounced" in (n["held_reason"] or "") for n in before)
    raw = DSN.read_text().replace("billing@acme.test", "ap@acme.com")
    r = console.post("/messages", json={"raw": raw}, headers=AUTH)
    assert r.status_code in (200, 201), r.text
    message = r.json()["message"]
    # The report names no notice of ours (matched by the failed address only): proposed
    # to a person, who accepts it.
    assert message["status"] == "pending_approval" and message["match_method"] == "contact"
    (action,) = message["actions"]
    assert (action["name"], action["status"]) == ("mark_bounced", "pending_approval")
    still = console.get("/notices/held", headers=AUTH).json()
    assert not any("bounced" in (n["held_reason"] or "") for n in still)
    approval = message["approval"]["id"]
    decided = console.post(f"/approvals/{approval}/accept", json={"by": "ana"}, headers=AUTH)
    assert decided.status_code == 200, decided.text
    (done,) = decided.json()["outcome"]["actions"]
    assert (done["name"], done["status"]) == ("mark_bounced", "done")
    held = console.get("/notices/held", headers=AUTH).json()
    (acme,) = [n for n in held if n["to_email"] == "ap@acme.com"]
    assert acme["held_reason"].startswith("notices to ap@acme.com bounced (5.1.1")
    page = console.get("/console/notices")
    assert page.status_code == 200
    assert "notices to ap@acme.com bounced (5.1.1" in page.text
