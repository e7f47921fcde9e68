"""Which amount of a reply is which: paid, deducted, promised, contested.

A reply names several amounts (the invoice's gross, the deduction, what was paid, a unit
price); words around each tell them apart ("less $48", "$96.00 light", "über 3.412,60 €",
"Restbetrag von 2.800,00 €", "$4.10/sq ft"). Money is `Decimal`; `extract.find_amounts`
has already refused dates, phone, PO and invoice numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal

from arbox.agent import extract
from arbox.agent.dates import MONTHS, WEEKDAYS

from .remittance import read_table

_DEDUCT = re.compile(
    r"less|deduct|took|taking|take|taken|knock\w*|except|withheld|held back|short|abgezogen|"
    r"abzüglich|minus|\bmin\b|retenant|retenu|retenue|retenido|retención|retenção|trattenut\w|"
    r"einbehalten|"
    r"rebate|net of|differenz|difference|déduit|déduction|retenu|moins|descontamos|descontado|"
    r"desconto|deducido|retenido|trattenendo|trattenuto|detratto|ingehouden|korting|in mindering|"
    r"descont\w*|back-?charg\w*|charge-?back|verrekend|verrechnet|compensad\w*|compensé\w*|"
    r"against (?:ours|our (?:own )?invoice|what you owe)|différence|diferencia|differenza|"
    r"verschil|diferença|\bkeep\b|\bkept\b|\bmenos\b|\bmeno\b|gekürzt|reduziert|réduit|"
    r"reducid\w*|ridott\w*|verminderd|reduzid\w*|reduced by|not paying|won't (?:be )?pay\w*|"
    r"will not (?:be )?pay\w*",
    re.I,
)


_DEDUCT_BEFORE = re.compile(
    rf"(?:{_DEDUCT.pattern})(?:[^\n.;$€£]|\d+(?:[.,]\d+)?\s?%){{0,25}}$", re.I
)
"""A word of deducting shortly before the amount, a percentage allowed between ("less the
20% restocking fee ($184.00)"); a semicolon ends its reach ("that we have taken off; the check
is $2,880.00")."""
_BRACKETED = re.compile(r"([^.\n(;]*)\(\s*(?:[A-Z]{3}|R?\$|€|£)?\s*$")
"""The words of the sentence before an amount in brackets ("the 2% discount ($96.40)")."""
_LESS_AFTER = re.compile(r"\s*\(?(?:less|minus|abzüglich|moins|menos|meno)\b(?! than| que)", re.I)
"""The gross a deduction is taken from: "$25,000 less 10% retainage"."""
_INSTEAD = (
    r"(?:an)?statt|anstelle von|instead of|rather than|au lieu d|plutôt que|en lugar de|"
    r"en vez de|em vez de|ao invés de|invece di|invece che|anziché|anziche|in plaats van|"
    r"i\.p\.v(?=\.)"
)
"""Sets the amount paid against the gross: "1.960,00 € anstatt 2.000,00 €", "2.940,00 €
anziché 3.000,00 €", "R$ 4.700,00 ao invés de R$ 5.000,00", "€ 1.470,00 i.p.v. € 1.500,00"."""
_PAID_INSTEAD = re.compile(
    rf"\s*(?:{_INSTEAD}|vs\b|versus|of|von|sur|de|di|van)\b",
    re.I,
)
"""An amount paid set against the gross ("11.172,00 € statt 11.400,00 €", "$3,080 of $3,500")."""
_KEPT = re.compile(
    rf"{_DEDUCT.pattern}|retuv\w*|retiv\w*|retain\w*|retention|garant\w*|waarborg|\btds\b|"
    r"withholding|discount|escompte|skonto|sconto|descuento|pronto pago|nett\w*|penal\w*",
    re.I,
)
"""What was kept back, said before the bracketed amount."""
_CONJUNCTION = re.compile(
    r"\b(?:and|und|et|y|e|en|then|dann|puis|so|also|daher|donc|dus|quindi|entonces|então|"
    r"that's|i\.e\.)\b",
    re.I,
)
"""Ends a deduction's reach: "3% Skonto abgezogen und 4.850,00 EUR überwiesen"."""


_GROSS = re.compile(
    r"(?:invoice total|\(total|\büber\b|billed|facturad\w*|facturé\w*|invoiced|"
    rf"{_INSTEAD}|de los|gross|brutto|"
    r"bruttobetrag|invoice (?:amount|of)|\d of(?: the| your| our)?)[^\d\n.!?]{0,12}$",
    re.I,
)


_DEDUCTED_AFTER = re.compile(
    r"\)?\s*(?:light|short|less than|weniger|de moins|en moins|in meno|minder|off\b|deducted|"
    r"held back|withheld|abgezogen|einbehalten|"
    r"retenido|descontado|in mindering|isn't an oversight|"
    r"(?:was|were|has been|have been) (?:deducted|withheld|taken|held back|kept)|"
    r"difference|(?:we |i |they )?(?:took|take|have taken|deducted|withheld|held back|kept)\b|"
    r"(?:[€$£]\s*)?(?:(?!not\b|nicht\b|niet\b|pas\b|non\b|no\b)\w+ ){0,3}"
    r"(?:ingehouden|ingehalden|inbehouden|einbehalten|abgezogen|retenid[oa]s?|"
    r"descontad[oa]s?|trattenut[oi]|déduits?|retenus?|verrekend|verrechnet)|"
    r"(?:(?:is|was|are) (?:the |our |an? )?(?:[\w-]+ ){0,3}|(?:[\w-]+ ){0,2})(?:chargeback|"
    r"charge-back|backcharge|deduction|allowance|retainage|rebate)\b|"
    r"(?:em|en|in) falta\b|(?:is|are|will) not (?:coming|be paid|being paid)|"
    r"balance\b[^.\n]{0,30}\bis (?:the|our) )",
    re.I,
)
_PAID_AFTER = re.compile(
    r"\)?,?\s*(?:was|were|has been|have been|is|went|got)\s+(?:\w+\s+)?(?:paid|sent|remitted|"
    r"wired|transferred|released|out)\b|\)?,?\s*(?:werd|is|wurde|a été|fue|foi|"
    # "le solde de 2 080,00 € a été réglé", "il saldo di € 1.750,00 è stato bonificato ieri"
    r"è stat[oa]|sono stat[ie]|ha sido|han sido|foram|wurden|ist|ont été|est|zijn|werden)\b"
    r"[^.\n]{0,25}\b(?:overgemaakt|betaald|überwiesen|bezahlt|payée?|virée?|pagad[oa]|"
    r"transferid[oa]|réglée?|versée?|bonificat[oa]|pagat[oa]|saldat[oa]|gezahlt|beglichen|"
    r"angewiesen|voldaan|pag[oa]|quitad[oa]|depositad[oa]|ingresad[oa]|abonad[oa])\b",
    re.I,
)
"""Said after the amount: the amount that went ("the remaining $22,850.00 was paid by ACH")."""
_PAID_THE_DIFFERENCE = re.compile(
    r"\b(?:paid|pay|remitted|sent|wired|transferred)\s+(?:the\s+)?(?:difference|balance|"
    r"remainder|rest)(?:\s+of|\s*[,:])?\s*$",
    re.I,
)
_OWED_AFTER = re.compile(
    r"\s*(?:is |as |you (?:show|have|list)(?: as)? |(?:shown|listed) as |(?:dat|die|que|che) "
    r"(?:u|sie|vous|ustedes|voi) \w+ )?(?:still )?(?:owed|open|outstanding|due|unpaid|"
    r"offen|ouvert|pendiente|aperto|openstaand)\b",
    re.I,
)
"""The balance left open by a short pay is the deduction ("the $64.80 you show as open")."""
_UNIT_AFTER = re.compile(
    r"\s*(?:/|per\b(?!\s+(?:le|la|les|l'|il|i|gli|lo|the|our|your|un|una|uno|de|het|een|\d))"
    # "780 € per Scheck", "1.200,00 € per bonifico": German, Dutch and Italian "by", a method
    r"(?!\s+(?:sepa|scheck|check|cheque|assegno|bonifico|überweisung|ueberweisung|lastschrift|"
    r"bank\w*|banca|paypal|ideal|overboeking|iban|virement|carte|karte|kreditkarte|creditcard|"
    r"ach|wire|eft|bancomat|ri\.?ba|contanti|bar\b|cash|post|e-?mail|mail|pin)\b)|"
    r"each\b|ea\b|cad\b|chacun|cada\b|p\.?\s?u\.|x\s*\d|×|a (?:unit|piece|page|"
    r"hour|day)|pro\b|par\b)",
    re.I,
)
"""A unit price or rate, never the amount paid or contested ("$180 x 7 days", "$4.10/sq ft")."""


_INSTALMENT_AFTER = re.compile(
    r"\s*(?:on|by|every|each|per|a|/|pro|par|al|cada|this|next)\s+(?:the\s+|two\s+|other\s+)?"
    r"(?:\d|month|week|monday|tuesday|wednesday|thursday|friday|monat|mois|mes|mese|maand)",
    re.I,
)
"""An amount with its schedule after it: "$700 on the 1st of each month", "$600 every two
weeks"."""
_MONTH_OR_DAY = "|".join(
    sorted((re.escape(w) for w in [*MONTHS, *WEEKDAYS]), key=len, reverse=True)
)
_DATED_AFTER = re.compile(
    rf"\s*(?:on|by|op|le|el|il|am|au|em|a|no|al|per|bis|zum|à)\s+(?:the\s+)?"
    rf"(?:\d{{1,2}}(?![\d,.]\d)|(?:{_MONTH_OR_DAY})\b)",
    re.I,
)
"""An amount with its day right after it: "1 500 € le 20 avril", "€ 2.000 op 12 april",
"$3,000 on April 3" (a plan's first instalment)."""
_NOT_PROMISED = re.compile(
    r"(?:\bnot\b|n't|cannot|unable|\bowe\w*|balance of|full amount|schulden|nicht)[^\d\n]{0,25}$",
    re.I,
)
"""An amount they can not pay or owe ("I can not pay full amount $5,420", "we owe $6,300")."""
_CONTESTED_BEFORE = re.compile(
    r"(?:(?:\bso|that's|that is|which is|i\.e\.|=|\bdus|\bdonc|\bsoit|cioè|ou seja|o sea)\s*$|"
    r"difference|differenz|différence|diferencia|differenza|verschil|diferença|overcharg\w*|"
    r"overbill\w*|extra|disputed?|contest\w*|credit (?:of|for)|refund|two times|twice|écart|"
    r"ecart|gap|abweichung|scarto|discrepancy|not paying (?:the|a|an|that|this)|"
    r"won't pay (?:the|a)|"
    r"(?:de|di|van|von|of) (?:la |el |het |die )?(?:diferencia|différence|differenza|verschil))"
    r"[^\n.$€£]{0,30}$",
    re.I,
)
"""The contested part, said as such: "a difference of $441.60", "la differenza è di 675,00 €"."""
_PAY_VERB = re.compile(
    r"\b(?:pay|paying|send|sending|transfer|wire|remit|expect|get you|give you|überweisen|zahlen|"
    r"begleichen|pagar|"
    r"pagaremos|payer|réglerons|paierons|betalen|pagare|pagheremo|pagaremos|of|über|de|van|di)\b"
    r"[^\d\n]{0,25}$",
    re.I,
)


_NOT_PAID = re.compile(
    r"(?:less|deduct\w*|minus|\bmin\b|withheld|held back|short|abzug|abzüglich|einbehalten|"
    r"invoice amount(?: of)?|\bvs\.?|versus|"
    r"differenz|déduit|retenant|retenu|descontado|descontamos|desconto de|retenido|trattenendo|"
    r"invoice total|\(total|\büber\b|billed|facturad\w*|facturé\w*|invoiced|instead of|"
    rf"{_INSTEAD}|de los|gross|brutto|bruttobetrag)"
    r"[^\d\n]{0,12}$",
    re.I,
)


_TOTAL = re.compile(
    r"(?:\b(?:also|soit|cioè|ossia|es decir|o sea|ou seja|dus|d\.\s?h\.|i\.e\.|that is|"
    r"(?:approved|released|paid|settled|cleared) at)[\s,:]*(?:[€$£]|EUR|USD)?\s*$)|"
    r"\b(?:total|totaling|totalling|sum|amount(?: of)?|in the amount of|betrag|gesamt|summe|"
    r"zahlbetrag|montant|importe|importo|valor|bedrag|totaal|net|net paid|pagado|pagato|pago|"
    r"betaald|valor transferido|bonifico di|transferencia de|restbetrag von|mit|expect|"
    r"remainder|the rest|de rest|le reste|el resto|il resto|o restante|der rest)\b"
    r"[^\d\n]{0,45}$",
    re.I,
)


def payment_amount(clause: str, text: str) -> Decimal | None:
    """The amount paid: a total or "in the amount of" first (remittance tables list every
    line), then the first amount of the clause, then of the reply; never an amount named
    as deducted or as the invoice's gross ("instead of 4 620,00", "invoice total")."""
    table = read_table(text)
    if table is not None and table.paid():
        return table.paid()
    total_line = _TOTAL_LINE.search(text)
    if total_line:
        on_line = extract.find_amounts(total_line.group(0))
        if on_line:
            return on_line[-1].value  # a remittance's "Total : 3 455,60 €"
    for source in (clause, text):
        found = [a for a in extract.find_amounts(source) if not _unit_price(source, a)]
        amounts = [
            a
            for a in found
            if not (
                _NOT_PAID.search(source[max(0, a.start - 30) : a.start])
                and not _INSTEAD_AFTER.match(source[a.end : a.end + 20])
                and not _difference_paid(source, a)
            )
            and not _deduction(source, a)
            and not _FEE_AFTER.match(source[a.end : a.end + 25])
        ]
        totals = [
            a
            for a in amounts
            if _TOTAL.search(source[max(0, a.start - 60) : a.start])
            and not _LESS_AFTER.match(source[a.end : a.end + 15])  # "also 19'000.00 abzüglich"
        ]
        if totals:
            return totals[-1].value
        rest = [a for a in amounts if _difference_paid(source, a)]
        if rest:
            return rest[0].value  # "Die Differenz von 6.300,00 EUR überweisen wir morgen"
        if amounts:
            return amounts[0].value
        if len(found) == 1 and not _deduction(source, found[0]):
            return found[0].value  # "virement effectué (total 5 412,80 €)": the one amount
    return bare_amount(clause) or bare_amount(text)


_TOTAL_LINE = re.compile(
    r"^[ \t]*(?:total(?: paid| sent| amount)?|totaal|totale|summe|gesamt(?:betrag)?|montant total)"
    r"\b[^\n]*",
    re.I | re.M,
)


_FEE_AFTER = re.compile(
    r"\s*(?:[\w-]+ )?(?:late (?:fee|charge)s?|finance charges?|fees?|surcharges?|penalt\w+)\b",
    re.I,
)
"""A fee named after its amount ("the $180 late fee") is no payment."""


def _unit_price(source: str, a: extract.AmountMention) -> bool:
    return bool(_UNIT_AFTER.match(source[a.end : a.end + 30]))


_CONTESTED_AFTER = re.compile(
    r"\)?\s*(?:over\b|too much|te veel|zu viel|de trop|de más|in più|a mais|more than|"
    r"(?:\w+ ){0,2}(?:late (?:fee|charge)s?|fees?|surcharges?|interest|finance charges?|"
    r"gebühr\w*|frais|recargos?|kosten))",
    re.I,
)
"""Said after the amount: "$980.00 over", "the $58 late fee"."""
_PAID_BEFORE = re.compile(
    r"\b(?:paid|pay|sent|send|ach|eft|wire|wired|check|cheque|transfer\w*|remit\w*|überwiesen|"
    r"virement|pagad[oa]|betaald)\b[^.\n$€£]{0,20}$",
    re.I,
)
"""An amount paid or to be paid: not the one contested."""


_AT_BEFORE = re.compile(r"(?:\bat|\bà|@)\s*$", re.I)
"""A price "at $6.85" or "à € 65" a unit: not the amount contested."""


def disputed_amount(clause: str, text: str) -> Decimal | None:
    """The contested amount: one said to be the difference, the overcharge or the fee refused,
    else the first in the clause not said of a payment, else in the reply; a unit price ("$4.10/sq
    ft", "46,00 € cad.", "at $6.85") only when the reply names no other amount."""
    for unit_prices_too in (False, True):
        # "EUR 420 each" charged twice: when only unit prices are named, one is contested.
        candidates = [
            [
                a
                for a in extract.find_amounts(source)
                if unit_prices_too
                or not (
                    _unit_price(source, a)
                    or _AT_BEFORE.search(source[max(0, a.start - 6) : a.start])
                )
            ]
            for source in (clause, text)
        ]
        for source, found in zip((clause, text), candidates, strict=True):
            said = [
                a
                for a in found
                if _CONTESTED_BEFORE.search(source[max(0, a.start - 45) : a.start])
                or _CONTESTED_AFTER.match(source[a.end : a.end + 30])
            ]
            if said:
                return said[0].value  # named as the difference, overcharge or fee, anywhere
        for source, found in zip((clause, text), candidates, strict=True):
            unpaid = [
                a for a in found if not _PAID_BEFORE.search(source[max(0, a.start - 30) : a.start])
            ]
            if unpaid or found:
                return (unpaid or found)[0].value
    refused = _REFUSED_BARE.search(text)
    return Decimal(refused.group(1).replace(",", "")) if refused else None


_REFUSED_BARE = re.compile(
    r"\bnot (?:paying|going to pay|pay)\s+(?:for\s+)?(\d{1,3}(?:,\d{3})+|\d{3,6})\b(?![\d/.-])",
    re.I,
)
"""A contested amount written without a currency: "im not paying 3,800 for the bucket"."""


_FIRST_PART_BEFORE = re.compile(
    r"(?:first (?:part|instal\w*|payment|rate|half)|erste (?:rate|zahlung|teilzahlung)|"
    r"première (?:échéance|mensualité|partie)|primera (?:cuota|parte)|prima rata|"
    r"eerste (?:termijn|betaling)|"
    r"primeira (?:parcela|prestação))[^\d\n]{0,15}$",
    re.I,
)
"""The first instalment of a plan is what is promised first ("first part EUR 1.950 on ...")."""


def promised_amount(clause: str) -> Decimal | None:
    """The amount promised: a plan's first instalment or an amount with its schedule after it
    ("€ 500 per maand"), else the amount right after a verb of paying ("I can send $1,000 on
    Friday", "I can get you $1,500 tomorrow")."""
    found = extract.find_amounts(clause)
    for a in found:
        before = clause[max(0, a.start - 40) : a.start]
        if _FIRST_PART_BEFORE.search(before) or (
            (
                _INSTALMENT_AFTER.match(clause[a.end : a.end + 20])
                or _DATED_AFTER.match(clause[a.end : a.end + 25])
            )
            and not _NOT_PROMISED.search(before)
            and not _GROSS.search(before[-20:])  # "$13,500 of the $15,000 on April 24"
        ):
            return a.value
    for a in found:
        before = clause[max(0, a.start - 40) : a.start]
        if (
            (_PAY_VERB.search(before) or _INSTALMENT_AFTER.match(clause[a.end : a.end + 20]))
            and not _GROSS.search(before[-20:])
            and not _NOT_PROMISED.search(before)
            and not _deduction(clause, a)
            and not _unit_price(clause, a)
        ):
            return a.value
    return None


_BARE = re.compile(
    r"\b(?:(?P<verb>pay|paid|payed)|for|sent|send|zelle|venmo|wired|of|"
    r"remitted)\s+(?P<sign>\$)?(?P<n>\d{2,6})\b(?![\d/,-]|\.\d)",
    re.I,
)


def bare_amount(text: str) -> Decimal | None:
    """A whole number right after a paying word ("mailed check #4471 for 1860", "sent zelle
    500"): only when the reply writes no amount with a currency or cents; never a year, a
    number the reply names as an invoice, PO or reference elsewhere ("invoice 4471 ... we
    paid 4471"), nor five digits or more without a "$", nor four as the very object of "paid" ("We
    paid 4471 on Monday": the invoice paid, not its amount)."""
    named = {n.lstrip("#") for n in (*extract.find_invoices(text), *extract.find_pos(text))}
    reference = extract.payment_reference(text)
    for m in _BARE.finditer(text):
        value = int(m.group("n"))
        if 1990 <= value <= 2100 or m.group("n") in named or m.group("n") == reference:
            continue
        digits = 0 if m.group("sign") else len(m.group("n"))
        if digits >= 5 or (m.group("verb") and digits == 4):
            continue  # "Same goes for 88162": an invoice's number, not a sum written bare
        return Decimal(value)
    return None


def first_amount(text: str) -> Decimal | None:
    amounts = extract.find_amounts(text)
    return amounts[0].value if amounts else None


def short_pay_amounts(text: str) -> tuple[Decimal | None, Decimal | None]:
    """(paid, deducted): the deduction is an amount named as taken off ("less $48", "$96.00
    light", "612,60 € einbehalten"); the payment is the amount paid, never the invoice's gross;
    one missing is the gross minus the other."""
    table = read_table(text)
    if table is not None and all(table.short_paid()):
        return table.short_paid()
    amounts = [
        a
        for a in extract.find_amounts(text)
        if not _unit_price(text, a)
        and not (
            _AT_BEFORE.search(text[max(0, a.start - 6) : a.start])
            and not _PAID_AT.search(text[max(0, a.start - 40) : a.start])
        )
    ]
    deductions = [a for a in amounts if _deduction(text, a)]
    # several lines taken off and their total: the total ("Total deducted -$181.60")
    totals = [a for a in deductions if _TOTAL_BEFORE.search(text, max(0, a.start - 40), a.start)]
    taken = (totals or deductions or [None])[0]
    deducted = taken.value if taken else None
    if deducted is None:
        bare = _BARE_MINUS.search(text)
        deducted = Decimal(bare.group(1)) if bare else None
    if deducted is None and len(amounts) == 1 and _OWED_AFTER.match(text[amounts[0].end :]):
        return None, amounts[0].value
    gross = next(
        (
            a.value
            for a in amounts
            if _GROSS.search(text[max(0, a.start - 40) : a.start])
            or _LESS_AFTER.match(text[a.end : a.end + 15])
        ),
        None,
    )
    paid = None
    candidates = []
    for a in amounts:
        window = text[max(0, a.start - 60) : a.start]
        difference_paid = _difference_paid(text, a)
        if (
            _deduction(text, a)
            or (
                _NOT_PAID.search(window)
                and not _INSTEAD_AFTER.match(text[a.end : a.end + 20])
                and not difference_paid
            )
            or a.value in (gross, deducted)
            or _MINUS.search(text, max(0, a.start - 2), a.start)
        ):
            continue  # "-$84.00" on a line of credits taken
        candidates.append(a)
        if (
            _TOTAL.search(window)
            or _PAID_THE_DIFFERENCE.search(window)
            or difference_paid
            or _PAID_AFTER.match(text[a.end : a.end + 40])
            or _NET_AFTER.match(text[a.end : a.end + 40])
            or _INSTEAD_AFTER.match(text[a.end : a.end + 20])
            or _PAID_BESIDE.search(text[max(0, a.start - 30) : a.start])
            or paid is None
        ):
            paid = a.value
    if taken is not None and len({_sentence(text, a) for a in candidates}) > 1:
        # Several invoices paid, one short: the payment is the one paid in the sentence of the
        # deduction ("On 72 we took off $90.00 ... and wired $1,210.00").
        beside = [
            a
            for a in candidates
            if _sentence(text, a) == _sentence(text, taken)
            and _PAID_BESIDE.search(text[max(0, a.start - 30) : a.start])
        ]
        if beside:
            paid = beside[0].value
    if deducted is None and paid is not None and gross is not None and gross > paid:
        deducted = gross - paid
    if paid is None and deducted is not None and gross is not None and gross > deducted:
        paid = gross - deducted
    if paid is not None and deducted is None and len(amounts) >= 2:
        # "$1,800 instead of $2,000", "9,310.00 ... (invoice total 9,500.00)"
        total = max(a.value for a in amounts)
        others = {a.value for a in amounts} - {paid}
        if total > paid:
            deducted = total - paid
        elif len(others) == 1:
            # the one smaller amount beside the payment is what it kept back: "the other
            # $1,600.00 is ...", "Les 340,00 € restants ...", "the extra $2,350 ..."
            deducted = others.pop()
    return paid, deducted


_BARE_MINUS = re.compile(
    r"\b(?:minus|less|moins|menos|meno|abzüglich|min)\s+(\d{1,5})\b(?![\d.,/%:-]|\s?(?:%|days?|"
    r"percent|pct|units?|cases?|pcs|yards?|boxes|tage?n?|jours|días|giorni|dagen))",
    re.I,
)
"""A deduction written as a bare figure after minus ("paying tmrw minus 45 for the busted
can"): no currency, never a percentage or a count."""
_TOTAL_BEFORE = re.compile(r"\b(?:total|gesamt|totale?|totaal|summe)\b[^\d\n]*$", re.I)
_MINUS = re.compile(r"(?:^|\s)[-−]$")
"""A minus written against the amount ("-$84.00"), not a dash before it ("run - $4,500")."""
_PAID_AT = re.compile(
    r"\b(?:paid|pay|paying|approved|released|settled?|settling|remitted)\b[^.\n$€£]{0,25}\bat\s*$",
    re.I,
)
"""A payment made "at" an amount ("paid at $27,140.00", "pay INV-7210 at $11,480"): no price."""
_INSTEAD_AFTER = re.compile(
    rf"\s*(?:{_INSTEAD})\b",
    re.I,
)
"""Said after the amount paid, before the invoice's: "$3,300.00 rather than $3,450.00"."""
_PAID_BESIDE = re.compile(
    r"\b(?:paid|wired|sent|remitted|transferred|bezahlt|überwiesen|payé|réglé|pagad[oa]|"
    r"pagamos|pagato|betaald|overgemaakt)\b[^\d\n]{0,20}$",
    re.I,
)


def _sentence(text: str, a: extract.AmountMention) -> int:
    """Which sentence or line of ``text`` the amount ``a`` stands in."""
    return len(re.findall(r"[.!?;]\s|\n", text[: a.start]))


_NET_AFTER = re.compile(
    r"\)?,?\s*(?:after|net of|nach|après|después de|dopo|na|após)\s+(?:the\s+|a\s+|der\s+|la\s+|"
    r"le\s+|el\s+|il\s+|de\s+|o\s+)?(?:deduct\w*|withh\w*|retention|abzug|einbehalt\w*|"
    r"déduction|retenue|deducci[óo]n|retenci[óo]n|detrazione|ritenuta|aftrek|inhouding|"
    r"dedução|reten[çc][ãa]o)",
    re.I,
)
"""Said after the amount paid net of a deduction: "INR 4,23,000.00 after deduction of TDS"."""


_DEDUCTED_LATER = re.compile(
    r"^\)?,?(?:[^.!?;:\n$€£\d]|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\d){0,60}?"
    r"\b(?:abgezogen|einbehalten|verrechnet|gekürzt|descontad[oa]s?|deducid[oa]s?|"
    r"retenid[oa]s?|compensad[oa]s?|verrekend|ingehouden|afgetrokken|trattenut[oaie]|"
    r"detratt[oaie]|compensat[oaie]|déduits?e?s?|retenue?s?|compensée?s?|descontad[oa]s?|"
    r"(?:have|has|we|i|they) (?:removed|deducted|withheld|taken (?:off|out)|knocked off))\b"
    r"(?!\s*:?\s*(?:[€$£]|EUR|USD|GBP|CHF)?\s*\d|\s+from (?:our|my|the|their) "
    r"(?:account|bank))",
    re.I,
)
"""A deduction verb at the end of the amount's clause, as German, Dutch and the Romance
languages put it: "Die Fracht, 84,50 €, haben wir bei der Zahlung vom 02.11. abgezogen",
"(€ 96,10) hebben wij met de betaling verrekend", and English after a relative ("$214.20 of
sales tax, which we have removed")."""


def _deduction(text: str, a: extract.AmountMention) -> bool:
    # padding of a remittance line counts as one space: "Deducted            -$181.60"
    before = re.sub(r"[ \t]{2,}", " ", text[max(0, a.start - 80) : a.start])[-40:]
    after = text[a.end : a.end + 45]
    if (
        _PAID_THE_DIFFERENCE.search(before)
        or _difference_paid(text, a)
        or _PAID_AFTER.match(after)
        or _NET_AFTER.match(after)
        or _INSTEAD_AFTER.match(after)
    ):
        # "paid the difference of $5,180.00", "$22,850.00 was paid", "net of the rebate,
        # $4,750 instead of $5,000": the amount set against the gross is the one paid
        return False
    bracketed = _BRACKETED.search(text[max(0, a.start - 160) : a.start])
    if (
        bracketed
        and _KEPT.search(bracketed.group(1))
        and not _GROSS.search(before[-15:])
        and not _PAID_INSTEAD.match(after)
    ):
        return True  # "retuvimos el 5% de fondo de garantía ($ 21,700.00)"
    said = _DEDUCT_BEFORE.search(before)
    later = _DEDUCTED_LATER.match(text[a.end : a.end + 90])
    verb_after = _DEDUCTED_AFTER.match(after)
    if (
        verb_after
        and _CONJUNCTION.search(verb_after.group(0))
        and _AMOUNT_NEXT.match(text, a.end + verb_after.end())
    ):
        # "réglé 1 800 € et retenu 200 €", "pagado 950,00 € y descontado 50,00 €": the verb
        # after "and" takes the next amount; this one was paid
        verb_after = None
    return (
        bool(said and not _GROSS.search(before[-15:]) and not _CONJUNCTION.search(said.group(0)))
        or bool(verb_after)
        or bool(later and not _CONJUNCTION.search(later.group(0)))
    )


_DIFFERENCE_BEFORE = re.compile(
    r"\b(?:difference|differenz|différence|diferencia|differenza|verschil|diferença|"
    r"differenzbetrag|restbetrag)\b[^\d\n.;]{0,15}$",
    re.I,
)
_GOES_AFTER = re.compile(
    # not through a relative clause ("the difference of EUR 1.150,00 relates to a fee which
    # was already paid")
    r"(?:(?!\b(?:which|that|die|der|das|welche[rs]?|que|qui|che|dat|relat\w*|concern\w*|"
    r"refers?|betrifft|concerne|riguarda|corresponde)\b)[^.;!?\n]){0,70}?\b(?:überwiesen|überweisen|geht|gehen|raus|bezahlt|bonificat\w*|"
    r"pagat[oa]|pagad[oa]|payée?|réglée?|versée?|virée?|betaald|overgemaakt|paid|sent|wired|"
    r"remitted|transferred|transferid[oa]|goes out|went out)\b",
    re.I,
)
"""The difference said to be paid: "Die Differenz von 21.380,00 EUR geht mit unserem Zahllauf
raus", "La differenza, 2.250,00 €, l'abbiamo bonificata": the payment, not the deduction."""


def _difference_paid(text: str, a: extract.AmountMention) -> bool:
    return bool(
        _DIFFERENCE_BEFORE.search(text, max(0, a.start - 40), a.start)
        and _GOES_AFTER.match(text, a.end, a.end + 90)
    )


_AMOUNT_NEXT = re.compile(r"\s*:?\s*(?:[€$£]|R\$|EUR|USD|GBP|CHF)?\s*\d", re.I)
"""An amount right after a deduction verb: the verb's own object."""


_REST_BEFORE = re.compile(
    r"\b(?:rest|remainder|remaining|balance|restante?s?|restanti|reste|restant|resto|saldo|"
    r"solde|restbetrag|rest(?:bedrag)?)\b[^\d\n$€£]{0,20}$",
    re.I,
)


def rest_amount(text: str) -> Decimal | None:
    """The rest left to pay, named as such ("O restante, 1.350,00 €", "I restanti € 280,00",
    "the remaining $620.00"): beside a payment made, what is promised."""
    for a in extract.find_amounts(text):
        if _REST_BEFORE.search(text[max(0, a.start - 30) : a.start]) and not _unit_price(text, a):
            return a.value
    return None
