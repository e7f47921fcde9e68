# ruff: noqa: E501  (a table of regular expressions reads best unwrapped)
"""Phrase lexicons: how customers say each intent, in English, German, French and Spanish.

Each `Cue` is a regular expression over normalised clause text (lower case, single
spaces, straight quotes) with a weight. A cue marked ``claim`` states a fact ("we
paid", "we received damaged goods"); the classifier drops a claim cue when it is
negated ("we have NOT paid"), asked ("did we pay?") or put in the future. Cues that
need the negation themselves ("never received the goods") spell it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arbox.agent.findings import Intent


@dataclass(frozen=True)
class Cue:
    intent: Intent
    pattern: re.Pattern[str]
    weight: float
    claim: bool = False
    """A factual statement: negation, a question or the future cancels it."""
    reason: str | None = None
    """For dispute and short_pay cues: the reason the words point to."""
    needs_date: bool = False
    """Counts only when its clause names a date ("we'll pay on the 15th", not "will send more")."""
    needs_detail: bool = False
    """Counts only when its clause has an amount, a date or a payment method ("I paid on time"
    argues a dispute; "we paid $400 by ACH on 3/2" reports a payment)."""


_NEG = r"(?:\b(?:not|never|no|nicht|nie|pas|jamais|ne)\b|n't\b)"
"""A negation, contractions included ("haven't", "wasn't", "doesn't")."""
_PAY = r"(?:pay|paid|pago|pagar|payé|paiement|zahlung|settle|remit)"
_DOC = (
    r"(?:copy|copies|invoice|invoices|statement|w-?9|proof of delivery|pod|backup|back-up"
    r"|documentation|receipt|delivery note|delivery receipt|bill of lading|bol|credit memo"
    r"|credit note|packing slip|timesheets?|aging|ageing|breakdown|itemi[sz]ed|certificate"
    r"|bank details|letterhead|signed|supporting documents?|kontoauszug|rechnungskopie"
    r"|relevé|copie|factura|estado de cuenta|lieferschein|détail|feuilles de temps|certificado|"
    r"boleto|bank data|receipt|agreement|rate sheet|form|letter|work orders?|lien waivers?|pdfs|"
    r"waivers?|contracts?|pdf|conformance|documents?|paperwork|werkbon|leveringsbewijs|pakbon|"
    r"specificatie|factuur|facture|fattura|fatura|rechnung|kopie|copia|cópia|bon de livraison|"
    r"albarán|ddt|certificato|attestation|nota fiscal|\w*nachweis\w*|comprovante de entrega|canhoto|"
    r"preuve de livraison|comprobante de entrega|remito|prova di consegna|afleverbewijs|"
    # compliance papers a buyer asks of a supplier: DURC, visura, Kbis, certidão
    r"durc|visura(?: camerale)?|kbis|certid[ãa]o|certidões)"
)


DOCUMENT = re.compile(rf"\b{_DOC}\b")
"""A document named: a copy, a statement, a W-9, a POD, ... (in several languages)."""


def _c(
    intent: Intent,
    weight: float,
    pattern: str,
    *,
    claim: bool = False,
    reason: str | None = None,
    needs_date: bool = False,
    needs_detail: bool = False,
) -> Cue:
    # A gap "[^.]{0,40}" must not stop at the decimal point of "$4,900.00" or "20.03.2026".
    # Nor at the dot of a European date that the sentence goes on after ("bis zum 30.11. zahlen").
    pattern = pattern.replace("[^.]{", r"(?:[^.]|\.(?=\d)|(?<=\d)\.(?=\s[a-zäöüéèà])){").replace(
        "[^.?]{", r"(?:[^.?]|\.(?=\d)|(?<=\d)\.(?=\s[a-zäöüéèà])){"
    )
    return Cue(intent, re.compile(pattern), weight, claim, reason, needs_date, needs_detail)


I = Intent  # noqa: E741 - short alias keeps the table readable

NOT_US = _c(
    I.wrong_contact,
    0.8,
    r"\b(?:(?:it's|it is|that's|that is|this is|these are) not us|^\W*not us\b|(?:you've|you have|"
    r"you) got the wrong (?!(?:invoice|price|amount|po|account number|date|quantity|items?|"
    r"address)\b)\w+|(?<!call )(?<!called )(?<!calling )(?<!hire )(?<!hired )(?<!hiring )(?<!use )"
    r"(?<!used )(?<!with )(?<!from )(?<!bring in )(?<!brought in )(?:another|a different) "
    r"(?:company|business|customer|firm|entity)|(?:we're|we "
    r"are|i'm|i am) not (?:the|your|a) (?:customer|client)|(?:we|i) (?:have never been|were never|"
    r"are not|aren't) (?:a |your )?(?:customer|client)s? of yours|(?:isn't|is not|aren't|are not) "
    r"ours\b|no somos "
    r"nosotros|(?:es|son) de otra empresa|otra empresa con|ce n'est pas nous|une autre (?:société|"
    r"entreprise)|(?:das )?sind nicht wir|eine andere (?:firma|gesellschaft)|einem anderen "
    r"unternehmen|non siamo noi|non sono io|un'altra (?:azienda|società|ditta)|não somos nós|"
    r"(?:é|são) de outra empresa|dat zijn wij niet|wij zijn het niet|een ander bedrijf|"
    r"^\W*(?:c'est )?pas nous\b|"
    r"^\W*(?:indirizzo|destinatario|direcci[óo]n|endereço|destinatário|adresse|adres|e-?mail) "
    r"(?:e-?mail )?(?:sbagliat[oa]|equivocad[oa]|errad[oa]|incorrect[oa]|erronée?|falsch|verkeerd)\b|"
    # written to the wrong company, address or person, in our seven languages: "Sie haben die
    # falsche Firma angeschrieben", "vous vous êtes trompé de destinataire", "se han equivocado
    # de empresa", "avete sbagliato destinatario", "u heeft zich vergist van ontvanger"
    r"^\W*(?:falsche[rn]?|mauvaise?|wrong|verkeerde?|errad[oa]|equivocad[oa]|sbagliat[oa]) "
    r"(?:e-?mail-?)?(?:adresse|address|adres|destinataire|recipient|empfänger|ontvanger|"
    r"destinatario|destinatário|firma|company|société|empresa|azienda|bedrijf)\b|"
    r"(?:sie haben|haben sie) (?:sich )?(?:\w+ ){0,3}?(?:die|den|das|der) falsche[nr]? (?:firma|"
    r"unternehmen|adresse|e-?mail-?adresse|empfänger\w*|person|ansprechpartner\w*|kunden|"
    r"gesellschaft)|(?:an|bei) (?:die|der|den) falsche[nr]? (?:firma|adresse|empfänger|person|"
    r"gesellschaft|kunden) (?:geschickt|gesendet|geschrieben|adressiert|gerichtet|gegangen)|"
    r"sind (?:hier|bei uns) falsch|falsch zugestellt|(?:irrtümlich|fälschlicherweise) (?:an|bei) "
    r"uns|vous vous (?:êtes|etes) tromp[ée]e?s? (?:de |d')|erreur de destinataire|mauvais "
    r"destinataire|(?:envoyée?s?|adressée?s?|écrit) (?:à|au) (?:la |une )?mauvais(?:e)? (?:adresse|"
    r"destinataire|société|entreprise|personne)|se (?:han|ha) equivocado de (?:empresa|"
    r"destinatario|persona|direcci[óo]n|corr[e]o|cliente)|(?:destinatario|empresa|persona) "
    r"equivocad[oa]|avete sbagliato (?:indirizzo|destinatario|azienda|società|persona|cliente|"
    r"ditta)|(?:destinatario|azienda|società|ditta) sbagliat[oa]|(?:u heeft|u hebt|je hebt|jul[l]ie "
    r"hebben) (?:zich |je )?vergist (?:van|in) (?:de |het )?(?:ontvanger|adres|bedrijf|persoon|"
    r"klant|geadresseerde)|(?:verkeerde|foute) (?:ontvanger|geadresseerde|bedrijf|persoon|klant)|"
    r"(?:se )?enganaram de (?:empresa|destinatário|pessoa|endereço)|(?:destinatário|empresa) "
    r"errad[oa]|sent (?:this |it |them )?to the wrong (?:company|customer|business|person|"
    r"address|email)|wrong recipient|misdirected|"
    # "we are not Müller GmbH", "wij zijn niet Bakker BV", "no somos Pérez S.L.": another company
    # by its legal form (`classifier` reads a name without one from the written case)
    r"(?:we are not|we're not|wir sind nicht|nous ne sommes pas|no somos|wij zijn niet|we zijn "
    r"niet|non siamo|não somos) (?:(?:the|die|der|das|la|le|l'|el|de|het|il|a|o) )?(?:firma |"
    r"société |empresa |azienda |ditta |bedrijf |company )?(?:[\w&.'-]+ ){1,4}(?:gmbh|ag|kg|ohg|ug|"
    r"gbr|inc|llc|ltd|corp|plc|sarl|sas|sasu|eurl|s\.?l\.?u?|s\.?a\.?|srl|s\.r\.l\.|spa|s\.p\.a\.|"
    r"b\.?v\.?|n\.?v\.?|vof|lda|ltda)(?!\w)|(?:wij|we) zijn (?:geen klant|niet uw klant)|no somos "
    r"(?:clientes? (?:suyos|de ustedes)|sus clientes)|non siamo (?:vostri clienti|clienti vostri)|"
    r"nous ne sommes pas (?:vos clients|votre client|client chez vous)|wir sind nicht (?:ihr "
    r"kunde|ihre kunden|kunde bei ihnen))\b",
)
"""A notice sent to the wrong customer: "not us", "you've got the wrong Lund", "es de otra
empresa", "Sie haben die falsche Firma angeschrieben", "vous vous êtes trompé de destinataire".
Not "the wrong invoice" or "the wrong price": a company or a person mistaken. Whoever says so
contests nothing of ours."""


UNDER_WAY = _c(
    I.promise_to_pay,
    0.75,
    r"(?:^\W*(?:(?:ok(?:ay)?|sure|yes|yep|sorry|on it|no problem)\W+)?|\b(?:i'm|we're|i am|we "
    r"are|am|are)\s+)(?:just\s+)?(?:sending|paying|wiring|"
    r"transferring|processing|releasing|mailing)(?:\s+(?:it|this|that|them|payment|the payment|"
    r"the balance|the check|the cheque|the wire|your payment|over|out|off))*\s+(?:now|right now|"
    r"today|as we speak|this (?:morning|afternoon))\b|"
    # the same in our other languages: "je paie maintenant", "ich überweise jetzt", "lo pago
    # ahora mismo", "ik betaal het nu", "faccio il bonifico adesso", "estou pagando agora"
    r"\b(?:je (?:la |le |les )?(?:paie|règle|vire|fais le virement)|on (?:la |le )?(?:paie|règle|"
    r"vire)|(?:ich|wir) (?:überweise|überweisen|zahle|zahlen|bezahle|bezahlen)(?: \w+){0,2}|"
    r"(?:lo |la |los |las )?(?:pago|pagamos|transfiero|transferimos|estoy pag[a]ndo|estamos "
    r"pag[a]ndo|hago la transferencia)|(?:ik|we|wij) (?:betaal|betalen|maak|maken)(?: \w+){0,2}|"
    r"(?:lo |la )?(?:pago|paghiamo|faccio il bonifico|facciamo il bonifico|sto pag[a]ndo)|"
    r"(?:estou|estamos) (?:pag[a]ndo|transfer[i]ndo|fazendo o pix)|(?:vou|vamos) (?:pagar|fazer o pix|"
    r"transferir))\s+(?:(?:ahora|agora|adesso|maintenant|jetzt|nu)(?:\s+mismo)?|ora)\b",
    claim=True,
)
"""A payment under way as they write: a promise for the day they write ("paying it now",
"ich überweise es jetzt", "lo pago ahora mismo"). "Can't pay right now" is not one."""
PAY_NOW = _c(
    I.promise_to_pay,
    0.75,
    r"(?:^\W*|\b(?:i'll|we'll|i will|we will)\s+)(?:send|pay|wire|transfer|do|process|release|mail)"
    r"(?:\s+(?:it|this|that|them|payment|the payment|the balance|the check|the wire|over|out|off))*"
    r"\s+(?:right )?now\b",
)
"""The same said with "will" ("I'll pay it now online"): the future is the point, so it is no
claim a "will" cancels."""
NOW_CUES = (UNDER_WAY, PAY_NOW)


UNRECOGNISED = _c(
    I.dispute,
    0.75,
    r"\b(?:don't recognize|do not recognize|didn't recognize|can't place|no reconocemos|no reconozco|"
    r"não reconhecemos|não reconheço|ne reconnaissons pas|ne (?:la |le |les )?reconnais pas|"
    r"non (?:la |lo |li |le )?riconosc\w*|(?:herken|herkennen) (?:\w+ ){0,3}niet|(?:kenne|kennen|"
    r"erkenne|erkennen) (?:diese|die|ihre|eine) (?:firma|rechnung|gesellschaft|position|forderung|"
    r"unternehmen) nicht|sagt (?:mir|uns) nichts)\b",
    reason="other",
)
"""An invoice, charge or company they do not recognise ("I don't recognise the company", "no
reconozco esta factura", "diese Firma kennen wir nicht")."""
WHAT_IS_IT = re.compile(
    r"\b(?:what(?: is|'s| was| are| were) (?:this|that|it|these|those)\b[^?.]{0,40}(?:for|about)?\s*\?|"
    # a question of which one it is: "which order is this for?", "welcher Auftrag ist das?"
    r"(?:^|[.!?]\s+)(?:which|what|welche[rs]?|quel(?:le)?s?|cu[aá]l|quale|qual|welk[e]?)\s[^?.]{0,60}\?|"
    r"what (?:this|that|it|these) (?:\w+ ){0,2}(?:is|are|was) (?:for|about)|who (?:are you|is this|"
    r"is it from|sent this)|(?:can|could) you (?:tell|explain|let) (?:me|us)|wofür|worum (?:geht|"
    r"handelt)|was (?:ist|sind) (?:das|diese?)\b[^?]{0,30}\?|à quoi (?:correspond|se rapporte)|de "
    r"quoi s'agit|qu'est-ce que c'est|a qu[ée] (?:corresponde|se refiere)|de qu[ée] se trata|"
    r"qu[ée] es (?:esto|esta|este)|waarvoor|waar (?:gaat|is) (?:dit|deze)|wat is (?:dit|deze)|"
    r"a cosa si riferisce|di cosa si tratta|cos'è|a que se refere|do que se trata|o que é (?:isso|"
    r"esta|este))"
)
"""They ask what the invoice is or who we are: not yet contesting it."""


_INVOICE_REF = (
    r"(?:(?:invoices?|inv|factura|facture|fattura|factuur|fatura|rechnung|bill)\s*(?:no\.?|nr\.?|"
    r"n[°º]|#)?\s*)?#?(?:[a-z]{1,6}-?)?\d[\w/-]*\d"
)
_HOLD = (
    r"(?:withh(?:old|olds|olding|eld)|held back|holding back|holding|hold back|retenid[oa]s?|"
    r"retenemos|reteniendo|retenu[es]*|retenons|einbehalten|zurück(?:gehalten|behalten)|halten wir "
    r"(?:\w+ )?zurück|behalten wir (?:\w+ )?ein|trattenut[oaie]|tratteniamo|ingehouden|houden (?:we|wij) "
    r"(?:\w+ )?(?:aan|in|vast)|retid[oa]s?|retemos|retendo)"
)
WITHHELD_INVOICE = _c(
    I.dispute,
    0.8,
    rf"\b{_HOLD}\s+(?:(?:the\s+)?payment\s+(?:on|of|for)\s+|(?:el\s+)?pago\s+de\s+|die zahlung (?:für|"
    rf"auf)\s+)?(?:(?:the|la|le|die|de|het|il|o|a|el|l')\s*)?{_INVOICE_REF}\b(?!\s*[$€£%])|"
    rf"(?:^|(?<=[\s(]))(?:(?:the|la|le|die|de|het|il|o|a|el|l')\s*)?{_INVOICE_REF}\b(?:(?!\b(?:but|aber|"
    rf"mais|pero|ma|maar|mas)\b)[^.;,$€£\d]){{0,40}}\b{_HOLD}\b(?!\s+(?:\w+\s+){{0,2}}[$€£\d])",
)
"""A whole invoice held back ("la 1042 la tenemos retenida hasta que nos manden el abono",
"we're withholding INV-4410", "die Rechnung 1042 halten wir zurück"): an amount contested and
withheld, a dispute (CONTRACTS.md section 1), not a deduction from what was paid beside it.
The classifier keeps it only where no amount or rest is held with it ("we held back $350 on
40211" is a deduction)."""


_RECV = (
    r"(?:received|got|delivered|arrived|shipped|reçue?s?|livrée?s?|arrivée?s?|recibimos|recibido|"
    r"llegaron|llegó|entregaron|ontvangen|geleverd|aangekomen|geliefert|erhalten|bekommen|"
    r"angekommen|eingetroffen|arrivat[oaie]|ricevut[oaie]|consegnat[oaie]|chegaram|chegou|"
    r"recebemos|recebid[oa]s?|entregaram|entregues?)"
)
"""A verb of receiving or arriving, in seven languages."""
_NOT_A_COUNT = (
    r"(?![\d,.]*\s*(?:invoices?|rechnung\w*|factur\w*|fattur\w*|fatur\w*|e-?mails?|days?|"
    r"tage\w*|jours|días|dias|giorni|dagen|%|€|\$|eur|euros?|quotes?|credit (?:notes?|memos?)|"
    r"statements?|cop(?:y|ies)|documents?|documentos?|pages?|seiten|pdfs?|attachments?|files?|"
    r"letters?|gutschrift\w*|avoirs?|notas?|creditnota\w*|bijlagen?|anhänge?|allegati|"
    r"adjuntos?|anexos?|reminders?|mahnung\w*|payments?|zahlung\w*|paiements?|pagos?|"
    r"pagamentos?|betaling\w*)\b)"
)
_COUNT_OF = (
    r"(?<!page )(?<!pages )(?<!seite )(?<!página )(?<!pagina )(?<!blatt )(?<!item )(?<!line )"
    r"\d+\s+(?:of|out of|von|sur|de|van|di|su|dos|das|des)\s+(?:the |los |las |die |den |les |de |"
    r"i |le |gli |os |as |dei |delle |degli )?\d+\b(?!-)" + _NOT_A_COUNT
)
_ONLY = r"\b(?:only|nur|lediglich|seulement|solo|solamente|sólo|apenas|somente|slechts|soltanto)"
_UNREPORTED = (
    r"^(?!.*\b(?:says|said|tells|told|reports?|reported|according to|laut|sagt|meldet|selon|"
    r"d'après|dice|según|diz|segundo|zegt|volgens|secondo)\b)"
)
"""Not said on someone else's word ("the site super says ..."): what is reported is being checked."""
"""A count of a count: "8 of the 12", "8 von 12", "8 sur 12", "8 de los 12"."""


_BILLED = (
    r"billed|charged|invoiced|factur\w+|fatturat\w+|fatturato|addebitat\w+|faturad\w+|faturaram|"
    r"faturou|cobrad\w+|cobraram|cobrou|cobraron|cobró|berechnet|abgerechnet|fakturiert|belastet|"
    r"in rechnung gestellt|gefactureerd|gefaktureerd|in rekening gebracht|aangerekend|belast"
)
"""A verb of billing or charging (not of paying)."""
_TWICE = (
    r"twice|two times|deux fois|à deux reprises|dos veces|due volte|duas vezes|zweimal|doppelt|"
    r"twee keer|tweemaal|dubbel"
)


_AWAITING_DOC = (
    r"(?![^.]{0,60}\b(?:w-?9|certificate|coi|insurance|proof of delivery|pod|lien waivers?|"
    r"timesheets?|bank (?:letter|details|confirmation)|paperwork|documentation|vendor (?:form|"
    r"setup|registration))\b)"
)
"""Not held for a document they need from us ("on hold pending your current COI", "on hold
because we need an updated W-9"): that is a document asked for, nothing contested."""


_LATER = (
    r"(?=[^.]{0,40}\b(?:até|antes d[eo]s?|que vem|que viene|próxim[oa]s?|amanhã|mañana|hasta|"
    r"dentro de|em breve|en breve|(?:lunes|martes|miércoles|jueves|viernes|segunda|terça|quarta|"
    r"quinta|sexta)(?!(?:-feira)? pasad[oa]|(?:-feira)? passad[oa]))\b)"
)
"""A time still to come after "pagamos" (present for the future in Portuguese and Spanish): "pagamos
até sexta que vem", "pagamos la factura el viernes que viene" promise; "pagamos ontem" reports."""


CUES: list[Cue] = [
    # --- payment_sent: made, sent, released or scheduled in their system --------------------
    _c(
        I.payment_sent,
        0.85,
        r"\b(?:was|were|has been|have been|had been|got|is|'s) (?:already )?"
        r"(?:paid|sent|remitted|wired|mailed|processed|released|issued|settled|transferred|initiated"
        r"|submitted|cleared|deposited|disbursed|scheduled|included(?= (?:in|on|with) (?:the |our |this |"
        r"that |next |today's |tomorrow's |\w+day's )?(?:[\w/-]+ )?(?:run|batch|payment|"
        r"cycle|transfer|remittance|wire|proposal|release|file)))\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.85,
        r"\b(?:we|i|we've|i've|they|accounting|ap|treasury)\s+(?:have |had |"
        r"just |already |finally )*(?:paid|payed|(?:(?<=have )|(?<=already )|(?<=just ))pay|remitted|"
        r"wired|settled|transferred)\b",
        claim=True,
        needs_detail=True,
    ),
    _c(
        I.payment_sent,
        0.85,
        r"\b(?:we|i|we've|i've|they|accounting|ap|treasury)\s+(?:have |had |"
        r"just |already |finally )*(?:sent|mailed|processed|released|issued|initiated|submitted|"
        r"dropped|made|cut|put through|pushed through|pushed)\s+(?:\w+\s+){0,3}?(?:payment|check|cheque|"
        r"wire|funds|money|ach|transfer|remittance|it|this|the balance|\$)",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:paid|sent|wired|mailed|issued|released|made|processed|cut)\b"
        r"[^.]{0,30}\b(?:payment|check|cheque|wire|ach|transfer|remittance)\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:payment|check|cheque|chq|chk|wire|ach|eft|transfer|funds)\b"
        r"(?:(?!(?:\bnot|n't|\bnever|\byet)\b)[^.?]){0,60}"
        r"\b(?:went out|is in the mail|in (?:the )?mail|in (?:the )?post|(?:was|were|has been|have been) "
        r"(?:sent|released|completed|issued|made|processed|executed|submitted|initiated|cut|printed|"
        r"transferred|remitted)|"
        # "check #1189 cleared our bank on the 17th"
        r"(?<!should )(?<!will )(?<!to )(?<!not )(?<!been )cleared|"
        r"completed|should (?:arrive|post|reach|clear|hit)|on (?:its|the) way)\b",
        claim=True,
    ),
    # A sum sent by a named rail: "sent the October and November amounts by ACH".
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:sent|paid|wired|mailed|remitted)\s+(?:the\s+)?(?:\w+\s+){0,4}?(?:amounts?|"
        r"installments?|balance|balances)\s+(?:by|via|through|with)\s+(?:ach|wire|check|cheque|"
        r"eft|card|zelle)\b",
        claim=True,
    ),
    # A payment rail used as a verb: "she ACH'd $3,300 on Tuesday", "zelled you 415".
    _c(
        I.payment_sent,
        0.85,
        r"\b(?:(?:ach|eft|zelle|venmo)'(?:e)?d|zelled|venmoed)\b",
        claim=True,
    ),
    # A check handed over in person, often without a subject on a phone: "dropped a check off
    # at your front desk".
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:dropped|left|hand[- ]delivered|handed)(?: off)? (?:a |the |our |my |your )(?:check|"
        r"cheque|payment)\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\bremittance (?:advice|detail|details|ref|reference)\b|\bpayment "
        r"(?:confirmation|date|number|method)\b|\bconfirmation (?:code|number)\b|\btrace number\b",
    ),
    _c(
        I.payment_sent,
        0.75,
        r"\b(?:(?:been )?taken care of|(?:shows?|showing) (?:as )?paid|hit \W?pay now|"
        r"queued (?:the|a|our) (?:transfer|payment|wire)|(?:has been|was|is) (?:approved and )?"
        r"(?:scheduled|planned|included) (?:in|for) (?:the |our )?(?:payment|pay|check) "
        r"(?:run|proposal|batch)|in the payment proposal|payment proposal|with (?:a )?value date|"
        r"sent you a (?:virtual card )?payment|payment has been (?:made|sent|executed|initiated))\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.75,
        r"\b(?:payment run|check run|cheque run)\b[^.]{0,20}\bof\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.85,
        r"\b(?:überwiesen|bezahlt|beglichen|gezahlt|angewiesen|ist raus|payée?s?|"
        # Not a dispute or a problem settled ("le litige est réglé", "le problème a été réglé").
        r"(?<!litige est )(?<!litige a été )(?<!différend est )(?<!différend a été )(?<!problème est )(?<!problème a été )(?<!souci est )(?<!souci a été )(?<!malentendu est )(?<!malentendu a été )(?<!incident est )(?<!incident a été )(?<!question est )(?<!question a été )(?<!tout est )(?<!tout a été )réglée?s?|"
        r"virement (?:a été )?effectué|paiement effectué|pagad[oa]s?|pagamos(?!"
        + _LATER
        + r")|pagámos|hemos pagado|"
        r"(?:al|reeds|inmiddels|volledig|is|zijn|werd|werden)\s+(?:(?!(?:niet|nog|geen)\b)\w+\s+)"
        r"{0,4}voldaan|(?:já|está|estão|foi|foram|totalmente) (?:\w+ )?quitad[oa]s?|quit(?:amos|ei)(?!"
        + _LATER
        + r")|"
        r"hemos abonado|abonad[oa]|betaald|overgemaakt|overgeboekt|pagat[oaie]|saldat[oaie]|"
        r"bonifico (?:eseguito|effettuato)|liquidad[oa]|transferência (?:realizada|efetuada)|"
        r"mandato di pagamento (?:n\.?|nr\.?|numero|emesso)|(?:è stato|sono stati) emess[oi] (?:il|i) "
        r"mandat[oi]|auszahlungsanordnung\w*|zahlungsanweisung \w+ erteilt|orden de pago "
        r"(?:emitida|n)|ordem de pagamento (?:emitida|n)|ordre de paiement (?:émis|n)|"
        r"(?:addebitat[aoie](?! (?:\w+ )?due volte)|abgebucht|prélevée?s?|débitée?s?|cargad[oa]s? en (?:nuestra |la )?"
        r"cuenta|debitad[oa]s? (?:na|em) (?:nossa )?conta|afgeschreven)|"
        r"pago (?:realizado|efectuado|feito|efetuado)|^\W*j[áa] (?:foi )?pag[oa]s?\b|(?:all )?paid up\b|"
        r"(?:check|cheque|chk|chq|payment|pmt|wire|ach) (?:has |have )?cleared|pagu[ée] ya|ya (?:lo |la |los |las )?pagué|"
        r"pagué (?:ayer|hoy|el)|pagamento (?:já )?(?:foi )?(?:já )?(?:feito|efetuado|realizado|"
        r"enviado|processado|liquidado)|(?:ist|sind|wurde|wurden) (?:\w+ )?(?:rausgegangen|"
        r"raus gegangen|rausgegangen|ausgeführt|veranlasst))\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:se pag[óo]|se pagaron|(?:ya )?(?:realizamos|hicimos|efectuamos) (?:el pago|la "
        r"transferencia)|(?:ya )?est[áa] pagad[oa]|j[áa] est[áa] pag[oa]|foi pag[oa]|foram pag[oa]s|"
        r"fiz o pix|mandei o pix|pix (?:feito|enviado|realizado)|liquidat[ae]\b|è stato disposto|"
        r"(?:è|sono) partit[oaie]|(?:est|sont) partie?s?|(?<!litige )(?<!différend )(?<!problème )(?<!souci )(?<!malentendu )(?<!incident )(?<!question )(?<!tout )a été (?:payée?|réglée?|virée?)|"
        r"già presentata|(?:fizemos|efetuamos|realizamos|efetuei|realizei) o pagamento|"
        r"(?:on a|nous avons|j'ai|hemos|he|abbiamo|ho|wir haben|ich habe|we hebben|"
        r"ik heb|fizemos|fiz) (?:bien |déjà |ya |già |schon |bereits |al )?(?:fait|effectué|envoyé|"
        r"passé|émis|hecho|realizado|enviado|fatto|effettuato|eseguito|disposto|gemacht|"
        r"veranlasst|gedaan|uitgevoerd|feito|efetuado) (?:le |un |notre |el |la |il |lo |den |die |"
        r"de |het |o |a )?(?:virement|paiement|règlement|chèque|pago|transferencia|bonifico|"
        r"pagamento|überweisung|zahlung|betaling|overboeking|transferência)|(?:wir haben|ich habe|"
        r"we hebben|ik heb) (?:die |den |de |het )?(?:überweisung|zahlung|betaling|overboeking) "
        r"(?:\w+ ){0,3}?(?:veranlasst|getätigt|ausgeführt|gemacht|angewiesen|gedaan|uitgevoerd))",
        claim=True,
    ),
    # Money paid in, by the verbs of paying in: "abbiamo versato € 2.000 come acconto", "nous
    # avons versé un acompte", "hemos ingresado 3.000 € en su cuenta", "depositamos o valor".
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:(?:abbiamo|ho|è stato|sono stati|è stata|sono state) versat[oaie]|(?:avons|ai|a été|"
        r"ont été) versée?s?|(?:hemos|he|ha sido|han sido) ingresad[oa]s?|(?:depositamos|"
        r"depositei|(?:foi|foram) depositad[oa]s?))\b",
        claim=True,
    ),
    # A reply that is only "done" answers the reminder: it is paid ("erledigt", "ist bereits
    # erledigt", "is al geregeld"). Not "hat sich erledigt" (a complaint settled), nor a
    # longer sentence that says what was done.
    _c(
        I.payment_sent,
        0.8,
        r"^\W*(?:(?:die |de )?(?:rechnung|zahlung|factuur|betaling|ist|wurde|schon|bereits|längst|"
        r"is|al|reeds|inmiddels)\s+)*(?:erledigt|geregeld)\W*$",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:attached|enclosed|find attached|please find|herewith|here is|here's|see attached|"
        r"anbei|ci-joint|ci-jointe?s?|adjunt[oa]s?|adjuntamos|in allegato|alleghiamo|in bijlage|"
        r"bijgevoegd|em anexo|segue)\b[^.]{0,40}\b(?:remittance|payment advice|proof of payment|"
        r"payment confirmation|zahlungsavis|zahlungsnachweis|überweisungsbeleg|avis de (?:paiement|"
        r"virement)|preuve de (?:paiement|virement)|justificatif de (?:paiement|virement)|"
        r"comprobante de (?:pago|transferencia)|justificante de (?:pago|transferencia)|"
        r"contabile (?:del |di )?bonifico|distinta (?:di )?(?:pagamento|bonifico)|betalingsbewijs|"
        r"betalingsbevestiging|comprovante (?:de |do )?(?:pagamento|transferência|pix))\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:have|has|had|did|do) (?:already )?(?:make|made|did|done|do) (?:the |a |our )?payment\b|"
        r"\bpayment (?:is|has been|was) (?:already )?(?:done|made)\b|^\W*(?:(?:the |this |that |our )?"
        r"(?:invoice|inv|bill|balance|it|this|that)\b[^.?]{0,20}?\s)?(?:is |was |has been |been )?"
        r"(?:already )?(?:paid|pd|settled)(?: in full)?\W*$",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.7,
        r"\bpaid (?:half|part|some|the balance|in full|it|this|that|today|"
        r"yesterday|everything)\b|^(?:just )?(?:paid|pd|pmt sent|pymt sent|sent|wired|mailed)\b(?! from)|\b(?:today's|this "
        r"morning's|yesterday's) payment\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:it|this|that|payment|pmt|pymt|check|cheque|chq|chk|ach|wire|funds)\s+(?:already "
        r")?went out\b|^\W*(?:check|cheque|chk|chq|pmt|pymt)\s+(?:was\s+)?(?:mailed|sent|dropped|"
        r"wired|issued|cut)\b|\b(?:check|cheque)\s*(?:#|no\.?)?\s*\d+[^.]{0,25}\b(?:mailed|sent|went out|"
        r"issued|dropped)|\bhave pay\b",
        claim=True,
    ),
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:paid in (?:our|the|today's) \w+ run|payment (?:was|is) short|went out by|"
        r"full \$?[\d,.]+ went out|(?:today's|this morning's) (?:ach|wire|eft|payment|check)|in "
        r"(?:today's|tomorrow's) (?:ach|payment|check|wire|eft) (?:file|run|batch)|cut the check|"
        r"netted (?:it|this|that) against|(?:is|was) maked|a été effectué|ist\b[^.]{0,40}\berfolgt|"
        r"geld ist\b[^.]{0,20}\braus|heute angewiesen|we paid (?:[a-z]{1,4}-?)?\d{3,}|paid "
        r"(?:[a-z]{1,4}-?)?\d{3,}(?: in full)? (?:today|yesterday|on|by|with)|paid (?:the rest|the "
        r"remainder|the balance))\b",
        claim=True,
    ),
    # A payment said to have left the bank: "the transfer left our bank this morning", "la
    # transferencia salió hoy", "el pago ya ha salido".
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:payment|check|cheque|wire|ach|transfer|funds|money|transferencia|pago|cheque|dinero)\b"
        r"(?:(?!(?:\bnot|n't|\bnever|\byet|\bno|\btodavía|\baún)\b)[^.?]){0,30}\b(?:left (?:our|the|my) "
        r"(?:bank|account)|sali[óo]|ha salido|han salido|salieron)\b",
        claim=True,
    ),
    # Whatever "went out" with a past time or in a past run was paid ("the principal on the three
    # invoices went out yesterday", "all April invoices went out in yesterday's ACH").
    _c(
        I.payment_sent,
        0.75,
        r"\bwent out (?:yesterday|today|this morning|last \w+|on (?:mon|tues|wednes|thurs|fri|"
        r"satur|sun)day|in (?:yesterday's|today's|this morning's|last \w+'s|(?:mon|tues|wednes|thurs|"
        r"fri)day's) (?:ach|wire|eft|payment|check|cheque|run|batch))\b",
        claim=True,
    ),
    # A payment under way as they write commits to today (the datasets' convention: "On it!
    # Sending today.", "paying now"): "we're paying it today", "wiring the balance this morning".
    UNDER_WAY,
    PAY_NOW,
    # A payment in the passive future, in Romance languages and Dutch: "o pagamento será feito
    # amanhã", "el pago se realizará el lunes", "la transferencia será efectuada el 30/11", "il
    # bonifico sarà effettuato venerdì", "de betaling zal vrijdag worden uitgevoerd".
    _c(
        I.promise_to_pay,
        0.85,
        r"\b(?:pago|pagamento|transferencia|transferência|bonifico|versamento|betaling|overboeking|"
        r"paiement|virement|règlement|pix|ingreso|depósito)\b"
        r"(?:(?!\b(?:não|no|non|niet|nicht|pas|ne|nunca|mai)\b)[^.?]){0,40}?\b(?:"
        r"(?:será|sarà|sera)\s+(?:\w+\s+)?(?:feit[oa]|efetuad[oa]|realizad[oa]|pag[oa]|enviad[oa]|"
        r"transferid[oa]|efectuad[oa]|abonad[oa]|pagad[oa]|hech[oa]|effettuat[oa]|eseguit[oa]|"
        r"pagat[oa]|disposto|saldat[oa]|inviat[oa]|effectuée?|réglée?|payée?|virée?|émise?|"
        r"liberad[oa]|libérée?)"
        r"|se (?:realizará|efectuará|hará|abonará|pagará|transferirá|enviará|emitirá)"
        r"|zal\s+(?:\w+\s+){0,3}?worden\s+(?:uitgevoerd|betaald|overgemaakt|voldaan|verwerkt))\b",
        needs_date=True,
    ),
    # A status list, one invoice a line: "INV-2201 - paid 11/10", "4471: bezahlt am 3.11.",
    # "F2026/118 → payée par virement", "NF 0033 = pago". The invoice opens the line, the status
    # follows a separator; "INV-2230 - will be paid" and "- not paid yet" are not this.
    _c(
        I.payment_sent,
        0.8,
        r"^\W*(?:(?:inv(?:oice)?|rechnung|re|facture|factura|fattura|factuur|fatura|nf|bill)\b\s*"
        r"(?:no\.?|nr\.?|n[°º]|#)?\s*)?[a-z]{0,4}[-/ ]?\d[\w/-]*\s*(?:[-–—:=>|]+|→)\s*(?:already\s+"
        r"|bereits\s+|déjà\s+|ya\s+|già\s+|já\s+|al\s+)?(?:paid|pd|bezahlt|überwiesen|payée?|"
        r"réglée?|pagad[oa]|pagat[oa]|betaald|pag[oa])\b",
        claim=True,
    ),
    # An invoice cleared by the customer ("AP cleared your invoice on Monday") and an amount credited
    # to the supplier's account ("credited to your account", "Ihrem Konto gutgeschrieben", "crédité
    # sur votre compte", "creditado na sua conta") were paid.
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:we|i|we've|i've|they|accounting|ap|treasury|finance)\s+(?:have |had |just |already |"
        r"finally )*cleared (?:it|this|that|(?:the|your|this|that|these|those) (?:\w+ )?(?:invoices?|"
        r"bills?|balance|amount|account))\b|\b(?:credited|crédité|créditée?s?|creditad[oa]s?|"
        r"accreditat[oaie]|abonad[oa]s?|bijgeschreven|gutgeschrieben)\b (?:to |on |into |sur |na |"
        r"no |em |sul |nel |en |op |auf )?(?:your|votre|vostro|sua|su|uw|ihr\w*) (?:bank )?(?:account|"
        r"compte|conto|conta|cuenta|rekening|konto)\b|\b(?:ihrem|ihr) (?:bank)?konto\b[^.]{0,30}"
        r"\bgutgeschrieben\b",
        claim=True,
    ),
    # A payment done, in the passive: "de betaling werd uitgevoerd", "il bonifico è stato eseguito",
    # "la transferencia fue realizada", "a transferência foi concluída".
    _c(
        I.payment_sent,
        0.8,
        r"\b(?:betaling|overboeking|overschrijving|pagamento|bonifico|versamento|pago|transferencia|"
        r"transferência|depósito|pix)\b (?:(?!(?:non|niet|no|não|nog)\b)\w+ )?(?:is|werd|è stat[oa]|"
        r"(?:fue|ha sido)|foi) (?:(?!(?:non|niet|no|não|nog)\b)\w+ )?"
        r"(?:uitgevoerd|voldaan|gedaan|verricht|eseguit[oa]|effettuat[oa]|disposto|inviat[oa]|"
        r"realizad[oa]|efectuad[oa]|hech[oa]|enviad[oa]|efetuad[oa]|feit[oa]|conclu[íi]d[oa])\b",
        claim=True,
    ),
    # The subject left out, as in a terse reply: "paid $2,250 today", "hi, wired it 11/18".
    _c(
        I.payment_sent,
        0.8,
        r"^\W*(?:(?:hi|hello|hey|ok|okay|yes|yep|yeah|fyi|all|just|already)\W+)?(?:paid|pd|wired|"
        r"remitted|transferred|mailed|sent)\b(?! (?:to|by) (?:us|me|mistake|error)\b)",
        claim=True,
        needs_detail=True,
    ),
    # --- promise_to_pay -----------------------------------------------------------------------
    _c(
        I.promise_to_pay,
        0.85,
        r"(?:\b(?:we|i)\s+(?:will|shall|can|could|are going to|am going to"
        r"|plan to|plan on|intend to|expect to|hope to|aim to|commit to|promise to)|\bwe'll|\bi'll|"
        r"\bwe're (?:going|planning) to|\bi'm (?:going|planning) to|\bgonna|"
        r"\bwill|\bcommit to|\bpromise to|\bexpect to)\s+(?:(?!(?:not|never|no)\b)\w+\s+){0,3}?"
        r"(?:pay|paying|remit|settle|"
        r"send|get you|get (?:it|that|this) paid|wire|transfer|process|release|clear|(?:make|do|"
        r"effect|arrange|initiate|execute) (?:a |the |this |that |our |your )?(?:full )?"
        r"payment|cut (?:a |the |you a )?(?:check|cheque)|mail (?:a |the |you a )?(?:check|cheque)|"
        r"issue (?:a |the )?(?:check|cheque|payment))\b",
        needs_date=True,
    ),
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:will|'ll|going to) (?:have|get) (?:[\w#-]+\s+){0,4}?(?:paid|sent|settled|wired|out)\b|"
        # Not goods: "we used 850 and returned the rest on 11/3" sends no money.
        r"\b(?<!returned )(?<!shipped )(?<!return )(?<!ship )(?<!used )(?:the )?(?<!returned the )"
        r"(?<!shipped the )(?<!return the )(?<!ship the )(?<!used the )(?:rest|"
        r"remainder|remaining balance|balance)\s+(?:on|by|next|this|early|end of)\b|"
        r"\b(?:je (?:vous |le |la |les |l')?(?:règle|paie|paye|verse|vire)|nous (?:vous |le |la |les )?"
        r"(?:réglons|payons|versons|virons)|(?:je peux|nous pouvons|puedo|podemos|posso|possiamo|"
        r"kann ich|können wir|i can|we can) (?:(?!(?:not|never|no|pas|nicht|nie)\b)\w+ ){0,2}?(?:verser|régler|payer|virer|pagar|abonar|"
        r"pagare|versare|zahlen|überweisen|commit to|pay|send|do|manage|afford)|se pagan|se paga|"
        r"se abonan|vengono pagate|viene pagata|(?:la|lo|le|li) paghiamo|"
        r"zahlen wir|überweisen wir|begleichen wir|wir (?:zahlen|überweisen|begleichen|bezahlen)(?! nicht\b)|"
        r"paghiamo|saldiamo|betalen (?:we|wij)|maken (?:we|wij) [^.]{0,20}\bover|ik betaal\w*|"
        r"boek ik|maak ik [^.]{0,20}\bover)\b",
        needs_date=True,
    ),
    # The present for the future, first person, with a date: "ich überweise morgen", "ik maak het
    # morgen over", "je vous la règle vendredi", "se lo pago el lunes", "ve lo saldo domani".
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:je (?:vous |te |le |la |les |l')+(?:règle|paie|paye|verse|vire|envoie)|ich "
        r"(?:überweise|zahle|bezahle|begleiche)|(?:ik|we|wij) (?:maak|maken) (?:het|dat|dit|de rest|"
        r"het bedrag|het saldo)\b[^.]{0,30}\bover|(?:te|le|les|se) (?:lo|la|los|las) (?:pago|abono|"
        r"transfiero)|(?:(?:ve|te) l|gliel)[aoie] (?:pago|saldo|bonifico)|(?:vi|ti) (?:pago|saldo|"
        r"bonifico)|(?:eu )?(?:te|lhe|vos) (?:pago|transfiro))\b",
        needs_date=True,
    ),
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:suivra|suivront|seguirá|seguirán|volgt|folgt|folgen|segue|seguirà|will follow)\b|"
        r"\bsera(?: \w+)? (?:effectuée?|réglée?s?|payée?s?|virée?s?)\b|\bseront (?:\w+ )?(?:réglée?s|"
        r"payée?s|virée?s)\b|\b(?:morgen|tomorrow|demain|mañana|domani|amanhã)\b[^.]{0,20}\b"
        r"(?:overgemaakt|betaald|überwiesen|bezahlt|paid|sent|wired|payé|viré|pagad[oa]|pagat[oa])\b|"
        r"\b(?:overgemaakt|betaald|überwiesen|bezahlt)\s+(?:\w+\s+)?morgen\b|\b(?:la primera|a primeira|"
        r"la première|die erste|de eerste|la prima|the first (?:one|payment|half|instal\w*))\b[^.]{0,30}"
        r"\b(?:on|el|no dia|le|am|op|il|dia|a fine|à la fin|fin|a finales|ende|eind|no fim|by|at the end)\b|"
        r"\bmetà (?:il|a)\b|\bevery (?:monday|tuesday|wednesday|"
        r"thursday|friday|week|month) starting\b|\bcon valuta\b|\b(?:a|per|each|every) (?:week|month)"
        r"(?:,)? (?:starting|beginning|from)\b|\b(?:al|por|cada) mes (?:a partir|desde)\b|\bpar mois "
        r"(?:à partir|dès)\b|\b(?:pro|jeden) monat ab\b|\b(?:al|ogni) mese a partire\b|\bper maand "
        r"vanaf\b|\b(?:por|cada) mês a partir\b|"
        # a plan's first instalment, then a recurrence: "$500 on Dec 1 and then every two
        # weeks", "400 am 4.12. und danach jeden Freitag", "300 le 5 puis chaque mois"
        r"\b(?:then|after that|thereafter|afterwards|danach|dann|puis|ensuite|luego|después|"
        r"poi|dopo|daarna|depois)\b[^.?]{0,25}\b(?:every|each|alle|jede[nms]?|toutes les|tous "
        r"les|chaque|cada|ogni|elke|iedere|todo[s]? (?:os|as))\b|\b(?:every|each) (?:\w+ ){0,2}"
        r"(?:after that|thereafter|afterwards)\b",
        needs_date=True,
    ),
    _c(
        I.promise_to_pay,
        0.75,
        r"\b(?:paying|sending|wiring|settling)\b|\bcan (?:i|we) pay\b|"
        r"\b(?:überweisen|zahlen|bezahlen|begleichen) wir\b|\bconfirmé un paiement\b|"
        r"\bconfirmed (?:a )?payment\b",
        needs_date=True,
    ),
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:payment|it|this|invoice|invoices|balance|rest|remainder|funds|money|check|cheque|"
        r"[a-z]{1,5}-?\d{3,}|"
        r"wire|transfer|other half)\b[^.]{0,30}\b(?:will|'ll|should|is going to) (?:be )?(?:paid|settled|processed|"
        r"released|go out|follow|made)\b",
        needs_date=True,
    ),
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:next|upcoming|following)\s+(?:\w+\s+)?(?:check run|payment "
        r"run|pay run|cheque run|run)\b|\b(?:planned|scheduled|approved|queued|slated) for "
        r"(?:settlement|payment)\b|\bwith our \w+ \d+ payment run\b",
    ),
    _c(
        I.promise_to_pay,
        0.75,
        r"\b(?:you'll|you will|you should) (?:have|receive|get|see) "
        r"(?:the |your |a |our )?(?:payment|funds|check|money|it)\b",
    ),
    _c(
        I.promise_to_pay,
        0.85,
        r"\b(?:werden|wird)\b(?:(?!\b(?:nicht|kein\w*|nie)\b)(?:[^.]|\.(?=\d)|(?<=\d)\.(?=\s[a-zäöüéèà]))){0,90}\b(?:überweisen|"
        r"bezahlen|begleichen|"
        r"zahlen|überwiesen|bezahlt|beglichen|angewiesen|ausgeglichen)\b|\b(?:zahlung|"
        r"überweisung|bezahlung|begleichung|ausgleich)\b[^.]{0,20}\b(?:wird|werden)\b[^.]{0,80}"
        r"\b(?:erfolgen|ausgeführt|veranlasst)\b|\b(?:wordt|worden)\b[^.]{0,60}\b(?:betaald|"
        r"overgemaakt|voldaan|overgeboekt)\b|\bsera (?:effectué|réglée?|payée?|viré)|\b(?:réglerons|"
        r"paierons|pagaremos|vamos a pagar|se pagará|zullen betalen|gaan betalen)\b|"
        r"\b(?:zullen|zal|gaan)\b(?:(?!\b(?:niet|geen|nooit)\b)(?:[^.]|\.(?=\d)|(?<=\d)\.(?=\s[a-zäöüéèà]))){0,60}\b(?:betalen|"
        r"overmaken|voldoen|overboeken)\b",
    ),
    # A payment foreseen for a date: "pagamento previsto para 10/12", "Zahlung vorgesehen für".
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:pagamento|pago|paiement|règlement|virement|bonifico|betaling|zahlung|überweisung|"
        r"transferencia|transferência|payment)\b[^.]{0,30}\b(?:previst[oa]|prévue?|vorgesehen|"
        r"gepland|expected|foreseen|planned) (?:para|pour|le|per|il|op|für|am|for|on|by|no|el)\b",
        needs_date=True,
    ),
    # We shall do the payment, the first person plural future of "do/make/carry out" with a payment
    # noun and a date: "faremos a transferência no dia 18", "haremos el pago el jueves", "nous ferons
    # le virement le 18", "faremo il bonifico giovedì".
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:faremos|efetuaremos|realizaremos|haremos|efectuaremos|ferons|effectuerons|"
        r"procéderons au|faremo|effettueremo|eseguiremo|disporremo)\b (?:o |a |el |la |le |il |un |"
        r"uma |una |lo |nuestro |notre |nostro )?(?:\w+ )?(?:pagamento|pago|transferência|"
        r"transferencia|pix|depósito|paiement|virement|règlement|bonifico|saldo|versamento|abono)\b",
        needs_date=True,
    ),
    # --- dispute --------------------------------------------------------------------------------
    _c(
        I.dispute,
        0.85,
        r"\b(?:dispute|disputing|(?<!\ble )(?<!\bles )(?<!\bte )(?<!\bos )(?<!\bme )(?<!\blhe )contest(?!ar(?:le|les|te)\b)|contesting|contestons|conteste|reject "
        r"(?:the |this |invoice)|we reject|do not agree|don't agree|disagree|no estamos de acuerdo|"
        r"erkennen [^.]{0,40} nicht an|beanstanden|widersprechen|reclamamos|not paying (?:it|this|"
        r"that)|we're not paying|we are not paying|won't (?:be )?pay(?:ing)? (?:it|this|that|for)|"
        r"not paying [$€£]?\d|refus\w* de (?:régler|payer)|nos negamos a pagar|ci rifiutiamo di "
        r"pagare|weigern uns|weigeren (?:we|wij))",
    ),
    # A price billed set against the price agreed, two figures apart: "the price per unit is
    # 14.20 EUR while in our agreement it is 12.80", "le prix unitaire est de 21 € alors que le
    # devis indiquait 18 €", "der Preis beträgt 14,20, laut Angebot aber 12,80".
    _c(
        I.dispute,
        0.8,
        r"\b(?:price|prices|unit price|rate|preis|stückpreis|einzelpreis|prix|tarif|precio|prezzo|"
        r"prijs|preço)\b[^.]{0,60}\d[^.]{0,40}\b(?:while|whereas|but|however|yet|alors que|tandis "
        r"que|mais|mientras|pero|sin embargo|mentre|invece|terwijl|maar|enquanto|mas|aber|während|"
        r"jedoch|laut)\b[^.]{0,60}\b(?:agreement|agreed|quote|quoted|quotation|po|purchase order|"
        r"contract|price list|offer|catalog(?:ue)?|vertrag|angebot|vereinbart|bestellung|preisliste|"
        r"auftrag|devis|contrat|commande|convenu|presupuesto|contrato|pedido|acordado|oferta|"
        r"preventivo|contratto|ordine|concordato|listino|offerte|bestelling|afgesproken|orçamento|"
        r"orçado)\b[^.]{0,40}\d",
        reason="pricing",
    ),
    _c(
        I.dispute,
        0.8,
        r"\b(?:priced wrong|wrong price|incorrect price|price is wrong|overcharged|"
        r"over-charged|charged (?:us )?(?:more|too much|the wrong)|not the agreed price|agreed \$?\d+"
        r"[^.]{0,20}not \$?\d+|price difference|ne correspond pas au devis|prix unitaire|higher "
        r"than (?:quoted|agreed)|quoted (?:price|rate)|falscher preis|(?:acima|por encima|al di sopra|"
        r"au-dessus|über|boven)\w* (?:do|de|del|dal|du|dem|het|wat) (?:que |lo que |quanto |ce qui |"
        r"was )?(?:(?:foi|fue|è stato|a été|wurde|werd) )?(?:orçad|presupuestad|cotizad|preventivat|"
        r"concordat|acordad|combinad|vereinbart|angeboten|offert|devis|afgesproken)\w*|(?:is|are) not matching (?:with )?(?:the |"
        r"our )?(?:po|purchase order|quotation|quote|contract|agreement|order)|(?:po|order) "
        r"(?:value|amount) (?:is|was)|(?<=[$€£])[\d,.]+[^.]{0,15}\bbut (?:our|the|your) (?:agreement|"
        r"contract|quote|quotation|proposal|po|purchase order|price list|rate sheet)\b|"
        r"\bnot (?:part of|in|included in|covered by) (?:our|the|your) (?:agreement|contract|quote|"
        r"quotation|proposal|po|purchase order|order|scope)\b|(?:remove|take off|delete|"
        r"shouldn't (?:include|charge|have)|should not (?:include|charge|have)) (?:the )?(?:sales |"
        r"use )?(?:tax|vat|gst|hst)|(?:price|rate|pricing)\b[^.]{0,25}\b"
        r"(?:is|was|are|were|seems?|looks?) (?:wrong|incorrect|off)|(?:we were|i was|been) quoted|"
        r"(?:is|was|seems?|looks?|are|were) (?:way |much |far |a (?:bit|little) )?too (?:high|"
        r"expensive|much)|zu hoch|trop élevée?s?|demasiado alt[oa]s?|troppo alt[oa]|te hoog|"
        r"muito alt[oa]s?)",
        reason="pricing",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:short shipped|short-shipped|came in short|shipment (?:was|came) "
        # "we received 18 pallets, not 20"
        r"short|(?:received|got|counted) \d+(?: [a-z]+){0,2},? (?:not|instead of|rather than|vs\.?|"
        r"versus) (?:the )?\d+|shipment (?:was|came) "
        r"short|(?:we're |we are |were |was )?short (?:by )?\d+ (?:boxes|cases|pallets|units|pcs|"
        r"pieces|items|bags|cartons|rolls|sacks|crates|ctns?)\b|"
        r"only (?:received|got|have) \d+(?!\d* (?:and|&) \d)|but we only|only \d+ (?:were|was|have been) "
        r"(?:delivered|réalisées|performed)|capped|alors que seulement|quantity (?:is )?"
        r"(?:wrong|incorrect)|we'll only accept \d+|(?:shows|charges for|billed for|mentionne) "
        r"\d+[^.]{0,40}(?:but|only|alors))",
        reason="quantity",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:damaged|broken|defective|faulty|beschädigt|endommagée?s?|dañad[oa]s?"
        r"|danneggiat[oaie]|beschadigd\w*|danificad[oa]s?|avariad[oa]s?|kaputt\w*|defekt\w*|"
        r"abîmée?s?|cassée?s?|kapot(?:te)?|rott[oaie]"
        r"|cracked|leaking|spoiled|thawed|melted|out of tolerance|out-of-tolerance|com defeito|con defecto|con difetto|difettos[oaie]|"
        r"defeituos[oa]s?|defectuos[oa]s?|défectueu(?:x|se|ses)|fehlerhaft\w*|mangelhaft\w*|gebrekkig\w*|(?<!card )expired(?! card)|past their expiry|"
        # Not a link, a portal or a login that does not work.
        r"(?<!link )(?<!link is )(?<!links )(?<!links is )(?<!portal )(?<!portal is )(?<!button )(?<!button is )(?<!login )(?<!login is )(?<!website )(?<!website is )(?<!site )(?<!site is )(?<!url )(?<!url is )(?<!password )(?<!password is )(?<!code )(?<!code is )(?<!app )(?<!app is )not working|(?<!link )(?<!links )(?<!portal )(?<!button )(?<!login )(?<!website )(?<!site )(?<!url )(?<!password )(?<!code )(?<!app )doesn't work|poor quality)\b",
        reason="damaged",
    ),
    _c(
        I.dispute,
        0.85,
        rf"{_NEG}[^.]{{0,25}}\b(?:received|receive|got|delivered|arrived|"
        r"performed|done|completed|ordered|realizó|réalisée?s?|geliefert|livrée?s?|recibimos)\b"
        r"(?![^.]{0,25}\b(?:invoices?|bills?|statements?|rechnung(?:en)?|factur[ae]s?|payments?|"
        r"w-?9|cop(?:y|ies)|credit (?:memo|note)s?|creditnota|gutschrift|avoir|remittance|"
        r"e-?mails?|reply|response|answer|po|purchase order|check|cheque|wire|transfer)\b)"
        r"(?!\s+(?:the |your |invoice )?[a-z]{1,5}-[\d-]{4,})",
        reason="not_received",
    ),
    _c(
        I.dispute,
        0.75,
        r"\bno record of (?:it|this|po|the order|the delivery|[^.]{0,15}arriving)",
        reason="not_received",
    ),
    _c(
        I.dispute,
        0.85,
        r"\b(?:(?<!\ba )(?<!\bone )(?<!\bthe )duplicate(?! (?:copy|copies|of (?:the |your |our )?"
        r"(?:invoice|bill|statement|receipt)))|duplicates|billed (?:us )?twice(?! (?:the|as)\b)|charged (?:us )?twice(?! (?:the|as)\b)|"
        r"double[- ]billed|already billed|invoiced twice|same service call|(?<!about the )(?<!regarding the )same (?:charge|invoice)|"
        # "this invoice was submitted twice, once in the portal and once by email"
        r"(?:submitted|entered|issued|posted|uploaded) (?:\w+ ){0,2}?twice|"
        r"duplicat(?:o|i|es|ed)\b|duplicad[oa]s?\b|em duplicado|en double|dubbel gefactureerd|"
        r"doppelt berechnet)",
        reason="duplicate",
    ),
    _c(
        I.dispute,
        0.7,
        r"\bfreight\b[^.]{0,40}\b(?:should|zero|not|wrong|incorrect|waived|free)\b",
        reason="freight",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:don't think we owe|do not owe|don't owe|not owe|should not have been "
        r"(?:billed|charged)|shouldn't have been (?:billed|charged)|why am i being charged|take the "
        r"\$?[\d,.]+ off|were cancelled|was cancelled|please (?:correct|reissue)(?! (?:your|the|our) (?:\w+ )?(?:system|records?|"
        r"reminders?|address|vendor|master|files?|reminder system))|issue a credit|"
        r"cancel the invoice|warranty|undisputed|corrected invoice(?! for our (?:files|records))|please credit|not paying (?:them|"
        # "we will not pay for product we couldn't use", "we refused 6 cases at the door", "we
        # will not pay this invoice in the meantime"
        r"for)|(?:will not|won't|refuse to|are not going to|aren't going to) pay for\b|refused (?:[\w-]+ "
        r"){0,2}?(?:cases|boxes|pallets|cartons|items|units|pieces|deliver\w*|"
        r"shipments?) at (?:the )?(?:door|dock|delivery)|(?:will not|won't|refuse to) pay (?:this|the|"
        r"that|these|your) (?:invoices?|bills?) (?:in the meantime|for now|as (?:billed|invoiced))|we returned|returned in|way higher|higher than (?:what )?we agreed|fehlt)",
        reason="other",
    ),
    _c(I.dispute, 0.8, r"\b(?:dos veces|zweimal|doppelt|deux fois)\b", reason="duplicate"),
    # The same invoice sent or received twice, in Dutch, Italian and Portuguese ("dubbel
    # verstuurd", "inviata due volte", "enviada duas vezes"): billed twice.
    _c(
        I.dispute,
        0.8,
        r"\b(?:dubbel|twee ?keer|tweemaal) (?:verstuurd|verzonden|gestuurd|ontvangen|ingediend)\b|"
        r"\b(?:inviat[ao]|ricevut[ao]|emess[ao]) due volte\b|\b(?:enviad[ao]|recebid[ao]|emitid[ao]) "
        r"duas vezes\b",
        reason="duplicate",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:wrong quantity|berechnet, geliefert wurden aber nur|geliefert wurden "
        r"aber nur|we received \d+ units, you billed)|\b(?:charged|billed|invoiced) (?:me|us) (?:for )?"
        r"\d+\b[^.]{0,40}\b(?:got|received|delivered|came)\b[^.]{0,10}\b\d+\b|\b(?:received|got|"
        r"ricevuto|recibido|recibimos|erhalten|reçu|ontvangen|recebemos|recebido) (?:only|solo|"
        r"solamente|nur|seulement|slechts|apenas|soltanto) \d+",
        reason="quantity",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:list price instead of|instead of the (?:locked|agreed))",
        reason="pricing",
    ),
    # The work billed not finished, in six languages: "weil die Montage noch nicht abgeschlossen
    # ist", "le chantier n'est pas terminé", "aún no ha venido a terminar la instalación", "we
    # betalen pas als de lekkage is verholpen", "i lavori non sono ancora terminati", "o serviço
    # não foi concluído". Withheld for it: a dispute (as "work was not completed" in English).
    _c(
        I.dispute,
        0.8,
        r"\b(?:montage|arbeiten|leistung(?:en)?|installation|auftrag|reparatur|baustelle)\b[^.]{0,40}"
        r"\bnicht (?:\w+ )?(?:abgeschlossen|fertig(?:gestellt)?|erbracht|vollständig|beendet)\b|"
        r"\b(?:chantier|travaux|prestation|installation|intervention|réparation)\b[^.]{0,40}"
        r"\b(?:n'(?:est|a|ont)|ne sont) (?:\w+ )?pas (?:encore )?(?:été )?(?:terminée?s?|achevée?s?|"
        r"réalisée?s?|effectuée?s?|finie?s?)|\b(?:servicio|instalación|trabajos?|obra|reparación|"
        r"montaje)\b[^.]{0,50}\b(?:no|aún no|todavía no) (?:\w+ ){0,3}?(?:terminad[oa]s?|terminar|"
        r"finalizad[oa]s?|completad[oa]s?|concluid[oa]s?)\b|\b(?:werkzaamheden|klus|installatie|"
        r"montage|reparatie)\b[^.]{0,40}\bniet (?:\w+ )?(?:afgerond|klaar|voltooid|uitgevoerd)\b|"
        r"\bpas (?:als|wanneer|nadat)\b[^.]{0,50}\b(?:verholpen|opgelost|gerepareerd|afgerond|"
        r"hersteld)\b|\b(?:lavori|lavoro|installazione|intervento|montaggio|riparazione)\b[^.]{0,40}"
        r"\bnon (?:\w+ )?(?:è|sono) (?:ancora )?(?:stat[oi] )?(?:terminat|complet|conclus|ultimat|"
        r"eseguit)[oaie]\b|\b(?:serviço|obra|instalação|manutenção|reparo|montagem)\b[^.]{0,40}"
        r"\bnão (?:foi|foram|está|estão) (?:\w+ )?(?:concluíd|finalizad|terminad|executad)[oa]s?\b",
        reason="other",
    ),
    # Goods not as ordered or specified: "non conforme all'ordine", "no conforme", "niet conform".
    _c(
        I.dispute,
        0.8,
        r"\b(?:non conformes?|no (?:es |son |está |están )?conformes?|non (?:è |sono )?conform[ei]|"
        r"niet conform|não conformes?|nicht (?:der bestellung |dem auftrag )?(?:entspricht|"
        r"entsprechen)|mangelhaft\w*)\b",
        reason="damaged",
    ),
    # The same invoice twice, in Italian: "la fattura risulta doppia".
    _c(
        I.dispute,
        0.8,
        r"\b(?:fattur[ae]|addebit[oi]) (?:\w+ ){0,2}?doppi[aeo]\b",
        reason="duplicate",
    ),
    # A count received set against the count ordered or billed: "abbiamo ricevuto 40 pezzi
    # anziché 50", "we got 18 boxes instead of 20", "erhalten haben wir 9 statt 12 Rollen".
    _c(
        I.dispute,
        0.8,
        r"\b"
        + _RECV
        + r"\b[^.]{0,20}?\b\d+ (?:[a-zäöüéèàáíóúç]+ )?(?:instead of|rather than|anziché|"
        r"invece di|au lieu de|(?:an)?statt|en (?:lugar|vez) de|em vez de|ao invés de|in plaats van)"
        r" \d+\b(?!(?:[.,]\d+)?\s?(?:[$€£%]|eur\b|euros?\b|usd\b))",
        reason="quantity",
    ),
    _c(
        I.dispute,
        0.8,
        r"\b(?:can't|cannot|won't|will not|unable to|not able to|are not going to|refuse to|"
        r"not in a position to) (?:pay|release|process|approve)\b[^.]{0,60}\b(?:until|unless|before|"
        r"till)\b[^.]{0,80}\b(?:correct\w*|credit\w*|fix\w*|resolv\w*|reissu\w*|revis\w*|"
        r"adjust\w*|sort\w* out|replac\w*|refund\w*|repair\w*)",
        reason="other",
    ),
    _c(
        I.dispute,
        0.8,
        r"\b(?:shipped|delivered|sent|received|got)\s+(?:us\s+)?\d+[^.]{0,40}\b(?:billed|invoiced|"
        r"charged)(?:\s+(?:us|for))*\s+\d+",
        reason="quantity",
    ),
    _c(
        I.dispute,
        0.8,
        r"\b(?:late (?:fee|charge)s?|interest (?:charge|fee)s?|finance charges?|restocking fees?|"
        r"admin(?:istration)? fees?|surcharges?)\b[^.]{0,60}\b(?:shouldn't|should not|not valid|"
        r"invalid|isn't valid|doesn't apply|does not apply|not applicable|wrong|incorrect|remove|"
        r"waive|reverse|not (?:pay|owe)|won't pay)|\b(?:remove|waive|reverse|take off|drop|credit "
        r"back) (?:the |this |that |your |these )?(?:\$?[\d.,]+ )?(?:[\w-]+ )?(?:late (?:fee|charge)|"
        r"interest|finance charge|fee|surcharge)s?\b|\b(?:not|n't|never)\s+(?:going to\s+|be\s+)?"
        r"pay(?:ing)?\s+(?:the|a|an|that|this|for|your|any)?\s*(?:[$€£]?\s?[\d,.]+\s+)?(?:[\w-]+\s+)?"
        r"(?:late (?:fee|charge)s?|finance charges?|interest|fees?|surcharges?|penalt\w+)\b",
        reason="terms",
    ),
    _c(
        I.dispute,
        0.8,
        r"\b(?:re-?billed|billed again|invoiced again|same (?:order|job|delivery|items) "
        r"(?:re-?billed|billed|invoiced|again))\b",
        reason="duplicate",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:non corrispond\w*|no corresponde\w*|ne correspond\w* pas|stimmt nicht|"
        r"stimmen nicht|entspricht nicht|klopt niet|não corresponde\w*|contestiamo|(?<!\ble )(?<!\bles )(?<!\bte )(?<!\bos )(?<!\blhe )contestamos|betwisten|"
        r"bestreiten|reklamieren|reklamiert|(?:unsere|die|eine|der) reklamation|beanstandet|"
        r"mängelrüge|(?:raise|raising|raised|lodge|lodging|file|filing) (?:a |an |our |this )?"
        r"(?:formal )?(?:concern|complaint|objection|dispute)|no estamos conformes|non siamo d'accordo|niet akkoord|não "
        r"concordamos|nota di credito|nota de crédito|creditnota|gutschrift(?! auf)|un avoir|"
        r"erkennen wir nicht an|never authori[sz]ed|nobody (?:here )?authori[sz]ed)\b",
        reason="other",
    ),
    # An invoice or a company they do not recognise: "I don't recognise this charge". Asked
    # about ("what is this invoice for? I don't recognise the company") it is a question.
    UNRECOGNISED,
    # An agreed discount or rebate left off the invoice: the negation and the verb of applying first
    # ("doesn't include the rebate", "no se aplicó el descuento"), or the discount first and then
    # missing or not applied ("der Rabatt fehlt", "la remise n'a pas été appliquée", "lo sconto non
    # è stato applicato", "de korting ontbreekt", "o desconto não foi aplicado").
    _c(
        I.dispute,
        0.8,
        r"(?:\b(?:not|never|no se|nicht|niet)\b|n't\b) (?:\w+ ){0,2}?(?:include|included|reflect|"
        r"reflected|show|shown|apply|applied|deduct|deducted|take into account|taken into account|"
        r"aplic[óo]|aplicad[oa]|berücksichtigt|abgezogen|toegepast|verrekend)\b (?:[\w%$€£.,-]+ ){0,3}?"
        r"(?:discount|rebate|descuento|rabatt|skonto|korting)\b|\b(?:discount|rebate|remise|"
        r"escompte|descuento|sconto|korting|desconto|rabatt|skonto)\b[^.]{0,40}\b(?:is missing|"
        r"was missing|missing from|left off|fehlt|ontbreekt|manque|manca|falta|(?:is |was |were |"
        r"has |have )?not (?:been )?(?:applied|included|reflected|deducted|taken)|n'a pas été "
        r"(?:appliquée?|déduite?|prise? en compte)|non è stat[oa] (?:applicat|detratt|considerat)[oa]|"
        r"não foi (?:aplicad|descontad|considerad)[oa]|no se (?:ha )?(?:aplicado|descontado)|nicht "
        r"(?:berücksichtigt|abgezogen|gewährt)|niet (?:toegepast|verrekend|afgetrokken))\b",
        reason="terms",
    ),
    # Tax charged to a customer exempt from it: "we are tax-exempt", "von der Umsatzsteuer befreit",
    # "exonérés de TVA", "exentos de IVA", "vrijgesteld van btw".
    _c(
        I.dispute,
        0.8,
        r"\b(?:(?:sales )?(?:tax|vat|gst|hst)[- ]exempt(?![- ](?:certificate|cert|status|form|number|id|"
        r"letter|exemption))|exempt from (?:sales |the )?(?:tax|vat|gst)|"
        r"(?:umsatzsteuer|mehrwertsteuer|mwst)\w* befreit|steuerbefreit|exonérée?s? de (?:la )?tva|"
        r"exent[oa]s? (?:de(?:l)? )?iva|esent[ei] (?:da(?:ll')? )?iva|isent[oa]s? de (?:icms|iva|"
        r"impostos?)|vrijgesteld van (?:de )?btw)\b",
        claim=True,
        reason="pricing",
    ),
    # --- short_pay ------------------------------------------------------------------------------
    _c(
        I.short_pay,
        0.85,
        r"\b(?:deducted|deduction|deducting|short[- ]paid|short pay|withheld|"
        r"held back|took off|net of|less \$|less (?:the|our)|abgezogen|abzug|déduit|descontamos|"
        r"deducido|except the|minus the|(?:paid|pay|paying|sent) (?:it )?all but (?:the )?[$€£]?\s?\d|instead of \$?[\d,.]+|knock(?:ed|ing)? (?:it |that |them )?off|"
        r"ingehouden|inbehouden|in mindering|\d+ ?% weniger|weniger (?:bezahlt|überwiesen)|descont(?:ar|aremos|amos|ado|ei|amos)|"
        r"retenemos|retenido|retenu\w*|trattenut\w*|detratt\w*|abzüglich|"
        r"(?:paid|pagato|pagata|payée?|pagad[oa]|bezahlt|betaald|pago|paga),? (?:less|minus|meno|"
        r"moins|menos|abzgl\.?|min)\b)",
    ),
    _c(
        I.short_pay,
        0.75,
        r"\b(?:took|take|taking|taken|applied|applying|deducted|deducting) (?:the |our |a |an )?"
        r"(?:\$?[\d,.]+ |\d+(?:[.,]\d+)?\s?% )(?:[\w-]+ ){0,2}(?:discount|rebate)|\b\d+(?:[.,]\d+)?\s?"
        r"% (?:skonto|escompte|volume rebate|descuento|sconto|korting|desconto)",
        reason="terms",
    ),
    _c(
        I.short_pay,
        0.8,
        r"\b(?:(?:(?:was|is|are|were) )?short (?:by )?[$€£]?\s?\d(?![\d,.]*\s+(?:boxes|cases|pallets|units|"
        r"pcs|pieces|items|bags|cartons|rolls|sacks|crates|pcs|ctns?)\b)|took (?:the |our |a )?\$?[\d,.]+%?[^.]{0,30}\boff|taking "
        r"[^.]{0,30}\boff\b|netted|vs\.? (?:the )?invoice (?:amount|total)|differenz von|(?:au lieu "
        r"de|anziché)(?! \d+(?:\s+(?!euros?\b|eur\b|dollars?\b)[a-zéèàç]+)?\s*(?:[;)!]|[.,](?!\d)|$))|al netto (?:dell[oae']|del|di)|einbehalten|in mindering|trattenendo|descontado|desconto de|retenção|for the good "
        r"parts only|isn't an oversight|paid (?:the rest|the balance|the remainder)|(?:paid|pagato|pagata|pagado|pagamos|pagámos|bezahlt|"
        r"überwiesen|betaald|overgemaakt|payé|réglé|versé|viré|abonad[oa]|abonamos|transferid[oa]|"
        r"transferimos|ingresad[oa]|ingresamos|bonificat[oa]|versat[oa]|pagou|pagaram|pagámos|"
        r"transferred|remitted|wired|sent|angewiesen|gezahlt)\b[^.]{0,40}\b(?:invece d(?:i|ei|el|ella)|"
        r"(?:an)?statt|in plaats van|en (?:lugar|vez) de|em vez de|ao invés de|rather than|"
        r"instead of) (?:the |los |las |die |den |de |i |gli |os |as )?(?:[$€£]|eur|usd|r\$)?\s?\d|"
        r"(?:houden|hielden) (?:we|wij)\b[^.]{0,40}\bin\b|\b(?:an)?statt (?:[$€£]|eur)?\s?\d[^.]{0,30}"
        r"\b(?:überwiesen|bezahlt|gezahlt|angewiesen)\b|in plaats van (?:[$€£]|eur)?\s?\d[^.]{0,30}"
        r"\b(?:betaald|overgemaakt)\b)",
    ),
    _c(
        I.short_pay,
        0.8,
        r"\b(?:paid|pay|paying|payed|betaald|bezahlt|überwiesen|payé|réglé|pagad[oa]|pagamos|"
        r"pagato|pago|settled|remitted|wired|sent|betalen|zahlen|überweisen|payons|paierons|"
        r"réglons|réglerons|pagaremos|paghiamo|pagheremo)\b[^.]{0,80}\b(?:but not|without|excluding|"
        r"except|left out|leaving out|leave out|ohne|sans|sin|zonder|senza|sem|hors|excepto|tranne|"
        # "exclusief deze kosten", "exklusive der Fracht", "excluyendo los portes"
        r"exclusief|exklusive|excluyendo|escludendo|excluindo)\b (?:the |la |le |les |el |los |die |den |das |het |de |il |o |a )?"
        r"(?:[$€£]?\s?[\d,.]+ (?:€ )?)?(?:[\w-]+ ){0,3}(?:surcharges?|fees?|tax|taxes|freight|"
        r"charges?|shipping|retention|retainage|toeslag|zuschlag\w*|gebühr\w*|frais|recargos?|"
        r"supplément|taxa|taxe|steuer|porte|frete|fracht\w*|vracht\w*|kosten|costs?)\b",
    ),
    _c(
        I.short_pay,
        0.75,
        r"\b(?:deduct|deducts|retenant|retuv\w+|retiv\w+|retenemos|gekürzt|kürzen|menos (?:el|la|los|"
        r"las|es[aeo]s?|est[aeo]s?|\d))\b|\b(?:keep|kept|retain\w*)\s+(?:the |el |o )?(?:[$€£]|eur|usd|r\$|dkk|chf)?\s?\d|"
        r"\b(?:solde|restantes?|em falta|the other|remaining|rest)\b[^.]{0,30}\b(?:correspond\w*|"
        r"is not coming|relates? to|betrifft|is for the)\b|\b(?:but|mas|pero|ma|aber|mais) "
        r"(?:only|apenas|solo|solamente|nur|seulement|soltanto)\s+(?:[$€£]|eur|usd|r\$)?\s?\d"
        # Not "but only 16 were delivered": a count received is a quantity dispute.
        r"(?![\d,.]*\s+(?:\w+\s+){0,2}(?:erhalten|geliefert|bekommen|angekommen|received|delivered|"
        r"arrived|came|showed up|recibid\w*|llegaron|reçue?s?|livrée?s?|arrivée?s?|arrivat\w*|"
        r"ricevut\w*|consegnat\w*|recebid\w*|chegaram|entregue\w*|ontvangen|geleverd|aangekomen)\b)|"
        r"\bpagaremos (?:apenas|solo|sólo|"
        r"solamente)\b|\bat \$[\d,.]+,? not \$",
    ),
    _c(
        I.short_pay,
        0.75,
        r"[$€£]\s?[\d,.]+[^.]{0,80}\b(?:has not been|have not been|was not|were not|hasn't been|"
        r"haven't been|wasn't|weren't|is not being|are not being) (?:paid|included|remitted)\b",
    ),
    _c(
        I.short_pay,
        0.75,
        r"\b(?:hold|holding|withhold\w*|retain\w*|keep|keeping)\s+(?:back\s+)?(?:\d+(?:[.,]\d+)?\s?%|"
        r"[$€£]\s?[\d,.]+)|\b(?:retention|retainage)\b[^.]{0,60}\b(?:held|withheld|retained|kept|"
        r"holding)\b|\b(?:held|withheld|retained)\b[^.]{0,40}\b(?:retention|retainage)\b",
    ),
    _c(
        I.short_pay,
        0.75,
        r"\b(?:took|taken|taking|left|leaving|pulled|kept) (?:out|off) (?:the |our |that |this |a "
        r"|one |both )?(?:[$€£]\s?\d|\d[\d,.]*\s?(?:€|eur|usd|gbp)\b|(?:[\w-]+ ){0,3}(?:surcharges?|"
        r"fees?|charges?|freight|shipping|delivery|costs?|lines?|items?|tax|penalt\w*|discount|"
        r"rebate)\b)|\b(?:we|i)(?:'ve| have)? (?:\w+ )?(?:removed|excluded|omitted|subtracted)\b"
        r"[^.]{0,40}(?:[$€£]\s?\d|\d\s?(?:€|eur)\b|surcharge|\bfees?\b|\bcharges?\b|freight|"
        r"shipping|\bline\b|penalt)|\b(?:en )?déduisant|\b(?:togliendo|sottraendo|detraendo|"
        r"descontando|restando|deduciendo|deduzindo|aftrekkend)\b",
    ),
    _c(
        I.short_pay,
        0.75,
        r"\b(?:wht|ewt|tds|cwt|withholding tax|tax withheld|retenci[óo]n en la fuente|ritenuta "
        r"d'acconto|quellensteuer|retenue à la source|imposto retido|irrf|retido na fonte)\b",
        reason="other",
    ),
    # An amount said retained in the passive: "400 € are retained as a guarantee".
    _c(
        I.short_pay,
        0.75,
        r"(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|eur|usd|gbp|dollars?|euros?))\s+(?:is|are|was|were|"
        r"has been|have been|will be)\s+(?:being\s+)?(?:retained|withheld|held back|kept back|"
        r"deducted)\b",
    ),
    # --- missing_po -----------------------------------------------------------------------------
    _c(
        I.missing_po,
        0.85,
        r"\b(?:no|without|missing|need|needs|requires?|required|include|"
        # "the third one doesn't have a PO so it's stuck"
        r"(?:doesn't|does not|didn't|did not) (?:have|show|carry|list)|"
        r"reference|add|with|fehlt|fehlen|ohne|manque|sans|falta|sin|manca|senza|ontbreekt|zonder|sem)"
        r"\b[^.]{0,40}\b(?:po|p\.o\.|purchase order|bestellnummer|bestellreferenz|bon de "
        r"commande|numéro de commande|référence de commande|orden de compra|número de pedido|"
        r"numero d'ordine|bestelnummer|inkoopordernummer|número de encomenda|"
        # Portuguese and Italian: "sem o número do pedido de compra", "senza l'ordine d'acquisto"
        r"pedido de compra|n[úu]mero do pedido|ordine d'acquisto|numero dell'ordine)\b",
    ),
    _c(
        I.missing_po,
        0.85,
        r"\b(?:po|p\.o\.|purchase order|order (?:number|no|reference|ref)|requisition number|"
        r"release number|bestellnummer|bestellreferenz|numéro de commande|référence de commande|"
        r"número de pedido|numero d'ordine|numero ordine|bestelnummer|inkoopordernummer|"
        r"ordernummer|número de encomenda|nota de encomenda)\b[^.]{0,40}\b(?:required|missing|"
        r"needed|mandatory|doesn't exist|does not exist|invalid|not valid|wrong|on (?:it|them|each)|"
        # "we are not able to book this invoice as PO is not mentioned"
        r"(?:is |was )?not (?:mentioned|quoted|stated|shown|indicated|given|provided|referenced)|"
        r"fehlt|manque|falta|manca|ontbreekt|obligatoire|obligatorio|obbligatorio|verplicht)",
    ),
    # The PO itself closed, used up or cancelled: a reference to fix (README: "PO missing,
    # closed, exhausted or mistyped"), not a charge contested.
    _c(
        I.missing_po,
        0.8,
        r"\b(?:po|p\.o\.|purchase order|bon de commande|orden de compra|ordine d'acquisto|"
        r"bestellnummer|inkooporder)\b[^.]{0,40}\b(?:was|is|has been|got|wurde|ist|a été|est|fue|"
        r"ha sido|è stat[oa]) (?:\w+ )?(?:cancel+ed|closed|exhausted|used up|expired|fully (?:used|"
        r"invoiced|consumed)|storniert|geschlossen|annulée?|clôturée?|cancelad[oa]|cerrad[oa]|"
        r"annullat[oa]|chius[oa])\b",
    ),
    _c(
        I.missing_po,
        0.8,
        # (a payment the bank returned or rejected is no invoice rejected: "the wire was rejected
        # by our bank", "returned from the beneficiary bank")
        r"\b(?:(?:returned from|rejected (?:by|in|from))(?! (?:the |our |your |their |my )?"
        r"(?:bank|beneficiary|receiving bank|clearing|remitting bank))|rejecting|sitting in "
        r"exceptions|cannot be matched|can't be matched|3-way match|three-way match)\b|\b(?:ariba|"
        r"coupa|tungsten|basware|supplier portal|vendor portal)\b[^.]{0,60}\b(?:reject|return|"
        r"resubmit|missing)",
    ),
    _c(
        I.missing_po,
        0.75,
        r"\b(?:vendor number|supplier number|cost cent(?:er|re)|project code|"
        r"project number|location code|gl code)\b|^po\s*#?\s*\?|\bfehlt unsere bestellnummer\b|"
        r"\bissued po\b|\bput it on the invoice\b",
    ),
    _c(
        I.missing_po,
        0.75,
        r"\b(?:bestellnummer|bestell-nr|po-nummer|bon de commande|numéro de commande|référence de "
        r"commande|engagement juridique|chorus|orden de compra|número de pedido|numero de pedido|"
        r"código dir3|inkoopordernummer|ordernummer|inkooporder|numero d'ordine|ordine "
        r"d'acquisto|codice cig|\bcig\b|\bnso\b|sistema di interscambio|ordem de compra|nota de "
        r"encomenda|número de compromisso|(?:vat|tax) (?:number|id|registration)|ust-idnr)\b|"
        r"\b(?:falta|fehlt|manque|manca|ontbreekt|missing|sin|ohne|sans|senza|zonder|sem) (?:el |la |"
        r"le |il |de |o |a |die |unsere? |notre |nuestro |our |the )?(?:rut|nif|cif|rfc|cuit|cnpj|"
        r"ust-?id\w*|steuernummer|siret|siren|numéro de tva|partita iva|codice fiscale|btw-?nummer|"
        r"kvk-?nummer|vat (?:number|id))\b",
    ),
    # --- invoice_request ------------------------------------------------------------------------
    # "Why did you send us an invoice?" complains about one; it does not ask for one.
    _c(
        I.invoice_request,
        0.85,
        r"(?<!why you )(?<!why did you )(?<!why do you )(?<!why would you )(?<!why are you )"
        r"(?<!why have you )(?<!why you keep )(?<!why do you keep )"
        r"\b(?:send|sending|forward|provide|share|email|e-mail|get(?! to\b)|need|"
        r"necesita|necesitamos|necesito|precisamos|preciso|benötig(?:e|en|te|ten)|brauch(?:e|en)|"
        r"bräucht(?:e|en)|avons besoin d[eu']?|"
        r"abbiamo bisogno d[ie']?|hebben \w+ nodig|attach|include|renvoyer|envoyer|senden|schicken|enviar|reenviar|mandar|"
        # Italian: "ci potete rimandare la fattura", "reinviarci la copia"
        r"rimandar\w*|reinviar\w*|rinviar\w*|mandarci|trasmetterci|"
        r"transmettre|envíen|envíe|enviem|envie|manden|mailen|bezorgen|meesturen|inviarci|"
        r"would like|i'd like|we'd like)\b"
        # "we would like to inform you that payment for invoice 44 ...": told, not asked for.
        r"(?! to (?!(?:get|receive|have|obtain|request|ask for|see)\b))"
        rf"(?![^.?]{{0,45}}\bgoing forward\b)[^.?]{{0,45}}\b(?<!corrected )(?<!revised )"
        rf"(?<!future )(?<!all future )(?<!regarding )(?<!regarding the )(?<!regarding our )"
        rf"(?<!concerning )(?<!concerning the )(?<!about )(?<!about the )(?<!about your )"
        rf"(?<!re )(?<!re: )(?<!against )(?<!against the ){_DOC}\b",
    ),
    _c(
        I.invoice_request,
        0.8,
        r"\b(?:haven't|have not|never|didn't|did not|don't seem to have)"
        r"\b[^.]{0,20}\b(?:received|got|gotten|seen)\b(?:(?!\b(?:on|for|under|against|per|"
        r"from|with)\b)[^.]){0,15}\b(?:invoices?|bills?|"
        r"statements?|w-?9|credit (?:memo|note)|certificates?|waivers?|receipts?|forms?)\b"
        r"|\b(?:n'avons|n'ai) (?:toujours |pas encore |jamais )?(?:pas )?reçu (?:le|la|les|l'|votre|"
        r"vos) ?(?:certificat|attestation|relevé|avoir|bon de livraison|procès-verbal|rapport|"
        r"facture|duplicata|justificatif)|\b(?:noch )?(?:nicht|kein\w*) (?:\w+ )?(?:zertifikat|"
        r"bescheinigung|nachweis|lieferschein|gutschrift|rechnung|kontoauszug|protokoll)\w* "
        r"(?:\w+ )?(?:erhalten|bekommen)|\b(?:zertifikat|bescheinigung|nachweis|lieferschein|"
        r"gutschrift|rechnung|kontoauszug|protokoll)\w* (?:\w+ ){0,2}(?:noch )?(?:nicht|nie) "
        r"(?:\w+ )?(?:erhalten|bekommen)|\b(?:non abbiamo|non ho) (?:ancora |mai )?ricevuto (?:il|la|"
        r"i|le|l') ?(?:certificato|durc|ddt|nota di credito|fattura|estratto|verbale|rapporto)|"
        r"\b(?:no hemos|no he|todavía no hemos|aún no hemos) recibido (?:el|la|los|las) "
        r"(?:certificado|albarán|abono|factura|extracto|informe)|\b(?:ainda )?n[ãa]o (?:recebemos|"
        r"recebi) (?:o|a|os|as) (?:certificado|nota|fatura|extrato|relatório|boleto|recibo)|\b(?:we )?"
        r"hebben (?:nog )?(?:geen|niet) (?:\w+ )?(?:certificaat|pakbon|creditnota|factuur|"
        r"rapport|werkbon)\w* ontvangen"
        r"|\b(?:can't|cannot|unable to) (?:find|locate)\b(?![^.]{0,30}\b(?:in|on) (?:the|your|our) "
        r"(?:contract|agreement|quote|proposal|po|purchase order|price list|terms|website|"
        r"portal)\b)|\bne la trouvons pas\b|\bno la "
        r"encontramos\b|\bwon't open\b",
    ),
    _c(
        I.invoice_request,
        0.8,
        r"(?<!correct and )(?<!fix and )\b(?:resend|re-send|re send|send (?:it|this|that|them|me|us) "
        r"(?:over )?again|another copy|"
        r"(?:a|one more) copy|erneut zu(?:senden|schicken)|nochmals (?:senden|schicken)|renvoyer|"
        r"reenviar|volver a enviar|opnieuw (?:sturen|toesturen)|reinviare|reenviar)\b",
    ),
    # A document and a please, nothing else: "lieferschein bitte", "copia fattura pf", "W9 pls".
    _c(
        I.invoice_request,
        0.8,
        rf"^\W*(?:(?:pls|please|plz|bitte|svp|por favor|graag|per favore|pf|aub)\W+)?{_DOC}"
        r"(?:\s+\w+)?\W+(?:pls|please|plz|bitte|svp|s'il vous plaît|por favor|graag|per favore|pf|"
        r"aub)\W*$",
    ),
    # "again" beside a verb of sending, in either order: "kunt u deze nogmaals sturen",
    # "noch einmal zuschicken", "nous l'envoyer à nouveau", "enviarla de nuevo", "inviarci
    # nuovamente", "enviar novamente".
    _c(
        I.invoice_request,
        0.8,
        r"\b(?:opnieuw|nogmaals|nog eens|nochmals|nochmal|noch einmal|erneut|à nouveau|de nouveau|"
        r"nuevamente|de nuevo|otra vez|di nuovo|nuovamente|novamente|de novo)\s+(?:\w+\s+){0,2}?"
        r"(?:sturen|toesturen|opsturen|mailen|senden|schicken|zusenden|zuschicken|übermitteln|"
        r"envoyer|transmettre|enviar\w*|mandar\w*|inviar\w*|mandare|trasmettere)\b|"
        # "mándame la factura otra vez", "envíenosla de nuevo": the imperative with its pronoun
        r"\b(?:sturen|toesturen|opsturen|mailen|senden|schicken|zusenden|zuschicken|envoyer|"
        r"transmettre|enviar\w*|mandar\w*|inviar\w*|mandare|trasmettere|(?:re)?m[áa]nd[ae]n?(?:me|"
        r"nos)\w*|(?:re)?env[íi][ae]n?(?:me|nos)\w*)\s+(?:\w+\s+){0,2}?"
        r"(?:opnieuw|nogmaals|nochmals|nochmal|noch einmal|erneut|à nouveau|de nouveau|nuevamente|"
        r"de nuevo|otra vez|di nuovo|nuovamente|novamente|de novo)\b",
    ),
    _c(
        I.invoice_request,
        0.8,
        r"\b(?:senden|schicken|zusenden|zuschicken|zukommen lassen|übermitteln|envoyer|renvoyer|"
        r"transmettre|faire parvenir|enviar|reenviar|mandar|remitir|sturen|toesturen|opsturen|"
        r"inviare|inviarci|mandare|trasmettere|enviem|mandem|remeter|envíen|envíe|enviéis|manden|"
        r"mande|remitan|remita|reenvíen|reenvíe|enviarnos|enviarme|mandarnos|envoyez|renvoyez|"
        r"transmettez|adressez|inviate|inviateci|mandateci|trasmettete|trasmetterla|trasmetterle|"
        r"inviarla|inviarle|inviarmi|mandarci|reenviem|"
        # Italian pronouns joined to the verb: "mandarcene", "inviarmela", "rimandarcelo"
        r"(?:mandar|inviar|spedir|trasmetter|rimandar|reinviar)(?:ce|me|ve|gliel)(?:ne|la|le|lo|li))"
        r"\b[^.?]{0,50}\b(?:rechnung|"
        r"rechnungskopie|kopie|pdf|kontoauszug|saldenbestätigung|lieferschein|facture|copie|relevé|"
        r"duplicata|bon de livraison|factura|copia|extracto|estado de cuenta|albarán|factuur|pakbon|"
        r"rekeningoverzicht|fattura|estratto conto|ddt|fatura|cópia|extrato|segunda via|nota "
        r"fiscal|certificado|certificato|attestation|dichiarazione|declaración|declaração|verklaring|"
        r"bescheinigung|nachweis|complemento de pago|prueba de entrega|comprobante|justificante|"
        r"prova di consegna|preuve de livraison|comprovante|cmr|o recibo|um recibo|ricevuta|quittung|reçu|"
        r"kwitantie|factura acquittée|facture acquittée|rib|kbis|iban|bankgegevens|w-?9)\b|\b(?:rechnung|kopie|factuur|kopie|pakbon|fattura|copia|fatura|cópia|facture|"
        r"copie|factura|werkbon|leveringsbewijs|specificatie|lieferschein|kontoauszug|"
        r"saldenbestätigung|\w*nachweis\w*|bescheinigung|rekeningoverzicht|\w*overzicht|"
        r"afschrift|saldobevestiging|relevé|estratto conto|extrato|estado de cuenta|"
        r"extracto)\b[^.?]{0,50}\b(?:sturen|toesturen|"
        r"opsturen|doorsturen|mailen|bezorgen|meesturen|schicken|senden|zusenden|zuschicken|"
        r"zukommen lassen|übermitteln|übersenden|zur verfügung stellen|"
        r"inviare|enviar|envoyer|mandar)\b",
    ),
    _c(
        I.invoice_request,
        0.75,
        r"\b(?:graag|bitte|please|pls|kindly|por favor|per favore|merci de)\b[^.?]{0,20}\b(?:"
        r"kopie|copy|copie|copia|cópia|duplicate|duplicado)\b(?!\s+(?:payment|charge|billing|"
        r"pago|paiement|zahlung|entry|amount))|"
        rf"^(?:\w+ ){{0,2}}(?:{_DOC})s?\s*(?:pls|please|plz|asap|\?)|\b(?:until|before|unless) we "
        rf"(?:see|get|receive|have) (?:the |a |your )?(?:\w+ )?(?:{_DOC})\b|\b(?:need|want|would "
        rf"like) to see (?:the |a |your )?(?:\w+ )?(?:{_DOC})\b",
    ),
    _c(
        I.invoice_request,
        0.75,
        r"\b(?:account history|payment history|statement of account|account statement|open items? "
        r"(?:list|report)|aging report|ageing report|ledger (?:report|printout)|balance confirmation)"
        r"\b",
    ),
    # Where or how to download or open a document: "where can we download the statement?", "wo kann
    # ich die Rechnung herunterladen?", "où puis-je télécharger la facture ?".
    _c(
        I.invoice_request,
        0.75,
        r"\b(?:where|how|wo|wie|où|comment|dónde|cómo|dove|come|onde|como|waar|hoe)\b[^.?]{0,40}"
        r"\b(?:download|access|herunterladen|abrufen|télécharger|descargar|scaricare|baixar|"
        r"downloaden)\b[^.?]{0,40}"
        rf"\b{_DOC}\b|\b(?:wo|wie|waar|hoe)\b[^.?]{{0,30}}\b{_DOC}\b[^.?]{{0,20}}\b(?:herunterladen|"
        r"runterladen|abrufen|downloaden)\b",
    ),
    # --- extended_terms -------------------------------------------------------------------------
    _c(
        I.extended_terms,
        0.85,
        r"\bnet[\s-]?(?:45|60|75|90|120)\b|\b(?:45|60|75|90|120|sixty|"
        r"ninety|forty-five)[\s-]days?\b[^.]{0,40}\b(?:terms|contract|agreement|agreed|per our|"
        r"from receipt)|\b(?:terms|contract|agreement|agreed|per our)\b[^.]{0,70}\b(?:45|60|75|90|"
        r"120|sixty|ninety)[\s-]?days?\b",
    ),
    _c(
        I.extended_terms,
        0.75,
        r"\b(?:get|gets|give|have|allowed?|granted?|agreed)\b[^.]{0,25}"
        r"\b(?:45|60|75|90|120|sixty|ninety|forty-five)[\s-]days?\b|\bdue \d+ days from\b",
    ),
    _c(
        I.extended_terms,
        0.7,
        r"\b(?:not due until|isn't due until|aren't (?:late|due) yet|"
        r"isn't late until|not late until|not (?:yet )?(?:due|overdue|past due)|due date [^.]{0,20}"
        r"is actually|zahlungsziel|à \d+ jours|\d+ días)\b",
    ),
    _c(
        I.extended_terms,
        0.75,
        r"\b(?:vereinbart\w*|convenu|acordad[oa]s?|acordamos|concordat[oa]|concordamos|concordad[oa]|"
        r"afgesproken|overeengekomen|pactad[oa]|accordato)\b[^.]{0,50}\b(?:30|45|60|75|90|120)\s*"
        r"(?:tagen?|jours|días|dias|giorni|gg|dagen)\b|\b(?:noch nicht fällig|pas encore échue?|"
        r"aún no (?:ha )?vencid[oa]|todavía no (?:ha )?vencid[oa]|non è (?:ancora )?scadut[oa]|"
        r"nog niet vervallen|ainda não (?:venceu|vencid[oa]))",
    ),
    # --- financial_distress ---------------------------------------------------------------------
    _c(
        I.financial_distress,
        0.85,
        r"\b(?:bankrupt|bankruptcy|chapter (?:7|11)|insolven\w*|"
        r"receivership|administrators? (?:has |have |was |were )?(?:been )?appointed|(?:in|into|"
        r"entered|under) administration|liquidation|redressement judiciaire|liquidation judiciaire|"
        r"mandataire judiciaire|concurso de acreedores|administrador concursal|quiebra|faillissement|"
        r"failliet|curator|surseance|insolvenzverfahren|wind(?:ing)? up (?:the |our )?(?:company|business)|"
        r"wound up|winding[- ]up|ceas(?:e|es|ing) trading|going out of business|fallimento|fallit[oa]|"
        r"falência|falida|insolvência|cessation (?:des paiements|d'activité)|in liquidazione|en "
        r"liquidación|in liquidatie|em liquidação)",
    ),
    _c(
        I.financial_distress,
        0.8,
        r"\b(?:business is closing|closing (?:down|the business)|"
        r"shutting down|cash problems|bank account is frozen|cash[- ]?flow(?![^.]{0,15}\b(?:is|are|'s) "
        r"(?:fine|ok|okay|good|healthy|strong|not (?:the|an) (?:issue|problem)))|cash crunch|tight on cash|don't have the "
        r"cash|no cash|liquidity|financial (?:difficult|hardship|trouble|problem)\w*|struggling|"
        r"can't afford|cannot afford|(?:can't|cannot|unable to|not able to) pay\b(?!\s+(?:for\s+)?"
        r"(?:un\w+ed\b|(?:[\w-]+\s+){0,2}expenses|it\b|them\b|this one|that one|without|invoices? "
        r"(?:without|that|which)))(?![^.]{0,60}"
        r"\b(?:(?:until|unless|before|till) (?:you|we (?:get|receive|have|see)|the|a|an|it|this|"
        r"that|your|these|those|corrected|credit)|(?:because|since|as|due to|given that) (?:it|the|this|your|there|of the|"
        r"you)))|"
        r"(?<!offer )"
        r"payment plan|"
        r"instal?lments?|a month until|every month|froze\b|line of credit|layoffs|cut hours|behind on "
        r"(?:rent|payments|bills)|really behind|lost (?:our|a) (?:biggest|largest|major|big) (?:client|"
        r"customer)|sales are down|all we can (?:manage|afford)|very tight|business has been (?:really )?"
        r"slow|zahlungsschwierigkeiten|ratenzahlung|difficultés financières|dificultades)",
    ),
    # The business closed for good, or no way to pay any more, in seven languages: "a empresa
    # encerrou as atividades", "hemos cerrado el negocio", "den Geschäftsbetrieb eingestellt",
    # "abbiamo chiuso l'attività", "nous ne pouvons plus payer", "kunnen ... niet meer betalen".
    # ("We can't pay until ..." is no such thing: a condition, not an end.)
    _c(
        I.financial_distress,
        0.8,
        r"\b(?:closed (?:down )?(?:the |our )?(?:business|shop|store|company|doors for good)|"
        r"(?:shop|store|business|company) (?:has |have )?(?:closed|shut) down|out of business|"
        r"no money left|(?:can't|cannot|can not|unable to|not able to) pay (?:anymore|any more)|"
        # terse: "no $ rn", "no money atm"
        r"^\W*no (?:\$|money|cash|funds)\W+(?:rn|right now|atm|at the moment|now)\b|"
        r"^\W*(?:kein geld|no tengo dinero|no tenemos dinero|sin dinero|pas d'argent|plus d'argent|"
        r"plus de sous|geen geld|niente soldi|non (?:ho|abbiamo) soldi|sem dinheiro|não tenho "
        r"dinheiro|no money|broke)(?:\W+\w+){0,2}\W*$|"
        r"no longer (?:able|in a position) to pay|"
        r"encerr(?:ou|amos|aram) (?:as )?(?:suas |nossas )?atividades|fechamos a empresa|"
        r"n[ãa]o temos (?:como|condições de) pagar|"
        r"(?:hemos )?cerrado (?:el negocio|la empresa|la tienda)|cese de (?:la )?actividad|"
        r"no tenemos (?:con qué|cómo) pagar|ya no podemos pagar|"
        r"(?:geschäftsbetrieb|betrieb|geschäft) (?:[\w.]+ ){0,3}?(?:eingestellt|aufgegeben|geschlossen)|"
        r"(?:firma|gesellschaft) (?:\w+ ){0,2}?(?:aufgelöst|liquidiert)|"
        r"(?:können|kann) (?:\w+ ){0,3}?nicht mehr (?:bezahlen|begleichen|zahlen)|"
        r"(?:chiuso|cessato) (?:l'|la nostra )?attività|cessazione dell'attività|"
        r"non (?:siamo|sono) (?:più )?in grado di pagare|non possiamo più pagare|"
        r"cessé (?:notre|toute|son) activité|fermé (?:définitivement|la société|l'entreprise)|"
        r"ne (?:pouvons|peux|pourrons) plus (?:payer|régler)|ne sommes plus en mesure de (?:payer|"
        r"régler)|gestopt met (?:het|ons|mijn) bedrijf|bedrijf (?:is )?(?:gesloten|opgeheven|"
        r"beëindigd)|(?:kunnen|kan) (?:\w+ ){0,3}?niet meer (?:betalen|voldoen))",
    ),
    _c(
        I.financial_distress,
        0.8,
        r"\b(?:zahlungsschwierigkeiten|liquiditätsengpass|liquiditätsprobleme|liquiditeitsproblemen|"
        r"liquiditeitstekort|problemi di liquidità|problèmes? de liquidité|finanzielle "
        r"schwierigkeiten|kontokorrent gekürzt|stundung|ratenzahlung|in raten|geht (?:es )?einfach "
        r"nicht|difficultés (?:financières|de trésorerie)|problèmes? de trésorerie|procédure de "
        r"sauvegarde|échéancier|en plusieurs fois|dificultades (?:económicas|financieras)|problemas "
        r"de liquidez|aplazamiento|fraccionar|plan de pagos|betalingsproblemen|financiële "
        r"(?:problemen|moeilijkheden)|betalingsregeling|in termijnen|difficoltà (?:finanziari\w*|"
        r"economic\w*)|composizione negoziata|concordato preventivo|rateizz\w*|piano di rientro|"
        r"dificuldades financeiras|recuperação judicial|parcelamento|parcelar|plano de pagamento)\b",
    ),
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:(?:wird|werden)\b[^.]{0,80}\b(?:ausgeführt|angewiesen)|eingeplant|zahllauf|"
        r"zahlungsvorschlag|partira avec|prochain règlement|sera (?:réglée?|payée?|virée?|"
        r"effectué)|programmée?|betalen (?:we|wij)|we betalen|wij betalen|zullen\b[^.]{0,30}"
        r"\bbetalen|ingepland|gepland|betaalrun|pagheremo|(?:è|sarà) (?:\w+ )?(?:programmat|previst)[oa] "
        r"per (?:il|la|lo|l')|(?:est|sera) (?:\w+ )?prévue? (?:pour|le)|(?:está|estará) (?:\w+ )?"
        r"previsto para|salderemo|provvederemo al pagamento|in distinta|"
        r"(?:sarà|verrà) (?:pagata|saldata|pagato)|abonaremos|se pagará|programado para|"
        r"realizaremos el pago|será paga|agendad[oa]|(?:nous allons|on va|je vais) (?:vous |la |le |les |"
        r"l')?(?:régler|payer|virer|verser|solder|procéder au (?:paiement|règlement|virement))|"
        r"(?:vamos|iremos|vou|irei) (?:\w+ )?(?:pagar|transferir|depositar|liquidar|quitar|saldar|"
        r"regularizar|acertar)|quitaremos|acertaremos|saldaremos|efetuaremos|liquidaremos)\b",
        needs_date=True,
    ),
    _c(
        I.extended_terms,
        0.75,
        r"\b(?:zahlungsziel|betalingstermijn|betaaltermijn|délai de paiement|conditions de paiement"
        r"|plazo de pago|condiciones de pago|termini di pagamento|pagamenti sono a|prazo de "
        r"pagamento|condições de pagamento|trabajamos a)\b[^.]{0,60}\d{2,3}",
    ),
    _c(
        I.promise_to_pay,
        0.8,
        r"\b(?:expect(?:ing)? (?:it|payment|the payment|funds|the wire|the check|to (?:be )?"
        r"(?:pay|paid|send|release))|(?:will|'ll|should) (?:be )?(?:transferred|wired|remitted|"
        r"included|done|made|executed|going out)|(?:payment|pay|check|cheque|disbursement) "
        r"(?:cycle|batch)|(?:released|approved|scheduled|slated|set|queued) for (?:payment|release)|"
        r"square (?:it |this |that )?up|settle up|run the card|goes in (?:our |the )?\w+(?:'s)? "
        # "the two with POs will go in the Dec 3 run"
        r"run|(?<!to )go (?:out )?(?:in|on|with) (?:our |the |this |next )?(?:[\w/'-]+ ){0,3}(?:run|"
        r"batch|cycle)|(?:on|in|with) (?:our |the )?(?:next |\w+day's |\w+ )?(?:check|payment|pay|cheque) "
        r"run|pago el|te pago|les pago|pagamos el|(?<!ist )erfolgt (?:am|in|bis|zum|ab|spätestens)|zahlen wir am|zahle ich am|je (?:vous )?"
        r"paie|nous payons le|paghiamo il|pago il|betalen we op|betaal ik|pagamos no dia|pago na)\b|"
        # terse, the subject left out: "betaal vrijdag", "zahle morgen"
        r"^\W*(?:betaal|betalen|zahle|zahlen|überweise|überweisen)\b|on (?:vous |la |le )?(?:paie|"
        r"règle|vire)\b|"
        # "pago segunda", "wire tmrw am": a payment and a coming day, nothing else
        r"^\W*pago\s+(?:na\s+|el\s+|il\s+)?(?:segunda|terça|quarta|quinta|sexta|lunes|martes|"
        r"miércoles|jueves|viernes|lunedì|martedì|mercoledì|giovedì|venerdì|amanhã|mañana|domani)\b|"
        r"^\W*(?:wire|ach|check|cheque|chk|chq|payment|pmt|pymt)\s+(?:(?:goes|going) out\s+)?"
        r"(?:tmrw|tomorrow|tomorow|mon|tues?|wed|thu|thurs|fri|monday|tuesday|wednesday|thursday|"
        r"friday|next (?:week|wk))\b|"
        r"\bpagamos" + _LATER,
        needs_date=True,
    ),
    _c(
        I.wrong_contact,
        0.8,
        r"\b(?:(?:don't|do not|doesn't|does not) handle (?:payables|billing|invoices|accounts|"
        r"payments|vendor bills|that|this)|not who you want|wrong (?:department|office|entity|"
        r"company|branch)|not (?:the|our) (?:billing|ap|payables|right) (?:contact|person)|"
        r"(?:please )?redirect (?:the|this|your|these) (?:invoices?|bills?|statements?)|"
        r"(?:send|direct|address) (?:everything|all (?:invoices|bills|statements|correspondence)|"
        r"invoices|bills|statements|future (?:invoices|statements|correspondence)) (?:going "
        r"forward )?to\b|going forward,? (?:please )?(?:send|email|contact|direct)|sold the "
        r"(?:practice|business|company|store|shop)|is no longer (?:here|with)|ya no (?:llevo|"
        r"trabajo|laboro|estoy|soy)|(?:je )?ne (?:m'occupe|travaille) plus|nicht mehr (?:zuständig|"
        r"für|bei|im)|niet meer (?:werkzaam|verantwoordelijk)|non (?:lavoro|sono|mi occupo) più|"
        r"não (?:trabalho|sou|estou) mais|deixei de|dejará de funcionar|no longer (?:be )?"
        r"(?:monitored|active|in use))\b",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:did(?: not|n't) take place|never (?:took place|happened|showed up)|shouldn't exist|"
        r"should not exist|(?<!i'll )(?<!we'll )(?<!i will )(?<!we will )void (?:the|this|that|it|invoice)\b|(?:will not|won't|are not going to|"
        r"not going to|refuse to) pay\b[^.]{0,60}\b(?:until|unless)\b(?![^.]{0,40}\b(?:confirm\w*|verif\w*|w-?9|bank|po|"
        r"purchase order|approv\w*|sign\w*)\b)|correct the invoice|fix the "
        r"invoice|failed (?:our |the |your )?(?:\w+ )?(?:inspection|test)|out of spec|non-?conform\w*)",
        reason="other",
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:billed|charged|invoiced)(?: us)?(?: for)? [\d,.]+[^.]{0,50}\b(?:received|got|"
        r"delivered|counted) [\d,.]+|\b(?:ship|shipped|sent|deliver\w*) (?:us )?\d+[^.]{0,30}"
        r"\b(?:invoice|bill)\w* (?:say|says|show|shows|list|lists) \d+",
        reason="quantity",
    ),
    # --- dispute in the six other languages: counts, prices, errors, things not ordered -------
    _c(
        I.dispute,
        0.8,
        r"\b(?:faltaron|faltan|faltó|faltaba[n]?|(?:ci |nos |ons )?manca(?:no|vano|va)|fehl(?:en|ten|"
        r"te|t)|manqu(?:e|ent|aient|ait)|ontbr(?:eken|aken|eekt|ak)|faltam|faltaram|faltava[m]?|"
        r"falta|manca)\s+"
        r"(?:\w+\s+)?\d|\b(?:(?:nicht|nie|niemals) bestellt|(?:nooit|niet) besteld|(?:non|mai) (?:l'|li |le |lo |la )?(?:abbiamo )?(?:mai )?ordinat[oaie]|jamais command[ée]e?s?|nunca (?:lo |la |los |las )?(?:hemos )?ped(?:imos|ido)|nunca (?:os |as |o |a )?(?:encomendamos|pedimos)|no (?:lo |la |los |las )?(?:hemos )?pedid[oa]s?|pas "
        r"command[ée]e?s?|non (?:l'|li |le )?(?:abbiamo )?ordinat[oaie]|niet besteld|não (?:os |as |o |a )?"
        r"(?:encomendamos|pedimos))\b|\b(?:erreur sur (?:la |le |les )?(?:quantité|nombre)|error en "
        r"(?:la |las )?cantidad(?:es)?|errore (?:nella|nelle|sulla|sulle) quantità|fout in de "
        r"(?:hoeveelheid|aantallen)|fehler (?:in|bei) der (?:menge|stückzahl)|erro na quantidade)\b",
        reason="quantity",
    ),
    _c(
        I.dispute,
        0.8,
        r"\b(?:prezzo diverso|divers[oa] da quell[oa] (?:concordat|pattuit|offert)|valor errado|preço "
        r"errado|o combinado (?:era|foi)|lo acordado (?:era|fue)|precio (?:distinto|diferente|"
        r"incorrecto|equivocado)|weicht [^.]{0,30}\bab\b|abweichend\w* (?:preis|betrag)|(?:preis|betrag)"
        r"\w* (?:ist |sind )?(?:falsch|stimmt nicht|stimmen nicht)|prix (?:différent|erroné|incorrect)|"
        r"(?:montant|prix) ne correspond pas|andere prijs|afwijk\w* van (?:de |het )?(?:offerte|prijs|"
        r"contract)|bedrag (?:klopt niet|is onjuist|is niet juist)|prijs (?:klopt niet|is onjuist)|"
        r"(?:importe|montant|importo|bedrag|betrag|valor|prix|precio|prezzo|preço|prijs|preis)\w* "
        r"(?:es|est|è|is|ist|está|é|was|war|era|était) (?:\w+ )?(?:incorrecto|erróneo|equivocado|erroné|"
        r"incorrect|errato|sbagliato|onjuist|fout|falsch|errado|incorreto)|"
        r"importe (?:incorrecto|erróneo|equivocado)|montant (?:erroné|incorrect)|importo (?:errato|"
        r"sbagliato|non corretto)|valor (?:incorreto|errado)|erreur sur (?:le |les )?(?:prix|montant|"
        r"tarif)|error en (?:el )?(?:precio|importe)|errore (?:nel|sul) (?:prezzo|importo)|fout in de "
        r"prijs|fehler (?:im|beim) preis|erro no (?:preço|valor))\b",
        reason="pricing",
    ),
    # Goods not received, in six languages: the negation, then the verb of receiving or arriving, then
    # the goods ("nous n'avons jamais reçu la marchandise", "não recebemos a encomenda"), or the goods
    # first ("de bestelling hebben we nooit ontvangen", "la merce non è mai arrivata"). A document not
    # received (an invoice, a credit note) is not goods not received.
    _c(
        I.dispute,
        0.8,
        r"\b(?:pas|jamais|rien|no|nunca|n[ãa]o|non|mai)\b (?:\w+ ){0,2}?(?:reçue?s?|recibid[oa]s?|recibimos|"
        r"recebemos|recebi|recebid[oa]s?|ricevut[oaie]|arrivat[oaie]|consegnat[oaie]|entregad[oa]s?|"
        r"livrée?s?) (?:la |le |les |l'|el |los |las |o |a |os |as |il |i |lo |gli |nuestr[oa]s? |"
        r"notre |nos |nossa |nosso |nostr[oa] |ningún |ninguna |nenhuma? |aucune? )?(?:marchandises?|"
        r"colis|commande|livraison|matériel|produits?|articles?|pièces?|mercancías?|mercadería|"
        r"pedido|entrega|paquetes?|mercadorias?|encomendas?|materia(?:l|le)|produtos?|merce|"
        r"prodott[oi]|articol[oi]|pacc[oh]i?|ordine)\b|\b(?:marchandises?|colis|commande|livraison|"
        r"mercancías?|mercadería|pedido|mercadorias?|encomendas?|merce|consegna|ordine|goederen|"
        r"levering|bestelling|zending|pakket|ware|lieferung|bestellung|sendung|paket)\b(?:(?!rechnung|"
        r"factur|fattur|fatur|invoice|avoir|gutschrift|creditnota)[^.]){0,40}"
        r"\b(?:nooit|niet|nie|nicht|niemals|jamais|pas|no|nunca|n[ãa]o|non|mai)\b (?:\w+ ){0,2}?"
        r"(?:ontvangen|geleverd|aangekomen|erhalten|bekommen|geliefert|angekommen|arrivée?s?|"
        r"livrée?s?|reçue?s?|llegó|llegaron|ha llegado|recibid[oa]|chegou|chegaram|recebid[oa]s?|"
        r"arrivat[oaie]|consegnat[oaie]|ricevut[oaie])\b(?![^.]{0,25}\b(?:factur\w*|fattur\w*|"
        r"fatur\w*|rechnung\w*|pago|pagamento|paiement|zahlung|betaling|avoir|gutschrift|creditnota|"
        r"nota))",
        reason="not_received",
    ),
    # Goods that never came, said with a verb of arriving or delivering after "never", whatever the
    # goods are called ("die Paletten sind nie angekommen", "a mercadoria nunca foi entregue", "the
    # parts never showed up", "la merce non è mai arrivata"). Not when the clause is about a document,
    # a payment or a mail ("the invoice never arrived", "your e-mail nie angekommen"); Italian "mai"
    # only before an Italian verb (not the German month "im Mai geliefert").
    _c(
        I.dispute,
        0.8,
        r"^(?:(?!(?<!\bda )(?<!\bdo )(?<!\bof )(?<!\bder )(?<!\bzur )(?<!\bdel )(?<!\bdella )(?<!\bde la )"
        r"(?<!\bvan de )(?:invoice|rechnung|factur|fattur|fatur)|bill\b|statement|gutschrift|creditnota|avoir|"
        r"\bnota\b|credit|payment|zahlung|überweisung|pago|pagamento|paiement|virement|betaling|"
        r"mahnung|erinnerung|reminder|notice|avis\b|aviso|sollecito|herinnering|aanmaning|boleto|"
        r"quote|angebot|offerte|devis|preventivo|presupuesto|orçamento|copy|kopie|copie|copia|"
        r"cópia|kontoauszug|relevé|estratto|extracto|extrato|pdf|link|"
        r"bonifico|transferencia|transferência|mail|check|cheque|scheck|reply|answer|antwort|"
        r"respuesta|resposta|risposta|antwoord|réponse|letter|brief|carta|lettre|document|dokument|"
        r"documento|message|nachricht|mensaje|mensagem|messaggio|bericht)[^.]){0,80}?\b(?:(?:never|nie|"
        r"niemals|nooit|nunca|jamais)\b (?:\w+ ){0,2}?(?:arrived|showed up|turned up|been delivered|"
        r"angekommen|eingetroffen|angeliefert|geliefert|zugestellt|aangekomen|geleverd|bezorgd|"
        r"llegó|llegaron|llegado|entregad[oa]s?|entregues?|chegou|chegaram|arrivée?s?|livrée?s?|"
        r"arrivat[oaie]|consegnat[oaie])|mai (?:\w+ ){0,1}?(?:arrivat[oaie]|consegnat[oaie]|"
        r"giunt[oaie]|pervenut[oaie]))\b(?!\s+(?:\w+\s+){0,2}(?:invoice|rechnung|factur|fattur|fatur|"
        r"nota|gutschrift|creditnota|avoir|pago|pagamento|payment))",
        reason="not_received",
    ),
    # Billed twice, the verb of billing or charging and "twice" in either order ("fatturata due
    # volte", "faturaram duas vezes", "twee keer gefactureerd", "zweimal abgerechnet", "doppelt
    # belastet"). Not paid twice (a payment of theirs), nor charged twice the price (pricing).
    _c(
        I.dispute,
        0.85,
        r"\b(?:"
        + _BILLED
        + r")\b[^.]{0,25}?\b(?:"
        + _TWICE
        + r")\b(?!\s+(?:\w+\s+){0,2}?(?:as much|"
        r"more|price|prices|rate|rates|amount|quoted|agreed|prix|tarif|precio|prezzo|preço|preis|"
        r"prijs|plus|más|mais|più|so viel|zoveel))|\b(?:"
        + _TWICE
        + r")\b(?:\s+\w+){0,2}?\s+(?:"
        + _BILLED
        + r")\b",
        reason="duplicate",
    ),
    # A price above what was agreed, the comparative first: "más caro que lo pactado", "plus élevé
    # que le devis", "höher als vereinbart", "hoger dan afgesproken", "superior ao orçamento".
    _c(
        I.dispute,
        0.8,
        r"\b(?:superior\w*|más car[oa]s?|más alt[oa]s?|plus (?:cher|chère|élevée?s?)|mais car[oa]s?|"
        r"mais alt[oa]s?|più (?:car[oa]|alt[oa])|höher|teurer|hoger|duurder)\b[^.]{0,25}\b(?:acordad|"
        r"pactad|presupuest|cotizad|convenu|devis|combinad|orçad|orçament|concordat|pattuit|"
        r"preventiv|offert|vereinbart|angebot|afgesproken)\w*",
        reason="pricing",
    ),
    # Fewer received than ordered, in six languages: a verb of receiving or arriving near a count,
    # then "instead of" another count ("reçu 4 palettes au lieu de 6", "14 rollen ontvangen in
    # plaats van 16"), or "only" a count received ("geliefert wurden nur 12", "ne ... reçu que 8").
    # Not a count of invoices, days or money.
    _c(
        I.dispute,
        0.8,
        r"(?:\b(?:received|got|delivered|reçue?s?|livrée?s?|arrivée?s?|recibimos|recibido|llegaron|l"
        r"legó|entregaron|ontvangen|geleverd|aangekomen|geliefert|erhalten|bekommen|angekommen|arriv"
        r"at[oaie]|ricevut[oaie]|consegnat[oaie]|chegaram|chegou|recebemos|recebid[oa]s?|entregaram)"
        r"\b[^.]{0,30}?\b\d+(?![\d,.]*\s*(?:invoices?|rechnung\w*|factur\w*|fattur\w*|fatur\w*|e-?ma"
        r"ils?|days?|tage\w*|jours|días|dias|giorni|dagen|%|€|\$|eur|euros?)\b)|\b\d+(?![\d,.]*\s*(?"
        r":invoices?|rechnung\w*|factur\w*|fattur\w*|fatur\w*|e-?mails?|days?|tage\w*|jours|días|dia"
        r"s|giorni|dagen|%|€|\$|eur|euros?)\b)\b[^.]{0,25}\b(?:received|got|delivered|reçue?s?|livré"
        r"e?s?|arrivée?s?|recibimos|recibido|llegaron|llegó|entregaron|ontvangen|geleverd|aangekomen"
        r"|geliefert|erhalten|bekommen|angekommen|arrivat[oaie]|ricevut[oaie]|consegnat[oaie]|chegar"
        r"am|chegou|recebemos|recebid[oa]s?|entregaram))\b[^.]{0,25}?\b(?:instead of|rather than|au "
        r"lieu de|en (?:lugar|vez) de|in plaats van|(?:an)?statt|invece di|anziché|em (?:vez|lugar) "
        r"de)\s+(?:\w+\s+)?\d+|\b(?:only|nur|lediglich|seulement|que|solo|solamente|sólo|apenas|some"
        r"nte|slechts|maar|soltanto)\s+\d+(?![\d,.]*\s*(?:invoices?|rechnung\w*|factur\w*|fattur\w*|"
        r"fatur\w*|e-?mails?|days?|tage\w*|jours|días|dias|giorni|dagen|%|€|\$|eur|euros?)\b)\b[^.]{"
        r"0,25}\b(?:received|got|delivered|reçue?s?|livrée?s?|arrivée?s?|recibimos|recibido|llegaron"
        r"|llegó|entregaron|ontvangen|geleverd|aangekomen|geliefert|erhalten|bekommen|angekommen|arr"
        r"ivat[oaie]|ricevut[oaie]|consegnat[oaie]|chegaram|chegou|recebemos|recebid[oa]s?|entregara"
        r"m)\b|\b(?:received|got|delivered|reçue?s?|livrée?s?|arrivée?s?|recibimos|recibido|llegaron"
        r"|llegó|entregaron|ontvangen|geleverd|aangekomen|geliefert|erhalten|bekommen|angekommen|arr"
        r"ivat[oaie]|ricevut[oaie]|consegnat[oaie]|chegaram|chegou|recebemos|recebid[oa]s?|entregara"
        r"m)\b[^.]{0,25}\b(?:only|nur|lediglich|seulement|que|solo|solamente|sólo|apenas|somente|sle"
        r"chts|maar|soltanto)\s+\d+(?![\d,.]*\s*(?:invoices?|rechnung\w*|factur\w*|fattur\w*|fatur\w"
        r"*|e-?mails?|days?|tage\w*|jours|días|dias|giorni|dagen|%|€|\$|eur|euros?)\b)",
        reason="quantity",
    ),
    # A count short, "only" before the verb ("solo nos llegaron 8 de los 12", "only arrived 8"), or
    # a count "of" a count beside a verb of receiving ("8 of the 12 arrived", "nur 8 von 12
    # geliefert", "reçu 8 sur 12"). Not invoices, days, money or a size ("16 of the 40-ft poles");
    # not a count someone else reports ("the site super says only 18 of 20 arrived"): that is
    # being checked.
    _c(
        I.dispute,
        0.8,
        _UNREPORTED
        + r".*?(?:"
        + _ONLY
        + r"\s+(?:(?:\w+\s+){0,2}?"
        + _RECV
        + r"\s+(?:\w+\s+)?\d+\b"
        + _NOT_A_COUNT
        + r"|\d+\b"
        + _NOT_A_COUNT
        + r"[^.]{0,25}\b"
        + _RECV
        + r"\b)|\b"
        + _RECV
        + r"\b[^.]{0,30}?\b"
        + _COUNT_OF
        + r"|\b"
        + _COUNT_OF
        + r"[^.]{0,30}\b"
        + _RECV
        + r"\b)",
        reason="quantity",
    ),
    # --- wrong_contact --------------------------------------------------------------------------
    _c(
        I.wrong_contact,
        0.85,
        r"\b(?:not the right person|wrong (?:person|email|contact|address|guy|dept|department)|"
        # terse: "left the co", "nicht zuständig", "unsubscribe"
        r"^\W*(?:(?:i|he|she) )?left the (?:co|company|firm)\b|^\W*(?:pls |please |plz )?(?:remove|"
        r"take) me off\b|^\W*(?:pls |please |plz )?remove me\W*$|^\W*nicht zuständig|^\W*unsubscribe\W*$|"
        r"no longer (?:with|at|works?|handles?|responsible|monitored)|not (?:the )?(?:right|correct|"
        r"appropriate|responsible) (?:person|contact)|(?:i|he|she) (?:has |have )?(?:left|retired)|"
        r"i'm retiring|i am retiring|don't work (?:at|for)|do not work (?:at|for)|only handle|"
        r"has moved to|i'm the new|i am the new|nicht mehr bei uns|nachfolger\w*|n'est plus|ne m'occupe plus|ya no trabaj\w+|no es la persona|"
        r"nicht (?:der|die) (?:richtige|zuständige)\w* (?:ansprechpartner\w*|person|stelle|kontakt)|"
        r"(?:bin|sind) (?:dafür |hierfür |da )?nicht zuständig|pas (?:la bonne personne|le bon "
        r"interlocuteur|la bonne interlocutrice|le bon contact)|no soy la persona|não (?:sou|é) a "
        r"pessoa (?:certa|correta|indicada)|niet de juiste (?:persoon|contactpersoon)|non (?:sono|è) "
        r"la persona (?:giusta|corretta|indicata)|"
        r"nicht mehr (?:zuständig|im (?:haus|unternehmen)|für \w+ zuständig)|(?:hat|haben) (?:uns|das "
        r"unternehmen|die firma) verlassen|ist (?:nicht mehr|ausgeschieden)|ne (?:suis|sommes) plus (?:en "
        r"charge|responsable|chargée?|dans|chez|au sein)|ne (?:travaille|travaillons) plus|(?:a|ont) quitté (?:la société|l'entreprise|nos effectifs|le groupe)|"
        r"ya no (?:soy|es|está|estoy|somos|llevo|lleva)|(?:dejó|ha dejado) la empresa|non (?:sono|è|"
        r"lavora|lavoro|siamo) più|ha lasciato (?:l'azienda|la società)|j[áa] n[ãa]o (?:sou|é|"
        r"trabalha|trabalho|estou|está)|n[ãa]o (?:sou|é|trabalha|está) mais|saiu da empresa|"
        r"niet meer (?:werkzaam|verantwoordelijk|in dienst|bij ons|bij \w+)|werkt (?:hier )?niet meer|"
        r"is uit dienst|"
        # no longer handling it, in five languages: "je ne gère plus les fournisseurs", "ya no
        # gestiono pagos", "non gestisco più", "betreue ich nicht mehr", "não cuido mais"
        r"ne (?:gère|gérons|traite|traitons) plus|ya no (?:gestiono|manejo|veo|atiendo)|"
        r"non (?:gestisco|seguo|curo) più|(?:betreue|bearbeite) (?:ich |wir )?\w* ?nicht mehr|"
        r"não (?:cuido|trato|sou responsável) mais|"
        r"is gone|don't email me|remove (?:me|my (?:name|address|email)) from|unsubscribe me|nehmen sie "
        r"mich aus|retirez-moi de|eliminarme de|rimuovetemi|verwijder mij|stop sending (?:\w+ )?(?:to )?me|stop sending "
        r"(?:to )?me|not to me|not me)\b",
    ),
    _c(
        I.wrong_contact,
        0.8,
        r"\b(?:contact|send|address|direct|forward|forwarded|email|write|"
        r"reach out|deal with|handled at|adresser|écrire|escriban|wenden|diríjase|envíe|cc)\b[^.]{0,60}"
        r"emailaddr|emailaddr\W{0,3}[^.]{0,40}\b(?:zuständig|responsable|responsabile|verantwoordelijk|"
        r"encargad[oa]|responsável|in charge)\b|\b(?:zuständig|responsable|responsabile|"
        r"verantwoordelijk|encargad[oa]|responsável|in charge)\b[^.]{0,60}emailaddr",
    ),
    _c(
        I.wrong_contact,
        0.75,
        # Not "quote our PO on all future invoices": what goes on them, not where they go.
        r"\b(?:handled (?:at|by) corporate|going forward|from now on|(?<!on )(?<!in )all "
        r"future|new (?:bookkeeper|contact|ap contact)|claims to the)\b",
        claim=True,
    ),
    # Mail no longer taken, a portal to use instead (README: "a portal to use instead of
    # email"): "ya no se reciben por correo", "nicht mehr per E-Mail", "plus par e-mail".
    _c(
        I.wrong_contact,
        0.75,
        r"\b(?:ya no (?:se )?(?:reciben|aceptan|recibimos|aceptamos)|nicht mehr per|(?:ne sont )?plus "
        r"(?:acceptées? |traitées? |reçues? )?par|non (?:più )?(?:accettat\w+ )?(?:via|per|tramite)|"
        r"niet meer (?:per|via)|não (?:\w+ )?mais (?:por|via))\s+(?:\w+ )?(?:e-?mail|mail|correo|"
        r"courriel|posta elettronica)\b|\b(?:deben|müssen|doivent|devono|moeten|devem)\b[^.]{0,30}"
        r"\b(?:subirse|cargarse|subir|cargar|eingereicht|hochgeladen|déposées?|caricat[ei]|"
        r"geüpload|ingediend|enviad[oa]s|lançad[oa]s)\b[^.]{0,30}\b(?:portal|portail|portale|"
        r"plattform|plateforme|piattaforma|plataforma)\b|"
        # the same in English: "invoices must be submitted through our Coupa portal"
        r"\b(?:must|need to|needs to|have to|has to|should|shall|only)\b[^.]{0,30}\b(?:submitted|"
        r"uploaded|entered|loaded|sent|received)\s+(?:\w+\s+){0,2}(?:through|via|in|into|on|"
        r"using)\s+(?:our |the )?(?:\w+ ){0,2}(?:portal|platform|coupa|ariba|tungsten|basware|"
        r"jaggaer)\b|\bplease (?:submit|upload|enter|send) (?:\w+ ){0,3}(?:through|via|in|into|"
        r"on|using) (?:our |the )?(?:\w+ ){0,2}(?:portal|platform|coupa|ariba|tungsten|basware|"
        r"jaggaer)\b",
    ),
    # --- broader phrasings, written from how AR customers commonly write (not from eval cases) -
    _c(
        I.payment_sent,
        0.75,
        r"\b(?:already paid|paid in full|proof of payment|payment (?:has been|was) "
        r"(?:made|completed|processed|sent|settled)|funds (?:were|have been) (?:sent|transferred|released)|"
        r"(?:has|have) been settled|was debited|bank confirmation(?! letter)|ha sido pagad[ao]|"
        r"(?<!litige )(?<!différend )(?<!problème )(?<!souci )(?<!malentendu )(?<!incident )(?<!question )(?<!tout )a été réglée?|"
        r"wurde (?:bezahlt|überwiesen|beglichen)|zelle|paypal)\b",
        claim=True,
    ),
    _c(
        I.promise_to_pay,
        0.75,
        r"\b(?:expect (?:the )?payment|payment (?:is expected|should go out|will be "
        r"made|will be processed|will be released)|we'll have (?:it|payment) to you|planning to pay|hoping to pay|"
        r"will be paid)\b",
        needs_date=True,
    ),
    _c(
        I.dispute,
        0.75,
        r"\b(?:invoice is (?:wrong|incorrect)|incorrect invoice|billing error|error on (?:the|your|this) "
        r"invoice|overbilled|over-billed|not what we ordered|wrong items?|never ordered|didn't order|did not order|"
        r"not authori[sz]ed|unauthori[sz]ed|discrepanc\w+|does(?:n't| not) match (?:the |our )?(?:quote|po|"
        r"contract|agreed)|contracted rate|on hold pending"
        + _AWAITING_DOC
        + r"|work was (?:incomplete|not completed)|not satisfied|"
        r"(?:work|job|installation|install|repair|project|punch list) (?:is|was|has been|remains|"
        r"is still|was still)(?:n't| not)? (?:still )?(?:incomplete|unfinished|not (?:yet )?"
        r"(?:finished|completed|complete|done))|(?:work|job|installation|install|repair|project) "
        r"(?:isn't|wasn't|hasn't been|has not been|is not|was not) (?:yet )?(?:finished|"
        r"completed|complete|done))",
        reason="other",
    ),
    # A whole invoice withheld, not an amount taken off it: "la 1042 la tenemos retenida".
    WITHHELD_INVOICE,
    # Held until the price is put right: "I'm not approving it until it matches the quote"; "I
    # need to push back on 9931".
    _c(
        I.dispute,
        0.75,
        r"\b(?:until|unless|till) (?:it|this|the invoice|the bill|the price|the pricing|they) "
        r"match(?:es)? (?:the |our |what we were )?(?:quote|quoted|po|contract|agreed|pricing|price)\b",
        reason="pricing",
    ),
    _c(I.dispute, 0.75, r"\bpush(?:ing)? back on\b", reason="other"),
    # An invoice held back with a reason after it: "4415 is on hold - the hours are double".
    _c(
        I.dispute,
        0.7,
        r"\b(?:invoices?|inv|bills?|\d{3,}|[a-z]{1,5}-\d[\w-]*) (?:is|are|remains?|stays?|(?:has |have "
        r")?(?:been )?(?:put|placed|kept)) on hold\b"
        + _AWAITING_DOC
        + r"(?=\s*(?:-|–|:|;|,|because|since|as|until|till|"
        r"pending|due to|while|for))",
        reason="other",
    ),
    _c(
        I.short_pay,
        0.8,
        r"\b(?:partial payment|short[- ]?paid|chargeback|charge-back|debit memo|"
        r"withholding \$?[\d,.]+|paid the difference)\b",
    ),
    _c(
        I.missing_po,
        0.8,
        r"\b(?:invoice (?:was|has been|got) (?:rejected|returned|bounced)|(?:can't|cannot|"
        r"couldn't|unable to) (?:be )?process\w*|vendor id|supplier id|goods receipt|must (?:include|reference|"
        r"show))\b",
    ),
    _c(
        I.invoice_request,
        0.8,
        r"\b(?:need|want|request|requesting) (?:a |the |an )?(?:copy|copies|"
        r"duplicate|statement|w-?9|tax id|itemi[sz]ed|detailed invoice)\b|\bdo you have (?:a |the )?"
        r"(?:copy|statement|invoice)\b",
    ),
    _c(
        I.extended_terms,
        0.75,
        r"\b(?:(?:our|the) (?:payment )?terms (?:are|were|is)|per our (?:agreement|"
        r"contract),? (?:payment|invoices?) (?:is|are) due|due (?:in|within) (?:45|60|75|90|120) days)\b",
    ),
    _c(
        I.financial_distress,
        0.8,
        r"\b(?:tough|hard|difficult|rough) (?:time|times|spot|patch|period)|"
        r"(?:money|cash|funds) (?:is |are |'s )?(?:tight|short|low)\b|slow season|(?:can't|cannot|unable to) make "
        r"(?:the |this )?payment|(?:split|spread) (?:the |it |this )?(?:payments?|balance|amount)|partial "
        r"payments over|filed for|restructuring|going under|waiting (?:on|for) (?:our )?(?:customers?|clients?) "
        r"to pay|until (?:our )?(?:customer|client) pays\b",
    ),
    _c(
        I.wrong_contact,
        0.8,
        r"\b(?:no longer (?:works?|employed) (?:here|with us|at)|(?:has|have) left "
        r"(?:the company|us|our company)|left the company|not my department|i don't handle|i do not handle|"
        r"forward (?:this|it) to|please direct)\b",
    ),
    # Who to write to in an insolvency: "the trustee is David Stern; all claims go through him".
    _c(
        I.wrong_contact,
        0.8,
        r"\b(?:the|our|court-appointed) (?:bankruptcy )?(?:trustee|receiver|assignee|liquidator|"
        r"administrator) (?:is|will be)\b|\ball (?:claims|inquiries|correspondence|creditor inquiries) "
        r"(?:go|should go|must go|are to go|need to go) (?:through|to)\b",
        claim=True,
    ),
    # Sold or merged, or someone else to talk to: "Bell Consulting was acquired by Harmon Group
    # in October", "you need to talk to Denise Lowe".
    _c(
        I.wrong_contact,
        0.8,
        r"\b(?:(?:was|were|has been|have been) (?:acquired|bought|purchased) by|merged "
        r"(?:with|into)|(?:you(?:'ll)? (?:need|want|have) to|you should|please) (?:talk|speak) (?:to|"
        r"with) (?!me\b|us\b|your\b))",
        claim=True,
    ),
    # "take me off this list, I haven't worked in accounting for 2 years"
    _c(
        I.wrong_contact,
        0.8,
        r"\b(?:take me off (?:this|your|the) (?:\w+ )?(?:list|emails?|mailing)|"
        r"(?:haven't|have not|hasn't|has not|no longer) work(?:ed)? in (?:accounting|accounts payable|"
        r"ap|billing|finance|the business office)\b)",
        claim=True,
    ),
    # Who keeps the books now, said of someone else: "Tom Becker is handling the firm's
    # accounts now", "jessica does the books", "Alice retired in September".
    _c(
        I.wrong_contact,
        0.8,
        r"(?<!\bi )(?<!\bwe )(?<!\bwho )\b(?:is (?:now )?(?:handling|taking care of|responsible for|in "
        r"charge of|managing|doing)|(?:now )?(?:handles|does|keeps|manages|takes care of|looks after)) "
        r"(?:the |our |all |all of our |all the )?(?:\w+'s? )?(?:books|bookkeeping|billing|bills|payables|"
        r"accounts payable|accounts|ap|invoices|vendor (?:bills|payments|invoices))\b|\b(?:has |have )?retired (?:in|"
        r"last|this|at the end|as of|on)\b",
        claim=True,
    ),
    NOT_US,
    # --- auto_reply (text; headers are checked before any cue) ----------------------------------
    _c(
        I.auto_reply,
        0.9,
        r"\b(?:out of (?:the )?office|ooo|on (?:annual |parental |maternity |"
        r"sick )?leave|on vacation|on holiday|jury duty|away from (?:my|the) (?:desk|office)|limited "
        r"access to e-?mail|automatic reply|auto-?reply|nicht im büro|abwesend|absente?|réponse "
        r"automatique|fuera de la oficina|respuesta automática|mensaje automático|ledig till|has been "
        r"received and is being reviewed|i will respond (?:upon|when|on) (?:my )?return|automatische "
        r"antwort|(?:this is an |an )?automated (?:acknowledg\w*|response|reply)|ticket (?:#\s?\S+ |"
        r"number \S+ |id \S+ )?(?:has been|was) (?:created|opened|logged|raised)|"
        # "your request has been received and assigned ticket #448291", "on a job site with no email"
        r"(?:received|logged) and (?:has been )?assigned (?:a )?(?:ticket|case|reference)|(?:with|have) "
        r"no (?:access to )?e-?mail(?: access)?)\b|"
        r"\b(?:sono|sarò|ich bin|bin ich|je suis|je serai|estoy|estaré|estou|estarei|"
        r"ik ben)\b[^.]{0,12}\b(?:in (?:ferie|vacanza)|fuori (?:ufficio|sede)|assente|afwezig|met verlof|"
        r"niet (?:aanwezig|op kantoor)|ausente|de (?:férias|licença)|im urlaub|en vacances|"
        r"en congés?|de vacaciones)\b[^.]{0,25}\b(?:fino al?|bis|jusqu|hasta|até|tot)\b",
    ),
]

