"""Filling each intent's `Fields` from the clause that showed it and the whole reply."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from decimal import Decimal

from arbox.agent import extract
from arbox.agent.dates import DateMention, Prefer, find_dates, first_date, local_days
from arbox.agent.findings import Fields, Intent

from . import amounts, contacts
from .documents import document_asked
from .lexicon import NOW_CUES
from .reasons import reason_of

__all__ = ["document_asked", "fill", "reason_of"]

_BACK = re.compile(
    r"\b(?:back|return\w*|resum(?:e|es|ing)|retour|regreso|zurück|wieder|reopen\w*|re-open\w*|rouvr\w*|rientr\w*|"
    r"reabr\w*|weer|retom\w*|reprise|reprendr\w*|riprend\w*|hervat\w*|volta\w*|regres\w*|"
    r"reincorpor\w*|réouverture|riapertura|reapertura|heropening|wiedereröffnung|reabertura)\b",
    re.I,
)
_BACK_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}(?:wieder|zurück|terug|weer|de retour)\b", re.I)
"""A return said after its date, as German and Dutch do ("ab 31. August wieder im Büro")."""
_INCLUSIVE = re.compile(
    r"inclus|einschließlich|through|thru|till? and including|\bt\.o\.m\.|\btom\b|tot en met|"
    r"bis und mit|compres[oia]s?|incluid[oa]s?|inclusive",
    re.I,
)


def fill(
    intent: Intent,
    clause: str,
    text: str,
    anchor: date,
    sender: str,
    reasons: list[str],
    also: frozenset[Intent] = frozenset(),
) -> Fields:
    """The fields for ``intent``, read from ``clause`` first and then the whole ``text``;
    ``also``: the other intents found in the reply."""
    # HTML remnants: "1&nbsp;745,00&nbsp;&euro;" is an amount.
    clause, text = html.unescape(clause), html.unescape(text)
    if intent is Intent.payment_sent:
        # A payment released for a later date ("value date 29.05.", "scheduled for the
        # 12th") is paid on that date; otherwise the date is in the past.
        return Fields(
            amount=_not_kept(amounts.payment_amount(clause, text), text, also),
            paid_on=_paid_on(
                clause,
                text,
                anchor,
                scheduled=bool(_SCHEDULED.search(clause)),
                promised_too=Intent.promise_to_pay in also,
            ),
            method=payment_method(clause) or payment_method(text),
            reference=payment_reference(text),
        )
    if intent is Intent.promise_to_pay:
        rest = amounts.rest_amount(text) if Intent.payment_sent in also else None
        return Fields(
            amount=_not_kept(
                rest
                or amounts.promised_amount(clause)
                or amounts.promised_amount(text)
                or amounts.payment_amount(clause, text),
                text,
                also,
            ),
            promised_on=_promised_on(clause, text, anchor),
        )
    if intent is Intent.dispute:
        reason = reason_of(clause, reasons, text)
        if reason == "other":
            reason = reason_of(text, [])
        return Fields(reason=reason, disputed_amount=amounts.disputed_amount(clause, text))
    if intent is Intent.short_pay:
        paid, deducted = amounts.short_pay_amounts(text)
        return Fields(paid_amount=paid, deducted_amount=deducted, reason=reason_of(text, reasons))
    if intent is Intent.missing_po:
        # The PO number or reference the customer gives leads the detail ("PO 4500871234: ...").
        numbers = extract.find_pos(text)
        lead = (
            ""
            if not numbers
            else f"{numbers[0]}: "
            if numbers[0][:2].upper() == "PO"
            else (f"PO {numbers[0]}: ")
        )
        given = [] if numbers else _reference_given(text)
        if given:
            lead = f"{given[0]}: "  # a commitment, release or order reference, no PO
        return Fields(po_required=bool(_PO_WORDS.search(text)), detail=(lead + clause)[:200])
    if intent is Intent.invoice_request:
        return Fields(document=document_asked(clause, text))
    if intent is Intent.extended_terms:
        days = extract.terms_days(text) or _word_days(text)
        return Fields(claimed_terms_days=days)
    if intent is Intent.financial_distress:
        return Fields(detail=clause[:200])
    if intent is Intent.wrong_contact:
        return contacts.new_contact(text, sender)
    if intent is Intent.auto_reply:
        return Fields(return_on=_return_on(text, anchor))
    return Fields()


def _not_kept(amount: Decimal | None, text: str, also: frozenset[Intent]) -> Decimal | None:
    """The amount paid or promised is never the one a short pay keeps back: beside a
    deduction, that amount read as the payment is the amount paid instead."""
    if amount is None or Intent.short_pay not in also:
        return amount
    paid, deducted = amounts.short_pay_amounts(text)
    return paid if paid is not None and amount == deducted else amount


_GIVEN_LABEL = re.compile(
    r"\b(?:EJ|n\.?[º°]|number|nummer|numéro|número|numero|reference|référence|referencia|"
    r"riferimento|referentie|release|agreement|contract|vertrag|contrato|contratto|contrat|"
    r"compromisso|engagement|kostenplaats|cost cent(?:er|re)|kostenstelle|centro de custo|"
    r"centro de coste|centro di costo|CIG|CUP|order|orden|ordine|commande|bestelling|bestellung|"
    r"pedido|encomenda)\b[^.\n\d]{0,30}?(?<![\w/-])([A-Z]{0,5}[-/]?\d[\w/-]*\d)\b",
    re.I,
)
"""A reference the customer gives for us to quote, under any label ("l'EJ 1300228741",
"compromisso n.º 2026/0418", "our release ... is REL-2024-07-0183")."""
_INVOICE_WORD = re.compile(
    r"(?:invoice|inv|factur[ae]|fattura|rechnung|factuur|fatura|nota|ft)\W{0,3}(?:n[º°o.]*\s*)?$",
    re.I,
)


def _reference_given(text: str) -> list[str]:
    """The references of three digits or more a reply gives that are no invoice number."""
    found = []
    for m in _GIVEN_LABEL.finditer(text):
        number = m.group(1)
        if sum(c.isdigit() for c in number) >= 3 and not _INVOICE_WORD.search(
            text[max(0, m.start(1) - 15) : m.start(1)]
        ):
            found.append(number)
    return found


_PO_WORDS = re.compile(
    r"\b(?:po|p\.o\.|purchase order|order number|bestellnummer|bestellung|ordernummer|"
    r"auftragsnummer|auftrags-?nr|bestell-?nr|auftrag|inkoopnummer|"
    r"inkoopordernummer|inkooporder|commande|orden de compra|oc|pedido|ordine|nso|"
    r"ordem de compra|encomenda|compromisso|engagement)\b",
    re.I,
)
_SCHEDULED = re.compile(
    r"\b(?:scheduled|value date|valuta|released for|set to (?:go|release)|queued|will|goes out|"
    r"going out|planned|eingeplant|terminiert|programad[oa]|agendad[oa]|in distinta|"
    r"ingepland|gepland|prévu|programmé)\b",
    re.I,
)
_DATE_LABEL = re.compile(
    # not "INV-222 will be paid on the 30th": a promise's day, no label
    r"\b(?:payment date|date paid|(?<!be )(?<!get )(?<!gets )paid on|zahlungsdatum|"
    r"valuta(?:datum)?|date de (?:valeur|paiement)|data (?:valuta|de pagamento|pagamento)|"
    r"data-valor|fecha de pago|fecha valor|betaaldatum|value date|remesa del)\s*[:.]?\s*",
    re.I,
)


_PAYING_BEFORE = re.compile(
    r"\b(?:paid|pay\w*|sent|send|mailed|mail|wired|transferred|released|scheduled|set|run|goes|"
    r"went|go|going|expect|issued?|cut|clear|made|processed|executed|"
    r"initiated|no later than|latest|überw\w+|\w*zahl\w*|ausgeführt|spätestens|pa[yi]\w*|"
    r"réglé|régler|virement|effectu\w+|au plus tard|pag\w+|transf\w+|realizad\w+|"
    r"a más tardar|betaal\w*|betal\w*|uitgevoerd|eseguit\w+|bonifico)\b[^.\n]{0,30}$",
    re.I,
)
_BY_DAY = re.compile(
    r"\b(?:on|by|until|till|before|due|am|bis|zum|avant|antes del?|entro|op|vóór|até|uiterlijk|"
    r"al più tardi|o mais tardar|at the latest)\s+"
    r"(?:the\s+)?$",
    re.I,
)
"""A preposition right before a date: "on the 15th", "by Friday", "bis 20. März"."""
_PAYING_AFTER = re.compile(r"^\W{0,3}(?:'s\s+)?(?:check\s+|payment\s+|pay\s+|ach\s+)?run\b", re.I)
_OTHER_EVENT = re.compile(
    r"\b(?:dated|date[ds]? of|invoice date|issued|received|delivered|delivery|shipped|arrived|"
    r"approved|approval|expires?|expiry|meeting|since|from|through|thru|promised|ordered|"
    r"started|week of|datiert|vom|du|de fecha|emitida|reçue?|geliefert|lieferung|livraison|"
    r"entrega|levering|consegna|ontvangen|ricevut[ao])\b[^.\n\d]{0,12}$",
    re.I,
)
_PAYMENT_OF = re.compile(
    r"\b(?:paiement|virement|règlement|payment|run|zahllauf|zahlungslauf|remesa|pago|distinta|"
    r"bonifico|betaalrun|betaling|ordre de paiement|check run|cheque run)\s+(?:du|de|del|vom|"
    r"van|of|di|dal)\s+(?:the\s+|le\s+|el\s+)?$",
    re.I,
)
"""A payment or its run "of" a day: that is the payment's day ("le virement du 24 mars")."""
_PAID_TO_THEM = re.compile(
    r"\b(?:pays?|paid|paying|zahlt|paga|paie|betaalt)\s+(?:me|us|uns|nous|nos|ci|ons|mir)\b"
    r"[^.\n\d]{0,15}$",
    re.I,
)
_AWAY_UNTIL = re.compile(
    r"\b(?:on (?:\w+ )?(?:vacation|holiday|leave)|out of (?:the )?office|away|off|closed|shut|"
    r"im urlaub|abwesend|geschlossen|nicht im büro|en (?:vacances|congés?)|absente?s?|fermée?s?|"
    r"de vacaciones|ausente|cerrad[oa]s?|in ferie|assente|chius[oa]|met verlof|afwezig|gesloten|"
    r"de férias|fechad[oa]s?)\b[^.\n]{0,25}\b(?:until|till|through|thru|to|bis|jusqu'(?:au|à)|au|"
    r"hasta|al|fino al?|al|tot|t/m|até)\s+(?:(?:the|le|el|il|de|den|dem|zum)\s+)?$",
    re.I,
)
"""The day an absence or a closure ends ("on holiday until Monday", "closed Dec 24 to Jan 2"):
a return, not a payment's or a promise's day."""
_AWAY_FROM = re.compile(
    r"\b(?:on (?:\w+ )?(?:vacation|holiday|leave)|out of (?:the )?office|away|off|closed|shut|"
    r"im urlaub|abwesend|geschlossen|en (?:vacances|congés?)|absente?s?|fermée?s?|de vacaciones|"
    r"ausente|cerrad[oa]s?|in ferie|assente|chius[oa]|met verlof|afwezig|gesloten|de férias|"
    r"fechad[oa]s?)\s+(?:(from|between|du|vom|von|del|dal|van|de|entre|dès|ab)\s+)?"
    r"(?:(?:the|le|el|il|den|dem)\s+)?$",
    re.I,
)
"""The day an absence or a closure begins ("closed from Dec 24", "fermé du 24 décembre"); with
no "from", only a span's first day ("closed Dec 24 to Jan 2", not "chiusa il 4 settembre": an
invoice closed that day)."""
_SPAN_GOES_ON = re.compile(r"\s*(?:to|through|thru|until|till|-|–|bis|au|al|tot|t/m|a|até)\s", re.I)


