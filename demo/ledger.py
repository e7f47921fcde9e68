"""A seeded, realistic demo ledger: 40 customers, a few hundred invoices, payments, suspense,
and a few notices sent before today (`demo.history`).

Deterministic for a given seed and date, so the demo inbox can name real
invoice numbers and amounts.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from ..tools.db import Ledger
from ..tools.models import Contact, Customer, Invoice, Payment, PaymentApplication, pk
from .data import CUSTOMERS, PROJECTS
from .history import add_history
from .inbox import REPLIES

CENTS = Decimal("0.01")


def _address(name: str, domain: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    first, last = plain.split()[0], plain.split()[-1]
    return f"{first}.{last}@{domain}"


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    invoices: int
    open_invoices: int
    open_balance: Decimal
    overdue_balance: Decimal
    payments: int
    suspense: Decimal


def build_demo_ledger(ledger: Ledger, *, today: date, seed: int = 7) -> DemoSummary:
    """Fill an empty ledger with the demo company's books as of ``today``."""
    rng = random.Random(seed)
    number = 10400
    with ledger.transaction() as s:
        if s.exec(select(Customer)).first() is not None:
            raise ValueError("the demo ledger must be built in an empty database")
        for ext, name, domain, segment, terms, billing, buyer in CUSTOMERS:
            cust = Customer(
                external_id=ext,
                name=name,
                segment=segment,
                terms_days=terms,
                currency="EUR" if domain.endswith((".de", ".fr", ".es")) else "USD",
                domain=domain,
                language={".de": "de", ".fr": "fr", ".es": "es"}.get(domain[-3:]),
            )
            s.add(cust)
            s.flush()
            s.add(
                Contact(
                    customer_id=pk(cust),
                    name=billing,
                    email=_address(billing, domain),
                    role="billing",
                    is_primary=True,
                )
            )
            s.add(
                Contact(
                    customer_id=pk(cust), name=buyer, email=_address(buyer, domain), role="buyer"
                )
            )
            uses_po = rng.random() < 0.6
            for _ in range(rng.randint(4, 11)):
                number += 1
                issued = today - timedelta(days=rng.randint(5, 120))
                amount = (Decimal(rng.randint(18_000, 2_500_000)) * CENTS).quantize(CENTS)
                inv = Invoice(
                    number=f"INV-{number}",
                    customer_id=pk(cust),
                    po=f"PO-{rng.randint(4000, 9999)}" if uses_po else None,
                    project=rng.choice(PROJECTS) if rng.random() < 0.3 else None,
                    issue_date=issued,
                    due_date=issued + timedelta(days=terms),
                    amount=amount,
                    balance=amount,
                    currency=cust.currency,
                )
                s.add(inv)
                s.flush()
                roll = rng.random()
                if roll < 0.35:
                    _pay(s, inv, amount, rng, f"PMT-{number}")
                elif roll < 0.42:
                    part = (amount * Decimal(rng.choice([25, 40, 50])) / 100).quantize(CENTS)
                    _pay(s, inv, part, rng, f"PMT-{number}")
        # Notices sent before today: one customer ignored two, one bounced yesterday.
        add_history(s, today=today, besides={r.customer for r in REPLIES if r.customer})
        # One payment nobody could apply: it sits in suspense until someone claims it.
        target = s.exec(select(Invoice).where(Invoice.number == "INV-10403")).one()
        s.add(
            Payment(
                reference="ACH-77120",
                received_on=today - timedelta(days=2),
                amount=target.balance,
                unapplied=target.balance,
                payer_name="ACME BUILD CO",
                method="ach",
                memo="ACH CREDIT 77120",
            )
        )
    return summarize(ledger, today=today)


def _pay(s: Session, inv: Invoice, amount: Decimal, rng: random.Random, ref: str) -> None:
    pay = Payment(
        reference=ref,
        received_on=inv.due_date + timedelta(days=rng.randint(-5, 20)),
        amount=amount,
        applied=amount,
        unapplied=Decimal("0.00"),
        customer_id=inv.customer_id,
        method=rng.choice(["ach", "wire", "check"]),
    )
    s.add(pay)
    s.flush()
    s.add(PaymentApplication(payment_id=pk(pay), invoice_id=pk(inv), amount=amount))
    inv.balance -= amount
    s.add(inv)


def summarize(ledger: Ledger, *, today: date) -> DemoSummary:
    """Counts and totals of a ledger (any ledger, not only the demo's)."""
    zero = Decimal("0.00")
    with ledger.session() as s:
        open_rows = s.exec(
            select(col(Invoice.balance), col(Invoice.due_date)).where(Invoice.balance > 0)
        ).all()
        return DemoSummary(
            customers=s.exec(select(func.count()).select_from(Customer)).one(),
            invoices=s.exec(select(func.count()).select_from(Invoice)).one(),
            open_invoices=len(open_rows),
            open_balance=sum((b for b, _ in open_rows), zero),
            overdue_balance=sum((b for b, d in open_rows if d < today), zero),
            payments=s.exec(select(func.count()).select_from(Payment)).one(),
            suspense=sum(
                s.exec(select(col(Payment.unapplied)).where(Payment.unapplied > 0)).all(), zero
            ),
        )
