"""English replies the datasets never had, as AP clerks, controllers, shared-service centres
and small contractors write them: misreadings found by probing, each tested in new words."""

from datetime import UTC, datetime

from arbox.agent.classifier import Reply
from arbox.agent.offline import OfflineClassifier
from arbox.agent.offline.fuzzy import correct_word

SENT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
rules = OfflineClassifier(model=None)
full = OfflineClassifier()


def votes(text: str) -> dict[str, float]:
    return rules.rule_votes(Reply(text=text, sent_at=SENT))


def intents(text: str) -> set[str]:
    return {f.intent.value for f in full.classify(Reply(text=text, sent_at=SENT)).findings}


def test_the_plural_of_a_real_word_is_no_typo():
    # A school board's warrants are not a warranty claim.
    assert correct_word("warrants") == "warrants"
    assert "dispute" not in votes("The trustees sign the warrants at Monday's meeting.")


def test_evidence_sent_to_someone_is_no_payment():
    for text in (
        "Pictures of the scratched panels were sent to your driver.",
        "The samples have been sent back to your lab.",
        "The NCR report was emailed to Carla yesterday.",
    ):
        assert "payment_sent" not in votes(text), text
    # Money sent still is.
    assert "payment_sent" in votes("The balance was sent to your account on the 16th.")


def test_held_for_a_document_from_us_contests_nothing():
    for text in (
        "Your invoice is on hold pending an updated W-9 from your office.",
        "Invoice 5521 is on hold because we need your lien waiver for October.",
        "All three bills are on hold until we get the signed timesheets and your COI.",
    ):
        assert "dispute" not in votes(text), text
    # Held for a reason of substance still is a dispute.
    assert "dispute" in votes("Invoice 5521 is on hold - the rate is higher than the quote.")


def test_invoice_numbers_one_has_are_no_quantity_short():
    assert "dispute" not in votes("My file only has 4410 and 4415, nothing else from you.")
    assert "dispute" not in votes("We only have 90211 and 90214 on our side.")
    assert "dispute" in votes("We only received 14 of the chairs on the PO.")


def test_making_sure_it_goes_out_is_a_promise_not_a_payment_set_up():
    found = intents("Sorry for the wait. I'll make sure this goes out by Tuesday the 24th.")
    assert "promise_to_pay" in found
    assert "payment_sent" not in found


def test_someone_else_keeping_the_books_is_a_new_contact():
    for text in (
        "Greg retired last month. Nadia Ruiz now handles our payables.",
        "i just answer phones here, my brother does the billing",
        "Priya Shah is now responsible for vendor payments at our office.",
    ):
        assert "wrong_contact" in votes(text), text
    # Saying one keeps the books oneself is not a redirect, nor is asking who does.
    assert "wrong_contact" not in votes("I handle the books here and I can tell you it's paid.")
    assert "wrong_contact" not in votes("Let me ask my partner who does the billing.")


def test_payment_words_of_public_bodies_and_counter_drop_offs():
    assert "payment_sent" in votes("Funds were disbursed by EFT on 11/12.")
    assert "payment_sent" in votes("EFT went out Wednesday for the full amount.")
    assert "payment_sent" in votes("left a check with your yard guy this morning")
    assert "payment_sent" not in votes("We left payment off until the credit is issued.")
