"""Whole raw messages (RFC 5322): auto-replies from headers, MIME parts, quoted history."""

# ruff: noqa: E501 - hand-written prose, kept as the customer wrote it

from .common import E

E(
    "auto_reply",
    """
Return-Path: <>
From: Dana Ortiz <dana@acme-build.com>
To: Accounts Receivable <ar@example.com>
Subject: Automatic reply: Invoice INV-10805 reminder
Date: Mon, 23 Mar 2026 08:02:11 -0500
Message-ID: <auto-8812@acme-build.com>
In-Reply-To: <notice-10805@example.com>
Auto-Submitted: auto-replied
X-MS-Exchange-Inbox-Rules-Loop: dana@acme-build.com
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

I am out of the office until Thursday, March 26th. I will respond to your message when I return.
""",
    fields={"auto_reply": {"return_on": "2026-03-26"}},
)

E(
    "auto_reply",
    """
From: "Kestrel Labs Payables" <payables@kestrel-labs.io>
To: ar@example.com
Subject: Re: Statement of account [#KL-22871]
Date: Tue, 10 Mar 2026 14:20:05 +0000
Message-ID: <zendesk-22871@kestrel-labs.io>
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: All
Precedence: bulk
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Your request (#KL-22871) has been received and is being reviewed by our support staff.

To add additional comments, reply to this email.
""",
)

E(
    "payment_sent",
    """
From: Tom Whitfield <twhitfield@bluegrassmech.com>
To: Sarah Lin <ar@example.com>
Subject: RE: Past due - INV-10612
Date: Wed, 4 Mar 2026 11:47:30 -0500
Message-ID: <BN8PR12MB3321@bluegrassmech.com>
In-Reply-To: <notice-10612@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Sarah - this went out last Friday, check 20418 for $1,350.00.

Tom Whitfield
Controller | Bluegrass Mechanical
859-555-0133

-----Original Message-----
From: Sarah Lin <ar@example.com>
Sent: Tuesday, March 3, 2026 9:00 AM
To: Tom Whitfield <twhitfield@bluegrassmech.com>
Subject: Past due - INV-10612

Hi Tom,

INV-10612 for $1,350.00 is now 30 days past due. If you have already paid, please send the remittance detail.

Thanks,
Sarah
""",
    fields={
        "payment_sent": {
            "amount": "1350.00",
            "paid_on": "2026-02-27",
            "method": "check",
            "reference": "20418",
        }
    },
)

E(
    "dispute promise_to_pay",
    """
From: Priya Raman <priya.raman@kestrel-labs.io>
To: ar@example.com
Subject: Re: Reminder: invoices 2026-0457, 2026-0461
Date: Thu, 12 Mar 2026 16:05:44 -0700
Message-ID: <CAF=xk2@mail.gmail.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="000000000000b1c2"

--000000000000b1c2
Content-Type: text/plain; charset="UTF-8"

Hi,

2026-0457 is fine, we'll pay it by March 31. 2026-0461 charges for 20 licenses but we only have 12 seats, please correct it.

Priya

On Thu, Mar 12, 2026 at 9:00 AM AR Team <ar@example.com> wrote:
> Dear Priya,
> Invoices 2026-0457 and 2026-0461 are past due. Please arrange payment.

--000000000000b1c2
Content-Type: text/html; charset="UTF-8"

<div dir="ltr">Hi,<div><br></div><div>2026-0457 is fine, we&#39;ll pay it by March 31. 2026-0461 charges for 20 licenses but we only have 12 seats, please correct it.</div><div><br></div><div>Priya</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Thu, Mar 12, 2026 at 9:00 AM AR Team &lt;ar@example.com&gt; wrote:<br></div><blockquote class="gmail_quote">Dear Priya,<br>Invoices 2026-0457 and 2026-0461 are past due. Please arrange payment.</blockquote></div>

--000000000000b1c2--
""",
    fields={"promise_to_pay": {"promised_on": "2026-03-31"}, "dispute": {"reason": "quantity"}},
)

E(
    "promise_to_pay",
    """
From: Paul Becker <pbecker@becker-elektro.de>
To: buchhaltung@example.com
Subject: =?utf-8?q?AW=3A_Zahlungserinnerung_RE-2026-140?=
Date: Mon, 9 Mar 2026 10:12:00 +0100
Message-ID: <4a1b@becker-elektro.de>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Guten Tag,

die Zahlung f=C3=BCr RE-2026-140 erfolgt am 13.03.2026.

Mit freundlichen Gr=C3=BC=C3=9Fen
Paul Becker
Becker Elektrotechnik GmbH | Gesch=C3=A4ftsf=C3=BChrer: P. Becker | HRB 12345
""",
    fields={"promise_to_pay": {"promised_on": "2026-03-13"}},
)

E(
    "wrong_contact",
    """
From: Lisa Marsh <lmarsh@harborlogistics.com>
To: ar@example.com
Subject: RE: Open invoices
Date: Fri, 6 Mar 2026 13:30:00 -0500
Message-ID: <lm-5531@harborlogistics.com>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"

<html><head><style>p{margin:0}</style></head><body><p>Hello,</p><p>I no longer handle AP for Harbor Logistics. Please reach out to <a href="mailto:robert.kim@harborlogistics.com">robert.kim@harborlogistics.com</a>.</p><p>Best,<br>Lisa</p><div style="border-top:1px solid #ccc"><b>From:</b> AR Team<br><b>Sent:</b> Thursday, March 5, 2026<br><b>Subject:</b> Open invoices<br><p>Please see the open invoices below.</p></div></body></html>
""",
    fields={"wrong_contact": {"new_contact_email": "robert.kim@harborlogistics.com"}},
)

