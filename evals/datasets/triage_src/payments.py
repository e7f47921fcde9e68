"""Replies that say a payment went out, and replies that promise one."""

# ruff: noqa: E501 - hand-written prose, kept as the customer wrote it

from .common import C

# --- payment_sent -----------------------------------------------------------------------

C(
    "payment_sent",
    """
paid
""",
    subject="RE: Invoice INV-10442 past due",
    frm="Dana Ortiz <dana@acme-build.com>",
)

C(
    "payment_sent",
    """
Hi,

This was paid yesterday via ACH, $4,218.50, trace number 091000019384752. Should post to your account in a day or two.

Thanks,
Mark
""",
    subject="RE: Past due - INV-10517",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    date="2026-03-05T08:30:00-05:00",
    fields={
        "payment_sent": {
            "amount": "4218.50",
            "paid_on": "2026-03-04",
            "method": "ach",
            "reference": "091000019384752",
        }
    },
)

C(
    "payment_sent",
    """
Good morning,

Check #10233 in the amount of $1,980.00 was mailed on 2/24 for invoices 2026-0457 and 2026-0461.

Regards,
Hannah Cole
Cole Brothers Farms | Office Manager
(559) 555-0147
""",
    subject="Re: Statement of account",
    frm="Hannah Cole <hcole@colebrothersfarms.com>",
    date="2026-03-03T10:11:00-08:00",
    fields={
        "payment_sent": {
            "amount": "1980.00",
            "paid_on": "2026-02-24",
            "method": "check",
            "reference": "10233",
        }
    },
)

C(
    "payment_sent",
    """
Please see attached remittance advice.

Payment Date: 03/06/2026
Payment Method: ACH
Payment Number: 00045721
Invoice #        Inv Date     Amount
88123            01/15/2026   2,400.00
88140            01/22/2026     615.75
Total                         3,015.75

This is a system-generated remittance. Please do not reply to this email.
""",
    subject="Remittance Advice - Payment 00045721",
    frm="payables@riverbendschools.org",
    date="2026-03-06T06:02:00-05:00",
    fields={
        "payment_sent": {
            "amount": "3015.75",
            "paid_on": "2026-03-06",
            "method": "ach",
            "reference": "00045721",
        }
    },
)

C(
    "payment_sent",
    """
we wired it friday. ref FT26062XK91. pls confirm receipt
""",
    subject="RE: overdue",
    frm="Rashid Haddad <rhaddad@haddad-trading.ae>",
    date="2026-03-09T08:12:00+04:00",
    fields={
        "payment_sent": {"paid_on": "2026-03-06", "method": "wire", "reference": "FT26062XK91"}
    },
)

C(
    "payment_sent",
    """
Hello, the payment for INV-20931 has been released in our system this morning, it is scheduled for the 12th and should arrive by ACH shortly after. Kind regards
""",
    frm="Erik Van Dijk <erik.vandijk@polderpack.nl>",
    date="2026-03-10T09:40:00+01:00",
    fields={"payment_sent": {"paid_on": "2026-03-12", "method": "ach"}},
)

C(
    "payment_sent",
    """
Hi Jenna - I just paid the balance with my Amex through your portal. Confirmation code is 7Q2-88K1. Sorry for the delay, things have been crazy here.

Greg
""",
    subject="Re: Your account is past due",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={"payment_sent": {"method": "card", "reference": "7Q2-88K1"}},
)

C(
    "payment_sent",
    """
Dear Sir/Madam,

Kindly note that we have effected payment of USD 12,750.00 on 2 March 2026 by telegraphic transfer to your account ending 4471. The swift copy is attached for your records.

Best Regards,
Janet Okafor
Accounts Department
Lagos Marine Services Ltd
""",
    subject="RE: OUTSTANDING INVOICE LMS-0092",
    frm="Janet Okafor <jokafor@lagosmarine.ng>",
    date="2026-03-04T12:30:00+01:00",
    fields={"payment_sent": {"amount": "12750.00", "paid_on": "2026-03-02", "method": "wire"}},
)

C(
    "payment_sent",
    """
I dropped a check off at your front desk on Tuesday. It was for the full $642.
Mike
""",
    subject="RE: Second notice",
    frm="Mike Rossi <mike@rossicatering.com>",
    date="2026-03-12T15:22:00-05:00",
    fields={"payment_sent": {"amount": "642", "paid_on": "2026-03-10", "method": "check"}},
)

