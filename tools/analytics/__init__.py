"""AR analytics: DSO, CEI, aging, promises, disputes, replies, and arbox's own figures.

`formulas` holds the pure functions (checked against worked examples by hand),
`replies` the reply attribution, `report` what reads the ledger: `build_report`.
"""

from .formulas import (
    BUCKETS,
    Settled,
    aging,
    cei,
    dso_countback,
    dso_simple,
    promise_rates,
    ratio,
    spread,
)
from .replies import REPLY_WINDOW_DAYS, Reply, Sent, first_replies, reply_rates
from .report import DEFINITIONS, LedgerView, Report, build_report, month_periods

__all__ = [
    "BUCKETS",
    "DEFINITIONS",
    "REPLY_WINDOW_DAYS",
    "LedgerView",
    "Reply",
    "Report",
    "Sent",
    "Settled",
    "aging",
    "build_report",
    "cei",
    "dso_countback",
    "dso_simple",
    "first_replies",
    "month_periods",
    "promise_rates",
    "ratio",
    "reply_rates",
    "spread",
]
