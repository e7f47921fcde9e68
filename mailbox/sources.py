"""File sources for `arbox triage PATH...`: .eml files, folders of them, mbox files, maildirs.

Each message comes out as ``(label, raw bytes)``; the label says where it came
from (``reply.eml``, ``box.mbox#3``, ``Maildir#1700000000.M1P2.host``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import MailParseError, SourceError
from .models import InboundEmail
from .parse import parse_email

# The standard library's `mailbox`, by name: we are `arbox.mailbox`, and type
# checkers run from the repository root would otherwise resolve our folder.
stdlib_mailbox = importlib.import_module("mailbox")

_FROM_ESCAPE = re.compile(rb"^>(>*From )", re.MULTILINE)
MBOX_SUFFIXES = (".mbox", ".mbx")


def is_maildir(path: Path) -> bool:
    return path.is_dir() and all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def is_mbox(path: Path) -> bool:
    """An mbox file: named .mbox, or a file whose first line is an mbox ``From `` line."""
    if path.suffix.lower() in MBOX_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


def iter_mbox(path: Path) -> Iterator[tuple[str, bytes]]:
    box = stdlib_mailbox.mbox(path, create=False)
    try:
        for index, key in enumerate(box.iterkeys(), start=1):
            # mbox writers escape body lines starting "From " as ">From "; undo one level
            # (mboxrd) so such a line is not mistaken for quoted history.
            yield f"{path.name}#{index}", _FROM_ESCAPE.sub(rb"\1", box.get_bytes(key))
    finally:
        box.close()


def iter_maildir(path: Path) -> Iterator[tuple[str, bytes]]:
    box = stdlib_mailbox.Maildir(path, factory=None, create=False)
    # Sorted keys: unique names start with the delivery time, so this is arrival order.
    for key in sorted(box.iterkeys()):
        try:
            yield f"{path.name}#{key}", box.get_bytes(key)
        except (KeyError, FileNotFoundError):
            continue  # moved or deleted by another client while we read


def _iter_dir(path: Path) -> Iterator[tuple[str, bytes]]:
    for child in sorted(path.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from (iter_maildir(child) if is_maildir(child) else _iter_dir(child))
        elif child.suffix.lower() in MBOX_SUFFIXES:
            yield from iter_mbox(child)
        elif child.suffix.lower() == ".eml":
            yield child.name, child.read_bytes()


def iter_path(path: Path | str) -> Iterator[tuple[str, bytes]]:
    """Messages under one path; raises `SourceError` for a missing or unreadable one."""
    path = Path(path)
    try:
        if not path.exists():
            raise SourceError(f"{path}: no such file or folder")
        if is_maildir(path):
            yield from iter_maildir(path)
        elif path.is_dir():
            yield from _iter_dir(path)
        elif is_mbox(path):
            yield from iter_mbox(path)
        else:
            yield path.name, path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: {exc.strerror or exc}") from exc


def iter_paths(paths: Iterable[Path | str]) -> Iterator[tuple[str, bytes]]:
    """Messages under each path in turn (.eml, folders of .eml, mbox, maildir)."""
    for path in paths:
        yield from iter_path(path)


@dataclass
class SourceMessage:
    """One message read from a file source, parsed, or with the reason it could not be."""

    label: str
    raw: bytes
    email: InboundEmail | None
    error: MailParseError | None


def iter_emails(paths: Iterable[Path | str]) -> Iterator[SourceMessage]:
    """`iter_paths`, parsed: an unparseable message comes with its error, never stops the run."""
    for label, raw in iter_paths(paths):
        try:
            yield SourceMessage(label, raw, parse_email(raw), None)
        except MailParseError as exc:
            yield SourceMessage(label, raw, None, exc)
