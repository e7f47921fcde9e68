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
from arbox.agent.locales import detect_language

_TITLE = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|dr|mr|mevr|Herrn|Herr|Frau|Mme|Mlle|M|Me|Maître|Sr|Sra|Srta|Dott|dott|"
    r"Dott\.ssa|dott\.ssa|Avv|avv|Prof|prof|Ing|ing|Rechtsanwalt|Rechtsanwältin|Dña|Dª)\.?\s+)"
)
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LOW = "a-zß-öø-ÿāăąćčďđēėęěğģīįıķĺļľłńņňōőœŕřśşšţťūůűųźżž"
_CAP = rf"(?:Mc|Mac|De|Di|Le|La|O')?[{_UP}][{_LOW}]+"
"""A capitalised word of a name, also "McAllister", "DeLuca", "Yıldız", "Dąbrowski"."""
_PERSON = re.compile(
    rf"(?<![\w.'-]){_TITLE}{{0,2}}(?:[A-Z]\.\s?){{0,3}}(?:(?:de|van|von|da|dos|del|di)\s)?{_CAP}"
    rf"(?:[ -](?!{_TITLE})(?:(?:de|van|von|da|dos|del|di|der|den)\s){{0,2}}{_CAP}){{0,2}}"
)
_NOT_NAME = re.compile(
    r"(?:Please|Her|His|Him|She|He|The|Our|Your|Send|Contact|Hi|Hello|Dear|Email|E-mail|Mail|"
    r"Address|Adresse|Thanks|Thank|Kind|Best|Regards|For|From|To|If|In|At|And|Or|I|We|You|It|"
    r"This|That|Accounts|Payable|Billing|Invoices?|Payments?|Vendor|Ap|Bitte|Für|Merci|Para|Per|"
    # departments, not people ("Gary Stone in Accounting (accounting@...)")
    r"Accounting|Finance|Purchasing|Procurement|Treasury|Receivables|"
    r"Com|Con|Pour|Voor|Gracias|Obrigad[oa]|During|Also|Can|Could|Would|Rechnungen|Zahlungen|"
    r"Buchhaltung|Sie|Ich|Wir|Ihre?|Unsere?|Die|Der|Das|Je|Nous|Vous|Total|"
    # pronouns and verbs that open a sentence in Dutch, Spanish, Italian and Portuguese
    r"Wij|Ik|Uw|Onze|Kunt|Graag|Gelieve|Nosotros|Nuestr[oa]s?|Noi|Nostr[oa]|Nós|Noss[oa]s?|"
    r"Hemos|Abbiamo|Temos|Podem|Pueden|Potete|Pouvez|Usted|Ustedes|Vocês?|Lei|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|Business|Office|Department|Team|Kindly|Good|Morning|Afternoon|"
    # months, written with a capital in English and German
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Januar|Februar|März|Juni|Juli|Oktober|Dezember)\b"
)
_ROLE = (
    r"(?:advis[oe]r|receiver|administrator|administrators|trustee|liquidator|bookkeeper|"
    r"accountant|controller|comptroller|manager|assistant|wife|husband|son|daughter|partner|"
    r"brother|sister|colleague|secretary|counsel|attorney|lawyer|solicitor|clerk|director|owner|"
    r"treasurer|CFO|buchhalter(?:in)?|steuerberater(?:in)?|ansprechpartner(?:in)?|"
    r"sachwalter(?:in)?|insolvenzverwalter(?:in)?|comptable|syndic|mandataire(?: judiciaire)?|"
    r"liquidateur|administrateur(?: judiciaire)?|contable|gestor[a]?|"
    r"administrador[a]?(?: concursal| judicial)?|"
    r"commercialista|curatore|curator|bewindvoerder|boekhouder|contabilista|contador[a]?|"
    # a colleague, in six languages: "ma collègue Sophie Martin", "meine Kollegin Frau Berg"
    r"collègue|kolleg(?:e|in)|colega|collega|collega's)"
)
"""Who a reply says the new contact is: "our bookkeeper, Terri Walsh", "le syndic est ..."."""
_INTRODUCED = re.compile(
    rf"\b(?:attn|attention|z\.\s?hd\.?|à l'attention de|c/o|ask|contact|a la atención de|"
    rf"aos cuidados d[oa]s?|all'attenzione d(?:i|el|ella)|ter attentie van|t\.a\.v\.?|"
    rf"speak (?:to|with)|talk "
    rf"to|reach out to|write to|(?:manager|controller|comptroller|contact|person|accountant|"
    rf"bookkeeper|owner|director|clerk|administrator|payables|billing)(?: now)? (?:is|will be)|"
    rf"that's|that is|is now|handled by|taken care of by|"
    rf"(?:wenden Sie sich|wendet euch|wende dich)(?: bitte)? an|fal(?:e|em|a) com(?: [oa])?|"
    rf"hable con|hablen con|habla con|parlate con|parli con|parlez (?:à|avec)|"
    rf"neem contact op met|contacteer|"
    rf"(?:call|ring|phone|email|e-mail|talk to|go(?:es)? to|sent to|write to|speak to)"
    rf"(?: (?:our|my|the))?(?: \w+)? {_ROLE}|"
    rf"(?:our|my|the|unser[e]?|notre|nuestr[oa]|il nostro|la nostra|onze|o nosso|a nossa|el|la|le|"
    rf"ma|mon|mi|mein[e]?|mijn|minha|meu|mia|mio|"
    rf"der|die|zum|zur) (?:\w+ )?{_ROLE}(?: (?:is|est|ist|es|è|é|wurde|was|will be|now))?|"
    rf"(?:the court|das Gericht|le tribunal|el juzgado) appointed|appointed|bestellt wurde)"
    rf"[:,]?\s+"
    rf"(?P<name>(?-i:{_TITLE}{{0,2}}(?:[A-Z]\.\s?){{0,3}}{_CAP}"
    rf"(?: (?:(?:de|van|von|da|dos|del|di|der|den) ){{0,2}}{_CAP})?))\b",
    re.I,
)
_NAME_FIRST = re.compile(
    rf"(?:^|[.!?;\n]\s*)(?P<name>(?-i:{_CAP}(?: {_CAP})?))\s+"
    rf"(?:handles|takes care of|does|is doing|will handle|is handling|looks after|deals with|"
    rf"kümmert sich|s'occupe|se encarga|"
    rf"si occupa|regelt|doet|cuida)\b",
    re.I,
)
"""A person opening the sentence that says what they handle ("Jenny handles billing now")."""
_APPOINTED = re.compile(
    rf"(?P<name>(?-i:{_TITLE}?{_CAP} {_CAP}))(?:\s+of\s+(?-i:{_CAP}\s?){{1,3}})?\s+"
    rf"(?:were|was|has been|have been|wurde|wurden|a été|ont été|fue|fueron|è stato|sono stati|"
    rf"is|are|zijn|werd|foi|foram) (?:\w+ )?(?:appointed|named|bestellt|nommée?s?|nombrad[oa]s?|"
    rf"nominat[oi]|benoemd|nomead[oa]s?)\b",
    re.I,
)
"""People named before they are said to be appointed ("Peter Hale and Andrea Singh of
Begbies Traynor were appointed joint administrators")."""
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
        return Fields(new_contact_name=_introduced(text, sender_name) or _own(text, sender_name))
    email = emails[0]
    if sender_addr and email.lower() == sender_addr.lower():
        # their own address written out ("I'm handling it for now, pkhan@... works"): the
        # sender, by the name they sign with when the mailbox's name is an office's
        own = sender_name.strip()
        if not own or _ROLE_WORD.search(own) or _ORG.search(own) or " - " in own:
            own = _signed(text) or ""
        if own:
            return Fields(new_contact_email=email, new_contact_name=own)
    at = text.find(email)
    name = contact_name(text, at, len(email), sender_name) or _own(text, sender_name)
    return Fields(new_contact_email=email, new_contact_name=name)


