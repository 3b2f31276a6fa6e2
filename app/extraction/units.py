"""Units of measure and currencies, as written in news, mapped to one canonical name each.

Names follow common usage (singular, British spelling): 'kilometre', 'dollar', 'percent'.
"""

from __future__ import annotations

import re

# Currency marks written before a number, longest first where they share a prefix.
CURRENCY_PREFIXES = {
    "US$": "dollar",
    "$US": "dollar",
    "USD": "dollar",
    "A$": "australian dollar",
    "$A": "australian dollar",
    "AU$": "australian dollar",
    "AUD": "australian dollar",
    "C$": "canadian dollar",
    "CA$": "canadian dollar",
    "CAD": "canadian dollar",
    "NZ$": "new zealand dollar",
    "HK$": "hong kong dollar",
    "S$": "singapore dollar",
    "R$": "real",
    "Rs": "rupee",
    "Rs.": "rupee",
    "₹": "rupee",
    "€": "euro",
    "EUR": "euro",
    "£": "pound",
    "GBP": "pound",
    "¥": "yen",
    "JPY": "yen",
    "CNY": "yuan",
    "RMB": "yuan",
    "₽": "rouble",
    "₩": "won",
    "CHF": "swiss franc",
    "$": "dollar",
}

# Units written after a number: surface form (lower case) -> canonical name.
UNIT_WORDS = {
    # currencies
    "dollar": "dollar",
    "dollars": "dollar",
    "euro": "euro",
    "euros": "euro",
    "pound": "pound",
    "pounds": "pound",
    "sterling": "pound",
    "yen": "yen",
    "yuan": "yuan",
    "renminbi": "yuan",
    "rupee": "rupee",
    "rupees": "rupee",
    "rouble": "rouble",
    "roubles": "rouble",
    "ruble": "rouble",
    "rubles": "rouble",
    "cent": "cent",
    "cents": "cent",
    "pence": "penny",
    "p": "penny",
    "francs": "franc",
    "hryvnias": "hryvnia",
    "won": "won",
    "pesos": "peso",
    # shares of a whole
    "%": "percent",
    "per cent": "percent",
    "percent": "percent",
    "pc": "percent",
    "percentage point": "percentage point",
    "percentage points": "percentage point",
    "basis point": "basis point",
    "basis points": "basis point",
    "bps": "basis point",
    # length, area, volume
    "km": "kilometre",
    "kilometre": "kilometre",
    "kilometres": "kilometre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "m": "metre",
    "metre": "metre",
    "metres": "metre",
    "meter": "metre",
    "meters": "metre",
    "cm": "centimetre",
    "centimetres": "centimetre",
    "centimeters": "centimetre",
    "mm": "millimetre",
    "millimetres": "millimetre",
    "millimeters": "millimetre",
    "mile": "mile",
    "miles": "mile",
    "ft": "foot",
    "foot": "foot",
    "feet": "foot",
    "inch": "inch",
    "inches": "inch",
    "yards": "yard",
    "yard": "yard",
    "nautical miles": "nautical mile",
    "square kilometres": "square kilometre",
    "square kilometers": "square kilometre",
    "sq km": "square kilometre",
    "square miles": "square mile",
    "square metres": "square metre",
    "square meters": "square metre",
    "square feet": "square foot",
    "sq ft": "square foot",
    "sq mi": "square mile",
    "sq miles": "square mile",
    "mi": "mile",
    "acres": "acre",
    "acre": "acre",
    "hectares": "hectare",
    "hectare": "hectare",
    "litres": "litre",
    "litre": "litre",
    "liters": "litre",
    "liter": "litre",
    "gallons": "gallon",
    "gallon": "gallon",
    "barrels": "barrel",
    "barrel": "barrel",
    "cubic metres": "cubic metre",
    "cubic meters": "cubic metre",
    # mass
    "kg": "kilogram",
    "kilograms": "kilogram",
    "kilos": "kilogram",
    "g": "gram",
    "grams": "gram",
    "mg": "milligram",
    "milligrams": "milligram",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "ton",
    "ton": "ton",
    "lb": "pound",
    "lbs": "pound",
    "ounces": "ounce",
    "ounce": "ounce",
    "oz": "ounce",
    # time
    "seconds": "second",
    "second": "second",
    "minutes": "minute",
    "minute": "minute",
    "mins": "minute",
    "hours": "hour",
    "hour": "hour",
    "hrs": "hour",
    "days": "day",
    "day": "day",
    "weeks": "week",
    "week": "week",
    "months": "month",
    "month": "month",
    "years": "year",
    "year": "year",
    "decades": "decade",
    "centuries": "century",
    # speed, energy, data, temperature, concentration
    "mph": "mile per hour",
    "m.p.h.": "mile per hour",
    "m.p.h": "mile per hour",
    "km/h": "kilometre per hour",
    "kph": "kilometre per hour",
    "knots": "knot",
    "kw": "kilowatt",
    "kilowatts": "kilowatt",
    "mw": "megawatt",
    "megawatts": "megawatt",
    "gw": "gigawatt",
    "gigawatts": "gigawatt",
    "kwh": "kilowatt hour",
    "mwh": "megawatt hour",
    "gwh": "gigawatt hour",
    "twh": "terawatt hour",
    "watts": "watt",
    "volts": "volt",
    "gb": "gigabyte",
    "tb": "terabyte",
    "mb": "megabyte",
    "ghz": "gigahertz",
    "mhz": "megahertz",
    "mp": "megapixel",
    "megapixels": "megapixel",
    "degrees celsius": "celsius",
    "degrees fahrenheit": "fahrenheit",
    "°c": "celsius",
    "°f": "fahrenheit",
    "c": "celsius",
    "f": "fahrenheit",
    "degrees": "degree",
    "°": "degree",
    "€": "euro",
    "times": "time",
    "points": "point",
    "point": "point",
    "hz": "hertz",
    "khz": "kilohertz",
    "w": "watt",
    "mpa": "megapascal",
    "gpa": "gigapascal",
    "ksi": "kilopound per square inch",
    "psi": "pound per square inch",
    "m2": "square metre",
    "km2": "square kilometre",
    "sqm": "square metre",
    "l": "litre",
    "ml": "millilitre",
    "gigatonnes": "gigaton",
    "gigatons": "gigaton",
    "megatonnes": "megaton",
    "mpg": "mile per gallon",
    "year-old": "year of age",
    "years-old": "year of age",
    "year old": "year of age",
    "years old": "year of age",
    "krone": "krone",
    "kroner": "krone",
    "crowns": "krone",
    "shekels": "shekel",
    "kn": "croatian kuna",
    "lira": "lira",
    "ppm": "parts-per-million",
    "ppb": "parts-per-billion",
    "calories": "calorie",
    "mmbtu": "mega british thermal unit",
    "bpd": "barrel per day",
}
# Units that only count as units when written right after a digit ("5m", "30C"), because
# as words they are ordinary ('m' could be a name initial, 'c' a list label).
_DIGIT_ONLY = {"m", "g", "p", "c", "f", "pc", "mp", "l", "w", "mi"}

