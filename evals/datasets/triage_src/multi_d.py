"""Appended after the first commit: more multi-intent replies (ids after t-0319)."""

# ruff: noqa: E501 - hand-written prose, kept as the customer wrote it

from .common import C

C(
    "payment_sent wrong_contact",
    """
hi, ACH went out this morning for $2,040.00. btw Lisa is gone, you can cc me (robert.kim@harborlogistics.com) on anything AP related going forward
""",
    frm="Robert Kim <robert.kim@harborlogistics.com>",
    date="2026-03-20T10:00:00-05:00",
    fields={
        "payment_sent": {"amount": "2040.00", "paid_on": "2026-03-20", "method": "ach"},
        "wrong_contact": {"new_contact_email": "robert.kim@harborlogistics.com"},
    },
)

C(
    "dispute financial_distress",
    """
Look, I'll be straight with you. The last two deliveries were late and one was damaged, I'm not paying for the damaged one. And the rest I can't pay this month anyway because our bank account is frozen pending an audit.
""",
    frm="Rashid Haddad <rhaddad@haddad-trading.ae>",
    fields={
        "dispute": {"reason": "damaged"},
        "financial_distress": {"detail": "bank account frozen pending an audit"},
    },
)

C(
    "missing_po extended_terms",
    """
For your information: all invoices to Riverbend USD need a district PO number and are paid net 45 after receipt of a correct invoice. The invoices you are chasing have no PO, so the 45 days haven't started.
""",
    frm="payables@riverbendschools.org",
    fields={"missing_po": {"po_required": True}, "extended_terms": {"claimed_terms_days": 45}},
)

C(
    "promise_to_pay wrong_contact",
    """
Hi Sarah, Dana is out on leave for a few months, I'm covering (Jorge Ruiz, jruiz@acme-build.com). I've approved INV-10811, it goes out with Friday's payments.
""",
    frm="Jorge Ruiz <jruiz@acme-build.com>",
    date="2026-03-23T09:00:00-05:00",
    fields={
        "wrong_contact": {
            "new_contact_email": "jruiz@acme-build.com",
            "new_contact_name": "Jorge Ruiz",
        },
        "promise_to_pay": {"promised_on": "2026-03-27"},
    },
)

C(
    "short_pay invoice_request",
    """
Bonjour, nous avons réglé la facture F-2026-0262 pour 22 heures au lieu de 30 (soit 1 540 € au lieu de 2 100 €). Merci de nous adresser un avoir pour la différence.
""",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    fields={
        "short_pay": {"paid_amount": "1540", "deducted_amount": "560", "reason": "quantity"},
        "invoice_request": {"document": "credit note"},
    },
)

C(
    "auto_reply wrong_contact",
    """
I have left Polderpack. For financial matters please contact finance@polderpack.nl. This mailbox will be closed on 31 March.
""",
    subject="Automatisch antwoord: Reminder",
    frm="Erik Van Dijk <erik.vandijk@polderpack.nl>",
    headers={"Auto-Submitted": "auto-replied"},
    fields={"wrong_contact": {"new_contact_email": "finance@polderpack.nl"}},
)

C(
    "payment_sent dispute",
    """
Hello,
Invoices 2026-0502 and 2026-0503 were paid today, 27.03, by SEPA transfer, total EUR 11.030,00. Invoice 2026-0510 remains disputed (14 drums not delivered), see my mail of 18.03.
Olga
""",
    frm="Olga Petrova <o.petrova@baltic-coatings.lv>",
    date="2026-03-27T12:00:00+02:00",
    fields={
        "payment_sent": {"amount": "11030.00", "paid_on": "2026-03-27", "method": "wire"},
        "dispute": {"reason": "not_received"},
    },
)

C(
    "invoice_request extended_terms",
    """
Hi, can you send me the signed contract? Our file says net 60, your reminders say net 30. One of us is wrong.
""",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    fields={
        "invoice_request": {"document": "signed contract"},
        "extended_terms": {"claimed_terms_days": 60},
    },
)

