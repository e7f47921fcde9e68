"""Dispute and deduction reasons: the words of each reason in our languages, and the words
that only look like one (a Brazilian "duplicata" is a trade bill, a co-op is a company)."""

import pytest

from arbox.agent.offline.fields import reason_of


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # duplicate: a second bill for one thing
        ("Both invoices cover the same shipment, so we will pay only one of them.", "duplicate"),
        ("You invoiced the same order under two numbers; please void the later one.", "duplicate"),
        ("Dos facturas por el mismo pedido: anulen la segunda, por favor.", "duplicate"),
        ("Your crew only came out once, not on two days.", "duplicate"),
        # damaged or quality
        ("Three crates came in soaked, the cardboard had gone soft and wet.", "damaged"),
        ("The yoghurt arrived warm, 14 degrees at the dock, so we refused it.", "damaged"),
        ("We deducted the two drums that were rejected at goods-in.", "damaged"),
        ("Twelve sacks had mould on them and went in the bin.", "damaged"),
        ("Die Ventile waren undicht, wir zahlen den Betrag dafür nicht.", "damaged"),
        ("Devolvemos as peças com defeito de fabrico.", "damaged"),
        ("Les nappes sont revenues avec des taches, nous retenons 80 €.", "damaged"),
        ("The printed boxes smell of solvent and our client refuses them.", "damaged"),
        ("Two of the 40 panels were undersize and could not be fitted.", "damaged"),
        ("Of the 50 trays, 6 came with cracked lids.", "damaged"),
        # terms: discounts, rebates, retainage, interest under the terms
        ("Paid minus 3% as usual for paying inside ten days.", "terms"),
        ("We took the 2% 15 net 45 discount, paid on day 12.", "terms"),
        ("Abbiamo applicato lo sconto cassa previsto in contratto.", "terms"),
        ("Descuento por rappel anual aplicado según acuerdo.", "terms"),
        ("Descontamos a bonificação anual prevista no acordo.", "terms"),
        ("Retivemos a caução contratual de 5% até à receção da obra.", "terms"),
        ("Os juros de mora não são devidos: pagámos dentro dos 30 dias acordados.", "terms"),
        ("De rente klopt niet, we betalen altijd binnen 30 dagen volgens de voorwaarden.", "terms"),
        # freight and logistics charges
        ("We won't pay the delivery fee, delivery is free on orders this size.", "freight"),
        ("Nous retirons les frais de livraison, la vente était franco.", "freight"),
        ("The THC was already in the all-in rate.", "freight"),
        ("De tolkosten horen niet op deze factuur.", "freight"),
        ("Taking off the port storage charges your late paperwork caused.", "freight"),
        # pricing: the price, a tax the invoice should not carry, something included
        ("You charged VAT on a zero-rated export; please reissue without it.", "pricing"),
        ("La factura lleva IVA y el servicio está exento.", "pricing"),
        ("Die Leistung war im Festpreisangebot enthalten.", "pricing"),
        ("Disposal was supposed to be included, so we are not paying it.", "pricing"),
        ("You billed $44/seat; our agreement says less.", "pricing"),
        ("18% off list is what our distributor deal says, not full list.", "pricing"),
        # quantity: two different counts of the same thing
        ("You charge 60 Kisten, our goods-in booked 54 Kisten.", "quantity"),
        ("The invoice has 12 barrels, the delivery note 10 barrels.", "quantity"),
        ("Six rolls were short in the container against the packing list.", "quantity"),
        # not received: goods or service never came or not yet
        ("The parts are still backordered, we'll pay when they arrive.", "not_received"),
        ("Non abbiamo ancora ricevuto la merce, è ferma dal corriere.", "not_received"),
        ("Aucune intervention n'a eu lieu chez nous ce jour-là.", "not_received"),
        ("We have not yet received the second half of the order.", "not_received"),
        ("The March visit was cancelled by your office, so please credit it.", "not_received"),
    ],
)
def test_reason_words(text, reason):
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a Brazilian "duplicata" (trade bill) or French "duplicata" (a copy) is no duplicate
        ("A duplicata 5.120 foi paga hoje, descontamos o frete, que era CIF.", "freight"),
        # a co-operative's name is no co-op advertising backcharge
        ("Valley Growers Co-op paid 3310 less $200 for the crushed crates.", "damaged"),
        # twice said of a failed test is no double billing
        ("The unit failed its pressure test twice; we hold the invoice.", "damaged"),
        # taxes withheld by law are `other`, retainage `terms`
        ("Transferimos el total menos las retenciones de IIBB y Ganancias.", "other"),
        ("We paid less the 10% retainage held until completion.", "terms"),
    ],
)
def test_words_that_only_look_like_a_reason(text, reason):
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Die Pumpe ist defekt und funktioniert nicht.", "damaged"),
        ("Les pièces sont hors tolérance et non conformes.", "damaged"),
        ("Las puertas llegaron rayadas y en mal estado.", "damaged"),
        ("Il materiale è arrivato ammaccato, qualità scadente.", "damaged"),
        ("De planken waren gekrast en beschimmeld.", "damaged"),
        ("As caixas chegaram amassadas e molhadas.", "damaged"),
        ("The shelving arrived warped and the paint was peeling.", "damaged"),
        ("Es war nur eine Teillieferung, der Rest fehlt noch.", "quantity"),
        ("Livraison incomplète : il manquait deux colis.", "quantity"),
        ("The lift was never serviced: your technician never did the inspection.", "not_received"),
        ("L'intervento non è mai stato eseguito.", "not_received"),
        ("A equipa não fez a limpeza combinada.", "not_received"),
        ("Nobody came to collect the waste on the 12th.", "not_received"),
        ("Le prix facturé est plus cher que le devis.", "pricing"),
        ("Nos cobraron de más por el mismo servicio.", "pricing"),
        ("Jullie hebben te veel gerekend voor de huur.", "pricing"),
        ("Les frais de transport ne sont pas dus.", "freight"),
        ("Das Porto war nicht vereinbart.", "freight"),
        ("El flete corría por su cuenta.", "freight"),
        ("Contestons l'indemnité forfaitaire de recouvrement: payé dans les 30 jours.", "terms"),
        ("Wir haben den Skonto abgezogen wie im Vertrag vorgesehen.", "terms"),
    ],
)
def test_reason_words_in_more_languages(text, reason):
    assert reason_of(text, []) == reason


