"""A stand-in for Slack's Web API on loopback, for slack_sdk's ``base_url``.

Answers chat.postMessage, chat.update, chat.postEphemeral and views.open like
Slack does (``{"ok": true, ...}``), records every request, and can be told to
fail: ``stub.fail("chat.postMessage", 500, 500)`` fails the next two calls of
that method; ``stub.down = True`` fails every call with 503.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Call:
    method: str
    data: dict[str, Any]
    headers: dict[str, str]


class SlackStub:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.down = False
        self._failures: dict[str, list[int]] = {}
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                stub._handle(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/"

    def start(self) -> SlackStub:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail(self, method: str, *statuses: int) -> None:
        with self._lock:
            self._failures.setdefault(method, []).extend(statuses)

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        method = req.path.rsplit("/", 1)[-1]
        length = int(req.headers.get("Content-Length") or 0)
        raw = req.rfile.read(length).decode()
        if "json" in (req.headers.get("Content-Type") or ""):
            data = json.loads(raw or "{}")
        else:
            data = {k: v[0] for k, v in parse_qs(raw).items()}
        with self._lock:
            self.calls.append(Call(method, data, dict(req.headers)))
            queued = self._failures.get(method) or []
            status = 503 if self.down else (queued.pop(0) if queued else 200)
        if status != 200:
            body: dict[str, Any] = {"ok": False, "error": "internal_error"}
        elif not (req.headers.get("Authorization") or "").startswith("Bearer xoxb-"):
            body = {"ok": False, "error": "not_authed"}
        else:
            body = self._answer(method, data)
        payload = json.dumps(body).encode()
        req.send_response(status)
        req.send_header("Content-Type", "application/json; charset=utf-8")
        req.send_header("Content-Length", str(len(payload)))
        req.end_headers()
        req.wfile.write(payload)

    def _answer(self, method: str, data: dict[str, Any]) -> dict[str, Any]:
        if method == "chat.postMessage":
            ts = f"1700000000.{next(self._ts):06d}"
            return {"ok": True, "channel": "C0ARBOX", "ts": ts, "message": {"ts": ts}}
        if method == "chat.update":
            return {"ok": True, "channel": data.get("channel"), "ts": data.get("ts")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": "1700000000.999999"}
        if method == "views.open":
            return {"ok": True, "view": {"id": "V0EDIT", **(data.get("view") or {})}}
        return {"ok": False, "error": "unknown_method"}
