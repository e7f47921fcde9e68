"""POST /approvals/{id}/edit on any input: a 2xx or a 4xx, never a 5xx; a refused edit
leaves the approval pending, so it can be answered again."""

from __future__ import annotations

import itertools
from typing import Any

from apikit import AUTH, DISPUTE, eml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arbox.agent.toolbox import TOOLBOX

ALLOWED_ARGS = {str(name.value): tool.arg_names for name, tool in TOOLBOX.items()}

MALFORMED: list[dict[str, Any]] = [
    {"name": "tag_dispute", "args": {"invoice": ["INV-7"], "customer": "BIG", "reason": "pricing"}},
    {"name": "tag_dispute", "args": {"invoice": 7, "customer": "BIG", "reason": "pricing"}},
    {
        "name": "tag_dispute",
        "args": {"invoice": "INV-7", "customer": "BIG", "disputed_amount": True},
    },
    {"name": "tag_dispute", "args": {"invoice": "INV-7", "customer": "BIG", "reason": 3}},
    {"name": "tag_dispute", "args": {}},
    {"name": "pause_dunning", "args": {"invoices": "INV-7", "customer": "BIG", "reason": "x"}},
    {"name": "pause_dunning", "args": {"invoices": ["INV-7"], "customer": "BIG", "until": True}},
    {"name": "pause_dunning", "args": {"customer": "BIG", "reason": "x", "until": "2026-13-01"}},
    {
        "name": "record_promise",
        "args": {"customer": "BIG", "amount": "NaN", "promised_on": "2026-04-01"},
    },
    {
        "name": "record_promise",
        "args": {"customer": "BIG", "amount": "1e999", "promised_on": "2026-04-01"},
    },
    {
        "name": "record_promise",
        "args": {"customer": "BIG", "promised_on": "2026-04-01", "tolerance_days": "x"},
    },
    {
        "name": "record_promise",
        "args": {"customer": "BIG", "amount": 10**30, "promised_on": "2026-04-01"},
    },
    {"name": "create_task", "args": {"queue": 5, "summary": None}},
    {"name": "create_task", "args": {}},
    {"name": "upsert_contact", "args": {"customer": "BIG", "email": 5}},
    {
        "name": "record_payment_claim",
        "args": {"customer": "BIG", "paid_on": "2026-13-01", "method": 7},
    },
    {
        "name": "open_deduction",
        "args": {"customer": "BIG", "invoice": "INV-7", "deducted_amount": "x"},
    },
]

_ids = itertools.count()


def pending_approval(client: Any) -> int:
    mid = f"<fuzz{next(_ids)}@globex.com>"
    r = client.post("/messages", json={"raw": eml(DISPUTE, mid=mid)}, headers=AUTH)
    return r.json()["message"]["approval"]["id"]


def test_malformed_edits_are_refused_and_the_approval_stays_pending(make_client, books):
    client = make_client(raise_server_exceptions=False)
    approval = pending_approval(client)
    for action in MALFORMED:
        r = client.post(
            f"/approvals/{approval}/edit", json={"actions": [action], "by": "bob"}, headers=AUTH
        )
        assert 400 <= r.status_code < 500, (action, r.status_code, r.text)
        assert client.get(f"/approvals/{approval}").json()["status"] == "pending"


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
edits = st.sampled_from(sorted(ALLOWED_ARGS)).flatmap(
    lambda name: st.fixed_dictionaries(
        {
            "name": st.just(str(getattr(name, "value", name))),
            "args": st.dictionaries(st.sampled_from(sorted(ALLOWED_ARGS[name])), json_values),
        }
    )
)


def test_no_edit_gets_a_server_error(make_client, books):
    client = make_client(raise_server_exceptions=False)
    state = {"approval": pending_approval(client)}

    @given(action=edits)
    @settings(
        max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(action: dict[str, Any]) -> None:
        r = client.post(
            f"/approvals/{state['approval']}/edit",
            json={"actions": [action], "by": "bob"},
            headers=AUTH,
        )
        assert r.status_code < 500, (action, r.text)
        if r.status_code < 300:  # decided: the next example needs a fresh approval
            state["approval"] = pending_approval(client)

    check()
