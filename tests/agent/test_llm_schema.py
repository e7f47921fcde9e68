"""The model's schema is derived from `Finding` and kept lean."""

from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

from arbox import prompts
from arbox.agent.findings import SET_BY_ARBOX, Finding
from arbox.agent.llm_schema import (
    DATE_PATTERN,
    MONEY_PATTERN,
    RESPONSE_SCHEMA,
    ModelFinding,
    ModelTriage,
)


def test_model_finding_is_finding_without_what_arbox_sets():
    assert set(ModelFinding.model_fields) == set(Finding.model_fields) - SET_BY_ARBOX
    with pytest.raises(ValidationError, match="evidence"):
        ModelTriage.model_validate({"findings": [{"intent": "other", "confidence": 0.5}]})


def test_schema_has_no_titles_or_nulls_and_patterns_for_money_and_dates():
    text = json.dumps(RESPONSE_SCHEMA)
    assert '"title"' not in text and '"null"' not in text and "$defs" not in text
    item = RESPONSE_SCHEMA["properties"]["findings"]["items"]
    assert item["required"] == ["intent", "confidence", "evidence"]
    fields = item["properties"]["fields"]["properties"]
    assert fields["amount"]["pattern"] == MONEY_PATTERN
    assert fields["promised_on"]["pattern"] == DATE_PATTERN
    assert "pricing" in fields["reason"]["enum"] and "wire" in fields["method"]["enum"]
    assert not re.match(MONEY_PATTERN, "REF-20.11") and re.match(MONEY_PATTERN, "1250.00")


def test_fixed_prompt_is_small():
    # ~4 characters a token: the fixed part (system prompt + schema) stays under 1,000 tokens
    # (897 by the local llama.cpp server's tokenizer when this was written; see README).
    system = prompts.read("triage.md")
    schema = json.dumps(RESPONSE_SCHEMA, separators=(",", ":"))
    assert len(system) + len(schema) < 3600