def test_transport_documents_are_no_freight():
    text = "Nei documenti di trasporto risultano 11 viaggi, voi ne fatturate 15 viaggi."
    assert reason_of(text, []) == "quantity"


@pytest.mark.parametrize(
    "text",
    [
        "The subscription went up 30% at renewal with no notice; the contract caps increases.",
        "Die Erhöhung um 12 % war nicht vereinbart.",
        "El importe no es el pactado en el contrato marco.",
        "Le montant convenu était de 900 € par mois.",
        "Het afgesproken bedrag was lager dan wat u nu rekent.",
    ],
)
def test_a_price_raised_or_not_as_agreed_is_pricing(text):
    assert reason_of(text, []) == "pricing"


@pytest.mark.parametrize(
    "text",
    [
        "Our PO has 300 m of cable at $2.15, you invoiced $2.45.",
        "The quote said €18.50 each and the invoice has €21.00 for 40 pieces, not 40 pieces.",
        "You billed 12 drums at $310.00; your price list shows them at $285.00 for 10 drums.",
    ],
)
def test_two_unit_prices_are_pricing_whatever_the_counts(text):
    assert reason_of(text, []) == "pricing"


def test_one_rate_times_a_count_is_still_quantity():
    text = "We had the crane for 9 days, not 12. Daily rate $400 x 3 days = $1,200 held back."
    assert reason_of(text, []) == "quantity"


def test_paying_at_a_total_is_no_unit_price():
    text = "We'll pay 5512 at $9,400, not $9,500: our 1% volume rebate for the quarter."
    assert reason_of(text, []) == "terms"


@pytest.mark.parametrize(
    "text",
    [
        # a measured amount set against another: the quantity is contested
        "Your ticket has 8.6 tons of gravel; our scale says 7.9.",
        "The crew paved 340 yards, not the 400 you billed.",
        "You charged for 10 panels but the installer only fitted 7.",
    ],
)
def test_a_measure_set_against_another_is_quantity(text):
    assert reason_of(text, []) == "quantity"