def away_day(source: str, m: DateMention) -> bool:
    """Whether the day ``m`` of ``source`` bounds an absence or a closure ("our office will be
    closed Dec 24 to Jan 2", "on holiday until Monday"): no day anything is paid or promised."""
    before = source[max(0, m.start - 50) : m.start]
    if _AWAY_UNTIL.search(before):
        return True
    start = _AWAY_FROM.search(before)
    return bool(start and (start.group(1) or _SPAN_GOES_ON.match(source, m.end)))


_ROUGHLY = re.compile(
    r"\b(?:around|about|roughly|circa|approx\w*|ungefähr|etwa|environ|vers|alrededor de|hacia|"
    r"verso|rond|omstreeks|por volta de)\s+(?:the\s+|le\s+|el\s+|il\s+)?$",
    re.I,
)
_EVERY = re.compile(
    r"\b(?:every|each|elke|iedere|jeden|jede|chaque|tous les|cada|todos los|ogni|tutti i|"
    r"todas as|todos os)\s+$",
    re.I,
)
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|'ll|shall|going to|wird|werden|allons|vamos a|zal|zullen|vou|vamos)\b[^.\n]{0,40}$",
    re.I,
)
_DONE_BEFORE = re.compile(
    r"\b(?:sent|paid|wired|mailed|transferred|remitted|dropped|included|überwiesen|bezahlt|payé|"
    r"envoyé|pagad[oa]|pagat[oa]|enviad[oa]|betaald|overgemaakt|pagamos|pagámos|paga|"
    r"run of|réglée?s?|virée?s?|liquidad[oa]s?|abonad[oa]s?|saldad[oa]s?|bonificat[oa])\b"
    r"[^.\n]{0,20}$",
    re.I,
)
_REST_BEFORE = re.compile(
    r"\b(?:rest|remainder|balance|remaining|resto|reste|restant|saldo|solde|restbetrag)\b"
    r"[^.\n\d]{0,15}$",
    re.I,
)
_JUST = re.compile(
    r"\b(?:just|gerade|acabo de|acabamos de|acabei de|acabámos de|viens de|venons de|appena|"
    r"agora|ahora mismo|adesso|maintenant|right now|a (?:minute|moment|few minutes) ago|"
    r"(?:heb|hebben)\s+(?:ik\s+|we\s+|wij\s+)?net)\b",
    re.I,
)
"""A payment made just now, with no date said ("fiz o pix agora", "ik heb net betaald")."""
_PRECISION = {3: 1.0, 2: 0.5, 1: 0.0}


