"""The local OpenAI-compatible chat-completions server for tests and benchmarks.

It listens on loopback only, records every request body and its headers, and
answers from a script: each entry is a structured-output object (sent back as
the message's JSON text), a raw text (e.g. malformed JSON), or an HTTP error
status (429, 500, ...). When the script runs out, ``default`` answers (a
callable from the request body to an entry; `by_keyword` builds one).

    with StubLLMServer() as stub:
        stub.script = [Status(429), Answer({"findings": []})]
        ChatOpenAI(base_url=stub.base_url, api_key="sk-test", model="stub", ...)

Every response carries an ``openai-organization`` header, so record/replay tests
can check that no response secret reaches a cassette.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    """A well-formed reply whose message content is ``json.dumps(payload)``."""

    payload: Any


@dataclass(frozen=True)
class Text:
    """A reply whose message content is this text verbatim (use it for malformed JSON)."""

    content: str


@dataclass(frozen=True)
class Status:
    """An HTTP error response with this status code."""

    code: int
    message: str = "stub error"


@dataclass(frozen=True)
class Hang:
    """No answer for ``seconds`` (a hanging endpoint), then a 504."""

    seconds: float


Entry = Answer | Text | Status | Hang
ORGANIZATION = "org-secret-stub"
"""Sent in every response's ``openai-organization`` header."""


def by_keyword(answers: dict[str, Any]) -> Callable[[dict[str, Any]], Entry]:
    """A ``default`` answering the first payload whose keyword occurs in the last message
    (case-insensitive), else no findings."""

    def answer(body: dict[str, Any]) -> Entry:
        text = str(body["messages"][-1]["content"]).lower()
        return Answer(next((a for k, a in answers.items() if k in text), {"findings": []}))

    return answer


@dataclass
class StubLLMServer:
    """A threaded HTTP server that speaks enough of ``POST /v1/chat/completions``."""

    default: Callable[[dict[str, Any]], Entry] = field(
        default=lambda body: Answer({"findings": []})
    )
    script: list[Entry] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    """The headers of every request, in order."""
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> StubLLMServer:
        self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def next_entry(self, body: dict[str, Any], headers: dict[str, str]) -> Entry:
        with self._lock:
            self.requests.append(body)
            self.headers.append(headers)
            if self.script:
                return self.script.pop(0)
        return self.default(body)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up on a `Hang` is expected, not a failure


def completion(content: str, body: dict[str, Any]) -> dict[str, Any]:
    """An OpenAI chat.completion object; tokens are estimated at 4 characters each, counting
    the messages and the JSON schema of ``response_format`` (servers bill both)."""
    prompt_chars = sum(len(str(m.get("content", ""))) for m in body.get("messages", []))
    if "response_format" in body:
        prompt_chars += len(json.dumps(body["response_format"]))
    prompt_tokens = max(1, prompt_chars // 4)
    completion_tokens = max(1, len(content) // 4)
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "stub"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _handler_for(stub: StubLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if not self.path.endswith("/chat/completions"):
                self._send(404, {"error": {"message": f"no route {self.path}"}})
                return
            entry = stub.next_entry(body, dict(self.headers))
            if isinstance(entry, Hang):
                time.sleep(entry.seconds)
                entry = Status(504, "hung")
            if isinstance(entry, Status):
                err = {"error": {"message": entry.message, "type": "stub", "code": entry.code}}
                self._send(entry.code, err)
            elif isinstance(entry, Text):
                self._send(200, completion(entry.content, body))
            else:
                self._send(200, completion(json.dumps(entry.payload), body))

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("openai-organization", ORGANIZATION)
            if status == 429:
                self.send_header("Retry-After", "0")
            self.end_headers()
            self.wfile.write(data)

    return Handler
