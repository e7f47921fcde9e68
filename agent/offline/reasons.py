"""The reason of a dispute or deduction (CONTRACTS.md section 1): `pricing`, `quantity`,
`damaged`, `not_received`, `duplicate`, `terms`, `freight` or `other`, from the words of the
reply in any of our languages, after the hint of the cue that found the intent."""

from __future__ import annotations

import re
from collections.abc import Callable

_REASONS: list[tuple[str, re.Pattern[str]]] = [
    (
        "duplicate",
        re.compile(
            r"duplicat(?!as?\b)|\b(?:bill|charg|invoic|paid|pay|list|appear|show|enter|count|"
            r"book)\w*"
            r"\b[^.\n]{0,60}\btwice\b(?! (?:the|as)\b)|\btwice (?:for|on|in|under)\b|"
            r"\bdouble(?![- ]check)|"
            r"already billed|billed again|same (?:job|invoice|charge|delivery|visit|service|"
            r"container|"
            r"order|shipment|load|po|line|item|ticket|work|bl|trip)\b|duplicidad\w*|"
            r"(?:mesma|misma|même|stessa) (?:nf|nota|fatura|factura)\b|"
            r"\bonly (?:\w+ ){0,2}once\b|one time only|(?:mismo|mesmo) (?:pedido|albarán|envío|"
            r"envio)"
            r"|stess[ao] (?:ordine|servizio)|même (?:commande|"
            r"livraison|"
            r"prestation|intervention)|(?:selben?|gleichen?) (?:bestellung|lieferung|leistung|"
            r"auftrag)|dezelfde (?:order|levering|bestelling|rit)|dos facturas por|"
            r"two (?:invoices|bills) for|identisch|doppelt|doppelberechnung|zweimal|deux fois|"
            r"doublon|dos veces|duplicad|due volte|doppi|duas vezes|mesma fatura|dubbel|twee keer|"
            r"(?:è|e) la stessa|stess[ao] (?:fattura|ddt|consegna)|misma factura|même facture|"
            r"dieselbe rechnung|gleiche rechnung|dezelfde factuur|already (?:invoiced|paid under)",
            re.I,
        ),
    ),
    (
        "damaged",
        re.compile(
            r"(?<!liquidated )damag|broken|defect|expir|quality|spoil|toleran|\bscrap|faulty|"
            r"not working|beschädigt|kaputt|fehlerhaft|mangelhaft|endommag|abîm|écras|en panne|"
            r"dañad|defectu|\broto|danneggi|difett|guast|danificad|avariad|beschadig|kapot|"
            r"verkeerde dikte|wrong (?:spec|voltage|size|colou?r|model|material)|"
            r"does(?:n't| not) work|did(?:n't| not) work|stopped working|"
            # "has not worked since installation", "never worked", "won't work"
            r"\b(?:has|have|had)(?:n't| not| never)(?: \w+)? worked\b|\bnever worked\b|"
            r"won't (?:even )?(?:work|start|run)\b|"
            r"failed (?:\w+ ){0,2}(?:inspection|test)|malfunction\w*|out of spec|\brotten|mou?ldy|"
            r"contaminat\w*|\bbent\b|\bdented|\bdents\b|"
            r"\btorn\b|\bripped|crushed|\bcrack\w*|many errors|full of errors|nombreuses erreurs|"
            r"shoddy|sloppy|poor workmanship|smashed|\bbroke (?:down|off|apart|on)\b|breaks? down|"
            r"verbogen\w*|verkratzt|\bruin(?:ed|s)?\b|destroyed|zerstört|détruite?s?|destruid[oa]s?|"
            r"distrutt[oaie]|vernield|vernietigd|\bleak\w*|cracked|scratched|thawed|melted|"
            r"wilted|"
            r"\bstale\b|gebrochen\w*|zerbrochen\w*|verdorben|abgelaufen|\bcass[ée]e?s?\b|périmé\w*|"
            r"pourri\w*|\brot[oa]s?\b|caducad\w*|podrid\w*|scadut\w*|\brott[aoie]\b|avariat\w*|"
            # goods past their date, not an invoice that fell due ("no está vencida")
            r"(?:validade|caducidad|prazo)\s+vencid\w*|(?:productos?|produtos?|lotes?)\s+vencid\w*|"
            r"quebrad\w*|estragad\w*|krassen|gebroken|bedorven|verlopen|"
            # "wet", not the Dutch "de wet" (the law)
            r"(?<!de )(?<!het )\bwet\b|soaked|water[- ]damage|moisture|\bdegrees\b|°\s?[cf]\b|"
            r"\bwarm\b|temperature|"
            r"rejected (?:at|on|by) (?:the |our )?(?:dock|receiving|arrival|delivery|goods|"
            r"incoming|"
            r"inspection|qc|quality)|rejected (?:them|it)\b|refused (?:them|it)\b|\bmou?ld\b|"
            r"schimmel|moisi|\bmoho|muffa|bolor|undicht|\blek\b|lekk|defeito|defeituos|\bstain\w*|"
            r"\bmanchas?\b|manchad|\btaches\b|macchiat|vlekken|flecken|smell\w*|\bodou?r|geruch|"
            r"\bgeur\b|\bolor\b|\bodore\b|cheiro|undersized?|oversized?|overripe|infest\w*|"
            r"\binsects?\b|aphids?|busted|overheat\w*|best[- ]by|use[- ]by|sell[- ]by|"
            r"mindesthaltbar\w*|falsch geliefert|"
            # more quality words in our languages
            r"defekt|défectu|defectuos|difettos|defeituos|funktioniert nicht|ne fonctionne pas|"
            r"no funciona|non funziona|werkt niet|não funciona|toléran|tolleranz|tolerancia|"
            r"tolerância|non[- ]conform\w*|nicht konform|niet conform|não conform\w*|no conforme|"
            r"qualit\w*|calidad|kwaliteit|qualidade|\brost\w*|\brust(?:y|ed)?\b|rouill\w*|"
            r"oxidad\w*|arrugginit\w*|\broest|enferrujad\w*|warped|chipped|shattered|faded|"
            r"peeling|\bburn(?:t|ed)\b|bruised|soggy|punctured|unusable|unsellable|substandard|"
            r"\binferior\b|off-spec|below spec|not to spec|zerkratzt|verbeult|verformt|zerrissen|"
            r"\bnass\b|verschimmelt|\brayé|bosselé|mouillé|déchiré|rayad\w*|abollad\w*|mojad\w*|"
            r"manchad\w*|mal estado|graffiat\w*|ammaccat\w*|bagnat\w*|ammuffit\w*|\bmarci\w*|"
            r"gekrast|gedeukt|beschimmeld|gescheurd|riscad\w*|amassad\w*|molhad\w*|\bpodre",
            re.I,
        ),
    ),
    (
        "terms",
        re.compile(
            r"discount|rebate|allowance|slotting|promotional|skonto|escompte|early pay|"
            r"\d/\d{2} net|late fee|late charge|finance charge|interest|pronto pago|abbuono|"
            r"retención|retenção|"
            r"retention|retainage|waarborg|sicherheitseinbehalt|fondo de garantía|retenue de "
            r"garantie|jaarbonus|bonus|verzugszinsen|mahngebühr|intereses de demora|interessi di "
            r"mora|prompt pay|(?:remise|descuento|sconto|korting|desconto)\s+(?:de |di |van )?\d+"
            r"(?:[.,]\d+)?\s?%|\d+(?:[.,]\d+)?\s?%\s+(?:de |di )?(?:remise|descuento|sconto|"
            r"korting|desconto)|sconto cassa|\bsconto\b|rappel|bonificaç\w*|bonificaci\w*|"
            r"\d+(?:[.,]\d+)?\s?% off(?! list)|\b(?:less|minus) (?:the |our |"
            r"a )?\d+(?:[.,]\d+)?\s?%"
            r"(?!\s*(?:\w+ )?(?:restocking|fee|charge))|"
            r"\d+(?:[.,]\d+)?\s?%\s?\d{1,2}(?:th)?,? net\b|juros|\brente\b|caução|"
            r"garantia contratual|pronto pagamento|indemnité forfaitaire|frais de recouvrement|"
            r"incassokosten|mahnkosten|gastos de cobro|spese di sollecito|intereses|interessi|"
            r"zinsen|intérêts|morat[oó]ri\w*|moratoire\w*",
            re.I,
        ),
    ),
    (
        "freight",
        re.compile(
            r"freight|shipping|delivery charge|fuel surcharge|detention|handling fee|fracht|"
            # a delivery billed as such ("you charged delivery", "the delivery fee")
            r"(?<!late )delivery (?:fee|cost)s?|"
            r"(?:charged|charging|billed|billing) (?:us )?(?:for )?(?:the )?delivery\b|"
            r"accessorial\w*|demurrage|liftgate|lift gate|redelivery|standgeld|standzeit|"
            r"wachtkosten|wachttijd|wartezeit|waiting time|wait time|standby time|stand-by time|"
            r"temps d'attente|tiempo de espera|"
            r"versandkosten|frais de port|\btransport\b|"
            r"(?<!documenti di )(?<!documento di )\btrasporto|"
            # Spanish "portes" (carriage), not the French "portes" (doors)
            r"\b(?:los|el|de|del|sus|con|sin|y|en|os|dos|nos|seus|sem|com) portes?\b|"
            r"\bportes? (?:pagados?|pagos|debidos?|incluidos?)\b|\benvío|"
            r"vrachtkosten|verzendkosten|spese di spedizione|\bfrete|(?<!late )delivery fees?|"
            r"frais de "
            r"livraison|\bfranco\b|\b(?:is|era|é|es|en|em) CIF\b|\bCIF (?:terms|basis)|\bTHC\b|"
            r"terminal handling|\btolls?\b|tolkosten|péage|\bmaut\b|peaje|pedaggi|storage "
            r"(?:charges?|fees?)|\bchassis\b|\blumper|drayage|spoedlevering|spoedzending|\bflete|"
            r"lieferkosten|transportkosten|zustell\w*|\bporto\b|frais de transport|gastos de "
            r"envío|spese di trasporto|\bnolo\b|bezorgkosten|carriage|postage|courier|"
            r"expedit\w* fee",
            re.I,
        ),
    ),
    (
        "pricing",
        re.compile(
            r"pric|overcharg|\brate\b|per unit|/unit|/hr|per hour|per page|\bquote|devis|preis|"
            r"\btarif|precio|prezzo|preço|prijs|list price|contracted|agreed \$|tarie[fv]|hourly|"
            r"uurloon|stundensatz|taux horaire|\beach\b|apiece|cada uno|pro stück|la pièce|"
            r"cadauno|per stuk|\bplan\b|downgrad\w*|upgrad\w*|rush (?:charge|fee)|\bvat\b|\biva\b|"
            r"\bbtw\b|\btva\b|mwst|mehrwertsteuer|umsatzsteuer|sales tax|reverse[- ]charge|\bgst\b|"
            r"\bhst\b|(?:supposed to be|should (?:have )?be(?:en)?|was|were|is|are|"
            r"already) included|"
            r"enthalten|inbegriffen|inbegrepen|compris dans|incluid[oa] en|compres[oa] nel|angebot|"
            r"offerte|presupuesto|orçamento|preventivo|\bprix\b|cotización|cotação|listino|"
            # a price raised, or an amount other than the one agreed
            r"\bincreas\w*|erhöh\w*|augmentation|aumento|verhoog\w*|verhoging|rincar\w*|"
            r"pactad[oa]|vereinbarte[nr]? (?:preis|betrag|pauschale)|montant convenu|importo "
            r"concordato|afgesproken (?:bedrag|prijs)|valor (?:acordado|combinado)|"
            r"plus cher|más caro|più caro|mais caro|teurer|duurder|markup|mark-up|aufpreis|"
            r"überhöht|overbill\w*|zu viel berechnet|trop factur\w*|cobra\w* de más|cobra\w* a "
            r"mais|te veel (?:gerekend|berekend|gefactureerd)|in eccesso|"
            r"[$€£]\s?\d+(?:[.,]\d+)?\s?/\s?[a-z]+|"
            r"off list",
            re.I,
        ),
    ),
    (
        "quantity",
        re.compile(
            r"short[- ]?ship\w*|shortage|\bshorted|units|quantity|\d\s*hours|seats|licenses|"
            r"heures|only (?:\w+ ){0,2}\d+|\d+\s*(?:pcs|pieces|boxes|cases|cartons|lb|kg|m²|stück|"
            r"stk|pièces|"
            r"unidades|cajas|pezzi|stuks|caixas)\b|we (?:got|received|counted) \d+|not \d+|"
            r"instead of \d+|statt \d+|au lieu de \d+|missing|fehl|manqu|faltar|mancan|ontbr|"
            r"menge|cantidad|quantité|quantità|quantidade|aantal|\b(?:were|was|came|arrived|"
            r"delivered) "
            r"short\b|\bshort (?:by|in)\b|partial (?:delivery|shipment)|incomplete|unvollständig|"
            r"incompl[eè]te?|incomplet[ao]|onvolledig|teillieferung|deellevering|entrega parcial|"
            r"consegna parziale|livraison partielle|\bfewer\b|mindermenge|fehlmenge|"
            r"minderlieferung|stückzahl|anzahl|miscount\w*|"
            # a measure set against another: "8.6 tons ... our scale says 7.9", "340 yards, not
            # the 400"
            r"\d\s*(?:tons?|tonnes?|miles?|yards?|feet|ft|meters?|metres?|km|liters?|litres?|"
            r"gallons?|loads?|trips?|panels?|ritten|viaggi|fahrten|voyages|viajes)\b[^.\n]{0,60}?"
            r"\b(?:not|says|shows|show|instead of|statt|au lieu de|invece di|en vez de|only)\b"
            r"[^.\n\d]{0,15}\d",
            re.I,
        ),
    ),
    (
        "not_received",
        re.compile(
            r"never (?:received|delivered|arrived|dropped|showed|came)|not received|no record|"
            r"did not receive|didn't receive|no se realizó|not performed|nicht geliefert|non livr|"
            r"nie geliefert|no hemos recibido|não foi realizado|nunca apareceu|niet geleverd|"
            r"non consegnat|never got|no[- ]show|did(?:n't| not) (?:show|turn) up|never (?:showed|"
            r"turned) up|não apareceu|não houve|no hubo|no se presentó|nicht erschienen|nicht "
            r"stattgefunden|n'a pas eu lieu|(?:jamais|pas) (?:reçu|livré|venu)|jamais été livr|"
            r"non (?:si è presentat|è venut|abbiamo ricevut)\w*|niet (?:verschenen|ontvangen|"
            r"gekomen)|nooit (?:ontvangen|geleverd)|nunca (?:recibimos|llegó|llegaron)|nie "
            r"(?:eingetroffen|erhalten|zugestellt)|nunca (?:foi |foram )?(?:entregues?|chegou|"
            r"chegaram)|nunca (?:fue |fueron )?entregad[oa]s?|(?:still )?waiting (?:on|for) "
            r"(?:the |our |your |this )?(?:delivery|goods|shipment|order|parts|pallets?|material)|"
            r"nie "
            r"angekommen|nicht angekommen|never (?:took place|happened)|did(?:n't| not) (?:take "
            r"place|happen)|back-?order\w*|not (?:yet )?(?:been )?(?:received|delivered|installed|"
            r"arrived)|have(?:n't| not) (?:yet )?received|still not (?:received|delivered|"
            r"installed|"
            r"here|arrived)|noch nicht (?:geliefert|erhalten|angekommen|eingetroffen|montiert)|pas "
            r"encore (?:reçu|livré|arrivé)|aún no (?:hemos recibido|ha llegado|llega)|ainda não "
            r"(?:recebemos|chegou|foi entregue)|nog (?:niet|steeds niet) (?:ontvangen|geleverd|"
            r"binnen)|"
            r"non (?:abbiamo )?ancora (?:ricevut|arrivat|consegnat)\w*|aucune? (?:intervention|"
            r"livraison|prestation|visite)|(?:was|were|been) (?:cancell?ed|called off)|gekündigt|"
            r"abbestellt|annulée? par|cancelad[oa] por|disdett\w*|opgezegd|"
            # a service or job that was not done
            r"nicht (?:erbracht|durchgeführt|ausgeführt|erhalten)|pas (?:été )?(?:effectuée?|"
            r"réalisée?|livrée?|reçue?)|non (?:effectuée?|réalisée?)|no (?:se )?(?:entregó|llegó|"
            r"hizo|recibi\w*)|non (?:è|sono) (?:mai )?(?:stat[oaie] )?(?:eseguit|fatt|consegnat|"
            r"arrivat)\w*|mai (?:stat[oaie] )?(?:fatt|eseguit|arrivat|consegnat)\w*|niet "
            r"(?:uitgevoerd|aangekomen)|nooit aangekomen|não (?:chegou|fez|foi (?:entregue|feit|"
            r"realizad|executad))|nunca chegou|never (?:did|done|completed|performed|installed|"
            r"finished|serviced)|not (?:done|completed|performed|finished)|lost in transit|"
            r"nobody came|no one came|no-one came|niemand (?:kam|ist gekommen|is gekomen)|"
            r"personne n'est venu|nadie vino|nessuno è venuto|ninguém (?:veio|apareceu)",
            re.I,
        ),
    ),
]
_COUNTED = re.compile(
    r"(\d+(?:[.,]\d+)?)\s+(units?|pieces?|pcs|boxes|cases|cartons|pallets|hours?|days?|"
    r"seats|licen[cs]es|bags|rolls|drums|sheets|stück|stk|pièces|unidades|cajas|pezzi|stuks|"
    r"dozen|dozijn|caixas|horas|heures|stunden|uur|ore)\b",
    re.I,
)
_COUNTED_ANY = re.compile(r"(?<![\w#/.,$€£-])(\d{1,5}(?:[.,]\d)?)(?![\d.,/-])\s+([^\W\d_]{4,})\b")
"""A whole count of any thing ("240 Kartons", "40 barricas", "1 860 metros"): not money
(no cents), not part of a reference."""
_NOT_A_COUNT = re.compile(
    r"(?:jan|feb|mar|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez|déc|dic|gen|ene|avr|"
    r"juil|août|mei|maa|ago|set|giu|lug|fev|out)\w*|weeks?|months?|years?|tagen?|wochen?|"
    r"monate?n?|jahren?|jours|semaines?|mois|años|días|dias|semanas|meses|anos|giorni|"
    r"settimane|mesi|anni|dagen|weken|maanden|jaren|percent|prozent|procent|euros?|dollars?|"
    r"reais|pesos|with|from|that|this|were|have|your|will|went|also|then|than|when|each|only|"
    r"more|less|over|nach|eine[nm]?|sind|wurde[n]?|para|pela|pelo|avec|sont|dans|voor|zijn|"
    r"werd|door|nella|della|alla|sono|bis|into|onto|past|plus|minus|total|invoices?|"
    r"rechnung\w*|factur\w*|fattur\w*|factu\w*|fatura\w*|due|net|paid|which|where",
    re.I,
)
_CURRENCY_BEFORE = re.compile(r"(?:usd|eur|cad|gbp|chf|dkk|sek|nok|aud|sgd|r\$|\$)\s?$", re.I)


