"""Replies with several intents, many with quoted history, signatures and forwards."""

# ruff: noqa: E501 - hand-written prose, kept as the customer wrote it

from .common import C

C(
    "dispute promise_to_pay",
    """
Hi Sarah,

Two things. INV-10442 is priced wrong - we agreed $38/unit, not $42. Please reissue. The other one, INV-10450, is fine and we'll pay it by March 15.

Thanks,
Dana Ortiz
Project Controller | Acme Build Co.
o: 303-555-0182  m: 720-555-0114

-----Original Message-----
From: Sarah Lin <ar@example.com>
Sent: Monday, March 2, 2026 8:01 AM
To: Dana Ortiz <dana@acme-build.com>
Subject: Invoice INV-10442 past due

Dear Dana,

Our records show the following invoices are past due: INV-10442 ($12,600.00), INV-10450 ($300.00).
""",
    subject="RE: Invoice INV-10442 past due",
    frm="Dana Ortiz <dana@acme-build.com>",
    date="2026-03-02T09:14:00-05:00",
    fields={"dispute": {"reason": "pricing"}, "promise_to_pay": {"promised_on": "2026-03-15"}},
)

C(
    "payment_sent invoice_request",
    """
We paid 88123 on 2/27 by ACH ($2,400). Can you send a statement so I can see what else is open?

On Mon, Mar 2, 2026 at 8:00 AM Accounts Receivable <ar@example.com> wrote:
> Hello,
>
> This is a reminder that invoice #88123 for $2,400.00 was due on February 15.
> Please remit at your earliest convenience.
""",
    subject="Re: Reminder: invoice #88123",
    frm='"Nguyen, Minh" <minh.nguyen@pacificrimsupply.com>',
    date="2026-03-02T12:20:00-08:00",
    fields={
        "payment_sent": {"amount": "2400", "paid_on": "2026-02-27", "method": "ach"},
        "invoice_request": {"document": "statement"},
    },
)

C(
    "short_pay dispute",
    """
Hello,

We paid $8,100 against INV-10517 ($8,500). The $400 we held back is for the 5 damaged units - your rep said a credit was coming but we never got it. Also, INV-10533 is a duplicate of 10517 and we will not be paying it.

Mark Feldman
Harbor Logistics
""",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    fields={
        "short_pay": {"paid_amount": "8100", "deducted_amount": "400", "reason": "damaged"},
        "dispute": {"reason": "duplicate"},
    },
)

C(
    "missing_po promise_to_pay",
    """
Once you resend the invoice with our PO number (PO 4500018822) I'll get it into the next Friday run, the 20th.
""",
    subject="RE: INV-10733",
    frm="accounts.payable@northwindfoods.com",
    date="2026-03-12T10:00:00-05:00",
    fields={"missing_po": {"po_required": True}, "promise_to_pay": {"promised_on": "2026-03-20"}},
)

C(
    "wrong_contact invoice_request",
    """
Hi - I'm not in accounting anymore, I moved to operations. Can you send the invoice copies to Nadia (nbrooks@ironwoodconstruction.com)? She'll need all of them, she's new.

________________________________
From: Accounts Receivable <ar@example.com>
Sent: Tuesday, March 3, 2026 9:12 AM
To: Kyle Barnes <kbarnes@ironwoodconstruction.com>
Subject: Statement - February

Please find attached your statement.
""",
    subject="RE: Statement - February",
    frm="Kyle Barnes <kbarnes@ironwoodconstruction.com>",
    fields={
        "wrong_contact": {
            "new_contact_email": "nbrooks@ironwoodconstruction.com",
            "new_contact_name": "Nadia",
        },
        "invoice_request": {"document": "invoice copies"},
    },
)

C(
    "financial_distress promise_to_pay",
    """
Hi,

Things have been rough since we lost the county contract. I can't do the whole $5,200 right now but I can send $1,000 on Friday and would like to work out a plan for the rest.

Mike
Rossi Catering
""",
    frm="Mike Rossi <mike@rossicatering.com>",
    date="2026-03-10T17:00:00-05:00",
    fields={
        "promise_to_pay": {"amount": "1000", "promised_on": "2026-03-13"},
        "financial_distress": {"detail": "lost the county contract; asks for a plan"},
    },
)