_CLOSING = re.compile(
    r"^\s*(?:regards|best(?: regards)?|kind regards|sincerely|yours (?:faithfully|sincerely)|"
    r"thanks|thank you|cheers|atentamente|saludos(?: cordiales)?|un saludo|atenciosamente|"
    r"cumprimentos|"
    r"com os melhores cumprimentos|melhores cumprimentos|cordialement|bien cordialement|"
    r"salutations|mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|"
    r"met vriendelijke groet(?:en)?|vriendelijke groeten|cordiali saluti|distinti saluti|saluti)"
    r"[,.!]?\s*$",
    re.I | re.M,
)


def _signed(text: str) -> str | None:
    """The person signing the reply: the line after its closing ("Atentamente,\nAlberto Marín
    Sáez"), when that line is a name."""
    closings = list(_CLOSING.finditer(text))
    if not closings:
        return None
    lines = [ln.strip() for ln in text[closings[-1].end() :].splitlines() if ln.strip()]
    if not lines:
        return None
    m = _SIGNED_NAME.fullmatch(lines[0].split("|")[0].strip())
    return m.group(0) if m else None


def _own(text: str, sender_name: str) -> str | None:
    """The sender's name when they give themselves as the contact ("write to me")."""
    if not _TO_ME.search(text):
        return None
    return sender_name.strip() or None


