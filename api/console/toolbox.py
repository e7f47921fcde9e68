"""The agent's toolbox as the edit form sees it: each action's declared arguments.

`declared_arguments()` is the one place the console reads the toolbox from
(`agent.toolbox.TOOLBOX`: each action's pydantic model of typed, documented
arguments). `actions_from_form` turns the posted form back into ``{name, args}``
actions, which `api.decisions.check_edit` and the graph check again against the
same declarations.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Union, get_args, get_origin

from ...agent.toolbox import TOOLBOX

FIRST = ("customer", "invoice", "invoices", "queue", "summary", "reason")
"""Arguments shown first, in this order; the rest follow alphabetically."""


@dataclass(frozen=True)
class Argument:
    name: str
    kind: str
    """text, list (comma-separated), int, date or choice."""
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()


def _kind(annotation: Any) -> tuple[str, tuple[str, ...]]:
    union = get_origin(annotation) in (Union, types.UnionType)
    options = [t for t in (get_args(annotation) if union else (annotation,)) if t is not type(None)]
    for t in options:
        if get_origin(t) is list:
            return "list", ()
        if isinstance(t, type) and issubclass(t, Enum):
            return "choice", tuple(str(m.value) for m in t)
        if t is date:
            return "date", ()
    return ("int", ()) if options == [int] else ("text", ())


def declared_arguments() -> dict[str, list[Argument]]:
    """Action name -> its arguments, in form order."""
    out = {}
    for name, tool in TOOLBOX.items():
        fields = tool.args.model_fields
        order = sorted(fields, key=lambda a: (FIRST.index(a) if a in FIRST else len(FIRST), a))
        args = []
        for a in order:
            kind, choices = _kind(fields[a].annotation)
            help_text = fields[a].description or ""
            args.append(Argument(a, kind, fields[a].is_required(), help_text, choices))
        out[str(name)] = args
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
