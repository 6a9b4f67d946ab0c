# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes dev.jsonl and test.jsonl: the dialogue evaluation set, written by hand
(see README.md). Run it only to change the set; the split is fixed (seed 24).
"""
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
T = "Tutor: Hi! How was your day?"
rows = []
def add(act, learner, context=(T,), kind=None, subject=None, detail=None, **expect):
    rows.append(dict(act=act, kind=kind, subject=subject, detail=detail,
                     context=list(context), learner=learner, expect=expect))
# --- is it correct? (wrong: the corrector must not call it right; fix: a word the fix has)
W = [("can i say he don't like tea?", "he don't like tea", "doesn't"),
     ("is it correct to say she go to school every day?", "she go to school every day", "goes"),
     ("can i say i have 20 years?", "i have 20 years", "am"),
     ("is this right: yesterday i go to the park", "yesterday i go to the park", "went"),
     ("is it correct: he have two brothers", "he have two brothers", "has"),
     ("can i say i am agree with you?", "i am agree with you", "agree"),
     ("is it right to say my sister work in a bank?", "my sister work in a bank", "works"),
     ("can i say i didn't went to work?", "i didn't went to work", "go"),
     ("is this sentence correct: she can speaks english", "she can speaks english", "speak"),
     ("can i say there is many people here?", "there is many people here", "are"),
     ("is it correct to say i am boring in the class?", "i am boring in the class", "bored"),
     ("can i say he is more tall than me?", "he is more tall than me", "taller"),
     ("is it ok to say we was at home?", "we was at home", "were"),
     ("can i say i live here since 2010?", "i live here since 2010", "lived"),
     ("is it correct: the childrens are playing", "the childrens are playing", "children"),
     ("can i say she don't have a car?", "she don't have a car", "doesn't"),
     ("is this right: i have seen him yesterday", "i have seen him yesterday", "saw"),
     ("can i say my father have a shop?", "my father have a shop", "has"),
     ("is it correct to say i look forward to see you?", "i look forward to see you", "seeing"),
     ("can i say he go to work by bus?", "he go to work by bus", "goes"),
     ]
R = [("can i say he doesn't like tea?", "he doesn't like tea"),
     ("is it correct to say she goes to school every day?", "she goes to school every day"),
     ("can i say i am twenty years old?", "i am twenty years old"),
     ("is this right: yesterday i went to the park", "yesterday i went to the park"),
     ("is it correct: he has two brothers", "he has two brothers"),
     ("can i say i agree with you?", "i agree with you"),
     ("is it right to say my sister works in a bank?", "my sister works in a bank"),
     ("can i say i didn't go to work?", "i didn't go to work"),
     ("is this sentence correct: she can speak english", "she can speak english"),
     ("can i say there are many people here?", "there are many people here"),
     ("is it correct to say i am bored in the class?", "i am bored in the class"),
     ("can i say he is taller than me?", "he is taller than me"),
     ("is it ok to say we were at home?", "we were at home"),
     ("can i say i have lived here since 2010?", "i have lived here since 2010"),
     ("is it correct: the children are playing", "the children are playing"),
     ("can i say she doesn't have a car?", "she doesn't have a car"),
     ("is this right: i saw him yesterday", "i saw him yesterday"),
     ("can i say my father has a shop?", "my father has a shop"),
     ("is it correct to say i look forward to seeing you?", "i look forward to seeing you"),
     ("can i say he goes to work by bus?", "he goes to work by bus"),
     ]
for q, s, fix in W:
    add("language_question", q, kind="is_correct", subject=s, wrong=True, answer_any=[fix])
for q, s in R:
    add("language_question", q, kind="is_correct", subject=s, wrong=False)
F = [("what is the past tense of go?", "go", "past", "went"),
     ("what's the past of buy?", "buy", "past", "bought"),
     ("what is the plural of child?", "child", "plural", "children"),
     ("what is the comparative of good?", "good", "comparative", "better"),
     ("what is the past participle of eat?", "eat", "past participle", "eaten"),
     ("how do you say think in the past?", "think", "past", "thought"),
     ("what is the plural of mouse?", "mouse", "plural", "mice"),
     ("what's the past tense of teach?", "teach", "past", "taught"),
     ("what is the superlative of big?", "big", "superlative", "biggest"),
     ("what is the plural of woman?", "woman", "plural", "women"),
     ("past tense of catch?", "catch", "past", "caught"),
     ("what is the past participle of write?", "write", "past participle", "written"),
     ("what's the comparative of bad?", "bad", "comparative", "worse"),
     ("what is the plural of knife?", "knife", "plural", "knives"),
     ("what's the past tense of bring?", "bring", "past", "brought"),
     ("what is the past of swim?", "swim", "past", "swam"),
     ("plural of tooth?", "tooth", "plural", "teeth"),
     ("what is the past participle of break?", "break", "past participle", "broken"),
     ("what is the past tense of fly?", "fly", "past", "flew"),
     ("what's the superlative of happy?", "happy", "superlative", "happiest"),
     ]
for q, s, d, a in F:
    add("language_question", q, kind="word_form", subject=s, detail=d, answer_any=[a])
M = [("what does nervous mean?", "nervous", ["agitated", "anxious", "worried", "excited"]),
     ("what is a commute?", "commute", ["journey", "travel", "work"]),
     ("what does awkward mean?", "awkward", ["grace", "inconvenience", "embarrass", "difficult", "clumsy"]),
     ("what does cheap mean?", "cheap", ["price", "low"]),
     ("what does get along mean?", "get along", ["relations", "friendly", "agree"]),
     ("what does exhausted mean?", "exhausted", ["tired", "energy", "fatigue", "drained"]),
     ("what is a landlord?", "landlord", ["owner", "property", "rent", "lets"]),
     ("what does borrow mean?", "borrow", ["get", "use", "temporarily", "return"]),
     ("what does give up mean?", "give up", ["stop", "quit", "abandon", "surrender", "lose", "forfeit"]),
     ("what does delicious mean?", "delicious", ["taste", "pleasing", "flavor", "delightful"]),
     ("what does furious mean?", "furious", ["angry", "anger", "rage", "violent"]),
     ("what is a receipt?", "receipt", ["acknowledge", "paper", "payment", "received", "receiving"]),
     ("what does reluctant mean?", "reluctant", ["unwilling", "disinclined", "willing"]),
     ("what is a neighbour? i mean neighbor", "neighbor", ["lives", "near", "next"]),
     ("what does break a leg mean?", "break a leg", ["luck", "unsure"]),
     ("what does ambitious mean?", "ambitious", ["ambition", "success", "desire", "strong"]),
     ("what is a hangover?", "hangover", ["drink", "alcohol", "sick", "headache", "unpleasant"]),
     ("what does curious mean?", "curious", ["know", "interest", "eager", "inquisitive", "unusual"]),
     ("what does look after mean?", "look after", ["care", "attend"]),
     ("what does stubborn mean?", "stubborn", ["change", "mind", "unwilling", "persuade", "yield", "obstinate"]),
     ]
for q, s, a in M:
    add("language_question", q, kind="meaning", subject=s, answer_any=a)
H = [("how do you call a person who repairs water pipes?", "a person who repairs water pipes", ["plumber"]),
     ("what do you call the meal in the middle of the day?", "the meal in the middle of the day", ["lunch", "luncheon", "dinner"]),
     ("how do i say the person who flies a plane?", "the person who flies a plane", ["pilot", "aviator", "flier"]),
     ("what do you call a doctor for teeth?", "a doctor for teeth", ["dentist"]),
     ("what's the word for a place where you borrow books?", "a place where you borrow books", ["library"]),
     ("what do you call the brother of your mother?", "the brother of your mother", ["uncle"]),
     ("how do you say a room where you cook?", "a room where you cook", ["kitchen"]),
     ("what do you call a person who cuts hair?", "a person who cuts hair", ["barber", "hairdresser", "hairstylist"]),
     ("what is the word for a very big shop that sells food?", "a very big shop that sells food", ["supermarket", "grocery"]),
     ("what do you call the day after today?", "the day after today", ["tomorrow"]),
     ("how do you say someone who teaches at school?", "someone who teaches at school", ["teacher", "instructor"]),
     ("what do you call a small house for a dog?", "a small house for a dog", ["kennel", "doghouse"]),
     ]
for q, s, a in H:
    add("language_question", q, kind="how_to_say", subject=s, answer_any=a)
P = [("how do you pronounce banana?", "banana", ["three", "second"]),
     ("how do i say the word comfortable?", "comfortable", ["first"]),
     ("how is hotel pronounced?", "hotel", ["two", "second"]),
     ("how do you pronounce photograph?", "photograph", ["three", "first"]),
     ("where is the stress in important?", "important", ["second"]),
     ("how do you pronounce vegetable?", "vegetable", ["first"]),
     ("how do you say tomorrow, the pronunciation?", "tomorrow", ["three", "second"]),
     ("how do you pronounce chocolate?", "chocolate", ["first"]),
     ("how do you pronounce develop?", "develop", ["three", "second"]),
     ("how is the word hotel said? no, sorry, the word computer", "computer", ["three", "second"]),
     ("how do you pronounce restaurant?", "restaurant", ["first"]),
     ("how do you pronounce guitar?", "guitar", ["two", "second"]),
     ]
for q, s, a in P:
    add("language_question", q, kind="pronunciation", subject=s, answer_any=a)
# --- questions to the tutor, with the thread they are about
TQ = [(["i am going to lisbon next month with my wife"], "what should i see there?", "recommendation", ["lisbon", "belem", "tram", "alfama", "tower", "castle", "city", "old", "museum"]),
      (["i'm going to london next week"], "which museum do you recommend?", "recommendation", ["british", "museum", "tate", "gallery", "natural", "history", "science", "london"]),
      (["i want to learn to cook"], "what dish should i start with?", "advice", ["pasta", "soup", "egg", "rice", "simple", "salad", "omelette", "dish"]),
      (["i can't sleep well these days"], "what do you think i should do?", "advice", ["sleep", "bed", "night", "phone", "screen", "tea", "coffee", "routine", "relax", "read"]),
      ([], "what is your favourite food?", "about_tutor", ["food", "pizza", "pasta", "love", "like", "favourite", "favorite", "eat"]),
      ([], "do you like music?", "about_tutor", ["music", "song", "listen", "jazz", "rock", "pop", "love", "like"]),
      (["my son wants a dog"], "is a dog a good pet for a child?", "opinion", ["dog", "pet", "child", "kid", "responsib", "care", "walk"]),
      (["i have a job interview on friday"], "how can i prepare for it?", "advice", ["interview", "practice", "question", "company", "prepare", "research", "answer"]),
      (["i want to read more in english"], "which book do you recommend?", "recommendation", ["book", "novel", "read", "story", "harry", "orwell", "simple"]),
      ([], "where do you live?", "about_tutor", ["live", "city", "town", "home", "house"]),
      (["we want to visit japan in spring"], "what city should we visit first?", "recommendation", ["tokyo", "kyoto", "osaka", "city", "japan", "cherry"]),
      (["i'm learning english for my work"], "how can i learn faster?", "advice", ["practice", "speak", "read", "listen", "every", "day", "words", "english"]),
      ([], "what do you do at the weekend?", "about_tutor", ["weekend", "read", "walk", "cook", "friend", "relax", "saturday", "sunday"]),
      (["i am thinking about buying a bike"], "do you think it's a good idea?", "opinion", ["bike", "cycling", "ride", "idea", "exercise", "health", "good"]),
      (["my friend is sad because she lost her job"], "what can i say to her?", "advice", ["friend", "job", "listen", "support", "help", "tell", "say", "there"]),
      (["i'm going to paris in june"], "what food should i try?", "recommendation", ["croissant", "cheese", "bread", "crepe", "french", "wine", "food", "paris", "baguette"]),
      ([], "do you have any hobbies?", "about_tutor", ["hobby", "hobbies", "read", "walk", "cook", "music", "paint", "garden", "like", "love"]),
      (["i want to run a marathon next year"], "how should i train?", "advice", ["run", "train", "week", "slow", "distance", "kilometre", "mile", "start", "build"]),
      (["i have a cold"], "what should i eat?", "advice", ["soup", "tea", "honey", "fruit", "water", "drink", "orange", "eat"]),
      (["i'm going to new york for a weekend"], "what should i do there?", "recommendation", ["new york", "central park", "museum", "broadway", "statue", "walk", "city", "times"]),
      ([], "what is your favourite season?", "about_tutor", ["season", "spring", "summer", "autumn", "fall", "winter"]),
      (["my daughter starts school next week"], "how can i help her?", "advice", ["school", "daughter", "help", "talk", "read", "listen", "routine", "sleep"]),
      (["i want to buy a new phone"], "which phone is better, a big one or a small one?", "opinion", ["phone", "big", "small", "screen", "pocket", "depend", "use"]),
      (["i'm moving to a new city"], "how can i make friends there?", "advice", ["friend", "club", "class", "neighbour", "neighbor", "join", "meet", "people"]),
      (["i'm going to the beach tomorrow"], "what should i take with me?", "advice", ["sun", "water", "towel", "hat", "cream", "sunscreen", "swim", "beach"]),
      ([], "do you like cooking?", "about_tutor", ["cook", "cooking", "food", "kitchen", "love", "like"]),
      (["i want to learn an instrument"], "should i learn the piano or the guitar?", "opinion", ["piano", "guitar", "instrument", "music", "learn", "play"]),
      (["i am going to rome for three days"], "is three days enough?", "opinion", ["rome", "days", "three", "enough", "see", "city"]),
      (["my team has a big match on saturday"], "any tips to stay calm?", "advice", ["calm", "breathe", "match", "relax", "focus", "team", "sleep"]),
      ([], "what kind of books do you like?", "about_tutor", ["book", "novel", "story", "read", "mystery", "history", "like"]),
      ]
for ctx, q, k, c in TQ:
    add("tutor_question", q, context=[T, *("Learner: " + x for x in ctx)], kind=k, content=c)
# --- news: content words a follow-up about it would use; error: the corrector should fix something
N = [("my car broke down on the highway", ["car", "highway", "mechanic", "garage", "tow", "repair", "fix", "break", "drive", "road"], False),
     ("hi, i am fine thank you. i just come back from my work", ["work", "job", "day", "office", "come", "back", "home"], True),
     ("thanks. my grandmother died last year, so i cannot ask her anymore", ["grandmother", "grandma", "miss", "remember", "sorry", "die", "year", "ask"], False),
     ("on sunday i went to the lake with my husband for relax", ["lake", "husband", "relax", "swim", "sunday", "weekend", "go"], True),
     ("yesterday i lost my keys on the bus", ["keys", "key", "bus", "lose", "lost", "find", "door", "home"], False),
     ("one man shout at me in the shop today", ["man", "shop", "shout", "happen", "angry", "why"], True),
     ("i started a new job last monday", ["job", "work", "colleague", "start", "new", "monday", "like"], False),
     ("my daughter is sick since two days", ["daughter", "sick", "doctor", "better", "ill", "fever", "feel"], True),
     ("we had a picnic in the park with friends", ["picnic", "park", "friend", "food", "eat", "weather"], False),
     ("i am very tired because i worked a lot this week", ["tired", "work", "week", "rest", "weekend", "sleep"], False),
     ("my brother get married in june", ["brother", "married", "wedding", "june", "marry"], True),
     ("i cooked lasagna for my family last night", ["lasagna", "cook", "family", "recipe", "eat", "like", "dinner"], False),
     ("today is raining all day and i stay at home", ["rain", "home", "day", "weather", "stay", "do"], True),
     ("i watched a very good film yesterday", ["film", "movie", "watch", "see", "about", "called"], False),
     ("my son passed his driving test", ["son", "driving", "test", "pass", "car", "drive"], False),
     ("i have a headache since the morning", ["headache", "morning", "medicine", "rest", "head", "water", "feel"], True),
     ("last weekend we visit my parents in the village", ["parents", "village", "visit", "weekend", "family"], True),
     ("i want to learn to play the guitar", ["guitar", "play", "learn", "music", "song", "lesson"], False),
     ("my cat is very old now, she is fifteen", ["cat", "old", "fifteen", "pet", "name", "age"], False),
     ("we are moving to a new flat next month", ["flat", "move", "apartment", "month", "new", "home", "house"], False),
     ("i forgot my umbrella and i got wet", ["umbrella", "wet", "rain", "forget", "home"], False),
     ("my neighbour make a lot of noise every night", ["neighbour", "neighbor", "noise", "night", "loud", "sleep"], True),
     ("i bought a new bike for going to work", ["bike", "work", "ride", "buy", "new", "cycle"], False),
     ("the train was late again this morning", ["train", "late", "morning", "work", "wait", "delay"], False),
     ("i finished my exams, finally!", ["exam", "finish", "result", "study", "celebrate", "test"], False),
     ]
for line, c, err in N:
    add("news", line, content=c, error=err)
# news as answers to the tutor's question (context matters)
NA = [(["What did you do at the weekend?"], "i go swimming with my kids", ["swim", "kids", "children", "pool", "water"], True),
      (["Where are you from?"], "i am from brazil, from a small town near recife", ["brazil", "town", "recife", "live", "there"], False),
      (["What do you do for work?"], "i work like nurse in a hospital", ["nurse", "hospital", "work", "patient", "shift"], True),
      (["Do you have any pets?"], "yes, two dogs, they are very crazy haha", ["dog", "dogs", "crazy", "name", "walk", "pet"], False),
      (["What are your plans for the summer?"], "we will go to spain for two weeks", ["spain", "weeks", "summer", "beach", "go", "city", "visit"], False),
      (["How was your day?"], "not so good, i had a fight with my boss", ["boss", "fight", "work", "happen", "argument", "argue"], False),
      (["What did you eat today?"], "i eat only a sandwich because i was busy", ["sandwich", "busy", "eat", "lunch", "food"], True),
      (["What do you like to do in your free time?"], "i like reading and walking in the forest", ["read", "walk", "forest", "book", "nature"], False),
      (["How was your trip?"], "it was amazing, we saw the mountains", ["mountain", "trip", "see", "hike", "view"], False),
      (["How is your family?"], "everybody is fine, my mother is coming to visit us next week", ["mother", "visit", "week", "family", "come"], False),
      ]
for ctx, line, c, err in NA:
    add("news", line, context=["Tutor: " + x for x in ctx], content=c, error=err)
G = ["okay, i have to go now, thank you for the talk", "bye bye, see you tomorrow", "ok that's all for today, goodbye",
     "i need to go, my bus is coming. bye!", "thank you sam, see you next time", "good night, talk to you later",
     "sorry i have to leave now", "that was nice, bye for now", "ok i must go cook dinner, bye",
     "see you later!", "thanks for your help, goodbye", "i'm going to stop here, thank you",
     "bye sam", "i think that's enough for today, bye", "have a nice day, goodbye",
     "ok, thank you, i will go to sleep now. good night", "my break is over, i have to go back to work, bye",
     "catch you later", "thank you, it was fun. see you", "goodbye and thanks"]
for g in G:
    add("goodbye", g, context=[T, "Learner: i went to the market this morning", "Tutor: Oh, nice! What did you buy?", "Learner: i bought vegetables and fish", "Tutor: Fresh fish is great. How will you cook it?"])
U = ["asdf qwerty", "um uh", "the the the", "thanks for watching", "[music]", "hmm mm", "blah blah", "zzzz", "...", "eh"]
for u in U:
    add("unclear", u)
Q = ["can you speak more slowly please", "please repeat that", "can we talk about something else?", "how do you spell restaurant?", "stop correcting me please"]
for q in Q:
    add("request", q)
rng = random.Random(24)
for i, row in enumerate(rows):
    row["id"] = i + 1
order = list(range(len(rows)))
# split within each act (and kind), half and half
groups = {}
for r in rows:
    groups.setdefault((r["act"], r["kind"]), []).append(r)
for g in groups.values():
    rng.shuffle(g)
    for j, r in enumerate(g):
        r["split"] = "test" if j % 2 else "dev"
# Added for the answers to "is it correct?" (issue 24, after the first test
# run): dev only, so the test split stays as it was. Agreement with do/have/be,
# the present perfect or a present verb with a finished time, double
# comparatives, "I am agree", uncountable and irregular plurals, a number with
# a singular, a missing article, a form after a modal or "did", and each
# sentence's right twin.
XW = [("can i say she don't know the answer?", "she don't know the answer", "doesn't"),
      ("is it correct: my brother have two cars", "my brother have two cars", "has"),
      ("can i say they was very happy?", "they was very happy", "were"),
      ("is this right: the shop open at nine", "the shop open at nine", "opens"),
      ("can i say he have a big dog?", "he have a big dog", "has"),
      ("is it ok to say i has a question?", "i has a question", "have"),
      ("is it correct to say my mother don't drive?", "my mother don't drive", "doesn't"),
      ("can i say it don't work?", "it don't work", "doesn't"),
      ("is this sentence correct: you was right", "you was right", "were"),
      ("can i say i have finished my homework yesterday?", "i have finished my homework yesterday", "finished my"),
      ("is it correct: we have visited paris last summer", "we have visited paris last summer", "visited"),
      ("can i say she has left two hours ago?", "she has left two hours ago", "left two"),
      ("is it right to say i have bought this car in 2019?", "i have bought this car in 2019", "bought this"),
      ("can i say they have moved here last year?", "they have moved here last year", "moved here"),
      ("is this correct: yesterday i go to the cinema", "yesterday i go to the cinema", "went"),
      ("can i say last week we play tennis?", "last week we play tennis", "played"),
      ("is it correct to say i buy a new phone two days ago?", "i buy a new phone two days ago", "bought"),
      ("can i say my sister call me yesterday?", "my sister call me yesterday", "called"),
      ("can i say this one is more better?", "this one is more better", "is better"),
      ("is it correct: her house is more bigger than mine", "her house is more bigger than mine", "is bigger"),
      ("can i say we are agree?", "we are agree", "we agree"),
      ("is it correct to say he is agree with me?", "he is agree with me", "agrees"),
      ("can i say i need some informations?", "i need some informations", "information"),
      ("is it ok to say he gave me good advices?", "he gave me good advices", "advice"),
      ("can i say we bought new furnitures?", "we bought new furnitures", "furniture"),
      ("is this right: i have two sister", "i have two sister", "sisters"),
      ("can i say there are three bedroom in my flat?", "there are three bedroom in my flat", "bedrooms"),
      ("can i say she doesn't likes coffee?", "she doesn't likes coffee", "like coffee"),
      ("is it correct: did you saw my keys?", "did you saw my keys", "see"),
      ("can i say you should to rest?", "you should to rest", "should rest"),
      ("can i say i am teacher?", "i am teacher", "a teacher"),
      ("is it correct: she is doctor", "she is doctor", "a doctor"),
      ("can i say my feets hurt?", "my feets hurt", "feet"),
      ("is this right: the womens are talking", "the womens are talking", "women"),
      ("can i say i goed to the shop?", "i goed to the shop", "went"),
      ("can i say he can plays the guitar?", "he can plays the guitar", "play"),
      ("is it correct to say we didn't saw the film?", "we didn't saw the film", "see"),
      ("can i say the children is sleeping?", "the children is sleeping", "are"),
      ("can i say people is friendly here?", "people is friendly here", "are"),
      ]
XR = [("can i say she doesn't know the answer?", "she doesn't know the answer"),
      ("is it correct: my brother has two cars", "my brother has two cars"),
      ("can i say they were very happy?", "they were very happy"),
      ("is this right: the shop opens at nine", "the shop opens at nine"),
      ("can i say i finished my homework yesterday?", "i finished my homework yesterday"),
      ("is it correct: we visited paris last summer", "we visited paris last summer"),
      ("can i say she left two hours ago?", "she left two hours ago"),
      ("can i say i have never been to london?", "i have never been to london"),
      ("is it correct to say this one is better?", "this one is better"),
      ("can i say i need some information?", "i need some information"),
      ("can i say he gave me good advice?", "he gave me good advice"),
      ("is this right: i have two sisters", "i have two sisters"),
      ("can i say we didn't see the film?", "we didn't see the film"),
      ("can i say i have lived in this city for five years?", "i have lived in this city for five years"),
      ("is it correct: i am a teacher", "i am a teacher"),
      ("can i say the children are sleeping?", "the children are sleeping"),
      ("can i say people are friendly here?", "people are friendly here"),
      ("is it ok to say my feet hurt?", "my feet hurt"),
      ("can i say she has already eaten?", "she has already eaten"),
      ("can i say we have known each other since 2015?", "we have known each other since 2015"),
      ]
extra = []
for q, s, fix in XW:
    extra.append(dict(act="language_question", kind="is_correct", subject=s, detail=None, context=[T],
                      learner=q, expect=dict(wrong=True, answer_any=[fix])))
for q, s in XR:
    extra.append(dict(act="language_question", kind="is_correct", subject=s, detail=None, context=[T],
                      learner=q, expect=dict(wrong=False)))
for i, row in enumerate(extra):
    row["id"], row["split"] = len(rows) + i + 1, "dev"
rows += extra
# --- more news for dev only (issue 24's follow-ups: at least 30 news lines to
# tune on), written later by hand, after the split: they take no place in the
# shuffle above, so test.jsonl stays as it was written. ids from 1001.
DEV_NEWS = [([T], "i started a new job in a bakery last monday", ["job", "bakery", "bread", "work", "new", "start", "cake"], False),
            ([T], "my husband and me went to a concert on saturday", ["concert", "music", "band", "husband", "saturday", "sing", "play"], True),
            ([T], "i broke my phone, it fall on the floor", ["phone", "broke", "broken", "screen", "fix", "new", "repair", "fall", "fell"], True),
            ([T], "our team win the match yesterday", ["team", "win", "won", "match", "game", "play", "score"], True),
            ([T], "i am learning to drive, my test is in june", ["drive", "driving", "test", "june", "car", "lesson", "learn"], False),
            ([T], "my son start school this year", ["son", "school", "start", "year", "class", "teacher"], True),
            ([T], "i planted tomatoes in my garden", ["tomato", "garden", "plant", "grow", "vegetable"], False),
            (["Tutor: What did you do at the weekend?"], "we went to the beach but it was too cold", ["beach", "cold", "weekend", "swim", "sea", "water", "weather"], False),
            (["Tutor: How are you today?"], "a bit tired, i didn't sleep good", ["tired", "sleep", "night", "bed", "rest"], True),
            (["Tutor: What do you do for work?"], "i am teacher in a primary school", ["teacher", "school", "teach", "children", "kids", "class", "student", "pupil"], True),
            (["Tutor: Did you have a good holiday?"], "yes, we was in italy for ten days", ["italy", "holiday", "days", "visit", "rome", "food", "see", "trip"], True),
            ([T], "my best friend is getting married in may", ["friend", "married", "marry", "wedding", "may"], False),
            ([T], "i bake a chocolate cake for my sister birthday", ["cake", "chocolate", "bake", "sister", "birthday", "party"], True),
            ([T], "the heating in my flat is broken since monday", ["heating", "flat", "broken", "cold", "fix", "repair", "landlord", "heat"], True),
            (["Tutor: What are you reading at the moment?"], "a book about the history of japan", ["book", "history", "japan", "read", "about"], False),
            ]
for i, (ctx, line, c, err) in enumerate(DEV_NEWS):
    rows.append(dict(act="news", kind=None, subject=None, detail=None, context=list(ctx),
                     learner=line, expect=dict(content=c, error=err), id=1001 + i, split="dev"))
for split in ("dev", "test"):
    with open(HERE / f"{split}.jsonl", "w") as f:
        for r in rows:
            if r["split"] == split:
                r2 = {k: v for k, v in r.items() if v not in (None, []) or k in ("context",)}
                f.write(json.dumps(r2, ensure_ascii=False) + "\n")
print(len(rows), {k: len(v) for k, v in groups.items()})
