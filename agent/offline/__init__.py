"""The offline classifier (default, no network): lexicons, patterns and rules."""

from .classifier import OfflineClassifier
from .headers import is_auto_reply
from .text import strip_quoted

__all__ = ["OfflineClassifier", "is_auto_reply", "strip_quoted"]
