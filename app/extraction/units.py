"""Units of measure and currencies, as written in news, mapped to one canonical name each.

Names follow common usage (singular, British spelling): 'kilometre', 'dollar', 'percent'.
"""

from __future__ import annotations

import re

from app.extraction.numbers import trie_pattern

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
    "RUB": "rouble",
    "₩": "won",
    "KRW": "won",
    "CHF": "swiss franc",
    "NT$": "new taiwan dollar",
    "TWD": "new taiwan dollar",
    "SGD": "singapore dollar",
    "NZD": "new zealand dollar",
    "HKD": "hong kong dollar",
    "MX$": "mexican peso",
    "MXN": "mexican peso",
    "BRL": "real",
    "INR": "indian rupee",
    "PKR": "pakistani rupee",
    "₦": "nigerian naira",
    "NGN": "nigerian naira",
    "₺": "turkish lira",
    "₪": "shekel",
    "ILS": "shekel",
    "₴": "hryvnia",
    "UAH": "hryvnia",
    "₫": "vietnamese dong",
    "฿": "thai baht",
    "THB": "thai baht",
    "ZAR": "south african rand",
    "SEK": "swedish krona",
    "NOK": "norwegian krone",
    "DKK": "danish krone",
    "PLN": "polish zloty",
    "CZK": "czech koruna",
    "HUF": "hungarian forint",
    "AED": "uae dirham",
    "SAR": "saudi riyal",
    "EGP": "egyptian pound",
    "KES": "kenyan shilling",
    "IDR": "indonesian rupiah",
    "Rp": "indonesian rupiah",
    "RM": "malaysian ringgit",
    "MYR": "malaysian ringgit",
    "₿": "bitcoin",
    "BTC": "bitcoin",
    "$": "dollar",
}

# Units written after a number: surface form (lower case) -> canonical name. Built from the
# singular of each word; `_plural` adds the regular plural, irregular ones are spelled out.
UNIT_WORDS: dict[str, str] = {}


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _words(canonical: str, *singulars: str, plurals: tuple[str, ...] = ()) -> None:
    """Register word forms (with their regular plurals) of one unit."""
    for singular in singulars:
        UNIT_WORDS[singular] = canonical
        if " per " not in singular:
            UNIT_WORDS[_plural(singular)] = canonical
    for plural in plurals:
        UNIT_WORDS[plural] = canonical


def _symbols(canonical: str, *symbols: str) -> None:
    """Register abbreviations and symbols, which take no plural."""
    for symbol in symbols:
        UNIT_WORDS[symbol] = canonical


