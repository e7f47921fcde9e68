"""Record an LLM run against the local stub, replay it with the stub stopped: same report,
and no secret in any cassette. Uses the real langchain-openai client."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pytest
from langchain_openai import ChatOpenAI
from openai_stub import ORGANIZATION, StubLLMServer, by_keyword
from scripted import Usage

from arbox.agent.classifier import Reply
from arbox.agent.findings import Triage
from arbox.evals.cases import parse_case
from arbox.evals.cassettes import CassetteStore
from arbox.evals.errors import CassetteMissing
from arbox.evals.runner import run_triage

from .fakes import plain_reply

SECRET = "sk-test-super-secret-key-123456"
PROMPT = "Classify the customer's reply. Answer JSON."
PROMPT_HASH = hashlib.sha256(PROMPT.encode()).hexdigest()[:12]

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
CASES = [
    parse_case(
        {
            "id": "t-1",
            "body": "We paid 120.50 yesterday",
            "labels": ["payment_sent"],
            "fields": {"payment_sent": {"amount": "120.50"}},
        }
    ),
    parse_case({"id": "t-2", "body": "The price is wrong", "labels": ["dispute"]}),
    parse_case({"id": "t-3", "body": "Thanks!", "labels": ["other"]}),
]


@dataclass
class StubLLMClassifier:
    """A minimal LLM classifier: one chat call per reply, JSON answer parsed into Triage."""

    base_url: str
    name: str = "openai:gpt-stub"
    prompt_hash: str = PROMPT_HASH
    usage: Usage = field(default_factory=Usage)

    def classify(self, reply: Reply) -> Triage:
        llm = ChatOpenAI(
            model="gpt-stub", base_url=self.base_url, api_key=SECRET, max_retries=0, timeout=5
        )
        message = llm.invoke([("system", PROMPT), ("user", reply.text)])
        meta = message.usage_metadata or {}
        self.usage.calls += 1
        self.usage.prompt_tokens += meta.get("input_tokens", 0)
        self.usage.completion_tokens += meta.get("output_tokens", 0)
        return Triage.model_validate_json(message.content)


def _stable(report: dict) -> dict:
    out = {k: v for k, v in report.items() if k not in ("seconds", "created_at")}
    out["results"] = [{k: v for k, v in r.items() if k != "seconds"} for r in report["results"]]
    return out


def _run(base_url: str, store: CassetteStore) -> dict:
    return run_triage(
        CASES,
        StubLLMClassifier(base_url),
        to_reply=plain_reply,
        progress=False,
        case_context=store.around,
    )


def test_record_then_replay_without_the_server_gives_the_same_report(tmp_path):
    with StubLLMServer(default=by_keyword(ANSWERS)) as stub:
        recorded = _run(
            stub.base_url,
            CassetteStore(
                tmp_path, prompt_hash=PROMPT_HASH, model="openai:gpt-stub", mode="record"
            ),
        )
    assert recorded["errors"] == 0 and recorded["llm_calls"] == 3
    assert recorded["exact_match"] == 1.0
    sent = {k.lower(): v for k, v in stub.headers[0].items()}
    assert sent["authorization"] == f"Bearer {SECRET}"  # the key really went out

    replayed = _run(
        stub.base_url,
        CassetteStore(tmp_path, prompt_hash=PROMPT_HASH, model="openai:gpt-stub", mode="replay"),
    )
    assert _stable(replayed) == _stable(recorded)

    files = sorted(tmp_path.rglob("*.yaml"))
    assert [f.name for f in files] == ["t-1.yaml", "t-2.yaml", "t-3.yaml"]
    assert files[0].parent.name == "openai_gpt-stub"
    for f in files:
        text = f.read_text()
        assert "authorization" not in text.lower()
        assert SECRET not in text and ORGANIZATION not in text
        assert "/v1/chat/completions" in text


def test_replay_fails_clearly_on_a_missing_cassette(tmp_path):
    store = CassetteStore(tmp_path, prompt_hash="abc", model="openai:gpt-stub", mode="replay")
    with pytest.raises(CassetteMissing, match="t-1"):
        _run("http://127.0.0.1:9/v1", store)


def test_replay_fails_when_the_cassette_does_not_hold_the_request(tmp_path):
    store = CassetteStore(tmp_path, prompt_hash="abc", model="m", mode="replay")
    store.path_for("t-1").parent.mkdir(parents=True)
    store.path_for("t-1").write_text("interactions: []\nversion: 1\n")
    with pytest.raises(CassetteMissing, match="re-record"):
        run_triage(
            CASES[:1],
            StubLLMClassifier("http://127.0.0.1:9/v1"),
            to_reply=plain_reply,
            progress=False,
            case_context=store.around,
        )