E(
    "auto_reply",
    """
From: MAILER-DAEMON@mx.pattersonauto.net
To: ar@example.com
Subject: Out of Office: RE: Past due invoices
Date: Tue, 17 Mar 2026 07:00:00 -0500
Message-ID: <ooo-1@pattersonauto.net>
X-Autoreply: yes
Precedence: auto_reply
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Greg is on vacation through March 20. Back Monday the 23rd.
""",
    fields={"auto_reply": {"return_on": "2026-03-23"}},
)

E(
    "short_pay",
    """
From: AP Team <ap@cedarpointhealth.org>
To: ar@example.com
Subject: Remittance / deduction detail - INV-10760
Date: Wed, 18 Mar 2026 09:41:00 -0400
Message-ID: <cph-rem-7781@cedarpointhealth.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mix-1"

--mix-1
Content-Type: text/plain; charset="us-ascii"

Hello,

Payment for INV-10760 was released for $2,880.00. We deducted $320.00 because 8 of the 40 cases were past their expiry date on arrival (quality). Credit request attached.

Cedar Point Health - Accounts Payable

--mix-1
Content-Type: application/pdf; name="credit_request.pdf"
Content-Disposition: attachment; filename="credit_request.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK

--mix-1--
""",
    fields={
        "short_pay": {"paid_amount": "2880.00", "deducted_amount": "320.00", "reason": "damaged"}
    },
)

E(
    "payment_sent",
    """
From: Hannah Cole <hcole@colebrothersfarms.com>
To: ar@example.com
Subject: Fwd: Payment confirmation
Date: Thu, 5 Mar 2026 15:15:00 -0800
Message-ID: <CAH7fwd@mail.gmail.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

See below, this is the confirmation from our bank.

---------- Forwarded message ---------
From: Central Valley Bank <alerts@cvbank.example>
Date: Thu, Mar 5, 2026 at 2:02 PM
Subject: Payment confirmation
To: <hcole@colebrothersfarms.com>

Your wire transfer of $4,900.00 to ACME SUPPLY INC was completed on 03/05/2026.
Confirmation number: W2603051187
""",
    fields={
        "payment_sent": {
            "amount": "4900.00",
            "paid_on": "2026-03-05",
            "method": "wire",
            "reference": "W2603051187",
        }
    },
)

E(
    "invoice_request missing_po",
    """
From: accounts.payable@northwindfoods.com
To: ar@example.com
Subject: RE: INV-10733 - rejected
Date: Fri, 13 Mar 2026 08:10:00 -0600
Message-ID: <nwf-33120@northwindfoods.com>
In-Reply-To: <notice-10733@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Still no PO on this one. Please also include the bill of lading when you resubmit.

> From: AR Team
> Sent: Thursday, March 12, 2026
> We have resubmitted INV-10733. Please confirm it is now in process.
""",
    fields={"missing_po": {"po_required": True}, "invoice_request": {"document": "bill of lading"}},
)

E(
    "financial_distress",
    """
From: Theresa Wong <twong@goldengatefloral.com>
To: ar@example.com
Subject: Re: Account review
Date: Mon, 16 Mar 2026 19:45:00 -0700
Message-ID: <tw-991@goldengatefloral.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

I'll be honest with you, we may not make it through the spring. We're talking to a bankruptcy attorney this week. I wanted you to hear it from me.

Theresa

Sent from my iPhone

> On Mar 16, 2026, at 9:00 AM, AR Team <ar@example.com> wrote:
>
> Hi Theresa, can we set up a call to review the account?
""",
    fields={"financial_distress": {"detail": "talking to a bankruptcy attorney"}},
)

E(
    "other",
    """
From: Angela Chu <angela.chu@summitdental.com>
To: ar@example.com
Subject: Re: Your statement is ready
Date: Tue, 10 Mar 2026 12:00:00 -0700
Message-ID: <ac-3@summitdental.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Thank you! All looks correct.

On Tue, Mar 10, 2026 at 8:00 AM AR Team <ar@example.com> wrote:
> Your March statement is attached. It shows one disputed invoice (INV-10590)
> and a payment of $1,204.66 received on 3/6. Please tell us if you believe
> anything is missing or wrong.
""",
    note="the quoted history mentions a dispute and a payment; the new text does not",
)

E(
    "auto_reply",
    """
From: Beth Lindqvist <beth@lindqvistdesign.se>
To: ar@example.com
Subject: =?utf-8?q?Autosvar=3A_Reminder?=
Date: Mon, 23 Mar 2026 06:00:00 +0100
Message-ID: <autosvar-1@lindqvistdesign.se>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Tack för ditt mejl. Jag är ledig till och med 27 mars.
Thank you for your email. I am on leave until 27 March inclusive and back on 30 March.
""",
    fields={"auto_reply": {"return_on": "2026-03-30"}},
)
