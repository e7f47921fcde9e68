"""Dates as customers write them, resolved against the email's Date header.

"next Friday", "end of month", "EOM", "15/03", "03/15", "March 15th", "the 20th",
"tomorrow", "in two weeks", and month names in English, German, French and Spanish.
A calendar week by its ISO number ("KW 49", "semaine 49", "semana 49", "settimana 49",
"week 49") is its Monday, the day it begins, as "next week" is: a span is read from its
start (the Friday is only for "end of the week"). Ambiguous numeric dates and dates
without a year take the reading closest to the email's date on the preferred side: the
future for promises and return dates, the past for payments already made.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Prefer = Literal["future", "past"]

MONTHS: dict[str, int] = {}
for _month_number, _names in enumerate(
    [
        "january jan januar janvier enero ene januari gennaio janeiro jän jänner",
        "february feb februar fevrier février febrero februari febbraio fevereiro fév févr",
        "march mar märz marz maerz mars marzo maart março marco mrt",
        "april apr avril abril avr abr aprile",
        "may mai mayo mei maggio maio",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio juil luglio julho",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre setiembre settembre setembro",
        "october oct oktober octobre octubre okt ottobre outubro",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre diciembre dez dic déc dicembre dezembro",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _month_number

WEEKDAYS_OTHER = {
    0: "montag lundi lunes maandag lunedì lunedi segunda-feira",
    1: "dienstag mardi martes dinsdag martedì martedi terça-feira",
    2: "mittwoch mercredi miércoles miercoles woensdag mercoledì mercoledi quarta-feira",
    3: "donnerstag jeudi jueves donderdag giovedì giovedi quinta-feira",
    4: "freitag vendredi viernes vrijdag venerdì venerdi sexta-feira",
    5: "samstag samedi sábado zaterdag sabato",
    6: "sonntag dimanche domingo zondag domenica",
}
"""Weekday names in German, French, Spanish, Dutch, Italian and Portuguese."""
WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
    "zwei": 2,
    "deux": 2,
    "dos": 2,
    "due": 2,
    "twee": 2,
    "dois": 2,
    "duas": 2,
    "drei": 3,
    "trois": 3,
    "tres": 3,
    "tre": 3,
    "drie": 3,
    "três": 3,
    "huit": 8,
    "quinze": 15,
    "vierzehn": 14,
    "quince": 15,
    "quindici": 15,
    "veertien": 14,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a few": 3,
}

for _weekday_number, _names in WEEKDAYS_OTHER.items():
    for _name in _names.split():
        WEEKDAYS[_name] = _weekday_number

_NEXT = r"next|following|nächste[nrs]?|kommende[nrs]?|prochaine?|próxim[oa]|prossim[oa]|volgende"
"""A word for "next" before a noun, in our languages."""
_NEXT_OTHER = (
    r"nächste[nrs]?|kommende[nrs]?|el\s+próximo|la\s+próxima|próxim[oa]|prossim[oa]|volgende"
)
_THIS_OTHER = r"diesen|ce|este|esta|nesta|questo|deze"
"""A word for "this" before a weekday ("ce vendredi", "questo venerdì"): said on that day,
that day."""
_NEXT_AFTER = r"prochaine?|qui\s+vient|que\s+viene|próxim[oa]|prossim[oa]|que\s+vem"
"""A word for "next" after the noun ("vendredi prochain", "el mes que viene")."""
PT_SHORT_DAYS = {"segunda": 0, "terça": 1, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4}
"""Portuguese weekdays without "-feira" ("na próxima sexta"): read only beside a word that
makes them days (a bare "sexta" or "segunda" is as often "sixth" or "second")."""
_PT_SHORT_DAY = "|".join(PT_SHORT_DAYS)
_PT_PAY_BEFORE = re.compile(
    r"\b(?:pag|transfer|deposit|quit|liquid)\w*\s+(?:(?:o|a)\s+(?:pagamento|transfer[êe]ncia|"
    r"dep[óo]sito)\s+)?(?:(?:na|no)\s+)?$",
    re.I,
)
"""A payment word just before a short weekday makes it a day: "pago segunda", "pagamos na
segunda", "faremos o pagamento quinta"."""
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_NUM = r"\d{1,3}|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|er|\.)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # year first: "2026-07-10", "2026/07/10", "2026.07.10"
    ("iso", re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b(?![/.-]?\d)")),
    (
        "numeric",
        # also with dashes ("19-11-2026", "op 18-11 betaald": Dutch, Spanish, Italian mail;
        # without a year only after a preposition of time, see `_resolve`)
        re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/\-]|\.\d)"),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(\d{{1,2}}){_ORD}\s*(?:of\s+|de\s+|º\s+de\s+)?({_MONTH})\.?(?:,?\s+(?:de\s+)?"
            rf"(\d{{4}}))?\b",
            re.I,
        ),
    ),
    (
        "month_day",
        re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I),
    ),
    (
        "month_end",
        re.compile(
            rf"\b(?:(?:the\s+)?end\s+of|ende|fin(?:\s+de)?|finales\s+de|ultimo)\s+({_MONTH})\b",
            re.I,
        ),
    ),
    (
        "eom",
        re.compile(
            rf"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?((?:{_NEXT})\s+)?month|eom|"
            rf"month[- ]end|"
            rf"(?:ende|fin|finales?|fine|fim|einde?|final)\s+(?:des\s+|dieses\s+|de\s+|du\s+|del\s+|"
            rf"do\s+|van\s+de\s+|deze\s+|ce\s+|este\s+|della?\s+|la\s+)?(?:({_NEXT})\s+)?"
            rf"(?:monats?|mois|mes|mese|mês|maand)(?:\s+({_NEXT_AFTER}))?|(?:zum\s+)?monatsende|"
            rf"ultimo)\b",
            re.I,
        ),
    ),
    (
        "eow",
        re.compile(
            rf"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?((?:{_NEXT})\s+)?week|eow|this\s+week|"
            # the weekend ahead is this week's end ("by this week end", "over the weekend",
            # "am Wochenende", "ce week-end")
            rf"(?:(?:this|the)\s+)?week[- ]?end|(?:(?:am|dieses|diesem|zum|übers)\s+)?wochenende|"
            rf"(?:in\s+)?dieser\s+woche|diese\s+woche|cette\s+semaine|(?:en\s+)?esta\s+semana|"
            rf"questa\s+settimana|nesta\s+semana|deze\s+week|"
            rf"(?:ende|fin|finales|fine|fim|einde?|final)\s+(?:der\s+|dieser\s+|de\s+(?:la\s+|esta\s+)?|"
            rf"van\s+de\s+|deze\s+|della\s+|da\s+)?(?:({_NEXT})\s+)?(?:woche|semaine|semana|"
            rf"settimana|week)(?:\s+({_NEXT_AFTER}))?)\b",
            re.I,
        ),
    ),
    (
        # a calendar week by its ISO number ("KW 49", "49. KW", "semaine 49", "semana 49",
        # "settimana 49", "week 49", "wk 49/2026"): its Monday, as "next week" is
        "calendar_week",
        re.compile(
            r"\b(?:kw|cw|kalenderwoche|calendar\s+week|woche|week|wk|semaine|sem\.|semana|"
            r"settimana)\s*[-.]?\s*(\d{1,2})(?:\s*/\s*(20\d\d))?\b"
            r"(?![.,:/]\d|\s+(?:de|of|del|du)\s)|\b(\d{1,2})\.\s*(?:kw|kalenderwoche)\b",
            re.I,
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(today|this morning|this afternoon|earlier today|just now|right now|tomorrow|tmrw|"
            r"day after tomorrow|gerade eben|à l'instant|(?<=é )hier|(?<=ée )hier|(?<=és )hier|"
            r"hier (?=soir|matin)|"
            r"yesterday|ce matin|ce jour|stamattina|questa mattina|esta mañana|vanochtend|"
            r"vanmorgen|heute (?:morgen|früh)|esta manhã|heute|morgen|gestern|"
            r"aujourd'hui|demain|hoy|mañana|ayer|vandaag|gisteren|oggi|domani|ieri|hoje|amanhã|"
            r"ontem)\b",
            re.I,
        ),
    ),
    (
        "weekday_day",
        re.compile(
            rf"\b({_WEEKDAY}),?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th|er|º)?\b(?![.:/,]?\d)"
            r"(?!\s+(?:one|ones)\b)",
            re.I,
        ),
    ),
    (
        "weekday_of_next_week",
        re.compile(
            rf"\b(?:(?:next|volgende|nächste|kommende)\s+(?:week|woche)|(?:la\s+)?semaine\s+"
            rf"prochaine|(?:la\s+)?semana\s+que\s+viene|(?:la\s+|na\s+)?próxima\s+semana|"
            rf"(?:la\s+)?prossima\s+settimana)\s*,?\s*(?:on\s+|am\s+|op\s+|el\s+|le\s+|il\s+|"
            rf"na\s+)?({_WEEKDAY}|{_PT_SHORT_DAY})\b(?!-feira)",
            re.I,
        ),
    ),
    (
        "weekday_pt",
        re.compile(
            rf"\b(?:(próxim[oa]|n?est[ae]|n?ess[ae]|na|no|até|ate)\s+)?({_PT_SHORT_DAY})\b"
            r"(?!-feira|\s+(?:via|parcela|presta|vez|fatura|nota|c[óo]pia|quinzena|semana|"
            r"remessa|entrega|tentativa))(\s+que\s+vem)?",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(this|next|coming|following|{_THIS_OTHER}|{_NEXT_OTHER})\s+)?({_WEEKDAY})\b"
            rf"(?:\s+(?:{_NEXT_AFTER}))?\.?",
            re.I,
        ),
    ),
    (
        "in_n",
        re.compile(
            rf"\b(?:in|within|after|innerhalb\s+von|binnen|dans|en|entro|dentro\s+de|em|over)\s+"
            rf"(?:the\s+next\s+)?({_NUM})\s+(business\s+|working\s+)?(days?|weeks?|months?|"
            rf"tagen?|wochen|monaten|jours|semaines|mois|d[ií]as|semanas|meses|giorni|settimane|"
            rf"mesi|dagen|weken|maanden)\b",
            re.I,
        ),
    ),
    ("next_week", re.compile(r"\b(next|this coming)\s+(week|wk|month|mo)\b", re.I)),
    (
        "next_week_other",
        re.compile(
            r"\b(semaine prochaine|nächste[nr]? woche|próxima semana|semana que viene|volgende "
            r"week|prossima settimana|mois prochain|nächste[nr]? monat|próximo mes|volgende "
            r"maand|prossimo mese|próximo mês)\b",
            re.I,
        ),
    ),
    # "the 3rd one" is a thing counted, not a day
    ("the_nth", re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:one|ones)\b)", re.I)),
]


