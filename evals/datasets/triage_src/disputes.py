"""Disputes, deductions (short pays) and missing purchase orders."""

# ruff: noqa: E501 - hand-written prose, kept as the customer wrote it

from .common import C

# --- dispute ----------------------------------------------------------------------------

C(
    "dispute",
    """
Hi,

We won't be paying INV-10442 as billed. The quote we signed (Q-2291) was $38/unit and you invoiced $42/unit across 300 units. Please send a corrected invoice.

Dana
""",
    subject="RE: Invoice INV-10442 past due",
    frm="Dana Ortiz <dana@acme-build.com>",
    fields={"dispute": {"reason": "pricing", "disputed_amount": "1200"}},
)

C(
    "dispute",
    """
We only received 40 cases, not 48. Until this is sorted out the invoice is on hold.
""",
    subject="RE: Invoice 2026-0471",
    frm="Mike Rossi <mike@rossicatering.com>",
    fields={"dispute": {"reason": "quantity"}},
)

C(
    "dispute",
    """
Hello,

Half of the pallets arrived crushed -- photos attached, and the driver noted it on the BOL. We're not paying for damaged product. Please advise how you want to handle the return.

Regards,
Theresa Wong
Golden Gate Floral Supply
""",
    subject="RE: Past due notice - INV-10590",
    frm="Theresa Wong <twong@goldengatefloral.com>",
    fields={"dispute": {"reason": "damaged"}},
)

C(
    "dispute",
    """
You already billed us for this. INV-10612 and INV-10640 are the same service call on 1/14. We paid 10612.
""",
    subject="RE: Overdue: INV-10640",
    frm='"Whitfield, Tom" <twhitfield@bluegrassmech.com>',
    fields={"dispute": {"reason": "duplicate"}},
)

C(
    "dispute invoice_request",
    """
We never received this order. Our receiving dock has no record of PO 45-2210 arriving. Please provide proof of delivery or cancel the invoice.
""",
    subject="RE: Invoice #88177",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={
        "dispute": {"reason": "not_received"},
        "invoice_request": {"document": "proof of delivery"},
    },
)

C(
    "dispute",
    """
The freight charge of $385.00 on this invoice is wrong, our agreement is FOB destination, freight prepaid. Remove it and we will process the rest.
""",
    subject="RE: Invoice 2026-0488 overdue",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    fields={"dispute": {"reason": "freight", "disputed_amount": "385.00"}},
)

C(
    "dispute",
    """
hi there - the 2% early pay discount wasnt applied even though we paid within 10 days last time. the terms on our contract are 2/10 net 30. pls fix
""",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={"dispute": {"reason": "terms"}},
)

C(
    "dispute",
    """
I'm disputing this charge. The technician was on site for 2 hours, not 6. I'm not paying for 6 hours of labor.

Rachel Stein
Stein Law Group
""",
    subject="RE: Invoice SLG-3391",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    fields={"dispute": {"reason": "quantity"}},
)

C(
    "dispute",
    """
The software licenses on INV-20877 were cancelled in December, we sent the cancellation notice to your account manager on 12/5. We dispute the full $6,000.
""",
    frm="Priya Raman <priya.raman@kestrel-labs.io>",
    fields={"dispute": {"reason": "other", "disputed_amount": "6000"}},
)

C(
    "dispute",
    """
Guten Tag,

wir erkennen die Rechnung RE-2026-131 nicht an. Die Ware war bei Lieferung beschädigt (siehe Lieferschein, Vermerk des Fahrers).

Mit freundlichen Grüßen
Jens Albrecht
""",
    subject="AW: Zahlungserinnerung",
    frm="Jens Albrecht <j.albrecht@albrecht-maschinenbau.de>",
    fields={"dispute": {"reason": "damaged"}},
)

C(
    "dispute",
    """
Bonjour,
Nous contestons la facture F-2026-0240 : le prix unitaire ne correspond pas au devis accepté (12,50 € au lieu de 14,90 €).
Cordialement
""",
    subject="RE: Facture F-2026-0240",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    fields={"dispute": {"reason": "pricing"}},
)

