"""The document an `invoice_request` asks for, in the customer's words and language.

"Please provide the signed BOL and the carrier's delivery receipt for PFP-119190" asks for
"signed BOL and carrier's delivery receipt"; "¿Me podrían reenviar la
factura INV-50588 y el albarán firmado?" for "factura INV-50588 y albarán firmado". The
phrase after a verb of sending or needing is kept up to where the request goes on to
something else (a reason, a recipient, a deadline), without articles and pronouns, with
what belongs to the document: the day it is drawn up to, what it must show ("statement as
of June 30", "packing list with lot numbers"). A document can
also be the subject of "is missing" ("Die zugesagte Gutschrift fehlt noch"). When no
phrase names a document, a category found in the clause stands in ("statement", "invoice
copy").
"""

from __future__ import annotations

import re

from arbox.agent.dates import MONTHS

_REQUEST = re.compile(
    # a wish to see or receive it ("we need to see the signed work order", "would appreciate
    # receiving a copy of ..."), a giving with its object after "with" ("provide us with a
    # copy of ..."), an infinitive carrying its pronoun ("reenviarme", "inviarci", "enviar-nos"):
    # each before the shorter verb it starts with
    r"\b(?:(?:need|needs|want|wants|(?:'d\s+)?like|appreciate|able|wish)\s+(?:to\s+)?(?:see|seeing|"
    r"receive|receiving|get|getting|have|having|obtain|obtaining|review)|"
    r"(?:provide|supply|furnish)\s+(?:us|me|them|him|her)\s+with|"
    # the document a payment waits for: "once we receive the signed POD", "dès réception du
    # procès-verbal", "hasta recibir", "fino al ricevimento del", "sobald wir ... erhalten"
    r"(?:once|as soon as|until|till|when|after)\s+(?:we|i)\s+(?:\w+\s+)?(?:receive|get|have|"
    r"see)|(?:dès|à|jusqu'à)\s+réception\s+d(?:e|u|es)|hasta (?:recibir|que recibamos)|"
    r"en cuanto recibamos|cuando recibamos|(?:fino )?al ricevimento d(?:el|ella|ei|i)|"
    r"appena riceviamo|assim que recebermos|até recebermos|zodra (?:we|wij)|sobald wir|"
    r"(?:have not|haven't|not)\s+(?:yet\s+|still\s+)?received|still waiting (?:for|on)|"
    r"(?:nicht|nie|niemals|niet|nooit)\s+(?:erhalten|bekommen|ontvangen|gekregen)|"
    r"(?:pas|no|non|não)\s+(?:(?:encore|toujours|todavía|aún|ancora|ainda)\s+)?(?:reçu|recibido|"
    r"ricevuto|recebido)|(?:aver|avoir|haber|ter)\s+(?:reçu|recibido|ricevuto|recebido)|"
    r"(?:no|non|não)\s+(?:(?:hemos|he|han|abbiamo|ho|hanno|temos|tenho|recebemos)\s+)?"
    r"(?:(?:todavía|aún|ancora|ainda|mai|nunca)\s+)?(?:recibido|recibimos|ricevuto|recebido|"
    r"recebemos)|"
    r"(?:re)?envi[aá]r(?:me|nos|les?)|(?:re)?mand[aá]r(?:me|nos|les?)|remitir(?:me|nos)|"
    r"hac(?:er|ernos|erme) llegar|(?:re)?inviar(?:mi|ci|gli)|(?:ri)?mandar(?:mi|ci|gli)|"
    r"(?:re)?enviar-(?:me|nos|lhes?)|mandar-(?:me|nos|lhes?)|zukommen (?:zu )?lassen|"
    r"send|resend|re-send|provide|share|forward|e-?mail|mail|fax|need|needs|require|"
    r"requires|request|requesting|get|have|hold|attach|include|want|issue|missing|"
    r"senden|schicken|zusenden|zuschicken|übermitteln|übersenden|benötigen|brauchen|"
    r"envoyer|renvoyer|transmettre|adresser|faire parvenir|besoin d[e']|"
    r"enviar|reenviar|mandar|remitir|necesitamos|necesito|"
    r"inviare|inviarci|inviarmi|mandare|mandarci|reinviare|trasmettere|abbiamo bisogno d[i']|"
    r"sturen|toesturen|opsturen|nodig|"
    r"enviem|reenviar|precisamos|"
    # more forms: imperatives, "il nous faut", "ci serve", "nos falta", "we missen"
    r"renvoyez|envoyez|envoie|transmettez|adressez|il nous faut|manque|manquent|"
    r"envíen(?:me|nos)?|envíe(?:me|nos)?|reenvíen|reenvíe|reenvías|mándenme|manden|falta|faltan|"
    r"chiede|chiedo|chiediamo|serve|servono|occorre|occorrono|mandate(?:ci|mi)?|inviate(?:ci|mi)?|"
    r"rimandi|rimandate|manca|mancano|"
    r"schick|schicke|schicken|sende|zuzusenden|brauch|brauche|benötige|bräuchten?|fehlt|fehlen|"
    r"stuur|stuurt|bezorgen|meesturen|mailen|missen|"
    r"mande|mandem|envie|envia|preciso|necessitamos|manda|mandan|mandas|mandáis|mandam|envía|"
    r"envían|envías|enviáis|enviam|reenvía|reenvían|remitan|remita|mandi|invii|ontbreekt|"
    r"ontbreken|"
    # someone asking for it: "notre expert-comptable demande un relevé", "asked for the POD"
    r"asks? for|asking for|asked for|demande|demandent|pide|piden|pedimos|pido|pede|pedem|"
    r"vraagt|vragen|verlangt|verlangen|"
    # more forms: "sending", "pediros", "ci servirebbe", "bitten um Zusendung", "nasturen"
    r"wants|wanted|would like|'d like|braucht|benötigt|"
    r"ask(?:s|ed|ing)? (?:me|us|them) for|graag ontvangen|"
    r"sending|resending|pedir|pediros|pedirles|pedirle|servirebbe|servirebbero|"
    r"(?:bitten|bitte|bitten wir) um (?:Zusendung|Übersendung|Übermittlung)|nasturen|aanleveren|"
    r"hacer llegar|hacéis llegar|hagan llegar|abbiamo bisogno del(?:la|lo|l')?)\b",
    re.I,
)
_VERB_LAST = re.compile(
    r"\b(?:senden|schicken|zusenden|zuschicken|übermitteln|übersenden|mailen|geben|"
    r"sturen|toesturen|opsturen|bezorgen|meesturen|doorsturen|mailen|bezorgen|nasturen|"
    r"aanleveren|zukommen lassen|(?:nicht|nie|niemals|niet|nooit)\s+(?:erhalten|bekommen|ontvangen|"
    r"gekregen))\b",
    re.I,
)
"""Verbs a German or Dutch request puts after the document ("Können Sie mir den
Lieferschein schicken?", "kun je me de pakbon sturen?")."""
_BEFORE_OBJECT = re.compile(
    r"sie|ihr|wir|ich|mir|uns|mich|du|dir|bitte|mal|kun|kunt|kunnen|kan|wil|wilt|willen|"
    r"können|könnten|würden|möchten|je|jij|u|me|mij|ons|jullie|wij|ik|graag|gerne|nou|"
    r"could|can|would|will|pls|please|haben|habe|hat|hebben|heb|heeft",
    re.I,
)
"""Words before the object of a verb-last request: a subject, a pronoun, a modal, "bitte"."""
_AFTER_OBJECT = re.compile(
    r"nog|even|noch|einmal|nochmal|nochmals|erneut|opnieuw|mal|eens|bitte|graag|zu|toe|op|"
    r"per|e-?mail|mail|post|als|pdf|asap",
    re.I,
)
_FILLER = (
    r"me|us|over|across|through|again|please|kindly|also|just|nos|nous|moi|mir|uns|ci|mi|"
    r"ons|bitte|noch einmal|nochmals|erneut|de nouveau|à nouveau|otra vez|di nuovo|opnieuw|"
    r"jullie|a|an|the|your|our|their|its|un|une|le|la|les|l'|el|los|las|lo|il|gli|i|uno|"
    r"der|die|das|den|dem|des|een|het|uma|um|o|os|as|vos|votre|vuestro|vuestra|su|sus|"
    r"vostro|vostra|ihre|ihren|uw|current|updated|new|another|one|sie|du|u|jullie|einen|eine|"
    r"ein|einer|eines|einem|aktuellen|aktuelle|actualizado|à jour|"
    # a subject after the verb ("benötigen wir", "brauche ich"), "also", "rather", articles
    r"ich|wir|er|man|nous|ik|wij|también|aussi|auch|anche|ook|também|plutôt|rather|instead|"
    r"lieber|mejor|piuttosto|liever|una|unos|unas|uns|umas|de|"
    # Dutch fillers around an inverted subject ("Stuur je me even een kopie"), "please"
    r"je|even|eens|nog|noch|immer|still|toujours|encore|todavía|ancora|ainda|maar|toch|"
    r"per favore|por favor|s'il vous plaît|svp|pls|plz|"
    r"alstublieft|aub|a\.u\.b\.|por gentileza|nous-en|moi-en|en"
)
_LEADING = re.compile(rf"^(?:(?:{_FILLER})\s+)+", re.I)
_DROP = re.compile(
    r"\b(?:a|an|the|your|our|their|its|un|une|le|la|les|el|los|las|lo|il|gli|der|die|das|den|"
    r"dem|een|het|uma|um|o|os|plus|please|bitte|also|"
    # "again" in any language: no part of the document
    r"again|nochmal|nochmals|erneut|opnieuw|de novo|novamente|di nuovo|de nuevo|otra vez|"
    r"à nouveau|de nouveau)(?!['’\w])\s*",
    re.I,
)
_STOP = re.compile(
    r"\s*(?:[?.;!:\n(]|--|\s[-–]\s|,\s*(?:so|as|because|since|which|please|bitte|merci|could|"
    r"can|would|will)\b|"
    r"(?<!-)\b(?:for|so that|so|before|if|because|since|as of|once|when|by|to|from|until|asap|"
    r"showing|that|which|covering|in case|we|i|please|bitte|pour|afin|avant|para|antes|per|"
    r"prima|voor|om|zodat|damit|bis|für|an|à|al|to|sin|senza|a fecha|zum|if you|along with|"
    r"together with|samen met|zusammen mit|junto con|insieme (?:a|con))\b)",
    re.I,
)
_DOC_WORD = re.compile(
    # heads of German and Dutch compounds: Lieferschein, Stundennachweis, werkbon, leveringsbewijs
    r"\b(?:\w+(?:schein|scheine|nachweise?|bescheinigung(?:en)?|protokoll(?:e)?|bestätigung|"
    r"auszug|berichte?|vertrag|bon|bonnen|bewijs|overzicht|rapport|verklaring|zertifikate?)|"
    r"conto|cuenta|compte|konto|bons?|verbale|verbali|procès-verba(?:l|ux)|scheda|schede|dichiarazione|declaración|"
    r"déclaration|cmr|durc|boleto|quietanza|complemento|bestellung|commande|pedido|ordine|"
    r"bestelling|encomenda|cop(?:y|ies)|invoices?|statements?|w-?9|reports?|contracts?|"
    r"agreements?|leases?|orders?|devis|presupuestos?|preventiv[oi]|orçamentos?|angebot(?:e|s)?|"
    r"urenst(?:a|aa)t\w*|urenbriefje\w*|visura|visure|"
    r"tickets?|certificates?|letters?|waivers?|breakdown|confirmation|receipts?|notes?|slips?|"
    r"memos?|application|forms?|lading|pod|timesheets?|documentation|backup|back-up|summary|"
    r"proof|bol|b/l|aging|ageing|details|quotes?|estimate|log|photos?|records?|approvals?|"
    r"history|list|dpa|pdf|kopie|copia|c[óo]pia|copie|duplicata|duplicado|factura|fattura|"
    r"facture|rechnung|factuur|fatura|relevé|extracto|estratto|extrato|kontoauszug|"
    r"saldenbestätigung|albar[áa]n|ddt|pakbon|lieferschein|bon de livraison|attestation|"
    r"certificat|certificado|certificato|rib|documento|document|nota|avoir|gutschrift|"
    r"creditnota|quittung|recibo|ricevuta|justificatif|bescheinigung|nachweis|guia|"
    r"comprovante|overzicht|afschrift|authori[sz]ations?|certs?|declarations?|"
    r"specifications?|specs|waivers?|letterhead|mandate|extrato|estratto|po|pos|contrat|contrats|"
    r"contratos?|contratt[oi]|cois?|kbis|tix|addend(?:um|a)|remit-to|address|sheets?|charts?|schedules?|detail|packet|versions?|"
    r"specificaties?|specifications?|\w+zettel[n]?|\w+angebots?|\w+angebote|\w*kopien?|\w+liste|"
    r"gutschrift(?:en)?|rechnungen|\w+rechnung(?:en)?|facturen|fatture|facturas|faturas|"
    r"certificados|certificación|rut|urssaf|scheda|dichiarazione|\w+verklaring|"
    # US tax forms beside the W-9, a remittance, a proof in our languages ("preuve de livraison")
    r"w-?8(?:ben(?:-e)?|eci|imy|exp)?|1099(?:-\w+)?|remittances?|preuves?|prueba|prova|"
    r"liefernachweis)\b",
    re.I,
)
_COPIES_OF = re.compile(r"\b(cop(?:y|ies)) of (?:the |our |your |a |an )?(.+)$", re.I)
_ABBREVIATIONS = {"pod": "proof of delivery", "bol": "bill of lading", "w9": "W-9", "w-9": "W-9"}
_MAX_WORDS = 9
_CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    ("W-9", re.compile(r"\bw-?9\b", re.I)),
    ("W-8BEN", re.compile(r"\bw-?8\s?ben\b", re.I)),
    (
        "proof of delivery",
        re.compile(
            r"proof of delivery|\bpod\b|delivery (?:note|receipt)|preuve de livraison|"
            r"prueba de entrega|prova di consegna|comprovante de entrega|liefernachweis|"
            r"afleverbewijs|leveringsbewijs",
            re.I,
        ),
    ),
    ("remittance advice", re.compile(r"\bremittance\b", re.I)),
    ("credit memo", re.compile(r"credit (?:memo|note)", re.I)),
    ("statement", re.compile(r"statement|kontoauszug|relevé|estado de cuenta|aging|ageing", re.I)),
    ("bill of lading", re.compile(r"bill of lading|\bbol\b", re.I)),
    ("packing slip", re.compile(r"packing slip", re.I)),
    ("timesheets", re.compile(r"timesheet|feuilles de temps", re.I)),
    ("certificate of insurance", re.compile(r"certificate of insurance", re.I)),
    (
        "bank details letter",
        re.compile(
            r"bank(?:ing)? details|\biban\b|rekeningnummer|bankgegevens|bankverbindung|"
            r"bankdaten|coordonnées bancaires|datos bancarios|coordinate bancarie|"
            r"dados bancários|account number",
            re.I,
        ),
    ),
    ("invoice copy", re.compile(r"invoice|cop(?:y|ies)|facture|rechnung|factura|\binv\b", re.I)),
]