@pytest.mark.parametrize(
    "text",
    [
        # tax withheld at source by law is no discount or retainage
        "Pagamos o líquido: houve retenção de IR e PIS/COFINS conforme a lei.",
        "Retuvimos el 15% en la fuente como exige la normativa fiscal.",
    ],
)
def test_tax_withheld_at_source_is_other(text):
    assert reason_of(text, []) == "other"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The unit cost on the invoice is higher than the one on our purchase order.", "pricing"),
        ("You billed us the old tariff, the new one applies since January.", "pricing"),
        ("Der Stückpreis auf der Rechnung weicht von unserer Bestellung ab.", "pricing"),
        ("Le montant unitaire facturé ne correspond pas à notre bon de commande.", "pricing"),
        ("El importe por unidad no coincide con lo que acordamos.", "pricing"),
        ("Il costo unitario in fattura è superiore a quello dell'ordine.", "pricing"),
        ("A tabela de preços usada na fatura está errada.", "pricing"),
        ("De eenheidsprijs op de factuur is hoger dan in de bestelling.", "pricing"),
        (
            "We were charged the premium hourly labour instead of the standard one we signed for.",
            "pricing",
        ),
        ("We paid everything except the surcharge nobody agreed to.", "pricing"),
        ("Only 18 of the 20 pallets were on the truck, we paid for 18.", "quantity"),
        ("Es wurden weniger Paletten geliefert als berechnet.", "quantity"),
        ("Nous avons reçu moins de colis que ce qui est facturé.", "quantity"),
        ("Llegaron menos bultos de los que figuran en la factura.", "quantity"),
        ("Sono arrivati meno colli di quelli fatturati.", "quantity"),
        ("Recebemos menos volumes do que os faturados.", "quantity"),
        ("Er zijn minder dozen geleverd dan er gefactureerd zijn.", "quantity"),
        ("Half of the glassware arrived in pieces.", "damaged"),
        ("The pump you supplied keeps tripping and has to be replaced.", "damaged"),
        ("Die gelieferten Fliesen haben Risse, wir kürzen die Rechnung.", "damaged"),
        ("Les meubles sont arrivés rayés et cassés, nous ne payons pas ces pièces.", "damaged"),
        ("La mercancía llegó en mal estado y la devolvimos.", "damaged"),
        ("I pannelli consegnati erano rovinati, non li paghiamo.", "damaged"),
        ("As caixas chegaram amassadas e o produto estragado.", "damaged"),
        ("De geleverde planken waren krom en onbruikbaar.", "damaged"),
        ("The software crashes every morning and your support hasn't fixed it.", "damaged"),
        ("The paint job is peeling after two weeks, we're holding the balance.", "damaged"),
        ("We're still waiting for the goods, they never showed up.", "not_received"),
        ("The consultant never turned up for the workshop you billed.", "not_received"),
        ("Die Ware ist bei uns nie eingegangen.", "not_received"),
        ("La marchandise ne nous est jamais parvenue.", "not_received"),
        ("El pedido nunca nos fue entregado.", "not_received"),
        ("La merce non ci è mai stata consegnata.", "not_received"),
        ("A encomenda nunca foi entregue.", "not_received"),
        ("De goederen zijn nooit bij ons aangekomen.", "not_received"),
        (
            "We have no delivery on file for that order, nothing reached our warehouse.",
            "not_received",
        ),
        ("This invoice was already sent to us last month under another number.", "duplicate"),
        ("You've charged us a second time for the same repair.", "duplicate"),
        ("Diese Rechnung haben wir bereits bezahlt, sie ist doppelt.", "duplicate"),
        ("Cette facture fait double emploi avec la précédente.", "duplicate"),
        ("Esta factura está repetida, ya la pagamos.", "duplicate"),
        ("Questa fattura è un duplicato di quella di marzo.", "duplicate"),
        ("Esta fatura está em duplicado.", "duplicate"),
        ("Deze factuur is twee keer verstuurd voor dezelfde levering.", "duplicate"),
        ("We deducted the early settlement discount you offer on your invoices.", "terms"),
        ("We took off the volume rebate we earned this quarter.", "terms"),
        ("Wir haben 3 % Skonto abgezogen, da innerhalb von 10 Tagen gezahlt.", "terms"),
        ("Nous avons appliqué l'escompte pour paiement anticipé.", "terms"),
        ("Aplicamos el descuento por pronto pago acordado.", "terms"),
        ("Abbiamo trattenuto lo sconto per pagamento anticipato.", "terms"),
        ("Descontámos o desconto de pronto pagamento.", "terms"),
        ("We hebben de betalingskorting ingehouden.", "terms"),
        ("The late payment charge is wrong, our terms are 60 days and we paid on day 45.", "terms"),
        (
            "The carriage charge shouldn't be on the invoice, delivery is included over $500.",
            "freight",
        ),
        ("We won't pay the fuel surcharge.", "freight"),
        ("Die Transportkosten waren laut Angebot frei Haus.", "freight"),
        ("Les frais d'expédition n'étaient pas prévus.", "freight"),
        ("Los gastos de transporte corren por su cuenta.", "freight"),
        ("Le spese di consegna non erano previste.", "freight"),
        ("O custo do frete não estava no orçamento.", "freight"),
        ("De transportkosten waren niet afgesproken.", "freight"),
        ("The pallet charges and the tail-lift fee weren't agreed.", "freight"),
        ("We offset the amount against the credit you owe us from last year.", "other"),
        ("We held back the amount because of the late-delivery penalty in our contract.", "other"),
    ],
)
def test_phrasing_no_lexicon_word_names_falls_to_the_structures(text, reason):
    """A negated arrival, a count compared with the bill, a second bill, goods not sound,
    in each of our languages: written before the second tier, these all fell to `other`."""
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    "text",
    [
        "We never received your credit note for the returned pallets.",
        "Die Gutschrift haben wir nie erhalten, bitte erneut senden.",
    ],
)
def test_a_paper_not_received_is_no_goods_not_received(text):
    assert reason_of(text, []) != "not_received"