C(
    "dispute",
    """
Hola, no estamos de acuerdo con esta factura. El servicio de mantenimiento de febrero no se realizó. Saludos
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={"dispute": {"reason": "not_received"}},
)

C(
    "dispute",
    """
This invoice doesn't match our PO. PO says 1,000 sq ft of flooring at $4.10, you invoiced $4.65. We need a credit memo for the difference of $550 before we release anything.
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={"dispute": {"reason": "pricing", "disputed_amount": "550"}},
)

C(
    "dispute",
    """
Why am I being charged a late fee? I paid on time. Take the $75 off.
""",
    subject="RE: Statement",
    frm="Hannah Cole <hcole@colebrothersfarms.com>",
    fields={"dispute": {"reason": "other", "disputed_amount": "75"}},
)

C(
    "dispute",
    """
Hi

The product didn't work. Three of the five units failed during commissioning, your field tech confirmed it on site (ticket 55821). We are not paying for defective equipment.

Regards
Erik
""",
    frm="Erik Van Dijk <erik.vandijk@polderpack.nl>",
    fields={"dispute": {"reason": "damaged"}},
)

C(
    "dispute",
    """
we got billed twice for march rent, see inv 3301 and 3314
""",
    frm="Amy Tran <amy@brightsideschools.org>",
    fields={"dispute": {"reason": "duplicate"}},
)

C(
    "dispute",
    """
Dear Sirs, the goods were delivered 3 weeks late and our customer cancelled the order. We reject invoice HT-2026-014 in full.
""",
    frm="Rashid Haddad <rhaddad@haddad-trading.ae>",
    fields={"dispute": {"reason": "other"}},
)

C(
    "dispute",
    """
Your invoice shows 12 hours of consulting, but the statement of work capped February at 8 hours. We'll only accept 8.
""",
    frm="Beth Lindqvist <beth@lindqvistdesign.se>",
    fields={"dispute": {"reason": "quantity"}},
)

# --- short_pay --------------------------------------------------------------------------

C(
    "short_pay",
    """
Hi,

We paid INV-10517 less $212.40. Four cartons were damaged in transit (claim #DMG-3381), so we deducted them. Payment sent was $3,987.60.

Thanks,
Mark
""",
    subject="RE: Balance remaining on INV-10517",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    fields={
        "short_pay": {"paid_amount": "3987.60", "deducted_amount": "212.40", "reason": "damaged"}
    },
)

C(
    "short_pay",
    """
We short-paid by the freight amount ($145) since the order shipped freight collect but you billed us for shipping anyway.
""",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={"short_pay": {"deducted_amount": "145", "reason": "freight"}},
)

