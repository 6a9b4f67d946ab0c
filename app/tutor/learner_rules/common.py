"""The first part of the learner rules' table: frequent errors by kind.

Extra words, prepositions, word choice, word order, missing words,
agreement and plurals, articles, the -ing form and tense. The parts are
applied in the order app/tutor/learner_rules/__init__.py joins them.
"""

from app.tutor.learner_rules.forms import (
    _BARE, _BASE_OF, _HELPS_A_PARTICIPLE, _ONCE, _PARTICIPLES, _PARTICIPLE_PAST, _PAST_FORMS,
    _PAST_VERBS, _PLURAL_BE, Rule, _past, _rule, _same_form,
)
from app.tutor.learner_words import (
    COMPARE, END, ING, JOBS, NUMBERS, PAST_TIME, PLURAL, PRONOUN_BE, SINGULAR_SUBJECT, THIRD,
)

COMMON: tuple[Rule, ...] = (
    # "many homeworks": "a lot of homework", before the plural rule makes it "many homework".
    _rule(r"\b(too |so |how |as )?many (homeworks?|informations?|advices?|furnitures?|luggages?|"
          r"equipments?|knowledges?)\b",
          lambda m: (f"{m[1]}much " if m[1] else "a lot of ") + m[2].lower().rstrip("s"),
          "word choice", "These nouns have no plural: 'a lot of homework', 'too much luggage'."),
    # "I am agree": "agree" is a verb, not an adjective.
    _rule(r"\b(i|we|you|they|he|she)( am| are| is|'m|'re|'s) agree\b",
          lambda m: m[1] + " agree" + ("s" if m[1].lower() in ("he", "she") else ""),
          "extra word", "'Agree' is a verb: say 'I agree', not 'I am agree'."),
    # "I am not agree": the verb's own negative.
    _rule(r"\b(i|we|you|they|he|she)( am| are| is|'m|'re|'s) not agree\b",
          lambda m: m[1] + (" doesn't" if m[1].lower() in ("he", "she") else " don't")
          + " agree", "other", "'Agree' is a verb: say 'I don't agree', not 'I am not agree'."),
    # "go to home": "home" after a verb of movement takes no "to".
    _rule(r"\b(go|goes|going|gone|went|come|comes|coming|came|get|gets|getting|got|"
          r"walk|walks|walked|drive|drives|drove|run|ran|return|returned|arrive|arrived) "
          r"to home(?=\s*(?:[.,!?]|$|(?:after|before|at|and|but|so|because|early|late|now|"
          r"then|today|tonight|yesterday|last|by|with|in|on|for|from|alone|together)\b))",
          r"\1 home", "extra word", "We say 'go home', with no 'to'."),
    _rule(r"\b(made|make|makes) (me|him|her|us|them|you) to ", r"\1 \2 ",
          "extra word", "'Make someone do' takes no 'to'."),
    _rule(r"\b(call|phone) to (me|you|him|her|us|them)\b", r"\1 \2",
          "extra word", "'Call' takes no 'to': 'call me'."),
    _rule(r"\breached to the\b", "reached the", "extra word", "'Reach' takes no preposition."),
    _rule(r"\bentered into the (room|house|building|office|classroom|class|shop|kitchen)\b",
          r"entered the \1", "extra word", "'Enter' a place takes no preposition."),
    _rule(r"\bmarried with (him|her|me|them)\b", r"married \1", "extra word",
          "'Marry someone' takes no preposition."),
    _rule(r"\b(is|am|are|was|were|got|get|'s|'m|'re) married with\b", r"\1 married to",
          "preposition", "We say 'married to' someone."),
    _rule(r"\bfeel myself (tired|happy|good|bad|sick|ill|better|sad)\b", r"feel \1",
          "extra word", "'Feel' needs no 'myself' here."),
    # Prepositions that follow a fixed word.
    _rule(r"\bdepends? of\b", lambda m: m[0][:-2] + "on", "preposition", "We say 'depend on'."),
    _rule(r"\binterested (about|on|for)\b", "interested in", "preposition",
          "We say 'interested in'."),
    _rule(r"\bafraid from\b", "afraid of", "preposition", "We say 'afraid of'."),
    _rule(r"\bresponsible of\b", "responsible for", "preposition", "We say 'responsible for'."),
    _rule(r"\bby foot\b", "on foot", "preposition", "We say 'on foot'."),
    _rule(r"\blisten (music|the radio|me|him|her|them|it)\b", r"listen to \1", "preposition",
          "'Listen' needs 'to' before what you hear."),
    _rule(r"\b(see you|on|is|it's) in (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
          r"\1 on \2", "preposition", "Days take 'on': 'on Monday'."),
    _rule(r"\bwaiting the (bus|train|doctor)\b", r"waiting for the \1", "preposition",
          "We say 'wait for' something."),
    # Word choice.
    _rule(r"\bsaid (me|him|her|us|them)\b", r"told \1", "word choice",
          "'Say' takes no person: 'told me' or 'said to me'."),
    _rule(r"\bmake (my|your|his|her|our|their) homework\b", r"do \1 homework", "word choice",
          "We 'do' homework."),
    # Collocations learners mix up: the verb takes the form of the one it replaces.
    _rule(r"\b(make|makes|made|making) (the |some |my |your |his |her |our |their )?"
          r"(exercise|cleaning|washing-up|washing|ironing|housework|shopping|laundry)\b"
          r"(?! (?:list|lists|bag|bags|centre|center|mall|cart|trolley|machine|powder|basket)\b)",
          lambda m: f"{_same_form(m[1], 'do')} {m[2] or ''}{m[3]}", "word choice",
          "We 'do' exercise, the cleaning, the shopping."),
    _rule(r"\b(do|does|did|doing) (a|the|some|many|a lot of) (mistakes?|decision|choice|noise|promise)\b",
          lambda m: f"{_same_form(m[1], 'make')} {m[2]} {m[3]}", "word choice",
          "We 'make' a mistake, a decision, a choice."),
    _rule(r"\b(lose|loses|lost|losing) (the|my|our|his|her|their) (last |first |next |early )?"
          r"(bus|train|flight|plane|tram|ferry)\b(?! (?:ticket|pass|stop|station|driver|card|fare|of)\b)",
          lambda m: f"{_same_form(m[1], 'miss')} {m[2]} {m[3] or ''}{m[4]}", "word choice",
          "We 'miss' a bus or a train we do not catch."),
    _rule(r"\b(learn|learns|learned|learnt|learning) (me|him|her|us|them|you) (to|how)\b",
          lambda m: f"{_same_form(m[1], 'teach')} {m[2]} {m[3]}", "word choice",
          "Someone 'teaches' you; you 'learn'."),
    _rule(r"\b(say|says|said|saying) (lies|a lie|the truth|a story|stories|a joke|jokes)\b",
          lambda m: f"{_same_form(m[1], 'tell')} {m[2]}", "word choice",
          "We 'tell' lies, the truth, a story."),
    _rule(r"\b(borrow|borrows|borrowed|borrowing) (me|him|her|us|them) "
          r"(your|his|her|my|our|their|a|an|the|some)\b",
          lambda m: f"{_same_form(m[1], 'lend')} {m[2]} {m[3]}", "word choice",
          "You 'lend' something to someone; you 'borrow' it from them."),
    # "I lent three books from the library": what comes "from" someone is borrowed.
    _rule(r"\b(lend|lends|lent|lending) (?!(?:me|him|us|them|you)\b)"
          r"((?:a|an|the|some|my|your|his|her|our|their|\w+) "
          r"(?:\w+ )?\w+) from (the|my|your|his|her|our|their|a|an)\b",
          lambda m: f"{_same_form(m[1], 'borrow')} {m[2]} from {m[3]}", "word choice",
          "You 'borrow' something from someone; you 'lend' it to them."),
    _rule(r"\b(close|closes|closed|closing|open|opens|opened|opening) the (lights?|tv|radio)\b",
          lambda m: f"{_same_form(m[1], 'turn')} {'off' if m[1].lower().startswith('clos') else 'on'} "
                    f"the {m[2]}", "word choice", "We 'turn off' or 'turn on' a light."),
    _rule(r"\b(assist|assists|assisted|assisting) (a|the|my|his|her|our|their) "
          r"(wedding|meeting|concert|class|lesson|course|conference|funeral)\b",
          lambda m: f"{_same_form(m[1], 'attend')} {m[2]} {m[3]}", "word choice",
          "We 'attend' a wedding or a meeting; 'assist' means help."),
    _rule(r"\b(i am|i'm|i was|we are|we're|we were|i feel) (very |so |really )?"
          r"(bor|excit|interest|tir|confus)ing\b", r"\1 \2\3ed", "word choice",
          "'-ed' says how you feel; '-ing' describes the thing."),
    # "she is very worry": the verb where its -ed adjective belongs.
    _rule(r"(?<!\bit )(?<!\bthis )(?<!\bthat )(?<!\bwhich )"
          r"\b(am|'m|is|are|'re|was|were|feel|feels|felt|get|got) (very |so |really |a bit |too )?"
          r"(worry|bore|excite|interest|tire|confuse|surprise|scare|disappoint|embarrass|annoy|"
          r"frighten|shock|relax|satisfy)\b(?! (?:me|you|him|her|us|them|it)\b)",
          lambda m: f"{m[1]} {m[2] or ''}{_past(m[3])}", "word choice",
          "Say how someone feels with the '-ed' adjective: 'worried', 'bored'."),
    _rule(r"\b(film|movie|book|class|lesson|game|story|trip|party|match) (was|is) "
          r"(very |so |really )?(bor|excit|interest)ed\b", r"\1 \2 \3\4ing", "word choice",
          "'-ing' describes the thing; '-ed' says how you feel."),
    _rule(r"\bmuch (friends|people|books|things|cars|problems|questions)\b", r"many \1",
          "word choice", "Use 'many' with plural nouns."),
    _rule(r"\bless (people|cars|students|friends|things|problems|questions)\b", r"fewer \1",
          "word choice", "Use 'fewer' with plural nouns."),
    _rule(r"\bnot so (\w+) like\b", r"not as \1 as", "word choice", "We say 'not as ... as'."),
    # Comparatives: "more cheap" -> "cheaper", "the most big" -> "the biggest".
    _rule(rf"\bmore ({'|'.join(COMPARE)})\b", lambda m: COMPARE[m[1].lower()][0], "other",
          "Short adjectives take '-er', not 'more'."),
    _rule(rf"\bmost ({'|'.join(COMPARE)})\b", lambda m: COMPARE[m[1].lower()][1], "other",
          "Short adjectives take '-est', not 'most'."),
    # Word order in indirect questions: "tell me where is the station".
    _rule(r"\b(tell me|know|wonder) (where|what|when|how much) (is|are) "
          rf"((?:the|my|your|his|her|their) \w+){END}", r"\1 \2 \4 \3", "word order",
          "In an indirect question the verb goes after the subject."),
    _rule(r"\b(i|you|he|she|it|we|they) (always|never|usually|often|sometimes) "
          r"(am|is|are|was|were)\b", r"\1 \3 \2", "word order",
          "'Always', 'never' and the like go after 'be'."),
    _rule(r"\b(i|you|he|she|we|they) never (have|has) been\b", r"\1 \2 never been",
          "word order", "'Never' goes between 'have' and 'been'."),
    _rule(r"^(what|where|why|how) (you|they|we|he|she) (are|is) (\w+ing)\b",
          r"\1 \3 \2 \4", "word order", "In a question the verb comes before the subject."),
    _rule(r"^(why|where|when|what|how) (you|he|she|they|we) "
          r"(didn't|don't|doesn't|can't|won't)\b", r"\1 \3 \2", "word order",
          "In a question the verb comes before the subject."),
    _rule(rf"\bi like very much (\w+){END}", r"i like \1 very much", "word order",
          "'Very much' goes after the thing you like."),
    # Missing words.
    _rule(r"^(i|you|we|they|he|she) ((?!thing|nothing|something|bring|sing|ring|king)\w{2,}ing)\b",
          lambda m: f"{m[1]} {PRONOUN_BE[m[1].lower()]} {m[2]}", "missing word",
          "The '-ing' form needs 'am', 'is' or 'are' before it."),
    _rule(r"\b(difficult|easy|hard|important|possible|impossible|nice) (understand|find|learn|"
          r"say|speak|make|get|read|write)\b", r"\1 to \2", "missing word",
          "'Difficult' and similar words need 'to' before a verb."),
    _rule(r"\bknow (what|where|how) (say|do|go)\b", r"know \1 to \2", "missing word",
          "Say 'know what to say'."),
    _rule(r"^is (raining|snowing|cold|hot|sunny|windy|late|early)\b", r"it is \1",
          "missing word", "English needs 'it' here: 'it is raining'."),
    _rule(r"^there (a lot of|a|an) ", r"there is \1 ", "missing word",
          "Say 'there is' or 'there are'."),
    # Agreement and plural.
    _rule(r"\bthere (is|isn't|was|wasn't) (many|several|two|three|four|five|lots of)\b",
          lambda m: f"there {_PLURAL_BE[m[1].lower()]} {m[2]}",
          "agreement", "Use 'there are' with plural nouns."),
    _rule(r"\b(many|the|these|those|some|my|our) (people|friends|parents|children|students) "
          r"(is|was)\b", lambda m: f"{m[1]} {m[2]} {'are' if m[3].lower() == 'is' else 'were'}",
          "agreement", "The verb must agree with a plural subject."),
    _rule(r"\b(the|our|local) police (is|was)\b",
          lambda m: f"{m[1]} police {'are' if m[2].lower() == 'is' else 'were'}", "agreement",
          "'Police' is plural: 'the police are'."),
    _rule(r"\b(everybody|everyone|somebody|someone|nobody) (know|like|want|need|live|work)\b",
          r"\1 \2s", "agreement", "'Everybody' takes a singular verb: 'everybody knows'."),
    _rule(rf"(?<!\ba )(?<!\ban )(?<!\bthe )\b({NUMBERS}) ({'|'.join(PLURAL)})\b(?! old)(?!-)",
          lambda m: f"{m[1]} {PLURAL[m[2].lower()]}", "plural", "After a number, use the plural."),
    _rule(rf"\bone of (my|the|his|her|our|their|your) ({'|'.join(PLURAL)})\b",
          lambda m: f"one of {m[1]} {PLURAL[m[2].lower()]}", "plural",
          "'One of' takes a plural noun."),
    # "One of my cousins live": the subject is one of them.
    _rule(rf"\bone of (my|the|his|her|our|their|your) (\w+s) ({'|'.join(THIRD)})\b",
          lambda m: f"one of {m[1]} {m[2]} {THIRD[m[3].lower()]}", "agreement",
          "'One of ...' is one person or thing: the verb takes -s."),
    _rule(r"\b(homeworks|luggages|equipments|knowledges)\b", lambda m: m[1][:-1], "plural",
          "This noun has no plural."),
    _rule(rf"^(?!.*\b(?:yesterday|ago|last)\b)({SINGULAR_SUBJECT}) ({'|'.join(THIRD)})\b",
          lambda m: f"{m[1]} {THIRD[m[2].lower()]}", "agreement",
          "With one person or thing, the verb takes -s."),
    _rule(rf"\b(does|doesn't|did|didn't) (he|she|it) ({'|'.join(v for v in THIRD.values())})\b",
          lambda m: f"{m[1]} {m[2]} {_BARE[m[3].lower()]}", "agreement",
          "After 'does' or 'did', use the base form."),
    _rule(r"(?<!\bone of )\b(the|my|our) (children|people|parents|friends|kids) "
          r"(plays|likes|lives|works|wants|needs|goes|has)\b",
          lambda m: f"{m[1]} {m[2]} {_BARE[m[3].lower()]}", "agreement",
          "With a plural subject, the verb takes no -s."),
    # Articles before a job, and "an" before a silent h.
    _rule(rf"\b(i am|i'm|he is|he's|she is|she's|my \w+ is|i was|he was|she was) ({JOBS})\b",
          lambda m: f"{m[1]} {'an' if m[2][0] in 'aeiou' else 'a'} {m[2]}", "article",
          "Say 'a' or 'an' before a job."),
    _rule(r"\ba (hour|honest)\b", r"an \1", "article",
          "'An' before a silent h."),
    # The -ing form where learners use the base form.
    _rule(rf"\b(look|looking|looks) forward to ({'|'.join(ING)})\b",
          lambda m: f"{m[1]} forward to {ING[m[2].lower()]}", "other",
          "'Look forward to' takes the -ing form."),
    _rule(rf"\b(am|'m|is|'s|are|'re|get|got) used to ({'|'.join(ING)})\b",
          lambda m: f"{m[1]} used to {ING[m[2].lower()]}", "other",
          "'Be used to' takes the -ing form."),
    _rule(rf"\b(enjoy|enjoys|enjoyed) to ({'|'.join(ING)})\b",
          lambda m: f"{m[1]} {ING[m[2].lower()]}", "other", "'Enjoy' takes the -ing form."),
    _rule(rf"^i have (\d+|twenty|thirty|forty|fifty) years(?: old)?{END}", r"i am \1 years old",
          "other", "We say 'I am 25 years old'."),
    # Tense: a finished time in the past with the present perfect.
    _rule(rf"^({PAST_TIME})(,?) (i|you|he|she|we|they) (?:have|has) ({_PARTICIPLES})\b",
          lambda m: f"{m[1]}{m[2]} {m[3]} {_PARTICIPLE_PAST[m[4].lower()]}", "verb tense",
          "This happened at a finished time: use the past tense, not 'have'."),
    _rule(rf"^({PAST_TIME})(,?) (i|you|he|she|we|they) (?:have|has) been\b",
          lambda m: f"{m[1]}{m[2]} {m[3]} {'was' if m[3].lower() in ('i', 'he', 'she') else 'were'}",
          "verb tense", "This happened at a finished time: use the past tense, not 'have'."),
    # Tense: a finished time in the past with a present verb (not "have" before
    # a participle the rule above does not know: "had read" would be wrong).
    _rule(rf"^({PAST_TIME})(,?) (i|you|he|she|we|they) ({_PAST_VERBS})\b(?=( \w+)?)",
          lambda m: m[0] if _HELPS_A_PARTICIPLE.fullmatch(f"{m[4]}{m[5] or ''}".lower())
          else f"{m[1]}{m[2]} {m[3]} {_past(m[4])}", "verb tense",
          "This happened in the past: use the past tense."),
    _rule(rf"\b(can|could|will|would|should|must|might) ({_PAST_FORMS})\b",
          lambda m: f"{m[1]} {_BASE_OF[m[2].lower()]}", "verb tense",
          "After 'can', 'will' and the like, use the base form."),
    _rule(r"\bwill going to\b", "will go to", "verb tense", "After 'will', use the base form."),
    _rule(rf"\b(can|could|will|would|should|must|might) ({'|'.join(THIRD.values())})\b",
          lambda m: f"{m[1]} {_BARE[m[2].lower()]}", "verb tense",
          "After 'can', 'will' and the like, use the base form."),
    # "My dad retired since two years": a finished event is "two years ago".
    _rule(rf"\b({_ONCE}) since ({NUMBERS}|a|an|one) (years?|months?|weeks?|days?)\b",
          r"\1 \2 \3 ago", "preposition",
          "For a finished event, say when: 'two years ago'."),
)
