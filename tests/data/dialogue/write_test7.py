# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes test7.jsonl: a held-out split of 100 learner lines that are not news
(ids 8001-8100, ``"split": "test7"``), most of them questions about English,
written blind on 2026-12-07 by a session that had not seen the tutor's code,
its docs or its output; only this set's format (README.md, write_test6.py and
the *.jsonl files, to keep the same row shape and to repeat none of their
lines, words or subjects). Never tune on it; run this only to change the set.

The rows have the shape of test6.jsonl's: ``act``, ``kind``, ``subject``,
``detail`` where the act uses them, ``context``, ``learner``, ``expect``,
``id``, ``split``. What is new here:

- ``learner`` is what Whisper would give A2-B1 speakers of many first
  languages: mostly lower case, a few lines with Whisper's own capitals
  (``subject`` stays lower case, a substring of the line in lower case),
  fillers, run-on phrasing, errors in the question itself, and many frames
  ("can i say", "is it ok to say", "what's the meaning of", "how do you
  call", "what is the third form of", "where is the stress in", ...);
- most rows have a short thread before the line (one to three lines after
  the tutor's opening), not only the opening;
- ``word_form`` adds two details, ``noun`` (the noun of a verb) and
  ``adjective`` (the adjective of a noun), to the details of the earlier
  splits.

``expect`` as in README.md: "is it correct?" rows with ``wrong: true`` list
the words of the fix in every natural wording (full and contracted) in
``answer_any``, none of which the wrong sentence already has; right ones have
only ``wrong: false``; word forms list the form; meanings list words a plain
definition uses; how-to-say lists the word and its common synonyms;
pronunciation names the stressed syllable's position (CMUdict's one primary
stress, checked; words with two, or with two pronunciations that disagree,
are left out); questions to the tutor have ``content``; goodbye, unclear and
request have none.
"""
import json
from pathlib import Path

HERE = Path(__file__).parent
T = "Tutor: Hi! How was your day?"

# --- is it correct? wrong ones: (thread after the opening, line, sentence, words of the fix)
WRONG = [
    (["Tutor: Do you have any friends who live abroad?"],
     "yes, uh, so one of my friends live in canada... wait, can i say like that?",
     "one of my friends live in canada", ["lives"]),
    ([T, "Learner: i called my brother but he didn't answer", "Tutor: Oh no. When did you last see him?"],
     "long time. i didn't see him since christmas, um, is this correct english?",
     "i didn't see him since christmas", ["haven't seen", "have not seen", "i've not seen"]),
    (["Tutor: Do you do any sports?"],
     "yes i play the football on sundays with my cousins. is that how you say it?",
     "i play the football on sundays", ["play football"]),
    ([T, "Learner: so-so, my english class was difficult"],
     "um when i'm lost in the class, can i tell the teacher i am not understanding the question?",
     "i am not understanding the question", ["don't understand", "do not understand"]),
    (["Tutor: Which subjects did you like at school?"],
     "i'm good in maths, i think... is this correct?",
     "i'm good in maths", ["good at", "at maths", "at math"]),
    (["Tutor: When is your next team meeting?"],
     "the meeting is in monday morning, hmm, can i say that?",
     "the meeting is in monday morning", ["on monday"]),
    ([T, "Learner: long, i drive two hours every day", "Tutor: Two hours! What do you do in the car?"],
     "i like to listen music in the car, is it correct english?",
     "i like to listen music in the car", ["listen to", "listening to"]),
    (["Tutor: Are you ready for your trip to London?"],
     "almost. if i'm lost there, can i ask people can you tell me where is the station?",
     "can you tell me where is the station", ["where the station is", "station is"]),
    (["Tutor: How do you get to work?", "Learner: by car but there is always traffic"],
     "so i always am late for work, hmm, is the order of the words ok?",
     "i always am late for work", ["am always late", "i'm always late", "always late"]),
    (["Tutor: Tell me about your family!", "Learner: my mum is from france and my dad is from england"],
     "so my sister speaks very well english, is it correct like this?",
     "my sister speaks very well english", ["speaks english very well", "english very well", "speaks english really well", "very good english", "speaks good english"]),
    (["Tutor: Any plans for this evening?"],
     "not really, i have to make my homework tonight. uh, is make ok there?",
     "i have to make my homework tonight", ["do my homework", "do homework", "do the homework"]),
    (["Tutor: How did you get to your grandmother's house?"],
     "um we went there by the train, it's correct?",
     "we went there by the train", ["by train", "took the train", "took a train"]),
    ([T, "Learner: terrible, i got all wet", "Tutor: Oh no! What happened?"],
     "there was very strong rain and i had no umbrella. is strong rain ok in english?",
     "there was very strong rain", ["heavy rain", "rained heavily", "raining heavily", "rained hard", "raining hard", "rained a lot", "pouring", "poured"]),
    (["Tutor: What are you doing right now?", "Learner: i'm in a lesson and my pen is not working"],
     "how do i ask my classmate, like, can you borrow me your pen? is it right?",
     "can you borrow me your pen", ["lend", "i borrow your"]),
    (["Tutor: What are your plans for Saturday?"],
     "i'm going to the library to buy a book for my son, uh, is that correct?",
     "i'm going to the library to buy a book", ["bookshop", "bookstore", "book shop", "book store", "borrow"]),
    ([T, "Learner: boring, like every day at the office"],
     "you know, i'm thinking to change my job. can i say thinking to?",
     "i'm thinking to change my job", ["thinking of changing", "thinking about changing", "of changing", "about changing"]),
    (["Tutor: How was the interview?", "Learner: strange, the manager was very nervous"],
     "and he avoided to answer my question about the salary. is it good english?",
     "he avoided to answer my question", ["avoided answering", "answering"]),
    (["Tutor: Did you go swimming this morning?", "Learner: yes, i just came home"],
     "and my hairs are still wet, is it correct to say like this?",
     "my hairs are still wet", ["hair is", "hair's"]),
]
# right ones: half twins of the wrong ones, half tricky but correct
RIGHT = [
    (["Tutor: Have you talked to your cousin recently?"],
     "no, i haven't seen him since christmas. is that correct?",
     "i haven't seen him since christmas"),
    ([T],
     "uh quick question, is it ok to say i'm good at maths but bad at english?",
     "i'm good at maths but bad at english"),
    (["Tutor: Where are you right now?", "Learner: in the city centre, i'm lost haha"],
     "so i want to ask somebody, can you tell me where the station is? is that right?",
     "can you tell me where the station is"),
    ([T, "Learner: long, i had three meetings", "Tutor: That sounds tiring. Do you like your job?"],
     "not really. i'm thinking of changing my job, is that good english?",
     "i'm thinking of changing my job"),
    (["Tutor: Does anyone in your family speak English?"],
     "my daughter speaks english very well, uh, better than me. can i say this?",
     "my daughter speaks english very well"),
    (["Tutor: How did you travel to Scotland?"],
     "we went there by train... is it right, by train?",
     "we went there by train"),
    (["Tutor: Do you and your sister want to go out tonight?"],
     "neither of us wants to go out, it's too cold. is wants correct here?",
     "neither of us wants to go out"),
    (["Tutor: How is your new flat?"],
     "Um, is it correct to say the furniture in this flat is very old?",
     "the furniture in this flat is very old"),
    (["Tutor: How are you finding the winter in Canada?", "Learner: the first year was very hard"],
     "but now i got used to the cold weather. um, is this correct?",
     "i got used to the cold weather"),
    ([T],
     "if i had more money i would buy a house by the sea, is the grammar ok?",
     "if i had more money i would buy a house by the sea"),
    (["Tutor: Are you ready to go?", "Learner: wait, where are my glasses"],
     "oh, my glasses are on the table. are is right, yes? not is?",
     "my glasses are on the table"),
    (["Tutor: How long has your husband worked at the hospital?"],
     "So he has been working there since march, is that correct?",
     "he has been working there since march"),
]
# --- word forms: (thread, line, word, detail, answers)
FORMS = [
    (["Tutor: What did you do with the old sofa?"],
     "we throwed it... no. uh, what is the past of throw?", "throw", "past", ["threw"]),
    ([T],
     "what's the past tense of spend? like i spend all my money yesterday haha", "spend", "past", ["spent"]),
    (["Tutor: Have you ever been on a horse?"],
     "no never. um how is the past participle of ride? i have never... ride?", "ride", "past participle", ["ridden"]),
    (["Tutor: What will you wear to the wedding?", "Learner: a suit, but i don't like it"],
     "i have never wear a suit before. what's the third form of wear?", "wear", "past participle", ["worn"]),
    (["Tutor: What's in your new kitchen?"],
     "we bought three new shelf... shelfs? how is the plural of shelf?", "shelf", "plural", ["shelves"]),
    ([T, "Learner: good, i made salad for lunch"],
     "tomato in plural, is it with e? how do you write?", "tomato", "plural", ["tomatoes"]),
    (["Tutor: How was moving day?", "Learner: so tiring, my boxes were very heavy"],
     "and the second box was more heavy... no. what's the comparative of heavy?", "heavy", "comparative", ["heavier"]),
    ([T],
     "Beautiful, the superlative, is it beautifullest?", "beautiful", "superlative", ["most beautiful"]),
    (["Tutor: So, will you buy the car?", "Learner: i don't know yet"],
     "it's a big... uh, decide, what is the noun of decide?", "decide", "noun", ["decision"]),
    ([T, "Learner: great, my shop had a lot of customers"],
     "what's the adjective from success? like my business is very ...", "success", "adjective", ["successful"]),
]
# --- meanings: 4 words, 4 phrasal verbs, 4 idioms; answers: words of a plain definition
MEANINGS = [
    (["Tutor: Did you buy anything nice?", "Learner: yes a coat, the seller said it was a real bargain"],
     "what does bargain mean exactly?", "bargain",
     ["cheap", "good price", "low price", "good deal", "good value", "less than", "lower price"]),
    ([T],
     "my boss said i'm very reliable, what's the meaning of reliable? is it good?", "reliable",
     ["trust", "depend", "rely", "count on"]),
    (["Tutor: How is your dad?"],
     "he's fine, my mum says he is grumpy in the morning. what is grumpy?", "grumpy",
     ["bad mood", "bad-tempered", "bad tempered", "irritable", "annoyed", "angry", "complain", "unhappy", "cross"]),
    (["Tutor: You sound tired!"],
     "yes, my manager asked me to do overtime, um, what does it mean overtime?", "overtime",
     ["extra", "more hours", "additional", "longer", "beyond", "normal hours", "usual hours"]),
    ([T],
     "What's the meaning of find out? like in the film, she find out the truth", "find out",
     ["discover", "learn", "get information", "realise", "realize", "know"]),
    (["Tutor: Why were you late today?"],
     "the bus broke down, the driver said. what does break down mean?", "break down",
     ["stop", "not work", "doesn't work", "didn't work", "fail", "out of order"]),
    ([T, "Learner: not good, my sisters don't talk to each other"],
     "my mum says they fell out. what is the meaning of fall out?", "fall out",
     ["argue", "argument", "quarrel", "fight", "disagree", "stop being friends", "no longer friends"]),
    (["Tutor: Tell me about your son."],
     "everybody says he takes after his father, you know, what does take after mean?", "take after",
     ["resemble", "look like", "looks like", "similar", "same", "inherit"]),
    ([T],
     "um in my english book it say break the ice, what does it mean?", "break the ice",
     ["start", "begin", "conversation", "relax", "comfortable", "awkward", "nervous", "tension", "shy", "friendly"]),
    (["Tutor: How did your sister react to the news?"],
     "she said she was over the moon, what does over the moon mean? she was in the sky?", "over the moon",
     ["happy", "delighted", "thrilled", "overjoyed", "joy", "ecstatic", "pleased"]),
    (["Tutor: So will you take the new flat?"],
     "i don't know, the agent told me sleep on it. what does it mean sleep on it?", "sleep on it",
     ["think", "decide", "decision", "later", "tomorrow", "wait", "time"]),
    (["Tutor: What are your plans for the holiday?"],
     "my husband says we play it by ear. um what is the meaning of play it by ear?", "play it by ear",
     ["plan", "decide", "improvis", "see what happens", "flexible", "as it comes", "later", "spontaneous"]),
]
# --- how to say: (thread, line, what is described, the word and its synonyms)
HOW = [
    ([T, "Learner: ok, i just came from the shower"],
     "how do you call the machine for dry the hair, with hot air?", "the machine that dries your hair with hot air",
     ["hair dryer", "hairdryer", "hair drier", "hairdrier", "blow dryer", "blow-dryer", "blow drier"]),
    (["Tutor: Are you going out tonight?"],
     "yes, we have a girl who stay with our kids when we go out, what's the word for her?", "a girl who stays with the kids when the parents go out",
     ["babysitter", "baby sitter", "babysitting", "sitter", "nanny", "childminder"]),
    ([T],
     "what is the word when you close one eye quick, like a joke to somebody?", "closing one eye quickly as a joke",
     ["wink"]),
    (["Tutor: Was it cold at the bus stop?"],
     "very cold, my body was doing like this, brrr, moving, how do you say this?", "the body moving because of the cold",
     ["shiver", "tremble", "trembling", "shake", "shaking", "shudder"]),
    (["Tutor: Did you go to the doctor?"],
     "yes and she gave me a paper for to buy medicine in the pharmacy. how is it called, this paper?", "the doctor's paper to buy medicine",
     ["prescription"]),
    ([T],
     "my husband's brother, how do you call him in english?", "my husband's brother",
     ["brother-in-law", "brother in law"]),
    (["Tutor: What do you do after lunch on Sundays?"],
     "i sleep a little, like twenty minutes. is there a word for this short sleep?", "a short sleep after lunch",
     ["nap", "snooze", "siesta", "doze", "forty winks"]),
    (["Tutor: How was the shopping centre?"],
     "big! um, the stairs that move by themself, what's the name in english?", "stairs that move by themselves",
     ["escalator"]),
    (["Tutor: How was the train journey?"],
     "ok but the man who checks the tickets was angry with me. how do you say his job?", "the man who checks the tickets on the train",
     ["conductor", "ticket inspector", "inspector", "ticket collector", "guard", "train manager"]),
    (["Tutor: What is your new colleague like?"],
     "he talks all the time about his car and his money, to look better than us. what's the word for that?", "talking about your money to look better than others",
     ["show-off", "show off", "showing off", "shows off", "boast", "brag", "big-headed", "bighead"]),
]
# --- pronunciation: the stressed syllable's position (CMUdict's primary stress)
SAY = [
    ([T, "Learner: good, i learned thirty new words today"],
     "uh how do i pronounce vocabulary? it's so long", "vocabulary", ["second"]),
    (["Tutor: What does your brother do?"],
     "he is photographer... how do you say photographer, like photo?", "photographer", ["second"]),
    ([T],
     "chemistry, where is the accent? che-mis-try?", "chemistry", ["first"]),
    (["Tutor: When is your appointment?"],
     "let me see my calendar... um, calendar, how do you pronounce it correct?", "calendar", ["first"]),
    ([T],
     "Wednesday, how do you pronounce? it is written so strange", "wednesday", ["first"]),
    (["Tutor: What do you study at university?"],
     "environment science. um, environment, where do i put the stress?", "environment", ["second"]),
    (["Tutor: Which restaurant should we try?"],
     "can you say me how to pronounce recommend? i always say it wrong", "recommend", ["third"]),
    ([T, "Learner: not good, my team lost"],
     "i was very disappointed... how do you pronounce disappointed, where's the stress?", "disappointed", ["third"]),
]
# --- questions to the tutor: (lines of the thread after T, line, kind, content)
TQ = [
    (["Learner: my parents' anniversary is next month, forty years", "Tutor: Wow, congratulations to them! Will you celebrate?", "Learner: yes, me and my brother want to do something special"],
     "uh what kind of gift do you think they would like?", "recommendation",
     ["gift", "present", "trip", "dinner", "photo", "album", "party", "jewel", "flower", "weekend", "anniversary", "frame", "restaurant", "ruby", "memor"]),
    (["Learner: i want to watch a series in english, to practise my listening"],
     "which one is good for my level, you know, not too difficult?", "recommendation",
     ["series", "friends", "sitcom", "subtitle", "episode", "comedy", "show", "netflix", "level", "easy", "simple", "family", "office", "watch"]),
    (["Learner: i always forget people's names, one minute after they say it"],
     "it's so embarrassing, do you have any trick for this?", "advice",
     ["name", "repeat", "say", "write", "remember", "associat", "picture", "imagin", "ask", "use", "trick", "listen", "attention", "focus"]),
    (["Learner: my landlord wants to raise the rent by twenty percent", "Tutor: That's a lot! Can you afford it?", "Learner: not really, uh"],
     "so how do i talk to him about this, any idea?", "advice",
     ["landlord", "rent", "talk", "negotiat", "contract", "ask", "explain", "law", "right", "polite", "compromise", "move", "cheaper", "percent", "increase"]),
    (["Learner: my son wants to study abroad, in australia", "Tutor: How exciting! How old is he?", "Learner: eighteen, but i'm worried"],
     "do you think it's too far, or is it a good experience for him?", "opinion",
     ["experience", "abroad", "australia", "far", "independen", "learn", "grow", "visit", "call", "worr", "good idea", "opportunit", "study", "son"]),
    ([], "sam, do you ever get tired of talking with students all day?", "about_tutor",
     ["tired", "talk", "student", "enjoy", "love", "like", "never", "conversation", "learn", "fun", "day", "computer", "program"]),
]
# --- goodbyes, in the middle of three threads
COOK = ["Tutor: What did you cook this weekend?", "Learner: i tried to make bread for the first time",
        "Tutor: Oh, how did it turn out?", "Learner: um, a bit hard haha",
        "Tutor: The first loaf is always the hardest! Will you try again?"]
MOVE = [T, "Learner: we are packing boxes, we move to a new flat on friday",
        "Tutor: Exciting! Is the new flat bigger?"]
PET = ["Tutor: How is your cat doing?", "Learner: she is good, she sleeps all day",
       "Tutor: Lucky cat! Does she go outside?"]
BYE = [
    (COOK, "ok so, we practised a lot today. thanks sam, i go now"),
    (MOVE, "uh, the boxes are waiting for me, i must go. see you next week"),
    (PET, "right, i have to go feed her now actually. bye bye"),
    (COOK, "my wife is calling me for dinner, so, um, goodbye for now"),
    (MOVE, "Okay, thank you so much. Have a good night."),
    (PET, "sorry i can't talk more today, i have a doctor appointment. bye"),
    (COOK, "so that's it for me, talk to you on monday"),
    (MOVE, "thanks for the chat, i come back tomorrow morning. bye"),
    (PET, "i'm falling asleep haha, let's stop here. good night"),
    (COOK, "ok, thanks, it was nice to talk with you. take care"),
]
# --- what Whisper gives for mumbles, fragments, noise
UNCLEAR = ["[LAUGHTER]", "and the, em... no, the other, um", "Transcription by CastingWords",
           "[ Applause ]", "wait wait, no, the... hmm", "ok so my"]
# --- requests to the app: repeat, slower, simpler, another topic, more / fewer corrections, questions, spelling
REQUESTS = ["um sorry could you repeat? i didn't get the last part",
            "you speak too quick for me, please slow down a little",
            "can you explain it again with more easy words?",
            "can we talk about food? i'm bored of this topic",
            "i want you to correct my grammar more, like every sentence",
            "please, uh, less corrections today, i just want to practise speaking",
            "can you ask me some questions about my job?",
            "uh necessary, is it one s or two? spell it for me please, slowly"]


def rows() -> list[dict]:
    out = []

    def add(act, learner, context=(T,), kind=None, subject=None, detail=None, **expect):
        row = dict(act=act, kind=kind, subject=subject, detail=detail, context=list(context),
                   learner=learner, expect=expect, id=8001 + len(out), split="test7")
        out.append({k: v for k, v in row.items() if v is not None})

    for ctx, line, s, fix in WRONG:
        add("language_question", line, ctx, kind="is_correct", subject=s, wrong=True, answer_any=fix)
    for ctx, line, s in RIGHT:
        add("language_question", line, ctx, kind="is_correct", subject=s, wrong=False)
    for ctx, line, s, d, a in FORMS:
        add("language_question", line, ctx, kind="word_form", subject=s, detail=d, answer_any=a)
    for ctx, line, s, a in MEANINGS:
        add("language_question", line, ctx, kind="meaning", subject=s, answer_any=a)
    for ctx, line, s, a in HOW:
        add("language_question", line, ctx, kind="how_to_say", subject=s, answer_any=a)
    for ctx, line, s, a in SAY:
        add("language_question", line, ctx, kind="pronunciation", subject=s, answer_any=a)
    for ctx, line, k, c in TQ:
        add("tutor_question", line, context=[T, *ctx], kind=k, content=c)
    for ctx, line in BYE:
        add("goodbye", line, context=ctx)
    for line in UNCLEAR:
        add("unclear", line)
    for line in REQUESTS:
        add("request", line)
    return out


def write(path: Path = HERE / "test7.jsonl") -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows()),
                    encoding="utf-8")


if __name__ == "__main__":
    write()