_TERMS_BEFORE = re.compile(
    r"\b(?:net|terms?|within|after|payment|zahlbar|binnen|dans|en)\W*$", re.I
)


def _counts_differ(text: str) -> bool:
    """Two different counts of the same thing ("billed 12 hours ... shows 7.5 hours",
    "30 boxes ... 21 boxes", "240 Kartons ... 216 Kartons"): the quantity is contested,
    whatever the rate."""
    seen: dict[str, str] = {}
    found = [(m.start(), m.group(1), m.group(2)) for m in _COUNTED.finditer(text)]
    found += [
        (m.start(), m.group(1), m.group(2))
        for m in _COUNTED_ANY.finditer(text)
        if not _NOT_A_COUNT.fullmatch(m.group(2))
        and not _CURRENCY_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
    ]
    for start, number, unit in sorted(set(found)):
        if _TERMS_BEFORE.search(text[max(0, start - 20) : start]):
            continue  # "net 30 days", "within 60 days": terms, not a count
        unit = unit.lower().rstrip("s")
        if unit in seen and seen[unit] != number:
            return True
        seen.setdefault(unit, number)
    return False


_CHARGED_BACK = re.compile(
    r"back-?charg\w*|charge-?back|co-?op (?:advertising|ads?|funds?|allowance|"
    r"marketing|program)|advertising|werbekost\w*|marketing (?:fund|"
    r"contribution)|frais publicitaires|publicidad|pubblicit\w*|reclamebijdrage",
    re.I,
)
"""A cost of theirs charged to us (a backcharge, co-op advertising): reason `other`, whatever
caused the cost (README: a backcharge is `terms` or `other`)."""
_PENALTY = re.compile(
    r"late (?:fee|charge)|interest|finance charge|verzugszinsen|mahngebühr|pénalités? de retard|"
    r"intereses de demora|interés moratorio|morat[oó]ri\w*|moratoire\w*|interessi di mora|juros|"
    r"rente|aanmaningskosten",
    re.I,
)
_TERMS_BASIS = re.compile(
    r"\bnet\s?\d|\bterms\b|agreed|agreement|contract|vertrag|vereinbar\w*|voorwaarden|"
    r"overeenkomst|conditions|condiciones|condizioni|condições|discount|rebate|skonto|escompte|"
    r"descuento|sconto|korting|desconto|"
    r"retainage|retention|einbehalt|\d+\s?(?:days|tage|jours|días|giorni|dagen|dias)\b|"
    r"zahlungsziel|conditions de paiement|condiciones de pago|betalingstermijn",
    re.I,
)
"""What makes a refused late fee a `terms` matter: the terms they claim (README)."""
_PART_MISSING = re.compile(
    r"missing|fehlend\w*|manquant\w*|faltant\w*|faltaram|mancant\w*|ontbrekend\w*|"
    r"\b\d+ (?:of|von|sur|de|di|van) (?:the |den |les |los |i |de )?\d+\b",
    re.I,
)
_CONTRACT_PENALTY = re.compile(
    r"penalt\w*|pénalit\w*|penaliza\w*|penalizza\w*|vertragsstrafe|konventionalstrafe|boete|"
    r"liquidated damages|"
    # a deduction for delivering late: "2% discount because you delivered late", "6 werkdagen
    # te laat", "Verzugsschaden", "livré en retard", "consegna in ritardo", "con retraso"
    r"delivered (?:\w+ ){0,3}late|late deliver\w*|te laat (?:geleverd|bezorgd)|"
    r"levering\b[^.\n]{0,40}\bte laat|verspätet\w*|lieferverzug|verzugsschaden|"
    r"livr\w* (?:\w+ )?en retard|"
    r"retard de livraison|consegn\w* in ritardo|ritardo (?:di|nella) consegna|"
    r"entrega(?:do|da)? con retraso|retraso en la entrega|entreg\w* com atraso|"
    r"atraso na entrega",
    re.I,
)