C(
    "extended_terms dispute",
    """
Two issues with your reminder:
1) We're on net 60 per the contract signed last June, so nothing is overdue.
2) INV-20911 charges list price; our contract price is 15% off list.

Priya Raman
Procurement Lead, Kestrel Labs
""",
    frm="Priya Raman <priya.raman@kestrel-labs.io>",
    fields={"extended_terms": {"claimed_terms_days": 60}, "dispute": {"reason": "pricing"}},
)

C(
    "payment_sent short_pay",
    """
Payment sent today via wire: $14,375.00 (ref HLX-2211). Note we deducted $625.00 for the late delivery penalty per clause 9 of the supply agreement.
""",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    date="2026-03-17T15:00:00-05:00",
    fields={
        "payment_sent": {
            "amount": "14375.00",
            "paid_on": "2026-03-17",
            "method": "wire",
            "reference": "HLX-2211",
        },
        "short_pay": {"paid_amount": "14375.00", "deducted_amount": "625.00", "reason": "other"},
    },
)

C(
    "invoice_request promise_to_pay",
    """
hi, pls send a copy of inv 3314, can't find it. will pay both 3301 and 3314 this week once I have it
""",
    frm="Amy Tran <amy@brightsideschools.org>",
    date="2026-03-16T08:30:00-07:00",
    fields={
        "invoice_request": {"document": "invoice copy"},
        "promise_to_pay": {"promised_on": "2026-03-20"},
    },
)

C(
    "auto_reply wrong_contact",
    """
Thank you for your message. Please note that I have left Meridian Pharma. For accounts payable matters please write to ap@meridianpharma.com. This mailbox is not monitored.
""",
    subject="Automatic reply: Past due notice",
    frm="Laura Finch <lfinch@meridianpharma.com>",
    headers={"Auto-Submitted": "auto-replied"},
    fields={"wrong_contact": {"new_contact_email": "ap@meridianpharma.com"}},
)

C(
    "dispute invoice_request",
    """
Hi,

I don't recognize these charges at all. Could you send the signed work orders for INV-10702? Nobody here authorized after-hours service.

Carlos

From: AR Team [mailto:ar@example.com]
Sent: Wednesday, March 4, 2026 10:02
To: cmendes@mendestransportes.com.br
Subject: INV-10702 - 30 days past due
""",
    frm="Carlos Mendes <cmendes@mendestransportes.com.br>",
    fields={"dispute": {"reason": "other"}, "invoice_request": {"document": "signed work orders"}},
)

C(
    "payment_sent wrong_contact",
    """
This was paid on March 3rd (check 10291). Also please update your records - I'm retiring at the end of the month, send everything to our new bookkeeper, Maria Santos, msantos@colebrothersfarms.com.

Hannah
""",
    frm="Hannah Cole <hcole@colebrothersfarms.com>",
    fields={
        "payment_sent": {"paid_on": "2026-03-03", "method": "check", "reference": "10291"},
        "wrong_contact": {
            "new_contact_email": "msantos@colebrothersfarms.com",
            "new_contact_name": "Maria Santos",
        },
    },
)

C(
    "missing_po invoice_request",
    """
Our portal rejected INV-10760 (no PO). Also we never got the W-9 we asked for in January. Need both before anything moves.
""",
    frm="AP Team <ap@cedarpointhealth.org>",
    fields={"missing_po": {"po_required": True}, "invoice_request": {"document": "W-9"}},
)

C(
    "financial_distress extended_terms",
    """
We had agreed on 90 day terms with Paul when the account opened, and honestly right now we need every one of those days. Sales are down 40% and we're trying to avoid layoffs. Please bear with us.
""",
    frm="Theresa Wong <twong@goldengatefloral.com>",
    fields={
        "extended_terms": {"claimed_terms_days": 90},
        "financial_distress": {"detail": "sales down 40%, trying to avoid layoffs"},
    },
)

C(
    "short_pay invoice_request",
    """
We deducted $75.50 from payment (freight charged on a will-call order). Can you send me the credit memo for that so our books match?
""",
    frm="Angela Chu <angela.chu@summitdental.com>",
    fields={
        "short_pay": {"deducted_amount": "75.50", "reason": "freight"},
        "invoice_request": {"document": "credit memo"},
    },
)

