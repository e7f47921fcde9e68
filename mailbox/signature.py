"""Where the signature of a reply starts (quoted history already removed).

Signatures are found conservatively, because a reply that starts "Thanks, we
paid INV-1 today" must keep its sentence. A signature starts at:

- a delimiter line (``--``, ``__``, an em dash);
- a mobile footer ("Sent from my iPhone", "Von meinem iPhone gesendet", "Get
  Outlook for Android"); in English the device must follow within three words,
  so "Sent from my desk, ..." stays;
- a disclaimer paragraph ("CONFIDENTIALITY NOTICE", "This email and any files
  transmitted with it are confidential", "Diese E-Mail enthält vertrauliche");
- a bare closing ("Best regards,", "Mit freundlichen Grüßen", "Obrigado,",
  "Mvh", or two: "Mit freundlichen Grüßen / Best regards") followed by lines
  that can be a sign-off (names, titles, addresses; no sentence right after the
  closing, no P.S.);
- a last paragraph that is a contact block: two to eight short lines, one of them a
  phone number, a web site or an address ("Tel 0117 496 0000");
- a bare name standing alone as the last paragraph ("Jonas", "-Jonas Pike",
  "/Jonas") under a reply that said something (a sentence, or three words not
  ending like a greeting: "paid - see below"), or just above one of the lines
  above.

The first line of a reply never starts a signature.
"""

from __future__ import annotations

import re

MAX_SIGNATURE_LINES = 30
MAX_SIGNATURE_WIDTH = 80