_UNIT_PATTERN = re.compile(
    r"(?:(?<=\d)-?|\s)(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(UNIT_WORDS, key=len, reverse=True))
    + r")(?![\w°])",
    re.IGNORECASE,
)
_SINGLE_LETTERS = {"m", "g", "p", "l", "C", "F", "W", "%", "°", "€"}
_SPACED_SYMBOLS = {"W", "C", "F"}  # "5 W charger", "30 C": capitals are symbols
_NAMED_CURRENCY = re.compile(
    r"\s+((?:[A-Z][a-z]+|U\.?S\.?)(?:\s+[A-Z][a-z]+)?)\s+(dollars?|crowns|kroner|krone|pesos|"
    r"francs|rupees|pounds|yuan|yen|rand|lira|shekels|reais|euros)\b"
)
# Measures of a substance read as one unit: "barrels of oil", "tonnes of coal".
_CONTAINERS = {
    "barrel",
    "tonne",
    "ton",
    "litre",
    "gallon",
    "cubic metre",
    "kilogram",
    "ounce",
    "gigaton",
    "megaton",
    "gram",
    "pound",
}
_MATERIAL = re.compile(r"\s+of\s+([a-z]+)\b(?!\s+(?:of|the)\b)")
_PER = re.compile(
    r"[\s-]*(?:per|a|an|each|/)[\s-]*(?P<per>day|week|month|year|hour|barrel|head|person|capita|"
    r"tonne|ton|share|mmbtu|litre|gallon|kilogram|kg|km|mile)\b"
    r"(?!\s+(?:earlier|ago|before|later|on|from|after|in\s+advance))",
    re.IGNORECASE,
)


def unit_after(text: str, position: int, end: int) -> tuple[str, int] | None:
    """(canonical unit, end offset) for a unit written at position, else None."""
    named = _NAMED_CURRENCY.match(text, position, min(end, position + 40))
    if named:  # "7.5 million Danish crowns", "20 Hong Kong dollars"
        country = named.group(1).lower()
        currency = UNIT_WORDS[named.group(2).lower()]
        return (currency if country in ("us", "u.s.") else f"{country} {currency}"), named.end()
    match = _UNIT_PATTERN.match(text, position, min(end, position + 30))
    if not match:
        return None
    surface = match.group("unit").lower()
    attached = match.start("unit") == position
    if surface in _DIGIT_ONLY and not attached and match.group("unit") not in _SPACED_SYMBOLS:
        return None
    if len(surface) == 1 and match.group("unit") not in _SINGLE_LETTERS:
        return None  # "5G", "3D": names, not grams or anything else
    unit, stop = UNIT_WORDS[surface], match.end()
    material = _MATERIAL.match(text, stop, end)
    if material and unit in _CONTAINERS:
        unit, stop = f"{unit} of {material.group(1).lower()}", material.end()
    per = _PER.match(text, stop, end)
    if per:
        per_name = per.group("per").lower()
        unit, stop = f"{unit} per {UNIT_WORDS.get(per_name, per_name)}", per.end()
    return unit, stop


def per_unit_after(text: str, position: int, end: int) -> tuple[str, int] | None:
    """'a day', 'per barrel' right after a number or currency amount."""
    per = _PER.match(text, position, end)
    if not per:
        return None
    name = per.group("per").lower()
    return f"per {UNIT_WORDS.get(name, name)}", per.end()