C(
    "promise_to_pay wrong_contact",
    """
Hi, I'll make sure this gets paid by the 31st, but in the future please send invoices to invoices@lindqvistdesign.se rather than my personal inbox.

Best,
Beth Lindqvist
Lindqvist Design AB
Sveavägen 44, Stockholm
""",
    frm="Beth Lindqvist <beth@lindqvistdesign.se>",
    date="2026-03-18T09:00:00+01:00",
    fields={
        "promise_to_pay": {"promised_on": "2026-03-31"},
        "wrong_contact": {"new_contact_email": "invoices@lindqvistdesign.se"},
    },
)

C(
    "payment_sent dispute",
    """
Hi,

We paid INV-10612 on 2/20 ($1,350). INV-10640 is the same job billed again - please void it.

---------- Forwarded message ---------
From: Tom Whitfield <twhitfield@bluegrassmech.com>
Date: Fri, Feb 20, 2026 at 3:11 PM
Subject: payment
To: Accounts <accounts@bluegrassmech.com>

Please pay INV-10612 today, thx
""",
    frm='"Whitfield, Tom" <twhitfield@bluegrassmech.com>',
    fields={
        "payment_sent": {"amount": "1350", "paid_on": "2026-02-20"},
        "dispute": {"reason": "duplicate"},
    },
)

C(
    "dispute promise_to_pay",
    """
Dear AR,

We will settle invoices 2026-0502 and 2026-0503 on 27.03. Invoice 2026-0510 however includes 14 drums that were never delivered, please issue a credit note.

Kind regards,
Olga Petrova
Finance Manager
Baltic Coatings SIA | Rīga, Latvia
""",
    frm="Olga Petrova <o.petrova@baltic-coatings.lv>",
    date="2026-03-18T10:00:00+02:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-27"}, "dispute": {"reason": "not_received"}},
)

C(
    "payment_sent promise_to_pay",
    """
Paid half today ($2,500 by card). The other half will be paid on April 15.
""",
    frm="Kevin O'Brien <kobrien@obrienplumbing.ie>",
    date="2026-03-16T11:00:00+00:00",
    fields={
        "payment_sent": {"amount": "2500", "paid_on": "2026-03-16", "method": "card"},
        "promise_to_pay": {"promised_on": "2026-04-15"},
    },
)

C(
    "extended_terms invoice_request",
    """
Please send a copy of the signed credit application - I believe it shows net 45 and our system has you at net 30 too, so someone needs to look.
""",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={
        "extended_terms": {"claimed_terms_days": 45},
        "invoice_request": {"document": "credit application"},
    },
)

C(
    "missing_po dispute",
    """
We can't process INV-10802, there's no PO on it, and frankly the quantity is wrong too - we ordered 12 panels, not 16.
""",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={"missing_po": {"po_required": True}, "dispute": {"reason": "quantity"}},
)

C(
    "short_pay promise_to_pay",
    """
The payment on 88140 was short $115.75, that's the pricing difference on the gaskets. Your sales guy agreed to it. The remaining invoices 88150 and 88162 will go out on the 26th.
""",
    frm='"Nguyen, Minh" <minh.nguyen@pacificrimsupply.com>',
    date="2026-03-19T10:00:00-07:00",
    fields={
        "short_pay": {"deducted_amount": "115.75", "reason": "pricing"},
        "promise_to_pay": {"promised_on": "2026-03-26"},
    },
)

C(
    "financial_distress wrong_contact",
    """
Please direct all further correspondence to our restructuring advisor, Alan Greer at agreer@greer-advisory.com. The company has entered a formal restructuring process and we are not in a position to make payments at this time.
""",
    frm="Theresa Wong <twong@goldengatefloral.com>",
    fields={
        "wrong_contact": {
            "new_contact_email": "agreer@greer-advisory.com",
            "new_contact_name": "Alan Greer",
        },
        "financial_distress": {"detail": "formal restructuring; cannot make payments"},
    },
)

C(
    "payment_sent invoice_request wrong_contact",
    """
Hi,

1. INV-10380 was paid by check 55190 on Feb 12.
2. Please send us a statement of account.
3. Going forward, please address all AR correspondence to ap@ironwoodconstruction.com, not to me.

Thanks
Ronnie Diaz
""",
    frm="Ronnie Diaz <rdiaz@ironwoodconstruction.com>",
    fields={
        "payment_sent": {"method": "check", "reference": "55190", "paid_on": "2026-02-12"},
        "invoice_request": {"document": "statement"},
        "wrong_contact": {"new_contact_email": "ap@ironwoodconstruction.com"},
    },
)