_DELIMITER = re.compile(r"^(?:--|__|—)\s*$")
_DEVICE = (
    r"(?:\S+\s){0,2}?(?:i?Phone|iPad|iPod|Android|Galaxy|Samsung|BlackBerry|Pixel|Huawei|Xiaomi|"
    r"OnePlus|Motorola|Nokia|HTC|Sony|LG|mobile|cell|smartphone|tablet|device|handheld|"
    r"Outlook|Mail|Yahoo|Gmail|AOL|Windows|Mailbox|Airmail|Spark|ProtonMail|Proton|"
    r"Superhuman|Edison|BlueMail|Newton|Acompli|K-9)\b"
)
_SENT_FROM = re.compile(
    r"^[(<]*(?:(?:Sent\s(?:from|with|via|using)|Get)\s(?:my\s|our\s|an?\s)?" + _DEVICE + r"|"
    r"Von\smeinem\s.{1,40}\sgesendet|Gesendet\svon\smeinem|Envoy[ée]\s(?:de|depuis)\smon|"
    r"Enviado\sdesde\smi|Enviado\sdo\smeu|Enviado\sde\smeu|Inviato\sda(?:l\smio)?\s|"
    r"(?:Verstuurd|Verzonden)\svanaf\smijn|Skickat\sfrån\smin|Sendt\sfra\smin|"
    r"Wysłane\sz|Odesláno\sz|.{0,20}から送信|从我的.{1,20}发送|從我的.{1,20}傳送)",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^(?:\**(?-i:CONFIDENTIALITY(?:\sNOTICE)?|CONFIDENTIAL|DISCLAIMER|PRIVILEGED|"
    r"Confidentiality\s(?:Notice|Note)|Disclaimer)\b"
    r"|(?:This|The\sinformation\sin\sthis)\s(?:e-?mail|message|communication)\b.{0,80}"
    r"(?:confidential|privileged|intended\s(?:only|solely))"
    r"|The\sinformation\scontained\sin\sthis|If\syou\sare\snot\sthe\sintended\srecipient"
    r"|Please\sconsider\sthe\senvironment"
    r"|Diese\s(?:E-?Mail|Nachricht)\s(?:enthält|ist)\s.{0,40}vertraulich"
    r"|Ce\s(?:message|courriel|e-?mail)\s.{0,60}confidentiel"
    r"|Este\s(?:mensaje|correo)\s.{0,60}confidencial"
    r"|Questo\smessaggio\s.{0,60}riservat"
    r"|Dit\se-?mail(?:bericht)?\s.{0,60}vertrouwelijk"
    # addressed to the addressee only, in every language
    r"|(?:This|Diese|Ce|Cette|Este|Esta|Questo|Questa|Dit|Deze)\s(?:e-?mail|message|"
    r"Nachricht|courriel|mensaje|correo|mensagem|messaggio|bericht)\b.{0,80}"
    r"(?:intended\s(?:only|solely|exclusively)|intended\sfor\sthe\s(?:sole\s|exclusive\s)?"
    r"(?:use|addressee|named|person|individual)|ausschließlich\sfür\sden|"
    r"nur\sfür\sden\s(?:Adressaten|Empfänger)|destinée?s?\s(?:exclusivement|uniquement)|"
    r"exclusivamente\s(?:a|al|para)\b|destinad[oa]\s(?:exclusivamente|únicamente|somente|"
    r"apenas)|destinat[oa]\s(?:esclusivamente|unicamente)|uitsluitend\sbestemd|"
    r"bestemd\s(?:voor\sde\sgeadresseerde|uitsluitend))"
    r"|(?:Sollten|Wenn|Falls)\sSie\s(?:diese\s(?:E-?Mail|Nachricht)\s.{0,30}"
    r"(?:irrtümlich|fälschlich|versehentlich)|nicht\sder\s(?:richtige|beabsichtigte|"
    r"vorgesehene)\s(?:Empfänger|Adressat))"
    r"|Si\s(?:vous\sn'êtes\spas|usted\sno\ses)\s(?:le|el)\sdestinatai?r"
    r"|Se\s(?:você\snão\s(?:for|é)\so\sdestinatário|(?:ha|avete)\sricevuto\s.{0,40}"
    r"(?:errore|sbaglio))"
    r"|Indien\su\sniet\sde\s(?:geadresseerde|bedoelde\sontvanger)"
    r"|AVISO\s(?:LEGAL|DE\sCONFIDENCIALIDAD)"
    r"|Antes\sde\simprimir|Avant\sd'imprimer|Please\sconsider\s.{0,20}before\sprinting"
    # a firm's legal imprint, the end of a signature
    r"|(?-i:Sitz\sder\sGesellschaft|Registergericht|Amtsgericht\s[A-ZÄÖÜ]\w+|"
    r"Geschäftsführ(?:er|erin|ung)\s*:|Registered\s(?:office|in\s[A-Z])|"
    r"Company\s(?:registration|registered)|Si[eè]ge\s(?:social|:)|"
    r"Capitale\ssociale|Registro\sMercantil|KvK(?:-nummer)?\s*:?\s*\d))",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^(?:thanks(?:\sagain|\sso\smuch|\sin\sadvance)?|thank\syou(?:\svery\smuch|\sin\sadvance)?|"
    r"many\sthanks|thx|ta|tia|"
    r"(?:best|kind|warm|warmest|many|kindest)?\s?regards|best(?:\swishes)?|all\sthe\sbest|"
    r"cheers|sincerely|yours(?:\struly|\ssincerely)?|respectfully|"
    r"merci(?:\sbeaucoup|\sd'avance)?|cordialement|bien\s(?:à\svous|cordialement)|"
    r"bien\scordialement|salutations(?:\sdistinguées)?|bonne\sjournée|"
    r"mit\sfreundlichen\sgrüßen|mit\sfreundlichen\sgruessen|mfg|viele\sgrüße|beste\sgrüße|"
    r"freundliche\sgrüße|liebe\sgrüße|schöne\sgrüße|lg|vg|gruß|grüße|danke(?:\sund\sgruß)?|"
    r"vielen\sdank|"
    r"saludos(?:\scordiales)?|un\ssaludo|atentamente|gracias|muchas\sgracias|cordialmente|"
    r"un\sabrazo|"
    r"cordiali\ssaluti|distinti\ssaluti|saluti|grazie(?:\smille)?|un\ssaluto|"
    r"met\svriendelijke\sgroet(?:en)?|vriendelijke\sgroet(?:en)?|mvg|groet(?:en)?|bedankt|"
    r"obrigad[oa]|atenciosamente|abraços?|cumprimentos|att|"
    r"med\svänliga\shälsningar|vänliga\shälsningar|hälsningar|mvh|tack(?:\så\shej)?|"
    r"med\svenlig\shilsen|venlig\shilsen|hilsen|"
    r"pozdrawiam|z\spoważaniem|dziękuję|s\spozdravem|"
    r"よろしくお願い(?:いた|致)?します。?|宜しくお願い(?:いた|致)?します。?)"
    r"[\s,.!-]*(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2})?\s*$",
    re.IGNORECASE,
)
_PS = re.compile(r"^P\.?\s?S\b", re.IGNORECASE)
_CONTACT = re.compile(
    r"^(?:(?:Tel|Tél|Phone|Ph|Mobile|Mob|Cell|Fax|Direct|Office|Telefon|Handy|Tlf)\.?\s?:?\s*\+?[\d(]"
    r"|[TMPDFE]\s?:\s*\S"
    r"|\+?[\d\s().-]{8,}$|(?:www\.|https?://)\S+$|[^\s@]+@[^\s@]+\.\w+$)",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[-/~]?\s?[A-ZÀ-ÖØ-Þ][\w.'-]*(?:\s[A-ZÀ-ÖØ-Þ][\w.'-]*){0,2}$")
_NOT_NAMES = frozenset(
    ("yes", "no", "ok", "okay", "done", "paid", "agreed", "confirmed", "noted", "sure", "correct")
)


def _is_closing(line: str) -> bool:
    """A closing, or two in two languages ("Mit freundlichen Grüßen / Best regards")."""
    if _CLOSING.match(line):
        return True
    parts = re.split(r"\s+/\s+|\s*/\s*(?=[A-Z])", line)
    return len(parts) == 2 and all(_CLOSING.match(part) for part in parts)


def _is_name(line: str) -> bool:
    """A bare name: one to three capitalised words, no digits, no closing punctuation."""
    return (
        bool(_NAME.match(line))
        and not any(ch.isdigit() for ch in line)
        and line.lower().rstrip(".") not in _NOT_NAMES
        and not line.endswith(".")
    )


def _says_something(line: str) -> bool:
    """A sentence, or three words or more not ending like a greeting ("Hi Tom,", "Dear all:")."""
    return line.endswith((".", "!", "?")) or (
        len(line.split()) >= 3 and not line.endswith((",", ":", ";"))
    )


def _is_sentence(line: str) -> bool:
    # "AP Manager | Acme Build Co." ends with a period but is a title: a sentence
    # has words in lower case.
    words = line.split()
    lower = sum(1 for word in words if word[0].islower())
    return line.endswith((".", "!", "?")) and len(words) >= 3 and lower >= 2


def _is_prose(line: str) -> bool:
    return _is_sentence(line) or len(line.split()) >= 12


def _sign_off_tail(lines: list[str], rest: list[int]) -> bool:
    """Whether the lines after a closing can be a sign-off: names, titles, addresses.

    Not when a sentence follows the closing ("Thanks,\nWe paid INV-1 today."), not
    with a P.S., and not with a long sentence further down.
    """
    if len(rest) > MAX_SIGNATURE_LINES or any(_is_prose(lines[j]) for j in rest[:2]):
        return False
    return not any(
        _PS.match(lines[j]) or (len(lines[j]) > MAX_SIGNATURE_WIDTH and _is_sentence(lines[j]))
        for j in rest
    )


def _contact_block(lines: list[str], nonblank: list[int], end: int) -> int | None:
    """Start of a last paragraph that is a contact block (a phone, a site or an address line)."""
    body = [i for i in nonblank if i < end]
    if not body:
        return None
    start = body[-1]
    while start > 0 and lines[start - 1]:
        start -= 1
    block = lines[start : body[-1] + 1]
    # One line alone may be an answer ("ap@acme.example"), not a signature.
    if start <= nonblank[0] or not 2 <= len(block) <= 8:
        return None
    if any(len(line) > MAX_SIGNATURE_WIDTH or _is_prose(line) for line in block):
        return None
    return start if any(_CONTACT.match(line) for line in block) else None


def _with_name_above(lines: list[str], i: int) -> int:
    """Include a bare name line standing just above ``i``, after a blank line."""
    if i >= 2 and _is_name(lines[i - 1]) and not lines[i - 2]:
        return i - 1
    return i


def signature_start(lines: list[str]) -> int | None:
    """Index of the first signature line in ``lines``, or None."""
    nonblank = [i for i, line in enumerate(lines) if line]
    if len(nonblank) < 2:
        return None
    end = next((i for i in nonblank[1:] if _DISCLAIMER.match(lines[i])), len(lines))
    for i in nonblank[1:]:
        if i >= end:
            break
        line = lines[i]
        if _DELIMITER.match(line) or (_SENT_FROM.match(line) and len(line) <= 80):
            return _with_name_above(lines, i)
        if _is_closing(line) and _sign_off_tail(lines, [j for j in nonblank if i < j < end]):
            return i
    last = max((i for i in nonblank if i < end), default=None)
    # A bare last name ends a reply that said something ("Paid.\n\nTom", "paid - see
    # below\n\nTom"), not a greeting ("Hi Tom,").
    said = any(_says_something(lines[j]) for j in nonblank if j < (last or 0))
    if last is not None and said and not lines[last - 1] and _is_name(lines[last]):
        return last
    contact = _contact_block(lines, nonblank, end)
    if contact is not None:
        return contact
    return end if end < len(lines) else None
