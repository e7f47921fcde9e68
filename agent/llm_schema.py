"""What the LLM is asked for: derived from `findings.Finding`, never written twice.

`ModelFinding` is `Finding` without the fields arbox sets after the model has
answered (`findings.SET_BY_ARBOX`), with the evidence quote required.
`ModelTriage` is a list of them. `RESPONSE_SCHEMA` is their JSON schema made
lean for the model and for servers that turn schemas into grammars (llama.cpp,
vLLM): no titles or defaults, `X | None` as an optional `X`, money as a decimal
string pattern, dates as an ISO pattern, `reason` and `method` as enums, and
descriptions only where the prompt does not already say it.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, Field, create_model
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .findings import REASONS, SET_BY_ARBOX, Finding
from .toolbox import PaymentMethod

MONEY_PATTERN = r"^[0-9]{1,12}([.][0-9]{1,2})?$"
r"""An amount as the model must write it: digits, optional cents, no sign or separators.
(Character classes, not ``\d``: llama.cpp's grammar converter ignores a pattern with ``\d``.)"""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
REQUIRED = ("intent", "confidence", "evidence")
"""What every finding the model reports must carry."""
KEPT_DESCRIPTIONS: frozenset[str] = frozenset()
"""Fields whose description adds to the prompt (none: the system prompt says it all)."""


def _model_facing(field: FieldInfo, name: str) -> tuple[Any, FieldInfo]:
    info = copy.copy(field)
    if name in REQUIRED:
        info.default, info.default_factory = PydanticUndefined, None
    return info.annotation, info


ModelFinding: type[BaseModel] = create_model(
    "ModelFinding",
    __doc__=Finding.__doc__,
    **{  # type: ignore[call-overload]
        name: _model_facing(info, name)
        for name, info in Finding.model_fields.items()
        if name not in SET_BY_ARBOX
    },
)
"""One finding as the model writes it."""

ModelTriage: type[BaseModel] = create_model(
    "ModelTriage",
    __doc__="Every intent found in one customer reply.",
    findings=(list[ModelFinding], Field(description="One entry per intent present.")),  # type: ignore[valid-type]
)
"""The model's whole answer."""


def lean_schema() -> dict[str, Any]:
    """`ModelTriage`'s JSON schema, inlined and trimmed (see the module docstring)."""
    full = ModelTriage.model_json_schema()
    defs = full.pop("$defs", {})
    full.pop("description", None)
    return _trim(_inline(full, defs), path=())


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


_MONEY = {"type": "string", "pattern": MONEY_PATTERN}
_DATE = {"type": "string", "pattern": DATE_PATTERN}
_ENUMS = {
    "reason": {"type": "string", "enum": list(REASONS)},
    "method": {"type": "string", "enum": [m.value for m in PaymentMethod]},
}


def _trim(node: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    name = path[-1] if path else ""
    out = {k: v for k, v in node.items() if k not in ("title", "default")}
    variants = [v for v in out.pop("anyOf", []) if v.get("type") != "null"]
    if {v.get("type") for v in variants} == {"number", "string"}:  # pydantic's Decimal
        out.update(_MONEY)
    elif len(variants) == 1:
        out.update(variants[0])
    if out.pop("format", None) == "date":
        out.update(_DATE)
    out.update(_ENUMS.get(name, {}))
    if path and name not in KEPT_DESCRIPTIONS:
        out.pop("description", None)
    if "properties" in out:
        out["properties"] = {k: _trim(v, (*path, k)) for k, v in out["properties"].items()}
    if "items" in out:
        out["items"] = _trim(out["items"], path)
    return out


RESPONSE_SCHEMA: dict[str, Any] = lean_schema()
RESPONSE_FORMAT: dict[str, Any] = {
    "type": "json_schema",
    "json_schema": {"name": "triage", "schema": RESPONSE_SCHEMA, "strict": False},
}
"""The ``response_format`` of every triage request (identical across calls)."""