C(
    "promise_to_pay dispute",
    """
Hi - paying the undisputed part ($3,100) on Monday. The remaining $400 is the install charge for the unit you never installed.
""",
    frm="Angela Chu <angela.chu@summitdental.com>",
    date="2026-03-19T09:00:00-07:00",
    fields={
        "promise_to_pay": {"amount": "3100", "promised_on": "2026-03-23"},
        "dispute": {"reason": "not_received", "disputed_amount": "400"},
    },
)

C(
    "financial_distress invoice_request",
    """
Our accountant is preparing a list of creditors for the insolvency filing. Please send a statement of all amounts owed as of today with copies of the invoices.
""",
    frm="Hannah Cole <hcole@colebrothersfarms.com>",
    fields={
        "financial_distress": {"detail": "preparing an insolvency filing"},
        "invoice_request": {"document": "statement and invoice copies"},
    },
)

C(
    "payment_sent missing_po",
    """
We paid the January invoices (ref 2026-PMT-00917). The February ones are stuck because they don't have the PO. Can you add PO 7781-B and resubmit?
""",
    frm='"Nguyen, Minh" <minh.nguyen@pacificrimsupply.com>',
    fields={"payment_sent": {"reference": "2026-PMT-00917"}, "missing_po": {"po_required": True}},
)

C(
    "short_pay wrong_contact",
    """
We deducted $95 for the late delivery fee as per our vendor agreement. For questions about deductions contact our deductions team at deductions@zenithretail.co.uk, not this inbox.
""",
    frm="invoices@zenithretail.co.uk",
    fields={
        "short_pay": {"deducted_amount": "95", "reason": "other"},
        "wrong_contact": {"new_contact_email": "deductions@zenithretail.co.uk"},
    },
)

C(
    "promise_to_pay financial_distress",
    """
Sorry for the silence, we had a rough winter. I can pay the March invoice in full on the 30th but I'm going to need a couple of months on the older ones. Can we talk about a plan?
""",
    frm="Kevin O'Brien <kobrien@obrienplumbing.ie>",
    date="2026-03-20T10:00:00+00:00",
    fields={
        "promise_to_pay": {"promised_on": "2026-03-30"},
        "financial_distress": {"detail": "rough winter; asks for a plan on older invoices"},
    },
)

C(
    "dispute invoice_request",
    """
Hola, la factura INV-10671 nos cobra el servicio dos veces (ya está en la INV-10655). ¿Nos pueden mandar el estado de cuenta para revisar qué más está duplicado?
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={"dispute": {"reason": "duplicate"}, "invoice_request": {"document": "statement"}},
)

C(
    "payment_sent extended_terms",
    """
Your statement shows INV-10720 as 10 days late. We paid it on 3/10, which is day 55 of our net 60. Please correct your records.
""",
    frm="accounts.payable@northwindfoods.com",
    fields={
        "payment_sent": {"paid_on": "2026-03-10"},
        "extended_terms": {"claimed_terms_days": 60},
    },
)

C(
    "dispute short_pay invoice_request",
    """
Hi,
We paid INV-10826 less $600 (the 3/4" pipe was the wrong size, as I told you). INV-10830 repeats the same error and we won't pay it as is. Please send credit memos for both.
Luis
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={
        "short_pay": {"deducted_amount": "600", "reason": "other"},
        "dispute": {"reason": "other"},
        "invoice_request": {"document": "credit memos"},
    },
)

C(
    "wrong_contact invoice_request",
    """
Hi, Amy has moved to the district office. I'm the new business manager (Paula Reyes, preyes@brightsideschools.org). Could you send me a statement and the W-9 so I can set up the file?
""",
    frm="Paula Reyes <preyes@brightsideschools.org>",
    fields={
        "wrong_contact": {
            "new_contact_email": "preyes@brightsideschools.org",
            "new_contact_name": "Paula Reyes",
        },
        "invoice_request": {"document": "statement and W-9"},
    },
)