_SAME_DAY = {
    "this morning", "this afternoon", "earlier today", "just now", "right now", "gerade eben",
    "à l'instant", "ce matin", "ce jour", "stamattina",
    "questa mattina", "esta mañana", "vanochtend", "vanmorgen", "heute morgen", "heute früh",
    "esta manhã",
}  # fmt: skip
_DATE_PREPOSITION = re.compile(
    r"\b(?:on|am|vom|bis|by|le|el|until|before|vor|zum|per|from|ab|op|sinds|vanaf|valuta|"
    r"value date)\s+$",
    re.I,
)


_AFTER_AN_EVENT = re.compile(
    r"\s+(?:of|after|from|upon|following|nach|après|dès|tras|después de|dopo|na|após)\s+"
    r"(?:the\s+|la\s+|der\s+|el\s+)?(?:receiv|receipt|getting|erhalt|eingang|réception|recib|"
    r"recepción|ricev|ontvangst|receb)",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date found in text: where it was, what was written, what it means."""

    start: int
    end: int
    text: str
    value: date
    kind: str = ""
    """Which pattern read it (``numeric``, ``weekday``, ``eom``...)."""

    @property
    def precision(self) -> int:
        """3 for a calendar date, 2 for a named day ("Friday", "the 15th", "end of month"),
        1 for a span ("next week", "in two weeks")."""
        return 3 if self.kind in _CALENDAR else 1 if self.kind in _SPANS else 2


_CALENDAR = frozenset({"iso", "numeric", "day_month", "month_day", "weekday_day"})
_SPANS = frozenset({"next_week", "next_week_other", "in_n", "calendar_week"})
_JOINER = re.compile(r"[\s,(]*(?:on\s+|the\s+|le\s+|am\s+|el\s+)?", re.I)


def find_dates(text: str, anchor: date, prefer: Prefer = "future") -> list[DateMention]:
    """Every date mentioned in ``text``, in order, resolved against ``anchor``."""
    return list(_find_dates(text, anchor, prefer))


@lru_cache(maxsize=32)
def _find_dates(text: str, anchor: date, prefer: Prefer) -> tuple[DateMention, ...]:
    # Cached for the reply being read: the classifier, the field readers and the policy's
    # grounding check read its text and clauses several times over (the mentions are
    # frozen). Small on purpose: it saves those re-reads, not work across replies.
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _resolve(kind, m, anchor, prefer)
            if value is not None:
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start(), m.end(), m.group(0), value, kind))
    found.sort(key=lambda d: d.start)
    # "Monday, July 20", "next week Wednesday 18 of march", "next Tuesday, June 23": a
    # vaguer mention right before a more precise one only names it.
    return tuple(
        d
        for d, following in zip(found, [*found[1:], None], strict=False)
        if not (
            following is not None
            and following.precision > d.precision
            and _JOINER.fullmatch(text[d.end : following.start])
        )
    )


def first_date(text: str, anchor: date, prefer: Prefer = "future") -> date | None:
    """The first date in ``text``, or None."""
    mentions = find_dates(text, anchor, prefer)
    return mentions[0].value if mentions else None


def end_of_month(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: list[date], anchor: date, prefer: Prefer) -> date | None:
    """The candidate closest to ``anchor`` on the preferred side (else closest overall)."""
    if not candidates:
        return None
    if prefer == "future":
        side = [c for c in candidates if c >= anchor]
    else:
        side = [c for c in candidates if c <= anchor]
    pool = side or candidates
    return min(pool, key=lambda c: abs((c - anchor).days))


def _year_of(raw: str | None) -> int | None:
    if not raw:
        return None
    year = int(raw)
    return year + 2000 if year < 100 else year


def _month_day(month: int, day: int, year: int | None, anchor: date, prefer: Prefer) -> date | None:
    years = [year] if year else [anchor.year - 1, anchor.year, anchor.year + 1]
    return _pick([d for y in years if (d := _safe(y, month, day))], anchor, prefer)


def _number(raw: str) -> int:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else NUMBER_WORDS[re.sub(r"\s+", " ", raw)]


def _resolve(kind: str, m: re.Match[str], anchor: date, prefer: Prefer) -> date | None:
    g = m.groups()
    if kind == "iso":
        return _safe(int(g[0]), int(g[2]), int(g[3]))
    if kind == "numeric":
        a, b, year = int(g[0]), int(g[2]), _year_of(g[3])
        if g[1] in ".-" and year is None and not _DATE_PREPOSITION.search(m.string[: m.start()]):
            # "5.06" without a year is more likely an amount than a date, "3-4" a range; "op
            # 18-11 betaald" and "18-11-2026" (Dutch, Spanish, Italian mail) are dates
            return None
        years = [year] if year else [anchor.year - 1, anchor.year, anchor.year + 1]
        readings = [(b, a)] if g[1] == "." else [(a, b), (b, a)]  # dotted dates are d.m
        return _pick(
            [d for y in years for mo, da in readings if (d := _safe(y, mo, da))], anchor, prefer
        )
    if kind == "day_month":
        return _month_day(MONTHS[g[1].lower()], int(g[0]), _year_of(g[2]), anchor, prefer)
    if kind == "month_day":
        word = g[0].lower()
        if word in {"may", "mar", "sat", "sun"} and not g[0][0].isupper():
            return None  # "we may 20 ..." is a verb, not May 20
        return _month_day(MONTHS[word], int(g[1]), _year_of(g[2]), anchor, prefer)
    if kind == "eom":
        return end_of_month(add_months(anchor, 1) if any(g) else anchor)
    if kind == "eow":
        if prefer == "past" and not _WEEK_END.search(m.group(0)):
            # "hemos abonado esta semana", "we paid this week": a past week, not its Friday
            # ahead; said of what was done, it ends the day they write
            return anchor
        if any(g):  # the Friday of next week, also said on a weekend ("end of next week")
            return anchor + timedelta(days=7 - anchor.weekday() + 4)
        return anchor + timedelta(days=(4 - anchor.weekday()) % 7)
    if kind == "calendar_week":
        number, year = int(g[0] or g[2]), _year_of(g[1])
        years = [year] if year else [anchor.year - 1, anchor.year, anchor.year + 1]
        mondays = [d for y in years if (d := _iso_monday(y, number))]
        return _pick(mondays, anchor, prefer)
    if kind == "relative_day":
        word = g[0].lower()
        if word == "morgen" and re.search(r"guten\s+$", m.string[: m.start()], re.I):
            return None  # "Guten Morgen" is a greeting
        if word in _SAME_DAY:
            return anchor
        offsets = {
            "today": 0, "heute": 0, "aujourd'hui": 0, "hoy": 0, "vandaag": 0, "oggi": 0,
            "hoje": 0, "yesterday": -1, "gestern": -1, "ayer": -1, "gisteren": -1, "ieri": -1,
            "ontem": -1, "hier": -1, "hier ": -1, "day after tomorrow": 2,
        }  # fmt: skip
        return anchor + timedelta(days=offsets.get(word, 1))
    if kind == "month_end":
        month = MONTHS[g[0].lower()]
        ends = [end_of_month(date(y, month, 1)) for y in range(anchor.year - 1, anchor.year + 2)]
        return _pick(ends, anchor, prefer)
    if kind == "weekday_day":
        # "viernes 29", "Friday the 24th": that day of this, the last or the next month,
        # the one falling on that weekday if any.
        target, day = WEEKDAYS[g[0].lower()], int(g[1])
        candidates = [d for k in (-1, 0, 1) if (d := _safe_month(anchor, k, day))]
        return _pick([d for d in candidates if d.weekday() == target] or candidates, anchor, prefer)
    if kind == "weekday_of_next_week":
        # "volgende week vrijdag", "next week Friday": that weekday of next week.
        raw = g[0].lower()
        target = WEEKDAYS.get(raw, PT_SHORT_DAYS.get(raw, 0))
        return anchor + timedelta(days=7 - anchor.weekday() + target)
    if kind == "weekday_pt":
        word = (g[0] or "").lower()
        paying = bool(_PT_PAY_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()]))
        if not word and not g[2] and not paying:
            return None  # a bare "sexta" or "segunda" is as often an ordinal
        if g[1].lower() == "segunda" and word in {"na", "no", "até", "ate"} and not paying:
            return None  # "na segunda parcela", "até segunda ordem"
        qualifier = "coming" if word.startswith("próxim") or g[2] else ""
        if word in {"esta", "este", "nesta", "neste", "essa", "esse", "nessa", "nesse"}:
            qualifier = "this"
        return _weekday(anchor, PT_SHORT_DAYS[g[1].lower()], qualifier, prefer, g[1], m)
    if kind == "weekday":
        qualifier = (g[0] or "").lower()
        if re.fullmatch(_THIS_OTHER, qualifier):
            qualifier = "this"
        elif qualifier and qualifier not in {"this", "next", "coming", "following"}:
            qualifier = "coming"  # "nächsten Freitag", "el próximo viernes": the coming one
        return _weekday(anchor, WEEKDAYS[g[1].lower()], qualifier, prefer, g[1], m)
    if kind == "in_n":
        if _AFTER_AN_EVENT.match(m.string[m.end() :]):
            return None  # "within 7 days of receiving it": no date until that happens
        n, unit = _number(g[0]), g[2].lower()
        if re.match(r"day|tag|jour|d[ií]a|giorn|dag", unit):
            if g[1]:
                return _business_days(anchor, n)
            return anchor + timedelta(days=n)
        if re.match(r"week|woch|semain|semana|settiman|wek", unit):
            return anchor + timedelta(weeks=n)
        return add_months(anchor, n)
    if kind == "next_week":
        if g[1].lower() in ("week", "wk"):
            return anchor + timedelta(days=7 - anchor.weekday())
        return add_months(anchor, 1).replace(day=1)
    if kind == "next_week_other":
        if re.search(r"mois|monat|mes|maand|mese|mês", g[0], re.I):
            return add_months(anchor, 1).replace(day=1)
        return anchor + timedelta(days=7 - anchor.weekday())
    if kind == "the_nth":
        day = int(g[0])
        candidates = [d for k in (-1, 0, 1) if (d := _safe_month(anchor, k, day))]
        return _pick(candidates, anchor, prefer)
    return None  # pragma: no cover - every pattern kind is handled above


_WEEK_END = re.compile(r"end|ende|fin|fim|eind|final|eow", re.I)
"""The end of a week ("end of the week", "fin de semaine", "weekend"), not the week itself."""


def _iso_monday(year: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def _safe_month(anchor: date, months: int, day: int) -> date | None:
    first = add_months(anchor.replace(day=1), months)
    return _safe(first.year, first.month, day)


def _business_days(anchor: date, n: int) -> date:
    d = anchor
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


_LAST_BEFORE = re.compile(r"\b(?:last|letzten|vergangenen|afgelopen|vorige)\s+$", re.I)
_LAST_AFTER = re.compile(r"\s+(?:dernier|pasado|scorso|passad[oa]|passé)\b", re.I)
"""A weekday said to be the last one: never today ("last Thursday", "jeudi dernier")."""
_ABBREVIATION_AS_DAY = re.compile(r"\b(?:on|by|until|til|till|next|this|last)\s+$", re.I)


def _weekday(
    anchor: date, target: int, qualifier: str, prefer: Prefer, raw: str, m: re.Match[str]
) -> date | None:
    """``Friday`` is the coming Friday; ``next Friday`` is the Friday of next week."""
    if raw in {"sat", "sun", "mon", "wed"} and not (
        _ABBREVIATION_AS_DAY.search(m.string[: m.start()])
        or re.match(r"\s*(?:$|[.,;!\n])", m.string[m.end() :])
    ):
        return None  # lower-case abbreviations that are usually ordinary words ("mailed it wed"
        # and "on sat" are days)
    if _LAST_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]) or _LAST_AFTER.match(
        m.string[m.end() : m.end() + 12]
    ):
        back = (anchor.weekday() - target) % 7 or 7  # "last Thursday" written on a Thursday
        return anchor - timedelta(days=back)
    if prefer == "past" and qualifier in {"", "this"}:
        back = (anchor.weekday() - target) % 7  # "paid Friday" written on a Friday: today
        return anchor - timedelta(days=back)
    ahead = (target - anchor.weekday()) % 7 or (0 if qualifier == "this" else 7)
    result = anchor + timedelta(days=ahead)
    if qualifier in {"next", "following"}:
        next_monday = anchor + timedelta(days=7 - anchor.weekday())
        if result < next_monday:
            result += timedelta(days=7)
    return result


_HYPHENATED = re.compile(rf"\b(\d{{1,2}})-({_MONTH})\.?-(\d{{4}})\b", re.I)
"""A day written "16-Oct-2026", as Indian and British remittances do."""
_DAY_OF_MONTH = re.compile(
    r"\bd[ií]a\s+(\d{1,2})º?\b(?![.:/,]?\d)(?!\s+(?:de|of)\b)|"
    r"\b(?:il|le|el|am|op)\s+(\d{1,2})(?:\.|º|er)?(?![\d./:%-]|[.,]\d)"
    r"(?=\s*(?:$|[.,;:!)]|\s(?:e|et|y|und|en|con|avec|mit|met|per|par|por|via|tramite|merci|"
    r"grazie|gracias|danke|bedankt)\b))",
    re.I,
)
"""A day of the month left unsaid: "paga no dia 13", "se pagó el día 9"."""


_DOTTED_DAY = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?![\d]|\.\d)")
"""A day written with a closing point and no year ("mit Valuta 19.03.", "für den 20.03."),
the German and Dutch way: never an amount."""
_BARE_ORDINAL = re.compile(
    r"\b(?:on|by|until|till|before|pay|paid|settle|send|due|for)\s+(?:it\s+)?(\d{1,2})"
    r"(?:st|nd|rd|th)\b(?!\s*(?:of|one|ones|floor|quarter|time|place|row|line|item|week|"
    r"invoice|payment|instal\w*|-))",
    re.I,
)
"""A day of the month said with no "the" before it: "we can pay 20th", "by 2nd"."""
_END_OF_NAMED_MONTH = re.compile(
    rf"\b(?:fine|eind|einde|final\s+de|fim\s+de|finais\s+de|final\s+do|fin\s+de\s+mes\s+de)"
    rf"\s+({_MONTH})\b",
    re.I,
)
"""The end of a named month in Italian, Dutch and Portuguese ("a fine aprile", "eind mei",
"no final de maio")."""
_MID_MONTH = re.compile(
    rf"\b(?:mid|mid-|middle\s+of|mitte|mi-|mediados\s+de|a\s+metà|metà|half|medio|meados\s+de|"
    rf"midden)\s*({_MONTH})\b",
    re.I,
)
"""The middle of a named month ("mid-December", "Mitte Dezember", "mediados de diciembre",
"a metà dicembre", "half december"): its 15th."""
_EARLY_MONTH = re.compile(
    rf"\b(?:early|beginning\s+of|(?:the\s+)?start\s+of|anfang|début|debut|principios\s+de|"
    rf"inicios\s+de|inizio|primi\s+di|begin|início\s+de|inicio\s+de)\s+({_MONTH})\b",
    re.I,
)
"""The start of a named month ("early April", "Anfang Dezember", "début janvier", "begin
april"): its 10th, the end of the first days it names."""
_DAY_OF_NEXT_MONTH = re.compile(
    rf"\b(\d{{1,2}}|first|last)(?:st|nd|rd|th|er|ème|e|ste|º|°|\.)?\s+(?:(?:of|del|des|du|de|"
    rf"van|do|di)\s+(?:the\s+|la\s+|de\s+)?|(?=deste\s|dieses\s))(?:(this|este|ce|dieses|"
    rf"questo|deste|deze|cette)\s+)?(?:({_NEXT})\s+)?(month|monats?|mois|mes|mese|mês|maand)\b"
    rf"(?:\s+({_NEXT_AFTER}|suivant))?",
    re.I,
)
"""A day of a month said by its number: "the 1st of next month", "il 12 del mese prossimo",
"am 8. des nächsten Monats", "le 6 du mois prochain", "op de 5e van volgende maand", "le 10e
du mois prochain", "the first of the month" (the coming one), "el 30 de este mes", "am 30.
dieses Monats" (this month's)."""
_WEEKDAY_OF_NEXT_WEEK = re.compile(
    rf"\b(?:(?:next|volgende|nächste|kommende)\s+(?:week|woche)|la\s+semaine\s+prochaine|"
    rf"la\s+semana\s+que\s+viene|la\s+próxima\s+semana|la\s+prossima\s+settimana|"
    rf"na\s+próxima\s+semana)\s*,?\s*(?:on\s+|am\s+|op\s+|el\s+|le\s+|il\s+|na\s+)?"
    rf"({_WEEKDAY})\b|\b({_WEEKDAY})\s+week\b",
    re.I,
)
"""A weekday of next week, said with the week first ("volgende week donderdag", "nächste Woche
Dienstag") or as British "Tuesday week"."""


def local_days(text: str, anchor: date, prefer: Prefer = "future") -> list[DateMention]:
    """Days written in more ways than `find_dates` reads ("16-Oct-2026", "no dia 13"), for
    the extracted fields and their grounding, and for a promise's date only where
    `find_dates` finds none (`classifier._promise_dates`, `classifier._dated`)."""
    return list(_local_days(text, anchor, prefer))


@lru_cache(maxsize=32)
def _local_days(text: str, anchor: date, prefer: Prefer) -> tuple[DateMention, ...]:
    # Cached like `_find_dates`: the rules and the field readers read the same reply again.
    found = []
    for m in _HYPHENATED.finditer(text):
        day = _safe(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if day is not None:
            found.append(DateMention(m.start(), m.end(), m.group(0), day, "day_month"))
    for m in _DAY_OF_MONTH.finditer(text):
        number = int(m.group(1) or m.group(2))
        days = [d for k in (-1, 0, 1) if (d := _safe_month(anchor, k, number))]
        on_side = [d for d in days if (d <= anchor if prefer == "past" else d >= anchor)]
        if on_side:
            day = max(on_side) if prefer == "past" else min(on_side)
            found.append(DateMention(m.start(), m.end(), m.group(0), day, "the_nth"))
    for m in _DOTTED_DAY.finditer(text):
        day = _month_day(int(m.group(2)), int(m.group(1)), None, anchor, prefer)
        if day is not None:
            found.append(DateMention(m.start(), m.end(), m.group(0), day, "numeric"))
    for m in _BARE_ORDINAL.finditer(text):
        days = [d for k in (-1, 0, 1) if (d := _safe_month(anchor, k, int(m.group(1))))]
        on_side = [d for d in days if (d <= anchor if prefer == "past" else d >= anchor)]
        if on_side:
            day = max(on_side) if prefer == "past" else min(on_side)
            found.append(
                DateMention(
                    m.start(1), m.end(), m.group(0)[m.start(1) - m.start() :], day, "the_nth"
                )
            )
    for m in _END_OF_NAMED_MONTH.finditer(text):
        month = MONTHS[m.group(1).lower()]
        ends = [end_of_month(date(y, month, 1)) for y in range(anchor.year - 1, anchor.year + 2)]
        day = _pick(ends, anchor, prefer)
        if day is not None:
            found.append(DateMention(m.start(), m.end(), m.group(0), day, "month_end"))
    for pattern, day_of_month in ((_EARLY_MONTH, 10), (_MID_MONTH, 15)):
        for m in pattern.finditer(text):
            month = MONTHS[m.group(1).lower()]
            years = range(anchor.year - 1, anchor.year + 2)
            day = _pick([date(y, month, day_of_month) for y in years], anchor, prefer)
            if day is not None:
                found.append(DateMention(m.start(), m.end(), m.group(0), day, "day_month"))
    for m in _DAY_OF_NEXT_MONTH.finditer(text):
        raw = m.group(1).lower()
        if raw == "last":
            continue
        number = 1 if raw == "first" else int(raw)
        if m.group(2):  # "el 30 de este mes", "am 30. dieses Monats": this month's
            day = _safe_month(anchor, 0, number)
        elif m.group(3) or m.group(5):
            day = _safe_month(anchor, 1, number)
        else:  # "the first of the month": the coming one
            day = next(
                (d for k in (0, 1) if (d := _safe_month(anchor, k, number)) and d >= anchor), None
            )
        if day is not None:
            found.append(DateMention(m.start(), m.end(), m.group(0), day, "day_month"))
    for m in _WEEKDAY_OF_NEXT_WEEK.finditer(text):
        target = WEEKDAYS[(m.group(1) or m.group(2)).lower()]
        next_monday = anchor + timedelta(days=7 - anchor.weekday())
        day = next_monday + timedelta(days=target)
        if m.group(2):  # "Tuesday week": a week after the coming Tuesday
            day = anchor + timedelta(days=((target - anchor.weekday()) % 7 or 7) + 7)
        found.append(DateMention(m.start(), m.end(), m.group(0), day, "weekday_day"))
    return tuple(sorted(found, key=lambda d: d.start))
