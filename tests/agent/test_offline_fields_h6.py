"""Fields of disputes, deductions and document requests in fresh phrasing: which noun is
the object of the ask, which clause states the cause."""

import pytest

from arbox.agent.offline.documents import document_asked


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # a wish to see or receive the document: its object follows the second verb
        (
            "Before releasing payment we need to see the signed work order for the March visit.",
            "signed work order",
        ),
        (
            "I would appreciate receiving a copy of the signed lease before the next payment.",
            "signed lease copy",
        ),
        ("We'd like to receive the packing list for the second drop.", "packing list"),
        # "provide us with": the object after "with"
        (
            "Could you kindly provide us with the order confirmation for PO 7781?",
            "order confirmation",
        ),
        # an infinitive carrying its pronoun
        ("¿Pueden reenviarme la factura 2026-118 en PDF?", "factura 2026-118 en PDF"),
        ("Potete inviarmi il DDT firmato?", "DDT firmato"),
        # a German request whose verb is "zukommen lassen", a "-zettel" document
        (
            "Könnten Sie uns bitte eine aktuelle Freistellungsbescheinigung zukommen lassen?",
            "Freistellungsbescheinigung",
        ),
        ("Könnten Sie uns die Stundenzettel Ihrer Monteure schicken?", "Stundenzettel"),
        # a month that is part of a longer phrase ("the March visit") is not what it covers
        ("Please send the signed delivery note for the June shipment.", "signed delivery note"),
        ("Please send the timesheets for March so we can approve them.", "timesheets for March"),
    ],
)
def test_document_object_of_the_ask(clause: str, document: str) -> None:
    assert document_asked(clause) == document
