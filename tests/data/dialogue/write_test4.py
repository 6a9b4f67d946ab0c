# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes test4.jsonl: a held-out split of 120 learner lines of every act but
news (ids 5001-5120, ``"split": "test4"``), written blind on 2026-12-07 by a
session that had not seen the tutor's code, its docs or its output; only this
set's format (README.md, write_set.py, write_test2.py and the *.jsonl files,
to keep the same row shape and to repeat none of their lines). Never tune on
it; run this only to change the set.

The rows have the shape of test.jsonl's: ``act``, ``kind``, ``subject``,
``detail`` where the act uses them, ``context``, ``learner`` (as Whisper would
give an A2-B1 learner: lower case, fillers), ``expect``, ``id``, ``split``.
``expect`` as in README.md: language questions have ``answer_any`` (for "is it
correct?" with ``wrong: true`` a word of the fix; a right sentence has only
``wrong: false``); word forms use the details of the existing rows; meanings
list words a plain dictionary definition uses; pronunciation names the
stressed syllable's position (checked against CMUdict by hand); questions to
the tutor have ``content``; goodbye, unclear and request have none.
"""
import json
from pathlib import Path

HERE = Path(__file__).parent
T = "Tutor: Hi! How was your day?"

# --- is it correct? wrong ones: (line, sentence asked about, words of the fix)
WRONG = [
    ("can i say he don't speak french?", "he don't speak french", ["doesn't"]),
    ("is it correct to say my kids doesn't like vegetables?", "my kids doesn't like vegetables", ["don't"]),
    ("um, is this right: i am not agree with my boss", "i am not agree with my boss", ["don't agree", "disagree"]),
    ("can i say she have went to the doctor?", "she have went to the doctor", ["has gone", "she went"]),
    ("my english is more better now, is that correct?", "my english is more better now", ["is better"]),
    ("is it ok to say i am born in 1990?", "i am born in 1990", ["was born"]),
    ("can i say she is married with a doctor?", "she is married with a doctor", ["married to"]),
    ("uh is it correct, i must to go now?", "i must to go now", ["must go"]),
    ("can i say i didn't knew that?", "i didn't knew that", ["know"]),
    ("is this sentence correct: he said me the truth", "he said me the truth", ["told"]),
    ("can i say the news are very bad today?", "the news are very bad today", ["news is"]),
    ("is it right to say i go to home after work?", "i go to home after work", ["go home"]),
    ("can i say i am interesting in music?", "i am interesting in music", ["interested"]),
    ("i want to say i work here since two years. is it correct?", "i work here since two years", ["for two"]),
    ("is it good english, we discussed about the problem?", "we discussed about the problem", ["discussed the"]),
]
# right ones, some of them twins of the wrong ones, some tricky but correct
RIGHT = [
    ("can i say the police are looking for him?", "the police are looking for him"),
    ("is it correct: i have been waiting for an hour", "i have been waiting for an hour"),
    ("can i say she has gone to the doctor?", "she has gone to the doctor"),
    ("is this right: if i were you, i would call her", "if i were you, i would call her"),
    ("can i say i used to play football when i was young?", "i used to play football when i was young"),
    ("is it correct to say the news is very bad today?", "the news is very bad today"),
    ("um can i say i was born in 1990?", "i was born in 1990"),
    ("is it ok to say my kids don't like vegetables?", "my kids don't like vegetables"),
    ("can i say she told me the truth?", "she told me the truth"),
    ("is this correct: i'm interested in music", "i'm interested in music"),
    ("can i say i'd rather stay at home tonight?", "i'd rather stay at home tonight"),
    ("is it right to say he must have forgotten about it?", "he must have forgotten about it"),
    ("we have been friends since we were kids, is that correct?", "we have been friends since we were kids"),
    ("can i say i'm used to getting up early?", "i'm used to getting up early"),
    ("is it correct: it's the first time i have been here", "it's the first time i have been here"),
]
# --- word forms (lemminflect's forms): (line, word, detail, answers)
FORMS = [
    ("what is the past of sell?", "sell", "past", ["sold"]),
    ("um, feel in the past, what is it?", "feel", "past", ["felt"]),
    ("what's the past tense of study, please?", "study", "past", ["studied"]),
    ("what is the past participle of speak?", "speak", "past participle", ["spoken"]),
    ("forget, what's the past participle?", "forget", "past participle", ["forgotten"]),
    ("past participle of choose please", "choose", "past participle", ["chosen"]),
    ("what is the plural of foot?", "foot", "plural", ["feet"]),
    ("how do you say wife in plural?", "wife", "plural", ["wives"]),
    ("what is the comparative of far?", "far", "comparative", ["farther", "further"]),
    ("comparative of easy, is it more easy?", "easy", "comparative", ["easier"]),
    ("what's the superlative of bad?", "bad", "superlative", ["worst"]),
    ("what is the superlative of hot?", "hot", "superlative", ["hottest"]),
]
# --- meanings: phrasal verbs, idioms, words; answers: words of a plain definition
MEANINGS = [
    ("what does put off mean?", "put off", ["postpone", "later", "delay", "hold back"]),
    ("what does figure out mean?", "figure out", ["solve", "solution", "understand", "work out"]),
    ("uh what is the meaning of turn down?", "turn down", ["refuse", "reject", "decline"]),
    ("what does run out mean, like the milk ran out", "run out", ["used up", "exhaust", "finish", "no more", "nothing left"]),
    ("what does hang out mean?", "hang out", ["spend time", "time", "friends", "relax"]),
    ("what does cheer up mean?", "cheer up", ["happier", "cheerful", "happy", "better"]),
    ("what does piece of cake mean?", "piece of cake", ["easy", "simple"]),
    ("what does it mean, under the weather?", "under the weather", ["ill", "sick", "unwell", "illness"]),
    ("my boss said let's call it a day, what does it mean?", "call it a day", ["stop", "finish", "quit", "end"]),
    ("what does generous mean?", "generous", ["willing", "give", "share", "kind"]),
    ("what is homesick?", "homesick", ["longing", "return", "home", "miss"]),
    ("what is a deadline?", "deadline", ["time", "completed", "finish", "date", "must"]),
]
# --- how to say: (line, what is described, the word and its synonyms)
HOW = [
    ("how do you call a person who sells flowers?", "a person who sells flowers", ["florist"]),
    ("what do you call the mother of my wife?", "the mother of my wife", ["mother-in-law", "mother in law"]),
    ("what is the word for the machine that washes the dishes?", "the machine that washes the dishes", ["dishwasher", "dish washer"]),
    ("how do you say when you can't sleep at night?", "when you can't sleep at night", ["insomnia", "insomniac", "sleepless"]),
    ("what do you call someone who doesn't eat meat?", "someone who doesn't eat meat", ["vegetarian", "vegan", "veggie"]),
    ("um, how do i say the place where the planes land?", "the place where the planes land", ["airport", "airfield", "aerodrome", "runway"]),
    ("what's the word for a man who repairs cars?", "a man who repairs cars", ["mechanic", "repairman"]),
    ("what do you call the person who works in a library?", "the person who works in a library", ["librarian"]),
]
# --- pronunciation: the stressed syllable's position (CMUdict's primary stress)
SAY = [
    ("um, how do you pronounce mosquito?", "mosquito", ["second"]),
    ("where is the stress in hospital?", "hospital", ["first"]),
    ("how do i pronounce dessert, the sweet thing after dinner?", "dessert", ["second"]),
    ("how is interesting pronounced?", "interesting", ["first"]),
    ("how do you pronounce necessary?", "necessary", ["first"]),
    ("which syllable is stressed in afternoon?", "afternoon", ["third"]),
    ("how do you pronounce japanese?", "japanese", ["third"]),
    ("haha how do you pronounce pronunciation?", "pronunciation", ["fourth"]),
]
# --- questions to the tutor: (lines of the thread after T, line, kind, content)
TQ = [
    (["Learner: i'm going to edinburgh in march with my sister", "Tutor: That sounds lovely! How long will you stay?", "Learner: four days"],
     "and what can we do there if it rains?", "recommendation",
     ["museum", "castle", "gallery", "cafe", "café", "pub", "whisky", "indoor", "edinburgh", "library", "shop"]),
    (["Learner: my parents come to visit me next week, they are seventy"],
     "where can i take them for dinner?", "recommendation",
     ["restaurant", "quiet", "food", "dinner", "local", "traditional", "place", "cook", "home", "menu"]),
    (["Learner: tonight i want to watch a film with my kids"],
     "which film do you recommend?", "recommendation",
     ["film", "movie", "animat", "pixar", "disney", "family", "kids", "children", "comedy", "watch"]),
    (["Learner: i am learning english with podcasts on the bus"],
     "can you recommend a good podcast for beginners?", "recommendation",
     ["podcast", "bbc", "learn", "english", "listen", "beginner", "episode", "short", "slow"]),
    (["Learner: me and my husband going to barcelona in july, for one week"],
     "uh what is the best thing to see there?", "recommendation",
     ["sagrada", "gaudi", "gaudí", "guell", "güell", "park", "beach", "rambla", "gothic", "barcelona", "picasso", "museum"]),
    (["Learner: my sister's birthday is on friday, she is turning thirty"],
     "what present should i buy her?", "recommendation",
     ["present", "gift", "book", "flower", "jewel", "perfume", "experience", "trip", "dinner", "birthday", "card"]),
    (["Learner: i have a presentation at work in english on monday"],
     "how can i be less nervous?", "advice",
     ["practi", "prepar", "breath", "slow", "nervous", "calm", "note", "rehears", "audience", "slide"]),
    (["Learner: my neighbour's dog barks all night"],
     "what should i do?", "advice",
     ["neighbour", "neighbor", "talk", "speak", "dog", "polite", "ask", "note", "landlord", "earplug", "council"]),
    (["Learner: i fly to canada on saturday, it's my first flight", "Tutor: How exciting! Are you nervous?", "Learner: yes, very"],
     "do you have some tips for me?", "advice",
     ["flight", "fly", "plane", "breath", "relax", "calm", "water", "music", "film", "seat", "safe", "crew", "turbulence"]),
    (["Learner: i forget new words very quickly"],
     "how can i remember them?", "advice",
     ["word", "card", "repeat", "review", "write", "sentence", "use", "note", "app", "remember", "practi"]),
    (["Learner: i drink too much coffee, like six cups a day"],
     "how can i stop?", "advice",
     ["coffee", "cup", "tea", "water", "slow", "less", "reduce", "decaf", "sleep", "step"]),
    (["Learner: my friend says english is easier than spanish"],
     "what do you think?", "opinion",
     ["english", "spanish", "easy", "easier", "hard", "difficult", "depend", "grammar", "language", "pronunci"]),
    (["Learner: i want to quit my job and travel for a year"],
     "is it crazy?", "opinion",
     ["travel", "job", "year", "quit", "money", "plan", "save", "crazy", "idea", "experience", "adventure"]),
    (["Learner: my company lets me work from home now", "Tutor: That's great news!"],
     "so should i live in the city or in the countryside?", "opinion",
     ["city", "countryside", "country", "quiet", "nature", "depend", "space", "house", "people", "shop"]),
    (["Learner: next month i go to iceland for a week"],
     "is it a good idea to rent a car there?", "opinion",
     ["car", "rent", "drive", "road", "iceland", "ring", "weather", "tour", "bus", "winter", "snow"]),
    ([], "do you have a family?", "about_tutor",
     ["family", "brother", "sister", "parent", "mother", "father", "children", "kid", "wife", "husband"]),
    ([], "what's your favourite film?", "about_tutor",
     ["film", "movie", "favourite", "favorite", "watch", "love", "like", "story"]),
    ([], "where did you learn english?", "about_tutor",
     ["learn", "english", "school", "university", "speak", "language", "teach", "read", "book"]),
    ([], "are you a real person or a computer?", "about_tutor",
     ["computer", "program", "artificial", "human", "person", "tutor", "app", "real", "machine", "software", "robot"]),
    ([], "um do you like sport?", "about_tutor",
     ["sport", "football", "tennis", "run", "swim", "walk", "play", "watch", "like", "love", "yoga", "cycl"]),
]
# --- goodbyes, in the middle of three threads
GYM = [T, "Learner: i went to the gym after work", "Tutor: Good for you! What did you do there?",
       "Learner: some running and a yoga class", "Tutor: Nice. How often do you go?"]
SOUP = ["Tutor: What did you have for dinner?", "Learner: my husband made soup",
        "Tutor: Lovely. What kind of soup?", "Learner: tomato soup with bread"]
HILLS = ["Tutor: What are your plans for the holidays?", "Learner: we go to my parents in the mountains",
         "Tutor: That sounds relaxing. Will there be snow?"]
BYE = [
    (GYM, "oh sorry, i have to go, my baby is crying"),
    (SOUP, "bye bye sam, same time next week?"),
    (HILLS, "i think we can finish here for today, thanks"),
    (GYM, "uh my train is here, i need to leave, sorry"),
    (SOUP, "ok it's late here, good night sam"),
    (HILLS, "thanks for today, i learned a lot. bye"),
    (GYM, "someone is at the door, i have to go, bye"),
    (SOUP, "ok i stop now. see you tomorrow"),
    (HILLS, "cheers, bye"),
    (GYM, "alright, have a good evening, bye"),
    (SOUP, "let's continue another day, i'm very tired now"),
    (HILLS, "alright, talk to you soon"),
    (GYM, "i have a meeting in five minutes so bye for today"),
    (SOUP, "ok teacher, until next time then"),
    (HILLS, "uh, my laptop battery is almost dead, bye bye"),
]
# --- what Whisper gives for noise, hesitation or silence
UNCLEAR = ["uhhh", "[BLANK_AUDIO]", "♪ ♪ ♪", "subtitles by the amara.org community",
           "i i i mean the", "and then the, uh", "(coughs)", "you"]
# --- requests to the app: repeat, slower, another topic, no corrections, spelling
REQUESTS = ["sorry can you say that again?", "you talk very fast, a bit slower please",
            "i don't want to talk about my job, can we change the topic?",
            "no more corrections please, i just want to talk", "can you spell beautiful for me?",
            "what? i didn't catch it, one more time please", "ask me about something different please"]


def rows() -> list[dict]:
    out = []

    def add(act, learner, context=(T,), kind=None, subject=None, detail=None, **expect):
        row = dict(act=act, kind=kind, subject=subject, detail=detail, context=list(context),
                   learner=learner, expect=expect, id=5001 + len(out), split="test4")
        out.append({k: v for k, v in row.items() if v is not None})

    for line, s, fix in WRONG:
        add("language_question", line, kind="is_correct", subject=s, wrong=True, answer_any=fix)
    for line, s in RIGHT:
        add("language_question", line, kind="is_correct", subject=s, wrong=False)
    for line, s, d, a in FORMS:
        add("language_question", line, kind="word_form", subject=s, detail=d, answer_any=a)
    for line, s, a in MEANINGS:
        add("language_question", line, kind="meaning", subject=s, answer_any=a)
    for line, s, a in HOW:
        add("language_question", line, kind="how_to_say", subject=s, answer_any=a)
    for line, s, a in SAY:
        add("language_question", line, kind="pronunciation", subject=s, answer_any=a)
    for ctx, line, k, c in TQ:
        add("tutor_question", line, context=[T, *ctx], kind=k, content=c)
    for ctx, line in BYE:
        add("goodbye", line, context=ctx)
    for line in UNCLEAR:
        add("unclear", line)
    for line in REQUESTS:
        add("request", line)
    return out


def write(path: Path = HERE / "test4.jsonl") -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows()),
                    encoding="utf-8")


if __name__ == "__main__":
    write()