_OF = re.compile(r"of|de|di|van|von|du|des|do|da|del|della|dello|dei|degli|delle", re.I)
_NOT_A_NOUN = re.compile(
    r"what|what's|whats|which|all|any|everything|every|each|the|our|your|their|its|it|them|this|"
    r"that|those|"
    r"these|tout|tous|toutes|todo|todos|todas|tutto|tutti|alle|allen|alles|moins|plus|más|"
    r"menos|meno|mais|minder|weniger",
    re.I,
)
"""After "of" these start no document name ("statement of what we owe", "of all invoices")."""
_ARTICLE = re.compile(r"de|het|een|der|die|das|den|dem", re.I)
"""An article left after "van", "von": no document name follows it here."""
_PREPOSITION = re.compile(
    r"with|met|mit|avec|con|com|along|together|samen|als|as|em|como|in|en|au|im", re.I
)
_PRONOUN = re.compile(r"you|i|we|they|it|he|she|vous|usted|ustedes|voi", re.I)
_INVOICE_COPY = re.compile(
    r"invoices?|invoce|inv|factur[ae]s?|fattur[ae]|rechnung(?:en)?|factu(?:u|r)r?(?:en)?|"
    r"faturas?|cop(?:y|ies)|copias?|copie|kopie|c[óo]pias?|duplicata|duplicado|of|de|della|"
    r"di|van|der|des|pdf|again|received|pendientes|pending|open|offene?|ouvertes?|any|all",
    re.I,
)
_ANOTHER_VERB = re.compile(
    # "di inviarci", "que nos envíen", "cortesemente di inviarci": the object follows that verb
    rf"(?:(?:kindly|\w+mente)\s+)?(?:(?:di|de|to|d'|que|che|dat|dass)\s*)?"
    rf"(?:(?:nos|me|ci|mi|uns|ons|nous|us|vous|le|les)\s+)?(?:{_REQUEST.pattern})",
    re.I,
)
_ELIDED = re.compile(r"^(?:l|dell|dall|all|nell|un|d|qu'un)['’](?=\w)", re.I)
_ELIDED_OF = re.compile(r"(?:d|dell|del)['’]\w", re.I)
_INVOICE_WORD = re.compile(
    r"factur[ae]s?|fattur[ae]|rechnung(?:en)?|factu(?:u|r)r?(?:en)?|faturas?|nota", re.I
)
"""An invoice named in the customer's language (a bare "copie" is a copy of the invoice)."""
_ENGLISH_COPY = re.compile(r"invoices?|invoce|inv|cop(?:y|ies)|of|pdf|again", re.I)
_ENUMERATOR = re.compile(r"\(\d\)\s*|\b\d\)\s+")
_AFTER_NOUN = re.compile(
    r"(?:ad[oa]s?|at[oaie]|id[oa]s?|é|ée|és|ées|ert|pendientes?|ouverts?|offen[e]?|aperte?|"
    r"fiscal|fiscale|ari[oa]s?|aire|ic[oa]|ique|tecnica|ales?|ali)$",
    re.I,
)
"""An adjective after its noun, as Romance languages write it ("albarán firmado")."""


