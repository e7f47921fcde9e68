"""The agent's toolbox as the edit form sees it: each action's declared arguments.

`declared_arguments()` is the one place the console reads the toolbox from
(today `agent.act.ALLOWED_ARGS`); when the toolbox gains a richer declaration,
repoint this function and the form follows. `actions_from_form` turns the
posted form back into ``{name, args}`` actions, which `api.decisions.check_edit`
and the graph check again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...agent.act import ALLOWED_ARGS, DATE_ARGS

LIST_ARGS = frozenset({"invoices"})
INT_ARGS = frozenset({"tolerance_days"})
FIRST = ("customer", "invoice", "invoices", "queue", "summary", "reason")
"""Arguments shown first, in this order; the rest follow alphabetically."""


@dataclass(frozen=True)
class Argument:
    name: str
    kind: str
    """text, list (comma-separated), int or date."""


def _kind(name: str) -> str:
    if name in LIST_ARGS:
        return "list"
    if name in INT_ARGS:
        return "int"
    return "date" if name in DATE_ARGS else "text"


def declared_arguments() -> dict[str, list[Argument]]:
    """Action name -> its arguments, in form order."""
    out = {}
    for name, args in ALLOWED_ARGS.items():
        order = sorted(args, key=lambda a: (FIRST.index(a) if a in FIRST else len(FIRST), a))
        out[str(name)] = [Argument(a, _kind(a)) for a in order]
    return out


def shown(value: Any) -> str:
    """An argument's value as the form's text field shows it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def actions_from_form(form: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Rows ``a<N>.keep``, ``a<N>.name`` and ``a<N>.<arg>`` -> the kept actions, in order.

    An empty field leaves the argument out; a list is split on commas; an int must parse.
    """
    declared = declared_arguments()
    rows = sorted({int(k[1:].split(".", 1)[0]) for k in form if k.startswith("a") and "." in k})
    actions = []
    for n in rows:
        if form.get(f"a{n}.keep") != "on":
            continue
        name = str(form.get(f"a{n}.name") or "")
        if name not in declared:
            raise ValueError(f"unknown action {name!r}")
        args: dict[str, Any] = {}
        for arg in declared[name]:
            raw = str(form.get(f"a{n}.{arg.name}") or "").strip()
            if not raw:
                continue
            if arg.kind == "list":
                args[arg.name] = [v.strip() for v in raw.split(",") if v.strip()]
            elif arg.kind == "int":
                try:
                    args[arg.name] = int(raw)
                except ValueError:
                    raise ValueError(f"{name}.{arg.name}: {raw!r} is not a whole number") from None
            else:
                args[arg.name] = raw
        actions.append({"name": name, "args": args})
    return actions