# Currencies named after the number. A currency that one country dominates in news is named
# with the country ("rand" -> "south african rand"); shared names (peso, dinar, franc) stay
# bare rather than guess the country.
_words("dollar", "dollar")
_words("euro", "euro")
_words("pound", "pound", "pound sterling", plurals=("pounds sterling", "sterling"))
_words("penny", plurals=("pence",))
_symbols("penny", "p")
_words("cent", "cent")
_words("yen", plurals=("yen",))
_words("yuan", plurals=("yuan", "renminbi"))
_words("rupee", "rupee")
_words("rouble", "rouble", "ruble")
_words("kopek", "kopek", "kopeck")
_words("hryvnia", "hryvnia", plurals=("hryvnias", "hryvnas"))
_words("franc", "franc")
_words("won", plurals=("won",))
_words("peso", "peso")
_words("real", plurals=("reais",))
_words("krone", "krone", plurals=("kroner", "crowns"))
_words("swedish krona", "krona", plurals=("kronor",))
_words("icelandic krona", plurals=("kronur",))
_words("czech koruna", "koruna", plurals=("korun",))
_words("shekel", "shekel")
_words("lira", "lira", plurals=("lire",))
_words("croatian kuna", "kuna")
_symbols("croatian kuna", "kn")
_words("dinar", "dinar")
_words("dirham", "dirham")
_words("riyal", "riyal", "rial")
_words("south african rand", "rand")
_words("nigerian naira", plurals=("naira",))
_words("malaysian ringgit", "ringgit")
_words("thai baht", plurals=("baht",))
_words("polish zloty", "zloty", plurals=("zlotys", "zlotych"))
_words("hungarian forint", "forint")
_words("indonesian rupiah", "rupiah")
_words("vietnamese dong", plurals=("dong",))
_words("shilling", "shilling")
_words("ghanaian cedi", "cedi")
_words("zambian kwacha", "kwacha")
_words("ethiopian birr", "birr")
_words("kazakh tenge", plurals=("tenge",))
_words("georgian lari", plurals=("lari",))
_words("armenian dram", "dram")
_words("azerbaijani manat", "manat")
_words("romanian leu", plurals=("lei",))
_words("bulgarian lev", plurals=("leva",))
_words("bangladeshi taka", plurals=("taka",))
_words("bitcoin", "bitcoin")
# Shares of a whole, scores and changes
_symbols("percent", "%", "per cent", "percent", "pc", "pct")
_words("percentage point", "percentage point")
_words("basis point", "basis point")
_symbols("basis point", "bps", "bp")
_words("point", "point")
_words("time", plurals=("times",))
# Length and distance
_words("kilometre", "kilometre", "kilometer")
_symbols("kilometre", "km", "kms")
_words("metre", "metre", "meter")
_symbols("metre", "m")
_words("centimetre", "centimetre", "centimeter")
_symbols("centimetre", "cm")
_words("millimetre", "millimetre", "millimeter")
_symbols("millimetre", "mm")
_words("micrometre", "micrometre", "micrometer", "micron")
_words("nanometre", "nanometre", "nanometer")
_words("mile", "mile")
_symbols("mile", "mi")
_words("nautical mile", "nautical mile")
_words("foot", "foot", plurals=("feet",))
_symbols("foot", "ft")
_words("inch", "inch")
_words("yard", "yard")
_symbols("yard", "yd", "yds")
_words("light year", "light year", "light-year")
# Area
_words("square kilometre", "square kilometre", "square kilometer", "sq km")
_symbols("square kilometre", "km2", "km²", "sq. km")
_words("square metre", "square metre", "square meter", "sq m")
_symbols("square metre", "m2", "m²", "sqm", "sq. m")
_words("square mile", "square mile", "sq mile", "sq mi")
_words("square foot", "square foot", "sq ft", plurals=("square feet",))
_symbols("square foot", "sq. ft", "sq. ft.", "sqft")
_words("square inch", "square inch")
_words("acre", "acre")
_words("hectare", "hectare")
_symbols("hectare", "ha")
# Volume
_words("litre", "litre", "liter")
_symbols("litre", "l")
_words("millilitre", "millilitre", "milliliter")
_symbols("millilitre", "ml")
_words("centilitre", "centilitre", "centiliter")
_symbols("centilitre", "cl")
_words("gallon", "gallon")
_words("pint", "pint")
_words("quart", "quart")
_words("fluid ounce", "fluid ounce")
_symbols("fluid ounce", "fl oz")
_words("cup", "cup")
_words("tablespoon", "tablespoon")
_symbols("tablespoon", "tbsp")
_words("teaspoon", "teaspoon")
_symbols("teaspoon", "tsp")
_words("barrel", "barrel")
_symbols("barrel", "bbl")
_words("bushel", "bushel")
_words("cubic metre", "cubic metre", "cubic meter")
_symbols("cubic metre", "m3", "m³")
_words("cubic foot", "cubic foot", plurals=("cubic feet",))
# Mass
_words("kilogram", "kilogram", "kilogramme", "kilo")
_symbols("kilogram", "kg", "kgs")
_words("gram", "gram", "gramme")
_symbols("gram", "g")
_words("milligram", "milligram")
_symbols("milligram", "mg")
_words("microgram", "microgram")
_symbols("microgram", "µg", "mcg")
_words("tonne", "tonne", "metric ton")
_words("ton", "ton", "short ton")
_symbols("pound", "lb", "lbs")
_words("ounce", "ounce", "troy ounce")
_symbols("ounce", "oz")
_words("carat", "carat")
_words("gigaton", "gigaton", "gigatonne")
_words("megaton", "megaton", "megatonne")
_symbols("megaton", "mt")
# Time
_words("millisecond", "millisecond")
_symbols("millisecond", "ms")
_words("second", "second")
_symbols("second", "sec", "secs")
_words("minute", "minute")
_symbols("minute", "min", "mins")
_words("hour", "hour")
_symbols("hour", "hr", "hrs")
_words("day", "day")
_words("night", "night")
_words("week", "week")
_words("fortnight", "fortnight")
_words("month", "month")
_words("year", "year")
_symbols("year", "yr", "yrs")
_words("decade", "decade")
_words("century", "century")
_words("millennium", "millennium", plurals=("millennia",))
_symbols(
    "year of age",
    "year-old",
    "years-old",
    "year old",
    "years old",
    "year of age",
    "years of age",
)
# Speed
_symbols("mile per hour", "mph", "m.p.h.", "m.p.h")
_symbols("kilometre per hour", "km/h", "kph", "kmh", "km/hr")
_symbols("metre per second", "m/s")
_words("knot", "knot")
# Energy, power, electricity
_words("watt", "watt")
_symbols("watt", "w")
_words("kilowatt", "kilowatt")
_symbols("kilowatt", "kw")
_words("megawatt", "megawatt")
_symbols("megawatt", "mw")
_words("gigawatt", "gigawatt")
_symbols("gigawatt", "gw")
_words("terawatt", "terawatt")
_symbols("terawatt", "tw")
_words("watt hour", "watt hour", "watt-hour")
_symbols("watt hour", "wh")
_words("kilowatt hour", "kilowatt hour", "kilowatt-hour")
_symbols("kilowatt hour", "kwh")
_words("megawatt hour", "megawatt hour", "megawatt-hour")
_symbols("megawatt hour", "mwh")
_words("gigawatt hour", "gigawatt hour", "gigawatt-hour")
_symbols("gigawatt hour", "gwh")
_words("terawatt hour", "terawatt hour", "terawatt-hour")
_symbols("terawatt hour", "twh")
_symbols("milliampere hour", "mah")
_words("volt", "volt")
_symbols("kilovolt", "kv")
_words("kilovolt", "kilovolt")
_words("amp", "amp", "ampere")
_words("horsepower", plurals=("horsepower",))
_symbols("horsepower", "hp", "bhp")
_words("calorie", "calorie", "kilocalorie")
_symbols("calorie", "kcal")
_words("joule", "joule")
_words("kilojoule", "kilojoule")
_symbols("kilojoule", "kj")
_words("british thermal unit", "british thermal unit")
_symbols("british thermal unit", "btu")
_symbols("mega british thermal unit", "mmbtu")
_words("therm", "therm")
_symbols("revolution per minute", "rpm")
# Data and frequency
_words("bit", "bit")
_words("byte", "byte")
_words("kilobyte", "kilobyte")
_symbols("kilobyte", "kb")
_words("megabyte", "megabyte")
_symbols("megabyte", "mb")
_words("gigabyte", "gigabyte")
_symbols("gigabyte", "gb")
_words("terabyte", "terabyte")
_symbols("terabyte", "tb")
_words("petabyte", "petabyte")
_symbols("petabyte", "pb")
_symbols("megabit per second", "mbps", "mbit/s", "mb/s")
_symbols("gigabit per second", "gbps", "gbit/s", "gb/s")
_symbols("kilobit per second", "kbps")
_words("hertz", plurals=("hertz",))
_symbols("hertz", "hz")
_words("kilohertz", plurals=("kilohertz",))
_symbols("kilohertz", "khz")
_words("megahertz", plurals=("megahertz",))
_symbols("megahertz", "mhz")
_words("gigahertz", plurals=("gigahertz",))
_symbols("gigahertz", "ghz")
_words("megapixel", "megapixel")
_symbols("megapixel", "mp")
_words("pixel", "pixel")
# Temperature, pressure, sound, radiation, concentration
_symbols("celsius", "degrees celsius", "degree celsius", "°c", "c", "º c", "ºc")
_symbols("fahrenheit", "degrees fahrenheit", "degree fahrenheit", "°f", "f", "ºf")
_words("kelvin", plurals=("kelvin",))
_words("degree", "degree")
_symbols("degree", "°", "º")
_words("millibar", "millibar")
_words("hectopascal", "hectopascal")
_symbols("hectopascal", "hpa")
_symbols("megapascal", "mpa")
_symbols("gigapascal", "gpa")
_symbols("kilopound per square inch", "ksi")
_symbols("pound per square inch", "psi")
_words("decibel", "decibel")
_symbols("decibel", "db", "dba")
_words("sievert", "sievert")
_words("millisievert", "millisievert")
_symbols("millisievert", "msv")
_words("microsievert", "microsievert")
_symbols("microsievert", "μsv", "µsv")
_words("becquerel", "becquerel")
_symbols("becquerel", "bq")
_symbols("parts-per-million", "ppm", "parts per million", "part per million")
_symbols("parts-per-billion", "ppb", "parts per billion", "part per billion")
_symbols("mile per gallon", "mpg")
_symbols("barrel per day", "bpd", "b/d")
_symbols("euro", "€")
# Units that only count as units when written right after a digit ("5m", "30C"), because
# as words they are ordinary ('m' could be a name initial, 'c' a list label).
_DIGIT_ONLY = {
    "m",
    "g",
    "p",
    "c",
    "f",
    "pc",
    "mp",
    "l",
    "w",
    "mi",
    "ha",
    "cl",
    "ms",
    "mt",
    "bp",
    "tw",
    "pb",
    "yd",
    "kms",
    "tsp",
    "yr",
    "yrs",
}

