"""The HTTP API: review queue, approvals, payments, Slack interactivity."""
