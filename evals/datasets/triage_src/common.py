"""The case helper and the pools used when a case does not set a sender, subject or date.

Only the envelope is drawn from pools; every body is written by hand.
"""

from __future__ import annotations

from typing import Any

CASES: list[dict[str, Any]] = []

SENDERS = [
    "Dana Ortiz <dana@acme-build.com>",
    "Mark Feldman <mfeldman@harborlogistics.com>",
    "accounts.payable@northwindfoods.com",
    "Priya Raman <priya.raman@kestrel-labs.io>",
    '"Whitfield, Tom" <twhitfield@bluegrassmech.com>',
    "AP Team <ap@cedarpointhealth.org>",
    "Lucia Moreno <lmoreno@grupoalba.es>",
    "Jens Albrecht <j.albrecht@albrecht-maschinenbau.de>",
    "Sophie Garnier <s.garnier@atelier-garnier.fr>",
    "Kevin O'Brien <kobrien@obrienplumbing.ie>",
    "Angela Chu <angela.chu@summitdental.com>",
    "payables@riverbendschools.org",
    "Rashid Haddad <rhaddad@haddad-trading.ae>",
    "Beth Lindqvist <beth@lindqvistdesign.se>",
    "Carlos Mendes <cmendes@mendestransportes.com.br>",
    "Hannah Cole <hcole@colebrothersfarms.com>",
    '"Nguyen, Minh" <minh.nguyen@pacificrimsupply.com>',
    "Greg Patterson <greg@pattersonauto.net>",
    "invoices@zenithretail.co.uk",
    "Olga Petrova <o.petrova@baltic-coatings.lv>",
    "Samir Khan <samir.khan@meridianpharma.com>",
    "Theresa Wong <twong@goldengatefloral.com>",
    "Ap Dept <apdept@ironwoodconstruction.com>",
    "Mike Rossi <mike@rossicatering.com>",
    "Janet Okafor <jokafor@lagosmarine.ng>",
    "Erik Van Dijk <erik.vandijk@polderpack.nl>",
    "Rachel Stein <rstein@steinlawgroup.com>",
    "Luis Herrera <lherrera@herreraconstrucciones.mx>",
    "Amy Tran <amy@brightsideschools.org>",
    "Paul Becker <pbecker@becker-elektro.de>",
]

SUBJECTS = [
    "RE: Past due invoices",
    "Re: Statement of account",
    "RE: Reminder: open items on your account",
    "RE: Overdue balance",
    "Re: Payment reminder",
    "RE: Your account is past due",
    "Re: Friendly reminder - invoices due",
    "RE: Second notice",
    "Re: Open invoices",
    "RE: Account review",
]

DATES = [
    "2026-03-02T09:14:00-05:00",
    "2026-03-03T16:41:00-06:00",
    "2026-03-04T11:02:00-08:00",
    "2026-03-05T08:30:00-05:00",
    "2026-03-09T13:55:00+01:00",
    "2026-03-10T10:20:00-05:00",
    "2026-03-11T15:07:00-07:00",
    "2026-03-12T07:45:00+00:00",
    "2026-03-16T12:12:00-04:00",
    "2026-03-17T17:26:00-05:00",
    "2026-03-18T09:03:00+02:00",
    "2026-03-19T14:38:00-04:00",
]


def C(
    labels: str,
    body: str,
    *,
    subject: str | None = None,
    frm: str | None = None,
    date: str | None = None,
    fields: dict[str, dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    note: str | None = None,
) -> None:
    """Add one body case; `labels` is space-separated. `note` says why a tricky label is right."""
    n = len(CASES)
    case: dict[str, Any] = {
        "from": frm or SENDERS[(n * 7) % len(SENDERS)],
        "subject": subject if subject is not None else SUBJECTS[(n * 3) % len(SUBJECTS)],
        "date": date or DATES[(n * 5) % len(DATES)],
        "body": body.strip("\n"),
    }
    if headers:
        case["headers"] = headers
    case["labels"] = labels.split()
    if fields:
        case["fields"] = fields
    if note:
        case["note"] = note
    CASES.append(case)


def E(
    labels: str,
    raw: str,
    *,
    fields: dict[str, dict[str, Any]] | None = None,
    note: str | None = None,
) -> None:
    """Add one raw RFC 5322 case (CRLF line endings are applied when written)."""
    case: dict[str, Any] = {"eml": raw.lstrip("\n").replace("\r\n", "\n").replace("\n", "\r\n")}
    case["labels"] = labels.split()
    if fields:
        case["fields"] = fields
    if note:
        case["note"] = note
    CASES.append(case)
