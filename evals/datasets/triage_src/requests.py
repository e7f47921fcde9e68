"""Document requests, claimed terms, financial distress and wrong contacts."""

# ruff: noqa: E501 - hand-written prose, kept as the customer wrote it

from .common import C

# --- invoice_request --------------------------------------------------------------------

C(
    "invoice_request",
    """
Can you send me a copy of INV-10442? I can't find it anywhere.
""",
    subject="RE: Invoice INV-10442 past due",
    frm="Dana Ortiz <dana@acme-build.com>",
    fields={"invoice_request": {"document": "invoice copy"}},
)

C(
    "invoice_request",
    """
Please provide a current statement of account showing all open items.
""",
    frm="accounts.payable@northwindfoods.com",
    fields={"invoice_request": {"document": "statement"}},
)

C(
    "invoice_request",
    """
Hi,

Before we can set you up for payment we need a completed W-9. Could you email one over?

Thanks,
Rachel
""",
    frm="Rachel Stein <rstein@steinlawgroup.com>",
    fields={"invoice_request": {"document": "W-9"}},
)

C(
    "invoice_request",
    """
Send POD for 88123 pls
""",
    frm='"Nguyen, Minh" <minh.nguyen@pacificrimsupply.com>',
    fields={"invoice_request": {"document": "proof of delivery"}},
)

C(
    "invoice_request",
    """
Good morning. I'm new in this role and trying to catch up on open vendor balances. Would you be able to send an aging report and copies of any invoices over 30 days? Much appreciated.

Amy Tran
Business Office
""",
    frm="Amy Tran <amy@brightsideschools.org>",
    fields={"invoice_request": {"document": "aging report and invoice copies"}},
)

C(
    "invoice_request",
    """
We don't seem to have received invoice 2026-0466 - the reminder is the first we've heard of it. Please resend to this address.
""",
    frm="payables@riverbendschools.org",
    fields={"invoice_request": {"document": "invoice copy"}},
)

C(
    "invoice_request",
    """
Hi - can you send the invoice as a PDF? The link in your email goes to a login page and I don't have an account.
""",
    frm="Beth Lindqvist <beth@lindqvistdesign.se>",
    fields={"invoice_request": {"document": "invoice copy"}},
)

C(
    "invoice_request",
    """
Bonjour, pourriez-vous nous renvoyer la facture F-2026-0251 ? Nous ne la trouvons pas dans notre système. Merci
""",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    fields={"invoice_request": {"document": "invoice copy"}},
)

C(
    "invoice_request",
    """
Bitte senden Sie uns einen aktuellen Kontoauszug. Danke, P. Becker
""",
    frm="Paul Becker <pbecker@becker-elektro.de>",
    fields={"invoice_request": {"document": "statement"}},
)

C(
    "invoice_request",
    """
Our auditors need a confirmation of the balance as of 12/31/2025. Could you sign and return the attached balance confirmation, or send a statement as of that date?
""",
    frm="Samir Khan <samir.khan@meridianpharma.com>",
    fields={"invoice_request": {"document": "statement"}},
)

C(
    "invoice_request",
    """
Need the signed delivery tickets for Jan before I can get this approved.
""",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={"invoice_request": {"document": "proof of delivery"}},
)

C(
    "invoice_request",
    """
Hello, please send me your bank details on company letterhead, our treasury requires it for new vendors.
""",
    frm="Olga Petrova <o.petrova@baltic-coatings.lv>",
    fields={"invoice_request": {"document": "bank details letter"}},
)

C(
    "invoice_request",
    """
Can u resend the invoice with the itemized hours? The one we got only shows a total.
""",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={"invoice_request": {"document": "itemized invoice"}},
)

