"""The person a `wrong_contact` reply redirects to (agent/offline/contacts.py)."""

import pytest

from arbox.agent.offline.contacts import new_contact


@pytest.mark.parametrize(
    ("text", "sender", "name"),
    [
        # letters beyond Latin-1 and a capital inside the surname
        ("From now on please write to Gülşen Yıldız, g.yildiz@ornek.com.tr.", "a@b.com",
         "Gülşen Yıldız"),
        ("Our receiver, Connor McAllister (cmcallister@rcvr.com), handles all claims now.",
         "a@b.com", "Connor McAllister"),
        ("The court appointed Tomasz Dąbrowski; claims to kurator@dab.pl.", "a@b.com",
         "Tomasz Dąbrowski"),
        # the sender's own address written out: the sender
        ("Our AP clerk left; I'm handling it for now, pkhan@millrace.com works.",
         "Pat Khan <pkhan@millrace.com>", "Pat Khan"),
        # the one the address spells best: initial and surname beat the firm's name
        ("Lena Holt | Holt Recovery Partners | lholt@holtrecovery.com", "a@b.com", "Lena Holt"),
        # the sender signing off is not the person they send us to
        ("Please send claims to the trustee at trustee@caseadmin.com.\n\nBest,\nNora Quinn",
         "Nora Quinn <nq@shop.com>", None),
        # two people appointed together
        ("Ms. Ada Kerr and Mr. Ben Lowe were appointed joint liquidators; write to "
         "claims@kerrlowe.co.uk.", "a@b.com", "Ada Kerr and Ben Lowe"),
        # German nouns carry a capital mid-sentence; alone, one with a noun ending is no name
        ("Die Zahlung erfolgte per Überweisung. Rechnungen bitte künftig an "
         "kreditoren@hoffmann-gmbh.de senden.", "a@b.com", None),
        ("Wegen der Umstellung unserer Abteilung bitte nur noch an ap@werk.de schreiben.",
         "a@b.com", None),
        ("Ab sofort ist Frau Jung zuständig: ap@werk.de", "a@b.com", "Frau Jung"),
        ("Bitte wenden Sie sich an meine Kollegin Frau Sandra Weiß (s.weiss@mueller-bau.de).",
         "a@b.com", "Frau Sandra Weiß"),
        # a pronoun opening the sentence after a greeting is no name
        ("Goedendag,\nWij hebben de factuur nooit ontvangen. Kunt u deze nogmaals sturen naar "
         "facturen@bakkerij-jansen.nl?", "a@b.com", None),
        ("Hola,\nNosotros ya no llevamos las cuentas; escriban a pagos@ruiz.es", "a@b.com", None),
        ("Die Rechnungen bitte nicht mehr an mich schicken, ich bin nicht mehr im Einkauf. Die "
         "Nummer eins für Sie ist ab jetzt unser Postfach rechnungen@werk.de. Danke und Gruß",
         "a@b.com", None),
        ("Bitte schicken Sie die Rechnung ab jetzt an Petra, sie ist unter petra@werk.de "
         "erreichbar und kümmert sich um die Zahlungen.", "a@b.com", "Petra"),
    ],
)  # fmt: skip
def test_the_person_by_the_address(text, sender, name):
    assert new_contact(text, sender).new_contact_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the person named without an address, in the phrasing of several languages
        ("Statements go to our controller, Priya Natarajan.", "Priya Natarajan"),
        ("Vendor questions are handled by Owen Pike in purchasing.", "Owen Pike"),
        ("Marisol takes care of the bills now, not me.", "Marisol"),
        ("Bitte wenden Sie sich an Herrn Jonas Vogt aus der Buchhaltung.", "Herrn Jonas Vogt"),
        ("Não trato disso, fale com a Beatriz.", "Beatriz"),
        ("ring my son Callum, he does the paperwork", "Callum"),
        ("Le mandataire judiciaire est Hélène Rigaud.", "Hélène Rigaud"),
    ],
)  # fmt: skip
def test_the_person_named_without_an_address(text, name):
    assert new_contact(text, "someone@else.com").new_contact_name == name
