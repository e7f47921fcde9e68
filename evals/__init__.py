"""Eval datasets, metrics, runners and prompt comparison."""
