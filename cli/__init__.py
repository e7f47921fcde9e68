"""The `arbox` command line: all typer and rich code lives in this package.

One module per sub-app or group of commands; each command is thin: it asks the
composition root (`arbox.bootstrap.build`) for the app and calls a service.
Heavy libraries (langchain, langgraph, SQLAlchemy models) are imported inside
the commands, so `arbox --help` starts fast.
"""

from __future__ import annotations

import typer

from . import demo, evals, ledger, notices, report, triage, users, watch
from .common import DbOption, remember_db

app = typer.Typer(
    name="arbox",
    help="An open-source collections agent for the shared accounts-receivable inbox.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(ctx: typer.Context, db: DbOption = None) -> None:
    """An open-source collections agent for the shared accounts-receivable inbox."""
    remember_db(ctx, db)


app.command("import")(ledger.import_cmd)
app.command("export")(ledger.export_cmd)
app.command("demo")(demo.demo)
app.command("triage")(triage.triage)
app.command("actions")(triage.actions)
app.command("watch")(watch.watch)
app.command("worker")(watch.worker)
app.command("serve")(watch.serve)
app.command("report")(report.report)
app.add_typer(triage.approvals_app, name="approvals")
app.add_typer(notices.dunning_app, name="dunning")
app.add_typer(notices.notices_app, name="notices")
app.add_typer(evals.app, name="eval")
app.add_typer(users.app, name="users")


def main() -> None:
    app()


__all__ = ["app", "main"]
