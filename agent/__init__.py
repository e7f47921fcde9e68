"""The langgraph graphs (triage, notice rewriting), the classifiers and the guardrails."""
