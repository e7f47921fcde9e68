"""English replies the datasets never had, as AP clerks, controllers, shared-service centres
and small contractors write them: misreadings found by probing, each tested in new words."""

from probing import SENT, full, intents, votes

from arbox.agent.classifier import Reply
from arbox.agent.offline.fuzzy import correct_word


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


def reply_intents(text: str, subject: str = "") -> set[str]:
    reply = Reply(text=text, subject=subject, sent_at=SENT)
    return {f.intent.value for f in full.classify(reply).findings}


def test_parts_failing_inspection_or_out_of_tolerance_are_contested():
    assert "dispute" in votes("Half the brackets failed receiving inspection last week.")
    assert "dispute" in votes("Nine housings measured out of tolerance on the flange.")


def test_a_count_received_against_the_count_billed_is_a_quantity_dispute():
    assert "dispute" in votes("We got 45 cartons, not 50, so the bill is wrong.")
    assert "dispute" in votes("Our dock counted 7 rolls, not the 9 on your bill.")


def test_an_invoice_that_does_not_carry_a_po_is_missing_one():
    assert "missing_po" in votes("Invoice 3318 doesn't show a PO, so AP kicked it back.")


def test_ticket_acknowledgements_and_lotus_style_out_of_office_are_automatic():
    assert "auto_reply" in reply_intents(
        "Thanks for writing to Procurement Services. Your email was received and assigned "
        "case number 55102. We answer within two business days."
    )
    assert "auto_reply" in reply_intents(
        "Dana Ortiz is out of the office. Back 12/2.", subject="AUTO: Dana Ortiz is away"
    )
    assert "auto_reply" in reply_intents(
        "On the road at a customer site with no email access. Back Tuesday, text me if urgent."
    )


def test_a_weekday_that_recurs_is_no_promise():
    assert "promise_to_pay" not in reply_intents("Checks are cut each Friday here.")
    assert "promise_to_pay" in reply_intents("We will cut your check on Friday.")


def test_when_a_payment_made_arrives_is_no_promise():
    found = reply_intents(
        "Check 7719 was cut on the 17th for $1,240.00. It should be in your mailbox by Wednesday."
    )
    assert "payment_sent" in found
    assert "promise_to_pay" not in found


def test_a_payment_only_thought_possible_is_no_promise():
    assert "promise_to_pay" not in votes("We may be able to clear the balance by the 30th.")
    assert "promise_to_pay" not in votes("maybe we can pay it Friday, not sure yet")
    assert "promise_to_pay" in votes("We can clear the balance by the 30th.")


def test_a_corrected_invoice_asked_for_beside_a_dispute_is_no_missing_po():
    found = reply_intents(
        "The labor rate on this bill doesn't match the estimate ($70, not $95). "
        "Please correct the rate and send me a corrected invoice."
    )
    assert "dispute" in found
    assert "missing_po" not in found


def test_going_in_a_dated_run_is_a_promise():
    assert "promise_to_pay" in votes("Both of them go in the 12/4 batch.")
    assert "promise_to_pay" in votes("They'll go out with our Dec 9 check run.")


def test_an_invoice_entered_twice_is_a_duplicate():
    assert "dispute" in votes("You uploaded this bill twice in Ariba, in May and in June.")


def test_goods_sent_back_are_no_rest_of_the_money():
    assert "promise_to_pay" not in votes("Used 12 of the boxes and returned the rest on the 9th.")
    assert "promise_to_pay" in votes("Half now, the rest on the 9th.")


def test_pushing_a_payment_through_and_a_check_that_cleared_are_payments():
    assert "payment_sent" in votes("Accounting pushed a wire for the full amount this morning.")
    assert "payment_sent" in votes("Our cheque 5521 cleared on the 12th.")
    assert "payment_sent" not in votes("The cheque has not cleared our bank yet.")


def test_pdfs_asked_for_are_documents():
    assert "invoice_request" in votes("Please email PDFs of the two bills.")
    assert "invoice_request" in votes("send pdfs of 4410 and 4415 pls")


def test_leaving_a_mailing_list_or_the_department_is_a_wrong_contact():
    assert "wrong_contact" in votes("Please take me off this distribution list.")
    assert "wrong_contact" in votes("I haven't worked in billing since March.")


def test_a_payment_rail_used_as_a_verb_is_a_payment():
    assert "payment_sent" in votes("we EFT'd the balance Friday afternoon")
    assert "payment_sent" in votes("Venmo'd you the 200 last night")
    assert "payment_sent" not in votes("we haven't EFT'd it yet")


