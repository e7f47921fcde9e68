"""A tiny OpenAI-compatible chat-completions server on loopback, for record/replay tests.

It answers every ``POST /v1/chat/completions`` with a fixed structured JSON answer chosen
by a keyword of the last user message, and keeps the headers it received.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ANSWERS = {
    "paid": {
        "findings": [
            {
                "intent": "payment_sent",
                "confidence": 0.9,
                "evidence": "paid",
                "fields": {"amount": "120.50"},
            }
        ]
    },
    "price": {
        "findings": [
            {
                "intent": "dispute",
                "confidence": 0.8,
                "evidence": "price",
                "fields": {"reason": "pricing"},
            }
        ]
    },
    "thanks": {"findings": [{"intent": "other", "confidence": 0.7, "evidence": "Thanks"}]},
}


class _Handler(BaseHTTPRequestHandler):
    server: OpenAIStub  # type: ignore[assignment]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        self.server.seen_headers.append(dict(self.headers))
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        text = str(body["messages"][-1]["content"]).lower()
        answer = next((a for k, a in ANSWERS.items() if k in text), {"findings": []})
        payload = {
            "id": "chatcmpl-stub",
            "object": "chat.completion",
            "created": 1767225600,
            "model": body.get("model", "stub"),
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": json.dumps(answer)},
                }
            ],
            "usage": {
                "prompt_tokens": 50 + len(text),
                "completion_tokens": 12,
                "total_tokens": 62 + len(text),
            },
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("openai-organization", "org-secret-stub")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass


class OpenAIStub(ThreadingHTTPServer):
    """Start with `start()`, stop with `stop()`; `base_url` is what ChatOpenAI needs."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen_headers: list[dict[str, str]] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def start(self) -> OpenAIStub:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