def _names_document(word: str) -> bool:
    word = word.strip(",").lower()
    return bool(_DOC_WORD.fullmatch(word) or _DOC_WORD.fullmatch(word.removesuffix("s")))


def document_asked(clause: str, text: str = "") -> str:
    """What the customer asks for, in their words when a request names it ("signed work
    orders", "duplicata de facture INV-50777"), else a category from the clause. With the
    reply's ``text``: when the clause names nothing but a plain invoice copy, a request
    elsewhere in the reply that names a document ("... can you send the mill certs?")."""
    found = _readdressed(text or clause)
    if found:
        return found
    found = _named(clause)
    if text and (found.startswith("invoice cop") or _MODIFIED_COPY.fullmatch(found)):
        found = _copy_of(clause, text, found) or found
    if found:
        return _and_next(found, clause, text)
    found = _said_bare(clause)
    if found:
        return found
    category = next((name for name, p in _CATEGORIES if p.search(clause)), "invoice copy")
    if category == "invoice copy":
        # "Could you resend it?": the document named before, rather than a default
        found = _pointed_back(text or clause, clause)
        if found:
            return found
    if category == "invoice copy" and text:
        elsewhere = _named(text) or _pointed_back(text)
        if elsewhere:
            return elsewhere
        category = next((name for name, p in _CATEGORIES if p.search(text)), category)
    return category


