"""The new contact a `wrong_contact` reply names: the address written out and the person.

The person is, in this order: the one the address itself spells ("Maria Lopez in the
Business Office at maria.lopez@..."), the one a marker introduces ("attn: Carl Reyes",
"ask Omar", "our comptroller is Diane Roth"), the sender when they write "to me at this
address", else the name written nearest before the address, else right after it.
"""

from __future__ import annotations

import re
from email.utils import parseaddr

from arbox.agent import extract
from arbox.agent.findings import Fields

_TITLE = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|dr|mr|mevr|Herr|Frau|Mme|Mlle|M|Me|Maître|Sr|Sra|Srta|Dott|dott|"
    r"Dott\.ssa|dott\.ssa|Avv|avv|Prof|prof|Ing|ing|Rechtsanwalt|Rechtsanwältin|Dña|Dª)\.?\s+)"
)
_CAP = r"[A-ZÀ-Þ][a-zà-ÿ]+"
_PERSON = re.compile(
    rf"{_TITLE}{{0,2}}(?:[A-Z]\.\s?){{0,3}}(?:(?:de|van|von|da|dos|del|di)\s)?{_CAP}"
    rf"(?:[ -](?:(?:de|van|von|da|dos|del|di|der)\s)?{_CAP}){{0,2}}"
)
_NOT_NAME = re.compile(
    r"(?:Please|Her|His|Him|She|He|The|Our|Your|Send|Contact|Hi|Hello|Dear|Email|E-mail|Mail|"
    r"Address|Adresse|Thanks|Thank|Kind|Best|Regards|For|From|To|If|In|At|And|Or|I|We|You|It|"
    r"This|That|Accounts|Payable|Billing|Invoices?|Payments?|Vendor|Ap|Bitte|Für|Merci|Para|Per|"
    r"Com|Con|Pour|Voor|Gracias|Obrigad[oa]|During|Also|Can|Could|Would|Rechnungen|Zahlungen|"
    r"Buchhaltung|Sie|Ich|Wir|Je|Nous|Vous|Total|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|Business|Office|Department|Team|Kindly|Good|Morning|Afternoon|"
    # months, written with a capital in English and German
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Januar|Februar|März|Juni|Juli|Oktober|Dezember)\b"
)
_INTRODUCED = re.compile(
    rf"\b(?:attn|attention|z\.\s?hd\.?|à l'attention de|c/o|ask|contact|a la atención de|"
    rf"aos cuidados d[oa]s?|all'attenzione d(?:i|el|ella)|ter attentie van|t\.a\.v\.?|"
    rf"speak (?:to|with)|talk "
    rf"to|reach out to|write to|(?:manager|controller|comptroller|contact|person|accountant|"
    rf"bookkeeper|owner|director|clerk|administrator|payables|billing)(?: now)? (?:is|will be)|"
    rf"that's|that is|is now)[:,]?\s+"
    rf"(?P<name>(?-i:{_TITLE}?(?:[A-Z]\.\s?){{0,3}}{_CAP}(?: {_CAP})?))\b",
    re.I,
)
_TO_ME = re.compile(
    r"\b(?:to me|me at|my (?:e-?mail|address)|i'm the new|i am the new|i've taken over|"
    r"i have taken over|i'm covering|i am covering|an mich|à moi|a mí|a me)\b",
    re.I,
)


def new_contact(text: str, sender: str) -> Fields:
    """The new contact: an address written in the reply, another than the sender's first;
    the sender's own when they write it out ("send everything to me at this address
    (k.obrien.estate@gmail.com)": a new person writing from the new address). Without an
    address, a person the reply points to ("ask Omar")."""
    sender_name, sender_addr = parseaddr(sender)
    emails = extract.find_emails(text, exclude=[sender_addr]) or extract.find_emails(text)
    if not emails:
        return Fields(new_contact_name=_introduced(text) or _own(text, sender_name))
    email = emails[0]
    at = text.find(email)
    name = contact_name(text, at, len(email)) or _own(text, sender_name)
    return Fields(new_contact_email=email, new_contact_name=name)


def _own(text: str, sender_name: str) -> str | None:
    """The sender's name when they give themselves as the contact ("write to me")."""
    if not _TO_ME.search(text):
        return None
    return sender_name.strip() or None


def _introduced(text: str) -> str | None:
    for m in _INTRODUCED.finditer(text):
        if not _NOT_NAME.fullmatch(m.group("name").split()[0]):
            return m.group("name")
    return None


def _spelled_by(name: str, email: str) -> bool:
    """Whether the address spells the name ("maria.lopez@", "jruiz@", "kate.moss@")."""
    local = re.sub(r"[^a-z]", "", email.split("@")[0].lower())
    parts = [p.lower() for p in re.findall(_CAP, name)]
    return bool(parts) and any(len(p) >= 3 and p in local for p in parts)


_TITLED = re.compile(_TITLE)
_GREETING = re.compile(
    r"(?:dear|hi|hello|geachte|beste|sehr geehrte[rn]?|liebe[r]?|gentile|egregio|cher|chère|"
    r"estimad[oa]|prezad[oa]|caro|cara)\s*$",
    re.I,
)
_PARTICLE = re.compile(r"\s(?:de|van|von|da|dos|del|di|der)\s")


_INITIALS_SURNAME = re.compile(rf"(?:[A-Z]\.\s?)+(?:(?:de|van|von|da|dos|del|di)\s)?{_CAP}")


def _one_particle(name: str) -> str:
    """A name up to a second "van", "de" ("mr. E. van Dam van Van Dam": of the firm), or up
    to the surname after initials ("mr. J.P. Hendriks van Hendriks Advocaten")."""
    found = list(_PARTICLE.finditer(name))
    if len(found) > 1:
        return name[: found[1].start()]
    initials = _INITIALS_SURNAME.search(name)
    return name[: initials.end()] if initials else name


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])\s*$")


def _people(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The names written in ``text[start:end]``; a lone capitalised word opening a sentence is left
    out, its capital being the sentence's ("Los créditos ...", "Uw vordering ..."), unless the
    reply writes it with a capital inside a sentence too ("forwarding to Eddie ... Eddie: ...")."""
    return [
        m
        for m in _PERSON.finditer(text, start, end)
        if not _NOT_NAME.match(m.group(0))
        and not (
            " " not in m.group(0).strip()
            and "-" not in m.group(0)
            and _SENTENCE_START.search(text, 0, m.start())
            and not re.search(rf"[\w,]\s+{re.escape(m.group(0).strip())}\b", text)
        )
    ]


def contact_name(text: str, at: int, length: int) -> str | None:
    """The person named next to the address at ``at``."""
    email = text[at : at + length]
    start = max(0, at - 100)
    before = _people(text, start, at)
    after = _people(text, at + length, at + length + 60)
    spelled = [m for m in [*reversed(before), *after] if _spelled_by(m.group(0), email)]
    if spelled:
        return spelled[0].group(0).strip()
    introduced = _introduced(text[start : at + length + 60])
    if introduced:
        return introduced
    # a title names a person a sentence or two before ("Curator is mr. E. van Dam van Van Dam
    # Advocaten. ..."), never the one greeted ("Dear Mr. Shaw")
    further = _people(text, max(0, at - 300), at)
    titled = [
        m
        for m in [*reversed(further), *after]
        if _TITLED.match(m.group(0))
        and not _GREETING.search(text, max(0, m.start() - 20), m.start())
    ]
    if titled:
        return _one_particle(titled[0].group(0).strip())
    if before:
        return before[-1].group(0).strip()
    return after[0].group(0).strip() if after else None