AUTO_REPLY_SUBJECT = re.compile(
    r"^\s*(?:auto(?=:)|automatic reply|auto(?:matic)?[- ]?reply|out of (?:the )?office|abwesenheitsnotiz|"
    r"réponse automatique|respuesta automática|autosvar|afwezig|automatisch antwoord|automatische "
    r"antwort)\b",
    re.I,
)

WITHHELD_AMOUNT = (
    # an amount set against another: "900 of the 1,100", "the other $200", "rather than",
    # "not the $12,620 on the statement", "we're not paying the $312 standby"
    r"\d of the [$€£]?\s?\d|the other [$€£]?\s?\d|rather than|not (?:the |that |your )[$€£]?\s?\d|not [$€£]\s?\d|"
    r"(?:\w+n't|not|never) (?:be )?(?:pa(?:y|id|ying)|remit\w*|includ\w*)(?: for)? (?:the |that |"
    r"this |your |for )?[$€£]?\s?\d|not in full|nicht in voller|pas en totalit|pas la totalit|"
    # taking, netting, offsetting, withholding, in every language we read
    r"(?:took|taken|take|takes|taking|pulled|pull|came|comes|come|knocked) (?:the |our |that )?"
    r"[$€£]?\s?\d[\d.,]*\s?(?:[$€£]|eur|usd|gbp|cad|aud)?\s?off\b|"
    r"net(?:ted|ting)\b|net of|offset\w*|set[- ]off|variance|reten[cç]\w*|retid[oa]s?|ritenut\w*|"
    r"verrechne\w*|aufgerechnet|weniger|abzgl|compens\w*|in mindering|verrekend|al netto|"
    r"(?:niet|nicht|pas|non|não) (?:\w+ )?(?:betaald|bezahlt|payé\w*|pagat[oi]|pag[oa]s?)\b"
)
"""Less paid than billed, said of an amount: "the other $200", "not paying the $95 fee",
"net of the rebate", "al netto della penale" (a regex fragment, no groups)."""
SHORT_EVIDENCE = re.compile(
    r"\b(?:less|deduct\w*|short\w*|withh\w*|held back|minus|difference|instead of|all but|backcharge\w*|"
    r"back-charge\w*|charge-?back\w*|knock(?:ed|ing)? off|took off|take off|taking|retain\w*|adj\w*|"
    r"discount|rebate|light|partial|balance of|rest of|remaining|net of|except|excluding|without "
    r"the|abgezogen|abzug|abzüglich|einbehalten|differenz|restbetrag|skonto|statt|déduit|"
    r"déduction|retenu\w*|moins|au lieu|escompte|solde|descont\w*|retenid\w*|en lugar|"
    r"diferencia|resto|trattenut\w*|trattenendo|detratt\w*|invece|abbuono|sconto|ingehouden|"
    r"korting|in plaats van|verschil|min\b|desconto|retenção|em vez|diferença|took\b[^.]{0,30}\boff|"
    r"deduct|keep|kept|retain|retuv|retiv|retenant|gekürzt|kürzen|correspond|apenas|solo|only|"
    r"not coming|menos|not \$|wht|ewt|tds|cwt|irrf|(?:took|taken|taking|left|leaving|pulled) (?:out|off)|removed|"
    r"excluded|omitted|subtracted|déduisant|togliendo|tolt[oi]|sottra\w*|restando|deduciendo|"
    r"deduzindo|aftrekkend|"
    rf"{WITHHELD_AMOUNT}|"
    r"inferiore|descuento|penal\w*|liquidated damages|tax[- ]exempt|exonér\w*|"
    r"at the (?:po|old|quoted|agreed|contract|partner|list) (?:price|rate)|hold(?:ing)? back|"
    r"retention|\d\s?% off|extra [$€£]?\s?\d|\d extra\b|meno\b|houden (?:we|wij)\b)",
    re.I,
)
"""Words that say less was paid than billed: a short pay without any of them is not one."""
RESOLVED = re.compile(
    r"\b(?:(?:(?:has|have) been|was|were|is|are|got) (?:all |now )?(?:resolved|settled|"
    r"sorted(?: out)?|"
    r"cleared up|fixed|closed)|no longer (?:in )?dispute|nothing (?:is )?(?:in )?disputed?|no dispute|"
    r"not a dispute|(?:not|n't) (?:have )?any disputes?|disputing nothing|(?:not|n't) disput\w*|"
    r"ne contest\w* (?:pas|rien)|ne (?:le |la |les )?contest\w* pas|no (?:disputamos|impugnamos|"
    r"cuestionamos|discutimos)|non contest\w*|não contest\w*|(?:bestreiten|beanstanden) "
    r"(?:wir |ich )?(?:nicht|nichts)|betwisten (?:wij |we |ik )?niet|(?:bestreiten|beanstanden|betwisten|"
    r"contestons|contestamos|contestiamo)\b[^.]{0,30}\b(?:nicht|niet|pas)\b|è chius[ao]|hat sich[^.]{0,40}"
    r"\berledigt|is afgehandeld|est close|está cerrad[oa]|not (?:100% |completely |totally |entirely )?sure|"
    r"let me check|"
    r"hat sich erledigt|ist erledigt|est réglée?|a été résolue?|está resuelt[oa]|se ha resuelto|"
    r"is opgelost|è stat[oa] risolt[oa]|foi resolvid[oa]|(?:clears?|cleared|clearing) up|"
    r"(?:that|this|which) (?:resolves|settles|closes|fixes|sorts out) (?:it|that|the)|"
    r"(?:tutto|è) chiarit[oa]|tutto chiaro|alles (?:klar|geklärt)|ist geklärt|todo claro|"
    r"(?:est|tout est) (?:clair|éclairci)|alles duidelijk|tudo (?:claro|esclarecido)|"
    r"(?:all|everything(?:'s| is)?) (?:clear|sorted|good)(?: now)?)\b"
)
"""A dispute that is over, or denied: its words are not a dispute now."""
BOUNCE = re.compile(
    r"\b(?:delivery has failed|undeliverable|undelivered mail|delivery status notification|"
    r"mail delivery (?:failed|subsystem|system)|(?:couldn't|could not|cannot|can't) be delivered|"
    r"address (?:you entered )?(?:couldn't|could not) be found|recipient (?:address )?"
    r"(?:not found|rejected)|user unknown|no such user|mailbox (?:unavailable|not found|"
    r"does not exist)|message not delivered|returned mail|unzustellbar|nicht zugestellt|"
    r"non remis|non distribuable|no se (?:pudo|puede) entregar|onbestelbaar|niet bezorgd|"
    r"mancato recapito|não entregue)\b|\b5\.1\.[0-9]{1,2}\b",
    re.I,
)
"""A delivery-failure report (DSN): automatic, and the address we wrote to is wrong."""
DELAYED = re.compile(
    r"\b(?:delivery (?:is|has been) delayed|hasn't been delivered yet|has not been delivered yet|"
    r"will (?:continue to )?(?:be )?(?:retry|retried|attempted)|zustellung verzögert|"
    r"remise retardée|entrega retrasada)\b",
    re.I,
)
"""A delay notice: automatic, but the address still works (not a bounce)."""
NEGATORS = re.compile(
    r"\b(?:not|never|no|n't|haven't|hasn't|didn't|don't|doesn't|won't|can't|cannot|nicht|nie|"
    r"kein\w*|pas|jamais|yet to|stop|quit|cease|non|niet|geen|nooit|não|nunca|nadie|nessun\w*)\b"
    r"|n't\b"
)
INJECTION = re.compile(
    r"\b(?:(?:ignore|disregard|forget|override) (?:all |any |the |your )*(?:previous|prior|above|"
    r"earlier|other|preceding|system)? ?(?:instructions|rules|prompts?|guidelines|content)|you are "
    r"now|(?:^|\n)[ \t>#*]*system:|system prompt|respond only with|reply only with|output only|maintenance mode|as "
    r"an ai|new instructions|developer mode|jailbreak|(?:note|message|instruction)s? (?:to|for) "
    r"(?:the |any )?(?:automated|ai|llm|language model|classifier|model|assistant|bot)|"
    r"(?:automated|ai) (?:classifier|system|assistant|agent)s?[,:]|(?:classify|label|mark|tag|"
    r"categori[sz]e|treat) (?:this|the|all)[^.]{0,40}\b(?:as|with) (?:paid|payment_sent|"
    r"resolved|disputed?|other|promise)|set (?:the )?(?:status|balance) to|mark (?:all )?"
    r"(?:the )?invoices? (?:as )?paid|translate the following|ignor\w* (?:\w+ )?(?:las |les |die |"
    r"as |le |de )?(?:instrucciones|instructions|anweisungen|instructies|istruzioni|instruções)"
    r"|instructions? (?:précédentes|anteriores|precedenti))",
    re.I,
)
"""Words aimed at an LLM, not at a person: clauses carrying them are not classified."""
UNDONE = re.compile(
    r"\b(?:(?:put|placed) on hold|on hold|stopped|cancel+ed|voided|returned|bounced|reversed|"
    r"rejected|teruggeboekt|teruggestort|zurückgebucht|zurückgekommen|rejeté|retourné|devuelt[oa]|"
    r"rechazad[oa]|devolvid[oa]|respint[oa]|stornat[oa])\b"
)
"""Said after a payment in its clause: the payment did not go (CONTRACTS.md: a returned
payment is not payment_sent)."""
DOC_ISSUED = re.compile(
    r"\b(?:invoices?|inv|bills?|po|purchase orders?|orders?|credit(?: memo| note)?s?|"
    r"statements?|quotes?|notices?|letters?|certificates?|w-?9|[a-z]{1,5}-\d[\w-]*)\b"
    r"[^.]{0,25}\b(?:was|were|has been|have been|is|are|got) (?:already )?"
    r"(?:issued|submitted|included|approved|received)\b|"
    # Evidence or goods sent, not money: "photos were sent to Mike", "the parts were sent back".
    r"\b(?:photos?|pictures?|pics|images?|samples?|parts|goods|returns?|documents?|paperwork|"
    r"forms?|drawings?|reports?|emails?|details|ncrs?)\b[^.]{0,25}\b(?:was|were|has been|"
    r"have been|got) (?:already )?(?:sent|mailed|emailed|submitted|shipped|returned)\b|"
    # A dispute settled is no payment: "the dispute on 8841 was settled with your manager".
    r"\b(?:dispute|issue|matter|problem|discrepancy|disagreement|complaint|misunderstanding)\b"
    r"[^.]{0,40}\b(?:was|were|has been|have been|is|got) (?:already )?(?:settled|resolved|cleared)\b"
)
"""An invoice or a PO issued, approved or received, or evidence sent: no payment ("INV-20 was
issued March 1", "photos were sent to your rep")."""
FUTURE = re.compile(
    r"\b(?:will|'ll|shall|going to|gonna|plan to|planned|intend|expect|next|once|when we|"
    r"tomorrow|morgen|demain|mañana|domani|amanhã|wordt|seront|será|serán|serão|sarà|saranno|"
    r"werden|wird|sera|vamos a|zullen|zal|gaan|vou|vamos|verr[àa]|verranno|vendr[áa]n?|\w{3,}(?:erons|irons|rerons|"
    r"aremos|eremos|iremos|eremo|aremo|iremo))\b"
)
"""The future, in English and in the verb endings of French, Spanish, Italian and Portuguese
("nous réglerons", "pagaremos", "pagheremo")."""
