"""The ledger: tables, sessions, CSV import and the audited actions the agent may take."""

from .audit import ActionResult
from .db import Ledger, init_db, make_engine
from .errors import LedgerError

__all__ = ["ActionResult", "Ledger", "LedgerError", "init_db", "make_engine"]