C(
    "invoice_request",
    """
Hola, ¿nos pueden enviar copia de las facturas pendientes? Gracias.
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={"invoice_request": {"document": "invoice copies"}},
)

C(
    "invoice_request",
    """
Please send a certificate of insurance naming Cedar Point Health as additional insured, compliance flagged your account.
""",
    frm="AP Team <ap@cedarpointhealth.org>",
    fields={"invoice_request": {"document": "certificate of insurance"}},
)

# --- extended_terms ---------------------------------------------------------------------

C(
    "extended_terms",
    """
Our contract with you is net 60, not net 30. These invoices aren't late yet.
""",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    fields={"extended_terms": {"claimed_terms_days": 60}},
)

C(
    "extended_terms",
    """
Hi Sarah,

When we signed on, Jim agreed to 45-day terms for us. Please update your system so we stop getting these reminders at 30 days.

Thanks,
Tom
""",
    frm='"Whitfield, Tom" <twhitfield@bluegrassmech.com>',
    fields={"extended_terms": {"claimed_terms_days": 45}},
)

C(
    "extended_terms",
    """
Per our master services agreement (section 4.2), payment is due 90 days from receipt of invoice. INV-20899 is not due until May.
""",
    frm="Priya Raman <priya.raman@kestrel-labs.io>",
    fields={"extended_terms": {"claimed_terms_days": 90}},
)

C(
    "extended_terms",
    """
Our standard payment terms for all suppliers are 75 days end of month, as stated in our PO terms and conditions, which you accepted.
""",
    frm="invoices@zenithretail.co.uk",
    fields={"extended_terms": {"claimed_terms_days": 75}},
)

C(
    "extended_terms",
    """
Laut Rahmenvertrag gilt ein Zahlungsziel von 60 Tagen. Die Rechnung ist daher noch nicht fällig.
""",
    frm="Jens Albrecht <j.albrecht@albrecht-maschinenbau.de>",
    fields={"extended_terms": {"claimed_terms_days": 60}},
)

C(
    "extended_terms",
    """
we were told net 45 when we opened the account??
""",
    frm="Mike Rossi <mike@rossicatering.com>",
    fields={"extended_terms": {"claimed_terms_days": 45}},
)

C(
    "extended_terms",
    """
Dear AR, as a public school district our payment terms are net 45 by state statute, as agreed in the bid award. Thank you.
""",
    frm="payables@riverbendschools.org",
    fields={"extended_terms": {"claimed_terms_days": 45}},
)

C(
    "extended_terms",
    """
Nos condiciones pactadas son a 90 días fecha factura. Por favor revisen.
""",
    frm="Lucia Moreno <lmoreno@grupoalba.es>",
    fields={"extended_terms": {"claimed_terms_days": 90}},
)

C(
    "extended_terms",
    """
Hi, I'm confused by the reminder. Your sales rep Kim confirmed in writing that we'd get sixty days on the equipment order. Can you check with her?
""",
    frm="Angela Chu <angela.chu@summitdental.com>",
    fields={"extended_terms": {"claimed_terms_days": 60}},
)

C(
    "extended_terms",
    """
Conditions de paiement convenues : 45 jours fin de mois. La facture n'est pas échue.
""",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    fields={"extended_terms": {"claimed_terms_days": 45}},
)

# --- financial_distress -----------------------------------------------------------------

C(
    "financial_distress",
    """
Honestly we're struggling right now. Two of our biggest customers haven't paid us and we don't have the cash. Can we set up a payment plan?
""",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={"financial_distress": {"detail": "customers haven't paid us; asks for payment plan"}},
)

C(
    "financial_distress",
    """
Please be advised that Cole Brothers Farms filed for Chapter 11 protection on March 3, 2026. All communications regarding pre-petition claims should be directed to our counsel.
""",
    frm="Hannah Cole <hcole@colebrothersfarms.com>",
    fields={"financial_distress": {"detail": "filed for Chapter 11"}},
)

C(
    "financial_distress",
    """
Hi,

I'm sorry, I know this is overdue. Business has been really slow since the storm and I can't pay the full amount. Could I pay $200 a month until it's paid off?

Mike
""",
    frm="Mike Rossi <mike@rossicatering.com>",
    fields={
        "financial_distress": {"detail": "business slow since the storm; asks for $200 a month"}
    },
)

C(
    "financial_distress",
    """
We are experiencing temporary cash-flow difficulties due to delayed government payments. We kindly request a 90-day moratorium on the outstanding balance.
""",
    frm="Janet Okafor <jokafor@lagosmarine.ng>",
    fields={"financial_distress": {"detail": "cash-flow difficulties; asks for 90-day moratorium"}},
)

C(
    "financial_distress",
    """
Sehr geehrte Damen und Herren, über das Vermögen der Albrecht Maschinenbau GmbH wurde am 02.03.2026 das Insolvenzverfahren eröffnet. Bitte melden Sie Ihre Forderungen beim Insolvenzverwalter an.
""",
    frm="Jens Albrecht <j.albrecht@albrecht-maschinenbau.de>",
    fields={"financial_distress": {"detail": "insolvency proceedings opened"}},
)

C(
    "financial_distress",
    """
can't pay right now. bank froze our line of credit.
""",
    frm="Kevin O'Brien <kobrien@obrienplumbing.ie>",
    fields={"financial_distress": {"detail": "bank froze line of credit"}},
)

C(
    "financial_distress",
    """
We are winding down operations at the end of this quarter. I'm not sure how much we'll be able to pay our vendors. I'll keep you posted when I know more.
""",
    frm="Theresa Wong <twong@goldengatefloral.com>",
    fields={"financial_distress": {"detail": "winding down operations"}},
)

C(
    "financial_distress",
    """
Estamos en concurso de acreedores desde el mes pasado. El administrador concursal se pondrá en contacto con ustedes.
""",
    frm="Lucia Moreno <lmoreno@grupoalba.es>",
    fields={"financial_distress": {"detail": "concurso de acreedores"}},
)

C(
    "financial_distress",
    """
Is there any way to split the $14,200 into installments? Cash is really tight this quarter.
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={"financial_distress": {"detail": "cash tight; asks for installments"}},
)