def test_again_said_of_anything_but_a_bill_is_no_duplicate():
    text = "Please do not write to us about this again, the equipment went back in May."
    assert reason_of(text, []) != "duplicate"


def test_the_whole_replys_lexicon_outranks_a_structure_in_the_clause():
    clause = "That is $900 in setup charges we will not pay."
    whole = "The invoice bills 6 setups; we only had 1 setup. " + clause
    assert reason_of(clause, [], whole) == "quantity"
    assert reason_of(clause, [], clause) == "pricing"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Hi Tom, about invoice 4471: the cost per bag went from $12 to $14 without any "
            "notice. We'll pay once it's rebilled at $12.",
            "pricing",
        ),
        (
            "Hello, we can't approve 8812. The hourly charge for the technician is not what's"
            " in our service agreement. Please correct.",
            "pricing",
        ),
        (
            "Guten Tag, auf der Rechnung 2231 steht ein anderer Preis je Meter als in Ihrem "
            "Angebot vom März. Bitte korrigieren.",
            "pricing",
        ),
        (
            "Bonjour, le tarif appliqué sur la facture 552 n'est pas celui de notre contrat "
            "cadre. Merci de nous renvoyer une facture rectifiée.",
            "pricing",
        ),
        (
            "Buenos días, en la factura 77 nos aplicaron una tarifa distinta a la cotizada. "
            "Esperamos la corrección.",
            "pricing",
        ),
        (
            "Buongiorno, il prezzo al chilo in fattura non corrisponde all'offerta. "
            "Attendiamo una nota di credito.",
            "pricing",
        ),
        (
            "Hi, we paid 3390 minus $210 for the forklift hire: we only had it 4 days, you "
            "billed 7 days.",
            "quantity",
        ),
        (
            "Hallo, Sie haben 14 Stunden berechnet, der Monteur war aber nur 9 Stunden bei "
            "uns. Wir zahlen nur 9 Stunden.",
            "quantity",
        ),
        (
            "Bonjour, il manque 3 cartons sur la livraison du 4 mai, nous avons payé la "
            "facture au prorata.",
            "quantity",
        ),
        ("Hola, de las 50 cajas facturadas sólo recibimos 44. Pagamos las 44.", "quantity"),
        ("Olá, faltaram 5 sacos na entrega, por isso pagámos só o que chegou.", "quantity"),
        (
            "Goedendag, er ontbraken twee pallets bij de levering; we hebben die van het "
            "bedrag afgetrokken.",
            "quantity",
        ),
        ("Hi, paid 1120 less $300 - three of the chairs came with snapped legs.", "damaged"),
        (
            "Morning. The frozen fish arrived thawed, we binned the lot and are not paying for it.",
            "damaged",
        ),
        (
            "Guten Morgen, die Hälfte der Eier war zerbrochen. Den Betrag dafür haben wir "
            "abgezogen.",
            "damaged",
        ),
        ("Bonjour, les vitres livrées étaient fêlées, nous avons retenu leur montant.", "damaged"),
        ("Hola, las botellas llegaron rotas y con fugas, descontamos 180 €.", "damaged"),
        (
            "Buongiorno, la macchina non si accende da quando è stata installata; sospendiamo"
            " il pagamento.",
            "damaged",
        ),
        (
            "Olá, os equipamentos vieram com defeito e não funcionam. Não pagamos até serem "
            "substituídos.",
            "damaged",
        ),
        ("Hoi, de kozijnen zijn beschadigd aangekomen, we houden 400 euro in.", "damaged"),
        (
            "We won't pay 5510: the installation you billed for hasn't happened yet, the crew"
            " is booked for next month.",
            "not_received",
        ),
        (
            "Hello, your invoice covers the training session on the 3rd but it was called off"
            " by your trainer and never rescheduled.",
            "not_received",
        ),
        (
            "Sehr geehrte Damen und Herren, die Wartung wurde nie durchgeführt, niemand ist "
            "erschienen.",
            "not_received",
        ),
        (
            "Bonjour, nous n'avons toujours pas reçu les pièces commandées, nous paierons à "
            "réception.",
            "not_received",
        ),
        (
            "Buenas, el material todavía no ha llegado a obra, no podemos pagar algo que no "
            "tenemos.",
            "not_received",
        ),
        ("Buongiorno, la merce non è ancora arrivata al nostro magazzino.", "not_received"),
        (
            "Bom dia, o serviço não foi prestado, ninguém compareceu na data marcada.",
            "not_received",
        ),
        (
            "Hallo, de bestelling is nooit geleverd, dus we betalen deze factuur niet.",
            "not_received",
        ),
        (
            "Hi, 6620 looks like a copy of 6604, same PO and same amount. We paid 6604 last week.",
            "duplicate",
        ),
        (
            "You invoiced the March maintenance on both 3310 and 3344. Please cancel one.",
            "duplicate",
        ),
        (
            "Guten Tag, die Rechnung 881 und 894 betreffen dieselbe Lieferung. Eine davon "
            "bitte stornieren.",
            "duplicate",
        ),
        ("Bonjour, vous nous avez facturé deux fois le même chantier.", "duplicate"),
        ("Hola, nos han cobrado dos veces la misma reparación.", "duplicate"),
        ("Buongiorno, questa fattura l'abbiamo già pagata a febbraio, è un doppione.", "duplicate"),
        ("Boa tarde, esta fatura já foi paga, foi emitida duas vezes.", "duplicate"),
        ("Goedemorgen, deze factuur hebben we al eerder ontvangen en betaald.", "duplicate"),
        ("Hi, we paid within 10 days so we took the 2% prompt-payment discount, $88.", "terms"),
        ("We're holding 5% retention until practical completion, as per the subcontract.", "terms"),
        ("Hallo, den Jahresbonus von 2 % laut Rahmenvertrag haben wir verrechnet.", "terms"),
        ("Bonjour, nous avons déduit la remise de fin d'année convenue.", "terms"),
        ("Hola, aplicamos el rappel del 3% pactado para este año.", "terms"),
        (
            "Buongiorno, gli interessi di ritardo non sono dovuti perché abbiamo pagato nei "
            "termini.",
            "terms",
        ),
        ("Olá, os juros cobrados não fazem sentido, pagámos dentro do prazo de 60 dias.", "terms"),
        (
            "Hi, the delivery charge should not be there, we collected the goods ourselves.",
            "freight",
        ),
        ("We removed the $75 fuel surcharge, it is not in our agreement.", "freight"),
        ("Hallo, die Frachtkosten übernehmen laut Vereinbarung Sie.", "freight"),
        ("Bonjour, les frais de port n'étaient pas prévus dans la commande.", "freight"),
        ("Hola, el envío era gratuito según la oferta.", "freight"),
        ("Buongiorno, il trasporto era a vostro carico come da accordi.", "freight"),
        ("Olá, o frete deveria ser por vossa conta.", "freight"),
        ("Hoi, de vrachtkosten waren volgens de offerte inbegrepen.", "freight"),
        ("We deducted the $500 you owe us for the scaffolding we lent your crew.", "other"),
        ("We netted your invoice against our own open invoice 77-120.", "other"),
        ("Wir haben mit unserer Gegenforderung aus Rechnung 5512 aufgerechnet.", "other"),
    ],
)
def test_whole_replies_in_new_phrasing(text, reason):
    """Mail-like replies written without looking at the rules (12 of 54 fell to `other`
    or another reason before the second tier learned a service not done, nobody came,
    one thing on two invoices, a machine that will not start, a year-end rebate)."""
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    "text",
    [
        "We deducted $300 because the test certificates didn't come with the shipment.",
        "The rebate you owe us hasn't arrived, so we netted it against this invoice.",
    ],
)
def test_papers_or_money_not_received_are_no_goods_not_received(text):
    assert reason_of(text, []) != "not_received"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Hi Sandra, regarding 7712 - the rate you used for the overtime is $95, our "
            "contract has $80. Please reissue.",
            "pricing",
        ),
        (
            "We're short-paying 2290 by $140: the catalogue says $28 a box and you charged "
            "$35 a box.",
            "pricing",
        ),
        (
            "Sehr geehrter Herr Brandt, der berechnete Betrag pro Tonne liegt über dem "
            "vereinbarten Satz. Wir bitten um Korrektur.",
            "pricing",
        ),
        (
            "Madame, le coût horaire facturé pour la main d'oeuvre ne correspond pas à notre "
            "accord.",
            "pricing",
        ),
        (
            "Estimados, nos facturaron la hora de técnico a 60 € cuando lo acordado eran 45 €.",
            "pricing",
        ),
        ("Gentili signori, la tariffa oraria applicata è più alta di quella pattuita.", "pricing"),
        ("Prezados, o valor cobrado por metro está acima do combinado na proposta.", "pricing"),
        ("Beste, het uurtarief op de factuur is niet wat we hebben afgesproken.", "pricing"),
        ("Hi Pat, you charged us for 30 licences but we only ever activated 22.", "quantity"),
        (
            "Hey, the invoice says 9 loads of topsoil. Our gate log shows 6 trucks came in.",
            "quantity",
        ),
        ("Hallo, auf dem Lieferschein stehen 120 Säcke, berechnet haben Sie 150.", "quantity"),
        (
            "Bonjour, vous nous facturez 10 journées de location alors que la nacelle est "
            "repartie au bout de 6.",
            "quantity",
        ),
        ("Hola, la factura cobra 200 metros de cable y sólo se instalaron 150.", "quantity"),
        (
            "Salve, ci avete addebitato 12 ore di lavoro ma il tecnico è rimasto solo 8 ore.",
            "quantity",
        ),
        ("Olá, foram faturadas 40 caixas mas a guia de remessa indica 32.", "quantity"),
        ("Hoi, jullie rekenen 25 uur, volgens onze registratie waren het er 18.", "quantity"),
        ("Paid 4410 minus $260 for the two chairs whose frames came cracked.", "damaged"),
        (
            "The laptops you refurbished keep overheating and shutting down, we're not paying"
            " until they're fixed.",
            "damaged",
        ),
        (
            "Die Folie war beim Auspacken eingerissen und verschmutzt, wir haben sie reklamiert.",
            "damaged",
        ),
        ("Bonjour, la peinture s'écaille déjà sur la façade, nous bloquons le solde.", "damaged"),
        ("Buenos días, las frutas llegaron pasadas y tuvimos que tirarlas.", "damaged"),
        ("Buongiorno, il lotto di farina era infestato da parassiti, lo abbiamo reso.", "damaged"),
        ("Bom dia, o material chegou partido e não serve para a obra.", "damaged"),
        ("Goedemiddag, de tegels waren gebroken bij aflevering, wij betalen die niet.", "damaged"),
        (
            "We cancelled the order before it shipped and it never left your warehouse, so "
            "this invoice is void.",
            "not_received",
        ),
        (
            "Guten Tag, die bestellten Ersatzteile sind bis heute nicht bei uns angekommen.",
            "not_received",
        ),
        (
            "Bonjour, le technicien ne s'est jamais présenté pour la visite annuelle.",
            "not_received",
        ),
        ("Hola, el servicio de limpieza no se prestó esa semana, nadie apareció.", "not_received"),
        (
            "Buongiorno, la manutenzione non è mai avvenuta, nessuno si è presentato.",
            "not_received",
        ),
        ("Bom dia, ainda estamos à espera da mercadoria, não recebemos nada.", "not_received"),
        ("Dag, we hebben de goederen tot op vandaag niet ontvangen.", "not_received"),
        (
            "Hello, INV-882 and INV-889 are for the exact same delivery ticket. We'll pay one"
            " of them.",
            "duplicate",
        ),
        (
            "This is the second invoice we've had for the August service call - the first one"
            " was paid.",
            "duplicate",
        ),
        ("Hallo, Sie haben uns die Miete für Mai zweimal in Rechnung gestellt.", "duplicate"),
        ("Bonjour, cette facture reprend exactement la facture 3321 déjà réglée.", "duplicate"),
        ("Hola, esta factura duplica la 4410 que pagamos en marzo.", "duplicate"),
        ("Salve, ci è arrivata due volte la stessa fattura con numeri diversi.", "duplicate"),
        ("Olá, a fatura 551 repete a 540, já liquidada.", "duplicate"),
        ("Hoi, factuur 221 is dezelfde als factuur 209, die al betaald is.", "duplicate"),
        ("We paid on day 8, so we deducted the 1.5% for early payment your terms offer.", "terms"),
        (
            "We are holding back the 10% retainage until the punch list is signed off, as per"
            " the contract.",
            "terms",
        ),
        (
            "Guten Tag, wir haben 2 % Skonto gezogen, die Zahlung erfolgte innerhalb der Frist.",
            "terms",
        ),
        (
            "Bonjour, nous contestons les intérêts de retard : la facture a été réglée à "
            "l'échéance.",
            "terms",
        ),
        ("Hola, hemos descontado el 2% por pronto pago como indican sus condiciones.", "terms"),
        ("Buongiorno, abbiamo trattenuto lo sconto del 3% per pagamento entro 10 giorni.", "terms"),
        (
            "Bom dia, aplicámos o desconto de 2% por pagamento antecipado previsto nas condições.",
            "terms",
        ),
        ("Hi, we won't pay the detention time, your driver arrived three hours late.", "freight"),
        ("The invoice has a $90 liftgate fee but we have a dock.", "freight"),
        (
            "Guten Tag, die Expresszustellung haben wir nicht beauftragt, bitte die Kosten "
            "streichen.",
            "freight",
        ),
        (
            "Bonjour, le transporteur a facturé une seconde présentation alors que nous "
            "étions ouverts.",
            "freight",
        ),
        ("Hola, el coste del transporte urgente no lo pedimos nosotros.", "freight"),
        ("Buongiorno, le spese di spedizione dovevano essere incluse nel prezzo.", "freight"),
        ("Olá, os portes não estavam previstos na encomenda.", "freight"),
        (
            "We offset the $1,200 credit you owe us from the returned stock against this invoice.",
            "other",
        ),
        ("We deducted the cost of cleaning up the mess your crew left on site.", "other"),
        ("Wir haben die Vertragsstrafe wegen verspäteter Fertigstellung einbehalten.", "other"),
    ],
)
def test_a_third_set_of_new_phrasing(text, reason):
    """Written blind after the second tier's first two rounds: 29 of 57 right at the start of
    the session, 37 after those rounds; now a count set against another number, a rate per
    unit, an agreed amount, a service not rendered, a copy of a settled invoice."""
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Invoice 5510 for 12 pallets: we'll pay it on 14 March, not before.",
        "We ordered 40 chairs in 2025 and the same again this year.",
    ],
)
def test_numbers_that_are_no_second_count(text):
    assert reason_of(text, []) != "quantity"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Hi Rachel,\n\nThanks for the reminder. On 4471 the per-gallon price you charged "
            "is 20 cents over the contract price, so we've paid the contract price. "
            "Remittance to follow.\n\nBest, Omar",
            "pricing",
        ),
        (
            "Morning - 2209 has the seats at the list rate, but we were promised the "
            "education rate when we signed. Please resend.",
            "pricing",
        ),
        (
            "Guten Tag Frau Maier,\n\nbei der Rechnung 3318 wurde der alte Listenpreis "
            "angesetzt, obwohl seit April die neue Konditionsvereinbarung gilt. Bitte um "
            "Neuausstellung.\n\nMit freundlichen Grüßen",
            "pricing",
        ),
        (
            "Bonjour Paul,\n\nle montant facturé pour l'heure de grue est supérieur à celui "
            "de votre proposition commerciale. Merci de corriger.\n\nCordialement",
            "pricing",
        ),
        (
            "Hola Marta, el kilo de producto está facturado más caro que en el pedido. "
            "Pagaremos cuando nos llegue la factura corregida.",
            "pricing",
        ),
        (
            "Ciao Luca, in fattura 77 il costo del noleggio giornaliero è diverso da quello"
            " del contratto.",
            "pricing",
        ),
        (
            "Hi Ben,\n\nre 5580: you billed 48 hours of crane time, our site diary has the "
            "crane on site for 36. Happy to pay 36.\n\nThanks, Gail",
            "quantity",
        ),
        (
            "We received 18 of the 24 cases on the invoice. The other 6 never came off the "
            "truck. Short-paid accordingly.",
            "quantity",
        ),
        (
            "Guten Morgen, statt der berechneten 500 Stück haben wir nur 450 Stück "
            "erhalten. Wir zahlen 450.",
            "quantity",
        ),
        (
            "Bonjour, sur les 30 palettes facturées, 26 seulement ont été livrées. Nous "
            "réglons 26 palettes.",
            "quantity",
        ),
        (
            "Buongiorno, abbiamo ricevuto 90 pezzi contro i 100 fatturati, paghiamo solo "
            "quelli arrivati.",
            "quantity",
        ),
        ("Olá, foram cobradas 60 horas, mas o registo de ponto mostra 52 horas.", "quantity"),
        (
            "Hi Jen, paid 6610 less $420: the cabinets had water stains and swollen panels "
            "when we unwrapped them. Photos attached.",
            "damaged",
        ),
        (
            "Our lab tested the batch and it failed the purity spec, so we're rejecting it "
            "and withholding payment.",
            "damaged",
        ),
        (
            "Hallo Herr Vogel, die Lackierung der Türen blättert ab, der Mangel ist "
            "dokumentiert. Wir behalten 800 EUR ein.",
            "damaged",
        ),
        (
            "Bonjour, les cartons étaient éventrés et la moitié des verres brisés à l'arrivée.",
            "damaged",
        ),
        ("Hola, el sofá llegó con la tapicería rasgada, descontamos su importe.", "damaged"),
        ("Buongiorno, le piastrelle sono arrivate scheggiate, non possiamo posarle.", "damaged"),
        (
            "Goedemorgen, de pomp lekt sinds de installatie en werkt niet goed. Wij betalen"
            " pas na reparatie.",
            "damaged",
        ),
        (
            "Hi Carla, the cleaning crew didn't come on the 12th or the 19th, but both "
            "visits are on the invoice. Please credit them.",
            "not_received",
        ),
        (
            "We still don't have the replacement screens. You can't bill for something "
            "that's sitting in your warehouse.",
            "not_received",
        ),
        (
            "Guten Tag, die Schulung, die Sie berechnet haben, hat nie stattgefunden.",
            "not_received",
        ),
        (
            "Bonjour, la livraison annoncée pour le 3 mai n'est jamais arrivée chez nous.",
            "not_received",
        ),
        ("Hola, seguimos sin recibir los repuestos que aparecen en la factura.", "not_received"),
        ("Olá, a instalação ainda não foi feita, por isso não vamos pagar já.", "not_received"),
        (
            "Hi, 7790 and 7791 are identical - same date, same lines, same total. We paid 7790.",
            "duplicate",
        ),
        (
            "You've sent us the April rent invoice twice, once as 4410 and again as 4432.",
            "duplicate",
        ),
        ("Hallo, die Rechnung 2231 ist eine Kopie der bereits bezahlten 2219.", "duplicate"),
        ("Bonjour, la facture 881 a déjà été payée sous le numéro 874.", "duplicate"),
        (
            "Hola, esta factura ya la recibimos y la abonamos el mes pasado con otro número.",
            "duplicate",
        ),
        ("Buongiorno, la fattura 1102 è identica alla 1098 che abbiamo già saldato.", "duplicate"),
        ("Goedemiddag, factuur 550 is een dubbele van 548.", "duplicate"),
        ("Hi Joe, we took the 2% ten-day discount since the payment went out on day 7.", "terms"),
        (
            "Hallo, den vereinbarten Jahresrabatt von 3 % haben wir von der Zahlung abgezogen.",
            "terms",
        ),
        (
            "Bonjour, nous avons appliqué l'escompte de 2 % prévu dans vos conditions générales.",
            "terms",
        ),
        (
            "Hola, no pagaremos los intereses de demora: pagamos dentro del plazo de 60 "
            "días de nuestro contrato.",
            "terms",
        ),
        ("Buongiorno, abbiamo detratto il premio di fine anno concordato.", "terms"),
        ("Olá, descontámos o rappel anual de 2% previsto no acordo comercial.", "terms"),
        (
            "Hi Mo, we won't pay the $150 redelivery charge - the driver never rang the bell.",
            "freight",
        ),
        (
            "The shipping on 3320 should be zero, the order was over the free-shipping threshold.",
            "freight",
        ),
        ("Guten Tag, die Frachtpauschale ist nicht Teil unserer Vereinbarung.", "freight"),
        ("Bonjour, le surcoût de livraison express n'a jamais été demandé.", "freight"),
        ("Hola, los portes debían ser pagados por ustedes según la oferta.", "freight"),
        ("Goedemiddag, de bezorgkosten staan niet in de offerte.", "freight"),
        ("We netted the balance against the marketing fund contribution you agreed to.", "other"),
        (
            "Hallo, wir verrechnen die Rechnung mit Ihrer offenen Gutschrift aus dem Vorjahr.",
            "other",
        ),
        (
            "Bonjour, nous avons compensé avec notre facture de refacturation de frais de "
            "nettoyage.",
            "other",
        ),
        ("We took off the contractual penalty for finishing two weeks late.", "other"),
        (
            "Hola, descontamos la penalización por retraso en la obra prevista en el contrato.",
            "other",
        ),
    ],
)
def test_a_fourth_set_of_whole_mails(text, reason):
    """Whole mails with greetings and sign-offs, written blind after the third round (29 of
    53 right at the start of the session, 35 before the fourth round): damage words of each
    language, a course never held, still without the goods, an invoice identical to another
    or paid under another number, a price above the quote, express delivery."""
    assert reason_of(text, []) == reason


def test_more_days_than_the_contract_allows_is_no_price():
    text = "We cancelled more than 60 days out, so per your contract nothing is owed."
    assert reason_of(text, []) != "pricing"
