"""Hand-written triage cases, grouped by theme; `build_triage.py` numbers and writes them."""