def best_mention(
    clause: str,
    text: str,
    anchor: date,
    prefer: Prefer,
    text_prefer: Prefer,
    *,
    spans: bool = True,
    promised: bool = False,
) -> DateMention | None:
    """The date a payment or promise names: in its clause rather than elsewhere, one said of
    paying ("mailed on the 23rd", "our May 15 run", "no later than Wednesday") rather than
    of another event ("dated 12/30", "approved April 8", "the September 21 meeting"), on the
    side of today the intent expects (a payment made is not one someone "will" make), and
    not months away; a precise date rather than a span when nothing else decides. Without
    ``spans``, "within 15 days" and "next week" are no candidates (a payment made has a day).
    ``promised``: a day a payment is said gone on (`gone_before`) is no candidate."""
    best: tuple[float, DateMention] | None = None
    for source, side, bonus in ((clause, prefer, 1.0), (text, text_prefer, 0.0)):
        for m in _with_local_days(source, anchor, side):
            if not spans and m.precision == 1:
                continue
            if away_day(source, m):
                continue  # "on vacation until Nov 30, but I sent the check": the day they return
            if promised and gone_before(source, m, anchor):
                continue  # "we paid INV-221 on 3/11 and will pay the rest Friday": paid that day
            score = _date_score(m, source, anchor, side) + bonus
            if best is None or score > best[0]:
                best = (score, m)
    return best[1] if best else None


def _with_local_days(source: str, anchor: date, side: Prefer) -> list[DateMention]:
    """The dates of ``source`` (`find_dates`) with the days only the fields read
    (`local_days`: "16-Oct-2026", "pago no dia 13"); the intent rules read dates too."""
    found = [
        m
        for m in find_dates(source, anchor, side)
        if not (m.kind == "the_nth" and _NOT_A_DAY_AFTER.match(source[m.end : m.end + 30]))
    ]
    for m in local_days(source, anchor, side):
        inside = [f for f in found if m.start <= f.start and f.end <= m.end]
        if any(m.start < f.end and f.start < m.end for f in found if f not in inside):
            continue  # overlaps a date read otherwise, and does not hold it whole
        if any(f.precision > m.precision for f in inside):
            continue
        # "le 6 du mois prochain", "volgende week donderdag": the whole saying, not its parts
        found = [f for f in found if f not in inside] + [m]
    return sorted(found, key=lambda d: d.start)


_NOT_A_DAY_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+|our\s+|your\s+)?(?!month|next|this|following|each|every)[a-z]+\b|"
    r"(?:floor|quarter|time|place|row|line|item|instal\w*|payment|invoice)\b)",
    re.I,
)
"""An ordinal that counts something, not a day: "the 12th of the cases", "the 4th floor"."""


def _promised_on(clause: str, text: str, anchor: date) -> date | None:
    """The day a promise is held to: not one a payment beside it is said made on; a payment
    under way as they write ("paying it now", "ich überweise jetzt") is promised that day."""
    m = best_mention(clause, text, anchor, "future", "future", promised=True)
    if m is not None:
        return m.value
    said = clause.lower().replace("\u2019", "'")
    return anchor if any(c.pattern.search(said) for c in NOW_CUES) else None


def best_date(
    clause: str, text: str, anchor: date, prefer: Prefer, text_prefer: Prefer
) -> date | None:
    """The value of `best_mention`."""
    m = best_mention(clause, text, anchor, prefer, text_prefer)
    return m.value if m else None


def _date_score(m: DateMention, source: str, anchor: date, side: Prefer) -> float:
    before, after = source[max(0, m.start - 40) : m.start], source[m.end : m.end + 20]
    # "yesterday", "this morning" said of a payment made: as exact a day as a calendar date
    score = _PRECISION[3 if m.kind == "relative_day" and side == "past" else m.precision]
    if _PAYING_BEFORE.search(before) or _BY_DAY.search(before) or _PAYING_AFTER.match(after):
        score += 2
    if _OTHER_EVENT.search(before[-25:]) and not _PAYMENT_OF.search(before[-30:]):
        score -= 3
    if _PAID_TO_THEM.search(before[-30:]):
        score -= 3  # "the county pays us on the 16th": money coming to them
    if _ROUGHLY.search(before[-15:]) or _EVERY.search(before[-12:]):
        score -= 1.5  # "around the 25th", "every Tuesday": no day committed to
    if side == "past" and _FUTURE_BEFORE.search(source[max(0, m.start - 50) : m.start]):
        score -= 2
    if side == "past" and _DONE_LATER.match(source[m.end : m.end + 45]):
        score += 2  # "vrijdag betaald", "Vrijdag hebben we € 1.834,00 overgeschreven"
    if side == "future":
        if m.value == anchor:
            score -= 0.5  # a later date said beside "this morning" is the one scheduled
        if _DONE_BEFORE.search(before[-30:]):
            score -= 2  # "sent 1500 today, rest on the 15th": today is the payment made
        if _REST_BEFORE.search(before[-25:]) and not _promised_before(source, m, anchor):
            score += 1  # the rest, the balance: what is still promised
    if (m.value < anchor) if side == "future" else (m.value > anchor):
        score -= 2
    if abs((m.value - anchor).days) > 150:
        score -= 2
    return score


