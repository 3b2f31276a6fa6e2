"""Word knowledge behind the comparison: plurals, synonyms of counted nouns, countries.

Drawn from English grammar (irregular plurals, determiners) and from how news reports name
what they count (troops, soldiers and personnel are one thing to a reader), not from any
evaluation corpus.
"""

from __future__ import annotations

import re

# Plurals no suffix rule recovers, and nouns that are the same in both numbers.
IRREGULAR_PLURALS = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "persons": "person",
    "servicemen": "serviceman",
    "servicewomen": "servicewoman",
    "policemen": "policeman",
    "firemen": "fireman",
    "gunmen": "gunman",
    "feet": "foot",
    "teeth": "tooth",
    "geese": "goose",
    "mice": "mouse",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "thieves": "thief",
    "wolves": "wolf",
    "shelves": "shelf",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "indices": "index",
    "dice": "die",
}
INVARIANT_NOUNS = frozenset(
    """
    sheep deer fish aircraft spacecraft species series news personnel police cattle offspring
    headquarters means barracks crossroads data media militia staff
    """.split()
)

# Heads that mean one counted thing, mapped to the word the comparison uses for it, with a
# modifier some of them carry ("special forces" are soldiers of a kind).
SYNONYMS: dict[str, tuple[str, tuple[str, ...]]] = {
    **{
        word: ("soldier", ())
        for word in """soldier troop personnel serviceman servicewoman servicemember force
        fighter combatant infantryman""".split()
    },
    "special force": ("soldier", ("special forces",)),
    "armed force": ("soldier", ()),
    "service member": ("soldier", ()),
    "military personnel": ("soldier", ()),
    "casualty": ("casualty", ()),
    "killed and wounded": ("casualty", ()),
    "killed or wounded": ("casualty", ()),
    "dead and wounded": ("casualty", ()),
    "loss": ("casualty", ()),
    **{word: ("death", ()) for word in "death dead fatality killed".split()},
    **{word: ("injured", ()) for word in "injured wounded injury".split()},
    **{
        word: ("person", ())
        for word in "person civilian individual resident inhabitant citizen".split()
    },
    "dollar": ("dollar", ()),
}

# Nouns that name a count of something else: "the death toll", "the number of troops".
META_HEADS = frozenset("rate number total toll tally count figure level sum amount".split())
# What a meta head alone counts: "the toll" is a death toll.
META_ALONE = {"toll": "death"}

# Adjectives that make a count a rate, not a total.
RATE_ADJECTIVES = {
    "daily": "per day",
    "weekly": "per week",
    "monthly": "per month",
    "annual": "per year",
    "yearly": "per year",
    "hourly": "per hour",
}

# Words that say how many or how sure, not what is counted ("an estimated 10,000 troops").
QUANTITY_WORDS = frozenset(
    """
    the a an some more most additional extra further new other another total estimated
    about around roughly approximately nearly almost over up to than at least as many much
    all both its their his her our my your these those this that such only just own fresh
    several few reported possible potential at least roughly some odd
    """.split()
)

# Modifiers a class already implies: "military personnel" are soldiers, no more.
IMPLIED_MODIFIERS = {"soldier": frozenset({"military", "army"})}

# Country names (and capitals used for their governments) and the adjective news uses for
# what belongs to them: "North Korea's troops" and "North Korean troops" are one group.
DEMONYMS = {
    "north korea": "north korean",
    "dprk": "north korean",
    "pyongyang": "north korean",
    "south korea": "south korean",
    "seoul": "south korean",
    "russia": "russian",
    "moscow": "russian",
    "kremlin": "russian",
    "ukraine": "ukrainian",
    "kyiv": "ukrainian",
    "kiev": "ukrainian",
    "united states": "american",
    "us": "american",
    "u.s.": "american",
    "america": "american",
    "washington": "american",
    "united kingdom": "british",
    "uk": "british",
    "britain": "british",
    "london": "british",
    "china": "chinese",
    "beijing": "chinese",
    "iran": "iranian",
    "tehran": "iranian",
    "israel": "israeli",
    "france": "french",
    "paris": "french",
    "germany": "german",
    "berlin": "german",
    "japan": "japanese",
    "tokyo": "japanese",
    "india": "indian",
    "pakistan": "pakistani",
    "syria": "syrian",
    "iraq": "iraqi",
    "afghanistan": "afghan",
    "turkey": "turkish",
    "poland": "polish",
    "belarus": "belarusian",
    "lebanon": "lebanese",
    "yemen": "yemeni",
    "sudan": "sudanese",
    "taiwan": "taiwanese",
    "taipei": "taiwanese",
    "cuba": "cuban",
    "venezuela": "venezuelan",
    "egypt": "egyptian",
    "saudi arabia": "saudi",
}
# The adjectives themselves, so a modifier is known as a nationality ("Russian troops").
NATIONALITIES = frozenset(DEMONYMS.values()) | frozenset(
    "korean european western ukrainian hamas hezbollah".split()
)

# Country names as written in running text, for the owner of a bare count
# ("North Korea has sent 12,000 troops"); capitals only where they name a government.
COUNTRY_NAMES = re.compile(
    r"\b(North Korea|South Korea|DPRK|Pyongyang|Seoul|Russia|Moscow|Kremlin|Ukraine|Kyiv|"
    r"Kiev|United States|America|US|U\.S\.|United Kingdom|UK|Britain|China|Beijing|Iran|"
    r"Tehran|Israel|France|Germany|Japan|India|Pakistan|Syria|Iraq|Afghanistan|Turkey|Poland|"
    r"Belarus|Lebanon|Yemen|Sudan|Taiwan|Cuba|Venezuela|Egypt|Saudi Arabia)\b"
)
# Words before a country that make it a place or partner, not the owner of what follows.
PLACE_PREPOSITIONS = frozenset(
    """
    to in into from for against with on near across inside at by toward towards via over of
    through within throughout than and between among around outside
    """.split()
)

# Words in organisation names: such a name is not a person's, so it is not cut to a surname.
ORGANISATION_WORDS = frozenset(
    """
    service agency ministry office department council committee command army navy force
    forces news times post wire press guardian herald journal radio tv television
    institute university union organisation organization nations group house government
    parliament assembly bank fund forum centre center bureau intelligence police court
    commission corporation company party mission embassy staff
    """.split()
)
