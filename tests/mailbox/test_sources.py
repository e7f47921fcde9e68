"""File sources: .eml files and folders, mbox files, maildir folders."""

from __future__ import annotations

import mailbox as stdlib_mailbox  # importlib mode: the stdlib module, not our room
from collections.abc import Callable
from pathlib import Path

import pytest

from arbox.mailbox.errors import SourceError
from arbox.mailbox.parse import parse_email
from arbox.mailbox.sources import iter_emails, iter_paths


def ids(items: list[tuple[str, bytes]]) -> list[str]:
    return [parse_email(raw).message_id for _, raw in items]


def test_eml_files_and_folders(tmp_path: Path, make_message: Callable[..., bytes]) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.eml").write_bytes(make_message(2))
    (folder / "a.eml").write_bytes(make_message(1))
    (folder / "sub" / "c.eml").write_bytes(make_message(3))
    (folder / "notes.md").write_text("not mail")
    single = tmp_path / "one.eml"
    single.write_bytes(make_message(9))
    items = list(iter_paths([single, folder]))
    assert [label for label, _ in items] == ["one.eml", "a.eml", "b.eml", "c.eml"]
    assert ids(items) == [f"<msg-{i}@test.example>" for i in (9, 1, 2, 3)]


def test_mbox(tmp_path: Path, make_message: Callable[..., bytes]) -> None:
    path = tmp_path / "archive"  # no suffix: detected by its first "From " line
    box = stdlib_mailbox.mbox(path)
    for i in range(4):
        box.add(make_message(i, body="From here on we pay.\r\n"))
    box.close()
    items = list(iter_paths([path]))
    assert [label for label, _ in items] == [f"archive#{i}" for i in range(1, 5)]
    assert ids(items) == [f"<msg-{i}@test.example>" for i in range(4)]
    assert "From here on we pay." in parse_email(items[0][1]).reply_text


def test_maildir(tmp_path: Path, make_message: Callable[..., bytes]) -> None:
    box = stdlib_mailbox.Maildir(tmp_path / "Maildir", create=True)
    keys = [box.add(make_message(i)) for i in range(3)]
    box.close()
    items = list(iter_paths([tmp_path / "Maildir"]))
    assert sorted(label.split("#")[1] for label, _ in items) == sorted(keys)
    assert sorted(ids(items)) == sorted(f"<msg-{i}@test.example>" for i in range(3))


def test_missing_path_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        list(iter_paths([tmp_path / "nope.eml"]))


def test_iter_emails_reports_unparseable_and_goes_on(
    tmp_path: Path, make_message: Callable[..., bytes]
) -> None:
    (tmp_path / "a.eml").write_bytes(make_message(1))
    (tmp_path / "b.eml").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "c.eml").write_bytes(make_message(3))
    got = list(iter_emails([tmp_path]))
    assert [m.label for m in got] == ["a.eml", "b.eml", "c.eml"]
    assert got[1].email is None and got[1].error is not None and got[1].raw.startswith(b"\x00")
    assert [m.email.message_id for m in got if m.email] == [
        "<msg-1@test.example>",
        "<msg-3@test.example>",
    ]