def _promised_before(source: str, m: DateMention, anchor: date) -> bool:
    """Whether a coming day is said earlier in the sentence of ``m``: "$900 on the 16th and
    the rest by the end of April" promises the 16th first (the first dated promise)."""
    start = max(source.rfind(". ", 0, m.start), source.rfind("\n", 0, m.start), 0)
    return any(
        d.value > anchor for d in _with_local_days(source[start : m.start], anchor, "future")
    )


def _paid_on(
    clause: str, text: str, anchor: date, *, scheduled: bool, promised_too: bool
) -> date | None:
    """When the payment went (or, released for a later date, goes) out. With a promise beside
    it the payment is scheduled (CONTRACTS.md section 1): its date is read as a future one."""
    labelled = _labelled_date(text, anchor)
    if labelled:
        return labelled
    for m in _with_local_days(clause, anchor, "past"):
        if m.precision == 3 and gone_before(clause, m, anchor):
            # "We already sent payment on 11/3 and we will send the rest next Friday": the
            # day a payment is said gone on is its day, whatever is promised beside it
            return _nearest_year(m, anchor).value
    prefer: Prefer = "future" if scheduled else "past"
    text_prefer: Prefer = "future" if _SCHEDULED.search(text) else "past"
    m = best_mention(clause, text, anchor, prefer, text_prefer, spans=False)
    if m is not None and _the_rests_day(clause, text, m):
        m = None  # "50 % bezahlt, den Rest zahlen wir am 15.12.": the day of what is still owed
    gone = m is not None and _said_gone(clause, text, m)
    if m is not None and gone and m.value > anchor:
        # "the payment was already sent on 3/11, you will see it on your statement": the
        # "will" is another verb's; a payment said gone went on the past reading of its day
        scheduled = False
        past = first_date(m.text, anchor, "past")
        if past is not None and past <= anchor:
            m = DateMention(m.start, m.end, m.text, past, m.kind)
    if m is not None:
        m = _nearest_year(m, anchor)
    said = None if scheduled else _relative_day(clause, anchor)
    if said is not None and (m is None or m.text not in said[1]):
        return said[0]  # "wurde heute überwiesen", "réglé par CB ce soir", "paid last night"
    if m is None:
        return anchor if _JUST.search(clause) else None
    if promised_too and not gone and (scheduled or not _said_done(clause, text, m)):
        # Beside a promise the payment is scheduled, unless it is said to be made on that
        # date ("l'abbiamo pagata il 31/03 ... la 218 la paghiamo a fine mese"). A past day
        # that would move most of a year ahead is another event's: the coming day said is
        # the one scheduled ("Votre facture du 9 février est programmée au virement du 31
        # mars": the 31st, not next February).
        future = first_date(m.text, anchor, "future") or m.value
        if (future - anchor).days > FAR_AHEAD_DAYS:
            ahead = best_mention(clause, text, anchor, "future", "future", spans=False)
            if ahead is not None and 0 <= (ahead.value - anchor).days <= FAR_AHEAD_DAYS:
                return ahead.value
        return future
    return m.value


FAR_AHEAD_DAYS = 150
"""A scheduled payment further ahead than this is a day read in the wrong year when a
nearer coming day is said beside it."""
SCHEDULED_AHEAD_DAYS = 45
"""A payment date without a year is moved to the coming year's day only when that is at
most this far ahead (a payment run weeks away); a day months ahead stays a past payment."""


def _nearest_year(m: DateMention, anchor: date) -> DateMention:
    """A day written without a year and read as half a year or more away is the same day in
    the year nearest the reply ("remesa del día 5 de mayo" written on April 28: this May)."""
    if abs((m.value - anchor).days) <= 180 or re.search(r"\d{4}|[/.-]\d{2}$", m.text):
        return m
    days = [
        d
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _same_day(m.value, year)) is not None
    ]
    nearest = min(days, key=lambda d: abs((d - anchor).days))
    if (nearest - anchor).days > SCHEDULED_AHEAD_DAYS:
        return m  # "was sent on 12 March" written in November: last March, not next
    return DateMention(m.start, m.end, m.text, nearest, m.kind)