_TAX_WITHHELD = re.compile(
    r"ganancias|\biibb\b|ingresos brutos|\birpf\b|\biss\b|\binss\b|ritenut[ae] d'acconto|"
    r"\btds\b|\bwht\b|withholding tax|tax withh\w*|retenciones|quellensteuer|retenue à la source|"
    r"scissione dei pagamenti|split payment|all'erario|\bna fonte\b|en la fuente|alla fonte|"
    r"at source",
    re.I,
)
_TAX_NAMES = re.compile(r"\b(?:IR|IRS|IRRF|PIS|COFINS|CSLL|IRPF|ISR)\b")
"""Taxes withheld at source, named by their (case-sensitive) abbreviations."""
_RETAINAGE = re.compile(
    r"retainage|retention|garant\w*|caução|einbehalt|waarborg|cauzione|contratual", re.I
)


_MONEY = re.compile(r"[$€£]\s?(\d[\d,.]*\d|\d)")
_PRICE_BEFORE = re.compile(r"(?:\bat|@|\brate of|\bprice of|\bpriced at|\bquoted)\s*$", re.I)
_PRICE_AFTER = re.compile(
    r"\s*(?:each|ea\b|apiece|per\b|/\s?[a-z]|a (?:unit|piece|page|hour|box|bag|case|roll|"
    r"sheet|pallet|ton|tonne|yard|foot|meter|metre|kilo|pound|gallon|litre|liter|seat|user|"
    r"license|licence|month|day|week|visit|load|trip))",
    re.I,
)
_CONTRAST_BEFORE = re.compile(
    r"\b(?:invoiced|billed|charged|has|shows|instead of(?: the)?|not|vs\.?|but)\s*(?:the |us |"
    r"at )?$",
    re.I,
)


