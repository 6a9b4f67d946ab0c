# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes test8.jsonl: a held-out split of 100 learner lines that are not news
(ids 9001-9100, ``"split": "test8"``), written blind on 2026-12-07 by a
session that had not seen the tutor's code, its docs or its output; only this
set's format (README.md, write_test6.py, test4.jsonl, test6.jsonl and the
other splits' lines, to keep the same row shape and to repeat none of their
lines or subjects; test7.jsonl was not read, only checked against by a script).
Never tune on it; run this only to change the set.

The rows have test6.jsonl's shape: ``act``, ``kind``, ``subject``, ``detail``
where the act uses them, ``context``, ``learner``, ``expect``, ``id``,
``split``. The learner lines are what Whisper gives for A2-B1 speakers of many
first languages talking to a voice tutor: lower case or Whisper's capitals,
fillers, false starts, the question often after some talk in the same turn,
the sentence asked about before or after the question, and varied (sometimes
broken) question frames. About half of the rows come after a short thread
(one to three lines after the tutor's opening). ``expect`` as in README.md:
"is it correct?" rows with ``wrong: true`` list in ``answer_any`` every natural
wording of the fix (full and contracted), none of which the wrong sentence
already says; a right sentence has only ``wrong: false``; word forms use
test6's details (past, past participle, plural, comparative, superlative,
-ing); meanings list words a plain definition uses; how-to-say lists every
word a person would accept; pronunciation: for the stress, the stressed
syllable's position (CMUdict's one primary stress, checked by hand); for a
silent letter, words an answer saying it is silent uses; for syllables, the
count as an answer says it. Questions to the tutor have ``content``; goodbye
and unclear have none.
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))  # split_rows.py, beside it (run or loaded by path)
from split_rows import build_rows, write_rows  # noqa: E402

T = "Tutor: Hi! How was your day?"

