"""A person's edit of a notice: proved against the ledger before anything is saved."""

from __future__ import annotations

from datetime import date

from arbox.tools import notices as store
from arbox.tools.db import Ledger
from arbox.tools.errors import LedgerError
from arbox.tools.models import OutgoingNotice

from ..guardrails import GuardrailReport, check_notice
from ..tones import is_early
from .trim import notice_locale
from .views import ledger_views


class NoticeEditRejected(LedgerError):
    """An edited notice that fails the guardrails; nothing was saved."""

    def __init__(self, report: GuardrailReport) -> None:
        super().__init__("the edit fails the guardrails:\n" + report.describe())
        self.report = report


def edit_notice(
    ledger: Ledger,
    notice_id: int,
    *,
    body: str,
    subject: str | None = None,
    today: date,
    actor: str,
) -> OutgoingNotice:
    """Replace a notice's text after proving it against the ledger as it is now.

    The edited notice is ``held`` until someone approves it; a failing edit raises
    `NoticeEditRejected` and changes nothing. A later trim keeps the edited text where
    it still holds (`trim.refresh`).
    """
    with ledger.transaction() as session:
        notice = store.get_notice(session, notice_id)
        subject = notice.subject if subject is None else subject
        fresh = store.reread(session, notice, today)
        due = fresh.due
        report = check_notice(
            f"{subject}\n\n{body}",
            ledger_views(due, fresh.dropped) if due else [],
            currency=due.currency if due else notice.currency,
            allows=due.stage.allows if due else (),
            recipient=notice.to_email,
            contact_on_file=due.contact_email if due else None,
            locale=notice_locale(notice, due),
            early=bool(due and is_early(due)),
        )
        if not report.ok:
            raise NoticeEditRejected(report)
        extra = dict(notice.guardrail or {}) | {
            "report": report.as_dict(),
            "edited_by": actor,
            "wording": None,
            "slots": {},
        }
        return store.set_status(
            session,
            notice_id,
            "held",
            allowed_from=store.OPEN,
            actor=actor,
            subject=subject,
            body=body,
            guardrail=extra,
            held_reason=f"edited by {actor}; awaits approval",
        )
