"""The AR figures against worked examples computed by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factories as f
import pytest

from arbox.tools.analytics import (
    Settled,
    aging,
    build_report,
    cei,
    dso_countback,
    dso_simple,
    month_periods,
    promise_rates,
)
from arbox.tools.models import Approval, InboundMessage, Promise
from arbox.tools.payments import post_payment

D = Decimal
AS_OF = date(2026, 3, 31)


def test_countback_over_three_months_by_hand() -> None:
    # Closing AR 500,000. March sold 300,000 (31 days): covered, 200,000 left, 31 days.
    # February sold 250,000 (28 days): 200,000 / 250,000 x 28 = 22.4 days. DSO = 53.4.
    periods = [(31, D("300000")), (28, D("250000")), (31, D("200000"))]
    assert dso_countback(D("500000"), periods) == D("53.4")
    # The simple method over the same 90 days: 500,000 / 750,000 x 90 = 60.
    assert dso_simple(D("500000"), D("750000"), 90) == D("60")


def test_countback_runs_out_of_months() -> None:
    assert dso_countback(D("1000"), [(30, D("100")), (31, D("100"))]) == 61


def test_countback_edges() -> None:
    assert dso_countback(D("0"), [(30, D("0")), (31, D("0"))]) == 0  # nothing owed
    assert dso_countback(D("100"), [(30, D("100")), (31, D("50"))]) == 30  # exactly one month
    # Nothing sold last month: the AR is older, so that month's days count in full.
    assert dso_countback(D("50"), [(30, D("0")), (31, D("100"))]) == D("45.5")


def test_cei_over_one_period_by_hand() -> None:
    # (400,000 + 300,000 - 450,000) / (400,000 + 300,000 - 250,000) = 250 / 450 = 55.56 %
    value = cei(D("400000"), D("300000"), D("450000"), D("250000"))
    assert value is not None
    assert value.quantize(D("0.01")) == D("55.56")
    assert cei(D("0"), D("0"), D("0"), D("0")) is None


def test_promise_kept_by_amount_by_hand() -> None:
    rates = promise_rates(
        [
            Settled("kept", D("1000.00"), D("1000.00")),
            Settled("partial", D("2000.00"), D("500.00")),
            Settled("broken", D("500.00"), D("0.00")),
            Settled("open", D("700.00"), D("0.00")),  # not settled: left out
            Settled("cancelled", D("300.00"), D("0.00")),  # left out
        ]
    )
    # By amount: (1000 + 500 + 0) / (1000 + 2000 + 500) = 1500 / 3500 = 42.86 %
    assert rates["promised"] == D("3500.00")
    assert rates["kept_amount"] == D("1500.00")
    assert rates["by_amount"].quantize(D("0.0001")) == D("0.4286")
    # By count: 1 kept of 3 settled.
    assert (rates["settled"], rates["kept"], rates["partial"], rates["broken"]) == (3, 1, 1, 1)
    assert rates["by_count"] == D(1) / D(3)


def test_aging_buckets() -> None:
    on = date(2026, 3, 31)
    rows = aging(
        [
            (date(2026, 4, 10), D("100.00")),  # not due
            (date(2026, 3, 31), D("50.00")),  # due today: current
            (date(2026, 3, 1), D("10.00")),  # 30 days
            (date(2026, 1, 30), D("20.00")),  # 60 days
            (date(2025, 12, 1), D("40.00")),  # 120 days
        ],
        on,
    )
    got = {r["bucket"]: (r["count"], r["amount"]) for r in rows}
    assert got == {
        "current": (2, D("150.00")),
        "1-30": (1, D("10.00")),
        "31-60": (1, D("20.00")),
        "61-90": (0, D("0.00")),
        "over 90": (1, D("40.00")),
    }
    assert sum(r["share"] for r in rows).quantize(D("0.0001")) == 1


def test_month_periods_cover_whole_months() -> None:
    assert [(e - s).days for s, e in month_periods(AS_OF, 3)] == [31, 28, 31]


@pytest.fixture
def three_months(ledger):
    """January 200,000 (paid 20 Feb), February 250,000 (50,000 paid 10 Mar), March 300,000."""
    with ledger.transaction() as s:
        c = f.customer(s, "ACME")
        f.invoice(s, c, "J-1", "200000.00", due=date(2026, 2, 14))  # issued 15 Jan
        f.invoice(s, c, "F-1", "250000.00", due=date(2026, 3, 12))  # issued 10 Feb
        f.invoice(s, c, "M-1", "300000.00", due=date(2026, 4, 4))  # issued 5 Mar
        post_payment(
            s,
            key=None,
            reference="P1",
            received_on=date(2026, 2, 20),
            amount="200000.00",
            customer="ACME",
            applications=[("J-1", "200000.00")],
        )
        post_payment(
            s,
            key=None,
            reference="P2",
            received_on=date(2026, 3, 10),
            amount="50000.00",
            customer="ACME",
            applications=[("F-1", "50000.00")],
        )
    return ledger


def test_report_from_the_ledger_by_hand(three_months) -> None:
    with three_months.session() as s:
        three = build_report(s, as_of=AS_OF, months=3).figures["receivables"]
        one = build_report(s, as_of=AS_OF, months=1).figures["receivables"]
    assert three["closing_ar"] == D("500000.00")
    assert [m["sales"] for m in three["months"]] == [D("300000"), D("250000"), D("200000")]
    assert three["dso_countback"] == D("53.4")
    assert three["dso_simple"] == D("60")
    assert [t["end"] for t in three["trend"]][-2:] == [date(2026, 2, 28), AS_OF]
    assert three["trend"][-1]["dso_countback"] == D("53.4")
    # March alone. Opening AR (28 Feb): F-1 250,000 (the 50,000 came in 10 Mar; J-1 was paid).
    # Closing current AR: M-1, due 4 Apr, 300,000. CEI = (250 + 300 - 500) / (250 + 300 - 300)
    # = 50 / 250 = 20 %.
    assert one["opening_ar"] == D("250000.00")
    assert one["closing_current_ar"] == D("300000.00")
    assert one["cei"] == D("20")
    # ADD = DSO simple (500/300 x 31 = 51.67) - best possible (300/300 x 31 = 31) = 20.67
    assert one["add"].quantize(D("0.01")) == D("20.67")


def test_trend_points_are_month_ends_from_a_30th(three_months) -> None:
    # From 30 November the points before it are 31 October, 30 September, 31 August...,
    # not the 30th of every month.
    with three_months.session() as s:
        report = build_report(s, as_of=date(2026, 11, 30), months=3).figures["receivables"]
    assert [t["end"] for t in report["trend"]] == [
        date(2026, 6, 30),
        date(2026, 7, 31),
        date(2026, 8, 31),
        date(2026, 9, 30),
        date(2026, 10, 31),
        date(2026, 11, 30),
    ]


def test_automation_and_override_rates(ledger) -> None:
    with ledger.transaction() as s:
        for n in range(4):
            s.add(InboundMessage(message_id=f"<m{n}>", triage={"findings": []}))
        s.add(InboundMessage(message_id="<untriaged>"))
        finding = {"findings": [{"intent": "dispute"}]}
        s.add(Approval(message_id="<m0>", status="edited", proposal=finding))
        s.add(Approval(message_id="<m1>", status="accepted", proposal=finding))
        s.add(Approval(message_id="<m2>", status="pending", proposal=finding))
        c = f.customer(s, "X")
        s.add(
            Promise(
                customer_id=c.id,
                amount=D("10.00"),
                promised_on=AS_OF,
                status="kept",
                paid_amount=D("10.00"),
            )
        )
    with ledger.session() as s:
        figs = build_report(s, as_of=AS_OF).figures
    assert figs["arbox"]["triaged"] == 4
    assert figs["arbox"]["automated"] == 1  # three of four asked a person
    assert figs["arbox"]["override"] == {
        "dispute": {"decided": 2, "overridden": 1, "rate": D("0.5")}
    }
    assert figs["promises"]["by_amount"] == 1


def test_arbox_report_json_and_text(three_months) -> None:
    import json

    from typer.testing import CliRunner

    from arbox.cli import app

    runner = CliRunner()
    args = ["report", "--db", three_months.url, "--date", "2026-03-31", "--months", "3"]
    out = runner.invoke(app, [*args, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["receivables"]["dso_countback"] == "53.4"
    assert data["receivables"]["closing_ar"] == "500000.00"
    assert "opening AR + credit sales - closing total AR" in data["definitions"]["cei"]
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    assert "DSO, countback (days)" in text.output and "53.4" in text.output


def test_arbox_report_without_a_ledger_is_one_line(tmp_path) -> None:
    from typer.testing import CliRunner

    from arbox.cli import app

    out = CliRunner().invoke(app, ["report", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert out.exit_code == 2
    assert "Traceback" not in out.output


def _at(day: int, hour: int = 9, month: int = 3):
    from datetime import UTC, datetime

    return datetime(2026, month, day, hour, tzinfo=UTC)


def test_reply_rates_by_hand() -> None:
    from arbox.tools.analytics import Reply, Sent, first_replies, reply_rates

    std = (("stage", "overdue_3"), ("tone", "neutral"), ("segment", "standard"))
    sent = [
        Sent(1, 1, _at(1), "<n1@x>", std),
        Sent(2, 1, _at(10), "<n2@x>", (("stage", "overdue_15"), *std[1:])),
        Sent(
            3,
            2,
            _at(2),
            "<n3@x>",
            (("stage", "overdue_3"), ("tone", "firm"), ("segment", "high_risk")),
        ),
    ]
    replies = [
        Reply(1, _at(1, 15)),  # no thread: customer 1's last notice, N1, 6 hours later
        Reply(1, _at(12), ("<n1@x>",)),  # names N1, which already had its first reply
        Reply(1, _at(11)),  # no thread: N2 (sent the 10th), 24 hours later
        Reply(2, _at(15, month=4)),  # 44 days after N3: outside the window
    ]
    firsts = first_replies(sent, replies)
    assert firsts == {1: _at(1, 15), 2: _at(11)}
    rates = reply_rates(sent, firsts)
    assert rates["sent"] == 3
    assert rates["stage"]["overdue_3"] == {
        "sent": 2,
        "answered": 1,
        "rate": D("0.5"),
        "median_hours": 6.0,
    }
    assert rates["stage"]["overdue_15"]["median_hours"] == 24.0
    # Standard: 6 and 24 hours, median 15; high risk: never answered.
    assert rates["segment"]["standard"]["median_hours"] == 15.0
    assert rates["segment"]["high_risk"] == {
        "sent": 1,
        "answered": 0,
        "rate": D("0"),
        "median_hours": None,
    }


def test_a_reply_answers_the_notice_it_threads_on() -> None:
    from arbox.tools.analytics import Reply, Sent, first_replies

    sent = [Sent(1, 1, _at(1), "<a@x>"), Sent(2, 1, _at(3), "<b@x>")]
    assert first_replies(sent, [Reply(1, _at(4), ("<a@x>",))]) == {1: _at(4)}
    assert first_replies(sent, [Reply(1, _at(4))]) == {2: _at(4)}


def test_dispute_cycle_and_send_time_figures_by_hand(ledger) -> None:
    from arbox.tools.models import AuditLog, Dispute, OutgoingNotice

    with ledger.transaction() as s:
        c = f.customer(s, "ACME")
        inv = f.invoice(s, c, "INV-1", "100.00")
        # 3.5 days and 1 day: mean and median 2.25; one still open since the 10th.
        s.add(
            Dispute(
                customer_id=c.id,
                invoice_id=inv.id,
                reason="pricing",
                status="resolved",
                opened_at=_at(1, 0),
                closed_at=_at(4, 12),
            )
        )
        s.add(
            Dispute(
                customer_id=c.id,
                invoice_id=inv.id,
                reason="pricing",
                status="rejected",
                opened_at=_at(2, 0),
                closed_at=_at(3, 0),
            )
        )
        s.add(Dispute(customer_id=c.id, invoice_id=inv.id, reason="quantity", opened_at=_at(10, 0)))
        # Three sent, one cancelled at send time: four reached sending. One sent notice
        # was trimmed at send time, one draft by a payment push: two trimmed.
        for n, status in enumerate(["sent", "sent", "sent", "cancelled", "draft"], 1):
            s.add(
                OutgoingNotice(
                    id=n, customer_id=c.id, to_email="a@acme.com", stage="overdue_3", status=status
                )
            )
        s.add(AuditLog(actor="arbox.dunning", action="notice.rerendered", target="notice:1"))
        s.add(AuditLog(actor="arbox.sync", action="notice.trimmed", target="notice:5"))
        s.add(AuditLog(actor="arbox.sync", action="notice.trimmed", target="notice:5"))
    with ledger.session() as s:
        figs = build_report(s, as_of=AS_OF).figures
    assert figs["disputes"]["closed"] == {"count": 2, "mean": 2.25, "median": 2.25}
    assert figs["disputes"]["open"] == 1 and figs["disputes"]["open_mean_age"] == 21
    ax = figs["arbox"]
    assert (ax["notices_reached_send"], ax["trimmed"], ax["cancelled"]) == (4, 2, 1)
    assert (ax["trimmed_rate"], ax["cancelled_rate"]) == (D("0.5"), D("0.25"))
