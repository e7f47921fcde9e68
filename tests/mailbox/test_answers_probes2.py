"""An answer marked ">>" typed on its own line inside an Outlook quote (which carries no ">")."""

from __future__ import annotations

from arbox.mailbox.reply import split_reply

NOTICE = """Voir ci-dessous.

De : Service clients Norvale <ar@norvale.example>
Envoyé : mardi 17 novembre 2026 10:04
À : Comptabilité <compta@client.fr>
Objet : Relance facture 58120

Madame, Monsieur,
Facture 58120 de 860,00 EUR échue le 30/10.
{answer}
Cordialement,
Norvale"""


def test_a_marked_answer_below_a_line_of_the_notice_is_the_senders() -> None:
    reply, quoted, _ = split_reply(NOTICE.format(answer=">> réglée par virement le 12/11"))
    assert reply.endswith("réglée par virement le 12/11")
    assert "Facture 58120" not in reply  # our notice stays history
    assert "Facture 58120" in quoted


def test_a_marked_line_in_a_quote_that_uses_markers_stays_history() -> None:
    text = NOTICE.format(answer=">> réglée par virement le 12/11\n> ancien message")
    reply, quoted, _ = split_reply(text)
    assert "réglée" not in reply
    assert "réglée" in quoted


def test_a_marked_line_that_speaks_to_the_customer_stays_history() -> None:
    reply, _, _ = split_reply(NOTICE.format(answer=">> Merci de régler votre solde"))
    assert "régler" not in reply
