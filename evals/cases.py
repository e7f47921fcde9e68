"""Triage cases: load a JSONL dataset (CONTRACTS.md section 2), validate it, make `Reply`s.

Every problem is reported with the file and line, and all problems of a file are reported
at once, so a dataset author fixes them in one pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from arbox.agent.classifier import Reply
from arbox.agent.findings import INTENTS, Fields

from .errors import DatasetError

_ENVELOPE = ("from", "subject", "date", "body", "headers")
_KNOWN_KEYS = {"id", "labels", "fields", "eml", "note", *_ENVELOPE}


class MailReader(Protocol):
    """How the product reads mail (the mailbox room's parser and reply splitter).

    Passed in by the caller (`arbox.bootstrap.mail_reader()`), so evals cut a case
    exactly as the product cuts real mail without importing the mailbox room.
    """

    def parse(self, raw: bytes) -> Any:
        """Raw RFC 5322 bytes to a parsed email (`InboundEmail`)."""
        ...

    def split(self, body: str) -> tuple[str, str, str]:
        """A plain body to (new text, quoted history, signature)."""
        ...


@dataclass(frozen=True)
class TriageCase:
    """One labelled reply."""

    id: str
    labels: tuple[str, ...]
    """Gold intents, in the order the author wrote them."""
    fields: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Gold fields per intent, as written in the dataset (money and dates as strings)."""
    sender: str = ""
    subject: str = ""
    date: datetime | None = None
    body: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    eml: str | None = None
    """The whole raw RFC 5322 message, when the case gives one instead of a body."""
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The JSON object as read, for hashing and reports."""


def _check(obj: Any, seen: set[str]) -> list[str]:
    """Every problem of one decoded line, as short phrases."""
    if not isinstance(obj, dict):
        return ["a case must be a JSON object"]
    problems: list[str] = []
    unknown = sorted(set(obj) - _KNOWN_KEYS)
    if unknown:
        problems.append(f"unknown keys {unknown}")
    case_id = obj.get("id")
    if not isinstance(case_id, str) or not case_id:
        problems.append("`id` must be a non-empty string")
    elif case_id in seen:
        problems.append(f"duplicate id {case_id!r}")
    labels = obj.get("labels")
    if not isinstance(labels, list) or not labels:
        problems.append("`labels` must be a non-empty list")
        labels = []
    for label in labels:
        if label not in INTENTS:
            problems.append(f"unknown intent {label!r}")
    if len(set(map(str, labels))) != len(labels):
        problems.append("`labels` repeats an intent")
    if "eml" in obj:
        if not isinstance(obj["eml"], str) or not obj["eml"].strip():
            problems.append("`eml` must be a non-empty string")
        if "body" in obj:
            problems.append("give `eml` or `body`, not both")
    elif not isinstance(obj.get("body"), str):
        problems.append("a case needs `body` (a string) or `eml`")
    if "date" in obj:
        try:
            datetime.fromisoformat(str(obj["date"]))
        except ValueError:
            problems.append(f"`date` {obj['date']!r} is not ISO 8601")
    headers = obj.get("headers", {})
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        problems.append("`headers` must map strings to strings")
    problems.extend(_check_fields(obj.get("fields", {}), labels))
    return problems


def _check_fields(fields: Any, labels: list[Any]) -> list[str]:
    if not isinstance(fields, dict):
        return ["`fields` must be an object keyed by intent"]
    problems = []
    for intent, values in fields.items():
        if intent not in labels:
            problems.append(f"`fields` has {intent!r}, which is not among the labels")
        try:
            Fields.model_validate(values)
        except ValidationError as exc:
            errors = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            problems.append(f"`fields.{intent}` is not valid ({errors})")
    return problems


def parse_case(obj: dict[str, Any]) -> TriageCase:
    """Build a case from an already validated JSON object."""
    date = obj.get("date")
    return TriageCase(
        id=obj["id"],
        labels=tuple(obj["labels"]),
        fields=obj.get("fields", {}),
        sender=obj.get("from", ""),
        subject=obj.get("subject", ""),
        date=datetime.fromisoformat(date) if date else None,
        body=obj.get("body", ""),
        headers=obj.get("headers", {}),
        eml=obj.get("eml"),
        raw=obj,
    )


def load_cases(path: str | Path) -> list[TriageCase]:
    """Read and validate a triage dataset; raise `DatasetError` naming every bad line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DatasetError(f"{path}: can not read the dataset ({exc.strerror})") from exc
    cases: list[TriageCase] = []
    seen: set[str] = set()
    errors: list[str] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{lineno}: not JSON ({exc.msg})")
            continue
        problems = _check(obj, seen)
        if problems:
            errors.extend(f"{path}:{lineno}: {p}" for p in problems)
            continue
        seen.add(obj["id"])
        cases.append(parse_case(obj))
    if errors:
        shown = errors[:20]
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise DatasetError("invalid dataset:\n" + "\n".join(shown) + more)
    if not cases:
        raise DatasetError(f"{path}: the dataset has no cases")
    return cases


def dataset_files(spec: str | Path | Sequence[str | Path]) -> list[Path]:
    """The files a dataset option names: a path, a glob (``datasets/triage*.jsonl``) or
    several of them; in the given order, each once."""
    specs = [spec] if isinstance(spec, str | Path) else list(spec)
    files: list[Path] = []
    for item in specs:
        text = str(item)
        if any(ch in text for ch in "*?["):
            base = Path(text).parent
            matched = sorted(base.glob(Path(text).name))
            if not matched:
                raise DatasetError(f"{text}: no file matches")
            files.extend(matched)
        else:
            files.append(Path(text))
    return list(dict.fromkeys(files))


def load_dataset(spec: str | Path | Sequence[str | Path]) -> list[TriageCase]:
    """Every case of every file ``spec`` names (see `dataset_files`); ids unique across files."""
    cases: list[TriageCase] = []
    seen: dict[str, Path] = {}
    for path in dataset_files(spec):
        for case in load_cases(path):
            if case.id in seen:
                raise DatasetError(f"{path}: id {case.id!r} is also in {seen[case.id]}")
            seen[case.id] = path
            cases.append(case)
    return cases


def case_to_reply(case: TriageCase, mail: MailReader) -> Reply:
    """The `Reply` a classifier sees for a case, cut the way the product cuts real mail."""
    if case.eml is not None:
        return _email_to_reply(mail.parse(case.eml.encode("utf-8")))
    reply_text, quoted, signature = mail.split(case.body)
    return Reply(
        text=reply_text,
        subject=case.subject,
        sender=case.sender,
        sent_at=case.date,
        headers=dict(case.headers),
        quoted="\n".join(part for part in (quoted, signature) if part),
    )


def _email_to_reply(msg: Any) -> Reply:
    """Map the mailbox room's `InboundEmail` onto a `Reply` (read by name, not by type)."""
    name = getattr(msg, "from_name", "") or ""
    addr = getattr(msg, "from_addr", "") or ""
    sender = f"{name} <{addr}>" if name and addr else addr or name
    quoted = getattr(msg, "quoted_text", "") or ""
    signature = getattr(msg, "signature", "") or ""
    return Reply(
        text=getattr(msg, "reply_text", "") or "",
        subject=getattr(msg, "subject", "") or "",
        sender=sender,
        sent_at=getattr(msg, "date", None),
        headers=dict(getattr(msg, "headers", {}) or {}),
        quoted="\n".join(part for part in (quoted, signature) if part),
    )
