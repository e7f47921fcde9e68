"""The real local model (llama.cpp's OpenAI-compatible server) for tests marked ``llm``.

`local_llm` runs ``local-llm start`` once per session (it returns at once when the
server is already up) and reads the exports it prints. Every test here skips, with
the reason, when the tool is absent or the server is not up. A server that is down
is started only when ``ARBOX_LLM_START=1`` (CI sets it): the first start fetches the
weights and may build the server, which no plain ``pytest`` run should wait for.
The tool is looked for at ``$ARBOX_LOCAL_LLM``, then ``/work/shared/tools/local-llm``,
then ``../shared/tools/local-llm`` beside the checkout.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 600
"""Seconds ``local-llm start`` may take (the weights are fetched and checked once)."""


@dataclass(frozen=True)
class LocalLLM:
    base_url: str
    """e.g. ``http://127.0.0.1:8089/v1``"""
    model: str
    """The model name the server answers to."""
    api_key: str

    @property
    def root(self) -> str:
        """The server's own endpoints (``/tokenize``) live beside ``/v1``."""
        return self.base_url.removesuffix("/v1")


def _tool() -> Path | None:
    candidates = [
        os.environ.get("ARBOX_LOCAL_LLM"),
        "/work/shared/tools/local-llm",
        str(ROOT.parent / "shared" / "tools" / "local-llm"),
    ]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def _exports(output: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in output.splitlines():
        if line.startswith("export "):
            for word in shlex.split(line[len("export ") :]):
                name, _, value = word.partition("=")
                values[name] = value
    return values


@pytest.fixture(scope="session")
def local_llm() -> LocalLLM:
    tool = _tool()
    if tool is None:
        pytest.skip("the local model tool (shared/tools/local-llm) is not on this machine")
    up = subprocess.run([str(tool), "status"], capture_output=True, text=True, timeout=30)
    if up.returncode != 0 and os.environ.get("ARBOX_LLM_START") != "1":
        pytest.skip(f"the local model server is not up ({tool} start, or ARBOX_LLM_START=1)")
    try:
        proc = subprocess.run(
            [str(tool), "start"], capture_output=True, text=True, timeout=START_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        pytest.skip(f"local-llm start did not finish in {START_TIMEOUT} s")
    env = _exports(proc.stdout)
    if proc.returncode != 0 or "OPENAI_BASE_URL" not in env:
        pytest.skip(f"the local model server is not up: {proc.stderr.strip()[-300:]}")
    model = env.get("ARBOX_MODEL", "openai:local").removeprefix("openai:")
    return LocalLLM(env["OPENAI_BASE_URL"], model, env.get("OPENAI_API_KEY", "local"))