_PLEASE = re.compile(
    r"\b(?:please|pls|plz|svp|s'il vous plaît|merci de|bitte|por favor|per favore|graag|"
    r"alstublieft|aub|por gentileza)\b",
    re.I,
)
_BARE_WORDS = 10


def _said_bare(clause: str) -> str:
    """A document named with no verb before it, in a short sentence that asks ("une copie du
    bon de commande svp", "Kontoauszug bitte", "factuur nooit ontvangen, stuur maar")."""
    for sentence in re.split(r"(?<=[.!?;])\s+|\n", clause):
        if len(sentence.split()) > _BARE_WORDS:
            continue
        if _PLEASE.search(sentence) or _REQUEST.search(sentence):
            # from the noun phrase of the first document named, not the sentence's first
            # words ("I can't find the invoice anywhere - mind resending it?": "invoice")
            first = next(
                (w for w in re.finditer(r"[^\s,;()]+", sentence) if _names_document(w.group(0))),
                None,
            )
            start = _phrase_start(sentence, first.start()) if first else 0
            found = _phrase(sentence[start:])
            last = found.split()[-1] if found else ""
            rest = sentence[sentence.find(last) + len(last) :] if last in sentence else ""
            if found and not _COPULA.match(rest):
                return found  # not "A copy with lot detail is all we need": a subject
    return ""


_COPULA = re.compile(
    r"\W*(?:\w+\W+){0,4}?(?:is|are|was|were|has|have|ist|sind|war|wurde|est|sont|était|es|son|"
    r"fue|está|è|sono|era|é|são|foi|zijn|was|werd|heeft)\b",
    re.I,
)


_WHO = (
    r"(?P<who>(?:[^.,;:?!\n()]|\.(?=\S))+?)(?=\s*(?:\.(?!\S)|[,;:?!\n(]|$|\s(?:and|so|because|"
    r"since|instead|rather|not|before|as|please|zetten|sturen|et|y|e|en|pour|para|per|voor|om)\b))"
)
"""The name an invoice is to be made out to, up to the end of its clause."""
_REISSUED = re.compile(
    # "reissue it to X", "re-issue both invoices under X", "the invoice reissued in X's name"
    r"\b(?:(?P<doc>invoices?|bills?)\s+)?(?:re-?issue[ds]?|redo(?:ne)?|re-do)\s+"
    r"(?:(?P<obj>it|them|(?:the|both|all|these|those|our|your)\s+(?P<objdoc>invoices?|bills?)|"
    r"(?:invoice\s+)?\S*\d\S*)\s+)?(?P<prep>to|under|in)\s+" + _WHO + r"|"
    # "the bill should be made out to X", "... again but addressed to X"
    r"\b(?:should be|must be|needs to be|to be|but|please have it)\s+(?:made out|addressed|issued)"
    r"\s+(?P<prep2>to)\s+" + _WHO.replace("who", "who2"),
    re.I,
)
_NAME_OF = re.compile(
    r"\b(?P<doc>factuur|facturen|facture|factures|factura|facturas|fattura|fatture|fatura|faturas|"
    r"Rechnung|Rechnungen)\s+(?:\S+\s+)?(?P<to>op naam van|au nom d[eu]|à l'ordre d[eu]|"
    r"a nombre de|intestat[ao]\s+a\w*|em nome d[aeo]|auf den Namen|ausgestellt auf)\s+"
    + _WHO.replace("who", "who3"),
    re.I,
)
_BRACKETED = re.compile(r"\s*\(([^()]{3,60})\)")


def _readdressed(text: str) -> str:
    """An invoice asked to be reissued to another name: "reissued invoice to Oakmont Dental
    PLLC", "factuur op naam van Bakkerij Vos B.V"; a name given in brackets after a
    description of it ("au nom de notre filiale (Dumas Logistique SARL)") is the name."""
    m = _NAME_OF.search(text)
    if m:
        return f"{m.group('doc')} {m.group('to')} {_named_as(text, m, 'who3')}"
    m = _REISSUED.search(text)
    if not m:
        return ""
    who = "who" if m.group("who") else "who2"
    prep = (m.group("prep") or m.group("prep2")).lower()
    doc = (m.group("doc") or m.group("objdoc") or "").lower()
    plural = doc.endswith("s") or (m.group("obj") or "").lower() == "them"
    return f"reissued invoice{'s' if plural else ''} {prep} {_named_as(text, m, who)}"


def _named_as(text: str, m: re.Match[str], group: str) -> str:
    bracket = _BRACKETED.match(text, m.end(group))
    # a firm's name in brackets, every word capitalised ("(Dumas Logistique SARL)"), not a
    # note ("(Martinez v. Allied Transport, file 26-044)")
    firm = bracket and all(w[:1].isupper() for w in bracket.group(1).split())
    name = bracket.group(1) if bracket and firm else m.group(group)
    return " ".join(name.split()[:_NAME_WORDS])


_NAME_WORDS = 7