_PAYING = re.compile(r"\b(?:pay|paid|paying|settle\w*|approved)\b", re.I)
"""'pay INV-7210 at $11,480': the total paid, not a unit price."""


def _prices_differ(text: str) -> bool:
    """A unit price set against another ("at $4.10, you invoiced $4.65", "$62.00 ... lists it
    at $54.00"): the price is contested, whatever counts are named beside it."""
    unit: set[str] = set()
    contrasted: set[str] = set()
    for m in _MONEY.finditer(text):
        before, after = text[max(0, m.start() - 15) : m.start()], text[m.end() : m.end() + 12]
        paying = _PAYING.search(text[max(0, m.start() - 30) : m.start()])
        if (_PRICE_BEFORE.search(before) and not paying) or _PRICE_AFTER.match(after):
            unit.add(m.group(1))
        elif _CONTRAST_BEFORE.search(before):
            contrasted.add(m.group(1))
    return bool(unit) and len(unit | contrasted) >= 2


def reason_of(text: str, hinted: list[str], context: str = "") -> str:
    """The dispute/deduction reason: the cue's hint if specific, else the text's words; a
    backcharge is `other`, and a late fee refused without terms to rest on is `other`.

    With ``context`` (``text`` is then the clause that found a dispute, ``context`` the
    whole reply), the lexicons are read in the clause, then in the whole reply, before the
    broader structures of the second tier are tried in the clause."""
    cause = _stated_cause(text)
    if cause:
        return cause
    reason = _checked(text, hinted, context, second=not context or context == text)
    if reason == "other" and context and context != text:
        reason = _checked(context, [], context, second=False)
        if reason == "other":
            reason = _checked(text, [], context, second=True)
    return reason


_BECAUSE = re.compile(
    r"\b(?:because(?: of)?|due to|owing to|as a result of|weil|wegen|parce que?|parce qu['’]|"
    r"car(?= (?:nous|vous|le|la|les|il|elle|ils|elles|on|c['’]|l['’]|votre|notre|vos|nos)\b)|"
    r"en raison d(?:e|u|es)|porque|ya que|debido a|perché|poiché|omdat|vanwege|wegens|"
    r"pois|já que|devido a)\b",
    re.I,
)
_TAKEN_FOR = re.compile(
    r"\b(?:deduct\w*|took|taken|take|taking|off|withh[eo]ld\w*|held back|holding back|"
    r"short[- ]?pa(?:id|ying)|kept|keeping|retain\w*|less|minus|abgezogen|gekürzt|einbehalten|"
    r"déduit|déduisons|retenu|retenons|descontad[oa]|descontamos|retenid[oa]|retenemos|"
    r"trattenut[oa]|tratteniamo|detratt[oa]|ingehouden|afgetrokken|descontámos|retivemos|"
    r"retid[oa])\b(?:[^.;\n]|\.(?=\d)){0,40}?\b(?:for|für|pour|por|para|per|voor)\b",
    re.I,
)
"""A deduction and what it is for: "took $45 off for the wrong fittings", "nous avons retenu
120 € pour les colis abîmés"."""
_CAUSE_END = re.compile(r"[.,;!?\n]|\s[-–]\s")


def _stated_cause(text: str) -> str:
    """The reason the clause after "because", "weil", "parce que", "porque" (or after what a
    deduction is "for") gives, when its words name one: the cause stated outranks words
    elsewhere in the reply."""
    for m in [*_BECAUSE.finditer(text), *_TAKEN_FOR.finditer(text)]:
        rest = text[m.end() : m.end() + 200]
        end = _CAUSE_END.search(rest)
        clause = rest[: end.start()] if end else rest
        if len(clause.split()) < 2 or _CHARGED_BACK.search(text, max(0, m.start() - 60), m.end()):
            continue  # "the backcharge for the glass your crew broke": a backcharge, `other`
        reason = _checked(clause, [], clause, second=True)
        if reason != "other":
            return reason
    return ""