_UNIT_PATTERN = re.compile(
    r"(?:(?<=\d)-?|\s)(?P<unit>" + trie_pattern(list(UNIT_WORDS)) + r")(?![\w°])",
    re.IGNORECASE,
)
_SINGLE_LETTERS = {"m", "g", "p", "l", "C", "F", "W", "%", "°", "º", "€"}
_SPACED_SYMBOLS = {"W", "C", "F"}  # "5 W charger", "30 C": capitals are symbols
_NAMED_CURRENCY = re.compile(
    r"\s+((?:[A-Z][a-z]+|U\.?S\.?)(?:\s+[A-Z][a-z]+)?)\s+(dollars?|crowns|kroner|krone|pesos|"
    r"francs|rupees|pounds|yuan|yen|rand|lira|shekels|reais|euros|dinars|dirhams|riyals|rials|"
    r"shillings|krona|kronor|koruna)\b"
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
    r"[\s-]*(?:per|a|an|each|/)[\s-]*(?P<per>day|week|month|year|hour|minute|second|night|"
    r"barrel|head|person|capita|tonne|ton|share|mmbtu|litre|gallon|kilogram|kg|km|mile|ounce|"
    r"pound|square (?:foot|metre|meter)|household|passenger|seat|student|vote|unit|liter|game)\b"
    r"(?!\s+(?:earlier|ago|before|later|on|from|after|in\s+advance))",
    re.IGNORECASE,
)


def unit_after(text: str, position: int, end: int) -> tuple[str, int] | None:
    """(canonical unit, end offset) for a unit written at position, else None."""
    named = _NAMED_CURRENCY.match(text, position, min(end, position + 40))
    if named:  # "7.5 million Danish crowns", "20 Hong Kong dollars"
        country = named.group(1).lower()
        # The bare currency name: the article's own country word replaces our default one.
        currency = UNIT_WORDS[named.group(2).lower()].split()[-1]
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
