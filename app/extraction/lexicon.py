"""Word lists behind the extraction rules, drawn from English grammar references on
reporting verbs, person nouns and titles (not from any evaluation corpus)."""

from __future__ import annotations

# Reporting verbs (speech acts, stance and public cognition), base forms.
REPORTING_VERBS = frozenset(
    """
    say tell add warn claim reveal state explain insist note argue ask write declare
    announce confirm deny suggest admit acknowledge continue reply respond remark observe
    recall urge caution predict estimate report assert allege contend maintain stress
    emphasise emphasize indicate concede complain boast vow pledge promise threaten testify
    tweet post answer comment describe call believe think estimate conclude find disclose
    inform brief recommend propose accuse blame praise criticise criticize hint agree
    disagree mention point reiterate repeat predict forecast
    cite attack slam blast defend tout demand question reject dismiss welcome applaud
    hope fear worry want expect feel know learn acknowledge liken compare label brand dub
    decline refuse endorse back support oppose accept reaffirm signal vow swear
    show charge counter retort quip joke shout cry whisper plead order direct instruct
    assure remind advise notify reassure convince persuade question wonder speculate
    confess plead chant rule
    offer dispute condemn denounce decry lament hail laud proclaim implore beg rebuke
    chastise lambaste mock ridicule deride
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
    "plead": ("pleaded", "pled", "pleads", "pleading"),
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

# Cognition: what someone believes, expects or fears is a state of mind, not something said
# ("Analysts believe the rate will fall", "Investors expect a cut"). Kept among the reporting
# forms so that noun-phrase scans still stop at them, but never a statement's cue.
COGNITION_VERBS = frozenset("believe think hope fear worry want expect feel know learn".split())
COGNITION_FORMS = frozenset(form for verb in COGNITION_VERBS for form in _inflections(verb))
# Verbs of speech proper: the cues a statement can have.
SPEECH_FORMS = REPORTING_FORMS - COGNITION_FORMS

# Verbs that also report evidence: "the video shows", "data revealed", "tests found". With a
# piece of evidence as subject they describe what it displays, and nobody is speaking.
EVIDENCE_VERBS = frozenset(
    form
    for verb in "show reveal find indicate suggest point confirm".split()
    for form in _inflections(verb)
)
EVIDENCE_NOUNS = frozenset(
    """
    video videos footage image images photo photos photograph photographs picture pictures
    data figures numbers statistics stats evidence chart charts graph graphs map maps
    result results test tests scan scans x-ray x-rays recording recordings camera cameras
    sample samples trend trends indicator indicators reading readings model models
    imagery snapshot screenshot screenshots clip clips experiment experiments measurements
    observations
    """.split()
)
# Documents that "show" something: with one of these as subject, "shows" reports its content.
DOCUMENT_NOUNS = frozenset(
    """
    report reports poll polls survey surveys study studies document documents filing filings
    records statement statements letter letters memo memos minutes transcript transcripts
    analysis analyses review audit ruling rulings
    """.split()
)

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
    journalists reporter suspect suspects defendant defendants accused plaintiff plaintiffs
    protester demonstrator crowd crowds coach coaches manager managers player players
    referee captain athlete athletes automaker automakers carmaker carmakers manufacturer
    manufacturers maker makers retailer retailers airline airlines insurer insurers lender
    lenders operator operators producer producers publisher broker brokerage
""".split()
)

