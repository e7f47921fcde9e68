"""arbox: an open-source collections agent for the shared accounts-receivable inbox."""

__version__ = "0.1.0"