_POINTER = re.compile(
    # English: "resend it", "send em over", "can you dig them up"
    r"\b(?:send|resend|re-send|forward|e-?mail|mail|provide|share|dig)\s+(?:(?:me|us)\s+)?"
    r"(?:it|them|em|'em|those|these|one)\b|"
    # French: "nous l'envoyer", "me la renvoyer", "envoyez-la-nous"
    r"\b(?:l['’]|la\s+|le\s+|les\s+)(?:envoyer|renvoyer|transmettre|adresser|faire parvenir|"
    r"envoyez|renvoyez|transmettez|adressez)\b|\b(?:envoyez|renvoyez|transmettez|adressez)-"
    r"(?:la|le|les)\b|"
    # Spanish: "¿me la reenvías?", "nos lo podéis mandar", "enviárnoslo"
    r"\b(?:me|nos)\s+(?:la|lo|las|los)\s+(?:\w+\s+)?(?:reenv|env|mand|remit|hac)\w*|"
    r"\b(?:reenvi|envi|mand)ár(?:nos|me)l[oa]s?\b|"
    # Portuguese: "podem enviá-lo?"
    r"\b(?:envi|reenvi|mand)á-(?:lo|la|los|las)\b|"
    # Italian: "ce la potete mandare?", "inviatecela"
    r"\b(?:ce|me|ve)\s?(?:la|lo|li|le)\s+(?:\w+\s+)?(?:mand|invi|riman|trasmett)\w*|"
    r"\b(?:mand|invi|riman)(?:ate|are)(?:ce|me)?l[aoie]\b|"
    # German: "Schicken Sie mir die bitte", "Können Sie uns den zusenden?"
    r"\b(?:schicken|senden|mailen|übermitteln)\s+Sie\s+(?:mir|uns)\s+(?:die|den|das|diese[nsm]?|"
    r"sie|ihn|es)\b(?!\s+(?-i:[A-ZÄÖÜ]))|"
    r"\b(?:mir|uns)\s+(?:die|den|das|diese[nsm]?|sie|ihn|es)\s+(?:bitte\s+|noch\s+|"
    r"nochmal\s+)*(?:schicken|senden|zusenden|zuschicken|mailen|übermitteln)\b|"
    # Dutch: "Wilt u die nasturen?", "kun je hem mailen"
    r"\b(?:die|deze|hem|ze|dat)\s+(?:\w+\s+){0,2}(?:nasturen|sturen|toesturen|opsturen|mailen|"
    r"meesturen|doorsturen|bezorgen)\b",
    re.I,
)
"""A request whose object is a pronoun pointing back to a document named before it."""
_SENTENCES = re.compile(r"[^.!?;:\n]+(?:[.!?;:\n]|$)")
_BACK_WORDS = 3


def _pointed_back(text: str, clause: str = "") -> str:
    """The document a request with a pronoun for its object ("Can you resend it?", "Merci de
    nous l'envoyer", "Schicken Sie mir die bitte") points back to: the first one named in
    the nearest sentence before it that names one."""
    m = _POINTER.search(clause) if clause else None
    at = text.find(clause) + m.start() if m and clause in text else -1
    if at < 0:
        m = _POINTER.search(text)
        if not m:
            return ""
        at = m.start()
    return _antecedent(text, at)


def _antecedent(text: str, at: int, beyond_copies: bool = False) -> str:
    """The first document named in the nearest sentence before ``at`` that names one;
    ``beyond_copies``: not an invoice or a copy (what "a copy" is a copy of)."""
    sentences = list(_SENTENCES.finditer(text, 0, at))
    for sentence in reversed(sentences[-_BACK_SENTENCES:]):
        for word in re.finditer(r"[^\s,;()]+", sentence.group(0)):
            bare = _ELIDED.sub("", word.group(0))
            if not _names_document(bare) or _REQUEST.fullmatch(bare.strip(".,:;?!")):
                continue
            if beyond_copies and (
                _INVOICE_COPY.fullmatch(bare.strip(".,")) or re.search(r"\d", bare)
            ):
                continue
            start = sentence.start() + _phrase_start(sentence.group(0), word.start())
            phrase = _phrase(text[start:at])
            if phrase and not (beyond_copies and phrase.startswith("invoice cop")):
                return _with_others(phrase, text[start:at])
    return ""


_BACK_SENTENCES = 4


_FOR_WHAT = re.compile(r"for|für|pour|para|per|voor|against", re.I)


def _copied(text: str, at: int) -> str:
    """The document nearest before ``at`` (same sentence, then the ones before), when it is
    no invoice: an invoice, its number or "it" named nearer makes the copy an invoice copy."""
    sentences = list(_SENTENCES.finditer(text, 0, at))[-_BACK_SENTENCES:]
    for sentence in reversed(sentences):
        words = list(re.finditer(r"[^\s,;()]+", text[sentence.start() : min(sentence.end(), at)]))
        for word in reversed(words):
            bare = _ELIDED.sub("", word.group(0)).strip(".,:;?!")
            if len(re.findall(r"\d", bare)) >= 3 or (
                _INVOICE_COPY.fullmatch(bare)
                and (re.match(r"inv|fact|fatt|rechn|fatur", bare, re.I))
            ):
                return ""  # "three invoices ...: 5580, 5592 and 5601. Please send copies"
            if not _names_document(bare) or _COPY.fullmatch(bare) or _REQUEST.fullmatch(bare):
                continue  # a copy, or a verb spelled like a document ("mandate")
            before = text[max(0, sentence.start()) : sentence.start() + word.start()].split()
            if any(_FOR_WHAT.fullmatch(w) for w in before[-3:]):
                continue  # "the pick list for that order": what it is for, not what is lost
            start = sentence.start() + _phrase_start(sentence.group(0), word.start())
            phrase = _phrase(text[start:at])
            return "" if phrase.startswith("invoice cop") else phrase
    return ""


_COPY = re.compile(r"\b(?:cop(?:y|ies)|kopie|copie|copia|c[óo]pia)\b(?:\s+(\w+))?", re.I)
_INVOICE_NAMED = re.compile(
    r"invoice|\binv\b|factur|fattur|rechnung|factuur|fatura|\bnota\b|\bit\b|\bthis\b|\d", re.I
)
_COPY_OF = {"copy": "of", "copies": "of", "kopie": "van", "copie": "de", "copia": "de",
            "cópia": "de", "copia'": "de"}  # fmt: skip


_MODIFIED_COPY = re.compile(
    r"(?P<mod>signed|countersigned|executed|stamped|certified|scanned|original)\s+cop(?:y|ies)",
    re.I,
)
"""A copy said only by what was done to it ("the countersigned copy")."""
_OF_AFTER_COPY = re.compile(r"\s*(?:of|van|von|de|des|der|du|del|della|di|do|da)\b", re.I)


_NEXT_AND = re.compile(
    r"\s*(?:and|also|plus|und|auch|et|aussi|y|también|e|anche|também|en|ook)\s+(?:also\s+)?",
    re.I,
)