# --- is it correct? wrong ones: (thread after T, line, sentence asked about, every wording of the fix)
WRONG = [
    (["Learner: i went to the cinema with my friends", "Tutor: Nice! What did you see?"],
     "um, it was a comedy. we saw very funny film, is it correct english?",
     "we saw very funny film", ["a very funny film", "a really funny film", "a funny film"]),
    ([], "Excuse me, do you know what time does the bank open? Is it correct like this?",
     "do you know what time does the bank open", ["what time the bank opens", "when the bank opens"]),
    (["Learner: good, but now i'm outside and it's cold", "Tutor: Oh! Where are you?"],
     "at the bus stop. I'm waiting the bus, it's late again. uh, waiting the bus, can i say it like this?",
     "I'm waiting the bus", ["waiting for the bus", "waiting for a bus", "waiting for"]),
    ([], "so when I was young I use to play outside all day, um, it's ok to say?",
     "when I was young I use to play outside all day", ["used to"]),
    (["Learner: my best friend came to visit me", "Tutor: How lovely! How long have you been friends?"],
     "oh, long time. I know him since fifteen years. is that right?",
     "I know him since fifteen years", ["have known him for", "'ve known him for", "known him for"]),
    ([], "my car is very old now so, um, I'm thinking to buy a new one. Is it correct English?",
     "I'm thinking to buy a new one", ["thinking of buying", "thinking about buying"]),
    (["Learner: we are on holiday in rome!", "Tutor: Amazing! Are you having a good time?"],
     "yes, very good. Yesterday I asked a man, can you make a photo of us. uh can i say make a photo?",
     "can you make a photo of us", ["take a photo", "take a picture", "take our photo", "take our picture", "take a photograph"]),
    (["Learner: yesterday we went to the mountains with my family"],
     "we were lucky, we had a good weather. um... a good weather, is it right or no?",
     "we had a good weather", ["had good weather", "had nice weather", "had great weather", "weather was good", "the weather was"]),
    ([], "my mother is very sensible, she cries at every film, haha. is it good english, sensible?",
     "my mother is very sensible", ["sensitive"]),
    (["Learner: tired. school is very hard this year", "Tutor: Oh no, why is that?"],
     "The teacher gives us many homeworks, every day. Is it correct, many homeworks?",
     "The teacher gives us many homeworks", ["a lot of homework", "lots of homework", "much homework", "loads of homework"]),
    (["Learner: my colleague asked me about the new project", "Tutor: And what did you tell her?"],
     "I told her, I don't know nothing about it. hmm, is that correct?",
     "I don't know nothing about it", ["anything", "i know nothing"]),
    ([], "um, can i say this... my new flat is more cheap than the old one",
     "my new flat is more cheap than the old one", ["cheaper"]),
    (["Learner: i want to ask my friend about her holidays"],
     "can I ask her like this, did you ever been to spain?",
     "did you ever been to spain", ["have you ever been", "have you been to", "did you ever go", "did you ever travel"]),
    ([], "Everyone in my family like football. Is that correct English?",
     "Everyone in my family like football", ["likes"]),
    (["Learner: i have a flight tomorrow morning", "Tutor: Oh, where are you flying to?", "Learner: to warsaw, for work"],
     "I want to ask the taxi driver, how long time does it take to the airport. Is it ok?",
     "how long time does it take to the airport", ["how long does it take", "how long will it take", "how much time does it take"]),
    ([], "my sister came to the party with his husband, is this sentence ok?",
     "my sister came to the party with his husband", ["her husband"]),
    (["Learner: my dad is teaching me to drive"],
     "He's very calm. he drives very careful, not fast, you know. Can I say drives careful?",
     "he drives very careful", ["carefully"]),
    ([], "is it correct question, why you didn't come to the party?",
     "why you didn't come to the party", ["why didn't you come", "why did you not come"]),
    (["Learner: my friend was angry because i didn't tell her about the party", "Tutor: Oh dear. Why didn't you tell her?"],
     "I forgot! and I said, if I would know, I would tell you. um, is it correct english?",
     "if I would know, I would tell you", ["if i had known", "if i'd known", "if i knew", "would have told", "would've told", "'d have told"]),
    ([], "I moved to this city before three years. Sorry, is it right, before three years?",
     "I moved to this city before three years", ["three years ago", "3 years ago"]),
]
# right ones, some of them twins of the wrong ones, some tricky but correct
RIGHT = [
    (["Learner: i am in london for the first time!", "Tutor: How exciting! What are you doing today?"],
     "shopping, but I need money first. I want to ask somebody, do you know what time the bank opens. Is this correct?",
     "do you know what time the bank opens"),
    ([], "when I was a kid I used to play outside every day. is it correct, used to?",
     "when I was a kid I used to play outside every day"),
    ([], "can I say it like this: why didn't you come to the party?",
     "why didn't you come to the party"),
    (["Learner: my friend asked me a question and i don't know the answer"],
     "so i said, if I knew the answer, I would tell you. Is that right?",
     "if I knew the answer, I would tell you"),
    (["Learner: my husband is a taxi driver", "Tutor: Oh, that must be a busy job!"],
     "Yes, but he's good, he drives very carefully. um, it's correct, drives very carefully?",
     "he drives very carefully"),
    ([], "uh, I don't mind waiting. Is it ok to say, or I don't mind to wait?",
     "I don't mind waiting"),
    (["Learner: busy! tomorrow my cousins come to visit", "Tutor: Fun! What are you going to do?"],
     "we're meeting them at eight tomorrow at the station. is that correct english?",
     "we're meeting them at eight tomorrow at the station"),
    ([], "My little brother is so funny, he always makes me laugh. uh, makes me laugh, can I say that?",
     "he always makes me laugh"),
    ([], "could you help me carry these bags, is this sentence correct? without to?",
     "could you help me carry these bags"),
    (["Learner: i watched a film last night", "Tutor: Was it good?"],
     "no! The film was so boring that I fell asleep. hmm, is it right?",
     "The film was so boring that I fell asleep"),
    (["Learner: my friend had a party on saturday but she didn't invite me"],
     "I told her, I'd have come if you had asked me. Is it correct grammar?",
     "I'd have come if you had asked me"),
    ([], "I've just finished my lunch. um, just finished, is it the right word order?",
     "I've just finished my lunch"),
    (["Learner: today i called my old friend from school", "Tutor: Oh nice! When did you last talk to her?"],
     "Long time. um, it's been ages since I last saw her. Can I say it like that?",
     "it's been ages since I last saw her"),
    ([], "there is a bag on the chair and i want to ask whose bag is this. it's ok?",
     "whose bag is this"),
]
# --- word forms: (thread after T, line, word, detail, answers)
FORMS = [
    (["Learner: we played football against my brother's team"],
     "and we win! uh, no, what is the past of win?", "win", "past", ["won"]),
    ([], "um, in the garden I dig a big hole yesterday. dig, in the past, is it digged?", "dig", "past", ["dug"]),
    ([], "What's the past participle of hide? Like, my son has... hide my keys again.", "hide", "past participle", ["hidden"]),
    (["Learner: not good, a dog bite me in the park!", "Tutor: Oh no! Are you okay?"],
     "yes yes, it's small. but how do I say, the dog has... bite me? the past participle of bite?", "bite", "past participle", ["bitten"]),
    ([], "they say a cat has nine lifes, haha. no wait, how is the plural of life?", "life", "plural", ["lives"]),
    (["Learner: i love to travel, i visited a lot of places"],
     "maybe twenty countrys. Country, the plural, how you write it, with y or i-e-s?", "Country", "plural", ["countries"]),
    ([], "my street is noisy but the other street is more noisy? what's the comparative of noisy", "noisy", "comparative", ["noisier"]),
    (["Learner: my friend moved to canada", "Tutor: Oh, you must miss her."],
     "yes. I'm sad, and my dog is more sad than me, haha. uh how is the comparative of sad?", "sad", "comparative", ["sadder"]),
    ([], "Monday is the most busy day for me... or busiest? the superlative of busy, which one?", "busy", "superlative", ["busiest"]),
    (["Learner: we went to a new restaurant on sunday", "Tutor: Lovely! Was it good?"],
     "very good but it is the expensivest in the town. hmm, superlative of expensive, how is it?", "expensive", "superlative", ["most expensive"]),
    ([], "How do you spell travel with i-n-g, one L or two L?", "travel", "-ing", ["travelling", "traveling"]),
    (["Learner: i start a new course next week"],
     "so I'm begining... uh, begin with ing, how do you write it?", "begin", "-ing", ["beginning"]),
]
# --- meanings: words, phrasal verbs, idioms; answers: words of a plain definition
MEANINGS = [
    (["Learner: my big sister always tells me what to do", "Tutor: Ha, it sounds like she's a bit bossy!"],
     "Bossy? what it means?", "Bossy", ["tell", "telling", "order", "control", "command", "in charge", "what to do"]),
    ([], "my mum always says my room is messy. What does messy mean?", "messy",
     ["untidy", "not tidy", "dirty", "disorganized", "disorganised", "chaos", "everywhere", "not clean"]),
    (["Learner: my friend invited me to a restaurant for her birthday"],
     "she said it's a fancy restaurant. uh, fancy, what is the meaning?", "fancy",
     ["expensive", "elegant", "posh", "luxur", "smart", "special", "high-class", "upmarket", "classy"]),
    ([], "my doctor said don't skip breakfast. what means skip?", "skip",
     ["miss", "not eat", "don't eat", "not have", "leave out", "avoid", "without"]),
    (["Learner: my neighbours have a party every weekend, very loud", "Tutor: That sounds hard to put up with."],
     "sorry, put up with, what does it mean?", "put up with",
     ["tolerate", "accept", "bear", "stand", "endure", "live with", "deal with"]),
    ([], "Hmm, my wife says we need to get rid of the old sofa. What means get rid of?", "get rid of",
     ["throw away", "throw it away", "throw out", "remove", "give away", "sell", "not have", "no longer", "free of"]),
    (["Learner: every morning i take my daughter to school"],
     "my husband said he can drop her off tomorrow, um, drop off, what it means?", "drop off",
     ["take", "leave", "bring", "drive", "deliver", "let her out", "get out"]),
    ([], "my friend says he works out every day at six. what is work out? like a job?", "work out",
     ["exercise", "gym", "train", "sport", "fit", "physical"]),
    (["Learner: my husband wanted to watch a horror film", "Tutor: Do you like horror films?"],
     "no. My friend always says it's not my cup of tea. what does it mean? it's not about tea, no?", "not my cup of tea",
     ["not like", "don't like", "doesn't like", "not something", "not interested", "prefer", "not enjoy", "don't enjoy", "not your thing", "not my thing", "taste"]),
    ([], "uh, my wife says I am a couch potato, haha. What it means, couch potato?", "couch potato",
     ["lazy", "sofa", "tv", "television", "sit", "inactive", "exercise", "watch"]),
    (["Learner: my brother told me he won the lottery"],
     "and then he said, I'm pulling your leg. um, what's meaning of pulling your leg?", "pulling your leg",
     ["joke", "joking", "kidding", "tease", "teasing", "not serious", "not true", "lie", "trick", "fun of"]),
    ([], "My friend got cold feet one day before her wedding. What is cold feet? Her feet are cold?", "cold feet",
     ["nervous", "scared", "afraid", "fear", "worried", "anxious", "change her mind", "changed her mind", "not sure", "doubt", "back out"]),
]
# --- how to say: (thread after T, line, what is described, every word a person would accept)
HOW = [
    (["Learner: my phone is dead, no battery"],
     "where I put the plug, in the wall, how do you call this thing?", "the thing in the wall where I put the plug",
     ["socket", "outlet", "power point", "plug socket", "wall socket", "power socket", "electrical outlet"]),
    ([], "what's the English for the, um, the wood thing where you cut the vegetables on it?", "the wood thing where you cut vegetables",
     ["chopping board", "cutting board", "chopping block", "breadboard", "bread board"]),
    (["Learner: my kids eat biscuits on the sofa", "Tutor: Oh no, that must be messy!"],
     "Yes, there is the small little pieces of the biscuit everywhere. How we say these small pieces?", "the small pieces of a biscuit",
     ["crumbs", "crumb"]),
    ([], "the son of my aunt, how do you call him in English?", "the son of my aunt", ["cousin"]),
    (["Learner: i watched football yesterday", "Tutor: Oh, who won?", "Learner: nobody, it was one one. but the man with the whistle was terrible"],
     "uh, how do you call him, the man with the whistle who decides?", "the man with the whistle in football",
     ["referee", "ref", "umpire", "official"]),
    ([], "In my building there is a man who cleans and repairs things. What's the English for this job?", "a man who cleans and repairs things in a building",
     ["caretaker", "janitor", "superintendent", "custodian", "handyman", "maintenance", "porter", "concierge"]),
    ([], "when you have a cold and you do like, atchoo... how do you say it?", "the noise you make with a cold, atchoo", ["sneeze"]),
    (["Learner: i asked my son about his school day", "Tutor: What did he say?"],
     "Nothing! he just did like this with the shoulders, up and down. What is the word for that?", "moving the shoulders up and down",
     ["shrug"]),
    ([], "Um, when you are tired and you open the mouth big, like aaah, what is the English word?", "opening the mouth wide when tired",
     ["yawn"]),
    (["Learner: i didn't sleep well, my husband was very loud in the night"],
     "he makes this noise when he sleeps, like rrrr, with the nose. how do you call this?", "the noise some people make when they sleep",
     ["snore", "snoring"]),
]
# --- pronunciation: the stressed syllable's position (CMUdict's one primary
# stress), or what an answer about a silent letter or the syllables says
SAY = [
    ([], "How to pronounce correctly ingredient? I never know, in-gre-di-ent", "ingredient", ["second"]),
    (["Learner: i'm reading a long novel in english", "Tutor: Oh, great! Do you like it?"],
     "yes, the main character is very funny. um, character, where is the stress? at the start or in the middle?", "character", ["first"]),
    ([], "My son goes to university in September, uh, university, where is the stress in this word?", "university", ["third"]),
    (["Learner: i want to make videos in english for practice", "Tutor: Great idea!"],
     "yes, I will record myself every day. But record, the verb, where is the stress? is it different from the noun?", "record", ["second"]),
    ([], "How do I say European? Is the stress like in Europe, at the beginning?", "European", ["third"]),
    (["Learner: i'm not happy in my job", "Tutor: Oh, I'm sorry. Are you thinking of a change?"],
     "yes, I want to change my career. um, career, how I say it correctly? where is the strong part?", "career", ["second"]),
    (["Learner: i cooked fish for dinner", "Tutor: Yum! What kind of fish?"],
     "Salmon. uh, I say sal-mon with L, is it right pronunciation?", "Salmon",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the l", "without l", "don't say the l"]),
    ([], "how do you pronounce island, the s, we say it or no?", "island",
     ["silent", "eye", "don't pronounce", "do not pronounce", "not pronounced", "don't say the s", "without the s"]),
    (["Learner: i told my friend her dress was ugly haha"],
     "I was honest. uh, honest, with h or without h when I say it?", "honest",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the h", "without h", "don't say the h"]),
    ([], "walked, how many syllables? I always say walk-ed", "walked",
     ["one syllable", "1 syllable", "single syllable", "t sound", "like a t", "like t"]),
    (["Learner: my father has a small business"],
     "um, business, how many syllables? bu-si-ness, three?", "business",
     ["two syllables", "2 syllables", "biz"]),
    ([], "How to pronounce clothes? Is it one syllable or clo-thes, two?", "clothes",
     ["one syllable", "1 syllable", "single syllable", "like close", "like \"close\"", "like 'close'"]),
]
# --- questions to the tutor: (thread after T, line, kind, content)
TQ = [
    (["Learner: my parents come to visit me in edinburgh next week", "Tutor: How lovely! Is it their first time there?", "Learner: yes, and they are old, they can't walk too much"],
     "so um, what can we do with them there?", "recommendation",
     ["castle", "royal mile", "arthur", "bus", "tour", "museum", "gallery", "garden", "taxi", "palace", "holyrood", "edinburgh", "tea", "restaurant", "walk"]),
    (["Learner: we have a long car trip on saturday, six hours with the kids"],
     "um, what games can we play in the car?", "recommendation",
     ["i spy", "game", "sing", "song", "twenty questions", "20 questions", "story", "audiobook", "podcast", "music", "count", "plate", "word", "quiz", "guess"]),
    (["Learner: I can't sleep well, I wake up at three every night", "Tutor: Oh, that sounds tiring."],
     "yeah. what should I do, maybe you know something?", "advice",
     ["sleep", "bed", "phone", "screen", "coffee", "caffeine", "tea", "routine", "doctor", "relax", "read", "breath", "exercise", "dark", "alcohol", "night", "wake"]),
    (["Learner: my flatmate never washes the dishes", "Tutor: That's annoying!"],
     "Yes! how I can tell him without a fight?", "advice",
     ["talk", "tell", "speak", "calm", "polite", "rota", "rule", "schedule", "list", "dish", "kind", "honest", "agree", "together", "plan", "nice"]),
    (["Learner: my friend wants me to get a tattoo with her", "Tutor: Oh, interesting! Do you want one?", "Learner: hmm, maybe, I'm not sure"],
     "what's your opinion about tattoos, uh, honestly?", "opinion",
     ["tattoo", "permanent", "forever", "small", "think", "decide", "sure", "regret", "design", "personal", "pain", "hurt", "choice", "idea"]),
    ([], "haha and what about you, Sam, what did you do today?", "about_tutor",
     ["today", "talk", "learner", "help", "chat", "student", "lesson", "computer", "program", "nothing", "day", "tutor", "app"]),
]
# --- goodbyes, in the middle of three threads
MARKET = [T, "Learner: i went to the market this morning", "Tutor: Nice! What did you buy?",
          "Learner: some fruit and a lot of cheese, haha", "Tutor: Sounds delicious. Do you go there every week?"]
MOVE = ["Tutor: Are you still busy with the new flat?", "Learner: yes, there are boxes everywhere",
        "Tutor: Oh no! Have you unpacked the kitchen yet?"]
CONCERT = ["Tutor: What did you do last night?", "Learner: i went to a concert with my sister",
           "Tutor: Fun! What kind of music was it?", "Learner: jazz, it was very good"]
BYE = [
    (MARKET, "Oh, sorry Sam, my phone is ringing, I have to go. Bye!"),
    (MOVE, "um, I think I stop here for today. thank you, bye bye"),
    (CONCERT, "ok, I'm falling asleep on the sofa, haha. Good night Sam!"),
    (MARKET, "yes every saturday. Ok I need to go now, see you next week"),
    (MOVE, "Not yet, haha. I have to go and unpack now, talk to you later"),
    (CONCERT, "thank you for the lesson today, goodbye"),
    (MARKET, "oh no, look at the time! the kids come home soon, I have to go. bye"),
    (MOVE, "That's enough for me today. See you on Monday, Sam."),
]
# --- what Whisper gives for mumbles, fragments, noise and silence
UNCLEAR = ["so the... the, uh, when I", "Untertitel im Auftrag des ZDF, 2017", "Hmm? Mm-hmm.",
           "no wait I mean, the, hmm", "Okay, so. Um.", "what, ah, my, my"]


def rows() -> list[dict]:
    return build_rows(globals(), 9001, "test8")


def write(path: Path = HERE / "test8.jsonl") -> None:
    write_rows(rows(), path)


if __name__ == "__main__":
    write()