C(
    "dispute",
    """
The freight on INV-10590 should have been zero (order was over $5k). Separately, congrats on the new website, it's much easier to find things.
""",
    frm="Theresa Wong <twong@goldengatefloral.com>",
    fields={"dispute": {"reason": "freight"}},
)

C(
    "invoice_request",
    """
Can you also send the W-9? And do you have a new catalog for spring? Thx
""",
    frm="Mike Rossi <mike@rossicatering.com>",
    fields={"invoice_request": {"document": "W-9"}},
)

C(
    "promise_to_pay extended_terms",
    """
Hi Jenna, our agreement is net 45 (see section 3 of the MSA), so technically this isn't late until the 20th. That said, we'll pay on the 18th.
""",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    date="2026-03-09T10:00:00-04:00",
    fields={
        "extended_terms": {"claimed_terms_days": 45},
        "promise_to_pay": {"promised_on": "2026-03-18"},
    },
)

C(
    "short_pay missing_po",
    """
Paid INV-10720 less the $48 handling fee (we don't accept handling fees per our vendor terms). INV-10733 still needs a PO, it's in exceptions.
""",
    frm="accounts.payable@northwindfoods.com",
    fields={
        "short_pay": {"deducted_amount": "48", "reason": "terms"},
        "missing_po": {"po_required": True},
    },
)

C(
    "payment_sent",
    """
Paid this morning by ACH, thanks for the patience. By the way, your invoices are always so clear, much appreciated.
""",
    frm="Angela Chu <angela.chu@summitdental.com>",
    date="2026-03-05T09:00:00-08:00",
    fields={"payment_sent": {"method": "ach", "paid_on": "2026-03-05"}},
)

C(
    "dispute financial_distress",
    """
I don't think we owe the full amount - the second service visit was a warranty call and should not have been billed. But even the part we do owe, we can't pay right now. We've had to cut hours and we're behind on rent.
""",
    frm="Kevin O'Brien <kobrien@obrienplumbing.ie>",
    fields={
        "dispute": {"reason": "other"},
        "financial_distress": {"detail": "cut hours, behind on rent"},
    },
)

C(
    "invoice_request missing_po",
    """
Hi, can you send copies of all open invoices with the PO number on each one? Our AP team is rejecting anything without it.
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={"invoice_request": {"document": "invoice copies"}, "missing_po": {"po_required": True}},
)

C(
    "promise_to_pay dispute short_pay",
    """
Status on your list:
- 2026-0488: we'll pay it less the $385 freight, which we don't owe (FOB destination). Paying $4,615 on March 20.
- 2026-0490: we dispute the price increase, still waiting on a corrected invoice.
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    date="2026-03-12T09:00:00-04:00",
    fields={
        "promise_to_pay": {"amount": "4615", "promised_on": "2026-03-20"},
        "short_pay": {"paid_amount": "4615", "deducted_amount": "385", "reason": "freight"},
        "dispute": {"reason": "pricing"},
    },
)

C(
    "auto_reply",
    """
I'm out of the office until March 23. Note for vendors: all invoices approved before 3/13 will be paid in the March 20 check run.
""",
    subject="Automatic reply: Overdue balance",
    frm="Amy Tran <amy@brightsideschools.org>",
    date="2026-03-13T07:00:00-07:00",
    headers={"Auto-Submitted": "auto-replied"},
    fields={"auto_reply": {"return_on": "2026-03-23"}},
    note="generic note to all vendors; no commitment about this invoice",
)

C(
    "wrong_contact",
    """
Jim retired last month, I'm taking over his accounts. I'm Denise Alvarez (dalvarez@colebrothersfarms.com). Nice to meet you! I'll review the statement and get back to you.
""",
    frm="Denise Alvarez <dalvarez@colebrothersfarms.com>",
    fields={
        "wrong_contact": {
            "new_contact_email": "dalvarez@colebrothersfarms.com",
            "new_contact_name": "Denise Alvarez",
        }
    },
)