def _introduced(text: str, sender_name: str = "") -> str | None:
    for m in [*_INTRODUCED.finditer(text), *_APPOINTED.finditer(text), *_NAME_FIRST.finditer(text)]:
        name = m.group("name")
        if _NOT_NAME.fullmatch(name.split()[0]) or _ROLE_WORD.search(name):
            continue
        if _is_sender(name, sender_name):
            continue
        return _with_partner(text, m.start("name"), m.end("name"), name)
    return None


_ROLE_WORD = re.compile(rf"\b{_ROLE}s?\b", re.I)
_ORG = re.compile(
    r"\b(?:LLC|L\.L\.C|Inc|Ltd|Limited|GmbH|AG|BV|B\.V|NV|SA|S\.A|SL|S\.L|SAS|S\.p\.A|Srl|"
    r"PLLC|LLP|LP|PC|Corp|Group|Partners|Advisory|Holding|Holdings|Advocaten|Legal|Capital|"
    r"Services|Recovery|Restructuring|Associates|Law|Firm|Kanzlei|Studio|Company|Office|Farm|"
    r"Farms|Grain)\b"
)
"""A firm's name, not a person's ("Shaw Legal Group", "Novak Grain LLC")."""


_ORG_AFTER = re.compile(r",?\s*(?:LLC|Inc|Ltd|GmbH|BV|B\.V\.|SA|SL|S\.L\.|PLLC|LLP)\b")


def _is_org(text: str, m: re.Match[str]) -> bool:
    """A firm's name or a job title, not a person (a titled name is a person)."""
    if _TITLED.match(m.group(0)):
        return False
    if _ROLE_WORD.search(m.group(0)):
        return True  # "Financial Controller", "Sachwalters"
    return bool(
        _ORG.search(m.group(0))
        or _ORG.match(text, m.end() + 1 if text[m.end() : m.end() + 1] in " ," else m.end())
        or _ORG_AFTER.match(text, m.end())
    )


def _is_sender(name: str, sender_name: str) -> bool:
    """Whether ``name`` is the sender signing off (the person they redirect us to is another)."""
    if not sender_name:
        return False
    words = {w.lower() for w in re.findall(_CAP, name)}
    theirs = {w.lower() for w in re.findall(_CAP, sender_name)}
    return bool(words) and words <= theirs


_AND_PERSON = re.compile(
    rf"\s+(?:and|und|et|y|e|en)\s+"
    rf"(?P<other>(?-i:{_TITLE}?(?:[A-Z]\.\s?){{0,3}}{_CAP}(?: {_CAP})?))",
    re.I,
)


def _with_partner(text: str, start: int, end: int, name: str) -> str:
    """Two people named together ("Ms. Fiona Reid and Mr. Alan Doyle were appointed"): both,
    without their titles."""
    m = _AND_PERSON.match(text, end)
    if m and not _NOT_NAME.match(m.group("other")) and not _ROLE_WORD.search(m.group("other")):
        return f"{_TITLED_AT.sub('', name)} and {_TITLED_AT.sub('', m.group('other'))}"
    back = re.search(
        rf"(?P<first>(?-i:{_TITLE}?{_CAP}(?: {_CAP})?))\s+(?:and|und|et|y|e|en)\s+$",
        text[max(0, start - 60) : start],
    )
    if back and not _NOT_NAME.match(back.group("first")):
        return f"{_TITLED_AT.sub('', back.group('first'))} and {_TITLED_AT.sub('', name)}"
    return name


def _spelled_by(name: str, email: str) -> int:
    """How well the address spells the name: 2 when it is the whole name or initial and
    surname ("maria.lopez@", "jruiz@", "lholt@"), 1 when a part of it ("kate.moss.ap@"),
    else 0."""
    local = re.sub(r"[^a-z]", "", _ascii(email.split("@")[0].lower()))
    parts = [_ascii(p.lower()) for p in re.findall(_CAP, _TITLED_AT.sub("", name))]
    if not parts or not any(len(p) >= 3 and p in local for p in parts):
        return 0
    first, last = parts[0], parts[-1]
    whole = {first + last, first[0] + last, last + first, last + first[0], first}
    return 2 if (local in whole and len(parts) > 1) or local == first + last else 1