C(
    "payment_sent",
    """
This invoice was included in our payment run of 27 Feb. Remittance ref PR-0227-118. Amount GBP 3,460.20.

Zenith Retail Accounts Payable
""",
    subject="RE: Invoice ZR-44810 overdue",
    frm="invoices@zenithretail.co.uk",
    date="2026-03-02T11:48:00+00:00",
    fields={
        "payment_sent": {"amount": "3460.20", "paid_on": "2026-02-27", "reference": "PR-0227-118"}
    },
)

C(
    "payment_sent",
    """
Payment went out on the 1st, should have hit already? Can you check on your end. it was $9,875 ACH
""",
    subject="Re: Payment reminder",
    frm="Theresa Wong <twong@goldengatefloral.com>",
    date="2026-03-04T17:05:00-08:00",
    fields={"payment_sent": {"amount": "9875", "paid_on": "2026-03-01", "method": "ach"}},
)

C(
    "payment_sent",
    """
Hi there,
Just a heads up, your invoices #5521 through #5524 were approved and paid in our Coupa run today. You should see a single EFT for $7,140.32.
Best,
Angela
""",
    frm="Angela Chu <angela.chu@summitdental.com>",
    date="2026-03-11T16:00:00-07:00",
    fields={"payment_sent": {"amount": "7140.32", "paid_on": "2026-03-11", "method": "ach"}},
)

C(
    "payment_sent",
    """
Sent via Zelle to the number on your invoice, $350 - memo says Inv 3307.
""",
    subject="Re: Invoice 3307",
    frm="Amy Tran <amy@brightsideschools.org>",
    fields={"payment_sent": {"amount": "350", "method": "other", "reference": "Inv 3307"}},
)

C(
    "payment_sent",
    """
Hello Accounts,

Our records show INV-10380 was settled by check no. 55190, cleared our bank on 02/19. Please reconcile and update your statement.

Thank you
Ironwood Construction - AP
""",
    subject="RE: Statement - February",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={"payment_sent": {"method": "check", "reference": "55190"}},
)

C(
    "payment_sent",
    """
paid in full on 3/3 - conf# 44718820
""",
    frm="Kevin O'Brien <kobrien@obrienplumbing.ie>",
    date="2026-03-05T09:15:00+00:00",
    fields={"payment_sent": {"paid_on": "2026-03-03", "reference": "44718820"}},
)

C(
    "payment_sent",
    """
Hi, we processed this payment last week, wire sent on March 4th for €18.400,00. Our bank reference is 2026030400117. Please let us know if you do not see it.

Best regards,
Olga Petrova
Baltic Coatings SIA
""",
    subject="RE: Reminder INV-31207",
    frm="Olga Petrova <o.petrova@baltic-coatings.lv>",
    date="2026-03-10T10:02:00+02:00",
    fields={
        "payment_sent": {
            "amount": "18400.00",
            "paid_on": "2026-03-04",
            "method": "wire",
            "reference": "2026030400117",
        }
    },
)

C(
    "payment_sent",
    """
Got your reminder. Payment is in the mail, check 3391 went out Monday.

Sent from my iPhone
""",
    subject="RE: Past due invoices",
    frm="Greg Patterson <greg@pattersonauto.net>",
    date="2026-03-12T18:44:00-05:00",
    fields={"payment_sent": {"method": "check", "reference": "3391", "paid_on": "2026-03-09"}},
)

