"""A notice whose send failed stays unsent, the run goes on, and the next run sends it."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

from sqlmodel import select

from arbox.agent.notices import run_dunning
from arbox.tools.models import OutgoingNotice

from .conftest import TODAY, Factory
from .test_pipeline import Outbox


class FailingOnce(Outbox):
    """SMTP refusing the first message it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.refused = 0

    def send(self, msg: EmailMessage) -> str:
        if not self.refused:
            self.refused += 1
            raise OSError("451 try again later")
        return super().send(msg)


def test_a_failed_send_is_kept_and_sent_by_the_next_run(ledger) -> None:
    make = Factory(ledger)
    for n in range(3):
        make.invoice(make.customer(), 3, amount=f"{400 + n}.00")
    sender = FailingOnce()
    first = run_dunning(ledger, today=TODAY, sender=sender, dry_run=False)
    statuses = sorted(n.status for n in first.notices)
    assert statuses == ["failed", "sent", "sent"]  # one refusal did not stop the run
    with ledger.session() as s:
        unsent = s.exec(select(OutgoingNotice).where(OutgoingNotice.status == "draft")).all()
    assert len(unsent) == 1 and unsent[0].sent_at is None
    run_dunning(ledger, today=TODAY + timedelta(days=1), sender=sender, dry_run=False)
    with ledger.session() as s:
        notices = s.exec(select(OutgoingNotice)).all()
    assert [n.status for n in notices] == ["sent"] * 3
    assert len(sender.sent) == 3  # each notice went out once
