"""Money values of the interchange format: ``"AMOUNT CUR"`` with an ISO 4217 code.

>>> parse_money("212000000 USD (approximate)")
(Decimal('212000000'), 'USD')
>>> parse_money("a lot") is None
True
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["format_money", "parse_money"]

_MONEY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+([A-Z]{3})\b")


def parse_money(text: str) -> tuple[Decimal, str] | None:
    """Return (amount, currency) of a ``"AMOUNT CUR ..."`` value, or None."""
    m = _MONEY.match(text)
    if not m:
        return None
    try:
        return Decimal(m.group(1)), m.group(2)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def format_money(amount: Decimal | int | float, currency: str) -> str:
    """Return the canonical ``"AMOUNT CUR"`` form (full integer where whole)."""
    d = Decimal(str(amount))
    text = format(d.quantize(Decimal(1)), "f") if d == d.to_integral_value() else format(d.normalize(), "f")
    return f"{text} {currency.upper()}"
