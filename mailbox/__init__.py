"""The inbox: IMAP and file sources, MIME parsing, reply stripping, SMTP sending.

Imported as `arbox.mailbox`; the standard library's `mailbox` stays reachable.
"""
