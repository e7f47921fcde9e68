"""Errors raised by the ledger.

LedgerError                 anything the ledger refuses; nothing was written
├── NotFound                a referenced row does not exist
│   ├── UnknownCustomer
│   ├── UnknownInvoice
│   └── UnknownRecord       a dispute, promise, task, pause... by id
├── InvoiceCustomerMismatch an invoice that belongs to another customer
├── InvalidAmount           negative, zero where not allowed, float, too precise
├── InvalidValue            a reason, queue, segment, status or date out of range
├── InvalidTransition       e.g. resolving a dispute that is already resolved
├── IdempotencyConflict     a key reused for a different action or target
└── NoLedger                a database that holds no ledger (and was not to be created)

ImportRowError              one bad CSV row (reported with its line; the rest is kept)
ImportFileError             a CSV file that cannot be imported at all (empty, header
                            without a required column, unreadable); nothing was written
"""

from __future__ import annotations


class LedgerError(Exception):
    """The ledger refused an action; nothing was written."""


class NotFound(LedgerError):
    """A referenced row does not exist."""


class UnknownCustomer(NotFound):
    pass


class UnknownInvoice(NotFound):
    pass


class UnknownRecord(NotFound):
    pass


class InvoiceCustomerMismatch(LedgerError):
    """The invoice exists but belongs to another customer."""


class InvalidAmount(LedgerError):
    pass


class InvalidValue(LedgerError):
    pass


class InvalidTransition(LedgerError):
    pass


class IdempotencyConflict(LedgerError):
    """The idempotency key was already used for a different action or target."""


class NoLedger(LedgerError):
    """The database holds no ledger, and the caller asked not to create one."""


class ImportRowError(ValueError):
    """One CSV row could not be imported."""


class ImportFileError(ValueError):
    """A CSV file that cannot be imported at all; nothing was written."""