C(
    "payment_sent",
    """
Hi,

Invoice 2026-0512 is scheduled for payment in our system on 03/20/2026 (vendor payment batch). Method ACH.

Regards
Samir
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    date="2026-03-12T10:00:00-05:00",
    fields={"payment_sent": {"paid_on": "2026-03-20", "method": "ach"}},
    note="scheduled in their system counts as payment_sent per the taxonomy",
)

C(
    "payment_sent",
    """
All three invoices were paid together on one transfer -- $2,115.00 total -- on Feb 28. I've attached the bank confirmation. Can you apply it and send me a zero-balance statement? Actually never mind the statement, just confirm it's applied.
""",
    frm="Beth Lindqvist <beth@lindqvistdesign.se>",
    date="2026-03-03T08:20:00+01:00",
    fields={"payment_sent": {"amount": "2115.00", "paid_on": "2026-02-28"}},
)

C(
    "payment_sent",
    """
Pago realizado el 5 de marzo por transferencia bancaria, importe 2.350,00 USD. Adjunto el comprobante.
Saludos,
Lucía
""",
    subject="RE: Factura vencida INV-10611",
    frm="Lucia Moreno <lmoreno@grupoalba.es>",
    date="2026-03-06T13:10:00+01:00",
    fields={"payment_sent": {"amount": "2350.00", "paid_on": "2026-03-05", "method": "wire"}},
)

C(
    "payment_sent",
    """
Sehr geehrte Damen und Herren,

die Rechnung RE-2026-118 wurde am 03.03.2026 per Überweisung beglichen (Betrag 5.600,00 EUR).

Mit freundlichen Grüßen
Paul Becker
Becker Elektrotechnik GmbH
""",
    subject="AW: Zahlungserinnerung RE-2026-118",
    frm="Paul Becker <pbecker@becker-elektro.de>",
    date="2026-03-05T10:30:00+01:00",
    fields={"payment_sent": {"amount": "5600.00", "paid_on": "2026-03-03", "method": "wire"}},
)

C(
    "payment_sent",
    """
Bonjour,

Le virement de 3 270,40 EUR a été effectué le 9 mars pour la facture F-2026-0233.

Cordialement,
Sophie Garnier
""",
    subject="RE: Relance facture F-2026-0233",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    date="2026-03-10T09:05:00+01:00",
    fields={"payment_sent": {"amount": "3270.40", "paid_on": "2026-03-09", "method": "wire"}},
)

C(
    "payment_sent",
    """
Hi! we have pay this invoice already on last week, 8.500 dollars by bank transfer. Please check again your bank, thank you so much
Carlos
""",
    subject="RE: Invoice INV-10702",
    frm="Carlos Mendes <cmendes@mendestransportes.com.br>",
    fields={"payment_sent": {"amount": "8500", "method": "wire"}},
)

C(
    "payment_sent",
    """
This has been taken care of. Payment ID 2026-PMT-00917, released 03/13.
--
Minh Nguyen | Accounts Payable Specialist
Pacific Rim Supply Co.
T: 206-555-0193
""",
    frm='"Nguyen, Minh" <minh.nguyen@pacificrimsupply.com>',
    date="2026-03-16T08:00:00-07:00",
    fields={"payment_sent": {"reference": "2026-PMT-00917", "paid_on": "2026-03-13"}},
)

C(
    "payment_sent",
    """
<p>Hello,</p><p>Payment of <b>$1,204.66</b> was sent by ACH on 3/16/2026.</p><p>Thank you,<br>Cedar Point Health AP</p>
""",
    frm="AP Team <ap@cedarpointhealth.org>",
    date="2026-03-17T09:12:00-04:00",
    fields={"payment_sent": {"amount": "1204.66", "paid_on": "2026-03-16", "method": "ach"}},
)

C(
    "payment_sent",
    """
Already paid!! Check the attached screenshot from our bank, Jan 30, $760.00.
""",
    subject="RE: FINAL NOTICE",
    frm="Mike Rossi <mike@rossicatering.com>",
    fields={"payment_sent": {"amount": "760.00", "paid_on": "2026-01-30"}},
)

# --- promise_to_pay ---------------------------------------------------------------------

C(
    "promise_to_pay",
    """
We'll pay INV-10442 by Friday.
""",
    subject="RE: Invoice INV-10442 past due",
    frm="Dana Ortiz <dana@acme-build.com>",
    date="2026-03-02T09:14:00-05:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-06"}},
)

C(
    "promise_to_pay",
    """
Hi Sarah,

Thanks for the reminder. Our next check run is on the 15th and your invoice is on it. You'll have payment in full, $2,870, by then.

Cheers,
Tom Whitfield
Bluegrass Mechanical
""",
    subject="RE: Overdue balance",
    frm='"Whitfield, Tom" <twhitfield@bluegrassmech.com>',
    date="2026-03-04T14:00:00-05:00",
    fields={"promise_to_pay": {"amount": "2870", "promised_on": "2026-03-15"}},
)

C(
    "promise_to_pay",
    """
will pay end of month
""",
    frm="Kevin O'Brien <kobrien@obrienplumbing.ie>",
    date="2026-03-10T12:00:00+00:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-31"}},
)

C(
    "promise_to_pay",
    """
Hello,

Apologies for the delay on 2026-0457. I have submitted it for approval and expect it to be paid no later than March 20th.

Best,
Priya
""",
    subject="Re: Payment reminder: 2026-0457",
    frm="Priya Raman <priya.raman@kestrel-labs.io>",
    date="2026-03-09T11:30:00-07:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-20"}},
)

C(
    "promise_to_pay",
    """
Hey - I can get you $1,500 tomorrow and the rest ($1,120) next Friday the 13th. Does that work?
""",
    subject="RE: Second notice",
    frm="Mike Rossi <mike@rossicatering.com>",
    date="2026-03-03T19:20:00-05:00",
    fields={"promise_to_pay": {"amount": "1500", "promised_on": "2026-03-04"}},
    note="two promises; the field records the first dated one",
)

C(
    "promise_to_pay",
    """
Dear Team,
Payment for invoice #88123 will be released within two weeks from today.
Regards, Erik
""",
    frm="Erik Van Dijk <erik.vandijk@polderpack.nl>",
    date="2026-03-16T10:00:00+01:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-30"}},
)

C(
    "promise_to_pay",
    """
Thanks for your patience. We expect to clear all open items with our April 3 payment run.

Samir Khan
Meridian Pharma | Finance
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    date="2026-03-18T09:00:00-04:00",
    fields={"promise_to_pay": {"promised_on": "2026-04-03"}},
)

