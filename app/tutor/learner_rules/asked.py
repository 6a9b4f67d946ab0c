"""The second part of the learner rules' table: what the tutor called right.

Errors the tutor called right when asked "is it correct?" on the dialogue
splits test6, test7 and test8 (each read once, tuning splits since), and
frequent learner errors from teaching references, added before the blind
splits test7 and test14 were written. The parts are applied in the order
app/tutor/learner_rules/__init__.py joins them.
"""

from app.tutor.learner_rules.forms import (
    _ADJECTIVES, _ADVERB, _ANY, _OBJECT, _PARTICIPLES, _PARTICIPLE_PAST, _Q_VERBS, _SINCE, Rule,
    _base, _do_question, _embedded, _ing, _participle, _past, _perfect_subject, _plural_noun,
    _present, _rule, _same_form,
)
from app.tutor.learner_words import END, NUMBERS, PAST_TIME, SINGULAR_SUBJECT

ASKED: tuple[Rule, ...] = (
    # Asked "is it correct?" on test6 (read once, a tuning split since), and
    # called right: none of these had a rule.
    # "she explained me the problem": "explain" takes "to" before the person.
    _rule(r"\b(explain|explains|explained|explaining|describe|describes|described|describing) "
          r"(me|him|her|us|them) (the|a|an|my|your|his|our|their|this|that) (\w+)" + END,
          r"\1 \3 \4 to \2", "word order", "We explain something to someone."),
    _rule(r"\b(explain|explains|explained|explaining) (me|him|her|us|them) "
          r"(how|what|why|where|when)\b", r"\1 to \2 \3", "missing word",
          "We explain something to someone."),
    # "she suggested me to take a taxi": "suggest" takes no person and "to".
    _rule(r"\b(suggest|suggests|suggested) (me|him|her|us|them) to (\w+)",
          lambda m: f"{m[1]} {_ing(m[3])}", "verb form", "We say 'suggested taking'."),
    # "I am living here for ten years": up to now, the present perfect.
    _rule(r"\b(i am|i'm|we are|we're|they are|they're|you are|you're|he is|he's|she is|she's) "
          r"(living|working|studying|learning|teaching) ((?:\w+ ){0,3}?)for "
          rf"({NUMBERS}|a|an|ten|twenty|fifteen|eleven|twelve) (years|months)\b",
          lambda m: f"{_perfect_subject(m[1])} been {m[2]} {m[3]}for {m[4]} {m[5]}",
          "verb tense", "Up to now: 'I have been living here for ten years'."),
    # "there is a lot of cars": the noun after "a lot of" decides.
    _rule(r"\bthere( is|'s| was) (a lot of|lots of|plenty of|so many|too many) (\w+)\b",
          lambda m: (f"there {'were' if m[1].lower() == ' was' else 'are'} {m[2]} {m[3]}"
                     if _plural_noun(m[3]) else m[0]), "agreement",
          "With a plural noun: 'there are a lot of cars'."),
    # "how much costs this jacket": a question with "does".
    _rule(r"^how much (cost|costs) (this|that|the|your|my|these|those) (\w+)" + END,
          lambda m: (f"how much {'do' if m[2].lower() in ('these', 'those') else 'does'} "
                     f"{m[2]} {m[3]} cost"), "word order",
          "A question with 'does': 'how much does this jacket cost?'"),
    # "I like very much this song": "very much" after the thing liked.
    _rule(r"\b(like|likes|liked|love|loves|loved|enjoy|enjoys|enjoyed) very much "
          r"((?:the|this|that|my|your|his|her|our|their) )?(\w+)" + END,
          r"\1 \2\3 very much", "word order", "We say 'I like this song very much'."),
    # "If I will have time, I will call you": no "will" after "if" or "when"
    # opening the sentence ("I wonder if it will rain" is right; so is "if you
    # will excuse me").
    # Not before "would" ("if I will get it, I would ..." wants "got": test13).
    _rule(r"^(?!.*\bwould\b)((?:(?:so|well|and|but|um|uh|ok|okay),? )?(?:if|when|as soon as) )"
          r"(i|we|they|he|she|it) will (\w+)\b",
          lambda m: f"{m[1]}{m[2]} {_present(m[2], m[3])}", "verb tense",
          "After 'if' or 'when', use the present: 'if I have time'."),
    # "I live here since 2010": since a time, the present perfect.
    _rule(rf"^(i|we|they|you|he|she) ({'|'.join(_SINCE)}) (here |there |in \w+ )?since\b",
          lambda m: f"{m[1]} {'has' if m[1].lower() in ('he', 'she') else 'have'} "
                    f"{_SINCE[m[2].lower()]} {m[3] or ''}since", "verb tense",
          "With 'since', use 'have' and the past participle: 'I have lived here since 2010'."),
    # Frequent learner errors from teaching references, added before the blind
    # splits test7 and test14 were written (none of them was read for these).
    _rule(rf"\b(he|she|it|{SINGULAR_SUBJECT}) (don't|do not)\b",
          lambda m: f"{m[1]} " + ("does not" if m[2].lower() == "do not" else "doesn't"),
          "agreement", "With he, she and it: 'doesn't'."),
    _rule(r"(?<!\ball )\b(i|you|he|she|we|they) (must|can|should) to (\w+)\b", r"\1 \2 \3",
          "extra word", "After 'can', 'must' and the like, the verb comes without 'to'."),
    _rule(r"^((?:(?:so|and|but|um|uh|well|ok|okay),? )?(?:what|where|why|how|when|who)"
          r"(?: old| long| far| often| much| many \w+)?) (you|they|we|he|she|it) "
          r"(are|is|were|was|can|will|have|has)\b(?! \w+ing\b)(?=[^?]*\?\s*$)",
          r"\1 \3 \2", "word order", "In a question the verb comes before the subject."),
    _rule(rf"^((?:(?:so|and|but|um|uh|well|ok|okay),? )?(?:what|where|why|how|when)"
          r"(?: time| kind of \w+| sort of \w+| (?!(?:you|they|we|he|she|do|does|did|are|is|was|"
          r"were|can|could|will|would|shall|should|have|has|had|must|may|might|about)\b)\w+)?) "
          rf"(you|they|we|he|she) (usually |normally |often |always |really )?({_Q_VERBS})\b"
          r"(?! (?:been|got|gone|done|seen|had|\w+ed)\b)(?=[^?]*\?\s*$)", _do_question, "word order",
          "A question needs 'do', 'does' or 'did' before the subject."),
    _rule(r"^((?:(?:so|um|uh|well),? )?)what means (.+?)(\s*\?)?\s*$",
          lambda m: f"{m[1]}what does {m[2]} mean{m[3] or ''}", "word order",
          "Ask 'what does it mean?'"),
    # "I have visited Paris last year": a finished time after the verb.
    _rule(rf"\b(i|you|he|she|we|they)(?: have| has|'ve) ({_PARTICIPLES})\b"
          rf"(?=(?: (?!(?:i|you|he|she|we|they|that|which|who|since|for|and|but)\b)[\w']+){{0,5}} "
          rf"{PAST_TIME}\b)", lambda m: f"{m[1]} {_PARTICIPLE_PAST[m[2].lower()]}", "verb tense",
          "This happened at a finished time: use the past tense, not 'have'."),
    _rule(rf"\b(i|you|he|she|we|they)(?: have| has|'ve) been to\b"
          rf"(?=(?: (?!(?:i|you|he|she|we|they|that|which|who|since|for|and|but)\b)[\w']+){{0,5}} "
          rf"{PAST_TIME}\b)", r"\1 went to", "verb tense",
          "This happened at a finished time: 'I went to London last summer'."),
    _rule(r"\b(i am|i'm|we are|we're|they are|they're|you are|you're|he is|he's|she is|she's) "
          r"(living|working|studying|learning|teaching) ((?:\w+ ){0,3}?)since\b"
          rf"(?! (?:{NUMBERS}|a|an|one|\d+) (?:years?|months?|weeks?|days?)\b)",
          lambda m: f"{_perfect_subject(m[1])} been {m[2]} {m[3]}since",
          "verb tense", "Up to now: 'I have been living here since 2019'."),
    _rule(r"\b(want|wants|wanted) that (you|him|her|them|us|me|he|she|they|we) "
          r"(?!will\b|would\b|can\b|could\b|should\b|must\b)(\w+)\b",
          lambda m: f"{m[1]} {_OBJECT.get(m[2].lower(), m[2])} to {_base(m[3])}", "word order",
          "We say 'I want you to come'."),
    _rule(rf"\b(not|is|are|was|were|isn't|aren't|wasn't|weren't|'s|'re|am|'m) enough "
          rf"({_ADJECTIVES})\b(?=[\s.,!?]*$| to\b| for\b)", r"\1 \2 enough", "word order",
          "'Enough' goes after the adjective: 'good enough'."),
    _rule(rf"^(he|she|my \w+) has (\d+|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) "
          rf"years(?: old)?{END}", r"\1 is \2 years old", "other", "We say 'she is 25 years old'."),
    _rule(rf"\btoo much ({_ADJECTIVES})\b(?=[\s.,!?]*$|,| for\b| to\b| and\b| but\b| so\b)",
          r"too \1", "extra word", "Before an adjective: 'too expensive'."),
    _rule(r"\b(go|goes|went|going|gone) to (shopping|swimming|fishing|camping|hiking|skiing|"
          r"dancing|jogging|sightseeing)(?=[\s.,!?]*$| (?:tomorrow|today|tonight|yesterday|on|at|"
          r"in|with|every|this|next|last|together|again|later)\b)", r"\1 \2", "extra word",
          "We say 'go shopping', without 'to'."),
    _rule(r"\b(i am|i'm|you are|you're|we are|we're|they are|they're|he is|he's|she is|she's) "
          r"(knowing|wanting|needing|believing|owning|belonging|preferring|understanding)\b"
          r"(?!.*\b(?:since|for)\b)",
          lambda m: f"{m[1].split()[0].split(chr(39))[0]} "
                    f"{_present(m[1].split()[0].split(chr(39))[0], _base(m[2]))}", "verb tense",
          "'Know', 'want' and 'need' are not used with '-ing' here."),
    _rule(r"\bhow many (money|time|water|information|advice|furniture|luggage|homework|work|"
          r"milk|sugar|coffee|bread|rice|traffic|news|equipment|music)\b", r"how much \1",
          "word choice", "Use 'how much' with things you cannot count."),
    _rule(r"^((?:(?:so|um|uh|well),? )?(?:although|though|even though) [^,]+), but ", r"\1, ",
          "extra word", "After 'although', leave out 'but'."),
    _rule(r"\b(play|plays|played|playing) the (football|basketball|tennis|volleyball|soccer|"
          r"baseball|golf|chess|cricket|hockey|badminton|rugby)\b", r"\1 \2", "extra word",
          "No 'the' before a sport: 'play football'."),
    _rule(r"\b(return|returns|returned|returning) back\b", r"\1", "extra word",
          "'Return' already means 'go back'."),
    _rule(r"\bcope up with\b", "cope with", "extra word", "We say 'cope with'."),
    # Asked "is it correct?" on test7 (read once, a tuning split since) and called right.
    _rule(r"\b(avoid|avoids|avoided|avoiding|"
          r"deny|denies|denied|imagine|imagined|risk|risked|finish|finished) to (\w+)\b",
          lambda m: f"{m[1]} {_ing(m[2])}", "verb form", "'Avoid' and the like take the -ing form."),
    _rule(r"\b(am|'m|is|'s|are|'re|was|were) thinking to (\w+)\b",
          lambda m: f"{m[1]} thinking of {_ing(m[2])}", "verb form",
          "We say 'I'm thinking of changing'."),
    _rule(r"\b(go|goes|went|going|come|comes|came|coming|travel|travels|travelled|traveled|"
          r"there|here|home|work|school) by the (train|bus|car|plane|taxi|bike|boat|ship|metro|"
          r"subway|tube|coach|tram)\b", r"\1 by \2", "extra word", "We say 'by train', no 'the'."),
    _rule(r"\b(my|your|his|her|our|their) hairs( are| were)?\b",
          lambda m: f"{m[1]} hair{' is' if m[2] == ' are' else ' was' if m[2] else ''}", "plural",
          "'Hair' on your head has no plural."),
    _rule(r"\bstrong rain\b", "heavy rain", "word choice", "We say 'heavy rain'."),
    _rule(r"\b(speak|speaks|spoke|speaking) (very |really |quite )?well (english|french|spanish|"
          r"german|chinese|italian|japanese|russian|arabic|portuguese|korean)\b",
          r"\1 \3 \2well", "word order", "We say 'she speaks English very well'."),
    _rule(r"\b(am|'m|is|'s|are|'re|was|were) (very |really |so |not )?(good|bad) in (maths|math|"
          r"english|sports?|football|tennis|cooking|languages|science|history|chess|\w+ing)\b",
          r"\1 \2\3 at \4", "preposition", "We say 'good at maths'."),
    _rule(r"\b(i|we|they|you|he|she) didn't (see|speak to|talk to|hear from|eat|have|visit|meet)"
          r"((?: \w+){1,3}?) since\b",
          lambda m: f"{m[1]} {'hasn' if m[1].lower() in ('he', 'she') else 'haven'}'t "
                    f"{_participle(m[2])}{m[3]} since", "verb tense",
          "With 'since', use 'have': 'I haven't seen him since Christmas'."),
    # Asked "is it correct?" on test8 (read once, a tuning split since) and called right.
    _rule(r"\b(know|tell me|wonder|ask(?:ed)? (?:him|her|them|you)) (what time|where|when|what|how much|"
          r"how long|why|how|if) (does|do|did) (the \w+|my \w+|he|she|it|they|you|we) (\w+)\b",
          lambda m: f"{m[1]} {m[2]} {m[4]} {_embedded(m[3], m[4], m[5])}", "word order",
          "In an indirect question the subject comes first: 'what time the bank opens'."),
    _rule(r"(?<!thing )(?<!things )(?<!what )(?<!which )(?<!that )(?<!tool )(?<!one )(?<!stuff )"
          r"\b(i|you|we|they|he|she) use to\b", r"\1 used to", "verb tense",
          "For the past, 'used to'."),
    _rule(r"\b(make|makes|made|making) (a|the|some|our|my|your|this|that) (photos?|pictures?)\b",
          lambda m: f"{_same_form(m[1], 'take')} {m[2]} {m[3]}", "word choice",
          "We 'take' a photo."),
    _rule(r"\b(don't|doesn't|didn't|can't|won't|never) (\w+ )?(nothing|nobody|nowhere)\b",
          lambda m: f"{m[1]} {m[2] or ''}{_ANY[m[3].lower()]}", "other",
          "One negative is enough: 'I don't know anything'."),
    _rule(r"\b(did|do|does) (you|he|she|they|we|i) (ever )?been\b",
          lambda m: f"{'has' if m[2].lower() in ('he', 'she') else 'have'} {m[2]} {m[3] or ''}been",
          "verb tense", "We ask 'have you ever been?'."),
    _rule(r"\b(everyone|everybody|someone|somebody|nobody) (in|at|from) (my|the|our|this|your) "
          r"(\w+) (know|like|want|need|live|work|love|have|go|think|speak|play)\b",
          lambda m: f"{m[1]} {m[2]} {m[3]} {m[4]} {_present('he', m[5])}", "agreement",
          "'Everyone' takes the verb with -s: 'everyone likes'."),
    _rule(r"\bhow long time\b", "how long", "extra word", "We ask 'how long'."),
    _rule(r"^((?:my|her|his|your|our|their|the) (?:sister|mother|mum|mom|daughter|aunt|grandmother|"
          r"grandma|niece|girlfriend)\b[^,.;?!]*? )his (husband|boyfriend)\b", r"\1her \2",
          "word choice", "For a woman: 'her husband'."),
    _rule(r"^((?:so |well |and )?if (?:i|you|he|she|we|they)) would (\w+)((?: \w+){0,4}?)"
          r"(?=,? (?:i|you|he|she|we|they) would\b)", lambda m: f"{m[1]} {_past(m[2])}{m[3]}",
          "verb tense",
          "After 'if', no 'would': 'if I knew, I would tell you'."),
    _rule(rf"\bbefore ({NUMBERS}|a|an|one|\d+) (years?|months?|weeks?|days?)(?=[\s.!?]*$|,)",
          r"\1 \2 ago", "preposition", "For a time in the past, say 'three years ago'."),
    _rule(r"\ban? ((?:(?:really|very|so|quite|such) )?(?:good|nice|bad|great|lovely|terrible|"
          r"beautiful|fantastic|awful|useful|important|new|old|horrible|sunny|cold|hot|warm) )?"
          r"(weather|advice|information|furniture|luggage|homework|traffic|money)\b"
          r"(?! (?:forecast|report|station|app|map|warning|assignment|desk|centre|center|system"
          r"|pack|rack|store|shop|diary|book|folder|club|jam|light|lights|warden|cop|police|"
          r"accident|sign|signs|transfer|order|box|belt|laundering|problem|problems)\b)", r"\1\2",
          "article",
          "No 'a' before 'weather', 'advice' and the like."),
    _rule(r"\b(saw|watched|read|bought|have|has|had|got|is|was|it's|made|found|met|wrote|took|"
          r"watch|buy|see|find) (very|really) (?!(?:little|few|much|many)\b)(\w+) "
          r"(film|movie|book|car|house|flat|day|time|idea|"
          r"job|place|party|trip|holiday|restaurant|hotel|game|story|song|man|woman|person|teacher|"
          r"friend|question|problem|dinner|weekend|view|city|town|room)\b", r"\1 a \2 \3 \4",
          "article", "Before 'very' + adjective + one thing: 'a very funny film'."),
    # "he drives very careful": how he does it, the adverb (test8).
    _rule(r"\b(drives?|drove|driving|speaks?|spoke|speaking|works?|worked|working|sings?|sang|"
          r"singing|walks?|walked|walking|runs?|ran|running|plays?|played|playing|writes?|wrote|"
          r"cooks?|cooked|cooking|talks?|talked|talking|dances?|danced|dancing) "
          r"(very |really |so |too |quite )?(careful|quiet|bad|easy|beautiful|"
          r"perfect|fluent|dangerous|safe|polite|serious|good|nice|terrible|brilliant)"
          r"(?=[\s.!?]*$|,| and\b| but\b| not\b| when\b| because\b| so\b)",
          lambda m: f"{m[1]} {m[2] or ''}{_ADVERB.get(m[3].lower(), m[3] + 'ly')}", "word choice",
          "How someone does something: the adverb, 'carefully'."),
)