# Media, political and institutional roles, and documents that 'say' things in news prose.
_MORE_SPEAKERS = """
    businessman businesswoman businessmen billionaire developer entrepreneur investor investors
    farmer farmers teacher teachers parent parents mother father son daughter wife husband
    widow widower victim victims survivor survivors neighbour neighbors neighbours
    shopkeeper driver pilot engineer nurse patient patients fan student lecturer scholar
    historian lawyer negotiator commentator campaigner protester protesters demonstrators
    organiser organizer organisers organizers founder co-founder partner partners
    announcer narrator host anchor moderator commentator correspondent editor editors writer
    author authors columnist blogger pundit pundits pollster pollsters strategist strategists
    consultant consultants operative operatives surrogate surrogates nominee nominees rival
    rivals opponent opponents challenger incumbent congressman congresswoman representative
    representatives delegate delegates commissioner commissioners chancellor premier
    secretary-general spokesmen defenders proponents advocates allies backers donors fans
    respondents americans voters residents citizens officials analysts economists
    commission commissions network networks ruling rulings website site clip ad ads spot slide
    brief filing filings lawsuit complaint letter memo document documents records data poll
    polls survey surveys study studies analysis review audit investigation probe report
    reports statement statements book article story editorial column post tweet tweets video
    percent majority minority most senate house congress parliament cabinet kremlin pentagon
    whitehouse ministry ministries embassy office bureau institute foundation center centre
    party parties coalition alliance nato un court courts tribunal jury panel board agency
    regulator regulators watchdog police prosecutors authorities investigators lawyers
    attorneys counsel aides staffers sources insiders experts scientists researchers doctors
    officers troops commanders generals diplomats leaders ministers presidents governors
    senators lawmakers legislators mayors judges justices chiefs heads executives
    """.split()
# People named by what they do or where they stand, and indefinite persons ("someone said").
_PERSON_NOUNS = """
    someone somebody anyone anybody everyone everybody nobody
    architect builder contractor designer artist actor actress singer musician rapper
    comedian filmmaker producer physician surgeon dentist pharmacist psychologist
    psychiatrist therapist counselor counsellor accountant banker trader landlord tenant
    homeowner buyer seller customer consumer shopper user client passenger commuter
    pedestrian tourist visitor guest attendee participant pastor priest bishop imam rabbi
    cleric principal superintendent dean provost clerk officer trooper sheriff deputy
    detective firefighter paramedic ranger guard inspector auditor regulator lobbyist
    staffer intern employee employer shareholder stakeholder activist advocate critic
    fighter mother-in-law sister brother grandmother grandfather relative cousin uncle aunt
    child children kid kids teenager teen resident retiree pensioner
    league club federation association society charity side sides
    """.split()
SPEAKER_NOUNS = SPEAKER_NOUNS | frozenset(_MORE_SPEAKERS) | frozenset(_PERSON_NOUNS)

# Words that introduce a name but are not part of it ("President Volodymyr Zelenskyy").
# Lower-case words inside personal names ("Charles de Gaulle", "Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    "de da di du del della der den dos das van von ter bin bint ibn al el le la".split()
)
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


# Verbs whose reported content may follow with no 'that' ("He said the plan failed").
CLAUSE_VERBS = frozenset(
    form
    for verb in """say claim argue insist warn add note suggest predict announce explain write
        tweet post report find show estimate believe think feel know fear hope worry expect
        reveal state declare assert contend maintain stress admit acknowledge concede confirm
        deny recall reply respond answer testify indicate agree conclude complain boast vow
        promise pledge threaten allege reiterate repeat emphasise emphasize observe remark
        continue""".split()
    for form in _inflections(verb)
)
# Verbs that name or describe someone: the content is the object and what follows it.
NAMING_VERBS = frozenset(
    form
    for verb in "call describe label brand dub liken compare".split()
    for form in _inflections(verb)
)
ADDRESSEE_VERBS = frozenset(
    form
    for verb in "tell inform brief assure remind advise notify reassure warn ask urge".split()
    for form in _inflections(verb)
)

DETERMINERS = frozenset(
    """
    the a an another this these those his her their its our my your one two three four five
    several some many most other both each every any few no
    """.split()
)

# Words that end a speaker noun phrase when scanning: function words, auxiliaries, adverbs.
FUNCTION_WORDS = frozenset(
    """
        in on at to for from by with about after before during over under into onto than as since
        until against among between through without within across per via like despite upon
        toward towards amid beyond behind near off out up down around
        but or nor so yet because while although though if whether when where whereas unless
        who whom whose which what why how that there here
        is are was were be been being has have had do does did will would shall should can
        could may might must not never n't
        also then now later previously once again repeatedly just still even only already
        recently earlier reportedly allegedly publicly privately however meanwhile
        him them us me it itself himself herself themselves you i'm it's
        """.split()
)
NP_BREAKERS = FUNCTION_WORDS | REPORTING_FORMS

# Capitalised words that name times, not people: never the head of a speaker.
TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tonight tomorrow
    morning afternoon evening night week weekend month year early late last next
    """.split()
)
