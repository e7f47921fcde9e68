"""What every command shares: the consoles, `--db`, dates, and the one error-to-exit rule.

Exit codes, the same for every command:

* 0: done.
* 1: the command ran and part of the work failed (rows refused, a regression,
  a peer that stayed away).
* 2: the user's input was wrong (a bad value, a missing file, no ledger at the
  URL, incomplete settings). One line on stderr says what, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

if TYPE_CHECKING:
    from ..tools.db import Ledger

EXIT_FAILED = 1
EXIT_INPUT = 2

console = Console()
if not console.is_terminal:
    # Piped output: wide enough for the triage table to stay readable.
    console = Console(width=140)
err = Console(stderr=True, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: ARBOX_DATABASE_URL).", show_default=False),
]
DateOption = Annotated[
    str | None, typer.Option("--date", help="The run's today, YYYY-MM-DD (default: today).")
]
ByOption = Annotated[str, typer.Option("--by", help="Who decides (kept in the audit log).")]


def counted(n: int, one: str, many: str | None = None) -> str:
    """``1 open item``, ``2 open items``: a count with its noun in the right number."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def user_error(exc: BaseException) -> str | None:
    """The one line to print when ``exc`` is the user's mistake; None for a bug."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    from ..agent.errors import AgentError
    from ..evals.errors import EvalError
    from ..mailbox.errors import MailboxError
    from ..tools.errors import LedgerError

    if isinstance(exc, OperationalError):
        return f"cannot use the database: {str(exc.orig).strip().splitlines()[0]}"
    if isinstance(exc, ArgumentError):
        return f"not a database URL: {exc}"
    if isinstance(
        exc, LedgerError | AgentError | MailboxError | EvalError | ValueError | OSError | KeyError
    ):
        text = str(exc).strip() or type(exc).__name__
        return text.splitlines()[0] if isinstance(exc, OSError) else text
    return None


def handle_errors(fn: F) -> F:
    """Turn a user's mistake into one line on stderr and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            line = user_error(exc)
            if line is None:
                raise
            err.print(f"[red]error:[/red] {escape(line)}", highlight=False)
            raise typer.Exit(EXIT_INPUT) from None

    return wrapper  # type: ignore[return-value]


def plain(*values: object) -> list[Text]:
    """Table cells printed as written: a customer's text is never read as rich markup."""
    return [Text(str(v)) for v in values]


def remember_db(ctx: typer.Context, db: str | None) -> None:
    """A group's ``--db``: kept for the sub-commands below it."""
    ctx.ensure_object(dict)
    if db:
        ctx.obj["db"] = db


def db_url(ctx: typer.Context | None, db: str | None) -> str:
    """The database URL: the command's ``--db``, a parent's, or the setting."""
    from ..settings import get_settings

    if db:
        return db
    inherited = (ctx.obj or {}).get("db") if ctx is not None else None
    return str(inherited or get_settings().database_url)


def open_ledger(ctx: typer.Context | None, db: str | None, *, create: bool = False) -> Ledger:
    """The ledger at ``--db`` or the setting; a command that reads one never makes an empty one."""
    from ..tools.db import Ledger

    return Ledger.open(db_url(ctx, db), create=create)


def parse_day(value: str | None) -> date:
    """`--date` values: ISO dates; none means today."""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--date {value!r} is not a date (YYYY-MM-DD)") from None