def _checked(text: str, hinted: list[str], context: str, *, second: bool) -> str:
    if _CHARGED_BACK.search(text):
        return "other"
    reason = _reason(text, hinted, second=second)
    if reason == "terms" and _PENALTY.search(text) and not _TERMS_BASIS.search(context or text):
        return "other"
    if (
        reason in ("terms", "pricing")
        and (_TAX_WITHHELD.search(text) or _TAX_NAMES.search(text))
        and not _RETAINAGE.search(text)
    ):
        return "other"  # taxes withheld by law (README_e.md), not a retainage
    if reason == "not_received" and not _never_arrived(text) and _PAPERS_ONLY.search(text):
        return "other"  # what never came is a paper (a credit note), not the goods
    if reason == "not_received" and _PART_MISSING.search(text):
        return "quantity"  # some of the goods never came: the quantity is short
    if reason not in ("damaged", "quantity", "duplicate") and _CONTRACT_PENALTY.search(text):
        return "other"  # a penalty for late delivery under their contract
    return reason


def _reason(text: str, hinted: list[str], *, second: bool = True) -> str:
    specific = [r for r in hinted if r and r != "other"]
    if specific and specific[0] == "quantity" and _prices_differ(text) and not _counts_differ(text):
        return "pricing"  # "20 cases at $18.00 but we ordered 20 cases at $16.50": the price
    if (
        specific
        and specific[0] == "pricing"
        and _FREIGHT.search(text)
        and not _prices_differ(text)
        and not _PRICING.search(text)
    ):
        return "freight"  # "the fuel surcharge is not in our agreement": the charge is freight
    if specific and specific[0] == "terms" and not _names_terms(text):
        specific = []  # "remove the setup fee": a fee with no term, discount or penalty named
    if specific:
        return specific[0]
    for reason, pattern in _REASONS[:2]:
        if pattern.search(text):
            return reason  # a duplicate, or goods counted because they were damaged
    if _prices_differ(text):
        return "pricing"  # two unit prices for one thing, whatever the counts
    if _counts_differ(text):
        return "quantity"
    for reason, pattern in _REASONS[2:]:
        if pattern.search(text):
            return reason
    return _second_tier(text) if second else "other"


_FREIGHT = next(p for r, p in _REASONS if r == "freight")
_PRICING = next(p for r, p in _REASONS if r == "pricing")


def _names_terms(text: str) -> bool:
    """Whether the text names a term, discount, retainage or penalty of any kind."""
    terms = dict(_REASONS)["terms"]
    return bool(terms.search(text) or _TERMS_MORE.search(text) or _PENALTY.search(text))


