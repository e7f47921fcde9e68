"""`arbox users`: the analysts who sign in to the console with their own password."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .common import DbOption, console, handle_errors, open_ledger

app = typer.Typer(help="Console users (each signs in with their own password).")


@app.command("add")
@handle_errors
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The name the audit log will show")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add a console user, or reset their password. The first user ends token sign-in."""
    from ..tools.users import set_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    ledger = open_ledger(ctx, db)
    try:
        with ledger.transaction() as session:
            user = set_user(session, name, password, actor="cli")
            shown = user.name
    finally:
        ledger.dispose()
    console.print(f"console user {shown!r} can sign in", highlight=False)


@app.command("disable")
@handle_errors
def disable(ctx: typer.Context, name: str, db: DbOption = None) -> None:
    """Stop a user signing in (their open session ends too)."""
    from ..tools.users import disable_user

    ledger = open_ledger(ctx, db)
    try:
        with ledger.transaction() as session:
            disable_user(session, name, actor="cli")
    finally:
        ledger.dispose()
    console.print(f"console user {name!r} disabled", highlight=False)


@app.command("list")
@handle_errors
def list_cmd(ctx: typer.Context, db: DbOption = None) -> None:
    """The console users and whether they may sign in."""
    from ..tools.users import list_users

    ledger = open_ledger(ctx, db)
    try:
        with ledger.session() as session:
            rows = [(u.name, u.active, u.created_at) for u in list_users(session)]
    finally:
        ledger.dispose()
    if not rows:
        console.print("no console users: ARBOX_API_TOKEN signs in (with any name)")
    for name, active, created in rows:
        state = "active" if active else "disabled"
        console.print(f"{name}\t{state}\tsince {created:%Y-%m-%d}", highlight=False)
