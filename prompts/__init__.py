"""Prompt and notice templates as data, versioned by content hash."""

from __future__ import annotations

import hashlib
from importlib import resources


def read(name: str) -> str:
    """The text of a prompt or template file shipped in this folder."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def content_hash(text: str) -> str:
    """A short, stable hash of a prompt's text, stored with every decision it made."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
