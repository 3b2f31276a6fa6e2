"""The word lists the acronym finder reads: English function words, the nouns that name
bodies, sentence openers, and the all-capital words a glossary does without (units,
currencies, time zones, state and province codes, words a web page sets in capitals)."""

from __future__ import annotations

# Words an expansion may skip or use for a letter ("Ministry of Defence (MoD)").
FUNCTION_WORDS = frozenset(
    "of the and for on in to at by with against & de du des la le el del da di von van y et und "
    "für".split()
)
DETERMINERS = frozenset("the a an its their his her our this that".split())
PREPOSITIONS = frozenset("of for in on at to with from by against under over based".split())
# Head nouns of names and descriptions of organisations, bodies, programmes and weapons.
BODY_NOUNS = frozenset(
    """
    agency service ministry department organisation organization alliance group company
    party committee council force bank fund union office authority command institute
    institution commission association court tribunal body watchdog regulator network army
    navy corporation firm programme program treaty pact bloc coalition movement
    administration intelligence directorate bureau centre center agreement convention
    federation confederation republic kingdom emirate state assembly parliament congress
    senate guard corps militia brigade battalion unit division regiment fleet broadcaster
    exchange board system scheme initiative mission operation summit forum conference
    university college foundation trust society league front police missile rocket drone
    vehicle weapon satellite reactor plant project station channel newspaper outlet
    """.split()
)
# Openers of a sentence that are not part of a name after them ("Meanwhile Russia's ...").
SENTENCE_OPENERS = frozenset(
    """
    meanwhile yesterday today tonight however but and so then now also still earlier later
    last this that these those when while after before since although though if as in on
    at by from with under officials analysts sources according
    """.split()
)
# Openings of a bracket that names something: "(known as North Korea)", "(hereafter KCNA)".
NAMING_MARKERS = ("also known as ", "known as ", "hereafter ", "or ")
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "twenty": "20",
}  # fmt: skip
# All-capital words a glossary does without: known to every reader, units, currencies,
# time zones, and English words a page sets in capitals.
NOT_GLOSSARY_TERMS = frozenset(
    """
    OK TV AM PM AD BC BCE CE US USA UK
    MPH KPH KM GB MB KB TB GHZ MHZ KW MW GW KWH MWH GWH CC
    USD EUR GBP JPY CNY RUB UAH CHF AUD CAD INR KRW KPW
    GMT UTC BST EST EDT CET CEST PST PDT ET PT KST MSK
    NOT NO NEVER ALL VERY NOW NEW LIVE BREAKING UPDATE UPDATED WATCH READ MORE EXCLUSIVE
    VIDEO PHOTO PHOTOS OPINION ANALYSIS WARNING NOTE AND OR THE BUT YES STOP FREE SALE
    SPONSORED AD ADS TOP HOT SEE ALSO MUST IS IT OF TO IN ON AT BY WE HE SHE THEY
    """.split()
)
PLACE_CODES = frozenset(
    """
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC
    AB BC MB NB NL NS NT NU ON PE QC SK YT
    """.split()
)