# The second tier: language structures for a reply whose words matched none of the lexicons
# above (the reason was `other` by default). Each is a structure in all our languages, not
# a case's wording: a negated arrival, a count compared with the bill, a second bill.
_NEVER = (
    r"(?:never|nie(?:mals)?|jamais|nunca|mai|nooit|not|n't|nicht|pas|non|não|nao|niet|no|"
    r"nothing|nichts|rien|nada|niente|nulla|niets)"
)
_ARRIVED = (
    r"(?:arriv\w*|receiv\w*|deliver\w*|reach\w*|turn\w* up|show\w* up|came|come|"
    r"eingegangen|eingetroffen|angekommen|angeliefert|geliefert|erhalten|bekommen|zugestellt|"
    r"parvenu\w*|reçu\w*|livr\w*|venu\w*|"
    r"vino|vinieron|veio|vieram|kwam|kwamen|gekomen|gekommen|erschienen|"
    r"entregad\w*|entregue|entregó|recibi\w*|recebi\w*|recebemos|lleg\w*|cheg\w*|"
    r"consegnat\w*|ricevut\w*|arrivat\w*|pervenut\w*|"
    r"ontvangen|geleverd|aangekomen|bezorgd|aangeleverd|"
    # a service done, a visit that took place
    r"happened|took place|performed|carried out|done|durchgeführt|erbracht|ausgeführt|"
    r"stattgefunden|effectuée?s?|réalisée?s?|eu lieu|realizad[oa]s?|prestad[oa]s?|hech[oa]|"
    r"tenido lugar|eseguit\w*|effettuat\w*|avuto luogo|executad[oa]s?|ocorreu|"
    r"uitgevoerd|gedaan|plaatsgevonden|prestó|"
    # goods that never left: "never left your warehouse", "nie versandt"
    r"shipped|dispatched|versandt|verschickt|expédiée?s?|enviad[oa]s?|spedit[oa]|"
    r"verzonden|présentée?s?|presentó|presentad[oa]|presentat[oaie]|apareci\w*|apareceu|"
    # a course or meeting never held
    r"held|abgehalten|tenue?s?|tenut[oaie]|celebrad[oa]|gehouden)"
)
_NOBODY_CAME = re.compile(
    r"\b(?:nobody|no one|no-one|niemand|personne|nadie|nessuno|ninguém)\b(?:\W+[^\W\d]+){0,2}?"
    r"\W+(?:came|come|showed|turned|appeared|attended|erschienen|gekommen|kam|venu\w*|vino|"
    r"presentó|venuto|presentat\w*|compareceu|apareceu|apareci\w*|veio|verschenen|gekomen|"
    r"kwam)\b",
    re.I,
)
"""'nobody turned up', 'niemand ist erschienen', 'ninguém compareceu'."""
_NEVER_ARRIVED = re.compile(
    rf"(?:\b{_NEVER}|n't)\b(?:\W+[^\W\d]+){{0,3}}?\W+{_ARRIVED}\b|\bnever left\b", re.I
)
"""'never reached us', 'ist bei uns nie eingegangen', 'ne nous est jamais parvenue', 'nunca
nos fue entregado', 'non ci è mai stata consegnata', 'nooit bij ons aangekomen'."""
_PAPERS = re.compile(
    r"invoice|credit|statement|remittance|payment|check|cheque|e-?mail|letter|notice|"
    r"rechnung|gutschrift|zahlung|facture|avoir|paiement|factura|abono|pago|fattura|nota di|"
    r"pagamento|fatura|nota de|factuur|creditnota|betaling|documen|\bpo\b|order confirm|"
    r"\bcert\w*|zertifikat|zeugnis|paperwork|refund|rückerstattung|rembourse\w*|reembols\w*|"
    r"rimbors\w*|terugbetal\w*|money|funds",
    re.I,
)
"""What was not received is a paper or money, not the goods ("we never received your credit
note", "the mill certs didn't come with the shipment", "the refund you owe us hasn't come")."""
_FEWER = r"(?:fewer|less|more|weniger|mehr|moins|plus|menos|más|mas|mais|meno|più|minder|meer)"
_BILLED = (
    r"(?:bill\w*|invoic\w*|charg\w*|order\w*|berechnet|fakturiert|bestellt|in rechnung|"
    r"abgerechnet|factur\w*|command\w*|pedid\w*|cobr\w*|fattur\w*|ordinat\w*|fatur\w*|"
    r"encomend\w*|gefactureerd|besteld|berekend|gerekend|aangerekend)"
)
_FEWER_THAN_BILLED = re.compile(
    rf"\b{_FEWER}\b[^.\n]{{0,40}}?\b(?:than|als|que|dan|di|do que|de l[oa]s que|che)\b"
    rf"[^.\n]{{0,25}}?\b{_BILLED}",
    re.I,
)
"""'fewer cartons than we were billed for', 'weniger Paletten als berechnet', 'moins de colis
que ce qui est facturé', 'menos bultos de los que figuran en la factura', 'meno colli di
quelli fatturati', 'minder dozen dan gefactureerd'."""
_PRICE_WORD = re.compile(
    r"pric|cost|prix|preis|precio|prezzo|preço|prijs|tarif|rate|expensive|cher|caro|teuer|duur",
    re.I,
)
_SECOND_BILL = re.compile(
    r"\b(?:a )?second time\b|"
    r"\b(?:bill|charg|invoic|sent|issu|book)\w*(?: \w+){0,2} (?:again|once more)\b|"
    r"already (?:sent|issued|billed|invoiced|"
    r"charged|received|settled)|\brepetid\w*|ripetut\w*|\bherhaald|nochmal\w*|erneut|"
    r"\bsecond (?:invoice|bill)|\bidenti(?:cal|que|co|ca|ek)\b|"
    r"\b(?:another|other|a different|einer anderen|anderen|autre|otro|altro|outro|ander) "
    r"(?:invoice )?(?:number|nummer|numéro|número|numero)\b|"
    r"\b(?:already|bereits|schon|déjà|ya|già|já|al) (?:\w+ ){0,2}?(?:paid|bezahlt|payée?|réglée?|"
    r"pagad|pagat|betaald|abonad)\w*|\bduplic(?:a|ou|ó)\b|\b(?:repete|repite|ripete|repetiu|"
    r"repitió)\b|(?:ya|já|già|déjà|bereits|already|al) (?:\w+ ){0,2}?(?:liquidad|saldad|"
    r"settled|voldaan)\w*|"
    r"(?:zweite|deuxième|segund[ao]|second[ao]|tweede) (?:rechnung|facture|factura|fattura|"
    r"fatura|factuur)|bereits (?:bezahlt|berechnet|in rechnung)|déjà (?:payé|réglé|factur)\w*|"
    r"ya (?:la |lo )?(?:pagamos|pagad|factur)\w*|già (?:pagat|fatturat|saldat)\w*|"
    r"já (?:foi |a )?(?:pag|fatur)\w*|al (?:eerder |eens )?(?:betaald|gefactureerd|ontvangen)|"
    r"\bcopy of (?:invoice |our |your )?\S*\d|"
    # one thing on two invoices: "on both 3310 and 3344"
    r"\b(?:both|beiden?|les deux|ambas|ambos|entrambe|tutte e due)\b[^.\n]{0,30}?\d\S*\s+"
    r"(?:and|und|et|y|e|en)\s+\S*\d",
    re.I,
)
"""A second bill for the same thing ('charged a second time', 'already invoiced',
'esta factura está repetida', 'déjà réglée')."""
_AS_ORDERED = (
    r"sample|spec\w*|drawings?|dimensions?|measurements?|muster\w*|maß\w*|abmessung\w*|"
    r"spezifikation\w*|zeichnung\w*|bestellt\w*|échantillon|dimensions|cotes|muestra|medidas|"
    r"campione|misure|monster|staal|maten|afmeting\w*|tekening|amostra|medidas"
)
"""What goods are held against: the sample, the spec, the drawing, the measures ordered."""
_NOT_SOUND = re.compile(
    r"in (?:pieces|bits|stücken|morceaux|pedazos|pezzi|stukken|pedaços)|\bcrash\w*|"
    r"\brovinat\w*|\brisse?\b|\brissig|gesprungen|gerissen|\bfissur\w*|\bkrom\b|"
    r"unbrauchbar|inutilisable|inservible|inutilizable|inutilizzabil\w*|inutilizável|"
    r"onbruikbaar|\bunfit\b|\bwrong (?:item|part|product|goods|article)s?|"
    r"keeps? (?:failing|tripping|breaking|stopping)|\bfault\w*|\bstörung|\bpanne\b|averia\w*|"
    r"avaria\w*|storing\b|\bglitch\w*|\bbug(?:s|gy)?\b|"
    # errors in the work, not "your error" (a mistake of the vendor's)
    r"(?<!your )(?<!our )(?<!their )(?<!my )(?<!an )(?<!clerical )(?<!billing )\berrors?\b|"
    r"écaill\w*|\bpasad[oa]s\b|\bpartid[oa]s?\b|(?:não|no|non) serv[ei]\b|"
    r"ne sert à rien|niet (?:te )?(?:ge)?bruik\w*|nicht zu gebrauchen|"
    r"blätter\w*|\bmängel\b|\bmangel\b|éventré\w*|brisée?s?\b|rasgad\w*|scheggiat\w*|"
    r"fail\w* (?:\w+ ){0,3}(?:spec\w*|standards?|requirements?|norms?)\b|"
    # not what was ordered: a property wrong, or not matching the sample, the spec, the order
    r"\bwrong (?:shade|finish|grade|dimensions?|length|width|thickness|pattern|type|version|"
    r"fittings?)\b|"
    rf"(?:\bnot|n't|\bnicht|\bpas|\bno|\bnon|\bniet|\bnão)\W+(?:\w+\W+){{0,3}}?"
    rf"(?:(?:{_AS_ORDERED})\w*\W+(?:\w+\W+)?)?(?:match\w*|correspond\w*|entspr\w*|"
    rf"corrispond\w*|overeen\w*|conforme?s?\b|as per|according to)\W+(?:\w+\W+){{0,3}}?"
    rf"(?:{_AS_ORDERED})|"
    rf"(?:\bnicht|\bniet)\W+(?:\w+\W+){{0,3}}?(?:{_AS_ORDERED})\w*\W+(?:entspr|overeen)\w*|"
    # the verb before its negation: "entsprachen nicht der Spezifikation", "ne correspondent
    # pas aux cotes"
    rf"(?:correspond\w*|entspr\w*|corrispond\w*|match\w*)\s+(?:\w+\s+){{0,2}}?(?:pas|nicht|niet|"
    rf"non|not)\W+(?:\w+\W+){{0,3}}?(?:{_AS_ORDERED})|"
    # work that fell short of a standard and had to be redone
    r"\b(?:did not|didn't|does not|doesn't|do not|don't) meet\b|\bnot up to\b|voldeden niet|"
    r"voldoet niet|voldoen niet|ne satisfai\w* pas|no cumpl\w*|non rispett\w*|não cumpr\w*|"
    r"\b(?:had|have|has|needed) to (?:be )?rework\w*|nacharbeit\w*|nachbesser\w*|"
    r"herstelwerk\w*|\bretouches?\b|retrabajo|"
    r"rilavorazion\w*|retrabalho|overgelast|had to be (?:redone|reworked|repaired)|"
    r"\bsnapped|\bsplit\b|\bfêlée?s?|fissurée?s?|gesplitterd|gebarsten|"
    # a machine that will not start
    r"(?:won't|will not|doesn't|does not|didn't|did not) (?:start|turn on|switch on|power up|"
    r"boot)|lässt sich nicht|springt nicht an|ne (?:s'allume|démarre) pas|no (?:enciende|"
    r"arranca)|non si (?:accende|avvia)|não (?:liga|arranca)|(?:gaat|start) niet",
    re.I,
)
"""Goods or work not sound: broken into pieces, cracked, unusable, failing."""
_TERMS_MORE = re.compile(
    r"\bkorting\w*|betalingskorting|kredietbeperking\w*|late[- ]payment|overdue (?:fee|charge)|"
    r"reminder (?:fee|charge)|early (?:settlement|payment)|paiement anticipé|pago anticipado|"
    r"pagamento anticipato|pagamento antecipado|vorauszahlung|"
    r"year[- ]end (?:rebate|bonus|discount)|fin d'année|fin de año|fine anno|fim de ano|"
    r"eindejaars\w*|jahresend\w*|rabatt\w*|premio di fine|fine anno",
    re.I,
)
_FREIGHT_MORE = re.compile(
    r"transporte|frais d'(?:expédition|envoi)|(?:spese|costi?) di (?:consegna|invio)|"
    r"(?:custos?|despesas?) de (?:envio|entrega|transporte)|gastos de (?:transporte|entrega)|"
    r"kosten (?:voor|van) (?:verzending|levering|bezorging)|tail[- ]?lift|pallet (?:charge|fee)s?|"
    r"(?:livraison|entrega|consegna|lieferung|levering|delivery|zustellung) express|"
    r"express(?:zustellung|lieferung| delivery| shipping)|"
    # a delivery made urgent: "consegna urgente", "rush delivery", "Eillieferung"
    r"(?:consegna|entrega|livraison|lieferung|levering|delivery|shipping|spedizione|envío|envio)"
    r"\s+(?:urgente?|urgent|rapide|rápid[ao]|veloce)|(?:urgent|rush|expedited|priority)\s+"
    r"(?:delivery|shipping|shipment)|eillieferung|eilzustellung|spoedlevering|\bspoed\w*|"
    r"palett\w*gebühr|"
    r"lieferpauschale|verzendkosten|envoi|shipment charge",
    re.I,
)
_PRICING_MORE = re.compile(
    r"\bunit (?:cost|amount)|unitaire|por unidad|unitari[oa]|unitário|eenheids\w*|"
    r"einzelpreis|stückpreis|surcharge|zuschlag|supplément|recargo|sovrapprezzo|"
    r"maggiorazion\w*|sobretaxa|toeslag|\b(?:admin|administration|processing|service|setup|"
    r"set-up) (?:fee|charge)|\b(?:cost|charge|fee)s? (?:per|a|an) (?!hour|day)[a-z]+\b|"
    # a rate per unit of anything: "Betrag pro Tonne", "valor por metro", "coût horaire"
    r"\b(?:pro|par|por|per|je|al|ao|à l[ae']|a la) ?(?:tonne|ton|meter|metro|mètre|kilo|kg|"
    r"stück|pièce|pieza|unidade?|hora|heure|stunde|uur|ora|litre|liter|litro|box|bag|sack|"
    r"m²|m2|m3|m³)\b|horaire|stundensatz|por hora|all'ora|orari[ao]|per uur|"
    # an agreed amount set against the billed one: "lo acordado eran 45 €"
    r"\b(?:acordad[oa]|combinad[oa]|convenu\w*|concordat\w*|vereinbart\w*|afgesproken|"
    r"agreed)\W+(?:\w+\W+){0,3}?(?:[$€£]\s?)?\d[\d.,]*\s?(?:[$€£]|eur\b|euros?\b)|"
    r"\b(?:acordad[oa]|combinad[oa]|convenu\w*|concordat\w*|vereinbart\w*|afgesproken|"
    r"agreed)\W+(?:\w+\W+){0,3}?[$€£]\s?\d|"
    # billed above or apart from what was agreed: "supérieur à celui de votre proposition"
    r"(?:pric|cost|coût|amount|rate|montant|betrag|preis|importe|precio|importo|prezzo|costo|"
    r"valor|preço|prijs|bedrag|tarif)\w*[^.\n]{0,40}?"
    r"\b(?:higher|greater|supérieure?|höher|superior|maggiore|superiore|hoger|"
    r"mais alto|different|anders|différente?|distint[oa]|diferente|divers[oa]|verschilt|"
    r"afwijk\w*|abweich\w*)\b[^.\n]{0,40}?\b(?:quote|quotation|offer|proposal|contract|"
    r"agreement|angebot|vertrag|proposition|devis|contrat|offerta|contratto|presupuesto|"
    r"contrato|proposta|orçamento|offerte|overeenkomst)|surcoût|"
    # something that was to cost nothing: "supposed to be free for the first year"
    r"\b(?:supposed to be|should (?:have )?be(?:en)?|meant to be|promised as|(?:was|were) to be)\s+"
    r"(?:\w+\s+)?(?:free|complimentary|at no (?:extra )?(?:charge|cost))\b|\bfree of charge\b|"
    r"kostenlos|kostenfrei|gratuit\w*|\bgratis\b|sin (?:cargo|costo)|senza (?:costi|spese)|"
    r"zonder kosten|sem (?:custo|encargos)|"
    # a price changed: "went from $12 to $14"
    r"from [$€£]\s?\d[\d.,]*\s+to [$€£]\s?\d",
    re.I,
)


