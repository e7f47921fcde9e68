"""More multi-intent replies: messy formatting, typos, HTML remnants, non-native English."""

# ruff: noqa: E501, W291 - hand-written prose, kept as the customer wrote it

from .common import C

C(
    "payment_sent dispute",
    """
<div dir="ltr">Hi,<div><br></div><div>INV-10551 was paid on 3/2 via ACH, $3,300.00.</div><div>INV-10560 we are disputing, the rate is $95/hr not $110/hr per our agreement.</div><div><br></div><div>Thanks,</div><div>Greg</div></div>
""",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={
        "payment_sent": {"amount": "3300.00", "paid_on": "2026-03-02", "method": "ach"},
        "dispute": {"reason": "pricing"},
    },
)

C(
    "promise_to_pay invoice_request",
    """
Hello dear, we will make the payment on next week Wednesday 18 of march. Please can you send again the invoice with stamp and signature because our bank is asking it. Thank you very much
""",
    frm="Rashid Haddad <rhaddad@haddad-trading.ae>",
    date="2026-03-12T09:00:00+04:00",
    fields={
        "promise_to_pay": {"promised_on": "2026-03-18"},
        "invoice_request": {"document": "stamped and signed invoice"},
    },
)

C(
    "financial_distress promise_to_pay",
    """
hi jenna. we r really behind, lost our biggest client in jan. can i pay 300 on the 1st of every month starting april 1? sorry about this
""",
    frm="Mike Rossi <mike@rossicatering.com>",
    date="2026-03-18T21:00:00-05:00",
    fields={
        "promise_to_pay": {"amount": "300", "promised_on": "2026-04-01"},
        "financial_distress": {"detail": "lost biggest client; asks for monthly payments"},
    },
)

C(
    "wrong_contact promise_to_pay",
    """
Hi there, I'm the new AP lead at Summit Dental, Angela moved to our Tacoma office. Please use my email (jcarter@summitdental.com) from now on. I see the open balance and will get it paid by 3/27.

Jordan Carter
""",
    frm="Jordan Carter <jcarter@summitdental.com>",
    date="2026-03-17T10:00:00-07:00",
    fields={
        "wrong_contact": {
            "new_contact_email": "jcarter@summitdental.com",
            "new_contact_name": "Jordan Carter",
        },
        "promise_to_pay": {"promised_on": "2026-03-27"},
    },
)

C(
    "dispute short_pay",
    """
Regarding your statement: we have paid invoice 5540 partially ($1,100 of $1,250, the setup fee was billed twice) and we dispute invoice 5561 entirely as the service was cancelled before it started.
""",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    fields={
        "short_pay": {"paid_amount": "1100", "reason": "duplicate"},
        "dispute": {"reason": "not_received"},
    },
)

C(
    "payment_sent wrong_contact",
    """
Paid 3/10, conf 55821-B. Pls send future invoices to ap@pattersonauto.net, I'm not always in the office.
""",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={
        "payment_sent": {"paid_on": "2026-03-10", "reference": "55821-B"},
        "wrong_contact": {"new_contact_email": "ap@pattersonauto.net"},
    },
)

C(
    "missing_po wrong_contact",
    """
Invoices for the Denver project need PO 77-4410 on them. Also send them to projects-ap@acme-build.com, not me, I only handle the Boulder jobs.
""",
    frm="Dana Ortiz <dana@acme-build.com>",
    fields={
        "missing_po": {"po_required": True},
        "wrong_contact": {"new_contact_email": "projects-ap@acme-build.com"},
    },
)

C(
    "extended_terms promise_to_pay",
    """
We have 60 days per our contract, so the due date for INV-20931 is actually April 10. We will pay on that date.
""",
    frm="Erik Van Dijk <erik.vandijk@polderpack.nl>",
    fields={
        "extended_terms": {"claimed_terms_days": 60},
        "promise_to_pay": {"promised_on": "2026-04-10"},
    },
)

C(
    "invoice_request dispute",
    """
The statement shows invoice 2026-0499 for $2,210 - we have no record of it. Please send a copy and the delivery note, I don't think we ever ordered this.
""",
    frm="Olga Petrova <o.petrova@baltic-coatings.lv>",
    fields={
        "invoice_request": {"document": "invoice copy and delivery note"},
        "dispute": {"reason": "not_received"},
    },
)

