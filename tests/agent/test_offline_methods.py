"""The payment method named in words the shared extractor leaves: a check said before or
after its number or amount, a card, and local schemes (RiBa, LCR, domiciliación)."""

import pytest

from arbox.agent.offline.fields import payment_method


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("Posted check Tuesday, number 5520, for the full amount.", "check"),
        ("Check for $980.00 left our office this morning.", "check"),
        ("We settled the balance by check on Friday.", "check"),
        ("Our May 3 check (#7781) should have covered both.", "check"),
        ("Paid it on card this morning.", "card"),
        ("Pagata il 12/05 tramite RiBa.", "other"),
        ("Réglée par LCR à l'échéance.", "other"),
        ("El recibo se cargará por domiciliación el día 5.", "other"),
    ],
)
def test_the_method_named(text, method):
    assert payment_method(text) == method


def test_checking_something_is_no_check():
    assert payment_method("Could you check for the $500 we sent?") != "check"