_PAPERS_ONLY = re.compile(
    r"(?:credit ?note|credit memo|gutschrift|avoir|nota de cr[eé]dito|nota di credito|"
    r"creditnota)[^.\n]{0,40}\b(?:never|nie|jamais|nunca|mai|nooit)\b|"
    r"\b(?:never|nie|jamais|nunca|mai|nooit)\b[^.\n]{0,25}\b(?:received|got|erhalten|reçu|"
    r"recibido|ricevut\w*|recebid\w*|ontvangen)\b[^.\n]{0,15}(?:credit ?note|credit memo|"
    r"gutschrift|avoir|nota de cr[eé]dito|nota di credito|creditnota)",
    re.I,
)
"""A credit note promised and never sent: its absence is no goods not received."""


_GOODS = re.compile(
    r"\b(?:goods|merchandise|shipment|delivery|order|pallets?|parts?|material\w*|items?|"
    r"ware|waren|lieferung|sendung|bestellung|paletten?|marchandises?|livraison|commande|"
    r"colis|palettes?|mercanc[ií]as?|pedido|env[ií]o|entrega|palés?|merce|spedizione|"
    r"consegna|ordine|bancali|goederen|levering|zending|bestelling|mercadorias?|encomenda|"
    r"remessa|paletes?|technician|techniker|technicien|técnico|tecnico|monteur|crew|driver)\b",
    re.I,
)
"""Goods, a delivery or the one who was to come: the subject of a negated arrival."""
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:of|from|on|for|de|du|des|de la|sur|pour|der|von|auf|für|zur|zum|van|voor|op|di|"
    r"del|della|dello|per|sulla|da|do|dos|das|na|no|del|en|para)\s+(?:(?:the|la|le|les|l'|el|"
    r"die|der|den|de|het|il|a|o|our|your|votre|notre|su|sua|vostra|uw|ihrer|unserer)\s+)?$",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r"[,.;:!?\n]|\b(?:but|pero|mais|aber|maar|ma|mas|yet|though|trotzdem|toch|cependant)\b", re.I
)
_NOT_CAME_AFTER = re.compile(
    r"\b(?:kam|kamen|erschien|erschienen|kwam|kwamen|verscheen|verschenen)\s+(?:\w+\s+){0,2}?"
    r"(?:nicht|nie|niemals|niet|nooit)\b",
    re.I,
)
"""A verb of coming before its negation, as German and Dutch put it ("der Monteur kam
nicht", "de chauffeur kwam nooit")."""
_STILL_WITHOUT = re.compile(
    r"\bstill (?:don't|do not|haven't|have not) (?:have|got)\b|\bsin recibir|\bsem receber|"
    r"\bsenza (?:aver )?ricevut\w*|toujours sans|immer noch nicht|nog steeds geen",
    re.I,
)


