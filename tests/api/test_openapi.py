"""schemathesis against the OpenAPI document: no generated input gets a 5xx, and every
response matches its documented schema. Bounded: a few examples per operation.

(`schemathesis.pytest.from_fixture` does not run on pytest 9, so each operation's
strategy is drawn here with hypothesis directly.)
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from apikit import AUTH, SECRET
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from arbox.api.app import create_app
from arbox.settings import Settings

MAX_EXAMPLES = int(os.environ.get("ARBOX_FUZZ_EXAMPLES", "12"))
"""Examples per operation and mode; raise it for a deeper run."""
PATHS = create_app(Settings(_env_file=None)).openapi()["paths"]
CASES = [
    (path, method.upper(), mode)
    for path, ops in PATHS.items()
    for method, op in ops.items()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    # An operation without inputs has no invalid input to draw.
    if mode is GenerationMode.POSITIVE or op.get("parameters") or op.get("requestBody")
]


@pytest.mark.parametrize(
    "path, method, mode", CASES, ids=[f"{m} {p} {mode.value}" for p, m, mode in CASES]
)
def test_no_server_errors_and_documented_responses(make_client, path, method, mode):
    client = make_client(slack_signing_secret=SECRET)
    operation = schemathesis.openapi.from_asgi("/openapi.json", client.app)[path][method]

    @given(case=operation.as_strategy(mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(
            headers=AUTH, checks=[not_a_server_error, response_schema_conformance]
        )

    check()


def test_the_openapi_document_is_complete(client):
    doc = client.get("/openapi.json").json()
    writes = [
        (path, method)
        for path, ops in doc["paths"].items()
        for method in ops
        if method == "post" and path != "/slack/actions"
    ]
    assert len(writes) >= 15
    for path, method in writes:
        op = doc["paths"][path][method]
        assert {"401", "403"} <= set(op["responses"]), path
        assert op.get("security"), f"{path} does not declare the bearer token"
    money = doc["components"]["schemas"]["PaymentIn"]["properties"]["amount"]
    assert money["type"] == "string"