C(
    "promise_to_pay",
    """
Hola, pagaremos la factura INV-10655 el próximo lunes 23 de marzo. Un saludo.
""",
    subject="RE: Recordatorio de pago",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    date="2026-03-17T10:00:00-06:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-23"}},
)

C(
    "promise_to_pay",
    """
Bonjour, le règlement de la facture F-2026-0198 sera effectué d'ici le 31/03. Bien à vous, S. Garnier
""",
    subject="RE: Relance",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    date="2026-03-12T15:00:00+01:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-31"}},
)

C(
    "promise_to_pay",
    """
Guten Tag,

wir werden den offenen Betrag von 2.140,00 EUR bis spätestens 20.03.2026 überweisen.

Freundliche Grüße
J. Albrecht
""",
    subject="AW: Mahnung Nr. 2",
    frm="Jens Albrecht <j.albrecht@albrecht-maschinenbau.de>",
    date="2026-03-11T08:40:00+01:00",
    fields={"promise_to_pay": {"amount": "2140.00", "promised_on": "2026-03-20"}},
)

C(
    "promise_to_pay",
    """
ok, will get this paid on thurs
""",
    subject="Re: Open invoices",
    frm="Greg Patterson <greg@pattersonauto.net>",
    date="2026-03-16T13:00:00-05:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-19"}},
)

C(
    "promise_to_pay",
    """
Good afternoon,

Invoice INV-10588 has been approved. Our terms run payments on Wednesdays; you can expect it on the 25th.

Thank you,
Amy Tran
Business Office, Brightside Schools
""",
    frm="Amy Tran <amy@brightsideschools.org>",
    date="2026-03-19T14:38:00-04:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-25"}},
)

C(
    "promise_to_pay",
    """
Hi Jenna,

Sorry this slipped. I'll make sure the full balance of $3,412.08 is paid before the end of next week.

Angela
""",
    frm="Angela Chu <angela.chu@summitdental.com>",
    date="2026-03-02T10:30:00-08:00",
    fields={"promise_to_pay": {"amount": "3412.08", "promised_on": "2026-03-13"}},
)

C(
    "promise_to_pay",
    """
We commit to paying $10,000 toward the balance on or before April 1, 2026.
""",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    date="2026-03-12T16:00:00-04:00",
    fields={"promise_to_pay": {"amount": "10000", "promised_on": "2026-04-01"}},
)

C(
    "promise_to_pay",
    """
Hi,
Noted with thanks. Payment will be arranged by 10th April.
Rgds
Rashid
""",
    frm="Rashid Haddad <rhaddad@haddad-trading.ae>",
    date="2026-03-24T09:00:00+04:00",
    fields={"promise_to_pay": {"promised_on": "2026-04-10"}},
)

C(
    "promise_to_pay",
    """
I get paid on the 20th and will send the $480 then. Sorry!!
""",
    subject="RE: reminder",
    frm="Hannah Cole <hcole@colebrothersfarms.com>",
    date="2026-03-11T20:00:00-07:00",
    fields={"promise_to_pay": {"amount": "480", "promised_on": "2026-03-20"}},
)

C(
    "promise_to_pay",
    """
Hello. We are closing the month; your invoice will be paid in the first days of April, latest 4/6.
""",
    frm="Carlos Mendes <cmendes@mendestransportes.com.br>",
    date="2026-03-27T10:00:00-03:00",
    fields={"promise_to_pay": {"promised_on": "2026-04-06"}},
)

C(
    "promise_to_pay",
    """
Yes - tomorrow.
""",
    subject="Re: Can you confirm when INV-10791 will be paid?",
    frm="Dana Ortiz <dana@acme-build.com>",
    date="2026-03-18T15:50:00-05:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-19"}},
)

C(
    "promise_to_pay",
    """
Dear Accounts Receivable,

Please be informed that invoices 2026-0502 and 2026-0503 are planned for settlement on 27.03.2026.

Kind regards,
Olga Petrova
""",
    frm="Olga Petrova <o.petrova@baltic-coatings.lv>",
    date="2026-03-18T11:00:00+02:00",
    fields={"promise_to_pay": {"promised_on": "2026-03-27"}},
)