def _ascii(word: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


_TITLED = re.compile(_TITLE)
_SIGNED_NAME = re.compile(
    rf"{_TITLE}{{0,2}}(?:[A-Z]\.\s?){{0,3}}{_CAP}"
    rf"(?: (?:(?:de|da|do|dos|van|von|del|di|der) )?{_CAP}){{1,3}}"
)
_TITLED_AT = re.compile(rf"^{_TITLE}+")
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
_GERMAN_NOUN = re.compile(rf"[{_UP}][{_LOW}]{{3,}}(?:ung|heit|keit|schaft|ität|tion)(?:en)?")
"""A German noun by its ending ("Überweisung", "Buchhaltung", "Gesellschaft", "Position"):
written with a capital like a name ("Die Zahlung", "der Umstellung"), but with no title
before it ("Frau Hartung") it names no person."""


def _people(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The names written in ``text[start:end]``; a lone capitalised word opening a sentence is left
    out, its capital being the sentence's ("Los créditos ...", "Uw vordering ..."), unless the
    reply writes it with a capital inside a sentence too ("forwarding to Eddie ... Eddie: ...")."""
    return [
        m
        for m in _PERSON.finditer(text, start, end)
        if not _NOT_NAME.match(m.group(0))
        and not (
            not _TITLED.match(m.group(0))
            and any(_GERMAN_NOUN.fullmatch(w) for w in re.split(r"[ -]", m.group(0).strip()))
        )
        and not (
            " " not in m.group(0).strip()
            and "-" not in m.group(0)
            and _SENTENCE_START.search(text, 0, m.start())
            and not re.search(rf"[\w,]\s+{re.escape(m.group(0).strip())}\b", text)
        )
    ]


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _lone_noun(word: str, local: str) -> bool:
    """In German every noun has a capital: one capitalised word with no title ("Nummer",
    "Köln") is a noun, unless the address spells it ("petra@", "p.kuehn@" for "Kühn")."""
    if " " in word or _TITLED.match(word):
        return False
    spellings = {_ascii(word.lower()), _ascii(word.lower().translate(_UMLAUTS))}
    parts = re.split(r"[._-]+", local)
    return not any(p in spellings or (len(p) > 1 and p[1:] in spellings) for p in parts)


def contact_name(text: str, at: int, length: int, sender_name: str = "") -> str | None:
    """The person named next to the address at ``at``; never a firm, nor the sender signing
    off (unless the address spells them)."""
    email = text[at : at + length]
    start = max(0, at - 100)

    german = detect_language(text) == "de"
    local = email.split("@")[0].lower()

    def people(a: int, b: int) -> list[re.Match[str]]:
        return [
            m
            for m in _people(text, a, b)
            if not _is_org(text, m)
            and not (german and _lone_noun(m.group(0).strip(), local))
            # the one greeted ("Dear Mr. Lund") is who they write to, not whom they send us to
            and not _GREETING.search(text, max(0, m.start() - 20), m.start())
        ]

    before = people(start, at)
    after = people(at + length, at + length + 60)
    nearby = [*reversed(before), *after]
    # the address spells them: the best spelling, else the nearest; or anyone before it
    # spelled as initial and surname ("Jeremy Holt. ... I'll handle it - jholt@...")
    far = [m for m in reversed(people(0, start)) if _spelled_by(m.group(0), email) == 2]
    spelled = sorted(
        [m for m in nearby if _spelled_by(m.group(0), email)] + far,
        key=lambda m: -_spelled_by(m.group(0), email),
    )
    if spelled and _spelled_by(spelled[0].group(0), email) == 2:
        m = spelled[0]
        return _with_partner(text, m.start(), m.end(), m.group(0).strip())
    introduced = _introduced(text[max(0, at - 400) : at + length + 60], sender_name)
    if introduced:
        return introduced  # "attention Mrs. Katerina Dimou" beats "Piraeus" in "accounts.piraeus@"
    if spelled:
        m = spelled[0]
        return _with_partner(text, m.start(), m.end(), m.group(0).strip())
    nearby = [m for m in nearby if not _is_sender(m.group(0), sender_name)]
    before = [m for m in before if not _is_sender(m.group(0), sender_name)]
    after = [m for m in after if not _is_sender(m.group(0), sender_name)]
    introduced = _introduced(text[max(0, at - 400) : at + length + 60], sender_name)
    if introduced:
        return introduced
    # a title names a person a sentence or two before ("Curator is mr. E. van Dam van Van Dam
    # Advocaten. ..."), never the one greeted ("Dear Mr. Shaw")
    further = [m for m in people(0, at) if not _is_sender(m.group(0), sender_name)]
    titled = [
        m
        for m in [*reversed(further), *after]
        if _TITLED.match(m.group(0))
        and not _GREETING.search(text, max(0, m.start() - 20), m.start())
    ]
    if titled:
        m = titled[0]
        return _with_partner(text, m.start(), m.end(), _one_particle(m.group(0).strip()))
    if before:
        m = before[-1]
        return _with_partner(text, m.start(), m.end(), m.group(0).strip())
    return after[0].group(0).strip() if after else None