C(
    "payment_sent short_pay",
    """
Hallo, wir haben heute 7.760,00 EUR überwiesen. Die Differenz von 240,00 EUR zur Rechnung RE-2026-140 ergibt sich aus der fehlerhaften Lieferung (2 Motoren defekt).
""",
    frm="Paul Becker <pbecker@becker-elektro.de>",
    date="2026-03-16T11:00:00+01:00",
    fields={
        "payment_sent": {"amount": "7760.00", "paid_on": "2026-03-16", "method": "wire"},
        "short_pay": {"paid_amount": "7760.00", "deducted_amount": "240.00", "reason": "damaged"},
    },
)

C(
    "dispute invoice_request",
    """
Bonjour,
La facture F-2026-0262 mentionne 30 heures de prestation alors que seulement 22 ont été réalisées. Pouvez-vous nous envoyer le détail des heures (feuilles de temps) ?
Merci
""",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    fields={"dispute": {"reason": "quantity"}, "invoice_request": {"document": "timesheets"}},
)

C(
    "promise_to_pay missing_po",
    """
Hola Sarah, la factura INV-10655 no tiene número de orden de compra, por favor agreguen la OC 2026-118. En cuanto la recibamos la pagamos, a más tardar el 31 de marzo.
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    date="2026-03-12T10:00:00-06:00",
    fields={"missing_po": {"po_required": True}, "promise_to_pay": {"promised_on": "2026-03-31"}},
)

C(
    "financial_distress dispute",
    """
We are in a very difficult position. Our main customer went bankrupt in February and left us with unpaid invoices of 400k. In addition, your last delivery was incomplete (3 pallets missing), so we don't accept the full amount of INV-10702.
""",
    frm="Carlos Mendes <cmendes@mendestransportes.com.br>",
    fields={
        "financial_distress": {"detail": "main customer went bankrupt"},
        "dispute": {"reason": "quantity"},
    },
)

C(
    "auto_reply wrong_contact",
    """
Thank you for your email. Robert Kim is no longer with Harbor Logistics. Please redirect your message to ap@harborlogistics.com.

This is an automated message.
""",
    subject="Undeliverable mailbox notice",
    frm="Robert Kim <robert.kim@harborlogistics.com>",
    headers={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"},
    fields={"wrong_contact": {"new_contact_email": "ap@harborlogistics.com"}},
)

C(
    "payment_sent invoice_request",
    """
Check #4512 mailed 3/9 for $1,125.00. Also can I get a W9? Our 1099 vendor file is missing yours.
""",
    frm="payables@riverbendschools.org",
    fields={
        "payment_sent": {
            "amount": "1125.00",
            "paid_on": "2026-03-09",
            "method": "check",
            "reference": "4512",
        },
        "invoice_request": {"document": "W-9"},
    },
)

C(
    "short_pay dispute",
    """
Hello,
We processed payment for invoice ZR-44902 net of our agreed 5% volume rebate (£212.60). We also dispute invoice ZR-44918 as it duplicates ZR-44902.
Zenith Retail AP
""",
    frm="invoices@zenithretail.co.uk",
    fields={
        "short_pay": {"deducted_amount": "212.60", "reason": "terms"},
        "dispute": {"reason": "duplicate"},
    },
)

C(
    "promise_to_pay financial_distress",
    """
Dear Sir,

Due to the current situation at the port our collections are delayed by 6-8 weeks. We can pay USD 5,000 on 31 March and request to settle the balance in two equal parts in April and May.

Janet Okafor
""",
    frm="Janet Okafor <jokafor@lagosmarine.ng>",
    fields={
        "promise_to_pay": {"amount": "5000", "promised_on": "2026-03-31"},
        "financial_distress": {
            "detail": "collections delayed 6-8 weeks; asks to split the balance"
        },
    },
)

C(
    "invoice_request wrong_contact",
    """
I'm not the billing contact - that's Kate in our Chicago office (kate.moss@kestrel-labs.io). But while I have you, could you send me the proof of delivery for the March 3 shipment? Our warehouse says it never arrived.
""",
    frm="Priya Raman <priya.raman@kestrel-labs.io>",
    fields={
        "wrong_contact": {
            "new_contact_email": "kate.moss@kestrel-labs.io",
            "new_contact_name": "Kate",
        },
        "invoice_request": {"document": "proof of delivery"},
    },
    note="says the shipment did not arrive but contests no invoice yet",
)

C(
    "payment_sent promise_to_pay",
    """
INV-10791 paid yesterday (wire, $6,420.00).
INV-10805 will be paid on Friday.
INV-10811 next month.

-- 
Dana Ortiz | Acme Build Co.
Please consider the environment before printing this email.
""",
    frm="Dana Ortiz <dana@acme-build.com>",
    date="2026-03-17T09:00:00-05:00",
    fields={
        "payment_sent": {"amount": "6420.00", "paid_on": "2026-03-16", "method": "wire"},
        "promise_to_pay": {"promised_on": "2026-03-20"},
    },
)

C(
    "dispute extended_terms",
    """
Your late fee is wrong on two counts: 1. we have net 60 terms, 2. even under net 30 the invoice was paid 3 days late, not 30. Remove the $150 fee.
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    fields={
        "extended_terms": {"claimed_terms_days": 60},
        "dispute": {"reason": "terms", "disputed_amount": "150"},
    },
)