def _and_next(found: str, clause: str, text: str) -> str:
    """``found`` and a document the next sentence adds with "And ..." ("Can you send a copy
    of the statement? And a copy of the proof of delivery for INV-7.")."""
    at = text.find(clause) if clause and text else -1
    if at < 0:
        return found
    m = _NEXT_AND.match(text, at + len(clause))
    if not m or not _starts_near(text[m.end() :]):
        return found
    other = _phrase(text[m.end() :])
    return f"{found} and {other}" if other and other != found else found


def _copy_of(clause: str, text: str, found: str = "") -> str:
    """A copy asked for with nothing said of what it copies ("Kunt u een kopie meesturen?",
    "envoyez-nous-en une copie") is a copy of the document the sentence before names
    ("... de pakbon van deze levering niet terugvinden"): "kopie van pakbon"."""
    m = _COPY.search(clause)
    if not m:
        return ""
    after = clause[m.end() : m.end() + 40]
    if _OF_AFTER_COPY.match(clause, m.end()) or _INVOICE_NAMED.search(after.split(",")[0][:12]):
        return ""  # "a copy of ...", "a copy of it", "copy 1204": it says what it copies
    at = text.find(clause)
    at = at + m.start() if at >= 0 else -1
    if at < 0:
        return ""
    what = _copied(text, at)
    if not what:
        return ""
    modified = _MODIFIED_COPY.fullmatch(found)
    if modified:
        # "the countersigned copy" of "the enterprise agreement": the countersigned agreement
        return f"{modified.group('mod')} {what}"
    word = m.group(0).split()[0]
    shown = m.group(1) or ""
    copy = f"{word} {shown}" if shown and _AFTER_NOUN.search(shown) else word
    return f"{copy} {_COPY_OF.get(word.lower(), 'of')} {what}"


def _phrase_start(sentence: str, at: int) -> int:
    """Where the noun phrase whose head word is at ``at`` begins: after the article or the
    word that is no modifier before it ("the signed change order": "signed change order")."""
    tokens = list(re.finditer(r"\S+", sentence[:at]))
    start = at
    for t in reversed(tokens[-_BACK_WORDS:]):
        w = t.group(0)
        if re.search(r"[,;:()]", w) or _LEADING.fullmatch(w + " ") or _DROP.fullmatch(w + " "):
            break
        if _REQUEST.fullmatch(w) or _MISSING.fullmatch(w) or _STOP.match(" " + w):
            break
        start = t.start()
    return start


def _named(text: str) -> str:
    for m in _REQUEST.finditer(text):
        if _SAID_HELD.fullmatch(m.group(0)) and _DECLARED.search(text, 0, m.start()):
            continue  # "we have net 60 under the agreement": a statement, no request
        phrase = _phrase(text[m.end() :])
        if phrase:
            return _with_others(phrase, text[m.end() :])
        if _VERB_LAST.fullmatch(m.group(0)):
            phrase = _phrase(_object_before(text[: m.start()]))
            form = re.match(rf"\s*({_FORMAT.pattern})\b", text[m.end() :], re.I)
            if phrase and form and not _FORMAT.search(phrase):
                phrase = f"{phrase} {form.group(1)}"  # "factuur ... aanleveren als UBL-bestand"
            if phrase:
                # "... sturen, plus de pakbon?": more documents after the verb
                return _with_others(phrase, text[m.end() :], after_verb=True)
        if not phrase and _MISSING.fullmatch(m.group(0)):
            # the document as the subject: "Die zugesagte Gutschrift fehlt noch"
            phrase = _phrase(_object_before(_AUXILIARY.sub("", text[: m.start()])))
        if phrase:
            return phrase
    return ""


_SENTENCE_END = re.compile(r"[?!;\n]|\.(?=\s|$)")
_AND = re.compile(
    r"(?:,\s*)?\b(?P<word>and|und|sowie|samt|nebst|et|ainsi qu['’]|ainsi que|y|así como|junto con|"
    r"e|assim como|così come|nonché|en|alsmede|evenals|as well as|along with|together with|plus|"
    r"with(?=\s+(?:the\s+)?cop(?:y|ies)\b))(?:\s+|(?<=['’]))",
    re.I,
)
_JOINED_BY = {
    "sowie": "und", "samt": "und", "nebst": "und", "ainsi qu": "et", "ainsi qu'": "et",
    "ainsi qu’": "et", "ainsi que": "et", "así como": "y", "junto con": "y",
    "assim como": "e", "così come": "e", "nonché": "e", "alsmede": "en", "evenals": "en",
}  # fmt: skip
"""The plain "and" of the language a longer coordinator is written in."""
_NEAR = 2
"""How many words may stand between "and" and the next document it adds."""


def _with_others(phrase: str, after: str, after_verb: bool = False) -> str:
    """``phrase`` and every other document the same sentence asks for after it ("a statement
    as of March 31 and copies of the open invoices", "die Stundennachweise für Februar sowie
    eine Kopie des Nachtragsangebots"), joined by the customer's "and"."""
    end = _SENTENCE_END.search(after)
    sentence = after[: end.start()] if end else after
    last = "" if after_verb else phrase.split()[-1]
    at = sentence.find(last)
    if at < 0:
        # the phrase was renamed ("all open invoices" as "invoice copies"): what follows the
        # first document word the sentence names
        named = next(
            (w for w in re.finditer(r"[^\s,;()]+", sentence) if _names_document(w.group(0))),
            None,
        )
        if named is None:
            return phrase
        at, last = named.start(), named.group(0)
    found = [phrase]
    pos = at + len(last)
    for m in _AND.finditer(sentence, pos):
        if m.start() < pos:
            continue
        other = _phrase(sentence[m.end() :])
        words = other.split()
        first = next((i for i, w in enumerate(words) if _names_document(w)), None)
        if not other or other in " ".join(found) or first is None or first > _NEAR:
            continue
        if not _starts_near(sentence[m.end() :]):
            continue
        word = m.group("word").lower()
        joiner = _JOINED_BY.get(
            word, word if word in {"and", "und", "et", "y", "e", "en"} else "and"
        )
        found.append(f"{joiner} {other}")
        pos = m.end() + len(other)
    return " ".join(found)


def _starts_near(rest: str) -> bool:
    """Whether a document is named within the first words of ``rest`` (after articles)."""
    words = _DROP.sub("", _LEADING.sub("", _ELIDED.sub("", rest.strip()))).split()
    if not words or _A_VERB.fullmatch(words[0]) or _REQUEST.fullmatch(words[0]):
        return False  # "... and reissue the invoice": another request, no other document
    return any(_names_document(w) for w in words[: _NEAR + 1])