def _never_arrived(text: str) -> bool:
    if _NOBODY_CAME.search(text) or _STILL_WITHOUT.search(text):
        return True
    for m in _NEVER_ARRIVED.finditer(text):
        window = text[max(0, m.start() - 40) : m.end() + 30]
        if not _PAPERS.search(window):
            return True
        # goods (or the one who was to come) named nearer the negation than a paper are what
        # never came ("la marchandise de la facture F-2291 n'est jamais arrivée", "el técnico
        # no vino el día 14, pero la factura ..."): a paper after "of", "de", "for" is a
        # complement of the goods, and one in the next clause is no subject of the arrival
        before = text[max(0, m.start() - 40) : m.start()]
        goods = [g.end() for g in _GOODS.finditer(before)]
        papers = [
            p.end()
            for p in _PAPERS.finditer(before)
            if not _COMPLEMENT_BEFORE.search(before, 0, p.start())
        ]
        after = _CLAUSE_BREAK.split(text[m.end() : m.end() + 30], maxsplit=1)[0]
        if goods and goods[-1] > max(papers, default=-1) and not _PAPERS.search(after):
            return True
    return bool(_NOT_CAME_AFTER.search(text))


def _fewer_than_billed(text: str) -> bool:
    return any(not _PRICE_WORD.search(m.group(0)) for m in _FEWER_THAN_BILLED.finditer(text))


_BARE_NUMBER = re.compile(
    r"(?<![\w#/.,:$€£-])(\d{1,5})(?![\d,:/%-])(?![.]\d)(?!\s*(?:%|€|eur\b|usd\b|\$|h\b|days?\b|"
    r"tage|jours|días|dias|giorni|dagen|weeks?|months?))",
    re.I,
)
_AGAINST = re.compile(
    r"\b(?:only|just|but|shows?|says?|logs?|records?|not|instead|while|whereas|actually|nur|"
    r"aber|laut|statt|seulement|alors que|au bout de|mais|selon|sólo|solo|pero|según|apenas|"
    r"mas|segundo|soltanto|invece|ma|secondo|maar|slechts|alleen|volgens|waren|berechnet|"
    # what they had or used set against what is billed: "14 days ..., we had it for 9"
    r"had|used|kept|needed|hatten|brauchten|avions|avons eu|tuvimos|usamos|avevamo|abbiamo avuto|"
    r"hadden|gebruikten|tivemos|usámos|"
    r"factur\w*|fattur\w*|fatur\w*|cobr\w*|rekenen|gerekend|billed|charged|invoiced)\b",
    re.I,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:invoice|inv|rechnung|facture|factura|fattura|fatura|factuur|nr|no|po|ticket|ref|"
    r"order|bestellung|commande|pedido|ordine|bestelling|encomenda)\W{0,3}$",
    re.I,
)


def _count_against_count(text: str) -> bool:
    """A count set against another number ("the invoice says 9 loads; our gate log shows 6",
    "120 Säcke, berechnet haben Sie 150", "waren het er 18"): the quantity is contested."""
    counts = [(m.end(), m.group(1)) for m in _COUNTED.finditer(text)]
    counts += [
        (m.end(), m.group(1))
        for m in _COUNTED_ANY.finditer(text)
        if not _NOT_A_COUNT.fullmatch(m.group(2))
        and not _CURRENCY_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
        and not _TERMS_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
    ]
    for end, number in counts:
        window = text[end : end + 100].split("\n\n")[0]
        for m in _BARE_NUMBER.finditer(window):
            other = m.group(1)
            if other == number or 1900 <= int(other) <= 2100:
                continue
            if _REFERENCE_BEFORE.search(window[max(0, m.start() - 15) : m.start()]):
                continue
            if _AGAINST.search(window[: m.start()]):
                return True
    return False


_PAID_FOR_COUNT = re.compile(
    # a count of units refused: "not paying the 29 days after that", "won't pay the extra 8 hours"
    r"\b(?:not|n't|won't|never)\s+(?:be\s+|going to\s+)?pay(?:ing)?\s+(?:for\s+)?"
    r"(?:the\s+|those\s+)?"
    r"(?:extra\s+|additional\s+|other\s+|remaining\s+)?\d+\s+(?:extra\s+|additional\s+|more\s+)?"
    r"(?:days?|hours?|weeks?|months?|units?|pieces?|boxes|cases|cartons|pallets|loads?|trips?|"
    r"visits?|nights?|seats?|licen[cs]es?|users?)\b|"
    r"\b(?:paid|pay|bezahlt|zahlen|payé|payons|pagamos|pagado|pagato|paghiamo|betaald|betalen)"
    r"\s+(?:for|für|pour|por|per|voor)\s+(?:only\s+|nur\s+|seulement\s+|solo\s+|alleen\s+)?"
    r"\d+\b(?![.,]\d)(?!\s*(?:%|[$€£]|eur\b|usd\b|days?\b|tage|jours|días|giorni|dagen))",
    re.I,
)
"""A count paid for, not the amount: "so we paid for 4" (goods returned alone are `other`, as
the labels have it)."""
_BILLED_COUNT = re.compile(
    r"\b(?:bills|billed|charges|charged|invoices|invoiced|berechnet|facture|facturé\w*|factura|"
    r"facturó|fattura|sono indicate|sono indicati|brengt|rekent)\b(?: (?:us|uns|nous|ci|ons) )?"
    r"(?: for| für| pour| por| per| voor)?(?: \w+){0,3}? (\d[\d,.]*) (?:hrs|hours|ore|horas|"
    r"heures|stunden|uur|\w+)\b[^.;\n]{0,120}[.;\n]?[^.;\n]{0,160}?\b(?:our (?:\w+ )?count|"
    r"that's (?:about|only)|only \d|returned \d|returned (?:\w+ )?of them|we (?:only )?"
    r"(?:received|got|used|ordered) \d|dalle \d|de \d{1,2}[:h]|von \d{1,2}[:.]|"
    r"from \d{1,2}(?::\d\d)? ?(?:am|pm)? to|signed (?:in|out) at|in at \d)",
    re.I,
)
"""A count billed set against the customer's own ("5510 bills 12 hrs of labor - your tech
signed in at 9:40 and out at 4:50", "charges rent on 18 cylinders ... We returned 9",
"sono indicate 9 ore ... dalle 9:00 alle 13:30"): the quantity is contested."""


_SECOND_TIER: list[tuple[str, Callable[[str], object]]] = [
    ("duplicate", _SECOND_BILL.search),
    ("damaged", _NOT_SOUND.search),
    ("quantity", _fewer_than_billed),
    ("quantity", _PAID_FOR_COUNT.search),
    ("quantity", _count_against_count),
    ("quantity", _BILLED_COUNT.search),
    ("not_received", _never_arrived),
    ("terms", _TERMS_MORE.search),
    ("freight", _FREIGHT_MORE.search),
    ("pricing", _PRICING_MORE.search),
]


def _second_tier(text: str) -> str:
    for reason, found in _SECOND_TIER:
        if found(text):
            return reason
    return "other"