def test_refusing_to_pay_for_something_contests_it():
    assert "dispute" in votes("We refuse to pay for labor nobody performed.")
    assert "dispute" in votes("we won't pay for cases that showed up thawed")


def test_who_handles_claims_in_an_insolvency_is_a_new_contact():
    assert "wrong_contact" in votes("The assignee is Mark Ruiz of Ruiz Fiduciary.")
    assert "wrong_contact" in votes("All creditor inquiries should go to the assignee's office.")


def fields_of(text: str, intent: str, headers: dict[str, str] | None = None) -> dict[str, object]:
    reply = Reply(text=text, sent_at=SENT, headers=headers or {})
    found = [f for f in full.classify(reply).findings if f.intent.value == intent]
    assert found, text
    return found[0].fields.present()


def test_the_day_back_written_day_month_year_with_hyphens():
    text = (
        "Dear Sender, I am on annual leave from 23-Nov-2026 to 01-Dec-2026 and will resume "
        "duty on 02-Dec-2026. Mails will be attended after that."
    )
    fields = fields_of(text, "auto_reply", {"Auto-Submitted": "auto-replied"})
    assert fields["return_on"] == "2026-12-02"


def test_dents_are_damage():
    fields = fields_of(
        "We'll pay on the 30th less $60 for the cabinet doors that came with dents.", "short_pay"
    )
    assert fields["reason"] == "damaged"


def test_sums_sent_by_a_named_rail_are_a_payment():
    assert "payment_sent" in votes("I reset it and sent the Sept and Oct balances via EFT.")


def test_frozen_goods_are_no_frozen_credit_line():
    assert "financial_distress" not in votes("The frozen shrimp came in soft and smelly.")
    assert "financial_distress" in votes("Our bank froze the operating account last week.")


def test_goods_thawed_or_refused_at_the_door_are_contested():
    assert "dispute" in votes("Two pallets of ice cream had melted by the time they arrived.")
    assert "dispute" in votes("We refused three cartons at the dock, they were crushed.")
    assert "dispute" in votes("We won't pay these invoices as billed.")


def test_a_department_is_no_contact_name():
    text = "I changed jobs. Dana Wells in Purchasing (purch@lindenco.com) takes the invoices now."
    fields = fields_of(text, "wrong_contact")
    assert fields["new_contact_name"] == "Dana Wells"


def test_another_form_of_a_real_word_is_no_typo():
    # Two endings of one stem are two real words; a letter dropped is still a typo.
    for word in ("retainer", "clearer", "expires", "applies", "scheduler", "counter"):
        assert correct_word(word) == word
    assert correct_word("agred") == "agreed"
    assert correct_word("recieved") == "received"
    # Being clearer is no payment cleared.
    assert "payment_sent" not in votes("My apologies, I could have been clearer in my last note.")
    for word in ("though", "bought", "contacted", "filled"):
        assert correct_word(word) == word


def test_held_until_the_price_matches_the_quote_is_a_pricing_dispute():
    assert "dispute" in votes("Nobody signs off on this until the bill matches our PO.")
    assert "dispute" in votes("We have to push back on the second invoice.")


def test_a_po_not_mentioned_is_missing():
    assert "missing_po" in votes("We cannot book the bill since the PO number is not quoted.")


def test_paying_all_but_an_amount_is_a_short_pay():
    assert "short_pay" in votes("sent all but the $85 for the cracked tile")


def test_acquired_or_someone_else_to_talk_to_is_a_wrong_contact():
    assert "wrong_contact" in votes("Our practice was bought by Lakeside Dental Partners in June.")
    assert "wrong_contact" in votes("You should speak with Paula Grant about invoices.")
    assert "wrong_contact" in votes("Rita keeps all the invoices now.")
    assert "wrong_contact" not in votes("Please talk to me before sending these to collections.")


def test_the_extra_not_paid_beside_a_payment_is_a_deduction():
    found = reply_intents(
        "We wired $2,400.00, the price on our PO. The increase of $310 was never agreed and "
        "we won't pay it."
    )
    assert "short_pay" in found
    assert "dispute" not in found


def test_a_settled_dispute_is_no_payment():
    assert "payment_sent" not in votes("The pricing issue has been resolved with Carl, thanks.")
    assert "payment_sent" not in votes("That complaint was settled at the meeting on Monday.")
    assert "payment_sent" in votes("The invoice was settled on the 3rd.")


def test_mail_about_the_same_invoice_is_no_duplicate_bill():
    assert "dispute" not in votes("Two reminders came in regarding the same invoice this week.")
    assert "dispute" in votes("This is the same invoice you already billed in May.")
