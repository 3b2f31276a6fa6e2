"""Word lists behind the extraction rules, drawn from English grammar references on
reporting verbs, person nouns and titles (not from any evaluation corpus)."""

from __future__ import annotations

# Reporting verbs (speech acts and public cognition), base forms.
REPORTING_VERBS = frozenset(
    """
    say tell add warn claim reveal state explain insist note argue ask write declare
    announce confirm deny suggest admit acknowledge continue reply respond remark observe
    recall urge caution predict estimate report assert allege contend maintain stress
    emphasise emphasize indicate concede complain boast vow pledge promise threaten testify
    tweet post answer comment describe call believe think estimate conclude find disclose
    inform brief recommend propose accuse blame praise criticise criticize hint agree
    disagree mention point reiterate repeat predict forecast
""".split()
)

# Irregular past and participle forms that rules cannot derive.
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "think": ("thought", "thinks", "thinking"),
    "find": ("found", "finds", "finding"),
    "forecast": ("forecast", "forecasts", "forecasting"),
}


def _inflections(verb: str) -> set[str]:
    if verb in _IRREGULAR:
        return {verb, *_IRREGULAR[verb]}
    stem = verb[:-1] if verb.endswith("e") else verb
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb + "s"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ied", verb[:-1] + "ies", verb + "ing"}
    past = verb + "d" if verb.endswith("e") else verb + "ed"
    if verb in {"admit", "commit", "regret"}:
        past, stem = verb + "ted", verb + "t"
    return {verb, third, past, stem + "ing"}


REPORTING_FORMS = frozenset(form for verb in REPORTING_VERBS for form in _inflections(verb))
# Verbs whose reported clause needs an addressee first: "told reporters that ...".
ADDRESSEE_VERBS = frozenset(_inflections("tell") | _inflections("inform") | _inflections("brief"))

# Nouns that name people or bodies who can be quoted.
SPEAKER_NOUNS = frozenset(
    """
    official officials spokesman spokeswoman spokesperson spokespeople minister ministers
    president leader leaders source sources analyst analysts expert experts diplomat
    diplomats officer officers commander commanders general generals adviser advisers
    advisor advisors aide aides lawmaker lawmakers senator senators governor mayor secretary
    chief head ambassador envoy negotiator negotiators researcher researchers scientist
    scientists professor economist economists witness witnesses resident residents people
    person man woman men women police ministry department government agency statement report
    reports study survey poll newspaper paper broadcaster channel agency committee council
    court judge prosecutor prosecutors lawyer lawyers attorney campaign campaigners activist
    activists group groups organisation organization company firm bank spokesmen staff
    member members observer observers critic critics supporter supporters voter voters
    candidate candidates executive director chairman chairwoman chair founder owner doctor
    doctors nurse insider insiders intelligence military army navy authorities authority
    administration team aide colleague colleagues friend friends family neighbour neighbor
    student students worker workers union soldier soldiers veteran veterans journalist
    journalists reporter
""".split()
)

# Words that introduce a name but are not part of it ("President Volodymyr Zelenskyy").
TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary
    general chancellor king queen prince princess sheikh pope rev reverend sen senator rep
    representative gov governor mayor judge justice chief commander colonel col gen lt
    lieutenant major maj captain capt sergeant sgt admiral adm ambassador deputy foreign
    defence defense interior home state finance health former acting new then supreme leader
    spokesman spokeswoman spokesperson chairman chairwoman ceo director head of the
""".split()
)

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})

# Words that cannot sit inside a speaker noun phrase (they start a verb group).
NON_NOMINAL = frozenset(
    """
    is are was were be been being has have had do does did will would shall should can could
    may might must not to that which who whom whose when where while if because and but or
    also yet still already never just only
""".split()
)
