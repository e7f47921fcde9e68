"""Block Kit for approvals: the question, the answered message, and the edit modal.

Everything taken from an email (sender, subject, evidence) is untrusted: it is
escaped so it can not mention users, open links or break the markup.
"""

from __future__ import annotations

import json
from typing import Any

from ..tools.models import Approval

ACCEPT, EDIT, REJECT = "arbox_accept", "arbox_edit", "arbox_reject"
EDIT_CALLBACK = "arbox_edit_modal"
EDIT_BLOCK, EDIT_INPUT = "arbox_actions", "arbox_actions_json"
VERBS = {"accepted": "Accepted", "edited": "Edited", "rejected": "Rejected"}
_LIMIT = 2900
"""Slack refuses section text over 3000 characters."""


def esc(text: Any) -> str:
    """Slack mrkdwn escaping (&, <, >), on one value from outside."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str) -> str:
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _cut(text)}}


def action_line(action: dict[str, Any]) -> str:
    args = action.get("args") or {}
    target = args.get("queue") or args.get("invoice") or ", ".join(args.get("invoices") or [])
    status = action.get("status", "")
    line = f"`{esc(action.get('name', '?'))}` {esc(target)}".rstrip()
    if args.get("summary"):
        line += f" — {esc(args['summary'])}"
    if status and status != "pending_approval":
        line += f" _({esc(status)})_"
    return line


def context_blocks(approval: Approval) -> list[dict[str, Any]]:
    """Who wrote, which customer, what was understood, what is proposed and why it waits."""
    p = approval.proposal or {}
    findings = p.get("findings") or []
    understood = []
    for f in findings:
        invoices = ", ".join(f.get("invoices") or [])
        head = (
            f"*{esc(f.get('intent', '?'))}* {esc(invoices)} ({float(f.get('confidence', 0)):.2f})"
        )
        quote = esc(f.get("evidence", "")).replace("\n", "\n>")
        understood.append(f"{head}\n>{quote}" if quote else head)
    return [
        {"type": "header", "text": {"type": "plain_text", "text": "Reply needs a decision"}},
        {
            "type": "section",
            "fields": [
                {"type": "mrkdwn", "text": f"*Customer*\n{esc(p.get('customer') or 'unmatched')}"},
                {"type": "mrkdwn", "text": f"*From*\n{esc(p.get('from') or '-')}"[:2000]},
                {"type": "mrkdwn", "text": f"*Subject*\n{esc(p.get('subject') or '-')}"[:2000]},
                {"type": "mrkdwn", "text": "*Why it waits*\n" + esc("; ".join(approval.reasons))},
            ],
        },
        _section("*Understood*\n" + ("\n".join(understood) or "_nothing_")),
        _section(
            "*Proposed actions*\n"
            + ("\n".join(action_line(a) for a in p.get("actions") or []) or "_none_")
        ),
    ]


def approval_blocks(approval: Approval) -> list[dict[str, Any]]:
    """The question: context plus Accept / Edit / Reject."""
    value = str(approval.id)
    buttons = [
        (ACCEPT, "Accept", "primary"),
        (EDIT, "Edit", None),
        (REJECT, "Reject", "danger"),
    ]
    elements = []
    for action_id, label, style in buttons:
        button: dict[str, Any] = {
            "type": "button",
            "action_id": action_id,
            "text": {"type": "plain_text", "text": label},
            "value": value,
        }
        if style:
            button["style"] = style
        elements.append(button)
    return [
        *context_blocks(approval),
        {"type": "actions", "block_id": "arbox", "elements": elements},
    ]


def decided_blocks(
    approval: Approval, results: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
    """The answered message: who decided what, and what ran."""
    who = approval.decided_by or "someone"
    mention = f"<@{esc(who)}>" if who[:1] in "UW" and who.isalnum() else esc(who)
    verb = VERBS.get(approval.status, esc(approval.status))
    when = approval.decided_at.strftime("%Y-%m-%d %H:%M UTC") if approval.decided_at else ""
    blocks = context_blocks(approval)
    blocks[0] = {"type": "header", "text": {"type": "plain_text", "text": f"{verb}: reply"}}
    if results:
        blocks.append(_section("*Result*\n" + "\n".join(action_line(r) for r in results)))
    blocks.append(
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"{verb} by {mention} {when}"}]}
    )
    return blocks


def summary_text(approval: Approval) -> str:
    """The notification text (shown where blocks are not)."""
    p = approval.proposal or {}
    who, customer = p.get("from") or "unknown", p.get("customer") or "unmatched"
    return f"Reply from {who} ({customer}) needs a decision"


def edit_modal(approval: Approval) -> dict[str, Any]:
    """A modal with the proposed actions as editable JSON."""
    proposed = [
        {"name": a.get("name"), "args": a.get("args") or {}}
        for a in (approval.proposal or {}).get("actions") or []
    ]
    return {
        "type": "modal",
        "callback_id": EDIT_CALLBACK,
        "private_metadata": str(approval.id),
        "title": {"type": "plain_text", "text": "Edit actions"},
        "submit": {"type": "plain_text", "text": "Run these"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            *context_blocks(approval)[1:3],
            {
                "type": "input",
                "block_id": EDIT_BLOCK,
                "label": {"type": "plain_text", "text": "Actions (JSON list of {name, args})"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": EDIT_INPUT,
                    "multiline": True,
                    "initial_value": json.dumps(proposed, indent=2, ensure_ascii=False)[:2900],
                },
            },
        ],
    }
