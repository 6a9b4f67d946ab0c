# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes test6.jsonl: a held-out split of 120 learner lines of every act but
news (ids 7001-7120, ``"split": "test6"``), written blind on 2026-12-07 by a
session that had not seen the tutor's code, its docs or its output; only this
set's format (README.md, write_test4.py and the *.jsonl files, to keep the
same row shape and to repeat none of their lines or subjects). Never tune on
it; run this only to change the set.

The rows have the shape of test4.jsonl's: ``act``, ``kind``, ``subject``,
``detail`` where the act uses them, ``context``, ``learner`` (as Whisper would
give an A2-B1 learner: lower case, fillers, some errors in the question
itself), ``expect``, ``id``, ``split``. ``expect`` as in README.md: language
questions have ``answer_any`` (for "is it correct?" with ``wrong: true`` a
word of the fix; a right sentence has only ``wrong: false``); word forms use
the details of the existing rows, and ``-ing`` for the -ing form (new here);
meanings list words a plain definition uses; how-to-say lists the word and
its common synonyms; pronunciation names the stressed syllable's position
(CMUdict's one primary stress, checked by hand; words with two are left out);
questions to the tutor have ``content``; goodbye, unclear and request have
none.
"""
import json
from pathlib import Path

HERE = Path(__file__).parent
T = "Tutor: Hi! How was your day?"

# --- is it correct? wrong ones: (line, sentence asked about, words of the fix)
WRONG = [
    ("can i say she explained me the problem?", "she explained me the problem", ["to me"]),
    ("um is it correct, it depends of the weather", "it depends of the weather", ["depends on", "on the weather"]),
    ("is this right: i am living here for ten years", "i am living here for ten years", ["have lived", "have been living", "i've lived", "i've been living"]),
    ("can i say there is a lot of cars on the road?", "there is a lot of cars on the road", ["there are", "are a lot"]),
    ("my friend gave me an useful tip, is it correct?", "my friend gave me an useful tip", ["a useful"]),
    ("is it ok to say if i will have time i will call you?", "if i will have time i will call you", ["if i have", "when i have"]),
    ("can i say my boss let me to leave early?", "my boss let me to leave early", ["let me leave"]),
    ("uh how much costs this jacket, is it good english?", "how much costs this jacket", ["does this jacket cost", "does it cost", "does"]),
    ("can i say i like very much this song?", "i like very much this song", ["this song very much", "really like"]),
    ("is it correct to say i'm very exciting about the trip?", "i'm very exciting about the trip", ["excited"]),
    ("she suggested me to take a taxi, can i say like this?", "she suggested me to take a taxi", ["suggested taking", "suggested that", "suggested i", "suggested we"]),
    ("is this sentence correct: i enjoy to cook for my friends", "i enjoy to cook for my friends", ["cooking"]),
    ("can i say he works as a engineer?", "he works as a engineer", ["an engineer"]),
    ("is it right, we arrived to the airport very late", "we arrived to the airport very late", ["arrived at", "at the airport"]),
    ("ehm can i say my daughter is afraid from dogs?", "my daughter is afraid from dogs", ["afraid of", "of dogs"]),
]
# right ones, some of them twins of the wrong ones, some tricky but correct
RIGHT = [
    ("can i say she explained the problem to me?", "she explained the problem to me"),
    ("is it correct: there are a lot of cars on the road", "there are a lot of cars on the road"),
    ("is it ok to say if i have time, i will call you?", "if i have time, i will call you"),
    ("can i say my boss let me leave early?", "my boss let me leave early"),
    ("how much does this jacket cost, is it correct?", "how much does this jacket cost"),
    ("is this right: i enjoy cooking for my friends", "i enjoy cooking for my friends"),
    ("can i say he works as an engineer?", "he works as an engineer"),
    ("um is it correct to say everybody is tired today?", "everybody is tired today"),
    ("can i say i have been living here for ten years?", "i have been living here for ten years"),
    ("is it right to say i wish i had more free time?", "i wish i had more free time"),
    ("the people at my new job are very nice, is that correct?", "the people at my new job are very nice"),
    ("can i say she hasn't called me yet?", "she hasn't called me yet"),
    ("is this correct: i stopped smoking five years ago", "i stopped smoking five years ago"),
    ("can i say it depends on the weather?", "it depends on the weather"),
    ("is it good english, hardly anyone came to the party?", "hardly anyone came to the party"),
]
# --- word forms: (line, word, detail, answers)
FORMS = [
    ("uh what is the past of fall? like i fall yesterday", "fall", "past", ["fell"]),
    ("pay in the past is payed?", "pay", "past", ["paid"]),
    ("what's the past tense of lose, i always forget it", "lose", "past", ["lost"]),
    ("what is the past participle of drive?", "drive", "past participle", ["driven"]),
    ("steal, the past participle, how is it?", "steal", "past participle", ["stolen"]),
    ("what is the plural of person? persons?", "person", "plural", ["people"]),
    ("one leaf, two... what is the plural of leaf?", "leaf", "plural", ["leaves"]),
    ("what is the comparative of thin?", "thin", "comparative", ["thinner"]),
    ("funny, the comparative is more funny?", "funny", "comparative", ["funnier"]),
    ("what's the superlative of early?", "early", "superlative", ["earliest"]),
    ("how do you write lie with ing?", "lie", "-ing", ["lying"]),
    ("what is the ing form of sit, one t or two?", "sit", "-ing", ["sitting"]),
]
# --- meanings: phrasal verbs, idioms, words; answers: words of a plain definition
MEANINGS = [
    ("what does show up mean? my friend didn't show up", "show up", ["arrive", "appear", "come", "turn up"]),
    ("um, get over, what does it mean? like get over a cold", "get over", ["recover", "better", "overcome", "move on"]),
    ("what is the meaning of carry on?", "carry on", ["continue", "keep", "go on"]),
    ("what does come across mean?", "come across", ["find", "meet", "chance", "accident", "unexpected", "discover", "encounter", "seem", "impression"]),
    ("my grandma always say once in a blue moon, what it means?", "once in a blue moon", ["rarely", "rare", "seldom", "not often", "hardly ever", "almost never"]),
    ("what does cost an arm and a leg mean?", "cost an arm and a leg", ["expensive", "a lot of money", "costly", "very much money"]),
    ("haha what does hit the sack mean?", "hit the sack", ["bed", "sleep"]),
    ("what does it mean to spill the beans?", "spill the beans", ["secret", "reveal", "tell", "disclose"]),
    ("what does brave mean?", "brave", ["courage", "afraid", "fear", "danger", "bold"]),
    ("what means cozy? the cafe was very cozy", "cozy", ["comfortable", "warm", "snug", "relax"]),
    ("what is a refund?", "refund", ["money back", "return", "repay", "give back", "back"]),
    ("what does thrilled mean?", "thrilled", ["excited", "happy", "delighted", "pleased", "joy"]),
]
# --- how to say: (line, what is described, the word and its synonyms)
HOW = [
    ("how do you call the person who brings the letters to my house?", "the person who brings the letters", ["postman", "postwoman", "mailman", "mail carrier", "letter carrier", "postal worker"]),
    ("what do you call a doctor for animals, like for my cat?", "a doctor for animals", ["vet", "veterinarian", "veterinary"]),
    ("um how do you say the person who makes bread?", "the person who makes bread", ["baker"]),
    ("what's the word for the thing you open a wine bottle with?", "the thing you open a wine bottle with", ["corkscrew", "bottle opener", "wine opener", "wine key"]),
    ("my brother's daughter, what do you call her?", "my brother's daughter", ["niece"]),
    ("how do you say the man who puts out the fire?", "the man who puts out the fire", ["firefighter", "fireman", "fire fighter"]),
    ("what's the word for a person who writes books?", "a person who writes books", ["writer", "author", "novelist"]),
    ("how do you call the little book with my photo for travel to other countries?", "the little book with my photo for travel", ["passport"]),
]
# --- pronunciation: the stressed syllable's position (CMUdict's primary stress)
SAY = [
    ("how do you pronounce musician? is it like music?", "musician", ["second"]),
    ("where is the stress in volunteer?", "volunteer", ["third"]),
    ("recipe, how do you pronounce it? re-cipe?", "recipe", ["first"]),
    ("how do you pronounce cucumber?", "cucumber", ["first"]),
    ("which syllable is strong in potato?", "potato", ["second"]),
    ("opportunity is very long word, how do i pronounce it?", "opportunity", ["third"]),
    ("uh how do you pronounce celebrate?", "celebrate", ["first"]),
    ("how is economy pronounced, same like economic?", "economy", ["second"]),
]
# --- questions to the tutor: (lines of the thread after T, line, kind, content)
TQ = [
    (["Learner: next month i visit vienna with my boyfriend", "Tutor: Oh, lovely! Have you been there before?", "Learner: no, first time"],
     "what should we eat there?", "recommendation",
     ["schnitzel", "sacher", "strudel", "cake", "coffee", "café", "cafe", "sausage", "vienna", "austria", "goulash", "food"]),
    (["Learner: my son is ten and he wants to read more"],
     "what books are good for him?", "recommendation",
     ["book", "read", "story", "stories", "harry", "dahl", "series", "adventure", "comic", "library", "novel"]),
    (["Learner: i go to istanbul for work in may, but i have one free day"],
     "what can i visit in one day?", "recommendation",
     ["sophia", "mosque", "bazaar", "bosphorus", "palace", "topkapi", "boat", "istanbul", "market", "old city", "galata"]),
    (["Learner: i want to start a new hobby this winter, something at home"],
     "what do you suggest?", "recommendation",
     ["paint", "draw", "knit", "cook", "bak", "read", "music", "instrument", "puzzle", "writ", "plant", "hobby", "yoga", "sew"]),
    (["Learner: me and my wife want to go dancing together, but we never did it before"],
     "what dance should we learn?", "recommendation",
     ["salsa", "tango", "waltz", "swing", "ballroom", "bachata", "dance", "class", "lesson", "beginner", "latin", "easy"]),
    (["Learner: i'm making dinner for my girlfriend's parents on saturday", "Tutor: How nice! Are you a good cook?", "Learner: not really haha"],
     "what easy dish can i make?", "recommendation",
     ["pasta", "lasagn", "risotto", "roast", "chicken", "salad", "soup", "oven", "curry", "easy", "simple", "dish", "recipe", "fish"]),
    (["Learner: my teenage son plays video games all day"],
     "how can i get him to do other things?", "advice",
     ["game", "sport", "rule", "time", "limit", "talk", "hobby", "club", "friend", "outside", "together", "family", "screen"]),
    (["Learner: i have an english exam in three weeks, the b1 exam", "Tutor: Good luck! How do you feel about it?", "Learner: a bit scared"],
     "how should i study for it?", "advice",
     ["practi", "past paper", "exam", "test", "listen", "read", "writ", "speak", "plan", "every day", "vocabulary", "grammar", "study"]),
    (["Learner: i sit at the computer all day and my back hurts"],
     "what can i do about it?", "advice",
     ["stretch", "break", "chair", "posture", "walk", "exercise", "stand", "back", "desk", "screen", "doctor", "physio", "yoga", "move"]),
    (["Learner: my colleague always takes my ideas and says they are his"],
     "should i tell my boss?", "advice",
     ["boss", "manager", "colleague", "talk", "speak", "email", "write", "record", "note", "idea", "meeting", "calm", "honest"]),
    (["Learner: i want to save money for a car but i always spend everything"],
     "how can i save more?", "advice",
     ["save", "saving", "budget", "money", "spend", "account", "bank", "plan", "list", "cook", "month", "track", "salary"]),
    (["Learner: my daughter is fourteen and she wants a smartphone"],
     "is fourteen too young, what do you think?", "opinion",
     ["phone", "young", "age", "fourteen", "rule", "time", "screen", "depend", "safe", "parent", "daughter"]),
    (["Learner: i can buy an electric car or a normal one, same price"],
     "which is better in your opinion?", "opinion",
     ["electric", "petrol", "gas", "diesel", "charg", "battery", "environment", "fuel", "cheap", "depend", "drive", "car"]),
    (["Learner: my friends want to go camping in october", "Tutor: Fun! Where are they going?", "Learner: in the mountains, but i think it's cold"],
     "is it a good idea or no?", "opinion",
     ["camp", "cold", "warm", "tent", "sleeping bag", "cloth", "october", "mountain", "weather", "idea", "fun", "layer"]),
    (["Learner: i learn english with you and also with a grammar book"],
     "do you think apps are better than books for learning?", "opinion",
     ["app", "book", "both", "learn", "practi", "speak", "grammar", "depend", "read", "mix", "combin"]),
    ([], "what do you like to eat for breakfast?", "about_tutor",
     ["breakfast", "coffee", "tea", "toast", "egg", "bread", "cereal", "fruit", "porridge", "yogurt", "yoghurt", "eat", "like", "morning"]),
    ([], "uh, how old are you?", "about_tutor",
     ["old", "age", "year", "young", "born", "program", "computer", "tutor", "app", "artificial"]),
    ([], "have you ever been to england?", "about_tutor",
     ["england", "london", "been", "visit", "travel", "never", "britain", "trip"]),
    ([], "what's your favourite colour?", "about_tutor",
     ["colour", "color", "blue", "green", "red", "yellow", "purple", "black", "white", "orange", "pink", "favourite", "favorite"]),
    ([], "how many languages do you speak?", "about_tutor",
     ["english", "language", "speak", "spanish", "french", "german", "italian", "chinese", "learn"]),
]
# --- goodbyes, in the middle of three threads
GARDEN = [T, "Learner: i was in the garden all afternoon", "Tutor: Lovely! What were you doing there?",
          "Learner: i plant tomatoes and some flowers", "Tutor: Nice. Do you grow a lot of vegetables?"]
FILM = ["Tutor: Did you do anything fun at the weekend?", "Learner: we watched a film at the cinema",
        "Tutor: Which film did you see?", "Learner: a comedy, i forgot the name"]
JOB = ["Tutor: How is your new job going?", "Learner: it's ok but very busy",
       "Tutor: I'm sorry to hear that. Do you like your colleagues?"]
BYE = [
    (GARDEN, "ok that's all for today, thank you so much"),
    (FILM, "sorry sam i need to go, my boss is calling me"),
    (JOB, "see you tomorrow at the same time, bye"),
    (GARDEN, "thank you, this was really helpful. bye bye"),
    (FILM, "uh i need to go pick up my kids from school"),
    (JOB, "good night, i'm going to bed now"),
    (GARDEN, "ok i think that's all for today. see you tomorrow"),
    (FILM, "bye, have a nice weekend"),
    (JOB, "my lunch break is finished, talk later"),
    (GARDEN, "thanks a lot teacher, goodbye"),
    (FILM, "oh it's already nine, i need to go. see you"),
    (JOB, "ok, enough english for today haha, bye"),
    (GARDEN, "the dinner is ready, i must go. bye sam"),
    (FILM, "thank you for your patience, see you tomorrow"),
    (JOB, "my husband needs the laptop now, sorry, goodbye"),
]
# --- what Whisper gives for mumbles, fragments, noise
UNCLEAR = ["mmm... so... the", "[inaudible]", "please subscribe to my channel", "bu- but my, ehm",
           "so yesterday i", "it's... the... how do you", "[ Silence ]", "ah ah ah no"]
# --- requests to the app: slower, repeat, another topic, louder, new topic, more / no corrections
REQUESTS = ["uh can you speak slow please, i don't understand everything",
            "sorry, can you repeat the last question?",
            "this topic is boring for me, can we change?",
            "i can't hear you very well, can you speak louder?",
            "let's start a new topic, maybe about travel",
            "please correct all my mistakes, i want to improve",
            "don't correct me every time please, it makes me nervous"]


def rows() -> list[dict]:
    out = []

    def add(act, learner, context=(T,), kind=None, subject=None, detail=None, **expect):
        row = dict(act=act, kind=kind, subject=subject, detail=detail, context=list(context),
                   learner=learner, expect=expect, id=7001 + len(out), split="test6")
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


def write(path: Path = HERE / "test6.jsonl") -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows()),
                    encoding="utf-8")


if __name__ == "__main__":
    write()
