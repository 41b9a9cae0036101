"""Money and quantities: "US$1.34 billion", "RM3.2bn", "CZK 3.5 billion", "about 150", "at least 12".

>>> [(m.value, m.approximate) for m in find_money("worth about US$212 million (RM1 billion)")]
[('212000000 USD', True), ('1000000000 MYR', False)]
>>> [(q.value, q.lower_bound) for q in find_quantities("more than 2,100 exhibitors and four ships")]
[(2100, True), (4, False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..money import format_money

__all__ = ["NUMBER_WORDS", "Money", "Quantity", "find_money", "find_quantities"]

#: currency symbol or code as written -> ISO 4217 code
CURRENCIES: dict[str, str] = {
    "US$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "S$": "SGD", "SGD": "SGD",
    "C$": "CAD", "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD", "€": "EUR", "EUR": "EUR", "£": "GBP",
    "GBP": "GBP", "RM": "MYR", "MYR": "MYR", "₩": "KRW", "KRW": "KRW", "won": "KRW", "¥": "JPY", "JPY": "JPY",
    "yen": "JPY", "Rs": "INR", "Rs.": "INR", "INR": "INR", "₹": "INR", "rupees": "INR", "CZK": "CZK",
    "PLN": "PLN", "zloty": "PLN", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "CHF": "CHF", "TRY": "TRY",
    "lira": "TRY", "Rp": "IDR", "IDR": "IDR", "rupiah": "IDR", "THB": "THB", "baht": "THB", "PHP": "PHP",
    "pesos": "PHP", "VND": "VND", "SAR": "SAR", "riyals": "SAR", "AED": "AED", "dirhams": "AED",
    "BRL": "BRL", "R$": "BRL", "ZAR": "ZAR", "rand": "ZAR", "CNY": "CNY", "yuan": "CNY", "RMB": "CNY",
    "ILS": "ILS", "shekels": "ILS", "EGP": "EGP", "RON": "RON", "HUF": "HUF", "euros": "EUR", "euro": "EUR",
    "dollars": "USD", "pounds": "GBP", "ringgit": "MYR", "kronor": "SEK", "PKR": "PKR", "BDT": "BDT",
}
_SCALE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mil": 10**6,
          "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12, "crore": 10**7, "lakh": 10**5}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12, "two dozen": 24})

_SYM = "|".join(re.escape(k) for k in sorted((k for k in CURRENCIES if not k.isalpha() or k.isupper() or k == "Rs"),
                                              key=len, reverse=True))
#: currencies named with their country ("6.5 billion US dollars", "2 billion Australian dollars")
_COUNTRY_DOLLARS = {"US dollars": "USD", "U.S. dollars": "USD", "Australian dollars": "AUD",
                    "Singapore dollars": "SGD", "Canadian dollars": "CAD", "New Zealand dollars": "NZD",
                    "Hong Kong dollars": "HKD", "Taiwan dollars": "TWD", "New Taiwan dollars": "TWD",
                    "Swedish kronor": "SEK", "Norwegian kroner": "NOK", "Danish kroner": "DKK", "Czech koruna": "CZK",
                    "Czech crowns": "CZK", "Polish zloty": "PLN", "Polish zlotys": "PLN", "Turkish lira": "TRY",
                    "Indian rupees": "INR", "Pakistani rupees": "PKR", "Japanese yen": "JPY", "South Korean won": "KRW",
                    "Korean won": "KRW", "Philippine pesos": "PHP", "Thai baht": "THB", "Indonesian rupiah": "IDR",
                    "Malaysian ringgit": "MYR", "Saudi riyals": "SAR", "UAE dirhams": "AED", "Swiss francs": "CHF",
                    "South African rand": "ZAR", "Israeli shekels": "ILS", "Hungarian forints": "HUF",
                    "Romanian lei": "RON", "Chinese yuan": "CNY", "Brazilian reais": "BRL", "British pounds": "GBP"}
CURRENCIES.update(_COUNTRY_DOLLARS)
_WORDCUR = "|".join([*(re.escape(k) for k in sorted(_COUNTRY_DOLLARS, key=len, reverse=True)),
                     *(k for k in CURRENCIES if k.isalpha() and k.islower())])
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = r"thousand|million|billion|trillion|crore|lakh|bn|mn|tn|mil|m|b|k"
_APPROX = (r"(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|an estimated|estimated at|close to|"
           r"up to|more than|over|at least|in excess of|upwards of|less than|under)")
_MONEY_RE = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:(?P<sym>{_SYM})\s?(?P<n1>{_NUM})(?:\s?(?P<s1>{_SCALES})\b)?"
    rf"|(?P<n2>{_NUM})(?:\s?(?P<s2>{_SCALES})\b)?\s?(?P<wc>{_WORDCUR}|[A-Z]{{3}}(?=\W|$))(?!\w))",
)
_QTY_RE = re.compile(
    rf"(?:(?P<approx>{_APPROX}|some|up to)\s+)?"
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b"
    r"(?:\s+(?P<scale>thousand|million|hundred))?",
    re.I,
)
_NUMBER_RE = re.compile(
    rf"(?i:\b(?:\d|{'|'.join(sorted((w for w in NUMBER_WORDS if ' ' not in w), key=len, reverse=True))})\b)|\d")
_HEDGE_BEFORE_RE = re.compile(rf"(?i:\b{_APPROX}\s+|\bsome\s+|\bup to\s+)$")
_LOWER = ("more than", "over", "at least", "in excess of", "upwards of")
_APPROXIMATE = ("about", "around", "approximately", "approx", "approx.", "roughly", "nearly", "almost", "some",
                "an estimated", "estimated at", "close to")


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    value: str
    approximate: bool
    lower_bound: bool


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: int
    approximate: bool
    lower_bound: bool
    number_start: int


def _amount(num: str, scale: str | None) -> Decimal | None:
    try:
        d = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None
    return d * _SCALE.get((scale or "").casefold(), 1)


def find_money(text: str) -> list[Money]:
    """Return every amount of money in ``text`` as ``"AMOUNT CUR"``, left to right."""
    out = []
    for m in _MONEY_RE.finditer(text):
        sym = m.group("sym") or m.group("wc")
        cur = CURRENCIES.get(sym) or (sym if sym and sym.isupper() and len(sym) == 3 else None)
        if cur is None or (sym and sym.isupper() and len(sym) == 3 and sym not in CURRENCIES):
            continue
        num, scale = (m.group("n1"), m.group("s1")) if m.group("n1") else (m.group("n2"), m.group("s2"))
        amount = _amount(num, scale)
        if amount is None:
            continue
        approx = (m.group("approx") or "").casefold()
        out.append(Money(m.start(), m.end(), format_money(amount, cur), approx in _APPROXIMATE, approx in _LOWER))
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Return counted numbers ("36", "four", "more than 20") with their hedges, left to right."""
    out = []
    pos = 0
    for anchor in _NUMBER_RE.finditer(text):
        if anchor.start() < pos:
            continue
        hedge = _HEDGE_BEFORE_RE.search(text, max(0, anchor.start() - 24), anchor.start())
        start = hedge.start() if hedge else anchor.start()
        m = _QTY_RE.match(text, start)
        if m is None:
            continue
        pos = m.end()
        n = m.group("n").casefold()
        if n in NUMBER_WORDS:
            value = NUMBER_WORDS[n]
        else:
            try:
                value = int(Decimal(n.replace(",", "")))
            except InvalidOperation:
                continue
            if "." in n:
                continue
        if m.group("scale"):
            value *= {"thousand": 1000, "million": 10**6, "hundred": 100}[m.group("scale").casefold()]
        approx = (m.group("approx") or "").casefold()
        out.append(Quantity(m.start(), m.end(), value, approx in _APPROXIMATE, approx in _LOWER, m.start("n")))
    return out