C(
    "financial_distress",
    """
Notre société est placée en redressement judiciaire depuis le 16 février. Toute créance doit être déclarée auprès du mandataire judiciaire.
""",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    fields={"financial_distress": {"detail": "redressement judiciaire"}},
)

# --- wrong_contact ----------------------------------------------------------------------

C(
    "wrong_contact",
    """
I'm not the right person for this. Please contact our AP department at ap@acme-build.com.
""",
    frm="Dana Ortiz <dana@acme-build.com>",
    fields={"wrong_contact": {"new_contact_email": "ap@acme-build.com"}},
)

C(
    "wrong_contact",
    """
Hi,

Lisa Marsh left the company in January. Going forward please send invoices and statements to Robert Kim, robert.kim@harborlogistics.com.

Mark
""",
    frm="Mark Feldman <mfeldman@harborlogistics.com>",
    fields={
        "wrong_contact": {
            "new_contact_email": "robert.kim@harborlogistics.com",
            "new_contact_name": "Robert Kim",
        }
    },
)

C(
    "wrong_contact",
    """
wrong person - I'm in sales. try accounting@pattersonauto.net
""",
    frm="Greg Patterson <greg@pattersonauto.net>",
    fields={"wrong_contact": {"new_contact_email": "accounting@pattersonauto.net"}},
)

C(
    "wrong_contact",
    """
Please remove me from this distribution list. I handle purchasing, not payables. Our AP inbox is payables@kestrel-labs.io.
""",
    frm="Priya Raman <priya.raman@kestrel-labs.io>",
    fields={"wrong_contact": {"new_contact_email": "payables@kestrel-labs.io"}},
)

C(
    "wrong_contact",
    """
This mailbox is no longer monitored. Please send all vendor correspondence to ap-invoices@cedarpointhealth.org.
""",
    frm="AP Team <ap@cedarpointhealth.org>",
    fields={"wrong_contact": {"new_contact_email": "ap-invoices@cedarpointhealth.org"}},
)

C(
    "wrong_contact",
    """
Hello, I'm the office manager at the Fresno location. Billing for all locations is handled at corporate - Denise Alvarez, dalvarez@colebrothersfarms.com. I've copied her here.
""",
    frm="Hannah Cole <hcole@colebrothersfarms.com>",
    fields={
        "wrong_contact": {
            "new_contact_email": "dalvarez@colebrothersfarms.com",
            "new_contact_name": "Denise Alvarez",
        }
    },
)

C(
    "wrong_contact",
    """
Frau Schulz ist nicht mehr bei uns. Ihre Nachfolgerin ist Frau Katrin Vogel (k.vogel@becker-elektro.de).
""",
    frm="Paul Becker <pbecker@becker-elektro.de>",
    fields={
        "wrong_contact": {
            "new_contact_email": "k.vogel@becker-elektro.de",
            "new_contact_name": "Katrin Vogel",
        }
    },
)

C(
    "wrong_contact",
    """
Bonjour, merci d'adresser vos relances à notre service comptabilité : compta@atelier-garnier.fr
""",
    frm="Sophie Garnier <s.garnier@atelier-garnier.fr>",
    fields={"wrong_contact": {"new_contact_email": "compta@atelier-garnier.fr"}},
)

C(
    "wrong_contact",
    """
Hi, I think you have the wrong email. I don't work at Bluegrass Mechanical and never have.
""",
    frm="Tom Whitfield <tom.whitfield1987@gmail.com>",
)

C(
    "wrong_contact",
    """
I've forwarded this to our controller, Nadia Brooks. Her email is nbrooks@ironwoodconstruction.com - please deal with her directly from now on.
""",
    frm="Ap Dept <apdept@ironwoodconstruction.com>",
    fields={
        "wrong_contact": {
            "new_contact_email": "nbrooks@ironwoodconstruction.com",
            "new_contact_name": "Nadia Brooks",
        }
    },
)

C(
    "wrong_contact",
    """
Por favor envíen las facturas a cuentasporpagar@herreraconstrucciones.mx, yo ya no llevo ese tema.
""",
    frm="Luis Herrera <lherrera@herreraconstrucciones.mx>",
    fields={"wrong_contact": {"new_contact_email": "cuentasporpagar@herreraconstrucciones.mx"}},
)
