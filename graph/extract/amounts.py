"""Money and quantities: "US$1.34 billion", "RM3.2bn", "CZK 3.5 billion", "about 150", "at least 12".

>>> [(m.value, m.approximate) for m in find_money("worth about US$212 million (RM1 billion)")]
[('212000000 USD', True), ('1000000000 MYR', False)]
>>> [m.value for m in find_money("worth about 6.5 billion US dollars, or 2 trillion Korean won")]
['6500000000 USD', '2000000000000 KRW']
>>> [(q.value, q.lower_bound) for q in find_quantities("more than 2,100 exhibitors and four ships")]
[(2100, True), (4, False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..money import format_money
from .numbers import NUMBER_WORDS, SIMPLE_NUMBER_WORDS, WORD_NUMBER, parse_number
from .patterns import words_regex

__all__ = ["NUMBER_WORDS", "Money", "Quantity", "find_letter_money", "find_money", "find_quantities", "localise_rupees"]

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
    "₦": "NGN", "NGN": "NGN", "naira": "NGN", "KES": "KES", "GHS": "GHS", "MAD": "MAD", "COP": "COP", "MXN": "MXN",
    "CLP": "CLP", "ARS": "ARS", "PEN": "PEN", "LKR": "LKR", "NPR": "NPR", "QAR": "QAR", "KWD": "KWD", "OMR": "OMR",
    "KSh": "KES", "Ksh": "KES",
}
#: currencies named in words of more than one token ("6.5 billion US dollars")
CURRENCY_PHRASES: dict[str, str] = {
    "US dollars": "USD", "U.S. dollars": "USD", "American dollars": "USD", "Australian dollars": "AUD",
    "Singapore dollars": "SGD", "Canadian dollars": "CAD", "New Zealand dollars": "NZD", "Hong Kong dollars": "HKD",
    "Taiwan dollars": "TWD", "New Taiwan dollars": "TWD", "Indian rupees": "INR", "Pakistani rupees": "PKR",
    "South Korean won": "KRW", "Korean won": "KRW", "Japanese yen": "JPY", "Malaysian ringgit": "MYR",
    "Indonesian rupiah": "IDR", "Philippine pesos": "PHP", "Thai baht": "THB", "Saudi riyals": "SAR",
    "Swedish kronor": "SEK", "Norwegian kroner": "NOK", "Danish kroner": "DKK", "Swiss francs": "CHF",
    "Polish zloty": "PLN", "Czech koruna": "CZK", "Turkish lira": "TRY", "British pounds": "GBP",
    "pounds sterling": "GBP", "Vietnamese dong": "VND", "dong": "VND", "kroner": "NOK", "francs": "CHF",
    "koruna": "CZK", "rupee": "INR", "dollar": "USD",
}
_SCALE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "mil": 10**6,
          "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12, "crore": 10**7, "lakh": 10**5}

#: currencies written before the amount, longest first
_SYMBOLS = sorted((k for k in CURRENCIES if not k.isalpha() or k.isupper() or k in ("Rs", "Rp", "KSh", "Ksh")), key=len,
                  reverse=True)
_SYM = "|".join(map(re.escape, _SYMBOLS))
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
                    "Romanian lei": "RON", "Chinese yuan": "CNY", "Brazilian reais": "BRL", "British pounds": "GBP",
                    "Nigerian naira": "NGN", "Kenyan shillings": "KES", "Egyptian pounds": "EGP",
                    "Colombian pesos": "COP", "Mexican pesos": "MXN", "Chilean pesos": "CLP", "Argentine pesos": "ARS",
                    "Moroccan dirhams": "MAD", "Qatari riyals": "QAR", "Sri Lankan rupees": "LKR"}
CURRENCIES.update(_COUNTRY_DOLLARS)
_WORDCUR = "|".join(sorted({*(re.escape(k) for k in (*CURRENCY_PHRASES, *_COUNTRY_DOLLARS)),
                             *(k for k in CURRENCIES if k.isalpha() and k.islower())}, key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = r"thousand|million|billion|trillion|crore|lakh|bn|mn|tn|mil|m|b|k"
_HEDGES = ("about", "around", "approximately", "approx.", "approx", "roughly", "nearly", "almost", "some",
           "an estimated", "estimated at", "close to", "up to", "more than", "over", "at least", "in excess of",
           "upwards of", "less than", "under")
_APPROX = "(?:" + "|".join(map(re.escape, _HEDGES)) + ")"
_MONEY_RE = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:(?P<sym>{_SYM})\s?(?P<n1>{_NUM})(?:\s?(?P<s1>{_SCALES})\b)?"
    rf"|(?P<n2>{_NUM})(?:\s?(?P<s2>{_SCALES})\b)?\s?(?P<wc>{_WORDCUR}|[A-Z]{{3}}(?=\W|$))(?!\w))",
)
_QTY_RE = re.compile(
    rf"(?:(?P<approx>{_APPROX}|some|up to)\s+)?"
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{WORD_NUMBER})\b"
    r"(?:\s+(?P<scale>thousand|million|hundred))?",
    re.I,
)
_HEDGE_BEFORE_RE = re.compile(rf"(?i:\b{_APPROX}\s+|\bsome\s+|\bup to\s+)$")

# Where a number or an amount may begin. Each scan starts with a character class, so that
# ``re`` skips quickly to the places worth a look: any digit; a number word ("four",
# case ignored) taken with the character before it, which is no letter or digit.
_DIGIT_RE = re.compile(r"\d")
_NUMBER_WORD = words_regex(sorted([*SIMPLE_NUMBER_WORDS, "thousand", "pair"], key=len, reverse=True), ignorecase=True)
# "a hundred", "a dozen", "half a dozen", "a pair of": the number begins at the article before the word
_ARTICLE_BEFORE_RE = re.compile(r"(?i:(?<![\w-])(?:half\s+)?an?\s+)$")
_AFTER_ARTICLE = frozenset({"hundred", "thousand", "dozen", "pair"})
_WORD_AT_RE = re.compile(r"[A-Za-z]+")
_FIRST_NUMBER_WORD_RE = re.compile(rf"(?i:{_NUMBER_WORD})\b")
_LED_NUMBER_WORD_RE = re.compile(rf"\W(?i:{_NUMBER_WORD})\b")
# a currency symbol ends right before a number's first digit, or one space before it
_SYMBOL_SET = frozenset(_SYMBOLS)
_SYMBOL_LENGTHS = sorted({len(sym) for sym in _SYMBOLS})
_HEDGE_SET = frozenset(_HEDGES)
_HEDGE_LENGTHS = sorted({len(h) for h in _HEDGES})
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


@lru_cache(maxsize=2)
def _digits(text: str) -> tuple[int, ...]:
    """Return the offset of every digit in ``text`` (amounts and quantities both begin at one)."""
    return tuple(d.start() for d in _DIGIT_RE.finditer(text))


def _money_starts(text: str) -> list[int]:
    """Return every offset where _MONEY_RE can match, and some where it cannot, in order.

    An amount's number begins with a digit; right before it may stand a currency symbol
    (and a space), and before that a hedge ("about") and spaces.
    """
    starts = set()
    for digit in _digits(text):
        starts.add(digit)
        if digit and not text[digit - 1].isdecimal():
            for end in (digit, digit - 1) if text[digit - 1].isspace() else (digit,):
                starts.update(end - n for n in _SYMBOL_LENGTHS if n <= end and text[end - n:end] in _SYMBOL_SET)
    for core in list(starts):
        end = core
        while end and text[end - 1].isspace():
            end -= 1
        if end < core:
            starts.update(end - n for n in _HEDGE_LENGTHS if n <= end and text[end - n:end] in _HEDGE_SET)
    return sorted(starts)


def _money_matches(text: str) -> Iterator[re.Match[str]]:
    """Yield what ``_MONEY_RE.finditer(text)`` yields, trying only where a match may begin."""
    pos = 0
    for start in _money_starts(text):
        if start >= pos and (m := _MONEY_RE.match(text, start)):
            pos = m.end()
            yield m


def find_money(text: str) -> list[Money]:
    """Return every amount of money in ``text`` as ``"AMOUNT CUR"``, left to right."""
    out = []
    for m in _money_matches(text):
        sym = m.group("sym") or m.group("wc")
        cur = CURRENCIES.get(sym) or CURRENCY_PHRASES.get(sym or "") or (
            sym if sym and sym.isupper() and len(sym) == 3 else None)
        if cur is None or (sym and sym.isupper() and len(sym) == 3 and sym not in CURRENCIES):
            continue
        num, scale = (m.group("n1"), m.group("s1")) if m.group("n1") else (m.group("n2"), m.group("s2"))
        amount = _amount(num, scale)
        if amount is None:
            continue
        approx = (m.group("approx") or "").casefold()
        out.append(Money(m.start(), m.end(), format_money(amount, cur), approx in _APPROXIMATE, approx in _LOWER))
    lettered = find_letter_money(text, out)
    if lettered:
        out = sorted(out + lettered, key=lambda x: x.start)
    return out


#: one-letter currency signs ("R1.2 billion" rand, "N120 billion" naira): taken only with a scale word
_LETTER_CURRENCIES = {"R": "ZAR", "N": "NGN"}
_LETTER_MONEY_RE = re.compile(rf"(?P<sym>[RN])(?P<n>{_NUM})\s?(?P<s>thousand|million|billion|trillion|bn|mn|tn)\b")
#: where "Rs" stands for another state's rupee than India's
RUPEE_COUNTRIES = {"Pakistan": "PKR", "Sri Lanka": "LKR", "Nepal": "NPR"}


def find_letter_money(text: str, taken: list[Money]) -> list[Money]:
    """Return amounts written with a one-letter sign and a scale ("R1.2 billion", "N120 billion") that ``taken``
    does not hold; a hedge before them counts as with any amount."""
    out = []
    for digit in _digits(text):
        if not digit or text[digit - 1] not in _LETTER_CURRENCIES or (digit > 1 and is_word_char(text[digit - 2])):
            continue
        m = _LETTER_MONEY_RE.match(text, digit - 1)
        if m is None or any(t.start <= m.start() < t.end for t in taken):
            continue
        amount = _amount(m.group("n"), m.group("s"))
        if amount is None:
            continue
        hedge = _HEDGE_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
        h = hedge.group(0).strip().casefold() if hedge else ""
        out.append(Money(hedge.start() if hedge else m.start(), m.end(),
                         format_money(amount, _LETTER_CURRENCIES[m.group("sym")]), h in _APPROXIMATE, h in _LOWER))
    return out


def localise_rupees(text: str, money: list[Money], country: str | None) -> list[Money]:
    """Return ``money`` with "Rs" amounts in the rupee of the article's state when that is not India's."""
    cur = RUPEE_COUNTRIES.get(country or "")
    if cur is None:
        return money
    return [replace(m, value=m.value.replace(" INR", f" {cur}")) if m.value.endswith(" INR")
            and "Rs" in text[m.start:m.end] else m for m in money]


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_$"


def _number_starts(text: str) -> list[int]:
    """Return, in order, every digit's offset and where each number word begins."""
    first = _FIRST_NUMBER_WORD_RE.match(text)
    words = [0] if first else []
    words += [m.start() + 1 for m in _LED_NUMBER_WORD_RE.finditer(text, first.end() if first else 0)]
    return sorted([*_digits(text), *words])


def _quantity_matches(text: str) -> Iterator[re.Match[str]]:
    """Yield a match of _QTY_RE at each number, from its hedge if one stands before it, left to right."""
    pos = 0
    for anchor in _number_starts(text):
        if anchor < pos:
            continue
        word = _WORD_AT_RE.match(text, anchor)
        if word is not None and word.group().casefold() in _AFTER_ARTICLE:
            lead = _ARTICLE_BEFORE_RE.search(text, max(pos, anchor - 8), anchor)
            anchor = lead.start() if lead else anchor
        # a hedge ends in a space right before the number
        hedge = (_HEDGE_BEFORE_RE.search(text, max(0, anchor - 24), anchor)
                 if anchor and text[anchor - 1].isspace() else None)
        m = _QTY_RE.match(text, hedge.start() if hedge else anchor)
        if m is not None:
            pos = m.end()
            yield m


def find_quantities(text: str) -> list[Quantity]:
    """Return counted numbers ("36", "four", "more than 20") with their hedges, left to right."""
    out = []
    for m in _quantity_matches(text):
        n = m.group("n").casefold()
        word_value = parse_number(n) if n[:1].isalpha() else None
        if word_value is not None:
            value = word_value
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