_A_VERB = re.compile(
    r"reissue|re-issue|issue|confirm|correct|update|tell|let|call|check|fix|cancel|credit|"
    r"remove|void|sign|return|advise|adjust|apply|explain|bestätigen|korrigieren|stornieren|"
    r"confirmer|corriger|annuler|confirmar|corregir|anular|confermare|correggere|annullare|"
    r"bevestigen|corrigeren|crediteren",
    re.I,
)
"""Verbs that open another request after "and": no document follows."""


_SAID_HELD = re.compile(r"have|hold|get", re.I)
_DECLARED = re.compile(
    r"(?:^|[.!?;:\n,(]\s*|\b(?:and|but|so|as)\s+)(?:we|i|you|they)\s+"
    r"(?:still\s+|already\s+|do\s+|did\s+|usually\s+)?$",
    re.I,
)
"""A subject opening its clause before "have", "hold", "get": a statement ("we have net 60
..."), not a request ("could we have ...") nor a condition ("until we get the waiver")."""
_MISSING = re.compile(
    r"missing|fehlt|fehlen|manque|manquent|falta|faltan|manca|mancano|ontbreekt|ontbreken", re.I
)
_AUXILIARY = re.compile(
    r"(?:\s+(?:is|are|was|were|still|ist|sind|est|sont|toujours|encore|noch|nog|steeds|ancora|"
    r"todavía|aún|sigue|siguen|uns|nous|nos|ci|ons|us))+\s*$",
    re.I,
)
"""What stands between a missing document and "missing": "is still", "uns noch"."""


_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?")
_FORMAT = re.compile(
    r"(?:als|as|en|in|em|como|au format|in formato|im format)\s+(?:an?\s+)?"
    r"(?:PDF|XML|UBL[-\w]*|Factur-X|Excel|CSV)(?:[-\s](?:bestand|file|datei|format))?",
    re.I,
)
"""The format a document is asked in: "als PDF", "as a PDF", "au format Factur-X"."""


def _object_before(before: str) -> str:
    """The object a verb-last request names before its verb: the words after the last
    subject, pronoun or modal of the sentence, without fillers said after the object
    ("Können Sie uns bitte den Lieferschein noch einmal [schicken]": "den Lieferschein")."""
    # a date's dots end no sentence: "eine Saldenbestätigung zum 31.03. zusenden"
    masked = _DOTTED_DATE.sub(lambda d: d.group(0).replace(".", "\x00"), before)
    sentence = re.split(r"[.?!;:\n,(]", masked)[-1].replace("\x00", ".")
    words = sentence.split()
    tail: list[str] = []
    while words and _AFTER_OBJECT.fullmatch(words[-1]):
        if _FORMAT.fullmatch(" ".join(words[-2:])):
            tail = words[-2:]  # "die Rechnung als PDF [schicken]": the format belongs to it
            words = words[:-2]
            continue
        words.pop()
    starts = [i for i, w in enumerate(words) if _BEFORE_OBJECT.fullmatch(w)]
    words = (words[starts[-1] + 1 :] if starts else words) + tail
    if words and words[0].lower() == "de":
        words = words[1:]  # the Dutch article (elsewhere "de" is "of")
    return " ".join(words)


_INFINITIVE = re.compile(r"(?:estar|haber|ser|tener|être|avoir|essere|avere|estarem?)", re.I)
_CLAUSE_END = re.compile(
    r"[.,;:?!(\n]|\b(?:para|porque|que|ya|pues|antes|según|pour|parce|perché|prima|since|because)\b",
    re.I,
)
_CLAUSE_WORDS = 8


_PURPOSE_FIRST = re.compile(
    r"^\s*(?:für|for|pour|para|per|voor)\s+(?:\S+\s+){1,3}?(?=(?:eine[nm]?|ein|die|den|das|a|an|"
    r"the|un|une|le|la|les|el|los|las|il|lo|een|de|het|uma|um|o)\s)",
    re.I,
)
"""What it is for, said before the object ("braucht für den Jahresabschluss eine ...")."""


def _phrase(after: str) -> str:
    """The document phrase at the start of ``after``, or "" when it names none."""
    purpose = _PURPOSE_FIRST.match(after)
    if purpose:
        after = after[purpose.end() :]
    rest = _LEADING.sub("", _ENUMERATOR.sub("", after.strip().lstrip("-")))
    # an elided article: "l'attestation", "dell'ordine"
    rest = _LEADING.sub("", _ELIDED.sub("", rest))
    if re.match(r"[,;:]", rest) or _ANOTHER_VERB.match(rest):
        return ""  # "..., auf die sich ...", "di inviarci ...": the object is elsewhere
    number = re.match(r"#?((?:INV[-#]?)?\d[\w-]{3,})\s*(?:[?.!,]|$)", rest, re.I)
    if number:
        return f"invoice {number.group(1)}"  # "can you resend INV-51558?"
    stop = _STOP.search(rest)
    words = _DROP.sub("", rest[: stop.start()] if stop else rest).split()[:_MAX_WORDS]
    named = [i for i, w in enumerate(words) if _names_document(w)]
    if not named:
        return ""
    while (
        len(named) > 1
        and _INVOICE_WORD.fullmatch(words[named[-1]].strip(",;"))
        and (
            named[-1] + 1 == len(words)
            or re.search(r"\d|^[A-Z]{1,4}$", words[named[-1] + 1])  # "da fatura FT 2026/0201"
        )
        and _OF.fullmatch(words[named[-1] - 1])
        and not _INVOICE_COPY.fullmatch(words[named[-2]].strip(",;"))
    ):
        # "recibo da fatura 2026/77": the invoice it is for is the finding's, not the document
        words = words[: named[-1] - 1]
        named.pop()
    end = named[-1] + 1
    if (
        end + 1 < len(words)
        and _OF.fullmatch(words[end])
        and not _NOT_A_NOUN.fullmatch(words[end + 1])
        and not _ARTICLE.fullmatch(words[end + 1])
    ):
        end += 2  # "proof of delivery", "certificate of conformance"
    elif end < len(words) and (re.search(r"\d", words[end]) or _AFTER_NOUN.search(words[end])):
        end += 1  # "factura INV-50588", "albarán firmado", "facturas pendientes"
    elif end < len(words) and _ELIDED_OF.match(words[end]):
        end += 1  # "attestation d'assurance", "dichiarazione d'intento"
    if end < len(words) and _AFTER_NOUN.search(words[end].strip(",")) and end > named[-1] + 1:
        end += 1  # "bon de livraison signé", "copia del verbale firmato"
    clause_named = end == len(words) and end >= 2 and _INFINITIVE.fullmatch(words[end - 1])
    words = words[:end]
    if clause_named and _OF.fullmatch(words[-2]) and stop:
        # "certificado de estar al corriente con Hacienda": a document named by a clause runs
        # on to the end of that clause
        tail = _CLAUSE_END.split(rest[stop.start() :], maxsplit=1)[0]
        words += _DROP.sub("", tail).split()[:_CLAUSE_WORDS]
    if _PRONOUN.fullmatch(words[0]) or _PREPOSITION.fullmatch(words[0]):
        return ""  # "(while I have) you, could you send ...", "[send] with the ...": no object
    extra = _complement(rest, words)
    head = _head(words)
    if extra and head.startswith("invoice cop") and not any(map(_ENGLISH_COPY.fullmatch, words)):
        head = " ".join(words)  # "Rechnung mit der neuen Adresse": one language throughout
    return f"{head} {extra}".strip()


