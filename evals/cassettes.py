"""Recorded LLM runs: one vcrpy cassette per (prompt hash, model, case id).

`--record` sends each case's LLM traffic to the real endpoint and writes it to
``evals/cassettes/<prompt_hash>/<model>/<case_id>.yaml``; `--replay` serves it back with the
network closed (vcrpy record mode ``none``), so a team records once and CI replays for
free. A case with no cassette, or a request its cassette does not hold, stops the run with
`CassetteMissing` rather than scoring a silent failure.

Secrets never reach a cassette: credentials headers are dropped from requests and
responses, and any header value carrying the API key is blanked as well.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import vcr

from .errors import CassetteMissing

DEFAULT_DIR = Path(__file__).resolve().parent / "cassettes"

SECRET_HEADERS = (
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
    "proxy-authorization",
)
"""Headers removed from every recorded request and response (matched case-insensitively)."""

Mode = Literal["record", "replay"]


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_") or "default"


def cassette_path(root: str | Path, prompt_hash: str, model: str, case_id: str) -> Path:
    """Where one case's exchange is kept."""
    return Path(root) / _slug(prompt_hash) / _slug(model) / f"{_slug(case_id)}.yaml"


def _secret_values() -> list[str]:
    return [
        v
        for v in (os.environ.get("OPENAI_API_KEY"), os.environ.get("AZURE_OPENAI_API_KEY"))
        if v and len(v) >= 8
    ]


def _scrub_request(request: Any) -> Any:
    secrets = _secret_values()
    for name in list(request.headers):
        value = str(request.headers[name])
        if name.lower() in SECRET_HEADERS or any(s in value for s in secrets):
            del request.headers[name]
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


class CassetteStore:
    """Opens the right cassette around each case of a run."""

    def __init__(self, root: str | Path, *, prompt_hash: str, model: str, mode: Mode) -> None:
        self.root = Path(root)
        self.prompt_hash = prompt_hash
        self.model = model
        self.mode = mode
        self._vcr = vcr.VCR(
            record_mode="all" if mode == "record" else "none",
            # The cassette is already chosen by prompt, model and case: match loosely so a
            # replay works whatever base URL the recording used.
            match_on=("method", "path"),
            filter_headers=list(SECRET_HEADERS),
            filter_query_parameters=["api-key", "key"],
            before_record_request=_scrub_request,
            before_record_response=_scrub_response,
            decode_compressed_response=True,
        )

    def path_for(self, case_id: str) -> Path:
        return cassette_path(self.root, self.prompt_hash, self.model, case_id)

    @contextmanager
    def around(self, case: Any) -> Iterator[None]:
        """Record or replay the LLM traffic of one case."""
        path = self.path_for(case.id)
        if self.mode == "replay" and not path.exists():
            raise CassetteMissing(
                f"no recorded LLM exchange for case {case.id} ({path}); record it first "
                "with `arbox eval triage --record` against a real endpoint"
            )
        if self.mode == "record" and path.exists():
            path.unlink()  # a re-record replaces the exchange rather than appending to it
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._vcr.use_cassette(str(path), allow_playback_repeats=False) as cassette:
            misses = _watch_misses(cassette)
            yield
        if self.mode == "record" and not path.exists():
            # No LLM call for this case (e.g. an auto-reply caught from headers): keep an
            # empty cassette so a replay knows that is what happened.
            path.write_text("interactions: []\nversion: 1\n", encoding="utf-8")
        if self.mode == "replay" and misses:
            raise CassetteMissing(
                f"case {case.id}: {path} holds no answer for {misses[0]} (the prompt, model "
                "or request changed?); re-record with --record"
            )


def _watch_misses(cassette: Any) -> list[str]:
    """Note every request the cassette could not answer (the classifier may swallow
    vcrpy's own error into a retry or a case error, so it is caught here instead)."""
    misses: list[str] = []
    can_play = cassette.can_play_response_for

    def checked(request: Any) -> bool:
        ok = bool(can_play(request))
        if not ok:
            misses.append(f"{request.method} {request.path}")
        return ok

    cassette.can_play_response_for = checked
    return misses
