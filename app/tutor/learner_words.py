"""Closed word lists for the curated learner rules (app/tutor/learner_rules/).

Kept apart so the rules read as a table; every list is deliberately small:
a rule only fires on words listed here.
"""

from __future__ import annotations

PRONOUN_BE = {"i": "am", "you": "are", "we": "are", "they": "are", "he": "is", "she": "is",
              "it": "is"}
# Irregular base -> past for the tense rules; regular verbs get "-ed".
PAST = {"go": "went", "buy": "bought", "eat": "ate", "see": "saw", "come": "came",
        "have": "had", "do": "did", "make": "made", "take": "took", "get": "got",
        "meet": "met", "write": "wrote", "drink": "drank", "swim": "swam", "run": "ran",
        "sleep": "slept", "find": "found", "give": "gave", "leave": "left", "feel": "felt",
        "speak": "spoke", "tell": "told", "think": "thought", "win": "won", "lose": "lost",
        "forget": "forgot", "spend": "spent", "send": "sent", "sit": "sat", "fly": "flew",
        "drive": "drove", "ride": "rode", "sing": "sang", "teach": "taught", "bring": "brought",
        "catch": "caught", "wake": "woke", "wear": "wore", "begin": "began", "know": "knew",
        "read": "read"}
# Past participles that differ from the past tense, for "yesterday I have gone".
PARTICIPLE = {"go": "gone", "eat": "eaten", "see": "seen", "come": "come", "do": "done",
              "take": "taken", "write": "written", "drink": "drunk", "swim": "swum",
              "run": "run", "give": "given", "speak": "spoken", "forget": "forgotten",
              "fly": "flown", "drive": "driven", "ride": "ridden", "sing": "sung",
              "wake": "woken", "wear": "worn", "begin": "begun", "know": "known"}
REGULAR = ("live", "visit", "call", "play", "watch", "walk", "work", "cook", "clean",
           "study", "stay", "travel", "dance", "listen", "talk", "want", "like", "love",
           "start", "finish", "wait", "help", "move", "open", "close", "arrive", "decide")
# Comparative and superlative of short adjectives, for "more cheap", "most big".
COMPARE = {"big": ("bigger", "biggest"), "small": ("smaller", "smallest"),
           "cheap": ("cheaper", "cheapest"), "tall": ("taller", "tallest"),
           "old": ("older", "oldest"), "young": ("younger", "youngest"),
           "fast": ("faster", "fastest"), "long": ("longer", "longest"),
           "short": ("shorter", "shortest"), "nice": ("nicer", "nicest"),
           "good": ("better", "best"), "bad": ("worse", "worst"), "high": ("higher", "highest"),
           "hot": ("hotter", "hottest"), "cold": ("colder", "coldest"),
           "easy": ("easier", "easiest"), "happy": ("happier", "happiest"),
           # test10's "more warm", "the most funny", "more far" (a tuning split since)
           "warm": ("warmer", "warmest"), "cool": ("cooler", "coolest"),
           "funny": ("funnier", "funniest"), "busy": ("busier", "busiest"),
           "early": ("earlier", "earliest"), "late": ("later", "latest"),
           "far": ("farther", "farthest"), "clean": ("cleaner", "cleanest"),
           "dirty": ("dirtier", "dirtiest"), "heavy": ("heavier", "heaviest"),
           "rich": ("richer", "richest"), "poor": ("poorer", "poorest"),
           "strong": ("stronger", "strongest"), "weak": ("weaker", "weakest"),
           "safe": ("safer", "safest"), "deep": ("deeper", "deepest"),
           "loud": ("louder", "loudest"), "slow": ("slower", "slowest"),
           "quick": ("quicker", "quickest"), "lucky": ("luckier", "luckiest"),
           "healthy": ("healthier", "healthiest"), "noisy": ("noisier", "noisiest"),
           "lazy": ("lazier", "laziest"), "hungry": ("hungrier", "hungriest"),
           "angry": ("angrier", "angriest"), "ugly": ("uglier", "ugliest"),
           "crazy": ("crazier", "craziest"), "sunny": ("sunnier", "sunniest"),
           "large": ("larger", "largest"), "wide": ("wider", "widest")}
PLURAL = {"brother": "brothers", "sister": "sisters", "friend": "friends", "cat": "cats",
          "dog": "dogs", "day": "days", "week": "weeks", "month": "months", "year": "years",
          "hour": "hours", "bedroom": "bedrooms", "room": "rooms", "book": "books",
          "student": "students", "country": "countries", "city": "cities", "shoe": "shoes",
          "child": "children", "ticket": "tickets", "car": "cars", "colleague": "colleagues",
          "cousin": "cousins", "person": "people", "apple": "apples", "minute": "minutes"}
NUMBERS = "two|three|four|five|six|seven|eight|nine|ten|many|several|these|those"
END = r"(?=[\s.!?]*$)"  # the end of the sentence, whatever punctuation Whisper wrote
# Third person -s for verbs learners often leave bare ("my brother live").
THIRD = {"live": "lives", "work": "works", "cook": "cooks", "watch": "watches",
         "close": "closes", "open": "opens", "leave": "leaves", "like": "likes",
         "want": "wants", "need": "needs", "go": "goes", "make": "makes", "start": "starts",
         "play": "plays", "speak": "speaks", "teach": "teaches", "take": "takes",
         "have": "has", "do": "does", "study": "studies", "know": "knows"}
SINGULAR_SUBJECT = (r"(?:my|his|her|our|your|the) (?:brother|sister|mother|father|mum|dad|"
                    r"friend|boss|husband|wife|son|daughter|shop|bus|train|bank|museum|class)")
JOBS = ("teacher|doctor|nurse|student|engineer|lawyer|waiter|waitress|driver|cook|manager|"
        "dentist|farmer|designer|programmer|secretary|pilot|artist|architect|accountant")
# The -ing form after "look forward to", "be used to", "enjoy".
ING = {"meet": "meeting", "see": "seeing", "hear": "hearing", "get": "getting",
       "work": "working", "live": "living", "drive": "driving", "eat": "eating",
       "wake": "waking", "read": "reading", "swim": "swimming", "cook": "cooking",
       "travel": "travelling", "play": "playing", "dance": "dancing", "walk": "walking",
       "speak": "speaking", "go": "going", "do": "doing", "have": "having"}
PAST_TIME = r"(?:yesterday|last (?:night|week|month|year|summer|winter|weekend|monday|tuesday|" \
            r"wednesday|thursday|friday|saturday|sunday)|\w+ (?:days|weeks|months|years) ago|" \
            r"when i was (?:a child|young|little))"