def _same_day(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:
        return None  # February 29


_TODAY = re.compile(
    r"\b(?:today|tonight|this am|tdy|in data odierna|en date de ce jour|en el día de hoy|"
    r"am heutigen tag|op heden|na data de hoje|this (?:morning|afternoon|evening)|heute|"
    r"heute morgen|ce (?:soir|matin)|"
    r"aujourd'hui|cet après-midi|hoy|esta (?:mañana|tarde)|oggi|stamattina|stasera|hoje|"
    r"esta manhã|vandaag|vanochtend|vanmiddag|vanavond)\b",
    re.I,
)
_YESTERDAY = re.compile(
    r"\b(?:yesterday|yesterdy|yday|y'day|yest|last night|gestern|hier(?! soir)|hier soir|ayer|"
    r"anoche|ieri|ieri sera|ontem|gisteren|gisteravond)\b",
    re.I,
)


def _relative_day(clause: str, anchor: date) -> tuple[date, str] | None:
    """Today or yesterday said in words in any of our languages, and the sentence saying it."""
    for sentence in re.split(r"(?<=[.;!?])\s+", clause):
        if _YESTERDAY.search(sentence):
            return anchor - timedelta(days=1), sentence
        if _TODAY.search(sentence):
            return anchor, sentence
    return None


def _said_done(clause: str, text: str, m: DateMention) -> bool:
    """Whether a verb of a payment made stands just before the date mention ``m``, or just
    after it with its subject ("Friday I mailed the check")."""
    for source in (clause, text):
        at = source.find(m.text)
        if at >= 0:
            after = source[at + len(m.text) : at + len(m.text) + 30]
            return bool(
                _DONE_BEFORE.search(source[max(0, at - 30) : at]) or _DONE_AFTER.match(after)
            )
    return False


_GONE_BEFORE = re.compile(
    r"(?:\b(?:was|were|has been|have been|had been|already|went out|got|is|are)\s+(?:\w+\s+)?"
    r"(?:sent|paid|wired|mailed|transferred|remitted|released|processed|settled|cleared|posted)|"
    r"\b(?:we|i|they)\s+(?:\w+\s+)?(?:sent|paid|wired|mailed|transferred|remitted|released|"
    r"processed|settled|posted|made)\b(?:\s+(?:it|this|that|them|payment|(?:the|our|your)"
    r"(?:\s+[\w-]+){1,3}|(?:inv(?:oice)?\s*#?\s*)?[a-z]{0,4}-?\d[\w-]*))?|"
    r"\b(?:went out|left|cleared)|"
    r"\b(?:a été|ont été|avons|ai|est|fue|fueron|foi|foram|è stat[oa]|sono stat[ie]|abbiamo|ho|"
    r"werd|zijn|is)\s+(?:\w+\s+)?(?:envoyée?s?|payée?s?|réglée?s?|virée?s?|effectuée?s?|faite?s?|"
    r"pagad[oa]s?|enviad[oa]s?|transferid[oa]s?|feit[oa]s?|efetuad[oa]s?|realizad[oa]s?|"
    r"pag[oa]s?|pagat[oaie]|inviat[oaie]|effettuat[oaie]|fatt[oaie]|disposto|bonificat[oaie]|"
    r"betaald|overgemaakt|verstuurd|voldaan)|"
    r"\bse\s+(?:hizo|realizó|efectuó|envió|pagó|transfirió|abonó)|"
    r"\b(?:hicimos|realizamos|efectuamos|enviamos|transferimos|abonamos|pagámos|"
    r"efetuámos|wurden?|haben wir|hat|hatten|habe ich))"
    r"\s+(?:(?:on|le|el|il|em|op|am|no dia|el día|il giorno|in data)\s+(?:the\s+)?)?$",
    re.I,
)
"""A payment said gone right before its day: "was already sent on", "we wired it on", "we paid
INV-221 on", "went out", "a été virée le", "fue transferido el"; never "will be sent on" (no
past verb before the day)."""


def gone_before(source: str, m: DateMention, anchor: date) -> bool:
    """Whether the day ``m`` of ``source`` is one a payment is said gone on, and lies behind
    ``anchor`` as read nearest to it ("we paid INV-221 on 3/11" written in November: the 3rd of
    November). A promise beside it is not held to that day."""
    if not _GONE_BEFORE.search(source[max(0, m.start - 60) : m.start]):
        return False
    readings = [d for d in (first_date(m.text, anchor, "past"), m.value) if d is not None]
    return min(readings, key=lambda d: abs((d - anchor).days)) <= anchor


def _said_gone(clause: str, text: str, m: DateMention) -> bool:
    """Whether the payment is said gone, in a past tense, right before the day ``m``."""
    for source in (clause, text):
        at = source.find(m.text)
        if at >= 0:
            return bool(_GONE_BEFORE.search(source[max(0, at - 60) : at]))
    return False


_REST_DAY = re.compile(
    r"\b(?:the rest|rest|remainder|balance|resto|reste|restant|restante|saldo|solde|"
    r"restbetrag|de rest)\b[^.\n\d]{0,25}$",
    re.I,
)


_PAID_THE_REST = re.compile(
    r"\b(?:paid|sent|wired|mailed|transferred|remitted|cleared|settled|bezahlt|überwiesen|"
    r"beglichen|payée?|réglée?|virée?|pagad[oa]|pagamos|pagat[oa]|betaald|overgemaakt)\s+"
    r"(?:\S+\s+){0,2}$",
    re.I,
)
"""A rest paid, its verb right before it: "we paid the remaining balance on Nov 12"."""
_REST_PAID = re.compile(
    r"\b(?:went|was|were|has been|have been|got|cleared|wurden?|ist|sind|a été|ont été|est parti|"
    r"fue|fueron|foi|foram|è stat[oa]|sono stat[ie]|werd|paid|sent|wired|mailed|bezahlt|"
    r"überwiesen|beglichen|payée?|réglée?|virée?|pagad[oa]|pagat[oa]|betaald|overgemaakt|voldaan)\b",
    re.I,
)
"""The rest said paid ("The balance went out last Thursday", "Der Rest der Rechnung wurde am
09.10. bezahlt"): its day is the payment's."""


def _the_rests_day(clause: str, text: str, m: DateMention) -> bool:
    """Whether the day ``m`` is said of the rest still to pay ("y el resto el 15/12", "den Rest
    zahlen wir am 15.12."), not of a rest paid ("we paid the balance on 11/3")."""
    for source in (clause, text):
        at = source.find(m.text)
        if at >= 0:
            window = max(0, at - 40)
            rest = _REST_DAY.search(source[window:at])
            if rest is None:
                return False
            said = window + rest.start()  # where the rest is named
            end = at + len(m.text)
            stop = re.search(r"[.!?;\n](?:\s|$)", source[end:])
            after = source[end : end + (stop.start() if stop else 40)][:40]
            return not (
                _PAID_THE_REST.search(source[max(0, said - 30) : said])
                or _REST_PAID.search(source[said:at] + " " + after)
            )
    return False


_DONE_LATER = re.compile(
    r"^(?:(?!\b(?:but|since|and|as|because|when|net|weil|aber|und|mais|et|car|pero|y|porque|ma|"
    r"e|perché|maar|en|omdat|want)\b)(?:[^.!?;,\n]|(?<=\d)[.,](?=\d))){0,35}?\b(?:betaald|overgemaakt|overgeschreven|bezahlt|überwiesen|"
    r"beglichen|payée?s?|réglée?s?|virée?s?|pagad[oa]s?|pagat[oa]|saldat[oa]|transferid[oa]s?|"
    r"paid|wired|mailed|remitted)\b",
    re.I,
)
"""The payment verb later in the day's clause, as Dutch and German put it."""
_DONE_AFTER = re.compile(
    r"\W{0,3}(?:i|we)\s+(?:\w+\s+)?(?:mailed|paid|sent|wired|dropped|transferred|remitted|"
    r"posted)\b",
    re.I,
)


_QUOTED_REFERENCE = re.compile(
    r"\b(?:verwendungszweck|omschrijving|description|memo|causale|concepto|libellé|motif|"
    r"reference|referenz|kenmerk|referencia|référence|riferimento)\s*:?\s*[\"“„«']\s*"
    r"([^\"”“»'\n]{3,40}?)\s*[\"”“»']",
    re.I,
)
_LABELLED_REFERENCE = re.compile(
    r"\b(?:zahlungsreferenz|referenz|kenmerk|betalingskenmerk|(?:ach )?trace(?: number| no\.?)?|"
    r"referencia(?: de (?:remesa|pago|transferencia))?|référence(?: de (?:paiement|virement))?|"
    r"riferimento|receipt|ref(?:erence|\.ª|\.º)?|refer[êe]ncia|"
    # a payment's own number under other labels: a transaction, an authorisation, a warrant,
    # the payer's payment document
    r"transacti(?:on|e)(?:nummer| number|[- ]id| no\.?)?|transaktionsnummer|"
    # a payment's own number ("Zahlungsnummer 7000123345"), a proof of payment's
    # ("comprovante nº 88120044")
    r"zahlungsnummer|zahlungs-nr\.?|(?:comprovante|comprobante|justificante)(?= n)|"
    r"(?:número|numéro|numero|nummer) (?:de |di )?(?:autori[sz]aci[óo]n|autorisation|"
    r"autorizzazione|transacci[óo]n|transaction|operaci[óo]n|opération|pagaré)|"
    r"authori[sz]ation(?: code| number| no\.?)?|warrant|payment doc(?:ument)?|belegnummer|"
    # a card payment's approval code, a SEPA transfer's end-to-end id ("E2E ID E2E-1117-44")
    r"auth\.? code|approval code|(?:e2e|end-to-end)(?:[- ](?:id|ref(?:erence)?))?|"
    r"beleg-nr\.?|"
    # the bank's own ids of a transfer (UTR, TRN, CRO, IMAD, Fed reference), a transaction id
    # in compounds ("Transaktions-ID"), a remittance advice's number, and "the number of the
    # transfer / operation / receipt" in the Romance languages ("n.º de transferencia",
    # "número de operación", "número do comprovativo")
    r"utr|trn|cro|imad|uetr|fed reference(?: number| no\.?)?|transaktions-?(?:id|nr\.?)|"
    r"remittance(?: advice)?(?: no\.?| number| #)?|"
    r"(?:n\.?\s?[º°o]\.?|nr\.?|número|numéro|numero|nummer)\s+(?:de |di |do |da |du |der |des )?"
    r"(?:la |el |l'|o |a )?(?:transferencia|transferência|transfer|virement|bonifico|overboeking|"
    r"operaci[óo]n|operação|opération|operazione|comprovativo|comprovante|comprobante|"
    r"justificante|transação|transaktion|ordine di bonifico|remesa|remise))"
    r"\s*(?:#|no\.?|nr\.?|n°|n\.?\s?º\.?|:|is|ending(?: in)?)?\s*(?:QR\s+)?"
    r"\(?#?\s*((?=[A-Z0-9 /-]*\d)[A-Z0-9](?:[A-Z0-9/-]|[ ](?=\d{3,}\b))*[A-Z0-9])",
    re.I,
)
_CHECK_NUMBER = re.compile(
    r"\b(?:check|cheque|chèque|scheck|assegno|chk|ck)\b(?:[^.\n]|\.\s(?!\s*\n)){0,40}?"
    r"#\s?(?:is\s+)?(\d{3,})\b",
    re.I,
)
"""A check's number after a "#", in its sentence or the next one ("The check left on Monday.
#70215, $412.00", "the check # is 7712")."""
_DESCRIPTION = re.compile(
    r"\b(?:verwendungszweck|omschrijving|causale|concepto|libellé|(?<!credit )(?<!debit )memo|"
    r"note(?= says| reads))\s*:?\s*(?:(?:says|reads|lautet|dice|indique)\s+)?"
    r"(?![\"“„«'])((?:(?-i:[A-Z])[\w.-]{0,5} )?[A-Z0-9][\w/-]*\d[\w/-]*"
    r"(?: (?:(?-i:[A-Z])[\w.-]{0,6} )?[A-Z0-9][\w/-]*\d[\w/-]*)?)",
    re.I,
)
"""A payment description written without quotes: its first number, with a short label before
it and a second labelled number after it ("Verwendungszweck RE-26-2210", "Verwendungszweck:
RE 88213 Kd-Nr 5521")."""
_ENDING = re.compile(
    r"\b(?:trace|ref\w*|account|card|confirmation)\b[^.\n]{0,15}\bending(?: in)?\s+(\d{4,})", re.I
)
_DATE_LIKE = re.compile(r"^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$")


_LABELLED_METHOD = re.compile(
    r"\b(?:method|payment method|zahlungsart|mode de (?:paiement|règlement)|medio de pago|forma de "
    r"pago|meio|modalità|betaalwijze)\s*:\s*(\w+(?:\s\w+)?)",
    re.I,
)
_MORE_METHODS: list[tuple[str, re.Pattern[str]]] = [
    (
        "check",
        re.compile(
            r"\bck\b|\bwarrants?\b|paper check|bill pay|\bchq\b|\b(?:mailed|posted|sent|cut|"
            r"dropped|wrote) (?:a |the |our )?(?:check|cheque)\b|"
            # a run of checks: "Checks are cut the Thursday after", "checks were mailed"
            r"\b(?:check|cheque)s (?:[\w'’]+ ){0,5}?(?:are|were|will be|get|gets) (?:\w+ )?(?:cut|"
            r"printed|mailed|dated|issued|signed)\b|\b(?:by|via|per|with) (?:paper )?"
            r"(?:check|cheque)\b|\b(?:check|cheque)\s*\(#?\s?\d|(?:^|[.!?\n]\s*)(?:check|cheque) "
            r"for [$€£]?\s?\d",
            re.I,
        ),
    ),
    (
        "card",
        re.compile(
            r"\bCB\b|\bcard on file\b|virtual card|\bcard\b[^.\n]{0,30}\bcharged|"
            r"charged[^.\n]{0,30}\bcard\b",
        ),
    ),
    ("card", re.compile(r"\b(?:on|by|via|with) card\b", re.I)),
    (
        "other",
        re.compile(
            r"\bPSE\b|\b(?:(?:por|de|mediante|con|en|el|del|al|vía) confirming|pagarés|"
            r"(?:un|el|del|al|con|por|mediante|de) pagaré|multibanco|mb way|"
            r"paymode)\b",
            re.I,
        ),
    ),
    ("wire", re.compile(r"\b(?:TED|SPEI|CHAPS|faster payments?)\b|(?<![\w/-])T/?T(?![\w/-])")),
    ("wire", re.compile(r"\b(?:overgeschreven|bonificat[oaie]|bonifici|virato)\b", re.I)),
    (
        "other",
        re.compile(
            r"\b(?:cash|iDEAL|en efectivo|en espèces|in contanti|em dinheiro|bar bezahlt|"
            r"contant|RiBa|LCR|domiciliaci\w*|domiciliad\w*|prélèvement|lastschrift\w*|addebito "
            r"diretto|débito direto|automatische incasso)\b",
            re.I,
        ),
    ),
]


_METHOD_WORDS = {
    "check": "check",
    "cheque": "check",
    "chèque": "check",
    "scheck": "check",
    "ach": "ach",
    "eft": "ach",
    "wire": "wire",
    "transfer": "wire",
    "transferencia": "wire",
    "transferência": "wire",
    "virement": "wire",
    "überweisung": "wire",
    "bonifico": "wire",
    "card": "card",
    "tarjeta": "card",
    "carte": "card",
}


def payment_method(text: str) -> str | None:
    """ach, wire, check, card or other: a labelled method ("Method: Check"), the shared
    extractor's words, then shorthand and local schemes ("ck 4410", "warrant #", "par CB",
    "card on file was charged", "via TED", "paid cash", "iDEAL")."""
    labelled = _LABELLED_METHOD.search(text)
    if labelled:
        word = labelled.group(1).split()[0].lower()
        named = (
            _METHOD_WORDS.get(word)
            or extract.payment_method(labelled.group(1))
            or next((m for m, p in _MORE_METHODS if p.search(labelled.group(1))), None)
        )
        if named:
            return named
    found = extract.method_mentions(text, _MORE_METHODS)
    return found[0][1] if found else None


def payment_reference(text: str) -> str | None:
    """The payment's reference: a quoted payment description ("Verwendungszweck
    "INV-50933 Kd.-Nr. 30817""), a labelled reference or trace (digit groups kept together:
    "Zahlungsreferenz 21 00000 00003"), a check number named after other words ("a check
    for INV-10790, #6610"), "trace ending 7731"; else the shared extractor's. Never a date."""
    not_ours = _not_references(text)
    for pattern in (_QUOTED_REFERENCE, _DESCRIPTION, _LABELLED_REFERENCE, _CHECK_NUMBER, _ENDING):
        for m in pattern.finditer(text):
            found = m.group(1).strip()
            word = re.match(r"([^\W\d_]+) (?=\S*\d)", found)
            if word and not word.group(1).isupper() and pattern is _LABELLED_REFERENCE:
                found = found[word.end() :]  # "referencia bancaria 00491823": the number
            if (
                len(found) >= 4
                and any(c.isdigit() for c in found)
                and not _DATE_LIKE.match(found)
                and not _PHONE_LIKE.match(found)
                and (pattern in (_QUOTED_REFERENCE, _DESCRIPTION) or _canon(found) not in not_ours)
            ):
                return found
    found = extract.payment_reference(text)
    if found is not None and _canon(found) not in not_ours:
        return found
    for m in _NAMED_NUMBER.finditer(text):
        found = m.group(1).strip()
        if (
            len(found) >= 3
            and not _DATE_LIKE.match(found)
            and not _PHONE_LIKE.match(found)
            and _canon(found) not in not_ours
            and not extract.find_amounts(found)
        ):
            return found
    return None


_NAMED_NUMBER = re.compile(
    r"\b(?:(?:betalings|betaal|zahlungs|überweisungs|auftrags)?referen(?:tie|z|ce|cia|cia)|"
    r"referência|riferimento|kenmerk|ref\.?|clave de rastreo|"
    r"(?:id|código) de (?:la )?transacci[óo]n|"
    r"transacti(?:on|e)\w*|transacci[óo]n|transação|transaktion\w*|"
    r"(?:bank|wire|payment|pago|pagamento|paiement|zahlungs?|betaling)\s+(?:ref\w*|id|number|no\.?)|"
    r"ordine di bonifico|orden de (?:pago|transferencia)|"
    r"check|cheque|chèque|chq|chk|scheck|assegno|warrant)"
    r"(?:[\s:#.-]+|[\s:#.-]*(?:(?:de|da|do|del|della|di|du|des|der|of|the|la|el|o|a|l'|van|het|die|our|"
    r"bancari[ao]|bancaire|bank|payment|pago|pagamento|paiement|zahlung|betaling|transfer|"
    r"transferencia|transferência|virement|bonifico|overboeking|operaci[óo]n|operação|"
    r"opération|operazione|transacci[óo]n|transação|transaction|spei|sepa|number|numero|número|"
    r"numéro|nummer|no|nr|n\.?º|n°|n|is|es|est|è|é|ist|lautet|was)\b[\s:#.]*)){0,4}"
    r"(?<![\w-])((?=[A-Z0-9/-]*\d)[A-Z0-9](?:[A-Z0-9/-]|[ ](?=\d{3,}\b))*[A-Z0-9])\b",
    re.I,
)
"""A label of a payment's number, up to four small words ("de la operación", "da
transferência", "number is"), then the number: the last resort of `payment_reference`."""


_PHONE_LIKE = re.compile(r"^\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}$")


def _canon(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", number.upper())


def _not_references(text: str) -> set[str]:
    """The invoice and PO numbers a reply names: never its payment's reference (only a
    payment description quotes them: "Verwendungszweck RE-26-1044")."""
    return {_canon(n) for n in [*extract.named_invoices(text), *extract.find_pos(text)]}


def _labelled_date(text: str, anchor: date) -> date | None:
    """A date a remittance advice labels as the payment's ("Zahlungsdatum: 15.09.2026")."""
    for m in _DATE_LABEL.finditer(text):
        after = text[m.end() : m.end() + 40]
        mentions = _with_local_days(after, anchor, "past")
        if mentions and mentions[0].start == 0:
            # without a year, the nearer of the last and the next such day ("remesa del día
            # 5 de mayo" written on April 28 is this May 5)
            ahead = _with_local_days(after, anchor, "future")[0].value
            past = mentions[0].value
            return past if abs((anchor - past).days) <= abs((ahead - anchor).days) else ahead
    return None


_DAYS_WORD = re.compile(
    r"\b(thirty|forty-five|sixty|ninety|\d{2,3})[\s-]*(?:days?|tagen?|jours|días|dias|giorni|"
    r"gg|dagen)\b",
    re.I,
)


def _word_days(text: str) -> int | None:
    """Terms written as a number of days in any of our languages ("Zahlungsziel von 60 Tagen",
    "45 jours fin de mois", "a 90 días", "120 giorni"): a usual terms length only."""
    words = {"thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90}
    for m in _DAYS_WORD.finditer(text):
        raw = m.group(1).lower()
        days = int(raw) if raw.isdigit() else words[raw]
        if days in {30, 45, 60, 75, 90, 120, 150, 180}:
            return days
    return None


_BARE_DAY = re.compile(
    r"\b(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?!\d)|(?:il|el|le|am|op|on the)\s+(?P<day>\d{1,2})"
    r"(?:st|nd|rd|th|\.)?(?![\d./:-]|\s*(?:de |di |\w*(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|"
    r"sep|o[ck]t|nov|d[ei][cz]|gen|ene|giu|lug|ago|set|dic|avr|juil|août|déc|mei|okt|maa)\w*)))",
    re.I,
)


def _bare_days(text: str, anchor: date) -> list[DateMention]:
    """Dates an out-of-office writes without a year or month ("bis einschließlich 29.05.",
    "rientro il 28"): the next such day on or after the reply's date."""
    found = []
    for m in _BARE_DAY.finditer(text):
        try:
            if m.group("d"):
                day = date(anchor.year, int(m.group("m")), int(m.group("d")))
                if day < anchor:
                    day = date(anchor.year + 1, day.month, day.day)
            else:
                day = date(anchor.year, anchor.month, int(m.group("day")))
                if day < anchor:
                    month = anchor.month % 12 + 1
                    day = date(anchor.year + (anchor.month == 12), month, day.day)
        except ValueError:
            continue
        found.append(DateMention(m.start(), m.end(), m.group(0), day, "bare"))
    return found


def _return_on(text: str, anchor: date) -> date | None:
    """The day they are back: a date said to be the return ("back on", "reopen on",
    "31. August wieder im Büro"), else the last date of the first paragraph that names one
    (the absence; the next working day when that day is included)."""
    mentions = sorted(
        [
            *find_dates(text, anchor, "future"),
            *_bare_days(text, anchor),
            # "on leave from 20-Nov-2026 to 04-Dec-2026", as shared-service centres write
            *(m for m in local_days(text, anchor) if _HYPHEN_DATE.fullmatch(m.text)),
        ],
        key=lambda m: m.start,
    )
    for m in mentions:
        if (
            _BACK.search(text[max(0, m.start - 40) : m.start])
            or _BACK_AFTER.match(text[m.end : m.end + 30])
            or (m is not mentions[0] and _FROM_AGAIN.search(text[max(0, m.start - 30) : m.start]))
        ):
            return _open_day(m.value)
    if not mentions:
        return None
    ends = [m for m in mentions if _UNTIL.search(text[max(0, m.start - 35) : m.start])]
    if ends:
        last = ends[0]  # the absence's end, not a later day said of something else
    else:
        breaks = [b.start() for b in re.finditer(r"\n\s*\n", text) if b.start() > mentions[0].start]
        last = [m for m in mentions if not breaks or m.start < breaks[0]][-1]
    if _INCLUSIVE.search(text[max(0, last.start - 40) : last.end + 20]) or _RANGE_END.search(
        text[max(0, last.start - 35) : last.start]
    ):
        return _working_day(last.value + timedelta(days=1))
    return _open_day(last.value)


_HYPHEN_DATE = re.compile(r"\d{1,2}-[^\W\d_]+\.?-\d{4}")
_UNTIL = re.compile(
    r"\b(?:until|till|til|through|thru|to|bis|jusqu\w*|hasta|fino|sino|tot|até|al|au|t/m)\b"
    r"[^.\n\d]{0,25}$",
    re.I,
)
"""The end of an absence: "until Friday, October 16", "bis einschließlich", "hasta el"."""
_RANGE_END = re.compile(
    r"\b(?:from|dal|dall'|du|del|van|vom|von|de|desde)\s+[^.\n]{1,25}?\s+(?:to|al|au|a|tot|bis|"
    r"t/m|[-–])\s+(?:(?:the|le|el|il|lo)\s+)?[^.\n\d]{0,12}$",
    re.I,
)
"""An absence from one day to another ("dal 3 al 14 agosto", "du 1er au 23 août"): the last
day is still away."""
_FROM_AGAIN = re.compile(
    r"\b(?:à partir d[ue]|a partir del?|a partire da[li]?|vanaf|starting|as of)\s+"
    r"(?:the\s+|le\s+|el\s+|il\s+)?[^.\n\d]{0,12}$",
    re.I,
)
"""A later day said as the one from which they answer again ("Nous traiterons votre message
à partir du lundi 24 août")."""
_CLOSED_DAYS = {(1, 1), (12, 25)}


def _open_day(day: date) -> date:
    """A return said as a day: the next day when it falls on a Sunday, New Year's Day or
    Christmas Day ("until Sunday 14 June"); a Saturday stays (hotels and shops open then)."""
    while day.weekday() == 6 or (day.month, day.day) in _CLOSED_DAYS:
        day += timedelta(days=1)
    return day


def _working_day(day: date) -> date:
    """``day``, or the next working day when it falls on a weekend, New Year's Day or
    Christmas Day (back "until Sunday 14 June" is back on Monday)."""
    while day.weekday() >= 5 or (day.month, day.day) in _CLOSED_DAYS:
        day += timedelta(days=1)
    return day


_POINTS_AT_QUOTED = re.compile(
    r"\b(?:below|inline|in-line|next to (?:each|every|the)|beside each|answers?|my notes|"
    r"comments|in red|forward\w*|fwd|from (?:our|the) bank|(?:bank|payment) (?:confirmation|"
    r"notice|advice)|confirmation from|what the [\w ]{0,30} sent|siehe unten|unten|"
    r"weitergeleitet\w*|ci-dessous|plus bas|en rouge|transf[ée]r[ée]|abajo|a continuación|"
    r"en rojo|reenv\w+|hieronder|in het rood|doorgestuurd|qui sotto|di seguito|in rosso|"
    r"inoltr\w+|abaixo|em vermelho|encaminh\w+)\b",
    re.I,
)
"""New words that point at what they quote: a forwarded bank notice ("see below, this is the
confirmation from our bank") or answers typed into our notice ("see my notes inline")."""
_FORWARD_MARK = re.compile(
    r"^.*(?:forwarded message|begin forwarded message|weitergeleitete nachricht|"
    r"message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|"
    r"mensagem encaminhada).*$",
    re.I | re.M,
)
_HEADER_LINE = re.compile(
    r"^\s*(?:from|date|sent|to|cc|subject|von|datum|gesendet|an|betreff|de|date|envoyé|à|objet|"
    r"para|fecha|asunto|enviado|da|data|inviato|a|oggetto|van|verzonden|aan|onderwerp)\s*:.*$",
    re.I | re.M,
)
_ANSWER = re.compile(r">>[ \t]*([^>\n]+)")
"""An answer typed into our quoted notice after ">>" ("INV 4410 $812.00 >> wired 11/19")."""


def from_quoted(fields: Fields, text: str, quoted: str, anchor: date) -> Fields:
    """A payment's fields the new words leave empty, read from what they point at: a
    forwarded bank notice, or answers typed into our quoted notice. Only with new words
    that point at it: quoted history alone is never the customer's claim."""
    if not quoted or not _POINTS_AT_QUOTED.search(text):
        return fields
    forward = _FORWARD_MARK.search(quoted)
    if forward:
        source = _HEADER_LINE.sub("", quoted[forward.end() :])
    else:
        source = "\n".join(m.group(1).strip() for m in _ANSWER.finditer(quoted))
    if not source.strip():
        return fields
    found = {
        "reference": payment_reference(source),
        "method": payment_method(source),
        "amount": amounts.payment_amount(source, source) if forward else None,
        "paid_on": _paid_on(source, source, anchor, scheduled=False, promised_too=False),
    }
    update = {k: v for k, v in found.items() if v is not None and getattr(fields, k) is None}
    return fields.model_copy(update=update) if update else fields