def _head(words: list[str]) -> str:
    """The document named by ``words``: an invoice copy in English unless numbered in the
    customer's language, "copies of X" as X, abbreviations spelled out."""
    bare = [w.strip(",;") for w in words if w.strip(",;")]
    if all(
        _INVOICE_COPY.fullmatch(w) or (re.search(r"\d", w) and not _names_document(w)) for w in bare
    ):
        # "facture F-2026-0251", "copia de facturas", "invoice 2026-0466": a copy of invoices
        plural = any(w.lower().endswith(("ies", "as", "es", "s")) for w in bare if "-" not in w)
        numbers = " ".join(w for w in bare if re.search(r"\d", w))
        if (
            not any(_ENGLISH_COPY.fullmatch(w) for w in bare if not re.search(r"\d", w))
            and any(_INVOICE_WORD.fullmatch(w) for w in bare)
            and not any(_COPY.fullmatch(w) for w in bare)
        ):
            # "facture 41-220", "Rechnung", "copia de facturas": their words, their language
            return " ".join(bare)
        return f"invoice {'copies' if plural else 'copy'} {numbers}".strip()
    phrase = " ".join(words).strip(" ,")
    if not phrase:
        return ""
    copies = _COPIES_OF.fullmatch(phrase)
    if copies and copies.group(1).lower() == "copies":
        return copies.group(2)  # "copies of the packing slips": the packing slips
    if copies:
        return f"{copies.group(2)} {copies.group(1)}".lower()
    phrase = _ABBREVIATIONS.get(phrase.lower(), phrase)
    return re.sub(r"\bw-?9\b", "W-9", phrase, flags=re.I)  # one spelling: "W9 and statement"


_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DATE = (
    rf"(?:\d{{1,2}}[./]\d{{1,2}}\.?(?:\d{{2,4}})?|\d{{1,2}}\.?\s+(?:{_MONTH})\.?(?:\s+\d{{4}})?|"
    rf"(?:{_MONTH})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
_DATED = re.compile(
    rf"\s*(?:as of|as at|as per|per|zum|au|à la date du|al|a fecha de|op|a data de|alla data del)"
    rf"\s+{_DATE}",
    re.I,
)
"""The day a statement or confirmation is drawn up to: "as of June 30", "zum 30.06.2026"."""
_COVERS = re.compile(
    rf"\s*(?:for|für|pour|para|per|voor)\s+(?:(?:the|that|this|each|both|die|das|den|le|la|el|il|"
    rf"de|het|ce|cette|ese|esa|quel|quella)\s+)?(?:(?:\w+\s+)?(?:lot|draw|batch|Lieferung|lote|lotto|partij)(?:\s+(?:no\.?\s*|#)?\d[\w-]*)?|"
    rf"(?:{_MONTH})\.?(?:\s+20\d\d)?)\b(?!\s+(?!(?:and|und|et|y|e|en|or|oder|ou|o|so|as|because|since|before|if|to|we|i|please|"
    rf"bitte|sowie|ainsi|así|nonché)\b)(?-i:[a-z]))",
    re.I,
)
"""The month, lot or draw a document covers: "for September", "for the June draw" (a year or
"this year" is left out, as most labels do)."""
_WITH = re.compile(r"\s*(?:with|mit|avec|con|com|met)\s+", re.I)
_WITH_WORDS = 4


def _complement(rest: str, words: list[str]) -> str:
    """What follows the document in ``rest`` and belongs to it: the day it is drawn up to,
    what it must show ("with the driver signatures"); "" when the words after it are a
    reason, a recipient or another document. The invoice it is for is left to the finding's
    invoices ("packing slip for INV-7741": "packing slip")."""
    tokens = [m for m in re.finditer(r"\S+", rest) if not _DROP.fullmatch(m.group(0) + " ")]
    if len(tokens) < len(words) or [t.group(0) for t in tokens[: len(words)]] != words:
        return ""
    after = rest[tokens[len(words) - 1].end() :]
    dated = _DATED.match(after)
    if dated:
        return dated.group(0).strip()
    covers = _COVERS.match(after)
    if covers:
        return covers.group(0).strip()
    if re.match(r"\s*à jour\b", after, re.I):
        return "à jour"
    form = re.match(rf"\s*({_FORMAT.pattern})\b", after, re.I)
    if form:
        return re.sub(r"\s+an?\s+", " ", form.group(1))  # "as a PDF": "as PDF"
    m = _WITH.match(after)
    if not m:
        return ""
    tail = after[m.end() :]
    stop = _STOP.search(tail)
    shown = _DROP.sub("", tail[: stop.start()] if stop else tail).split()
    if (
        not shown
        or len(shown) > _WITH_WORDS
        or _PRONOUN.fullmatch(shown[0])
        or re.fullmatch(r"us|me|uns|mir|nous|moi|nos|ci|ons|mij", shown[0], re.I)
        or any(_names_document(w) for w in shown)
    ):
        return ""
    while shown and re.fullmatch(r"and|und|et|y|e|en|or|oder|ou|o|of", shown[-1], re.I):
        shown.pop()  # "with the correct account and ...": the complement ends before "and"
    if not shown:
        return ""
    return f"{m.group(0).strip()} {' '.join(shown)}"