C(
    "short_pay",
    """
Hello, payment of 9,310.00 issued for invoice 2026-0490 (invoice total 9,500.00). We took the 2% discount as per the agreed terms.
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    fields={
        "short_pay": {"paid_amount": "9310.00", "deducted_amount": "190.00", "reason": "terms"}
    },
)

C(
    "short_pay",
    """
Yes we deducted $60 - one item on the packing list was never in the box.
""",
    subject="Re: Short payment on #88150",
    frm="Theresa Wong <twong@goldengatefloral.com>",
    fields={"short_pay": {"deducted_amount": "60", "reason": "quantity"}},
)

C(
    "short_pay",
    """
Hello,

Kindly note that our payment of USD 4,750.00 against invoice LMS-0101 (USD 5,000.00) reflects a deduction of USD 250.00 for the price difference agreed with your sales rep in January.

Regards,
Janet
""",
    frm="Janet Okafor <jokafor@lagosmarine.ng>",
    fields={
        "short_pay": {"paid_amount": "4750.00", "deducted_amount": "250.00", "reason": "pricing"}
    },
)

C(
    "short_pay",
    """
We'll be sending $1,800 instead of $2,000 since the last shipment came in short 10 units. We'll pay the balance when they show up.
""",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={"short_pay": {"paid_amount": "1800", "deducted_amount": "200", "reason": "quantity"}},
)

C(
    "short_pay",
    """
Deduction code 04 - pricing allowance per promo agreement. Amount deducted: $318.22. Ref: DED-2026-0071
""",
    subject="Deduction notification",
    frm="invoices@zenithretail.co.uk",
    fields={"short_pay": {"deducted_amount": "318.22", "reason": "pricing"}},
)

C(
    "short_pay",
    """
Hi, we paid everything except the $89 restocking fee, which was waived by Kim when we spoke last month.
""",
    frm="Angela Chu <angela.chu@summitdental.com>",
    fields={"short_pay": {"deducted_amount": "89", "reason": "other"}},
)

C(
    "short_pay",
    """
Guten Tag, wir haben 3% Skonto abgezogen und 4.850,00 EUR überwiesen. MfG P. Becker
""",
    frm="Paul Becker <pbecker@becker-elektro.de>",
    fields={"short_pay": {"paid_amount": "4850.00", "reason": "terms"}},
)

C(
    "short_pay",
    """
Invoice 5540 was paid at $1,100.00 instead of $1,250.00 because it was a duplicate charge of the $150 setup fee already billed on 5512.
""",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    fields={
        "short_pay": {"paid_amount": "1100.00", "deducted_amount": "150.00", "reason": "duplicate"}
    },
)

C(
    "short_pay",
    """
Our payment was short $420 because of the water-damaged rolls from the 2/11 delivery, as I mentioned to your driver.
""",
    frm="Beth Lindqvist <beth@lindqvistdesign.se>",
    fields={"short_pay": {"deducted_amount": "420", "reason": "damaged"}},
)

# --- missing_po -------------------------------------------------------------------------

C(
    "missing_po",
    """
pls send PO
""",
    subject="RE: Invoice INV-10720",
    frm="accounts.payable@northwindfoods.com",
    fields={"missing_po": {"po_required": True}},
)

C(
    "missing_po",
    """
Hello,

Your invoice INV-10733 was rejected by our AP system because it does not reference a valid purchase order. All invoices must include a PO number in the format 4500xxxxxx. Please reissue with the PO and resubmit.

Northwind Foods Accounts Payable
""",
    subject="Invoice rejected: INV-10733",
    frm="accounts.payable@northwindfoods.com",
    fields={"missing_po": {"po_required": True}},
)

C(
    "missing_po",
    """
We can't pay this without a PO number. Who on our side ordered this?
""",
    frm="Amy Tran <amy@brightsideschools.org>",
    fields={"missing_po": {"po_required": True}},
)

C(
    "missing_po",
    """
Hi,

Your invoice was returned from our Ariba portal: "Missing ship-to location code". Please add the location code (e.g. CPH-02) and resubmit through the portal, we cannot accept emailed PDFs.

Thanks
""",
    frm="AP Team <ap@cedarpointhealth.org>",
    fields={"missing_po": {"po_required": False}},
)

C(
    "missing_po",
    """
No PO no pay - company policy, sorry. Please ask your contact here for the PO and reissue.
""",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={"missing_po": {"po_required": True}},
)

C(
    "missing_po",
    """
Invoice 2026-0533 does not have a cost center or project code so it cannot be matched. Please add the project number (starts with PRJ-) and resend.
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    fields={"missing_po": {"po_required": False}},
)

C(
    "missing_po",
    """
Hi, the PO number on your invoice (PO-7718) doesn't exist in our system. Can you double-check? I think it should be PO-7781.
""",
    frm="Priya Raman <priya.raman@kestrel-labs.io>",
    fields={"missing_po": {"po_required": True}},
)

C(
    "missing_po",
    """
Sehr geehrte Damen und Herren, bitte geben Sie auf der Rechnung unsere Bestellnummer an, sonst können wir die Rechnung nicht bearbeiten. Danke.
""",
    frm="Jens Albrecht <j.albrecht@albrecht-maschinenbau.de>",
    fields={"missing_po": {"po_required": True}},
)

C(
    "missing_po",
    """
This came to us without our vendor number and PO, so it's sitting in exceptions. Resubmit via the supplier portal with both please.
""",
    frm="invoices@zenithretail.co.uk",
    fields={"missing_po": {"po_required": True}},
)