C(
    "missing_po invoice_request",
    """
Please resubmit invoice 2026-0533 with PO 45001123 and attach the packing slip. Our 3-way match needs both.
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    fields={"missing_po": {"po_required": True}, "invoice_request": {"document": "packing slip"}},
    note="asks us to supply a document, which counts as invoice_request",
)

C(
    "payment_sent short_pay",
    """
Payment of $9,750.00 sent 3/13 via ACH, ref 0313-HL-22. This is INV-10517's $10,000 less $250 agreed for the late shipment.
""",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    fields={
        "payment_sent": {
            "amount": "9750.00",
            "paid_on": "2026-03-13",
            "method": "ach",
            "reference": "0313-HL-22",
        },
        "short_pay": {"paid_amount": "9750.00", "deducted_amount": "250", "reason": "other"},
    },
)

C(
    "financial_distress wrong_contact",
    """
Hello. I am writing on behalf of the administrator. Polderpack B.V. was declared bankrupt (faillissement) on 12 March 2026. Creditors should submit claims to the curator, mr. J. de Vries, at curator@devries-advocaten.nl.
""",
    frm="Erik Van Dijk <erik.vandijk@polderpack.nl>",
    fields={
        "financial_distress": {"detail": "declared bankrupt on 12 March 2026"},
        "wrong_contact": {
            "new_contact_email": "curator@devries-advocaten.nl",
            "new_contact_name": "J. de Vries",
        },
    },
)

C(
    "promise_to_pay dispute",
    """
ok so here's where we are: the 2 invoices from Feb we'll pay on the 25th. the Jan one (#5502) we're not paying, the crew left the site a mess and we had to hire cleanup
""",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    date="2026-03-16T12:00:00-04:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-25"}, "dispute": {"reason": "other"}},
)

C(
    "invoice_request promise_to_pay",
    """
Bitte senden Sie uns die Rechnung RE-2026-155 erneut zu, sie ist bei uns nicht angekommen. Wir zahlen dann innerhalb von 7 Tagen nach Erhalt.
""",
    frm="Jens Albrecht <j.albrecht@albrecht-maschinenbau.de>",
    fields={"invoice_request": {"document": "invoice copy"}},
    note="conditional payment with no date: not promise_to_pay",
)

C(
    "dispute wrong_contact",
    """
I've already told your colleague twice: the June invoice is wrong, we returned half the order. And please stop emailing me, our finance person is Omar (omar@haddad-trading.ae).
""",
    frm="Rashid Haddad <rhaddad@haddad-trading.ae>",
    fields={
        "dispute": {"reason": "quantity"},
        "wrong_contact": {
            "new_contact_email": "omar@haddad-trading.ae",
            "new_contact_name": "Omar",
        },
    },
)

C(
    "payment_sent extended_terms",
    """
Paid on 2/28 which is within our net 45 terms, so the late fee on your statement shouldn't be there.
""",
    frm='"Whitfield, Tom" <twhitfield@bluegrassmech.com>',
    fields={
        "payment_sent": {"paid_on": "2026-02-28"},
        "extended_terms": {"claimed_terms_days": 45},
    },
    note="contests a late fee by claiming terms; the terms claim is the substance",
)

C(
    "payment_sent financial_distress",
    """
We sent $2,000 of the $3,500 - that's all we can manage this month, we are very tight after the flood. Will send more when I can.
""",
    frm="Kevin O'Brien <kobrien@obrienplumbing.ie>",
    fields={
        "payment_sent": {"amount": "2000"},
        "financial_distress": {"detail": "very tight after the flood"},
    },
    note="partial payment for lack of cash, not a deduction: payment_sent + distress",
)

C(
    "auto_reply",
    """
Sorry I missed you! I'm out on jury duty until 3/20, back on Monday 3/23. Will respond then.
""",
    subject="Automatic reply: Payment reminder",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    date="2026-03-12T10:00:00-04:00",
    headers={"Auto-Submitted": "auto-replied"},
    fields={"auto_reply": {"return_on": "2026-03-23"}},
)
